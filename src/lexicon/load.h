/* load.h: dictionary loaders, one per format, all filling a lexicon.
 *
 * Contract: each loader reads one file, adds what it understands through
 * the lex_add_* builder calls, reports every bad line with lex_error()
 * (file and line) and goes on with the next line. It returns the number of
 * entries added, or -1 when the file cannot be read at all. Call
 * lex_compile() once after the last file. */
#ifndef DYAD_LOAD_H
#define DYAD_LOAD_H
#include "lexicon/lexicon.h"

/* TABARI 0.8: .actors (with <NOUN>/<ADJECTIVE> sections, '+' synonyms and
 * indented date lines), .agents, .verbs (with <SYNSETS>, <TIME>, {forms}). */
int lex_load_tabari_actors(lexicon *lx, const char *path);
int lex_load_tabari_agents(lexicon *lx, const char *path);
int lex_load_tabari_verbs(lexicon *lx, const char *path);

/* PETRARCH-1 / PETRARCH-2 (Phoenix): actors, agents, discards, and verbs in
 * either the PETR-1 block format or PETRARCH-2's CAMEO.2.0.txt format (the
 * loader tells them apart by content). */
int lex_load_petrarch_actors(lexicon *lx, const char *path);
int lex_load_petrarch_agents(lexicon *lx, const char *path);
int lex_load_petrarch_discards(lexicon *lx, const char *path);
int lex_load_petrarch_verbs(lexicon *lx, const char *path);

/* dyad's own format (docs/dictionary-format.md): one file may hold any
 * sections ([actors], [agents], [verbs], [synsets], [nouns], [adjectives],
 * [discards]). */
int lex_load_dyad(lexicon *lx, const char *path);

/* Load by guessing the format from the name and content (".actors",
 * ".verbs", ".agents" TABARI; "*actors*.txt" etc. PETRARCH; ".dyad"). */
int lex_load_auto(lexicon *lx, const char *path);

#endif
