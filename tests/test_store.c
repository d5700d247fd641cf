/* test_store.c: the SQLite store (src/store), read back with plain SQL. */
#include "test.h"
#include "store/store.h"
#include <sqlite3.h>
#include <stdlib.h>

/* In test_store_ingest.c: a fresh per-process path under build/test-tmp,
 * removed at exit (the store tests keep their own list of such files). */
const char *test_store_tmp(const char *name, const void *data, size_t n);

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
    const char *path = test_store_tmp("store.db", NULL, 0);
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
                   "('events_date','events_by_source','events_by_target','events_code')"), "4");
    /* the dyad index serves source/target queries */
    sqlite3_stmt *plan;
    REQUIRE(sqlite3_prepare_v2(s, "EXPLAIN QUERY PLAN SELECT * FROM events WHERE source='GON' "
                                  "AND target='ARN'", -1, &plan, NULL) == SQLITE_OK);
    REQUIRE(sqlite3_step(plan) == SQLITE_ROW);
    const char *how = (const char *)sqlite3_column_text(plan, 3);
    CHECK(strstr(how, "events_by_source (source=? AND target=?)") || strstr(how, "events_by_target (target=? AND source=?)"));
    sqlite3_finalize(plan);
    CHECK_STR(q(s, "PRAGMA user_version"), "2");
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
    const char *path = test_store_tmp("batch.db", NULL, 0);
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
    const char *junk = test_store_tmp("junk.db", not_db, sizeof not_db - 1);
    err = NULL;
    CHECK(sto_open(junk, &err) == NULL);
    CHECK(err != NULL);
    free(err);
}

/* An article of one sentence "Gondor met Arnor." with `n` GON-ARN 036
 * mentions (and one negated one when `neg`), under id/outlet. */
static int64_t store_meeting(sto_db *db, const char *id, const char *outlet, const char *body, int n, int neg)
{
    dyad_article a = article();
    a.id = id;
    a.source = outlet;
    a.text = body;
    a.len = strlen(body);
    int64_t art = sto_article(db, &a, body);
    if (art <= 0) return art;
    dyad_span s0 = {0, 17};
    for (int i = 0; i < n + neg; i++) {
        dyad_event e = make_event(0, "GON", "ARN", "036", s0, (dyad_span){0, 6}, (dyad_span){11, 16},
                                  (dyad_span){7, 10});
        e.negated = i >= n;
        CHECK(sto_event(db, art, &a, body, &e) > 0);
    }
    return art;
}

TEST(store_event_groups_count_mentions_articles_sources)
{
    const char *path = test_store_tmp("groups.db", NULL, 0);
    sto_db *db = sto_open(path, NULL);
    REQUIRE(db);
    sto_batch(db, 2);
    int64_t a = store_meeting(db, "A", "Wire", "Gondor met Arnor. (A)", 2, 1);
    CHECK(a > 0);
    CHECK(store_meeting(db, "B", "Post", "Gondor met Arnor. (B)", 1, 0) > 0);
    CHECK(store_meeting(db, "C", "Wire", "Gondor met Arnor. (C)", 1, 0) > 0);
    CHECK(store_meeting(db, "D", "", "Gondor met Arnor. (D)", 1, 0) > 0);
    /* A again under another id: found by its text, recorded as a copy */
    dyad_article copy = article();
    copy.id = "A-syndicated";
    copy.source = "Herald";
    copy.text = "Gondor met Arnor. (A)";
    copy.len = strlen(copy.text);
    int same = -1;
    CHECK_INT(sto_find(db, &copy, &same), a);
    CHECK_INT(same, 0);
    CHECK_INT(sto_copy(db, a, &copy), 1);
    CHECK_INT(sto_copy(db, a, &copy), 0); /* recorded once */
    CHECK_INT(sto_find(db, &copy, &same), a);
    CHECK_INT(same, 1); /* now by its id */
    dyad_article unknown = article();
    unknown.id = "nope";
    unknown.text = "Something else entirely.";
    unknown.len = strlen(unknown.text);
    CHECK_INT(sto_find(db, &unknown, &same), 0);
    CHECK_INT(sto_close(db), 0);

    sqlite3 *s;
    REQUIRE(sqlite3_open(path, &s) == SQLITE_OK);
    /* one event (and one denial of it) however many outlets told it */
    CHECK_STR(q(s, "SELECT count(*) FROM event_groups"), "2");
    /* mentions: A 2 + B 1 + C 1 + D 1 + the copy of A 2 = 7; articles A B C D copy = 5;
     * sources Wire, Post, Herald, and D (no outlet: its own) = 4 */
    CHECK_STR(q(s, "SELECT num_mentions||'/'||num_articles||'/'||num_sources||'/'||date||'/'||quad||'/'||plover"
                   " FROM event_groups WHERE negated = 0"), "7/5/4/20240816/1/AGREE");
    CHECK_STR(q(s, "SELECT num_mentions||'/'||num_articles||'/'||num_sources FROM event_groups WHERE negated = 1"),
              "2/2/2");
    CHECK_STR(q(s, "SELECT count(*) FROM events WHERE grp IS NULL"), "0");
    CHECK_STR(q(s, "SELECT count(*) FROM event_groups WHERE dirty"), "0");
    CHECK_STR(q(s, "SELECT (SELECT sum(num_mentions) FROM event_groups) = (SELECT count(*) FROM mentions)"), "1");
    CHECK_STR(q(s, "SELECT group_concat(doc, ',') FROM (SELECT doc FROM mentions m JOIN event_groups g"
                   " ON g.id = m.event_group WHERE g.negated ORDER BY doc)"), "A,A-syndicated");
    CHECK_STR(q(s, "SELECT e.rowid = g.first_event FROM event_groups g JOIN events e ON e.grp = g.id"
                   " WHERE g.negated = 0 ORDER BY e.rowid LIMIT 1"), "1");
    /* full-text search over the articles */
    CHECK_STR(q(s, "SELECT group_concat(a.id, ',') FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
                   " WHERE articles_fts MATCH 'gondor AND c'"), "C");
    CHECK_STR(q(s, "SELECT cameo_name('036')"), "ERR no such function: cameo_name"); /* ours only */
    sqlite3_close(s);

    /* the store's own connection has cameo_name() */
    db = sto_open_ro(path, NULL);
    REQUIRE(db);
    CHECK_STR(q(sto_sqlite(db), "SELECT cameo_name('036')"), dyad_cameo_lookup("036")->name);
    CHECK_INT(sto_close(db), 0);
}

TEST(store_upgrades_a_schema_1_store)
{
    const char *path = test_store_tmp("v1.db", NULL, 0);
    sqlite3 *s;
    REQUIRE(sqlite3_open(path, &s) == SQLITE_OK);
    /* the store as schema 1 made it, with one article and two events of one group */
    static const char v1[] =
        "CREATE TABLE articles(id TEXT NOT NULL UNIQUE, url TEXT, source TEXT, title TEXT, date INTEGER,"
        " text TEXT, content_hash TEXT, byline TEXT, dateline TEXT);"
        "CREATE TABLE events(article INTEGER NOT NULL, sentence INTEGER, source TEXT, target TEXT, code TEXT,"
        " root TEXT, quad INTEGER, goldstein REAL, plover TEXT, date INTEGER,"
        " negated INTEGER, conditional INTEGER, future INTEGER, hedged INTEGER, reported INTEGER,"
        " source_text TEXT, target_text TEXT, verb_text TEXT, spans TEXT, pattern TEXT, pattern_origin TEXT);"
        "INSERT INTO articles VALUES('old', '', 'Wire', 'T', 20240101, 'Gondor met Arnor twice.', '00', '', '');"
        "INSERT INTO events VALUES(1, 0, 'GON', 'ARN', '036', '03', 1, 4.0, 'AGREE', 20240101, 0,0,0,0,0,"
        " 'Gondor', 'Arnor', 'met', '{}', '', '');"
        "INSERT INTO events SELECT * FROM events;"
        "PRAGMA user_version=1;";
    REQUIRE(sqlite3_exec(s, v1, NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(s);
    char *err = NULL;
    CHECK(sto_open_ro(path, &err) == NULL); /* too old to read as is */
    CHECK(err && strstr(err, "upgrade"));
    free(err);
    sto_db *db = sto_open(path, NULL);
    REQUIRE(db);
    CHECK_INT(sto_close(db), 0);
    REQUIRE(sqlite3_open(path, &s) == SQLITE_OK);
    CHECK_STR(q(s, "PRAGMA user_version"), "2");
    CHECK_STR(q(s, "SELECT count(*)||'/'||sum(num_mentions)||'/'||sum(num_articles) FROM event_groups"), "1/2/1");
    CHECK_STR(q(s, "SELECT count(*) FROM events WHERE grp IS NULL"), "0");
    CHECK_STR(q(s, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'twice'"), "1");
    sqlite3_close(s);
}

TEST(store_early_schema_2_gets_later_additions)
{
    const char *path = test_store_tmp("early2.db", NULL, 0);
    sto_db *db = sto_open(path, NULL);
    REQUIRE(db);
    CHECK_INT(sto_close(db), 0);
    sqlite3 *s;
    REQUIRE(sqlite3_open(path, &s) == SQLITE_OK);
    /* as a store made before these came */
    REQUIRE(sqlite3_exec(s, "DROP INDEX event_groups_by_date; ALTER TABLE places DROP COLUMN feature;"
                            "ALTER TABLE quotations DROP COLUMN speaker_name;"
                            "CREATE INDEX event_groups_dyad ON event_groups(source, target, date);",
                         NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(s);
    db = sto_open(path, NULL);
    REQUIRE(db);
    CHECK_INT(sto_close(db), 0);
    REQUIRE(sqlite3_open(path, &s) == SQLITE_OK);
    CHECK_STR(q(s, "SELECT count(*) FROM pragma_table_info('places') WHERE name = 'feature'"), "1");
    CHECK_STR(q(s, "SELECT count(*) FROM pragma_table_info('quotations') WHERE name = 'speaker_name'"), "1");
    CHECK_STR(q(s, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index'"
                   " AND name LIKE 'event_groups_%' ORDER BY name)"),
              "event_groups_by_country,event_groups_by_date,event_groups_by_source,event_groups_by_target,"
              "event_groups_by_target_country,event_groups_dirty");
    sqlite3_close(s);
}
