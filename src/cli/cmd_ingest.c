/* cmd_ingest.c: `dyad ingest`: read and code articles as `dyad code` does,
 * and store them (articles, sentences, events, actors, event groups, text
 * index) in an SQLite store.
 *
 * Idempotent and restartable: an article whose id is stored, or whose raw
 * text is (then it is recorded as a copy), is neither coded nor stored
 * again; work is committed every --batch articles, so after a kill -9 the
 * same command picks up where the last commit left off. */
#include "cli/cli.h"
#include "dyad.h"
#include "input/input.h"
#include "store/store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static const char usage[] =
    "usage: dyad ingest --db FILE [options] FILE... ('-' = stdin)\n"
    "\n"
    "Reads and codes articles as 'dyad code' does (plain text, JSON Lines,\n"
    "gzip) and stores articles, sentences, events, actors and event groups\n"
    "in the SQLite database FILE (created if missing), with a full-text index\n"
    "of the articles. Articles already stored (same id, or same text: then a\n"
    "copy is recorded) are skipped, so re-running after an interruption\n"
    "finishes the job without duplicates.\n"
    "\n"
    "options:\n"
    "  --db FILE           the database (required)\n"
    "  --date YYYY-MM-DD   publication date for articles that carry none\n"
    "  --format F          input format: auto (default), text, jsonl\n"
    "  --dict FILE         load a dictionary (dyad, TABARI or PETRARCH format);\n"
    "                      repeatable; dyad's own dictionaries are loaded too\n"
    "  --no-default-dict   do not load dyad's own dictionaries\n"
    "  --options FILE      TABARI .options file (complexity, comma, defaults)\n"
    "  --no-modality       do not flag negated/conditional/future/hedged events\n"
    "  --events-only       events and their dates only: no persons, organisations,\n"
    "                      places, quotations or amounts (faster)\n"
    "  --batch N           articles per transaction (default 512)\n"
    "  --stats             print throughput and peak memory on stderr at the end\n"
    "  --quiet             no summary line on stderr\n"
    "\n"
    "exit status: 0 all read and stored; 1 some input was bad (reported, skipped);\n"
    "2 usage error, or the database could not be opened or written.\n";


/* Counts for the summary line. */
typedef struct ingest_counts {
    long read;        /* articles read from the input */
    long stored;      /* articles coded and stored now */
    long skipped;     /* articles whose id was already stored */
    long copies;      /* articles stored before under another id (copy recorded) */
    long events;      /* events stored now */
    long sentences;   /* sentences stored now */
    long bad;         /* bad records and failed writes */
    double bytes;     /* text bytes coded */
} ingest_counts;

/* Handle one article: skip it, record it as a copy, or code and store it.
 * 0 fine, -1 the database failed (the message is printed). */
static int ingest_one(sto_db *db, dyad_worker *wk, const dyad_article *a, ingest_counts *c,
                      const char *db_path)
{
    c->read++;
    int same = 0;
    int64_t have = sto_find(db, a, &same);
    if (have < 0) goto db_fail;
    if (have > 0) {
        if (same) c->skipped++;
        else if (sto_copy(db, have, a) < 0) goto db_fail;
        else c->copies++;
        return 0;
    }
    dyad_result res;
    dyad_code(wk, a, &res);
    if (res.nbad_utf8)
        fprintf(stderr, "dyad: %s%s%ld: %u invalid UTF-8 sequence(s), read as word breaks\n", a->origin,
                a->line ? ":" : "", a->line, res.nbad_utf8);
    int rc = sto_result(db, a, &res);
    if (rc < 0) goto db_fail;
    if (rc > 0) { c->skipped++; return 0; }
    c->stored++;
    c->events += res.nevents;
    c->sentences += res.nsentences;
    c->bytes += (double)a->len;
    return 0;
db_fail:
    fprintf(stderr, "dyad ingest: %s: %s\n", db_path, sto_errmsg(db));
    c->bad++;
    return -1;
}


int cmd_ingest(int argc, char **argv)
{
    const char *files[1024];
    int nfiles = 0;
    cli_engine_opts eo = {.defaults = 1, .modality = 1};
    const char *db_path = NULL;
    int quiet = 0, stats = 0;
    long batch = 512;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        int used = cli_engine_arg(&eo, argc, argv, &i);
        if (used < 0) return 2;
        if (used) continue;
        if (cli_is(a, "-h", "--help")) { fputs(usage, stdout); return 0; }
        else if (cli_is(a, "--db", NULL) && more) db_path = argv[++i];
        else if (cli_is(a, "--batch", NULL) && more) {
            batch = strtol(argv[++i], NULL, 10);
            if (batch < 1 || batch > 1000000) { fprintf(stderr, "dyad ingest: bad --batch '%s'\n", argv[i]); return 2; }
        } else if (cli_is(a, "--quiet", "-q")) quiet = 1;
        else if (cli_is(a, "--stats", NULL)) stats = 1;
        else if (a[0] == '-' && a[1]) { fprintf(stderr, "dyad ingest: unknown option '%s'\n%s", a, usage); return 2; }
        else if (nfiles < 1024) files[nfiles++] = a;
        else { fprintf(stderr, "dyad ingest: more than 1024 input files\n"); return 2; }
    }
    if (!nfiles || !db_path) { fputs(usage, stderr); return 2; }

    struct timespec t0, t1, t2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    dyad_engine *eng = cli_engine(&eo, "ingest");
    if (!eng) return 2;
    char *err = NULL;
    sto_db *db = sto_open(db_path, &err);
    if (!db) {
        fprintf(stderr, "dyad ingest: %s\n", err ? err : db_path);
        free(err);
        dyad_engine_free(eng);
        return 2;
    }
    sto_batch(db, (unsigned)batch);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    dyad_worker *wk = dyad_worker_new(eng);
    rd_options ro = {.default_date = eo.date};
    ingest_counts c = {0};
    int db_failed = 0;
    for (int f = 0; f < nfiles && !db_failed; f++) {
        rd_error rerr;
        rd_reader *r = rd_open(files[f], (rd_format)eo.format, &ro, &rerr);
        if (!r) { fprintf(stderr, "dyad: %s: %s\n", files[f], rerr.msg); c.bad++; continue; }
        dyad_article a;
        int rc;
        while (!db_failed && (rc = rd_next(r, &a, &rerr)) != 0) {
            if (rc < 0) {
                if (rerr.line) fprintf(stderr, "dyad: %s:%ld: %s\n", rerr.origin, rerr.line, rerr.msg);
                else fprintf(stderr, "dyad: %s: %s\n", rerr.origin, rerr.msg);
                c.bad++;
                continue;
            }
            /* A store that fails once (disk full, locked) fails again: stop. */
            db_failed = ingest_one(db, wk, &a, &c, db_path) < 0;
        }
        rd_close(r);
    }
    if (sto_close(db)) {
        fprintf(stderr, "dyad ingest: %s: the last commit failed\n", db_path);
        db_failed = 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t2);
    dyad_worker_free(wk);
    dyad_engine_free(eng);
    double run = cli_seconds(&t1, &t2);
    if (run <= 0) run = 1e-9;
    if (!quiet)
        fprintf(stderr,
                "dyad ingest: %ld article(s) read: %ld stored (%ld event(s)), %ld already stored, "
                "%ld copies of stored texts, %ld bad; %.0f articles/s\n",
                c.read, c.stored, c.events, c.skipped, c.copies, c.bad, (double)c.read / run);
    if (stats) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr,
                "stats: dictionaries loaded in %.3f s; %ld articles stored, %ld sentences, %ld events, "
                "%.1f MB in %.3f s: %.0f articles/s, %.0f events/s, %.2f MB/s; peak RSS %ld MB\n",
                cli_seconds(&t0, &t1), c.stored, c.sentences, c.events, c.bytes / 1e6, run,
                (double)c.stored / run, (double)c.events / run, c.bytes / 1e6 / run, ru.ru_maxrss / 1024);
    }
    if (db_failed) return 2;
    return c.bad ? 1 : 0;
}
