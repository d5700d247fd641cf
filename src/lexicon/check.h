/* check.h: check a dictionary file and describe its problems (for
 * `dyad dict check FILE`).
 *
 * lex_check_file() loads the file (format chosen by lex_load_auto) into a
 * scratch lexicon, compiles it, and appends to `messages` one line per
 * problem: first the load errors ("file:line: what"), then warnings
 * ("file:line: warning: what"), then a summary line
 * ("file: N entries, E errors, W warnings"). Warnings: the same phrase
 * with different codes, actor codes not starting with a 3-letter code,
 * date ranges that end before they start or partly overlap the range of
 * another code (sharing a boundary day, or lying inside the other, is
 * fine), verbs and patterns whose event code is not a CAMEO code.
 *
 * Returns the number of errors (warnings do not count), or -1 when the file
 * cannot be read or its format is unknown. */
#ifndef DYAD_CHECK_H
#define DYAD_CHECK_H
#include "util/buf.h"

int lex_check_file(const char *path, buf *messages);

#endif
