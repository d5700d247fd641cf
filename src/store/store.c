/* store.c: SQLite event store (see store.h). */
#include "store/store.h"
#include "output/output.h"
#include "util/buf.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCHEMA_VERSION 1

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS articles("
    " id TEXT NOT NULL UNIQUE, url TEXT, source TEXT, title TEXT, date INTEGER,"
    " text TEXT, content_hash TEXT, byline TEXT, dateline TEXT);"
    "CREATE TABLE IF NOT EXISTS noise("
    " article INTEGER NOT NULL, kind TEXT, start INTEGER, \"end\" INTEGER, text TEXT);"
    "CREATE TABLE IF NOT EXISTS sentences("
    " article INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER, \"end\" INTEGER, text TEXT);"
    "CREATE UNIQUE INDEX IF NOT EXISTS sentences_article ON sentences(article, idx);"
    "CREATE TABLE IF NOT EXISTS events("
    " article INTEGER NOT NULL, sentence INTEGER, source TEXT, target TEXT, code TEXT,"
    " root TEXT, quad INTEGER, goldstein REAL, plover TEXT, date INTEGER,"
    " negated INTEGER, conditional INTEGER, future INTEGER, hedged INTEGER, reported INTEGER,"
    " source_text TEXT, target_text TEXT, verb_text TEXT, spans TEXT,"
    " pattern TEXT, pattern_origin TEXT);"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(source, target);"
    "CREATE INDEX IF NOT EXISTS events_code ON events(code);"
    "CREATE TABLE IF NOT EXISTS actors("
    " code TEXT NOT NULL, text TEXT, article INTEGER, sentence INTEGER, event INTEGER, role TEXT);"
    "CREATE INDEX IF NOT EXISTS actors_code ON actors(code);";

/* The statements, prepared once; indexes into sto_db.st. */
enum { ST_BEGIN, ST_COMMIT, ST_ARTICLE, ST_SENTENCE, ST_EVENT, ST_ACTOR, ST_META, ST_NOISE, ST_COUNT };

static const char *const statements[ST_COUNT] = {
    [ST_BEGIN] = "BEGIN",
    [ST_COMMIT] = "COMMIT",
    [ST_ARTICLE] = "INSERT OR IGNORE INTO articles(id, url, source, title, date, text, content_hash)"
                   " VALUES(?,?,?,?,?,?,?)",
    [ST_SENTENCE] = "INSERT OR REPLACE INTO sentences(article, idx, start, \"end\", text)"
                    " VALUES(?,?,?,?,?)",
    [ST_EVENT] = "INSERT INTO events(article, sentence, source, target, code, root, quad,"
                 " goldstein, plover, date, negated, conditional, future, hedged, reported,"
                 " source_text, target_text, verb_text, spans, pattern, pattern_origin)"
                 " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [ST_ACTOR] = "INSERT INTO actors(code, text, article, sentence, event, role) VALUES(?,?,?,?,?,?)",
    [ST_META] = "UPDATE articles SET byline = ?, dateline = ? WHERE rowid = ?",
    [ST_NOISE] = "INSERT INTO noise(article, kind, start, \"end\", text) VALUES(?,?,?,?,?)",
};

struct sto_db {
    sqlite3 *db;              /* the connection */
    sqlite3_stmt *st[ST_COUNT]; /* prepared statements, reused */
    unsigned batch;           /* articles per automatic transaction, 0 = manual */
    unsigned pending;         /* articles written in the open transaction */
    int in_tx;                /* a transaction is open */
    buf scratch;              /* spans JSON and the like */
};

/* Run a prepared statement that returns no rows, then reset it for reuse. */
static int run(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : -1;
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

sto_db *sto_open(const char *path, char **err)
{
    if (err) *err = NULL;
    sto_db *s = calloc(1, sizeof *s);
    if (!s) abort();
    buf_init(&s->scratch);
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        set_err(err, path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 5000);
    /* WAL: readers (dashboards, queries) don't block the coder's writes. */
    const char *setup = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
    char *msg = NULL;
    if (sqlite3_exec(s->db, setup, NULL, NULL, &msg) != SQLITE_OK ||
        sqlite3_exec(s->db, schema, NULL, NULL, &msg) != SQLITE_OK) {
        set_err(err, path, msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        goto fail;
    }
    sqlite3_stmt *v;
    int version = 0;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &v, NULL) == SQLITE_OK) {
        if (sqlite3_step(v) == SQLITE_ROW) version = sqlite3_column_int(v, 0);
        sqlite3_finalize(v);
    }
    if (version > SCHEMA_VERSION) {
        set_err(err, path, "made by a newer dyad (schema version too high)");
        goto fail;
    }
    if (version < SCHEMA_VERSION)
        sqlite3_exec(s->db, "PRAGMA user_version=1", NULL, NULL, NULL);
    for (int i = 0; i < ST_COUNT; i++) {
        if (sqlite3_prepare_v2(s->db, statements[i], -1, &s->st[i], NULL) != SQLITE_OK) {
            set_err(err, path, sqlite3_errmsg(s->db));
            goto fail;
        }
    }
    return s;
fail:
    sto_close(s);
    return NULL;
}

void sto_batch(sto_db *db, unsigned n) { db->batch = n; }

int sto_begin(sto_db *db)
{
    if (db->in_tx) return 0;
    if (run(db->st[ST_BEGIN])) return -1;
    db->in_tx = 1;
    db->pending = 0;
    return 0;
}

int sto_commit(sto_db *db)
{
    if (!db->in_tx) return 0;
    if (run(db->st[ST_COMMIT])) return -1;
    db->in_tx = 0;
    db->pending = 0;
    return 0;
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

int64_t sto_article(sto_db *db, const dyad_article *a, const char *text)
{
    if (db->batch) {
        if (db->in_tx && db->pending >= db->batch && sto_commit(db)) return -1;
        if (sto_begin(db)) return -1;
    }
    char hash[17];
    snprintf(hash, sizeof hash, "%016llx",
             (unsigned long long)fnv1a(a->text ? a->text : "", a->text ? a->len : 0));
    sqlite3_stmt *st = db->st[ST_ARTICLE];
    bind_str(st, 1, a->id);
    bind_str(st, 2, a->url);
    bind_str(st, 3, a->source);
    bind_str(st, 4, a->title);
    bind_date(st, 5, a->date);
    bind_bytes(st, 6, text ? text : a->text, text || a->text ? a->len : 0);
    bind_str(st, 7, hash);
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

int64_t sto_event(sto_db *db, int64_t article, const dyad_article *a, const char *text,
                  const dyad_event *e)
{
    const dyad_cameo *c = dyad_cameo_lookup(e->code);
    size_t len = a->len, n;
    const char *p;
    buf_clear(&db->scratch);
    out_spans_json(&db->scratch, e);

    sqlite3_stmt *st = db->st[ST_EVENT];
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, e->sentence);
    bind_code(st, 3, e->source, sizeof e->source);
    bind_code(st, 4, e->target, sizeof e->target);
    bind_code(st, 5, e->code, sizeof e->code);
    if (c) {
        bind_bytes(st, 6, c->code, 2);
        sqlite3_bind_int(st, 7, c->quad);
        sqlite3_bind_double(st, 8, c->goldstein);
        bind_str(st, 9, c->plover);
    } /* else 6-9 stay NULL: the code is not CAMEO */
    bind_date(st, 10, out_event_date(a, e));
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
    if (run(st)) return -1;
    int64_t id = sqlite3_last_insert_rowid(db->db);
    if (actor(db, article, id, e, e->source, e->source_span, text, len, "source") ||
        actor(db, article, id, e, e->target, e->target_span, text, len, "target"))
        return -1;
    return id;
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
