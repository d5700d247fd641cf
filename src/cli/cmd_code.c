/* cmd_code.c: `dyad code`: read articles, code them, write events. */
#include "cli/cli.h"
#include "dyad.h"
#include "input/input.h"
#include "output/output.h"
#include "store/store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static const char usage[] =
    "usage: dyad code [options] FILE... ('-' = stdin)\n"
    "\n"
    "Reads articles (plain text: one article per file; JSON Lines: one\n"
    "{\"id\",\"date\",\"url\",\"source\",\"title\",\"text\"} per line; gzip is read\n"
    "transparently), removes scraper noise, and writes one coded event per\n"
    "line to stdout. Messages go to stderr.\n"
    "\n"
    "options:\n"
    "  --date YYYY-MM-DD   publication date for articles that carry none\n"
    "  --format F          input format: auto (default), text, jsonl\n"
    "  --out F             output format: jsonl (default), tsv (TABARI/PETRARCH)\n"
    "  --db FILE           also store articles, sentences and events in SQLite\n"
    "  --dict FILE         load a dictionary (dyad, TABARI or PETRARCH format);\n"
    "                      repeatable; dyad's own dictionaries are loaded too\n"
    "  --no-default-dict   do not load dyad's own dictionaries\n"
    "  --options FILE      TABARI .options file (complexity, comma, defaults)\n"
    "  --no-modality       do not flag negated/conditional/future/hedged events\n"
    "  --stats             print throughput and peak memory on stderr at the end\n"
    "  --quiet             no summary line on stderr\n"
    "\n"
    "exit status: 0 all read and coded; 1 some input was bad (reported, skipped);\n"
    "2 usage error or nothing could be read.\n";

/* Store one coded article: 0 stored, 1 already there (skipped), -1 error. */
static int store_result(sto_db *db, const dyad_article *a, const dyad_result *r)
{
    int64_t id = sto_article(db, a, r->text);
    if (id == 0) return 1;
    if (id < 0) return -1;
    if ((r->byline[0] || r->dateline[0]) && sto_article_meta(db, id, r->byline, r->dateline)) return -1;
    for (uint32_t i = 0; i < r->nnoise; i++)
        if (sto_noise(db, id, r->noise[i].kind, a->text, a->len, r->noise[i].span)) return -1;
    for (uint32_t i = 0; i < r->nsentences; i++)
        if (sto_sentence(db, id, i, r->text, r->len, r->sentences[i])) return -1;
    for (uint32_t i = 0; i < r->nevents; i++)
        if (sto_event(db, id, a, r->text, &r->events[i]) < 0) return -1;
    return 0;
}

int cmd_code(int argc, char **argv)
{
    const char *files[1024];
    int nfiles = 0;
    const char *dicts[64];
    int ndicts = 0;
    const char *db_path = NULL, *options = NULL;
    int default_date = 0, quiet = 0, defaults = 1, modality = 1, stats = 0;
    rd_format fmt = RD_AUTO;
    out_format ofmt = OUT_JSONL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (cli_is(a, "-h", "--help")) { fputs(usage, stdout); return 0; }
        else if (cli_is(a, "--date", NULL) && more) {
            default_date = cli_date(argv[++i]);
            if (!default_date) { fprintf(stderr, "dyad code: bad --date '%s' (want YYYY-MM-DD)\n", argv[i]); return 2; }
        } else if (cli_is(a, "--format", NULL) && more) {
            fmt = rd_format_parse(argv[++i]);
            if (fmt == RD_NFORMATS) { fprintf(stderr, "dyad code: unknown --format '%s'\n", argv[i]); return 2; }
        } else if (cli_is(a, "--out", NULL) && more) {
            ofmt = out_format_parse(argv[++i]);
            if (ofmt == OUT_NFORMATS) { fprintf(stderr, "dyad code: unknown --out '%s'\n", argv[i]); return 2; }
        } else if (cli_is(a, "--db", NULL) && more) db_path = argv[++i];
        else if (cli_is(a, "--dict", NULL) && more) { if (ndicts < 64) dicts[ndicts++] = argv[++i]; }
        else if (cli_is(a, "--options", NULL) && more) options = argv[++i];
        else if (cli_is(a, "--no-default-dict", NULL)) defaults = 0;
        else if (cli_is(a, "--no-modality", NULL)) modality = 0;
        else if (cli_is(a, "--quiet", "-q")) quiet = 1;
        else if (cli_is(a, "--stats", NULL)) stats = 1;
        else if (a[0] == '-' && a[1]) { fprintf(stderr, "dyad code: unknown option '%s'\n%s", a, usage); return 2; }
        else if (nfiles < 1024) files[nfiles++] = a;
    }
    if (!nfiles) { fputs(usage, stderr); return 2; }

    struct timespec t0, t1, t2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    dyad_engine *eng = dyad_engine_new();
    dyad_engine_modality(eng, modality);
    if (defaults && dyad_engine_load_default(eng, NULL) < 0)
        fprintf(stderr, "dyad code: dyad's own dictionaries not found (set DYAD_DATA); going on without them\n");
    for (int i = 0; i < ndicts; i++)
        if (dyad_engine_load(eng, dicts[i]) < 0) { fprintf(stderr, "dyad code: cannot read dictionary %s\n", dicts[i]); return 2; }
    if (options) {
        FILE *f = fopen(options, "r");
        if (!f) { fprintf(stderr, "dyad code: cannot read options %s\n", options); return 2; }
        char line[1024];
        while (fgets(line, sizeof line, f)) dyad_engine_option(eng, line);
        fclose(f);
    }
    dyad_engine_ready(eng);
    unsigned nmsg;
    const char *msgs = dyad_engine_messages(eng, &nmsg);
    if (nmsg) {
        /* The first few problems, then a count: big public dictionaries have dozens. */
        const char *m = msgs;
        for (unsigned i = 0; i < 10 && *m; i++) {
            const char *nl = strchr(m, '\n');
            size_t n = nl ? (size_t)(nl - m + 1) : strlen(m);
            fwrite(m, 1, n, stderr);
            m += n;
        }
        if (nmsg > 10)
            fprintf(stderr, "dyad: ... %u dictionary problems in all; 'dyad dict check FILE' lists them\n", nmsg);
    }

    sto_db *db = NULL;
    if (db_path) {
        char *err = NULL;
        db = sto_open(db_path, &err);
        if (!db) { fprintf(stderr, "dyad code: %s: %s\n", db_path, err ? err : "cannot open"); free(err); return 2; }
        sto_batch(db, 512);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    out_writer *w = out_new(ofmt, stdout);
    dyad_worker *wk = dyad_worker_new(eng);
    rd_options ro = {default_date, 0};
    long articles = 0, events = 0, bad = 0, skipped_dup = 0, sentences = 0;
    double bytes = 0;
    for (int f = 0; f < nfiles; f++) {
        rd_error err;
        rd_reader *r = rd_open(files[f], fmt, &ro, &err);
        if (!r) { fprintf(stderr, "dyad: %s: %s\n", files[f], err.msg); bad++; continue; }
        dyad_article a;
        int rc;
        while ((rc = rd_next(r, &a, &err)) != 0) {
            if (rc < 0) {
                if (err.line) fprintf(stderr, "dyad: %s:%ld: %s\n", err.origin, err.line, err.msg);
                else fprintf(stderr, "dyad: %s: %s\n", err.origin, err.msg);
                bad++;
                continue;
            }
            dyad_result res;
            dyad_code(wk, &a, &res);
            articles++;
            sentences += res.nsentences;
            bytes += (double)a.len;
            for (uint32_t i = 0; i < res.nevents; i++) out_event(w, &a, res.text, &res.events[i]);
            events += res.nevents;
            if (res.nbad_utf8)
                fprintf(stderr, "dyad: %s%s%ld: %u invalid UTF-8 sequence(s), read as word breaks\n", a.origin,
                        a.line ? ":" : "", a.line, res.nbad_utf8);
            if (db) {
                int rc2 = store_result(db, &a, &res);
                if (rc2 > 0) skipped_dup++;
                else if (rc2 < 0) { fprintf(stderr, "dyad: %s: %s\n", db_path, sto_errmsg(db)); bad++; }
            }
        }
        rd_close(r);
    }
    int werr = out_close(w);
    clock_gettime(CLOCK_MONOTONIC, &t2);
    if (db) sto_close(db);
    dyad_worker_free(wk);
    dyad_engine_free(eng);
    if (!quiet)
        fprintf(stderr, "dyad: %ld article(s), %ld event(s), %ld bad record(s)%s\n", articles, events, bad,
                skipped_dup ? ", some already in the database" : "");
    if (stats) {
        double load = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        double run = (double)(t2.tv_sec - t1.tv_sec) + (double)(t2.tv_nsec - t1.tv_nsec) / 1e9;
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        if (run <= 0) run = 1e-9;
        fprintf(stderr,
                "stats: dictionaries loaded in %.3f s; %ld articles, %ld sentences, %.1f MB in %.3f s: "
                "%.0f sentences/s, %.2f MB/s, %.0f articles/s; peak RSS %ld MB\n",
                load, articles, sentences, bytes / 1e6, run, (double)sentences / run, bytes / 1e6 / run,
                (double)articles / run, ru.ru_maxrss / 1024);
    }
    if (werr) { fprintf(stderr, "dyad code: writing the output failed\n"); return 1; }
    return bad ? 1 : 0;
}
