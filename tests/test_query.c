/* test_query.c: filters, SQL and writers of src/store/query.c over a store
 * ingested from the shared fixture, each answer checked against plain SQL. */
#include "test.h"
#include "store/query.h"
#include "store/store.h"
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>

/* In test_store_ingest.c. */
const char *test_store_tmp(const char *name, const void *data, size_t n);
const char *test_fixture_corpus(const char *name, int n, int days, uint32_t seed);
const char *test_fixture_dicts(void);

/* The fixture store (600 lines over 90 days), ingested once per run. */
const char *test_fixture_db(void)
{
    static char path[256];
    if (path[0]) return path;
    const char *corpus = test_fixture_corpus("fixture.jsonl", 600, 90, 3);
    snprintf(path, sizeof path, "%s", test_store_tmp("fixture.db", NULL, 0));
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s ingest --quiet %s --db %s %s", test_dyad_bin(), test_fixture_dicts(), path, corpus);
    int st;
    free(test_run(cmd, &st));
    if (st != 0) path[0] = 0;
    return path[0] ? path : NULL;
}

static long long sql_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        printf("  sql_int: %s: %s\n", sql, sqlite3_errmsg(db));
        return -2;
    }
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* The first row's text of a one-column query, in a static buffer ("" if none). */
static const char *sql_text(sqlite3 *db, const char *sql)
{
    static char out[64];
    sqlite3_stmt *st;
    out[0] = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

/* Dates in the fixture as SQLite date strings: events carry the dates their
 * text gives them ("on Tuesday"), so expectations come from the stored data. */
#define ISO_DATE "(substr(date,1,4)||'-'||substr(date,5,2)||'-'||substr(date,7,2))"

/* Parse the URL query into a fresh filter; returns qry_parse_query's result. */
static int parse(qry_filter *f, const char *qs, char *err)
{
    qry_init(f);
    return qry_parse_query(f, qs, strlen(qs), err, QRY_ERR_MAX);
}

/* Run kind over the URL filter qs as JSON; the parsed array (caller frees), or NULL. */
static json_t *run_json(sqlite3 *db, qry_kind kind, const char *qs)
{
    qry_filter f;
    char err[QRY_ERR_MAX] = "";
    if (parse(&f, qs, err)) { printf("  parse %s: %s\n", qs, err); return NULL; }
    qry_sink out = {.f = NULL};
    buf_init(&out.b);
    long n = qry_run(db, kind, &f, QRY_JSON, &out, err, sizeof err);
    json_t *j = NULL;
    if (n < 0) printf("  run %s: %s\n", qs, err);
    else {
        json_error_t je;
        j = json_loadb(out.b.data, out.b.len, 0, &je);
        if (!j) printf("  bad JSON (%s): %.200s\n", je.text, out.b.data);
        else if ((long)json_array_size(j) != n) { json_decref(j); j = NULL; }
    }
    buf_free(&out.b);
    return j;
}

/* Rows of a list query (limit 10000) or -1. */
static long rows(sqlite3 *db, qry_kind kind, const char *qs)
{
    char q[512];
    snprintf(q, sizeof q, "limit=10000&%s", qs);
    json_t *j = run_json(db, kind, q);
    long n = j ? (long)json_array_size(j) : -1;
    json_decref(j);
    return n;
}

TEST(query_keys_are_checked_and_normalised)
{
    qry_filter f;
    char err[QRY_ERR_MAX];
    CHECK_INT(parse(&f, "actor=usa&dyad=rus-ukrmil&code=19*&root=19&quad=3,4&plover=assault"
                        "&from=2024-02&to=2024-03&q=talks+in%20Geneva&negated=0&by=week&limit=10", err), 0);
    CHECK_STR(f.actor.code, "USA");
    CHECK(f.actor.prefix);
    CHECK_STR(f.dyad[0].code, "RUS");
    CHECK_STR(f.dyad[1].code, "UKRMIL");
    CHECK(!f.dyad[1].prefix && !f.directed);
    CHECK_STR(f.code, "19");
    CHECK(f.code_prefix);
    CHECK_INT(f.quads, (1 << 3) | (1 << 4));
    CHECK_STR(f.plover, "ASSAULT");
    CHECK_INT(f.from, 20240201);
    CHECK_INT(f.to, 20240331);
    CHECK_STR(f.text, "talks in Geneva");
    CHECK_INT(f.flag[QRY_NEGATED], 0);
    CHECK_INT(f.flag[QRY_FUTURE], -1);
    CHECK_INT(f.by, QRY_WEEK);
    CHECK_INT(f.limit, 10);
    CHECK_INT(parse(&f, "dyad=USA>RUS&factual=1", err), 0);
    CHECK(f.directed);
    CHECK_INT(f.flag[QRY_HEDGED], 0);
    CHECK_INT(f.flag[QRY_REPORTED], -1);
    /* an empty value unsets; '&&' and a trailing '&' are harmless */
    CHECK_INT(parse(&f, "actor=USA&&actor=&", err), 0);
    CHECK_STR(f.actor.code, "");
    CHECK_INT(parse(&f, "dyad=---,RUS", err), 0);
    CHECK_STR(f.dyad[0].code, "---");

    /* refused: every message says what is wanted */
    static const char *const bad[] = {
        "actor=USA'%20OR%201=1--", "actor=", "dyad=USA", "code=1a0", "code=12345", "root=1",
        "quad=5", "plover=AS SAULT", "from=2024-13-01", "to=yesterday", "limit=0", "limit=10001",
        "offset=-1", "group=x", "by=year", "negated=maybe", "frobnicate=1", "q=%22%22", "q=%zz",
        "q=%00", "article=a%0Ab", "format=xml",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        err[0] = 0;
        int rc = parse(&f, bad[i], err);
        if (!strcmp(bad[i], "actor=")) { CHECK_INT(rc, 0); continue; } /* empty: unset */
        if (rc != -1 || !err[0]) printf("  accepted: %s\n", bad[i]);
        CHECK(rc == -1 && err[0]);
    }
    /* a value too long for its field */
    char longq[1200] = "q=";
    memset(longq + 2, 'a', 1000);
    CHECK_INT(parse(&f, longq, err), -1);
}

TEST(query_filters_match_plain_sql)
{
    const char *path = test_fixture_db();
    REQUIRE(path);
    sto_db *sdb = sto_open_ro(path, NULL);
    REQUIRE(sdb);
    sqlite3 *db = sto_sqlite(sdb);
    long long total = sql_int(db, "SELECT count(*) FROM events");
    REQUIRE(total > 500);
    CHECK_INT(rows(db, QRY_EVENTS, ""), total < 10000 ? total : 10000);
    /* actor, country-wide (RUS covers RUSMIL) or exact */
    CHECK_INT(rows(db, QRY_EVENTS, "actor=RUS"),
              sql_int(db, "SELECT count(*) FROM events WHERE source LIKE 'RUS%' OR target LIKE 'RUS%'"));
    CHECK_INT(rows(db, QRY_EVENTS, "actor=RUSMIL"),
              sql_int(db, "SELECT count(*) FROM events WHERE source = 'RUSMIL' OR target = 'RUSMIL'"));
    CHECK(rows(db, QRY_EVENTS, "actor=RUSMIL") < rows(db, QRY_EVENTS, "actor=RUS"));
    /* dyads: either way round, or directed */
    long both = rows(db, QRY_EVENTS, "dyad=RUS,UKR");
    CHECK_INT(both, sql_int(db, "SELECT count(*) FROM events WHERE (source LIKE 'RUS%' AND target LIKE 'UKR%')"
                                " OR (source LIKE 'UKR%' AND target LIKE 'RUS%')"));
    long one = rows(db, QRY_EVENTS, "dyad=RUS>UKR");
    CHECK_INT(one, sql_int(db, "SELECT count(*) FROM events WHERE source LIKE 'RUS%' AND target LIKE 'UKR%'"));
    CHECK_INT(rows(db, QRY_EVENTS, "source=RUS&target=UKR"), one);
    CHECK(one > 0 && one < both);
    /* codes, roots, quads, PLOVER, dates, modality */
    CHECK_INT(rows(db, QRY_EVENTS, "code=190"), sql_int(db, "SELECT count(*) FROM events WHERE code = '190'"));
    CHECK_INT(rows(db, QRY_EVENTS, "code=1*"), sql_int(db, "SELECT count(*) FROM events WHERE code LIKE '1%'"));
    CHECK_INT(rows(db, QRY_EVENTS, "root=11"), sql_int(db, "SELECT count(*) FROM events WHERE root = '11'"));
    CHECK_INT(rows(db, QRY_EVENTS, "quad=conflict"), sql_int(db, "SELECT count(*) FROM events WHERE quad >= 3"));
    CHECK_INT(rows(db, QRY_EVENTS, "plover=assault"),
              sql_int(db, "SELECT count(*) FROM events WHERE plover = 'ASSAULT'"));
    CHECK_INT(rows(db, QRY_EVENTS, "from=2024-02-01&to=2024-02-29"),
              sql_int(db, "SELECT count(*) FROM events WHERE date BETWEEN 20240201 AND 20240229"));
    CHECK_INT(rows(db, QRY_EVENTS, "negated=1"), sql_int(db, "SELECT count(*) FROM events WHERE negated"));
    CHECK(rows(db, QRY_EVENTS, "negated=1") > 0);
    CHECK_INT(rows(db, QRY_EVENTS, "factual=1"),
              sql_int(db, "SELECT count(*) FROM events WHERE NOT (negated OR conditional OR future OR hedged)"));
    /* full text: every word */
    CHECK_INT(rows(db, QRY_EVENTS, "q=Geneva+talks"),
              sql_int(db, "SELECT count(*) FROM events e JOIN articles a ON a.rowid = e.article"
                          " WHERE a.text LIKE '%talks in Geneva%'"));
    CHECK(rows(db, QRY_EVENTS, "q=Geneva") > 0);
    /* FTS syntax in the words is just words */
    CHECK_INT(rows(db, QRY_EVENTS, "q=%22Geneva%22+OR+NEAR(x"), 0);
    /* one article (also by a copy's id), one group */
    CHECK_INT(rows(db, QRY_EVENTS, "article=fx-4"),
              sql_int(db, "SELECT count(*) FROM events WHERE article = (SELECT rowid FROM articles WHERE id = 'fx-4')"));
    CHECK_INT(rows(db, QRY_EVENTS, "article=fx-5"), rows(db, QRY_EVENTS, "article=fx-4"));
    long long g = sql_int(db, "SELECT id FROM event_groups ORDER BY num_mentions DESC LIMIT 1");
    char qs[64];
    snprintf(qs, sizeof qs, "group=%lld", g);
    CHECK_INT(rows(db, QRY_EVENTS, qs), sql_int(db, "SELECT count(*) FROM events WHERE grp ="
                                                     " (SELECT id FROM event_groups ORDER BY num_mentions DESC LIMIT 1)"));
    /* groups: the same filters, deduplicated */
    CHECK_INT(rows(db, QRY_GROUPS, "dyad=RUS,UKR"),
              sql_int(db, "SELECT count(DISTINCT grp) FROM events WHERE (source LIKE 'RUS%' AND target LIKE 'UKR%')"
                          " OR (source LIKE 'UKR%' AND target LIKE 'RUS%')"));
    CHECK_INT(rows(db, QRY_GROUPS, "q=Geneva&reported=0"),
              sql_int(db, "SELECT count(DISTINCT grp) FROM events e WHERE NOT reported AND e.article IN"
                          " (SELECT rowid FROM articles WHERE text LIKE '%Geneva%')"));
    /* paging */
    json_t *p1 = run_json(db, QRY_EVENTS, "limit=5");
    json_t *p2 = run_json(db, QRY_EVENTS, "limit=5&offset=5");
    REQUIRE(p1 && p2);
    CHECK_INT(json_array_size(p1), 5);
    CHECK(json_integer_value(json_object_get(json_array_get(p1, 0), "id")) !=
          json_integer_value(json_object_get(json_array_get(p2, 0), "id")));
    CHECK(json_object_get(json_array_get(p1, 0), "num_mentions") != NULL);
    json_decref(p1);
    json_decref(p2);
    sto_close(sdb);
}

TEST(query_series_countries_dyads_totals)
{
    const char *path = test_fixture_db();
    REQUIRE(path);
    sto_db *sdb = sto_open_ro(path, NULL);
    REQUIRE(sdb);
    sqlite3 *db = sto_sqlite(sdb);
    long long groups = sql_int(db, "SELECT count(*) FROM event_groups WHERE date > 0");
    const char *by[] = {"by=day", "by=week", "by=month"};
    for (int k = 0; k < 3; k++) {
        json_t *s = run_json(db, QRY_SERIES, by[k]);
        REQUIRE(s);
        long long sum = 0, mentions = 0, quads = 0;
        size_t i;
        json_t *row;
        json_array_foreach(s, i, row) {
            sum += json_integer_value(json_object_get(row, "events"));
            mentions += json_integer_value(json_object_get(row, "mentions"));
            quads += json_integer_value(json_object_get(row, "verbal_coop")) +
                     json_integer_value(json_object_get(row, "material_coop")) +
                     json_integer_value(json_object_get(row, "verbal_conflict")) +
                     json_integer_value(json_object_get(row, "material_conflict"));
        }
        CHECK_INT(sum, groups);
        CHECK_INT(quads, sql_int(db, "SELECT count(*) FROM event_groups WHERE date > 0 AND quad IS NOT NULL"));
        CHECK_INT(mentions, sql_int(db, "SELECT sum(num_mentions) FROM event_groups WHERE date > 0"));
        const char *first = json_string_value(json_object_get(json_array_get(s, 0), "period"));
        REQUIRE(first);
        if (k == 0) CHECK_INT(strlen(first), 10);
        if (k == 1) /* the Monday of the first event's week */
            CHECK_STR(first, sql_text(db, "SELECT date(" ISO_DATE ", '-' || ((strftime('%w'," ISO_DATE ")+6)%7)"
                                          " || ' days') FROM event_groups WHERE date > 0 ORDER BY date LIMIT 1"));
        if (k == 2) CHECK_STR(first, sql_text(db, "SELECT substr(" ISO_DATE ",1,7) FROM event_groups WHERE date > 0"
                                                  " ORDER BY date LIMIT 1"));
        if (k == 2)
            CHECK_INT(json_array_size(s),
                      sql_int(db, "SELECT count(DISTINCT date/100) FROM event_groups WHERE date > 0"));
        json_decref(s);
    }
    /* a dyad's series has fewer events; its mean Goldstein is the groups' mean */
    json_t *s = run_json(db, QRY_SERIES, "dyad=RUS,UKR&by=month");
    REQUIRE(s);
    CHECK(json_array_size(s) > 0);
    json_t *jan = json_array_get(s, 0); /* the dyad's first month */
    long long n = sql_int(db, "SELECT count(*) FROM event_groups WHERE date/100 = (SELECT min(date/100) FROM event_groups"
                              " WHERE date > 0 AND ((source LIKE 'RUS%' AND target LIKE 'UKR%') OR (source LIKE 'UKR%'"
                              " AND target LIKE 'RUS%'))) AND ((source LIKE 'RUS%' AND target LIKE 'UKR%') OR"
                              " (source LIKE 'UKR%' AND target LIKE 'RUS%'))");
    CHECK_INT(json_integer_value(json_object_get(jan, "events")), n);
    json_decref(s);

    json_t *c = run_json(db, QRY_COUNTRIES, "");
    REQUIRE(c);
    json_t *top = json_array_get(c, 0);
    CHECK_STR(json_string_value(json_object_get(top, "country")), "RUS"); /* the fixture's big dyad */
    CHECK_INT(json_integer_value(json_object_get(top, "events")),
              sql_int(db, "SELECT count(*) FROM event_groups WHERE source LIKE 'RUS%' OR target LIKE 'RUS%'"));
    json_decref(c);

    json_t *d = run_json(db, QRY_DYADS, "limit=3");
    REQUIRE(d);
    CHECK_INT(json_array_size(d), 3);
    CHECK_STR(json_string_value(json_object_get(json_array_get(d, 0), "source")), "RUS");
    CHECK_STR(json_string_value(json_object_get(json_array_get(d, 0), "target")), "UKR");
    json_decref(d);

    json_t *t = run_json(db, QRY_TOTALS, "");
    REQUIRE(t);
    CHECK_INT(json_integer_value(json_object_get(json_array_get(t, 0), "articles")),
              sql_int(db, "SELECT count(*) FROM articles"));
    CHECK_INT(json_integer_value(json_object_get(json_array_get(t, 0), "copies")), 60);
    CHECK_INT(json_integer_value(json_object_get(json_array_get(t, 0), "first_date")),
              sql_int(db, "SELECT min(date) FROM event_groups WHERE date > 0"));
    json_decref(t);
    /* event places with coordinates, and the place filter */
    json_t *pl = run_json(db, QRY_PLACES, "");
    REQUIRE(pl);
    CHECK_INT(json_array_size(pl), sql_int(db, "SELECT count(*) FROM (SELECT 1 FROM places WHERE event IS NOT NULL"
                                               " AND lat IS NOT NULL GROUP BY name, country)"));
    CHECK(json_array_size(pl) > 0);
    json_decref(pl);
    CHECK_INT(rows(db, QRY_EVENTS, "place=ukr"),
              sql_int(db, "SELECT count(*) FROM events WHERE rowid IN (SELECT event FROM places WHERE country = 'UKR')"));
    sto_close(sdb);
}

TEST(query_writers_csv_table_and_article)
{
    const char *path = test_fixture_db();
    REQUIRE(path);
    sto_db *sdb = sto_open_ro(path, NULL);
    REQUIRE(sdb);
    sqlite3 *db = sto_sqlite(sdb);
    /* CSV: quoted where needed, one line per row plus the header */
    sqlite3_stmt *st;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT 'a,b' AS x, 'say \"hi\"' AS y, 1.5 AS z, NULL AS w, 'l1\nl2' AS v"
                                   " UNION ALL SELECT 'plain', '', 2, 3, X'FF41'", -1, &st, NULL) == SQLITE_OK);
    qry_sink out = {.f = NULL};
    buf_init(&out.b);
    char err[QRY_ERR_MAX];
    CHECK_INT(qry_write(st, QRY_CSV, &out, err, sizeof err), 2);
    CHECK_STR(out.b.data, "x,y,z,w,v\n\"a,b\",\"say \"\"hi\"\"\",1.5,,\"l1\nl2\"\nplain,,2,3,\xFF" "A\n");
    buf_clear(&out.b);
    /* JSON: invalid UTF-8 becomes U+FFFD; still parses */
    CHECK_INT(qry_write(st, QRY_JSON, &out, err, sizeof err), 2);
    json_error_t je;
    json_t *j = json_loadb(out.b.data, out.b.len, 0, &je);
    CHECK(j != NULL);
    CHECK_STR(json_string_value(json_object_get(json_array_get(j, 1), "v")), "\xEF\xBF\xBD" "A");
    CHECK(json_is_null(json_object_get(json_array_get(j, 0), "w")));
    json_decref(j);
    buf_clear(&out.b);
    /* table: a header, a rule, aligned columns, line breaks flattened */
    CHECK_INT(qry_write(st, QRY_TABLE, &out, err, sizeof err), 2);
    CHECK(strncmp(out.b.data, "x      y         z    w  v\n-----  --------  ---  -  -----\n", 58) == 0);
    CHECK(strstr(out.b.data, "l1 l2") != NULL);
    sqlite3_finalize(st);
    buf_clear(&out.b);

    /* one article: its text and the spans of its evidence */
    CHECK_INT(qry_article(db, "fx-1", &out, err, sizeof err), 1);
    j = json_loadb(out.b.data, out.b.len, 0, &je);
    REQUIRE(j);
    const char *text = json_string_value(json_object_get(json_object_get(j, "article"), "text"));
    REQUIRE(text);
    json_t *events = json_object_get(j, "events");
    CHECK(json_array_size(events) > 0);
    size_t i;
    json_t *e;
    json_array_foreach(events, i, e) {
        long long s0 = json_integer_value(json_object_get(e, "source_start"));
        long long s1 = json_integer_value(json_object_get(e, "source_end"));
        const char *st_text = json_string_value(json_object_get(e, "source_text"));
        REQUIRE(s1 > s0 && st_text);
        CHECK(strncmp(text + s0, st_text, (size_t)(s1 - s0)) == 0);
    }
    CHECK(json_array_size(json_object_get(j, "sentences")) >= 4);
    CHECK(json_is_array(json_object_get(j, "quotations")));
    json_decref(j);
    buf_clear(&out.b);
    /* fx-3 quotes someone: the quotation, its speaker and its span */
    CHECK_INT(qry_article(db, "fx-3", &out, err, sizeof err), 1);
    j = json_loadb(out.b.data, out.b.len, 0, &je);
    REQUIRE(j);
    json_t *q = NULL, *x;
    size_t qi;
    json_array_foreach(json_object_get(j, "quotations"), qi, x)
        if (!strcmp(json_string_value(json_object_get(x, "kind")), "direct")) q = x;
    REQUIRE(q);
    const char *qt = json_string_value(json_object_get(q, "text"));
    CHECK(qt && !strncmp(qt, "We will not give up", 19));
    CHECK(json_string_value(json_object_get(q, "speaker_code"))[0] != 0);
    json_decref(j);
    buf_clear(&out.b);
    /* the article fx-4 has a copy fx-5: reachable by either id, listing the copy */
    CHECK_INT(qry_article(db, "fx-5", &out, err, sizeof err), 1);
    CHECK(strstr(out.b.data, "\"copies\":[{\"id\":\"fx-5\"") != NULL);
    buf_clear(&out.b);
    CHECK_INT(qry_article(db, "no-such-id", &out, err, sizeof err), 0);
    CHECK_INT(out.b.len, 0);
    buf_free(&out.b);
    sto_close(sdb);
}

TEST(query_command_line)
{
    const char *path = test_fixture_db();
    REQUIRE(path);
    char cmd[1024];
    int st;
    snprintf(cmd, sizeof cmd, "%s query --db %s series --dyad RUS,UKR --by month --format csv", test_dyad_bin(), path);
    char *out = test_run(cmd, &st);
    CHECK_INT(st, 0);
    static const char head[] =
        "period,events,mentions,verbal_coop,material_coop,verbal_conflict,material_conflict,goldstein\n";
    CHECK(out && !strncmp(out, head, sizeof head - 1) && out[sizeof head - 1 + 7] == ',');
    free(out);
    snprintf(cmd, sizeof cmd, "%s query --db %s --actor=RUS --limit 3", test_dyad_bin(), path);
    out = test_run(cmd, &st);
    CHECK_INT(st, 0);
    CHECK(out && !strncmp(out, "id ", 3) && strstr(out, "RUS"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s query --db %s article fx-1", test_dyad_bin(), path);
    out = test_run(cmd, &st);
    CHECK_INT(st, 0);
    CHECK(out && !strncmp(out, "{\"article\":{\"id\":\"fx-1\"", 23));
    free(out);
    snprintf(cmd, sizeof cmd, "%s query --db %s --quad 9 2>&1", test_dyad_bin(), path);
    out = test_run(cmd, &st);
    CHECK_INT(st, 2);
    CHECK(out && strstr(out, "--quad: a quad class is"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s query --db build/test-tmp/no-such.db 2>&1", test_dyad_bin());
    out = test_run(cmd, &st);
    CHECK_INT(st, 2);
    free(out);
}
