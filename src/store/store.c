/* store.c: SQLite event store (see store.h). */
#include "store/store.h"
#include "output/output.h"
#include "util/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Tables as a fresh store gets them. A store made by schema 1 lacks
 * articles.added and events.grp (upgrade() adds them), one made early in
 * schema 2 some later columns (see additions); both before schema_rest runs. */
static const char schema_tables[] =
    "CREATE TABLE IF NOT EXISTS articles("
    " id TEXT NOT NULL UNIQUE, url TEXT, source TEXT, title TEXT, date INTEGER,"
    " text TEXT, content_hash TEXT, byline TEXT, dateline TEXT, added INTEGER);"
    "CREATE TABLE IF NOT EXISTS noise("
    " article INTEGER NOT NULL, kind TEXT, start INTEGER, \"end\" INTEGER, text TEXT);"
    "CREATE TABLE IF NOT EXISTS sentences("
    " article INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER, \"end\" INTEGER, text TEXT);"
    "CREATE TABLE IF NOT EXISTS events("
    " article INTEGER NOT NULL, sentence INTEGER, source TEXT, target TEXT, code TEXT,"
    " root TEXT, quad INTEGER, goldstein REAL, plover TEXT, date INTEGER,"
    " negated INTEGER, conditional INTEGER, future INTEGER, hedged INTEGER, reported INTEGER,"
    " source_text TEXT, target_text TEXT, verb_text TEXT, spans TEXT,"
    " pattern TEXT, pattern_origin TEXT, grp INTEGER, date_source TEXT);"
    "CREATE TABLE IF NOT EXISTS actors("
    " code TEXT NOT NULL, text TEXT, article INTEGER, sentence INTEGER, event INTEGER, role TEXT);"
    "CREATE TABLE IF NOT EXISTS copies("
    " article INTEGER NOT NULL, id TEXT NOT NULL UNIQUE, url TEXT, source TEXT, title TEXT,"
    " date INTEGER, added INTEGER);"
    "CREATE TABLE IF NOT EXISTS event_groups("
    " id INTEGER PRIMARY KEY, date INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,"
    " code TEXT NOT NULL, negated INTEGER NOT NULL, conditional INTEGER NOT NULL,"
    " future INTEGER NOT NULL, hedged INTEGER NOT NULL, root TEXT, quad INTEGER, goldstein REAL,"
    " plover TEXT, num_mentions INTEGER NOT NULL DEFAULT 0, num_sources INTEGER NOT NULL DEFAULT 0,"
    " num_articles INTEGER NOT NULL DEFAULT 0, first_event INTEGER, dirty INTEGER NOT NULL DEFAULT 0,"
    " UNIQUE(date, source, target, code, negated, conditional, future, hedged));"
    "CREATE TABLE IF NOT EXISTS places("
    " article INTEGER NOT NULL, sentence INTEGER, event INTEGER, name TEXT, country TEXT,"
    " lat REAL, lon REAL, start INTEGER, \"end\" INTEGER, type INTEGER, adm1 TEXT, feature TEXT);"
    "CREATE TABLE IF NOT EXISTS quotations("
    " article INTEGER NOT NULL, sentence INTEGER, speaker TEXT, speaker_code TEXT,"
    " start INTEGER, \"end\" INTEGER, text TEXT, kind TEXT, speaker_name TEXT, verb TEXT,"
    " speaker_start INTEGER, speaker_end INTEGER);";

/* Indexes, the text index, its triggers, the mentions view. */
static const char schema_rest[] =
    "CREATE UNIQUE INDEX IF NOT EXISTS sentences_article ON sentences(article, idx);"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    /* Who with whom, when, how sure: lists of events find, filter and
     * order their rows in these alone (events rows are wide). */
    "DROP INDEX IF EXISTS events_dyad;"
    "DROP INDEX IF EXISTS events_target;"
    "CREATE INDEX IF NOT EXISTS events_by_source ON events(source, target, date, negated, conditional,"
    " future, hedged);"
    "CREATE INDEX IF NOT EXISTS events_by_target ON events(target, source, date, negated, conditional,"
    " future, hedged);"
    /* Countries (a code's first three letters, as `dyad query` reads a
     * three-letter code): an equality here, where a prefix range over
     * the whole codes would walk every code of the first country. */
    "CREATE INDEX IF NOT EXISTS events_by_country ON events(substr(source, 1, 3), substr(target, 1, 3), date,"
    " negated, conditional, future, hedged);"
    "CREATE INDEX IF NOT EXISTS events_by_target_country ON events(substr(target, 1, 3), date, negated,"
    " conditional, future, hedged);"
    "CREATE INDEX IF NOT EXISTS events_code ON events(code);"
    "CREATE INDEX IF NOT EXISTS events_article ON events(article);"
    "CREATE INDEX IF NOT EXISTS events_grp ON events(grp);"
    "CREATE INDEX IF NOT EXISTS actors_code ON actors(code);"
    "CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);"
    "CREATE INDEX IF NOT EXISTS copies_article ON copies(article);"
    /* The aggregates (series, countries, dyads) read these alone, never the
     * table: each carries what they sum. */
    "DROP INDEX IF EXISTS event_groups_dyad;"
    "DROP INDEX IF EXISTS event_groups_target;"
    "CREATE INDEX IF NOT EXISTS event_groups_by_source ON event_groups(source, target, date, quad,"
    " goldstein, num_mentions, negated, conditional, future, hedged);"
    "CREATE INDEX IF NOT EXISTS event_groups_by_target ON event_groups(target, source, date, quad,"
    " goldstein, num_mentions, negated, conditional, future, hedged);"
    "CREATE INDEX IF NOT EXISTS event_groups_by_date ON event_groups(date, quad, goldstein, num_mentions,"
    " negated, conditional, future, hedged);"
    "CREATE INDEX IF NOT EXISTS event_groups_by_country ON event_groups(substr(source, 1, 3),"
    " substr(target, 1, 3), date, quad, goldstein, num_mentions, negated, conditional, future, hedged);"
    "CREATE INDEX IF NOT EXISTS event_groups_by_target_country ON event_groups(substr(target, 1, 3), date,"
    " quad, goldstein, num_mentions, negated, conditional, future, hedged);"
    "CREATE INDEX IF NOT EXISTS event_groups_dirty ON event_groups(id) WHERE dirty = 1;"
    "CREATE INDEX IF NOT EXISTS places_event ON places(event);"
    "CREATE INDEX IF NOT EXISTS places_article ON places(article);"
    "CREATE INDEX IF NOT EXISTS quotations_article ON quotations(article);"
    /* External-content FTS: the text is stored once, in articles. */
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles',"
    " content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN"
    " INSERT INTO articles_fts(rowid, title, text) VALUES(new.rowid, new.title, new.text); END;"
    "CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN"
    " INSERT INTO articles_fts(articles_fts, rowid, title, text)"
    " VALUES('delete', old.rowid, old.title, old.text); END;"
    "CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN"
    " INSERT INTO articles_fts(articles_fts, rowid, title, text)"
    " VALUES('delete', old.rowid, old.title, old.text);"
    " INSERT INTO articles_fts(rowid, title, text) VALUES(new.rowid, new.title, new.text); END;"
    "CREATE VIEW IF NOT EXISTS mentions AS"
    " SELECT e.grp AS event_group, e.rowid AS event, e.article AS article, a.id AS doc,"
    "  a.source AS outlet, a.url AS url, a.date AS doc_date, a.added AS added, 0 AS copy,"
    "  e.sentence AS sentence, e.spans AS spans, length(CAST(a.text AS BLOB)) AS doc_len,"
    "  e.negated AS negated, e.conditional AS conditional, e.future AS future,"
    "  e.hedged AS hedged, e.reported AS reported"
    " FROM events e JOIN articles a ON a.rowid = e.article"
    " UNION ALL"
    " SELECT e.grp, e.rowid, e.article, c.id, c.source, c.url, c.date, c.added, 1,"
    "  e.sentence, e.spans, length(CAST(a.text AS BLOB)),"
    "  e.negated, e.conditional, e.future, e.hedged, e.reported"
    " FROM events e JOIN copies c ON c.article = e.article JOIN articles a ON a.rowid = e.article;";

/* Bring the counts of every dirty group up to date from its mentions (in
 * stored articles and in their copies). Runs inside the transaction that
 * dirtied them, so committed counts are always right. CROSS JOIN keeps the
 * join order (dirty groups first): without statistics SQLite may otherwise
 * scan every event at every commit. Only groups whose counts changed are
 * written (the counts are in five covering indexes); a new group starts at
 * 1/1/1, which is what most stay at. */
#define REGROUP_SQL                                                                            \
    "UPDATE event_groups SET num_mentions = s.n, num_articles = s.na, num_sources = s.ns FROM ("  \
    " SELECT grp, count(*) AS n, count(DISTINCT doc) AS na,"                                   \
    "  count(DISTINCT CASE WHEN coalesce(outlet, '') <> '' THEN outlet ELSE '#' || doc END) AS ns" \
    "  FROM ("                                                                                 \
    "  SELECT e.grp AS grp, e.article AS doc, a.source AS outlet"                              \
    "   FROM event_groups d CROSS JOIN events e ON e.grp = d.id JOIN articles a ON a.rowid = e.article" \
    "   WHERE d.dirty = 1"                                                                     \
    "  UNION ALL"                                                                              \
    "  SELECT e.grp, -c.rowid, c.source"                                                       \
    "   FROM event_groups d CROSS JOIN events e ON e.grp = d.id JOIN copies c ON c.article = e.article" \
    "   WHERE d.dirty = 1"                                                                     \
    " ) GROUP BY grp) AS s WHERE event_groups.id = s.grp"                                      \
    " AND (event_groups.num_mentions, event_groups.num_articles, event_groups.num_sources)"   \
    " IS NOT (s.n, s.na, s.ns)"

/* Then the first mention of each, and the groups are clean. */
#define UNDIRTY_SQL                                                                            \
    "UPDATE event_groups SET first_event = (SELECT min(rowid) FROM events WHERE grp = event_groups.id),"  \
    " dirty = 0 WHERE dirty = 1"

/* The statements, prepared once; indexes into sto_db.st. */
enum {
    ST_BEGIN, ST_COMMIT, ST_ARTICLE, ST_SENTENCE, ST_EVENT, ST_ACTOR, ST_META, ST_NOISE,
    ST_GROUP, ST_REGROUP, ST_UNDIRTY, ST_FIND_ID, ST_FIND_HASH, ST_COPY, ST_DIRTY_ARTICLE, ST_PLACE,
    ST_QUOTATION, ST_COUNT
};

static const char *const statements[ST_COUNT] = {
    [ST_BEGIN] = "BEGIN",
    [ST_COMMIT] = "COMMIT",
    [ST_ARTICLE] = "INSERT OR IGNORE INTO articles(id, url, source, title, date, text, content_hash, added)"
                   " VALUES(?,?,?,?,?,?,?,?)",
    [ST_SENTENCE] = "INSERT OR REPLACE INTO sentences(article, idx, start, \"end\", text)"
                    " VALUES(?,?,?,?,?)",
    [ST_EVENT] = "INSERT INTO events(article, sentence, source, target, code, root, quad,"
                 " goldstein, plover, date, negated, conditional, future, hedged, reported,"
                 " source_text, target_text, verb_text, spans, pattern, pattern_origin, grp, date_source)"
                 " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [ST_ACTOR] = "INSERT INTO actors(code, text, article, sentence, event, role) VALUES(?,?,?,?,?,?)",
    [ST_META] = "UPDATE articles SET byline = ?, dateline = ? WHERE rowid = ?",
    [ST_NOISE] = "INSERT INTO noise(article, kind, start, \"end\", text) VALUES(?,?,?,?,?)",
    [ST_GROUP] = "INSERT INTO event_groups(date, source, target, code, negated, conditional, future,"
                 " hedged, root, quad, goldstein, plover, num_mentions, num_sources, num_articles, dirty)"
                 " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,1,1,1,1)"
                 " ON CONFLICT(date, source, target, code, negated, conditional, future, hedged)"
                 " DO UPDATE SET dirty = 1 RETURNING id",
    [ST_REGROUP] = REGROUP_SQL,
    [ST_UNDIRTY] = UNDIRTY_SQL,
    [ST_FIND_ID] = "SELECT rowid FROM articles WHERE id = ?1"
                   " UNION ALL SELECT article FROM copies WHERE id = ?1 LIMIT 1",
    [ST_FIND_HASH] = "SELECT rowid FROM articles WHERE content_hash = ? AND"
                     " length(CAST(text AS BLOB)) = ? ORDER BY rowid LIMIT 1",
    [ST_COPY] = "INSERT OR IGNORE INTO copies(article, id, url, source, title, date, added)"
                " VALUES(?,?,?,?,?,?,?)",
    [ST_DIRTY_ARTICLE] = "UPDATE event_groups SET dirty = 1 WHERE id IN"
                         " (SELECT grp FROM events WHERE article = ?)",
    [ST_PLACE] = "INSERT INTO places(article, sentence, event, name, country, lat, lon, start, \"end\","
                 " type, adm1, feature) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
    [ST_QUOTATION] = "INSERT INTO quotations(article, sentence, speaker, speaker_code, start,"
                     " \"end\", text, kind, speaker_name, verb, speaker_start, speaker_end)"
                     " VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
};

struct sto_db {
    sqlite3 *db;                /* the connection */
    sqlite3_stmt *st[ST_COUNT]; /* prepared statements, reused; all NULL when read-only */
    unsigned batch;             /* articles per automatic transaction, 0 = manual */
    unsigned pending;           /* articles written in the open transaction */
    int in_tx;                  /* a transaction is open */
    buf scratch;                /* spans JSON and the like */
};

/* Run a prepared statement that returns no rows, then reset it for reuse. */
static int run(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Run a statement that yields one integer (or none: 0); -1 on error. */
static int64_t run_int(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : rc == SQLITE_DONE ? 0 : -1;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return v;
}

static void bind_str(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}

static void bind_bytes(sqlite3_stmt *st, int i, const char *s, size_t n)
{
    sqlite3_bind_text64(st, i, n ? s : "", n, SQLITE_STATIC, SQLITE_UTF8);
}

static void bind_date(sqlite3_stmt *st, int i, int date)
{
    if (date) sqlite3_bind_int(st, i, date);
    else sqlite3_bind_null(st, i);
}

/* Bytes of the fixed-size code fields, which may fill their array. */
static void bind_code(sqlite3_stmt *st, int i, const char *code, size_t cap)
{
    bind_bytes(st, i, code, strnlen(code, cap));
}

static void set_err(char **err, const char *what, const char *why)
{
    if (!err) return;
    size_t n = strlen(what) + strlen(why) + 3;
    *err = malloc(n);
    if (*err) snprintf(*err, n, "%s: %s", what, why);
}

/* cameo_name(code): so queries can show what a code means without a table. */
static void sql_cameo_name(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *code = sqlite3_value_text(argv[0]);
    const dyad_cameo *c = code ? dyad_cameo_lookup((const char *)code) : NULL;
    if (c) sqlite3_result_text(cx, c->name, -1, SQLITE_STATIC);
    else sqlite3_result_null(cx);
}

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *v;
    int version = 0;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &v, NULL) == SQLITE_OK) {
        if (sqlite3_step(v) == SQLITE_ROW) version = sqlite3_column_int(v, 0);
        sqlite3_finalize(v);
    }
    return version;
}

static int has_column(sqlite3 *db, const char *table, const char *column)
{
    sqlite3_stmt *st;
    int found = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?", -1, &st, NULL) != SQLITE_OK)
        return 0;
    bind_str(st, 1, table);
    bind_str(st, 2, column);
    found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

/* Columns added within schema 2, after stores were made with it: (table,
 * column, type). A store without one gets it (NULL in the rows already there). */
static const char *const additions[][3] = {
    {"events", "date_source", "TEXT"},
    {"places", "type", "INTEGER"}, {"places", "adm1", "TEXT"}, {"places", "feature", "TEXT"},
    {"quotations", "kind", "TEXT"}, {"quotations", "speaker_name", "TEXT"}, {"quotations", "verb", "TEXT"},
    {"quotations", "speaker_start", "INTEGER"}, {"quotations", "speaker_end", "INTEGER"},
};

/* Make sure every table, column, index, trigger and view of this version
 * is there; all of it IF NOT EXISTS, so a current store costs nothing. 0 or -1. */
static int ensure(sqlite3 *db, char **msg)
{
    if (sqlite3_exec(db, schema_tables, NULL, NULL, msg) != SQLITE_OK) return -1;
    for (size_t i = 0; i < sizeof additions / sizeof *additions; i++) {
        if (has_column(db, additions[i][0], additions[i][1])) continue;
        char sql[160];
        snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN %s %s", additions[i][0], additions[i][1], additions[i][2]);
        if (sqlite3_exec(db, sql, NULL, NULL, msg) != SQLITE_OK) return -1;
    }
    return sqlite3_exec(db, schema_rest, NULL, NULL, msg) == SQLITE_OK ? 0 : -1;
}

/* Bring a store of an older schema up to STO_SCHEMA_VERSION, in one
 * transaction (a crash leaves the old store untouched): new columns, new
 * tables, event groups for the events already stored, the text index. */
static int upgrade(sqlite3 *db, int version, char **msg)
{
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, msg) != SQLITE_OK) return -1;
    int ok = sqlite3_exec(db, schema_tables, NULL, NULL, msg) == SQLITE_OK;
    if (ok && !has_column(db, "articles", "added"))
        ok = sqlite3_exec(db, "ALTER TABLE articles ADD COLUMN added INTEGER", NULL, NULL, msg) == SQLITE_OK;
    if (ok && !has_column(db, "events", "grp"))
        ok = sqlite3_exec(db, "ALTER TABLE events ADD COLUMN grp INTEGER", NULL, NULL, msg) == SQLITE_OK;
    if (ok) ok = ensure(db, msg) == 0;
    if (ok && version > 0) {
        static const char backfill[] =
            "INSERT OR IGNORE INTO event_groups(date, source, target, code, negated, conditional,"
            " future, hedged, root, quad, goldstein, plover, dirty)"
            " SELECT coalesce(date, 0), source, target, code, negated, conditional, future, hedged,"
            " root, quad, goldstein, plover, 1 FROM events WHERE grp IS NULL;"
            "UPDATE events SET grp = (SELECT g.id FROM event_groups g WHERE g.date = coalesce(events.date, 0)"
            " AND g.source = events.source AND g.target = events.target AND g.code = events.code"
            " AND g.negated = events.negated AND g.conditional = events.conditional"
            " AND g.future = events.future AND g.hedged = events.hedged) WHERE grp IS NULL;"
            REGROUP_SQL ";" UNDIRTY_SQL ";"
            "INSERT INTO articles_fts(articles_fts) VALUES('rebuild');";
        ok = sqlite3_exec(db, backfill, NULL, NULL, msg) == SQLITE_OK;
    }
    if (ok) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version=%d", STO_SCHEMA_VERSION);
        ok = sqlite3_exec(db, sql, NULL, NULL, msg) == SQLITE_OK;
    }
    if (ok) ok = sqlite3_exec(db, "COMMIT", NULL, NULL, msg) == SQLITE_OK;
    if (!ok) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return ok ? 0 : -1;
}

/* The part both opens share: connection, timeouts, SQL functions. */
static sto_db *open_common(const char *path, int flags, char **err)
{
    if (err) *err = NULL;
    sto_db *s = calloc(1, sizeof *s);
    if (!s) abort();
    buf_init(&s->scratch);
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        set_err(err, path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
        sto_close(s);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 5000);
    sqlite3_create_function(s->db, "cameo_name", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                            sql_cameo_name, NULL, NULL);
    return s;
}

sto_db *sto_open(const char *path, char **err)
{
    sto_db *s = open_common(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err);
    if (!s) return NULL;
    /* WAL: readers (dashboards, queries) don't block the coder's writes.
     * A 64 MB page cache keeps the indexes' hot pages across a batch instead
     * of re-reading them from the WAL (3x fewer system calls when ingesting). */
    const char *setup = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;";
    char *msg = NULL;
    int version = 0;
    if (sqlite3_exec(s->db, setup, NULL, NULL, &msg) != SQLITE_OK) goto sql_fail;
    version = user_version(s->db);
    if (version > STO_SCHEMA_VERSION) {
        set_err(err, path, "made by a newer dyad (schema version too high)");
        goto fail;
    }
    if (version < STO_SCHEMA_VERSION && upgrade(s->db, version, &msg)) goto sql_fail;
    /* what came within schema 2 (columns, indexes) */
    if (version == STO_SCHEMA_VERSION && ensure(s->db, &msg)) goto sql_fail;
    for (int i = 0; i < ST_COUNT; i++) {
        if (sqlite3_prepare_v2(s->db, statements[i], -1, &s->st[i], NULL) != SQLITE_OK) {
            set_err(err, path, sqlite3_errmsg(s->db));
            goto fail;
        }
    }
    return s;
sql_fail:
    set_err(err, path, msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
fail:
    sto_close(s);
    return NULL;
}

sto_db *sto_open_ro(const char *path, char **err)
{
    sto_db *s = open_common(path, SQLITE_OPEN_READONLY, err);
    if (!s) return NULL;
    /* Readers map the file: pages come from the OS cache, shared by every
     * connection of a server, without a read() each (random row lookups of
     * a big store were mostly system calls). */
    sqlite3_exec(s->db, "PRAGMA mmap_size=2000000000", NULL, NULL, NULL);
    /* A read that finds no schema (not a store, or an empty file) fails here. */
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) != SQLITE_OK) {
        set_err(err, path, sqlite3_errmsg(s->db));
        sto_close(s);
        return NULL;
    }
    sqlite3_finalize(st);
    int version = user_version(s->db);
    if (version != STO_SCHEMA_VERSION) {
        set_err(err, path, version > STO_SCHEMA_VERSION ? "made by a newer dyad (schema version too high)"
                                                        : "not a dyad store of this version (open it once with "
                                                          "'dyad ingest' or 'dyad code --db' to upgrade it)");
        sto_close(s);
        return NULL;
    }
    return s;
}

sqlite3 *sto_sqlite(sto_db *db) { return db->db; }

void sto_batch(sto_db *db, unsigned n) { db->batch = n; }

int sto_begin(sto_db *db)
{
    if (db->in_tx) return 0;
    if (run(db->st[ST_BEGIN])) return -1;
    db->in_tx = 1;
    db->pending = 0;
    return 0;
}

/* Counts, then first mentions, of the groups touched since the last time. */
static int regroup(sto_db *db)
{
    return run(db->st[ST_REGROUP]) || run(db->st[ST_UNDIRTY]) ? -1 : 0;
}

int sto_commit(sto_db *db)
{
    if (!db->in_tx) return 0;
    if (regroup(db) || run(db->st[ST_COMMIT])) return -1;
    db->in_tx = 0;
    db->pending = 0;
    return 0;
}

/* Outside a transaction every statement commits alone: regroup at once so
 * the counts a reader sees are right. */
static int regroup_if_autocommit(sto_db *db)
{
    return db->in_tx ? 0 : regroup(db);
}

/* FNV-1a 64: cheap, stable, enough to spot the same text under two ids. */
static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static void content_hash(const dyad_article *a, char hash[17])
{
    snprintf(hash, 17, "%016llx",
             (unsigned long long)fnv1a(a->text ? a->text : "", a->text ? a->len : 0));
}

/* Open the batch's transaction when batching; commit a full batch first. */
static int batch_step(sto_db *db)
{
    if (!db->batch) return 0;
    if (db->in_tx && db->pending >= db->batch && sto_commit(db)) return -1;
    return sto_begin(db);
}

int64_t sto_find(sto_db *db, const dyad_article *a, int *same_id)
{
    *same_id = 0;
    sqlite3_stmt *st = db->st[ST_FIND_ID];
    bind_str(st, 1, a->id);
    int64_t id = run_int(st);
    if (id) {
        *same_id = id > 0;
        return id;
    }
    if (!a->text || !a->len) return 0; /* empty texts are not "the same article" */
    char hash[17];
    content_hash(a, hash);
    st = db->st[ST_FIND_HASH];
    bind_str(st, 1, hash);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)a->len);
    return run_int(st);
}

int sto_copy(sto_db *db, int64_t article, const dyad_article *a)
{
    if (batch_step(db)) return -1;
    sqlite3_stmt *st = db->st[ST_COPY];
    sqlite3_bind_int64(st, 1, article);
    bind_str(st, 2, a->id);
    bind_str(st, 3, a->url);
    bind_str(st, 4, a->source);
    bind_str(st, 5, a->title);
    bind_date(st, 6, a->date);
    sqlite3_bind_int64(st, 7, (sqlite3_int64)time(NULL));
    if (run(st)) return -1;
    if (sqlite3_changes(db->db) == 0) return 0;
    db->pending++;
    st = db->st[ST_DIRTY_ARTICLE];
    sqlite3_bind_int64(st, 1, article);
    if (run(st) || regroup_if_autocommit(db)) return -1;
    return 1;
}

int64_t sto_article(sto_db *db, const dyad_article *a, const char *text)
{
    if (batch_step(db)) return -1;
    char hash[17];
    content_hash(a, hash);
    sqlite3_stmt *st = db->st[ST_ARTICLE];
    bind_str(st, 1, a->id);
    bind_str(st, 2, a->url);
    bind_str(st, 3, a->source);
    bind_str(st, 4, a->title);
    bind_date(st, 5, a->date);
    bind_bytes(st, 6, text ? text : a->text, text || a->text ? a->len : 0);
    bind_str(st, 7, hash);
    sqlite3_bind_int64(st, 8, (sqlite3_int64)time(NULL));
    if (run(st)) return -1;
    if (sqlite3_changes(db->db) == 0) return 0; /* id already stored */
    db->pending++;
    return sqlite3_last_insert_rowid(db->db);
}

int sto_article_meta(sto_db *db, int64_t article, const char *byline, const char *dateline)
{
    sqlite3_stmt *st = db->st[ST_META];
    bind_str(st, 1, byline);
    bind_str(st, 2, dateline);
    sqlite3_bind_int64(st, 3, article);
    return run(st);
}

int sto_noise(sto_db *db, int64_t article, const char *kind, const char *raw, size_t len, dyad_span s)
{
    size_t n;
    const char *p = out_span_text(raw, len, s, &n);
    sqlite3_stmt *st = db->st[ST_NOISE];
    sqlite3_bind_int64(st, 1, article);
    bind_str(st, 2, kind);
    sqlite3_bind_int64(st, 3, s.start);
    sqlite3_bind_int64(st, 4, s.end);
    bind_bytes(st, 5, p, n);
    return run(st);
}

int sto_sentence(sto_db *db, int64_t article, uint32_t idx, const char *text, size_t len,
                 dyad_span s)
{
    size_t n;
    const char *p = out_span_text(text, len, s, &n);
    sqlite3_stmt *st = db->st[ST_SENTENCE];
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, idx);
    sqlite3_bind_int64(st, 3, s.start);
    sqlite3_bind_int64(st, 4, s.end);
    bind_bytes(st, 5, p, n);
    return run(st);
}

static int actor(sto_db *db, int64_t article, int64_t event, const dyad_event *e,
                 const char *code, dyad_span span, const char *text, size_t len, const char *role)
{
    size_t cn = strnlen(code, DYAD_CODE_MAX);
    if (!cn || (cn == 3 && !memcmp(code, "---", 3))) return 0;
    size_t n;
    const char *p = out_span_text(text, len, span, &n);
    sqlite3_stmt *st = db->st[ST_ACTOR];
    bind_bytes(st, 1, code, cn);
    bind_bytes(st, 2, p, n);
    sqlite3_bind_int64(st, 3, article);
    sqlite3_bind_int64(st, 4, e->sentence);
    sqlite3_bind_int64(st, 5, event);
    bind_str(st, 6, role);
    return run(st);
}

/* The CAMEO facts of e (root, quad, goldstein, plover) bound from index i
 * on; left NULL for a code the table does not know. */
static void bind_cameo(sqlite3_stmt *st, int i, const dyad_cameo *c)
{
    if (!c) return;
    bind_bytes(st, i, c->code, 2);
    sqlite3_bind_int(st, i + 1, c->quad);
    sqlite3_bind_double(st, i + 2, c->goldstein);
    bind_str(st, i + 3, c->plover);
}

/* The id of e's event group, made if new (and marked for regrouping). */
static int64_t group_of(sto_db *db, const dyad_event *e, int date, const dyad_cameo *c)
{
    sqlite3_stmt *st = db->st[ST_GROUP];
    sqlite3_bind_int(st, 1, date);
    bind_code(st, 2, e->source, sizeof e->source);
    bind_code(st, 3, e->target, sizeof e->target);
    bind_code(st, 4, e->code, sizeof e->code);
    sqlite3_bind_int(st, 5, e->negated);
    sqlite3_bind_int(st, 6, e->conditional);
    sqlite3_bind_int(st, 7, e->future);
    sqlite3_bind_int(st, 8, e->hedged);
    bind_cameo(st, 9, c);
    int64_t id = run_int(st);
    return id > 0 ? id : -1;
}

int64_t sto_event(sto_db *db, int64_t article, const dyad_article *a, const char *text,
                  const dyad_event *e)
{
    const dyad_cameo *c = dyad_cameo_lookup(e->code);
    size_t len = a->len, n;
    const char *p;
    int date = out_event_date(a, e);
    int64_t grp = group_of(db, e, date, c);
    if (grp < 0) return -1;
    buf_clear(&db->scratch);
    out_spans_json(&db->scratch, e);

    sqlite3_stmt *st = db->st[ST_EVENT];
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, e->sentence);
    bind_code(st, 3, e->source, sizeof e->source);
    bind_code(st, 4, e->target, sizeof e->target);
    bind_code(st, 5, e->code, sizeof e->code);
    bind_cameo(st, 6, c); /* 6-9 */
    bind_date(st, 10, date);
    sqlite3_bind_int(st, 11, e->negated);
    sqlite3_bind_int(st, 12, e->conditional);
    sqlite3_bind_int(st, 13, e->future);
    sqlite3_bind_int(st, 14, e->hedged);
    sqlite3_bind_int(st, 15, e->reported);
    p = out_span_text(text, len, e->source_span, &n);
    bind_bytes(st, 16, p, n);
    p = out_span_text(text, len, e->target_span, &n);
    bind_bytes(st, 17, p, n);
    p = out_span_text(text, len, e->verb_span, &n);
    bind_bytes(st, 18, p, n);
    bind_bytes(st, 19, db->scratch.data, db->scratch.len);
    if (e->pattern) bind_str(st, 20, e->pattern);
    if (e->pattern_origin) bind_str(st, 21, e->pattern_origin);
    sqlite3_bind_int64(st, 22, grp);
    if (e->date_source) bind_str(st, 23, e->date_source == DYAD_DATE_TEXT ? "text" : "publication");
    if (run(st)) return -1;
    int64_t id = sqlite3_last_insert_rowid(db->db);
    if (actor(db, article, id, e, e->source, e->source_span, text, len, "source") ||
        actor(db, article, id, e, e->target, e->target_span, text, len, "target") ||
        regroup_if_autocommit(db))
        return -1;
    return id;
}

int sto_result(sto_db *db, const dyad_article *a, const dyad_result *r)
{
    int64_t id = sto_article(db, a, r->text);
    if (id == 0) return 1;
    if (id < 0) return -1;
    if (((r->byline && r->byline[0]) || (r->dateline && r->dateline[0])) &&
        sto_article_meta(db, id, r->byline, r->dateline))
        return -1;
    for (uint32_t i = 0; i < r->nnoise; i++)
        if (sto_noise(db, id, r->noise[i].kind, a->text, a->len, r->noise[i].span)) return -1;
    for (uint32_t i = 0; i < r->nsentences; i++)
        if (sto_sentence(db, id, i, r->text, r->len, r->sentences[i])) return -1;
    for (uint32_t i = 0; i < r->nevents; i++) {
        const dyad_event *e = &r->events[i];
        int64_t ev = sto_event(db, id, a, r->text, e);
        if (ev < 0) return -1;
        /* where the event happened, when the text says */
        if (e->geo.type != DYAD_GEO_NONE && sto_place(db, id, e->sentence, ev, "event", &e->geo, e->geo_span))
            return -1;
    }
    for (uint32_t i = 0; i < r->nplaces; i++)
        if (sto_place(db, id, r->places[i].sentence, 0, r->places[i].feature, &r->places[i].geo, r->places[i].span))
            return -1;
    for (uint32_t i = 0; i < r->nquotes; i++)
        if (sto_quotation(db, id, &r->quotes[i])) return -1;
    return 0;
}

/* A coordinate, or NULL when unknown (NaN). */
static void bind_coord(sqlite3_stmt *st, int i, double v)
{
    if (v == v) sqlite3_bind_double(st, i, v);
}

int sto_place(sto_db *db, int64_t article, uint32_t sentence, int64_t event, const char *feature,
              const dyad_geo *g, dyad_span s)
{
    sqlite3_stmt *st = db->st[ST_PLACE];
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, sentence);
    if (event > 0) sqlite3_bind_int64(st, 3, event);
    bind_str(st, 4, g->name);
    bind_code(st, 5, g->country, sizeof g->country);
    bind_coord(st, 6, g->lat);
    bind_coord(st, 7, g->lon);
    sqlite3_bind_int64(st, 8, s.start);
    sqlite3_bind_int64(st, 9, s.end);
    sqlite3_bind_int(st, 10, g->type);
    bind_code(st, 11, g->adm1, sizeof g->adm1);
    if (feature) bind_str(st, 12, feature);
    return run(st);
}

static const char *quote_kind(int kind)
{
    return kind == DYAD_QUOTE_DIRECT ? "direct" : kind == DYAD_QUOTE_PARTIAL ? "partial"
         : kind == DYAD_QUOTE_INDIRECT ? "indirect" : "";
}

int sto_quotation(sto_db *db, int64_t article, const dyad_quote *q)
{
    sqlite3_stmt *st = db->st[ST_QUOTATION];
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, q->sentence);
    bind_str(st, 3, q->speaker);
    bind_code(st, 4, q->speaker_code, sizeof q->speaker_code);
    sqlite3_bind_int64(st, 5, q->span.start);
    sqlite3_bind_int64(st, 6, q->span.end);
    bind_str(st, 7, q->text);
    bind_str(st, 8, quote_kind(q->kind));
    bind_str(st, 9, q->speaker_name);
    bind_str(st, 10, q->verb);
    sqlite3_bind_int64(st, 11, q->speaker_span.start);
    sqlite3_bind_int64(st, 12, q->speaker_span.end);
    return run(st);
}

const char *sto_errmsg(sto_db *db) { return sqlite3_errmsg(db->db); }

int sto_close(sto_db *db)
{
    if (!db) return 0;
    int rc = db->db && db->st[ST_COMMIT] ? sto_commit(db) : 0;
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(db->st[i]);
    sqlite3_close(db->db);
    buf_free(&db->scratch);
    free(db);
    return rc;
}
