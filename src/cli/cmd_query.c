/* cmd_query.c: `dyad query`: ask a store for events, series, maps, dyads;
 * every filter is a key of src/store/query.h, given as --KEY VALUE. */
#include "cli/cli.h"
#include "store/query.h"
#include "store/store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dyad query --db FILE [WHAT] [filters] [--format table|csv|json]\n"
    "\n"
    "WHAT (default events):\n"
    "  events      mentions of events, newest first, with their article\n"
    "  groups      deduplicated events (one per day, dyad, code and modality)\n"
    "              with NumMentions, NumSources, NumArticles\n"
    "  series      per day/week/month: events by quad class, mentions, mean Goldstein\n"
    "  countries   per country: events, conflict, cooperation, mean Goldstein\n"
    "  dyads       the most frequent source-target pairs\n"
    "  places      per place with coordinates (once places are stored)\n"
    "  totals      articles, copies, mentions, events, date range\n"
    "  article ID  one article with its events and evidence spans (JSON)\n"
    "\n"
    "filters (also the server's URL parameters, ?actor=USA&from=2024-01-01):\n"
    "  --actor CODE        either side; a 3-letter code is a country or sector\n"
    "                      and matches every code it starts (USA: USAGOV...)\n"
    "  --dyad A,B          A and B either way round; A>B only A acting on B\n"
    "  --source CODE, --target CODE   one side only\n"
    "  --code CAMEO        event code (19* = every code under 19); --root NN\n"
    "  --quad Q            1..4, a list (3,4), cooperation or conflict\n"
    "  --plover TYPE       PLOVER event type (CONSULT, ASSAULT, ...)\n"
    "  --from DATE, --to DATE   date range, inclusive (YYYY-MM-DD, YYYY-MM)\n"
    "  --place NAME        located at a place (name or ISO3 country)\n"
    "  --negated|--conditional|--future|--hedged|--reported 1|0\n"
    "  --factual 1         none of negated, conditional, future, hedged\n"
    "  --q WORDS           full-text search of the articles (all the words)\n"
    "  --article ID, --group N   one article's / one event group's mentions\n"
    "  --by day|week|month  period of the series (default day)\n"
    "  --limit N, --offset N    paging (default 50 rows)\n"
    "\n"
    "exit status: 0 answered (even with no rows); 1 no such article;\n"
    "2 usage error or the store cannot be read.\n";

int cmd_query(int argc, char **argv)
{
    const char *db_path = NULL, *what = "events", *article = NULL;
    qry_filter f;
    qry_init(&f);
    f.format = QRY_TABLE;
    char err[QRY_ERR_MAX];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is(a, "-h", "--help")) { fputs(usage, stdout); return 0; }
        if (cli_is(a, "--db", NULL) && i + 1 < argc) { db_path = argv[++i]; continue; }
        if (a[0] == '-' && a[1] == '-') {
            /* --key value, or --key=value */
            char key[32];
            const char *eq = strchr(a + 2, '=');
            size_t kn = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
            snprintf(key, sizeof key, "%.*s", (int)(kn < sizeof key ? kn : sizeof key - 1), a + 2);
            if (!qry_is_key(key)) { fprintf(stderr, "dyad query: unknown option '%s'\n%s", a, usage); return 2; }
            const char *value = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
            if (!value) { fprintf(stderr, "dyad query: %s needs a value\n", a); return 2; }
            if (qry_set(&f, key, value, err, sizeof err)) { fprintf(stderr, "dyad query: --%s: %s\n", key, err); return 2; }
            continue;
        }
        if (!strcmp(a, "article") && i + 1 < argc) { what = a; article = argv[++i]; continue; }
        if (qry_kind_parse(a) == QRY_NKINDS) { fprintf(stderr, "dyad query: unknown '%s'\n%s", a, usage); return 2; }
        what = a;
    }
    if (!db_path) { fputs(usage, stderr); return 2; }
    char *oerr = NULL;
    sto_db *db = sto_open_ro(db_path, &oerr);
    if (!db) {
        fprintf(stderr, "dyad query: %s\n", oerr ? oerr : db_path);
        free(oerr);
        return 2;
    }
    qry_sink out = {.f = stdout};
    buf_init(&out.b);
    int status = 0;
    if (article) {
        int rc = qry_article(sto_sqlite(db), article, &out, err, sizeof err);
        if (rc < 0) { fprintf(stderr, "dyad query: %s\n", err); status = 2; }
        else if (rc == 0) { fprintf(stderr, "dyad query: no article '%s'\n", article); status = 1; }
        else buf_addc(&out.b, '\n');
    } else if (qry_run(sto_sqlite(db), qry_kind_parse(what), &f, f.format, &out, err, sizeof err) < 0) {
        fprintf(stderr, "dyad query: %s\n", err);
        status = 2;
    } else if (f.format == QRY_JSON) buf_addc(&out.b, '\n');
    if (qry_flush(&out)) { fprintf(stderr, "dyad query: writing the output failed\n"); status = 2; }
    buf_free(&out.b);
    sto_close(db);
    return status;
}
