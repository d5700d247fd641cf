/* pico.h: PETRARCH-2's internal coding ontology (PICO) and verb transformations.
 *
 * PETRARCH-2 codes a verb that governs another verb ("wants to help",
 * "asked Obama to help", "said they will attack") by combining the two
 * codes in its internal ontology, where each CAMEO code is a 16-bit number
 * whose hex digits are independent facets (say/appeal/intend..., yield,
 * meet/aid/fight..., the domain): "intend" 0x3000 + "aid" 0x0040 = 0x3040,
 * CAMEO 033. Negation subtracts 0xFFFF ("not provide aid" -> 121). Where
 * the ontology does not say what a pair means, the verb dictionary's
 * transformation lines do ("~ a (b . ATTACK) SAY = a b 112": a saying that
 * b attacked is a accusing b).
 *
 * The ontology file ("CODE:0xVALUE # comment", as PETRARCH-2 and
 * UniversalPetrarch ship it) is a dictionary like the others: loading it
 * turns these semantics on for the coder (see cod_sentence); without it
 * nothing changes. Transformation lines are read with the PETRARCH-2 verb
 * file, their verbs resolved to the codes those verbs carry there. */
#ifndef DYAD_PICO_H
#define DYAD_PICO_H
#include <stdint.h>
#include "lexicon/lexicon.h"

enum { LEX_PICO_NONE = INT32_MIN };   /* a code the ontology does not know */

/* Read an ontology file into lx. Returns entries read, -1 if unreadable;
 * bad lines are reported through lex_error and skipped. */
int lex_load_pico(lexicon *lx, const char *path);
int lex_load_pico_mem(lexicon *lx, const char *name, const char *data, size_t len);

/* Whether a text looks like an ontology file (lines "010:0x1000..."). */
int lex_pico_sniff(const char *data, size_t len);

/* Add one transformation line ("~ a (a b ATTACK) SAY = a b 015"); the
 * verbs must already be in lx. 0 on success, -1 (reported) otherwise. */
int lex_add_xform(lexicon *lx, const char *line, lex_src src);

/* Sort the ontology for lookups and resolve the transformations' verb
 * values (lex_compile calls it; loading more afterwards needs it again). */
void lex_pico_compile(lexicon *lx);

/* CAMEO -> PICO; LEX_PICO_NONE when unknown. A code missing from the table
 * falls back to its two-digit root's "x0" entry, as PETRARCH-2 does. */
int32_t lex_pico_of(const lexicon *lx, const char *cameo);

/* PICO -> CAMEO (the first code listed with that value); NULL when none,
 * which means the combination has no event. */
const char *lex_pico_cameo(const lexicon *lx, int32_t value);

/* PETRARCH-2's rule for an upper verb governing a lower one. */
int32_t lex_pico_combine(int32_t upper, int32_t lower);

/* The closest transformation for an upper verb and a lower event, both
 * as PICO values: same_source says whether the lower source is the upper
 * one ('a'), no_source that the lower verb has none of its own ('_').
 * NULL if none applies. */
const lex_xform *lex_xform_find(const lexicon *lx, int32_t upper, int32_t lower, int same_source, int no_source);

#endif
