/* test_store_export.c: GDELT events and mentions, PLOVER and CSV exports
 * (src/store/export.c) of the fixture store, checked line by line. */
#include "test.h"
#include "store/export.h"
#include "store/store.h"
#include <jansson.h>
#include <stdlib.h>

const char *test_fixture_db(void); /* test_query.c */

static long long sql_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return -2;
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Export with the filter of URL query qs into a malloc'ed string. */
static char *export(sqlite3 *db, exp_format fmt, const char *qs, int header, int all, long *n)
{
    qry_filter f;
    qry_init(&f);
    char err[QRY_ERR_MAX];
    if (qry_parse_query(&f, qs, strlen(qs), err, sizeof err)) return NULL;
    exp_options o = {.format = fmt, .header = header, .all = all};
    char *data = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&data, &size);
    *n = exp_write(db, &f, &o, out, err, sizeof err);
    fclose(out);
    if (*n < 0) printf("  export: %s\n", err);
    return data;
}

/* Lines of s, and whether every one has `fields` tab-separated fields. */
static long tsv_lines(const char *s, int fields, int *all_ok)
{
    long lines = 0;
    *all_ok = 1;
    while (*s) {
        const char *nl = strchr(s, '\n');
        if (!nl) { *all_ok = 0; break; }
        int tabs = 0;
        for (const char *p = s; p < nl; p++) tabs += *p == '\t';
        if (tabs != fields - 1) *all_ok = 0;
        lines++;
        s = nl + 1;
    }
    return lines;
}

/* Field i (0-based) of the line starting at s, in a static buffer. */
static const char *field(const char *s, int i)
{
    static char out[256];
    while (i-- > 0 && s) { s = strchr(s, '\t'); if (s) s++; }
    if (!s) return "";
    size_t n = strcspn(s, "\t\n");
    snprintf(out, sizeof out, "%.*s", (int)(n < 255 ? n : 255), s);
    return out;
}

TEST(export_actor_codes_cut_into_gdelt_parts)
{
    exp_actor p;
    exp_actor_parts("USAGOV", &p);
    CHECK_STR(p.country, "USA");
    CHECK_STR(p.type[0], "GOV");
    CHECK_STR(p.group, "");
    exp_actor_parts("PSEREBHMS", &p);
    CHECK_STR(p.country, "PSE");
    CHECK_STR(p.type[0], "REB");
    CHECK_STR(p.group, "HMS");
    exp_actor_parts("IGOWSTNAT", &p);
    CHECK_STR(p.country, "WST");
    CHECK_STR(p.type[0], "IGO");
    CHECK_STR(p.group, "NAT");
    exp_actor_parts("IRQMOSSHI", &p);
    CHECK_STR(p.religion[0], "MOS");
    CHECK_STR(p.religion[1], "SHI");
    exp_actor_parts("---", &p);
    CHECK_STR(p.country, "");
    exp_actor_parts("UK", &p);
    CHECK_STR(p.country, "");
}

TEST(export_gdelt_events_and_mentions)
{
    const char *path = test_fixture_db();
    REQUIRE(path);
    sto_db *sdb = sto_open_ro(path, NULL);
    REQUIRE(sdb);
    sqlite3 *db = sto_sqlite(sdb);
    long n;
    int ok;
    char *s = export(db, EXP_GDELT, "", 1, 0, &n);
    REQUIRE(s);
    CHECK_INT(n, sql_int(db, "SELECT count(*) FROM event_groups WHERE date > 0 AND NOT negated"));
    CHECK_INT(tsv_lines(s, 61, &ok), n + 1);
    CHECK(ok);
    CHECK(!strncmp(s, "GLOBALEVENTID\tSQLDATE\tMonthYear\tYear\tFractionDate\tActor1Code\t", 60));
    CHECK(strstr(s, "\tDATEADDED\tSOURCEURL\n") != NULL);
    /* the most mentioned event: its counts, codes and URL where GDELT has them */
    char want[64];
    long long top = sql_int(db, "SELECT id FROM event_groups WHERE NOT negated AND date > 0 ORDER BY num_mentions DESC, id LIMIT 1");
    snprintf(want, sizeof want, "\n%lld\t", top);
    const char *line = strstr(s, want);
    REQUIRE(line);
    line++;
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT num_mentions FROM event_groups WHERE id = %lld", top);
    CHECK_INT(atoll(field(line, 31)), sql_int(db, sql));
    snprintf(sql, sizeof sql, "SELECT num_articles FROM event_groups WHERE id = %lld", top);
    CHECK_INT(atoll(field(line, 33)), sql_int(db, sql));
    CHECK(atoll(field(line, 31)) >= 2);
    CHECK_INT(strlen(field(line, 1)), 8);                      /* SQLDATE yyyymmdd */
    char actor1[64];
    snprintf(actor1, sizeof actor1, "%s", field(line, 5));
    CHECK(!strncmp(actor1, field(line, 7), 3) || !field(line, 7)[0]); /* country part */
    CHECK_INT(strlen(field(line, 59)), 14);                     /* DATEADDED */
    CHECK(!strncmp(field(line, 60), "https://news.example/", 21)); /* SOURCEURL */
    free(s);
    /* a filter narrows it; --all brings the denials back */
    long dyad_n, all_n;
    free(export(db, EXP_GDELT, "dyad=RUS,UKR", 0, 0, &dyad_n));
    CHECK(dyad_n > 0 && dyad_n < n);
    free(export(db, EXP_GDELT, "", 0, 1, &all_n));
    CHECK_INT(all_n, sql_int(db, "SELECT count(*) FROM event_groups WHERE date > 0"));
    CHECK(all_n > n);

    s = export(db, EXP_MENTIONS, "", 0, 0, &n);
    REQUIRE(s);
    CHECK_INT(n, sql_int(db, "SELECT count(*) FROM mentions WHERE NOT negated"));
    CHECK_INT(tsv_lines(s, 16, &ok), n);
    CHECK(ok);
    /* copies are mentions too: their ids appear */
    CHECK(strstr(s, "\thttps://news.example/5\t") != NULL);
    CHECK_INT(atoi(field(s, 3)), 1);                 /* web */
    CHECK(atoi(field(s, 6)) >= 1);                   /* SentenceID, 1-based */
    CHECK_INT(atoi(field(s, 11)), 100);              /* a plain statement */
    free(s);
    sto_close(sdb);
}

TEST(export_plover_and_csv)
{
    const char *path = test_fixture_db();
    REQUIRE(path);
    sto_db *sdb = sto_open_ro(path, NULL);
    REQUIRE(sdb);
    sqlite3 *db = sto_sqlite(sdb);
    long n;
    char *s = export(db, EXP_PLOVER, "", 0, 0, &n);
    REQUIRE(s);
    CHECK_INT(n, sql_int(db, "SELECT count(*) FROM event_groups"));
    long lines = 0, negations = 0;
    for (char *p = s, *nl; (nl = strchr(p, '\n')); p = nl + 1) {
        json_error_t je;
        json_t *j = json_loadb(p, (size_t)(nl - p), 0, &je);
        if (!j) { printf("  bad PLOVER line: %.100s\n", p); CHECK(0); break; }
        CHECK(json_is_string(json_object_get(j, "id")));
        CHECK(json_is_array(json_object_get(j, "actor")));
        CHECK(json_is_array(json_object_get(j, "event")));
        json_t *ctx = json_object_get(j, "context");
        size_t i;
        json_t *c;
        json_array_foreach(ctx, i, c) negations += !strcmp(json_string_value(c), "negation");
        lines++;
        json_decref(j);
    }
    CHECK_INT(lines, n);
    CHECK_INT(negations, sql_int(db, "SELECT count(*) FROM event_groups WHERE negated"));
    CHECK(strstr(s, "\"event\":[\"ASSAULT\"]") != NULL);
    free(s);

    s = export(db, EXP_CSV, "", 0, 0, &n);
    REQUIRE(s);
    CHECK_INT(n, sql_int(db, "SELECT count(*) FROM events"));
    CHECK(!strncmp(s, "id,date,source,target,code,name,", 32));
    free(s);
    sto_close(sdb);

    /* the command */
    char cmd[1024];
    int st;
    snprintf(cmd, sizeof cmd, "%s export --db %s --format gdelt --dyad RUS,UKR | head -1 | tr '\\t' '\\n' | wc -l",
             test_dyad_bin(), path);
    char *out = test_run(cmd, &st);
    CHECK(out && atoi(out) == 61);
    free(out);
    snprintf(cmd, sizeof cmd, "%s export --db %s --format xml 2>&1", test_dyad_bin(), path);
    out = test_run(cmd, &st);
    CHECK_INT(st, 2);
    free(out);
}
