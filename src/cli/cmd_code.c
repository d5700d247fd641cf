/* cmd_code.c: `dyad code`: read articles, code them, write events. */
#include "cli/cli.h"
#include "code/pool.h"
#include "dyad.h"
#include "input/input.h"
#include "output/output.h"
#include "store/store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: dyad code [options] FILE... ('-' = stdin)\n"
    "\n"
    "Reads articles (plain text: one article per file; JSON Lines: one\n"
    "{\"id\",\"date\",\"url\",\"source\",\"title\",\"text\"} per line; HTML: one\n"
    "web page per file, its article text extracted; WARC: every HTML response\n"
    "of a web crawl; gzip is read transparently), removes scraper noise, and\n"
    "writes one coded event per line to stdout, in input order whatever the\n"
    "number of threads. Messages go to stderr.\n"
    "\n"
    "options:\n"
    "  --date YYYY-MM-DD   publication date for articles that carry none\n"
    "  --format F          input format: auto (default: by name, then content),\n"
    "                      text, jsonl, html, warc\n"
    "  --out F             output format: jsonl (default), tsv (TABARI/PETRARCH)\n"
    "  --articles          one JSON record per article instead: text, sentences,\n"
    "                      noise, persons, organisations, places, quotations,\n"
    "                      dates, amounts and events\n"
    "  --db FILE           also store articles, sentences and events in SQLite\n"
    "  --dict FILE         load a dictionary (dyad, TABARI or PETRARCH format);\n"
    "                      repeatable; dyad's own dictionaries are loaded too\n"
    "  --no-default-dict   do not load dyad's own dictionaries\n"
    "  --options FILE      TABARI .options file (complexity, comma, defaults)\n"
    "  --no-modality       do not flag negated/conditional/future/hedged events\n"
    "  --events-only       events and their dates only: no persons, organisations,\n"
    "                      places, quotations or amounts (faster)\n"
    "  --threads N         coding threads (default: all online processors)\n"
    "  --stats             print throughput and peak memory on stderr at the end\n"
    "  --quiet             no summary line, no progress line on stderr (the\n"
    "                      progress line is only drawn when stderr is a terminal)\n"
    "\n"
    "exit status: 0 all read and coded; 1 some input was bad (each bad record\n"
    "reported with its position and skipped; the summary line counts them);\n"
    "2 usage error or nothing could be read.\n";


/* What the per-article handler needs. */
typedef struct code_ctx {
    out_writer *w;        /* event output */
    sto_db *db;           /* SQLite store, or NULL */
    const char *db_path;  /* its path, for messages */
    long skipped_dup;     /* articles already in the store */
    long store_errors;    /* articles the store failed on */
    int articles;         /* --articles: one record per article instead of events */
} code_ctx;

/* Everything done with one coded article, in input order, on one thread:
 * events out, UTF-8 warnings, the store. (Further per-article outputs
 * hook in here.) */
static void handle_article(void *ctx, const dyad_article *a, const dyad_result *res)
{
    code_ctx *c = ctx;
    if (c->articles) out_article(stdout, a, res);
    else for (uint32_t i = 0; i < res->nevents; i++) out_event(c->w, a, res->text, &res->events[i]);
    if (res->nbad_utf8) {
        pl_progress_clear();
        fprintf(stderr, "dyad: %s%s%ld: %u invalid UTF-8 sequence(s), read as word breaks\n", a->origin,
                a->line ? ":" : "", a->line, res->nbad_utf8);
    }
    if (c->db) {
        int rc = sto_result(c->db, a, res);
        if (rc > 0) c->skipped_dup++;
        else if (rc < 0) {
            pl_progress_clear();
            fprintf(stderr, "dyad: %s: %s\n", c->db_path, sto_errmsg(c->db));
            c->store_errors++;
        }
    }
}

/* A bad record: where, and what was wrong. */
static void handle_bad(void *ctx, const rd_error *e)
{
    (void)ctx;
    if (e->line) fprintf(stderr, "dyad: %s:%ld: %s\n", e->origin, e->line, e->msg);
    else fprintf(stderr, "dyad: %s: %s\n", e->origin, e->msg);
}

int cmd_code(int argc, char **argv)
{
    const char *files[1024];
    int nfiles = 0;
    cli_engine_opts eo = {.defaults = 1, .modality = 1};
    const char *db_path = NULL;
    int per_article = 0;  /* --articles */
    int quiet = 0, stats = 0, threads = pl_default_threads();
    out_format ofmt = OUT_JSONL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        int used = cli_engine_arg(&eo, argc, argv, &i);
        if (used < 0) return 2;
        if (used) continue;
        if (cli_is(a, "-h", "--help")) { fputs(usage, stdout); return 0; }
        else if (cli_is(a, "--out", NULL) && more) {
            ofmt = out_format_parse(argv[++i]);
            if (ofmt == OUT_NFORMATS) { fprintf(stderr, "dyad code: unknown --out '%s'\n", argv[i]); return 2; }
        } else if (cli_is(a, "--db", NULL) && more) db_path = argv[++i];
        else if (cli_is(a, "--articles", NULL)) per_article = 1;
        else if (cli_is(a, "--quiet", "-q")) quiet = 1;
        else if (cli_is(a, "--stats", NULL)) stats = 1;
        else if (cli_is(a, "--threads", "-j") && more) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end || n < 1 || n > 1024) { fprintf(stderr, "dyad code: bad --threads '%s' (want 1..1024)\n", argv[i]); return 2; }
            threads = (int)n;
        }
        else if (a[0] == '-' && a[1]) { fprintf(stderr, "dyad code: unknown option '%s'\n%s", a, usage); return 2; }
        else if (nfiles < 1024) files[nfiles++] = a;
    }
    if (!nfiles) { fputs(usage, stderr); return 2; }

    struct timespec t0, t1, t2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    dyad_engine *eng = cli_engine(&eo, "code");
    if (!eng) return 2;

    sto_db *db = NULL;
    if (db_path) {
        char *err = NULL;
        db = sto_open(db_path, &err);
        if (!db) { fprintf(stderr, "dyad code: %s: %s\n", db_path, err ? err : "cannot open"); free(err); return 2; }
        sto_batch(db, 512);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    code_ctx ctx = {out_new(ofmt, stdout), db, db_path, 0, 0, per_article};
    pl_options po = {threads, (rd_format)eo.format, {eo.date, 0}, !quiet && isatty(2)};
    pl_sink sink = {handle_article, handle_bad, &ctx};
    pl_stats ps;
    if (pl_run(eng, files, nfiles, &po, &sink, &ps)) {
        fprintf(stderr, "dyad code: cannot start threads\n");
        return 2;
    }
    int werr = out_close(ctx.w);
    clock_gettime(CLOCK_MONOTONIC, &t2);
    if (db) sto_close(db);
    dyad_engine_free(eng);
    long articles = ps.articles, events = ps.events, sentences = ps.sentences;
    long bad = ps.bad + ctx.store_errors;
    double bytes = ps.text_bytes;
    if (!quiet)
        fprintf(stderr, "dyad: %ld article(s), %ld event(s), %ld bad record(s) skipped%s\n", articles, events, bad,
                ctx.skipped_dup ? ", some already in the database" : "");
    if (stats) {
        double load = cli_seconds(&t0, &t1), run = cli_seconds(&t1, &t2);
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        if (run <= 0) run = 1e-9;
        fprintf(stderr,
                "stats: dictionaries loaded in %.3f s; %ld articles, %ld sentences, %.1f MB in %.3f s: "
                "%.0f sentences/s, %.2f MB/s, %.0f articles/s; input %.1f MB, %.2f MB/s; %d thread(s); "
                "peak RSS %ld MB\n",
                load, articles, sentences, bytes / 1e6, run, (double)sentences / run, bytes / 1e6 / run,
                (double)articles / run, ps.input_bytes / 1e6, ps.input_bytes / 1e6 / run, threads,
                ru.ru_maxrss / 1024);
    }
    if (werr) { fprintf(stderr, "dyad code: writing the output failed\n"); return 1; }
    return bad ? 1 : 0;
}
