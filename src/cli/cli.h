/* cli.h: the dyad command line; each command in its own file, all thin
 * wrappers over libdyad. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

int cmd_code(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_explain(int argc, char **argv);

/* "2024-08-16" or "20240816" -> yyyymmdd, 0 if invalid. */
int cli_date(const char *s);
/* Does argv[i] equal one of the names (e.g. "-h", "--help")? */
int cli_is(const char *arg, const char *a, const char *b);

#endif
