/* test_threads.c: the threaded pipeline (src/code/pool.c) gives the same
 * output, byte for byte and in input order, with 1 and N threads, bad
 * records included; and `dyad code --threads` does too. */
#include "test.h"
#include "code/pool.h"
#include "output/output.h"
#include "util/buf.h"
#include <stdlib.h>

/* What a run produced: every event as JSON, every bad record, in order. */
typedef struct capture {
    buf out;       /* event lines and "BAD origin:line: msg" lines */
    long last;     /* number of the last article seen, to check the order */
    int ordered;   /* articles came in input order */
    char origin[256]; /* input of the last article (numbers restart per input) */
} capture;

static void on_article(void *ctx, const dyad_article *a, const dyad_result *r)
{
    capture *c = ctx;
    long n = strtol(a->id + 1, NULL, 10); /* ids are "a<number>" */
    if (strcmp(c->origin, a->origin)) { snprintf(c->origin, sizeof c->origin, "%s", a->origin); c->last = 0; }
    if (a->id[0] == 'a' && n <= c->last) c->ordered = 0;
    c->last = n;
    buf_printf(&c->out, "ARTICLE %s %u sentences\n", a->id, r->nsentences);
    for (uint32_t i = 0; i < r->nevents; i++) {
        out_event_json(&c->out, a, r->text, &r->events[i]);
        buf_addc(&c->out, '\n');
    }
}

static void on_bad(void *ctx, const rd_error *e)
{
    capture *c = ctx;
    buf_printf(&c->out, "BAD %s:%ld: %s\n", e->origin, e->line, e->msg);
}

static const char *const sentences[] = {
    "Mali's military government expelled the French ambassador on Tuesday.",
    "France condemned the decision and said it regretted the move.",
    "The African Union called on Mali and France to resolve the dispute through dialogue.",
    "Russian forces shelled the city of Kharkiv overnight, Ukrainian officials said.",
    "Israel and Egypt agreed to reopen the border crossing after talks in Cairo.",
    "The United States imposed new sanctions on Iran over its nuclear programme.",
};

/* n JSON Lines articles ("a1".."an") with a bad line every 37th. */
static void corpus(buf *b, int n)
{
    for (int i = 1; i <= n; i++) {
        if (i % 37 == 0) { buf_adds(b, "{\"id\":\"broken\n"); continue; }
        buf_printf(b, "{\"id\":\"a%d\",\"date\":\"2024-06-%02d\",\"text\":\"", i, 1 + i % 28);
        for (int k = 0; k < 1 + i % 5; k++) {
            buf_adds(b, sentences[(i + k) % 6]);
            buf_addc(b, ' ');
        }
        buf_adds(b, "\"}\n");
    }
}

static void run(const dyad_engine *e, const char *const *files, int nfiles, int threads, capture *c, pl_stats *st)
{
    buf_init(&c->out);
    buf_adds(&c->out, "");
    c->last = 0;
    c->ordered = 1;
    c->origin[0] = 0;
    pl_options o = {threads, RD_AUTO, {20240101, 0}, 0};
    pl_sink sink = {on_article, on_bad, c};
    CHECK_INT(pl_run(e, files, nfiles, &o, &sink, st), 0);
}

TEST(threads_same_output_in_order)
{
    dyad_engine *e = dyad_engine_new();
    if (dyad_engine_load_default(e, NULL) < 0) { dyad_engine_free(e); SKIP("dyad's dictionaries not found"); }
    dyad_engine_ready(e);
    buf b;
    buf_init(&b);
    corpus(&b, 400);
    const char *f1 = test_tmp_file("threads-a.jsonl", b.data, b.len);
    static const char page[] = "<html><body><article><p>Mali's military government expelled the French "
                               "ambassador on Tuesday, giving him 72 hours to leave the country.</p></article></body></html>";
    const char *f2 = test_tmp_file("threads-b.html", page, sizeof page - 1);
    REQUIRE(f1 && f2);
    const char *files[] = {f1, "build/test-tmp/no-such-input.jsonl", f2, f1};
    capture one, many;
    pl_stats s1, sn;
    run(e, files, 4, 1, &one, &s1);
    for (int threads = 2; threads <= 7; threads += 5) {
        run(e, files, 4, threads, &many, &sn);
        CHECK(many.ordered);
        CHECK_INT(many.out.len, one.out.len);
        CHECK(!strcmp(many.out.data, one.out.data));
        CHECK_INT(sn.articles, s1.articles);
        CHECK_INT(sn.events, s1.events);
        CHECK_INT(sn.bad, s1.bad);
        buf_free(&many.out);
    }
    CHECK(one.ordered);
    CHECK_INT(s1.articles, 2 * (400 - 10) + 1);
    CHECK_INT(s1.bad, 2 * 10 + 1);   /* ten broken lines per copy, one missing input */
    CHECK(s1.events > 100);
    /* the missing input is reported between the first copy and the page */
    const char *miss = strstr(one.out.data, "BAD build/test-tmp/no-such-input.jsonl:0:");
    const char *pg = strstr(one.out.data, "ARTICLE ");
    CHECK(miss && pg && miss > pg);
    CHECK(strstr(one.out.data, ":37: bad JSON") != NULL);
    buf_free(&one.out);
    buf_free(&b);
    dyad_engine_free(e);
}

TEST(threads_cli_byte_for_byte)
{
    buf b;
    buf_init(&b);
    corpus(&b, 150);
    const char *f = test_tmp_file("threads-cli.jsonl", b.data, b.len);
    REQUIRE(f);
    char cmd[1024];
    int st1, st4;
    snprintf(cmd, sizeof cmd, "%s code --threads 1 %s 2>/dev/null", test_dyad_bin(), f);
    char *o1 = test_run(cmd, &st1);
    snprintf(cmd, sizeof cmd, "%s code --threads 4 %s 2>/dev/null", test_dyad_bin(), f);
    char *o4 = test_run(cmd, &st4);
    REQUIRE(o1 && o4);
    CHECK_INT(st1, 1); /* bad lines: exit status 1 */
    CHECK_INT(st4, 1);
    CHECK(strlen(o1) > 1000);
    CHECK(!strcmp(o1, o4));
    /* the summary line counts the skipped records; --quiet drops it */
    snprintf(cmd, sizeof cmd, "%s code --threads 2 %s 2>&1 >/dev/null", test_dyad_bin(), f);
    char *msg = test_run(cmd, &st1);
    REQUIRE(msg);
    CHECK(strstr(msg, "146 article(s)") != NULL);
    CHECK(strstr(msg, "4 bad record(s) skipped") != NULL);
    CHECK(strstr(msg, "\r") == NULL); /* not a terminal: no progress line */
    free(msg);
    snprintf(cmd, sizeof cmd, "%s code --quiet --threads 0 %s 2>&1 >/dev/null", test_dyad_bin(), f);
    msg = test_run(cmd, &st1);
    CHECK_INT(st1, 2); /* bad --threads */
    free(msg);
    free(o1);
    free(o4);
    buf_free(&b);
}
