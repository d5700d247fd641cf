/* cli.h: the dyad command line; each command in its own file, all thin
 * wrappers over libdyad. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

int cmd_code(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_serve(int argc, char **argv);

/* "2024-08-16" or "20240816" -> yyyymmdd, 0 if invalid. */
int cli_date(const char *s);
/* Does argv[i] equal one of the names (e.g. "-h", "--help")? */
int cli_is(const char *arg, const char *a, const char *b);

/* Options shared by the commands that code (code, ingest): --dict,
 * --options, --no-default-dict, --no-modality, --events-only for the
 * engine, and --date, --format for the input (engine_opts.c). */
#define CLI_MAX_DICTS 64
typedef struct cli_engine_opts {
    const char *dicts[CLI_MAX_DICTS]; /* --dict files, in order */
    int ndicts;                       /* how many */
    const char *options;              /* --options file, NULL if none */
    int defaults;                     /* load dyad's own dictionaries (default 1) */
    int modality;                     /* flag negated/conditional/future/hedged (default 1) */
    int events_only;                  /* --events-only: no entities, places, quotations, amounts */
    int date;                         /* --date: yyyymmdd for articles that carry none, 0 if not given */
    int format;                       /* --format: an rd_format (0 = RD_AUTO) */
} cli_engine_opts;
/* If argv[*i] is one of those options, take it (and its value: *i moves
 * on) and return 1; 0 if not one of them; -1 on a usage error (reported). */
int cli_engine_arg(cli_engine_opts *o, int argc, char **argv, int *i);
/* A ready engine with the dictionaries of o, the first problems printed on
 * stderr; NULL (reported, as "dyad CMD: ...") if a file can't be read. */
struct dyad_engine *cli_engine(const cli_engine_opts *o, const char *cmd);

/* Seconds from a to b. */
struct timespec;
double cli_seconds(const struct timespec *a, const struct timespec *b);

#endif
