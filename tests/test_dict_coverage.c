/* test_dict_coverage.c: dyad's own dictionaries (the .dyad files in data/dict) checked
 * as text, without the loader: every CAMEO code has a verb or pattern line,
 * every UN member state has a name, a demonym and a capital, every person
 * has a start date; plus the WordNet irregular-verb lookup (morph.c). */
#include "test.h"
#include "lexicon/morph.h"
#include "dyad.h"
#include <ctype.h>
#include <stdlib.h>
#include <sys/stat.h>

/* ---- helpers ---- */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0, n;
    char *s = malloc(cap);
    while (s && (n = fread(s + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (len + 1 >= cap) { cap *= 2; char *t = realloc(s, cap); if (!t) { free(s); s = NULL; } else s = t; }
    }
    fclose(f);
    if (s) s[len] = 0;
    return s;
}

static const char *dict_path(const char *name)
{
    static char p[4][512];
    static int which;
    char *out = p[which++ & 3];
    const char *dir = getenv("DYAD_DICT");
    snprintf(out, 512, "%s/%s", dir ? dir : "data/dict", name);
    return out;
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Next line of s at *pos into line (without newline); 0 at the end. */
static int next_line(const char *s, size_t *pos, char *line, size_t cap)
{
    if (!s[*pos]) return 0;
    size_t k = 0;
    while (s[*pos] && s[*pos] != '\n') {
        if (k < cap - 1) line[k++] = s[*pos];
        (*pos)++;
    }
    if (s[*pos] == '\n') (*pos)++;
    line[k] = 0;
    return 1;
}

/* Cut a trailing "# comment" (a '#' at the start or after a blank). */
static void cut_comment(char *line, char *comment, size_t cap)
{
    if (comment) comment[0] = 0;
    for (char *p = line; *p; p++)
        if (*p == '#' && (p == line || p[-1] == ' ' || p[-1] == '\t')) {
            if (comment) snprintf(comment, cap, "%s", p + 1);
            *p = 0;
            break;
        }
    size_t n = strlen(line);
    while (n && isspace((unsigned char)line[n - 1])) line[--n] = 0;
}

static int is_section(const char *line, char *name, size_t cap)
{
    const char *p = line;
    while (*p == ' ' || *p == '\t') p++;
    if (*p != '[') return 0;
    const char *e = strchr(p, ']');
    if (!e) return 0;
    snprintf(name, cap, "%.*s", (int)(e - p - 1), p + 1);
    return 1;
}

/* ---- morph ---- */

static int has_form(char forms[][LEX_FORM_MAX], int n, const char *f)
{
    for (int i = 0; i < n; i++) if (!strcmp(forms[i], f)) return 1;
    return 0;
}

TEST(morph_irregular_forms)
{
    if (!file_exists(LEX_MORPH_DEFAULT)) SKIP("WordNet verb.exc absent (apt-get install wordnet-base)");
    REQUIRE(lex_morph_init(NULL) > 1000);
    char forms[16][LEX_FORM_MAX];
    int n = lex_irregular_forms("send", forms, 16);
    CHECK(n >= 1);
    CHECK(has_form(forms, n, "sent"));
    n = lex_irregular_forms("take", forms, 16);
    CHECK(has_form(forms, n, "took"));
    CHECK(has_form(forms, n, "taken"));
    n = lex_irregular_forms("TAKE", forms, 16);
    CHECK(has_form(forms, n, "TOOK"));
    CHECK(has_form(forms, n, "TAKEN"));
    n = lex_irregular_forms("overrun", forms, 16);
    CHECK(has_form(forms, n, "overran"));
    n = lex_irregular_forms("fight", forms, 16);
    CHECK(has_form(forms, n, "fought"));
    n = lex_irregular_forms("flee", forms, 16);
    CHECK(has_form(forms, n, "fled"));
    n = lex_irregular_forms("allow for", forms, 16);
    CHECK(has_form(forms, n, "allowed_for"));
    /* Regular verbs and non-words have none; max is respected. */
    CHECK_INT(lex_irregular_forms("negotiate", forms, 16), 0);
    CHECK_INT(lex_irregular_forms("", forms, 16), 0);
    CHECK_INT(lex_irregular_forms("be", forms, 1), 1);
    CHECK(lex_irregular_forms("be", forms, 16) >= 5);
}

TEST(morph_missing_file_is_graceful)
{
    CHECK_INT(lex_morph_init("/nonexistent/verb.exc"), -1);
    char forms[4][LEX_FORM_MAX];
    CHECK_INT(lex_irregular_forms("send", forms, 4), 0);
    CHECK_INT(lex_morph_count(), 0);
    /* Put the default back for whoever runs next. */
    lex_morph_init(NULL);
}

/* ---- .dyad lines ---- */

typedef struct dict_line {
    char section[32];   /* "actors", "verbs", ... */
    char text[4096];    /* the line without its comment, blanks trimmed at the end */
    char comment[256];  /* after '#', "" if none */
    int indented;       /* starts with a blank */
    int lineno;
} dict_line;

/* Iterate the content lines (not blank, not comment-only, not section
 * headers) of a .dyad text: returns 0 at the end. */
typedef struct dict_iter {
    const char *s;
    size_t pos;
    int lineno;
    char section[32];
} dict_iter;

static int dict_next(dict_iter *it, dict_line *out)
{
    char line[4096];
    while (next_line(it->s, &it->pos, line, sizeof line)) {
        it->lineno++;
        char name[32];
        if (is_section(line, name, sizeof name)) { snprintf(it->section, sizeof it->section, "%s", name); continue; }
        cut_comment(line, out->comment, sizeof out->comment);
        const char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (!*p) continue;
        snprintf(out->section, sizeof out->section, "%s", it->section);
        snprintf(out->text, sizeof out->text, "%s", line);
        out->indented = line[0] == ' ' || line[0] == '\t';
        out->lineno = it->lineno;
        return 1;
    }
    return 0;
}

/* Split "lhs => rhs"; returns 0 when there is no "=>". */
static int split_arrow(const char *text, char *lhs, size_t lcap, char *rhs, size_t rcap)
{
    const char *a = strstr(text, "=>");
    if (!a) return 0;
    size_t n = (size_t)(a - text);
    while (n && isspace((unsigned char)text[n - 1])) n--;
    const char *t = text;
    while (*t == ' ' || *t == '\t') { t++; n--; }
    snprintf(lhs, lcap, "%.*s", (int)n, t);
    a += 2;
    while (*a == ' ') a++;
    snprintf(rhs, rcap, "%s", a);
    return 1;
}

/* Fold the Latin-1 letters of UTF-8 text to ASCII and lower-case it. */
static void fold_lower(const char *s, char *out, size_t cap)
{
    static const char latin[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyts" "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && k + 1 < cap; p++) {
        if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) { out[k++] = latin[p[1] - 0x80 < 64 ? p[1] - 0x80 : 0]; p++; }
        else if (*p == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99)) { out[k++] = '\''; p += 2; }
        else out[k++] = (char)tolower(*p);
    }
    out[k] = 0;
}

/* Is `phrase` (any case, Latin-1 accents folded) one of lhs's '|' alternatives? */
static int lhs_has(const char *lhs, const char *phrase)
{
    char want[256], alt[512];
    fold_lower(phrase, want, sizeof want);
    const char *p = lhs;
    while (*p) {
        const char *e = strchr(p, '|');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        while (n && *p == ' ') { p++; n--; }
        while (n && p[n - 1] == ' ') n--;
        char raw[512];
        snprintf(raw, sizeof raw, "%.*s", (int)n, p);
        fold_lower(raw, alt, sizeof alt);
        if (!strcmp(alt, want)) return 1;
        if (!e) break;
        p = e + 1;
    }
    return 0;
}

/* ---- countries ---- */

/* The 193 member states of the United Nations, ISO 3166-1 alpha-3. */
static const char *const un_members[] = {
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR",
    "BGD", "BRB", "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR",
    "BFA", "BDI", "CPV", "KHM", "CMR", "CAN", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG",
    "COD", "CRI", "CIV", "HRV", "CUB", "CYP", "CZE", "PRK", "DNK", "DJI", "DMA", "DOM", "ECU",
    "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI", "FIN", "FRA", "GAB", "GMB", "GEO",
    "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IND",
    "IDN", "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR", "KWT",
    "KGZ", "LAO", "LVA", "LBN", "LSO", "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS",
    "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MDA", "MCO", "MNG", "MNE", "MAR",
    "MOZ", "MMR", "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "MKD", "NOR", "OMN",
    "PAK", "PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "KOR", "ROU", "RUS",
    "RWA", "KNA", "LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP",
    "SVK", "SVN", "SLB", "SOM", "ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR",
    "TJK", "TZA", "THA", "TLS", "TGO", "TON", "TTO", "TUN", "TUR", "TKM", "TUV", "UGA", "UKR",
    "ARE", "GBR", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB", "ZWE",
};

/* Deliberate gaps, each with its reason (also noted in countries.dyad). */
static const char *const no_demonym[] = {
    "DMA",   /* "Dominican" codes the Dominican Republic */
    "COG",   /* "Congolese" codes the DR Congo, the usual referent */
};
static const char *const no_capital[] = {
    "MDV",   /* Male folds to the word "male" */
    "SYC",   /* Victoria: an Australian state and a common name */
};

static int in_list(const char *const *list, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++) if (!strcmp(list[i], code)) return 1;
    return 0;
}

/* The English names iso-codes gives entry `code`, as phrases: common name,
 * name ("X, Y of" turned round to "Y of X", a leading "the" dropped) and
 * official name. Returns how many were stored in out (0: no such entry). */
static int iso_names(const char *json, const char *code, char out[3][256])
{
    char key[32];
    snprintf(key, sizeof key, "\"alpha_3\": \"%s\"", code);
    const char *p = strstr(json, key);
    if (!p) return 0;
    const char *start = p, *end = strchr(p, '}');
    while (start > json && *start != '{') start--;
    if (!end) return 0;
    const char *fields[] = {"\"common_name\": \"", "\"name\": \"", "\"official_name\": \""};
    int n = 0;
    for (int f = 0; f < 3; f++) {
        const char *q = strstr(start, fields[f]);
        if (!q || q > end) continue;
        q += strlen(fields[f]);
        const char *qe = strchr(q, '"');
        if (!qe) continue;
        char v[120];
        snprintf(v, sizeof v, "%.*s", (int)(qe - q), q);
        const char *a = v;
        if (!strncmp(a, "the ", 4)) a += 4;
        char *comma = strstr(v, ", ");
        if (comma) {   /* "Congo, The Democratic Republic of the" */
            *comma = 0;
            const char *b = comma + 2;
            if (!strncmp(b, "The ", 4) || !strncmp(b, "the ", 4)) b += 4;
            snprintf(out[n++], 256, "%s %s", b, a);
        } else snprintf(out[n++], 256, "%s", a);
    }
    if (!n) snprintf(out[n++], 256, "?");
    return n;
}

TEST(dict_countries_un_members)
{
    CHECK_INT(sizeof un_members / sizeof *un_members, 193);
    char *dict = slurp(dict_path("countries.dyad"));
    REQUIRE(dict != NULL);
    const char *iso_path = "/usr/share/iso-codes/json/iso_3166-1.json";
    char *iso = slurp(iso_path);
    if (!iso) printf("note: %s absent (apt-get install iso-codes): names not checked against ISO\n", iso_path);
    for (size_t i = 0; i < sizeof un_members / sizeof *un_members; i++) {
        const char *code = un_members[i];
        int name = 0, dem = 0, cap = 0, iso_ok = 0;
        char want[3][256];
        int nwant = 0;
        if (iso) {
            nwant = iso_names(iso, code, want);
            if (!nwant) {
                char m[64]; snprintf(m, sizeof m, "%s is an ISO 3166-1 alpha-3 code", code);
                test_fail(__FILE__, __LINE__, m);
            }
        }
        dict_iter it = {dict, 0, 0, ""};
        dict_line l;
        char lhs[4096], rhs[256];
        while (dict_next(&it, &l)) {
            if (strcmp(l.section, "actors") || !split_arrow(l.text, lhs, sizeof lhs, rhs, sizeof rhs)) continue;
            if (strcmp(rhs, code)) continue;
            if (!strncmp(l.comment, " name", 5)) {
                name = 1;
                for (int k = 0; k < nwant; k++) if (lhs_has(lhs, want[k])) iso_ok = 1;
            }
            if (!strncmp(l.comment, " demonym", 8)) dem = 1;
            if (!strncmp(l.comment, " capital", 8)) cap = 1;
        }
        char m[400];
        if (!name) { snprintf(m, sizeof m, "%s has a '# name' line", code); test_fail(__FILE__, __LINE__, m); }
        if (nwant && name && !iso_ok) {
            snprintf(m, sizeof m, "%s's name line has an ISO name (\"%s\")", code, want[0]);
            test_fail(__FILE__, __LINE__, m);
        }
        if (!dem && !in_list(no_demonym, sizeof no_demonym / sizeof *no_demonym, code)) {
            snprintf(m, sizeof m, "%s has a '# demonym' line", code); test_fail(__FILE__, __LINE__, m);
        }
        if (!cap && !in_list(no_capital, sizeof no_capital / sizeof *no_capital, code)) {
            snprintf(m, sizeof m, "%s has a '# capital' line", code); test_fail(__FILE__, __LINE__, m);
        }
    }
    free(iso);
    free(dict);
}

/* ---- people ---- */

/* Does choice text "CODE" or "CODE from..to" have a start date (from)? */
static int choice_has_start(const char *c)
{
    while (*c == ' ') c++;
    const char *sp = strchr(c, ' ');
    if (!sp) return 0;
    while (*sp == ' ') sp++;
    /* YYYY-MM-DD.. */
    for (int i = 0; i < 10; i++) {
        char ch = sp[i];
        if (i == 4 || i == 7) { if (ch != '-') return 0; }
        else if (!isdigit((unsigned char)ch)) return 0;
    }
    return sp[10] == '.' && sp[11] == '.';
}

TEST(dict_people_have_start_dates)
{
    char *dict = slurp(dict_path("people.dyad"));
    REQUIRE(dict != NULL);
    dict_iter it = {dict, 0, 0, ""};
    dict_line l;
    char lhs[4096], rhs[1024];
    int people = 0;
    while (dict_next(&it, &l)) {
        if (strcmp(l.section, "actors")) continue;
        if (!split_arrow(l.text, lhs, sizeof lhs, rhs, sizeof rhs)) {
            char m[128]; snprintf(m, sizeof m, "people.dyad:%d has \"names => codes\"", l.lineno);
            test_fail(__FILE__, __LINE__, m);
            continue;
        }
        people++;
        int start = 0, undated_last = 0;
        char *save = NULL;
        for (char *c = strtok_r(rhs, ";", &save); c; c = strtok_r(NULL, ";", &save)) {
            if (choice_has_start(c)) start = 1;
            undated_last = !strstr(c, "..");
        }
        if (!start) {
            char m[256]; snprintf(m, sizeof m, "people.dyad:%d (%.60s) has a dated code with a start date", l.lineno, lhs);
            test_fail(__FILE__, __LINE__, m);
        }
        if (!undated_last) {
            char m[256]; snprintf(m, sizeof m, "people.dyad:%d (%.60s) ends with an undated country code", l.lineno, lhs);
            test_fail(__FILE__, __LINE__, m);
        }
    }
    CHECK(people >= 800);
    free(dict);
}

/* ---- verbs ---- */

typedef struct codeset { char c[1024][8]; int n; } codeset;

static void codes_add(codeset *cs, const char *code, size_t n)
{
    char c[8];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof c - 1; i++)
        if (isdigit((unsigned char)code[i])) c[k++] = code[i];
        else if (code[i] != ' ') break;
    c[k] = 0;
    if (k < 2) return;   /* "---", "###", "+++" */
    for (int i = 0; i < cs->n; i++) if (!strcmp(cs->c[i], c)) return;
    if (cs->n < 1024) snprintf(cs->c[cs->n++], 8, "%s", c);
}

static int codes_has(const codeset *cs, const char *c)
{
    for (int i = 0; i < cs->n; i++) if (!strcmp(cs->c[i], c)) return 1;
    return 0;
}

/* A CAMEO code is covered when a verb or pattern codes it; a two-digit root
 * ("19") is covered by its "not specified" code ("190"), which is what a
 * coder emits for the root. */
static int covered(const codeset *cs, const char *c)
{
    if (codes_has(cs, c)) return 1;
    if (strlen(c) == 2) { char c3[4]; snprintf(c3, sizeof c3, "%s0", c); return codes_has(cs, c3); }
    return 0;
}

/* Every event code of verbs.dyad: verb lines' codes and patterns' codes
 * (both halves of a paired "042:043"). */
static int verb_codes(codeset *cs, int *nverbs, int *npatterns)
{
    char *dict = slurp(dict_path("verbs.dyad"));
    if (!dict) return 0;
    dict_iter it = {dict, 0, 0, ""};
    dict_line l;
    *nverbs = *npatterns = 0;
    while (dict_next(&it, &l)) {
        if (strcmp(l.section, "verbs")) continue;
        if (l.indented) {
            const char *a = strstr(l.text, "=>");
            if (!a) continue;
            (*npatterns)++;
            a += 2;
            while (*a == ' ') a++;
            const char *colon = strchr(a, ':');
            codes_add(cs, a, colon ? (size_t)(colon - a) : strlen(a));
            if (colon) codes_add(cs, colon + 1, strlen(colon + 1));
        } else {
            (*nverbs)++;
            const char *t = l.text;
            size_t n = strcspn(t, " \t");
            codes_add(cs, t, n);
        }
    }
    free(dict);
    return 1;
}

TEST(dict_verbs_cover_cameo)
{
    static codeset cs;
    cs.n = 0;
    int nverbs, npatterns;
    REQUIRE(verb_codes(&cs, &nverbs, &npatterns));
    CHECK(nverbs >= 200);
    CHECK(npatterns >= 1000);
    /* Every code used is one of dyad's CAMEO codes. */
    for (int i = 0; i < cs.n; i++) {
        const dyad_cameo *c = dyad_cameo_lookup(cs.c[i]);
        if (!c || strcmp(c->code, cs.c[i])) {
            char m[64]; snprintf(m, sizeof m, "verbs.dyad code %s is a CAMEO code", cs.c[i]);
            test_fail(__FILE__, __LINE__, m);
        }
    }
    /* Every code of dyad's own table has a verb or pattern. */
    char code[5];
    int table = 0;
    for (int len = 2; len <= 4; len++) {
        int lim = len == 2 ? 100 : len == 3 ? 1000 : 10000;
        for (int v = 0; v < lim; v++) {
            snprintf(code, sizeof code, "%0*d", len, v);
            const dyad_cameo *c = dyad_cameo_lookup(code);
            if (!c || strcmp(c->code, code)) continue;
            table++;
            if (!covered(&cs, code)) {
                char m[64]; snprintf(m, sizeof m, "CAMEO %s (dyad table) has a verb or pattern", code);
                test_fail(__FILE__, __LINE__, m);
            }
        }
    }
    CHECK(table > 300);
    /* And every code of the peers' consolidated list, when it is there. */
    const char *tsv = test_shared_path("peers/cameo/cameo_codes_consolidated.tsv");
    if (!tsv) { printf("note: peers' CAMEO list absent: checked against dyad's table only\n"); return; }
    char *list = slurp(tsv);
    REQUIRE(list != NULL);
    size_t pos = 0;
    char line[1024];
    int peers = 0;
    next_line(list, &pos, line, sizeof line);   /* header */
    while (next_line(list, &pos, line, sizeof line)) {
        size_t n = strcspn(line, "\t");
        if (n < 2 || n > 4) continue;
        line[n] = 0;
        peers++;
        if (!covered(&cs, line)) {
            char m[64]; snprintf(m, sizeof m, "CAMEO %.4s (peers' list) has a verb or pattern", line);
            test_fail(__FILE__, __LINE__, m);
        }
    }
    CHECK(peers > 300);
    free(list);
}
