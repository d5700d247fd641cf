/* engine_opts.c: the dictionary options every coding command shares
 * (--dict, --options, --no-default-dict, --no-modality, --events-only,
 * --date, --format) and the engine
 * they make (see cli.h). */
#include "cli/cli.h"
#include "dyad.h"
#include "input/input.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

double cli_seconds(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* Print the first few dictionary problems, then a count: big public
 * dictionaries have dozens, and one screen of them is enough. */
static void print_dict_messages(const dyad_engine *eng)
{
    unsigned nmsg;
    const char *m = dyad_engine_messages(eng, &nmsg);
    for (unsigned i = 0; i < 10 && *m; i++) {
        const char *nl = strchr(m, '\n');
        size_t n = nl ? (size_t)(nl - m + 1) : strlen(m);
        fwrite(m, 1, n, stderr);
        m += n;
    }
    if (nmsg > 10)
        fprintf(stderr, "dyad: ... %u dictionary problems in all; 'dyad dict check FILE' lists them\n", nmsg);
}

dyad_engine *cli_engine(const cli_engine_opts *o, const char *cmd)
{
    dyad_engine *eng = dyad_engine_new();
    dyad_engine_modality(eng, o->modality);
    dyad_engine_events_only(eng, o->events_only);
    if (o->defaults && dyad_engine_load_default(eng, NULL) < 0)
        fprintf(stderr, "dyad %s: dyad's own dictionaries not found (set DYAD_DATA); going on without them\n", cmd);
    for (int i = 0; i < o->ndicts; i++)
        if (dyad_engine_load(eng, o->dicts[i]) < 0) {
            fprintf(stderr, "dyad %s: cannot read dictionary %s\n", cmd, o->dicts[i]);
            dyad_engine_free(eng);
            return NULL;
        }
    if (o->options) {
        FILE *f = fopen(o->options, "r");
        if (!f) {
            fprintf(stderr, "dyad %s: cannot read options %s\n", cmd, o->options);
            dyad_engine_free(eng);
            return NULL;
        }
        char line[1024];
        while (fgets(line, sizeof line, f)) dyad_engine_option(eng, line);
        fclose(f);
    }
    dyad_engine_ready(eng);
    print_dict_messages(eng);
    return eng;
}

int cli_engine_arg(cli_engine_opts *o, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    int more = *i + 1 < argc;
    if (cli_is(a, "--dict", NULL) && more) {
        if (o->ndicts < CLI_MAX_DICTS) o->dicts[o->ndicts++] = argv[++*i];
        else { fprintf(stderr, "dyad: more than %d --dict\n", CLI_MAX_DICTS); return -1; }
    } else if (cli_is(a, "--options", NULL) && more) o->options = argv[++*i];
    else if (cli_is(a, "--no-default-dict", NULL)) o->defaults = 0;
    else if (cli_is(a, "--no-modality", NULL)) o->modality = 0;
    else if (cli_is(a, "--events-only", NULL)) o->events_only = 1;
    else if (cli_is(a, "--date", NULL) && more) {
        o->date = cli_date(argv[++*i]);
        if (!o->date) { fprintf(stderr, "dyad: bad --date '%s' (want YYYY-MM-DD)\n", argv[*i]); return -1; }
    } else if (cli_is(a, "--format", NULL) && more) {
        o->format = rd_format_parse(argv[++*i]);
        if (o->format == RD_NFORMATS) { fprintf(stderr, "dyad: unknown --format '%s'\n", argv[*i]); return -1; }
    }
    else return 0;
    return 1;
}
