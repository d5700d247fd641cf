/* test_store.c: the SQLite store (src/store), read back with plain SQL. */
#include "test.h"
#include "store/store.h"
#include <sqlite3.h>
#include <stdlib.h>

/* In test_input.c: a fresh per-process path under build/test-tmp, removed at exit. */
const char *test_tmp_file(const char *name, const void *data, size_t n);

/*                                  0         1         2         3         4         5
 *                                  0123456789012345678901234567890123456789012345678901234 */
static const char text[] = "Gondor met Arnor. Mordor's army attacked Rohan's town.";

static dyad_article article(void)
{
    return (dyad_article){.id = "doc-1", .url = "http://x/1", .source = "Wire", .title = "T",
                          .date = 20240816, .text = text, .len = sizeof text - 1,
                          .origin = "t.jsonl", .line = 1};
}

static dyad_event make_event(uint32_t sent, const char *src, const char *tgt, const char *code,
                             dyad_span ss, dyad_span s, dyad_span t, dyad_span v)
{
    dyad_event e = {0};
    e.sentence = sent;
    snprintf(e.source, sizeof e.source, "%s", src);
    snprintf(e.target, sizeof e.target, "%s", tgt);
    snprintf(e.code, sizeof e.code, "%s", code);
    e.sentence_span = ss;
    e.source_span = s;
    e.target_span = t;
    e.verb_span = v;
    e.pattern = "MEET";
    e.pattern_origin = "verbs:3";
    return e;
}

/* Store one article with its sentences and events; returns its rowid. */
static int64_t ingest(sto_db *db)
{
    dyad_article a = article();
    int64_t id = sto_article(db, &a, text);
    if (id <= 0) return id;
    dyad_span s0 = {0, 17}, s1 = {18, 54};
    CHECK_INT(sto_sentence(db, id, 0, text, a.len, s0), 0);
    CHECK_INT(sto_sentence(db, id, 1, text, a.len, s1), 0);
    dyad_event e1 = make_event(0, "GON", "ARN", "036", s0, (dyad_span){0, 6},
                               (dyad_span){11, 16}, (dyad_span){7, 10});
    dyad_event e2 = make_event(1, "MOR", "---", "190", s1, (dyad_span){18, 24},
                               (dyad_span){0, 0}, (dyad_span){32, 40});
    e2.negated = 1;
    e2.date = 20240815;
    dyad_event e3 = make_event(1, "MOR", "ROH", "9999", s1, (dyad_span){18, 24},
                               (dyad_span){41, 46}, (dyad_span){32, 40});
    CHECK(sto_event(db, id, &a, text, &e1) > 0);
    CHECK(sto_event(db, id, &a, text, &e2) > 0);
    CHECK(sto_event(db, id, &a, text, &e3) > 0);
    return id;
}

/* First column of the first row of sql, as text in a static buffer ("" if none). */
static const char *q(sqlite3 *db, const char *sql)
{
    static char out[4][512];
    static int which;
    char *o = out[which++ & 3];
    o[0] = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        snprintf(o, 512, "ERR %s", sqlite3_errmsg(db));
        return o;
    }
    if (sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(st, 0);
        snprintf(o, 512, "%s", t ? (const char *)t : "NULL");
    }
    sqlite3_finalize(st);
    return o;
}

TEST(store_write_and_read_back)
{
    const char *path = test_tmp_file("store.db", NULL, 0);
    char *err = NULL;
    sto_db *db = sto_open(path, &err);
    REQUIRE(db);
    CHECK(err == NULL);
    sto_batch(db, 100);
    int64_t id = ingest(db);
    CHECK(id > 0);
    CHECK_INT(sto_close(db), 0);

    sqlite3 *s;
    REQUIRE(sqlite3_open(path, &s) == SQLITE_OK);
    CHECK_STR(q(s, "PRAGMA journal_mode"), "wal");
    CHECK_STR(q(s, "SELECT count(*) FROM articles"), "1");
    CHECK_STR(q(s, "SELECT id||'|'||url||'|'||source||'|'||title||'|'||date FROM articles"),
              "doc-1|http://x/1|Wire|T|20240816");
    CHECK_STR(q(s, "SELECT text FROM articles"), text);
    CHECK_INT(strlen(q(s, "SELECT content_hash FROM articles")), 16);
    CHECK_STR(q(s, "SELECT group_concat(idx||':'||start||'-'||\"end\"||':'||text, '|') FROM "
                   "(SELECT * FROM sentences ORDER BY idx)"),
              "0:0-17:Gondor met Arnor.|1:18-54:Mordor's army attacked Rohan's town.");
    CHECK_STR(q(s, "SELECT count(*) FROM events"), "3");
    CHECK_STR(q(s, "SELECT source||'|'||target||'|'||code||'|'||root||'|'||quad||'|'||goldstein||'|'||"
                   "plover||'|'||date||'|'||source_text||'|'||target_text||'|'||verb_text||'|'||"
                   "negated||future||pattern||'|'||pattern_origin FROM events WHERE code='036'"),
              "GON|ARN|036|03|1|4.0|AGREE|20240816|Gondor|Arnor|met|00MEET|verbs:3");
    CHECK_STR(q(s, "SELECT date||'|'||negated||'|'||target_text||'|'||spans FROM events WHERE code='190'"),
              "20240815|1||{\"sentence\":[18,54],\"source\":[18,24],\"target\":[0,0],\"verb\":[32,40]}");
    /* 9999 is no CAMEO code (nor are 999, 99): root etc. stay NULL */
    CHECK_STR(q(s, "SELECT coalesce(root,'-')||coalesce(quad,'-')||coalesce(goldstein,'-')||"
                   "coalesce(plover,'-') FROM events WHERE code='9999'"), "----");
    /* actors: GON, ARN, MOR (190 has no target), MOR, ROH */
    CHECK_STR(q(s, "SELECT count(*) FROM actors"), "5");
    CHECK_STR(q(s, "SELECT group_concat(code||':'||text||':'||role||':'||sentence, ',') FROM "
                   "(SELECT * FROM actors ORDER BY rowid)"),
              "GON:Gondor:source:0,ARN:Arnor:target:0,MOR:Mordor:source:1,MOR:Mordor:source:1,"
              "ROH:Rohan:target:1");
    CHECK_STR(q(s, "SELECT count(*) FROM actors a JOIN events e ON e.rowid=a.event "
                   "AND e.article=a.article"), "5");
    CHECK_STR(q(s, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name IN "
                   "('events_date','events_dyad','events_code')"), "3");
    /* the dyad index serves source/target queries */
    sqlite3_stmt *plan;
    REQUIRE(sqlite3_prepare_v2(s, "EXPLAIN QUERY PLAN SELECT * FROM events WHERE source='GON' "
                                  "AND target='ARN'", -1, &plan, NULL) == SQLITE_OK);
    REQUIRE(sqlite3_step(plan) == SQLITE_ROW);
    CHECK(strstr((const char *)sqlite3_column_text(plan, 3), "events_dyad") != NULL);
    sqlite3_finalize(plan);
    CHECK_STR(q(s, "PRAGMA user_version"), "1");
    sqlite3_close(s);

    /* Re-ingesting the same id stores nothing new. */
    db = sto_open(path, &err);
    REQUIRE(db);
    sto_batch(db, 1);
    CHECK_INT(ingest(db), 0);
    dyad_article other = article();
    other.id = "doc-2";
    int64_t id2 = sto_article(db, &other, text);
    CHECK(id2 > id);
    CHECK_INT(sto_close(db), 0);
    REQUIRE(sqlite3_open(path, &s) == SQLITE_OK);
    CHECK_STR(q(s, "SELECT count(*) FROM articles"), "2");
    CHECK_STR(q(s, "SELECT count(*) FROM events"), "3");
    CHECK_STR(q(s, "SELECT count(*) FROM sentences"), "2");
    /* the same text under another id shows up by hash */
    CHECK_STR(q(s, "SELECT count(DISTINCT content_hash) FROM articles"), "1");
    sqlite3_close(s);
}

TEST(store_batches_and_manual_transactions)
{
    const char *path = test_tmp_file("batch.db", NULL, 0);
    sto_db *db = sto_open(path, NULL);
    REQUIRE(db);
    sto_batch(db, 3);
    char id[32];
    for (int i = 0; i < 10; i++) {
        dyad_article a = article();
        snprintf(id, sizeof id, "b%d", i);
        a.id = id;
        a.date = 0;
        CHECK(sto_article(db, &a, text) > 0);
    }
    /* a reader sees the committed batches (9 of 10) while the tenth is open */
    sqlite3 *s;
    REQUIRE(sqlite3_open(path, &s) == SQLITE_OK);
    CHECK_STR(q(s, "SELECT count(*) FROM articles"), "9");
    CHECK_STR(q(s, "SELECT count(*) FROM articles WHERE date IS NULL"), "9");
    CHECK_INT(sto_close(db), 0);
    CHECK_STR(q(s, "SELECT count(*) FROM articles"), "10");

    db = sto_open(path, NULL);
    REQUIRE(db);
    CHECK_INT(sto_begin(db), 0);
    CHECK_INT(sto_begin(db), 0); /* nested: no-op */
    dyad_article a = article();
    a.id = "manual";
    CHECK(sto_article(db, &a, text) > 0);
    CHECK_STR(q(s, "SELECT count(*) FROM articles"), "10");
    CHECK_INT(sto_commit(db), 0);
    CHECK_INT(sto_commit(db), 0);
    CHECK_STR(q(s, "SELECT count(*) FROM articles"), "11");
    CHECK_INT(sto_close(db), 0);
    sqlite3_close(s);
}

TEST(store_open_errors)
{
    char *err = NULL;
    CHECK(sto_open("build/test-tmp/no/such/dir/x.db", &err) == NULL);
    CHECK(err && strstr(err, "x.db") != NULL);
    free(err);
    /* not a database */
    static const char not_db[] = "this is not an SQLite file, only some text long enough to fill"
                                 " the 100-byte header a database file starts with...........";
    const char *junk = test_tmp_file("junk.db", not_db, sizeof not_db - 1);
    err = NULL;
    CHECK(sto_open(junk, &err) == NULL);
    CHECK(err != NULL);
    free(err);
}
