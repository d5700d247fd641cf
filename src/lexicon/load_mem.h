/* load_mem.h: the PETRARCH and dyad loaders working on text already in
 * memory. The file-based loaders in load.h read the whole file and call
 * these; fuzzers and tests call them directly.
 *
 * Contract: `name` is the file name used in messages ("name:line: what");
 * data[0..len) may hold any bytes (NULs end a line early, a missing final
 * newline is fine). Same return value and error reporting as load.h,
 * except that -1 is never returned.
 *
 * How PETRARCH entries land in the lexicon:
 *  - actors: every word exact, words consecutive ("A_B_"); "+synonym" lines
 *    share the group's code choices and get the group head as parent.
 *  - agents: blank = other words may intervene, '_' = consecutive; "{}"
 *    turns regular endings off, "{PLURAL}" adds the plural as its own
 *    phrase, "!MACRO!" substitutions are expanded.
 *  - discards: LEX_DISCARD phrases with one choice: code "###" (sentence)
 *    or "+###" (a leading '+': the whole story is discarded).
 *  - verbs: one lex_verb per distinct code in a "--- NAME [code] ---"
 *    block (verb lines without a code take the block's); every pattern of
 *    the block is added to each of them. PETR-2 patterns (CAMEO.2.0.txt)
 *    are flattened: "{NOUN PHRASE}" and "(PREP PHRASE)" brackets are
 *    dropped, words and markers kept in order. A code "[:173]" (reverse
 *    event only) becomes a null code paired with "173". In a PETR-2 file
 *    (one with "~" lines) pattern nouns take plurals, the later of two
 *    equal patterns in a block is used, and the "~" transformations are
 *    added (pico.h) once every verb is in. */
#ifndef DYAD_LOAD_MEM_H
#define DYAD_LOAD_MEM_H
#include <stddef.h>
#include <stdint.h>
#include "lexicon/lexicon.h"

int lex_load_petrarch_actors_mem(lexicon *lx, const char *name, const char *data, size_t len);
int lex_load_petrarch_agents_mem(lexicon *lx, const char *name, const char *data, size_t len);
int lex_load_petrarch_discards_mem(lexicon *lx, const char *name, const char *data, size_t len);
int lex_load_petrarch_verbs_mem(lexicon *lx, const char *name, const char *data, size_t len);
int lex_load_dyad_mem(lexicon *lx, const char *name, const char *data, size_t len);

/* Flat patterns that TABARI-syntax pattern text expands to through the
 * lexicon's synsets and {|} alternatives, or LEX_MAX_VARIANTS + 1 when
 * more: the lexicon refuses patterns that expand further, and the loaders
 * report them once instead. */
enum { LEX_MAX_VARIANTS = 4096 };
uint64_t lex_count_variants(const lexicon *lx, const char *pattern);

/* Would adding `member` (TABARI syntax) to synset `name` ("&NAME") make
 * the synset contain itself, directly or through other synsets? */
int lex_synset_cycle(const lexicon *lx, const char *name, const char *member);

/* Read a whole file into a malloc'ed, NUL-terminated buffer; NULL when it
 * cannot be read. */
char *lex_read_file(const char *path, size_t *len);

/* Read the file and hand it to one of the loaders above: what it returns,
 * or -1 (reported as "cannot read dictionary") when the file cannot be read. */
typedef int (*lex_mem_loader)(lexicon *lx, const char *name, const char *data, size_t len);
int lex_load_path(lexicon *lx, const char *path, lex_mem_loader fn);

#endif
