/* test_cameo.c: the CAMEO code table (src/code/cameo.c), checked on its own
 * and against the peers' GDELT and PLOVER lists when those are present. */
#include "test.h"
#include "dyad.h"
#include <math.h>
#include <stdlib.h>

static const char *const plover_types[] = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "OTHER",
};

static int is_plover(const char *s)
{
    for (size_t i = 0; i < sizeof plover_types / sizeof *plover_types; i++)
        if (!strcmp(s, plover_types[i])) return 1;
    return 0;
}

static int quad_of_root(int root)
{
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

/* Enumerate every 2-, 3- and 4-digit string; an exact hit is a table row.
 * This also proves the table is sorted: binary search misses rows otherwise. */
TEST(cameo_every_row_found_and_consistent)
{
    int n[5] = {0};
    char code[5];
    for (int len = 2; len <= 4; len++) {
        int lim = len == 2 ? 100 : len == 3 ? 1000 : 10000;
        for (int v = 0; v < lim; v++) {
            snprintf(code, sizeof code, "%0*d", len, v);
            const dyad_cameo *c = dyad_cameo_lookup(code);
            if (!c || strcmp(c->code, code)) continue;
            n[len]++;
            int root = (code[0] - '0') * 10 + (code[1] - '0');
            CHECK(root >= 1 && root <= 20);
            CHECK_INT(c->quad, quad_of_root(root));
            CHECK(is_plover(c->plover));
            CHECK(c->goldstein >= -10 && c->goldstein <= 10);
            CHECK(c->name && c->name[0]);
            if (root <= 2) CHECK_STR(c->plover, "OTHER");
        }
    }
    CHECK_INT(n[2], 20);
    CHECK_INT(n[2] + n[3] + n[4], 318);
    CHECK(n[2] + n[3] + n[4] >= 311);
}

TEST(cameo_spot_values)
{
    const dyad_cameo *c = dyad_cameo_lookup("190");
    REQUIRE(c);
    CHECK_INT(c->quad, 4);
    CHECK(c->goldstein == -10.0);
    CHECK_STR(c->plover, "ASSAULT");
    c = dyad_cameo_lookup("036");
    REQUIRE(c);
    CHECK_INT(c->quad, 1);
    CHECK(c->goldstein == 4.0);
    CHECK_STR(c->plover, "AGREE");
    c = dyad_cameo_lookup("0874");
    REQUIRE(c);
    CHECK_INT(c->quad, 2);
    CHECK(c->goldstein == 10.0);
    CHECK_STR(c->plover, "RETREAT");
    c = dyad_cameo_lookup("081");
    REQUIRE(c);
    CHECK_STR(c->plover, "CONCEDE");
    c = dyad_cameo_lookup("163");
    REQUIRE(c);
    CHECK_STR(c->plover, "COERCE");
    CHECK(c->goldstein == -8.0);
    c = dyad_cameo_lookup("14");
    REQUIRE(c);
    CHECK_INT(c->quad, 3);
    CHECK_STR(dyad_cameo_lookup("010")->plover, "OTHER");
    CHECK_STR(dyad_cameo_lookup("1214")->code, "1214");
    CHECK_STR(dyad_cameo_lookup("176")->plover, "COERCE");
}

TEST(cameo_fallback_and_rejects)
{
    CHECK_STR(dyad_cameo_lookup("0369")->code, "036");   /* unknown 4-digit -> 3 */
    CHECK_STR(dyad_cameo_lookup("099")->code, "09");     /* unknown 3-digit -> 2 */
    CHECK_STR(dyad_cameo_lookup("0999")->code, "09");    /* 4 -> 3 -> 2 */
    CHECK_STR(dyad_cameo_lookup("0211")->code, "0211");
    CHECK(dyad_cameo_lookup("21") == NULL);
    CHECK(dyad_cameo_lookup("219") == NULL);
    CHECK(dyad_cameo_lookup("00") == NULL);
    CHECK(dyad_cameo_lookup("") == NULL);
    CHECK(dyad_cameo_lookup("0") == NULL);
    CHECK(dyad_cameo_lookup("---") == NULL);
    CHECK(dyad_cameo_lookup("036 ") == NULL);
    CHECK(dyad_cameo_lookup("03611") == NULL);
    CHECK(dyad_cameo_lookup(NULL) == NULL);
}

/* Read "CODE<TAB>VALUE" lines of a peers file; calls fn for each data row. */
static int each_row(const char *path, void (*fn)(const char *code, const char *val, void *), void *ctx)
{
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char line[512];
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (!tab || line[0] < '0' || line[0] > '9') continue; /* header */
        *tab = 0;
        line[strcspn(line, "\r\n")] = 0;
        tab[1 + strcspn(tab + 1, "\r\n")] = 0;
        fn(line, tab + 1, ctx);
        rows++;
    }
    fclose(f);
    return rows;
}

static void check_goldstein(const char *code, const char *val, void *ctx)
{
    (void)ctx;
    const dyad_cameo *c = dyad_cameo_lookup(code);
    char m[128];
    if (!c || strcmp(c->code, code)) {
        snprintf(m, sizeof m, "GDELT code %s missing", code);
        test_fail(__FILE__, __LINE__, m);
        return;
    }
    if (fabs(c->goldstein - atof(val)) > 1e-9) {
        snprintf(m, sizeof m, "%s goldstein %.1f vs GDELT %s", code, c->goldstein, val);
        test_fail(__FILE__, __LINE__, m);
    }
}

TEST(cameo_matches_gdelt_goldstein)
{
    const char *p = test_shared_path("peers/cameo/CAMEO.goldsteinscale.gdelt.txt");
    if (!p) SKIP("peers/cameo/CAMEO.goldsteinscale.gdelt.txt absent");
    CHECK_INT(each_row(p, check_goldstein, NULL), 311);
}

static void check_exists(const char *code, const char *val, void *ctx)
{
    (void)val;
    (void)ctx;
    const dyad_cameo *c = dyad_cameo_lookup(code);
    if (!c || strcmp(c->code, code)) test_fail(__FILE__, __LINE__, code);
}

TEST(cameo_has_every_gdelt_code)
{
    const char *p = test_shared_path("peers/cameo/CAMEO.eventcodes.gdelt.txt");
    if (!p) SKIP("peers/cameo/CAMEO.eventcodes.gdelt.txt absent");
    CHECK_INT(each_row(p, check_exists, NULL), 311);
}

/* CAMEO2PLOVER-2021.txt lines look like "0811: CONCEDE,   , democracy # ...".
 * A code may be listed twice (08 under CONCEDE and RETREAT); the first
 * listing is the one dyad follows. */
TEST(cameo_matches_plover_table)
{
    const char *p = test_shared_path("peers/plover/CAMEO2PLOVER-2021.txt");
    if (!p) SKIP("peers/plover/CAMEO2PLOVER-2021.txt absent");
    FILE *f = fopen(p, "r");
    REQUIRE(f);
    static char seen[512][8];
    int nseen = 0, checked = 0;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        char code[8], ev[32];
        if (sscanf(line, "%7[0-9]: %31[A-Z]", code, ev) != 2) continue;
        int dup = 0;
        for (int i = 0; i < nseen && !dup; i++) dup = !strcmp(seen[i], code);
        if (dup || nseen == 512) continue;
        memcpy(seen[nseen++], code, sizeof code);
        const dyad_cameo *c = dyad_cameo_lookup(code);
        if (!c || strcmp(c->code, code)) { test_fail(__FILE__, __LINE__, code); continue; }
        if (strcmp(c->plover, ev)) {
            char m[128];
            snprintf(m, sizeof m, "%s plover %s vs table %s", code, c->plover, ev);
            test_fail(__FILE__, __LINE__, m);
        }
        checked++;
    }
    fclose(f);
    CHECK(checked > 250);
}
