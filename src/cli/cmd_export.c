/* cmd_export.c: `dyad export`: a store as GDELT 2.0 events or mentions,
 * PLOVER JSON Lines or CSV (src/store/export.h), optionally filtered with
 * the keys of `dyad query`. */
#include "cli/cli.h"
#include "store/export.h"
#include "store/store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dyad export --db FILE --format gdelt|mentions|plover|csv [options] [filters]\n"
    "\n"
    "  gdelt      GDELT 2.0 event table: 61 tab-separated columns, one deduplicated\n"
    "             event per line (NumMentions, NumSources, NumArticles over all outlets)\n"
    "  mentions   GDELT 2.0 mentions table: one line per mention of an event\n"
    "  plover     PLOVER/POLECAT-style JSON Lines, one event per line\n"
    "  csv        every mention with its article and counts, with a header line\n"
    "\n"
    "options:\n"
    "  --out FILE     write there instead of stdout\n"
    "  --header       gdelt/mentions: a first line of column names\n"
    "  --all          gdelt/mentions: keep denied (negated) events too\n"
    "  filters        as for 'dyad query' (--dyad RUS,UKR --from 2024-01-01 ...)\n";

int cmd_export(int argc, char **argv)
{
    const char *db_path = NULL, *out_path = NULL;
    exp_options o = {.format = EXP_NFORMATS};
    qry_filter f;
    qry_init(&f);
    char err[QRY_ERR_MAX];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (cli_is(a, "-h", "--help")) { fputs(usage, stdout); return 0; }
        else if (cli_is(a, "--db", NULL) && more) db_path = argv[++i];
        else if (cli_is(a, "--out", "-o") && more) out_path = argv[++i];
        else if (cli_is(a, "--header", NULL)) o.header = 1;
        else if (cli_is(a, "--all", NULL)) o.all = 1;
        else if (cli_is(a, "--format", NULL) && more) {
            o.format = exp_format_parse(argv[++i]);
            if (o.format == EXP_NFORMATS) { fprintf(stderr, "dyad export: unknown --format '%s'\n%s", argv[i], usage); return 2; }
        } else if (a[0] == '-' && a[1] == '-' && qry_is_key(a + 2) && more) {
            if (qry_set(&f, a + 2, argv[++i], err, sizeof err)) { fprintf(stderr, "dyad export: %s: %s\n", a, err); return 2; }
        } else { fprintf(stderr, "dyad export: unknown option '%s'\n%s", a, usage); return 2; }
    }
    if (!db_path || o.format == EXP_NFORMATS) { fputs(usage, stderr); return 2; }
    char *oerr = NULL;
    sto_db *db = sto_open_ro(db_path, &oerr);
    if (!db) {
        fprintf(stderr, "dyad export: %s\n", oerr ? oerr : db_path);
        free(oerr);
        return 2;
    }
    FILE *out = out_path ? fopen(out_path, "w") : stdout;
    if (!out) {
        fprintf(stderr, "dyad export: cannot write %s\n", out_path);
        sto_close(db);
        return 2;
    }
    long n = exp_write(sto_sqlite(db), &f, &o, out, err, sizeof err);
    if (out_path && fclose(out) && n >= 0) { snprintf(err, sizeof err, "writing %s failed", out_path); n = -1; }
    sto_close(db);
    if (n < 0) { fprintf(stderr, "dyad export: %s\n", err); return 2; }
    return 0;
}
