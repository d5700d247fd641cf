/* test_store_ingest.c: `dyad ingest` as a user runs it: idempotent runs,
 * copies, and a run killed with SIGKILL at two moments and re-run, which
 * must end with exactly what an uninterrupted run stores.
 *
 * Also the generated fixture the store, query, server and browser tests
 * share (test_fixture_*): a deterministic news corpus in JSON Lines over a
 * small toy dictionary, so results don't move when dyad's own dictionaries
 * grow. */
#include "test.h"
#include "util/buf.h"
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- temporary files ---- */

/* Files made by test_store_tmp, removed (with SQLite's -wal, -shm) at exit.
 * Our own list: the suite-wide test_tmp_file has room for 64 files only. */
static char sto_made[128][256];
static int sto_nmade;

static void sto_remove_made(void)
{
    static const char *const side[] = {"", "-wal", "-shm", "-journal"};
    char p[300];
    for (int i = 0; i < sto_nmade; i++)
        for (int k = 0; k < 4; k++) {
            snprintf(p, sizeof p, "%.255s%s", sto_made[i], side[k]);
            unlink(p);
        }
}

/* Path build/test-tmp/<pid>-<name> holding data[0..n) (unless data is NULL;
 * then any old file of that name and its companions are removed). The
 * same name gives the same path. Shared by the store, query, server and
 * browser tests. */
const char *test_store_tmp(const char *name, const void *data, size_t n)
{
    char p[256];
    mkdir("build", 0777);
    mkdir("build/test-tmp", 0777);
    snprintf(p, sizeof p, "build/test-tmp/%ld-%.200s", (long)getpid(), name);
    int i;
    for (i = 0; i < sto_nmade && strcmp(sto_made[i], p); i++) {}
    if (i == sto_nmade) {
        if (sto_nmade == 128) return NULL;
        if (!sto_nmade) atexit(sto_remove_made);
        memcpy(sto_made[sto_nmade++], p, sizeof p);
    }
    if (data) {
        FILE *f = fopen(p, "wb");
        if (!f) return NULL;
        if (n) fwrite(data, 1, n, f);
        fclose(f);
    } else {
        static const char *const side[] = {"", "-wal", "-shm", "-journal"};
        char q[300];
        for (int k = 0; k < 4; k++) {
            snprintf(q, sizeof q, "%s%s", p, side[k]);
            unlink(q);
        }
    }
    return sto_made[i];
}

/* ---- the shared fixture ---- */

static const char fx_actors[] =
    "UNITED_STATES [USA]\nRUSSIA [RUS]\nRUSSIAN_ARMY [RUSMIL]\nCHINA [CHN]\nUKRAINE [UKR]\n"
    "UKRAINIAN_FORCES [UKRMIL]\nFRANCE [FRA]\nIRAN [IRN]\nISRAEL [ISR]\nEGYPT [EGY]\nQATAR [QAT]\n"
    "INDIA [IND]\nBRAZIL [BRA]\nTURKEY [TUR]\nNIGERIA [NGA]\nJAPAN [JPN]\n";
static const char fx_verbs[] =
    "ATTACK [190]\nCRITICIZE [111]\nPRAISE [051]\nTHREATEN [130]\nACCUSE [112]\nMEET [036]\n";

/* "--no-default-dict --dict ACTORS --dict VERBS" for the fixture, in a static buffer. */
const char *test_fixture_dicts(void)
{
    static char args[1024];
    if (!args[0]) {
        const char *a = test_store_tmp("fixture.actors", fx_actors, sizeof fx_actors - 1);
        const char *v = test_store_tmp("fixture.verbs", fx_verbs, sizeof fx_verbs - 1);
        snprintf(args, sizeof args, "--no-default-dict --dict %s --dict %s", a, v);
    }
    return args;
}

static uint32_t fx_rand(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* Day `d` (0-based) of 2024 as "2024-mm-dd". */
static void fx_date(int d, char out[16])
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int m = 0;
    d %= 366;
    while (d >= mdays[m]) d -= mdays[m++];
    snprintf(out, 16, "2024-%02d-%02d", (m + 1) % 100, (d + 1) % 100);
}

/* Write a corpus of n article lines to build/test-tmp/<name> and return its
 * path. Articles span `days` days from 2024-01-01; each has three sentences
 * of who-did-what-to-whom and a filler (a quotation in every 7th). Every
 * 10th article is a syndicated
 * copy of the one before (same text, new id, other outlet: i % 10 == 5);
 * every 10th repeats the id of the one before (i % 10 == 8: skipped when
 * ingested). Same arguments, same file. */
const char *test_fixture_corpus(const char *name, int n, int days, uint32_t seed)
{
    static const char *who[] = {"The United States", "Russia", "The Russian army", "China", "Ukraine",
                                "Ukrainian forces", "France", "Iran", "Israel", "Egypt", "Qatar",
                                "India", "Brazil", "Turkey", "Nigeria", "Japan"};
    static const char *whom[] = {"the United States", "Russia", "the Russian army", "China", "Ukraine",
                                 "Ukrainian forces", "France", "Iran", "Israel", "Egypt", "Qatar",
                                 "India", "Brazil", "Turkey", "Nigeria", "Japan"};
    static const char *did[] = {"attacked", "criticized", "praised", "threatened", "accused",
                                "will meet", "did not attack", "attacked"};
    static const char *when[] = {"on Monday", "on Tuesday", "late on Friday", "in a statement",
                                 "according to officials", "after talks in Geneva"};
    static const char *outlets[] = {"Wire", "Post", "Herald", "Times", "Globe", "Courier"};
    enum { NW = sizeof who / sizeof *who };
    uint32_t s = seed ? seed : 1;
    size_t cap = (size_t)n * 420 + 64, len = 0;
    char *data = malloc(cap);
    char text[512] = "";
    for (int i = 0; i < n; i++) {
        char date[16];
        int copy = i % 10 == 5, again = i % 10 == 8;
        char id[32];
        snprintf(id, sizeof id, "fx-%d", again ? i - 1 : i);
        if (!copy) {
            size_t t = 0;
            for (int k = 0; k < 3; k++) {
                int a = (int)(fx_rand(&s) % NW), b = (int)(fx_rand(&s) % (NW - 1));
                if (b >= a) b++;
                /* the big dyads come up more often, as they do in the news */
                if (fx_rand(&s) % 3 == 0) { a = 1; b = 4; }
                t += (size_t)snprintf(text + t, sizeof text - t, "%s%s %s %s %s.", k ? " " : "", who[a],
                                      did[fx_rand(&s) % 8], whom[b], when[fx_rand(&s) % 6]);
            }
            /* every 7th has a quotation (JSON-escaped marks) */
            if (i % 7 == 3)
                snprintf(text + t, sizeof text - t, " \\\"We will not give up,\\\" %s said.", whom[i % NW]);
            else
                snprintf(text + t, sizeof text - t, " Officials declined to comment further.");
        }
        fx_date((int)(fx_rand(&s) % (uint32_t)(days > 0 ? days : 1)), date);
        len += (size_t)snprintf(data + len, cap - len,
                                "{\"id\":\"%s\",\"date\":\"%s\",\"source\":\"%s\",\"url\":\"https://news.example/%d\","
                                "\"title\":\"Report %d\",\"text\":\"%s\"}\n",
                                id, date, outlets[(i + copy) % 6], i, i, text);
    }
    const char *path = test_store_tmp(name, data, len);
    free(data);
    return path;
}

/* Start `cmd` with /bin/sh (stdout and stderr to /dev/null); its pid.
 * "exec" in front makes the pid the command's own, so a signal reaches it. */
pid_t test_spawn(const char *cmd)
{
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(127);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* ---- helpers ---- */

/* One integer from sql on the database at path (read-only), -1 if unreadable. */
static long long db_int(const char *path, const char *sql)
{
    sqlite3 *db;
    long long v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 2000);
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
            sqlite3_finalize(st);
        }
    }
    sqlite3_close(db);
    return v;
}

static void sleep_ms(int ms)
{
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

static char *ingest_cmd(const char *db, const char *corpus, const char *extra)
{
    static char cmd[4][2048];
    static int which;
    char *c = cmd[which++ & 3];
    snprintf(c, 2048, "exec %s ingest --quiet %s %s --db %s %s", test_dyad_bin(), test_fixture_dicts(),
             extra, db, corpus);
    return c;
}

static int run_status(const char *cmd)
{
    int st;
    char *out = test_run(cmd, &st);
    free(out);
    return st;
}

static const char *fresh_db(const char *name) { return test_store_tmp(name, NULL, 0); }

/* ---- tests ---- */

TEST(ingest_is_idempotent_and_records_copies)
{
    const char *corpus = test_fixture_corpus("ingest-small.jsonl", 100, 30, 7);
    const char *db = fresh_db("ingest-small.db");
    CHECK_INT(run_status(ingest_cmd(db, corpus, "")), 0);
    long long articles = db_int(db, "SELECT count(*) FROM articles");
    long long events = db_int(db, "SELECT count(*) FROM events");
    /* 100 lines: 10 repeat an earlier id, 10 are copies of the article before */
    CHECK_INT(articles, 80);
    CHECK_INT(db_int(db, "SELECT count(*) FROM copies"), 10);
    CHECK(events > 100);
    /* every mention is counted once in its group, copies included */
    CHECK_INT(db_int(db, "SELECT sum(num_mentions) FROM event_groups"), db_int(db, "SELECT count(*) FROM mentions"));
    CHECK(db_int(db, "SELECT count(*) FROM mentions") > events);
    CHECK_INT(db_int(db, "SELECT count(*) FROM event_groups WHERE negated"),
              db_int(db, "SELECT count(DISTINCT grp) FROM events WHERE negated"));
    /* again: nothing new */
    CHECK_INT(run_status(ingest_cmd(db, corpus, "")), 0);
    CHECK_INT(db_int(db, "SELECT count(*) FROM articles"), articles);
    CHECK_INT(db_int(db, "SELECT count(*) FROM events"), events);
    CHECK_INT(db_int(db, "SELECT count(*) FROM copies"), 10);
    /* quotations and places from the pipeline's other stages */
    CHECK(db_int(db, "SELECT count(*) FROM quotations WHERE kind = 'direct' AND speaker_code <> ''") > 0);
    CHECK(db_int(db, "SELECT count(*) FROM places WHERE event IS NOT NULL") > 0);
    /* the text index finds an article by a word of its text */
    CHECK(db_int(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'geneva'") > 0);

    int st;
    char args[1024];
    snprintf(args, sizeof args, "%s ingest --db 2>&1", test_dyad_bin());
    char *out = test_run(args, &st);
    CHECK_INT(st, 2);
    CHECK(out && strstr(out, "usage: dyad ingest"));
    free(out);
}

/* The digest of what a store holds, comparable across stores: a row per event
 * and per group, in an order independent of rowids. */
static const char *const same_sql[] = {
    "SELECT a.id, e.sentence, e.source, e.target, e.code, e.spans, e.negated FROM events e"
    " JOIN articles a ON a.rowid = e.article",
    "SELECT date, source, target, code, negated, conditional, future, hedged, num_mentions,"
    " num_articles, num_sources FROM event_groups",
    "SELECT a.id, c.id, c.source FROM copies c JOIN articles a ON a.rowid = c.article",
    "SELECT a.id, s.idx, s.start, s.\"end\" FROM sentences s JOIN articles a ON a.rowid = s.article",
};

/* Rows of `q` in one store and not in the other (both ways), by ATTACH. */
static long long differences(const char *db, const char *ref, const char *q)
{
    sqlite3 *s;
    long long n = -1;
    if (sqlite3_open_v2(db, &s, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) return -1;
    char sql[4096];
    snprintf(sql, sizeof sql, "ATTACH '%s' AS ref", ref);
    if (sqlite3_exec(s, sql, NULL, NULL, NULL) == SQLITE_OK) {
        /* the same query against ref: table names prefixed */
        char qref[2048];
        size_t o = 0;
        for (const char *p = q; *p && o < sizeof qref - 8;) {
            const char *tables[] = {"events ", "articles ", "event_groups", "copies ", "sentences "};
            int hit = 0;
            for (int t = 0; t < 5 && !hit; t++) {
                size_t tl = strlen(tables[t]);
                if (!strncmp(p, tables[t], tl) && (p == q || p[-1] == ' ')) {
                    o += (size_t)snprintf(qref + o, sizeof qref - o, "ref.%s", tables[t]);
                    p += tl;
                    hit = 1;
                }
            }
            if (!hit) qref[o++] = *p++;
        }
        qref[o] = 0;
        buf b;
        buf_init(&b);
        buf_printf(&b, "SELECT (SELECT count(*) FROM (%s EXCEPT %s)) + (SELECT count(*) FROM (%s EXCEPT %s))"
                       " + abs((SELECT count(*) FROM (%s)) - (SELECT count(*) FROM (%s)))",
                   q, qref, qref, q, q, qref);
        sqlite3_stmt *st;
        int ok = sqlite3_prepare_v2(s, b.data, -1, &st, NULL) == SQLITE_OK;
        buf_free(&b);
        if (ok) {
            if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
            sqlite3_finalize(st);
        } else {
            printf("  differences: %s\n", sqlite3_errmsg(s));
        }
    }
    sqlite3_close(s);
    return n;
}

/* Start an ingest and SIGKILL it once the store holds more than `after`
 * articles (committed); returns the count seen just before the kill, or -1
 * when the run ended by itself first. */
static long long kill_after(const char *cmd, const char *db, long long after)
{
    pid_t pid = test_spawn(cmd);
    long long seen = -1;
    for (int i = 0; i < 60000; i++) {
        int st;
        if (waitpid(pid, &st, WNOHANG) == pid) return -1;
        long long n = db_int(db, "SELECT count(*) FROM articles");
        if (n > after) {
            seen = n;
            break;
        }
        sleep_ms(2);
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    return seen;
}

TEST(ingest_killed_twice_then_rerun_equals_one_clean_run)
{
    enum { N = 8000 };
    const char *corpus = test_fixture_corpus("ingest-big.jsonl", N, 200, 11);
    const char *ref = fresh_db("ingest-ref.db");
    const char *db = fresh_db("ingest-killed.db");
    CHECK_INT(run_status(ingest_cmd(ref, corpus, "--batch 100")), 0);
    long long total = db_int(ref, "SELECT count(*) FROM articles");
    REQUIRE(total > N / 2);

    /* kill right after the first commit, then a third of the way in */
    long long first = kill_after(ingest_cmd(db, corpus, "--batch 100"), db, 0);
    CHECK(first > 0 && first < total);
    long long second = kill_after(ingest_cmd(db, corpus, "--batch 100"), db, first + total / 3);
    CHECK(second > first && second < total);
    printf("  killed at %lld and %lld of %lld articles\n", first, second, total);
    CHECK_INT(db_int(db, "SELECT integrity_check = 'ok' FROM pragma_integrity_check"), 1);
    /* what survived is whole: no article without its sentences, no stale group */
    CHECK_INT(db_int(db, "SELECT count(*) FROM articles a WHERE NOT EXISTS"
                         " (SELECT 1 FROM sentences s WHERE s.article = a.rowid)"), 0);
    CHECK_INT(db_int(db, "SELECT count(*) FROM event_groups WHERE dirty"), 0);

    /* the re-run finishes the job */
    CHECK_INT(run_status(ingest_cmd(db, corpus, "--batch 100")), 0);
    CHECK_INT(db_int(db, "SELECT count(*) FROM articles"), total);
    for (size_t i = 0; i < sizeof same_sql / sizeof *same_sql; i++) {
        long long d = differences(db, ref, same_sql[i]);
        if (d != 0) printf("  differs (%lld): %s\n", d, same_sql[i]);
        CHECK_INT(d, 0);
    }
    /* no duplicates anywhere */
    CHECK_INT(db_int(db, "SELECT count(*) FROM (SELECT 1 FROM events GROUP BY article, sentence, source,"
                         " target, code, spans, negated HAVING count(*) > 1)"), 0);
    CHECK_INT(db_int(db, "SELECT count(*) FROM (SELECT 1 FROM copies GROUP BY id HAVING count(*) > 1)"), 0);
    CHECK_INT(db_int(db, "SELECT sum(num_mentions) FROM event_groups"), db_int(db, "SELECT count(*) FROM mentions"));
    CHECK_INT(db_int(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'geneva'"),
              db_int(ref, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'geneva'"));
}
