/* fuzz_query.c: libFuzzer target for the server's query-string and filter
 * parser (src/store/query.c). The input is a URL query string: whatever
 * qry_parse_query accepts must make SQL that prepares and runs for every
 * kind of query (on a small in-memory store), and whose rows write out in
 * every format; whatever it refuses must leave a message. The input is
 * also fed to qry_set as one key=value pair. Must never crash, leak or
 * prepare bad SQL. */
#include "store/query.h"
#include "store/store.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A store with one article and two events, made once. */
static sqlite3 *store(void)
{
    static sto_db *db;
    if (db) return sto_sqlite(db);
    db = sto_open(":memory:", NULL);
    if (!db) abort();
    static const char text[] = "Gondor met Arnor in Geneva. Mordor attacked Rohan.";
    dyad_article a = {.id = "a1", .url = "http://x/1", .source = "Wire", .title = "T", .date = 20240816,
                      .text = text, .len = sizeof text - 1, .origin = "f", .line = 1};
    sto_begin(db);
    int64_t id = sto_article(db, &a, text);
    dyad_event e = {.sentence = 0, .source = "GON", .target = "ARN", .code = "036",
                    .source_span = {0, 6}, .target_span = {11, 16}, .verb_span = {7, 10}};
    sto_event(db, id, &a, text, &e);
    dyad_event f = {.sentence = 1, .source = "MORMIL", .target = "ROH", .code = "190", .negated = 1,
                    .source_span = {28, 34}, .target_span = {44, 49}, .verb_span = {35, 43}};
    sto_event(db, id, &a, text, &f);
    dyad_geo geneva = {.type = DYAD_GEO_WORLDCITY, .name = "Geneva, Switzerland", .country = "CHE",
                       .adm1 = "CH-GE", .lat = 46.2, .lon = 6.15};
    sto_place(db, id, 0, 1, "event", &geneva, (dyad_span){20, 26});
    if (sto_commit(db)) abort();
    return sto_sqlite(db);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sqlite3 *db = store();
    qry_filter f;
    qry_init(&f);
    char err[QRY_ERR_MAX] = "";
    if (qry_parse_query(&f, (const char *)data, size, err, sizeof err) == 0) {
        qry_sink out = {.f = NULL};
        buf_init(&out.b);
        for (int k = 0; k < QRY_NKINDS; k++) {
            sqlite3_stmt *st = qry_prepare(db, (qry_kind)k, &f, err, sizeof err);
            if (!st) abort(); /* accepted filters must make valid SQL */
            for (int fmt = 0; fmt < QRY_NFORMATS; fmt++) {
                buf_clear(&out.b);
                if (qry_write(st, (qry_format)fmt, &out, err, sizeof err) < 0) abort();
            }
            sqlite3_finalize(st);
        }
        buf_clear(&out.b);
        if (f.article[0] && qry_article(db, f.article, &out, err, sizeof err) < 0) abort();
        buf_free(&out.b);
    } else if (!err[0]) {
        abort(); /* a refusal says why */
    }
    /* the same bytes as one key=value pair */
    char kv[600];
    size_t n = size < sizeof kv - 1 ? size : sizeof kv - 1;
    memcpy(kv, data, n);
    kv[n] = 0;
    char *eq = strchr(kv, '=');
    if (eq) {
        *eq = 0;
        qry_init(&f);
        err[0] = 0;
        if (qry_set(&f, kv, eq + 1, err, sizeof err) && !err[0]) abort();
    }
    return 0;
}
