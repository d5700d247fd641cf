/* gazetteer.c: loading and matching dyad's gazetteer (see geo.h). */
#include "geo/geo.h"
#include "util/buf.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "data"
#endif

geo_gaz *geo_new(void)
{
    geo_gaz *g = calloc(1, sizeof *g);
    if (!g) abort();
    strtab_init(&g->words);
    arena_init(&g->strings, 1 << 16);
    return g;
}

void geo_free(geo_gaz *g)
{
    if (!g) return;
    strtab_free(&g->words);
    arena_free(&g->strings);
    free(g->seq);
    free(g->names);
    free(g->by_word);
    free(g->entries);
    free(g);
}

static void *grow(void *p, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap) return p;
    uint32_t c = *cap ? *cap : 64;
    while (c < need) c *= 2;
    p = realloc(p, (size_t)c * elem);
    if (!p) abort();
    *cap = c;
    return p;
}

static uint32_t add_entry(geo_gaz *g, int feature, const char *iso3, const char *adm1, double lat, double lon,
                          const char *name, const char *full)
{
    g->entries = grow(g->entries, &g->centries, g->nentries + 1, sizeof *g->entries);
    geo_entry *e = &g->entries[g->nentries];
    memset(e, 0, sizeof *e);
    e->feature = (uint8_t)feature;
    snprintf(e->country, sizeof e->country, "%s", iso3);
    snprintf(e->adm1, sizeof e->adm1, "%s", adm1 ? adm1 : "");
    e->lat = lat;
    e->lon = lon;
    e->name = arena_strndup(&g->strings, name, strlen(name));
    e->full = arena_strndup(&g->strings, full, strlen(full));
    return g->nentries++;
}

/* Tokenise a name as article text is tokenised and store its word ids.
 * Names of more than 255 tokens (none real) are ignored. */
static void add_name(geo_gaz *g, arena *scratch, uint32_t entry, const char *name, size_t n, int how)
{
    while (n && (name[0] == ' ')) name++, n--;
    /* "the Bahamas": the article is not part of the name. */
    if (n > 4 && !strncasecmp(name, "the ", 4)) name += 4, n -= 4;
    if (!n) return;
    txt_doc d;
    arena_reset(scratch);
    txt_analyse(scratch, name, n, &d);
    if (!d.ntok || d.ntok > 255) return;
    g->seq = grow(g->seq, &g->cseq, g->nseq + d.ntok, sizeof *g->seq);
    for (uint32_t i = 0; i < d.ntok; i++)
        g->seq[g->nseq + i] = strtab_intern(&g->words, txt_norm(&d, i), d.tok[i].norm_len);
    g->names = grow(g->names, &g->cnames, g->nnames + 1, sizeof *g->names);
    int caps = n <= 4 && d.ntok == 1;
    for (size_t i = 0; i < n && caps; i++) caps = name[i] >= 'A' && name[i] <= 'Z';
    g->names[g->nnames++] = (geo_name){entry, g->nseq, (uint8_t)d.ntok, (uint8_t)how, (uint8_t)caps};
    g->nseq += d.ntok;
}

/* Split a '|'-separated list and add each as a name. */
static void add_names(geo_gaz *g, arena *scratch, uint32_t entry, const char *list, int how)
{
    while (*list) {
        const char *bar = strchr(list, '|');
        size_t n = bar ? (size_t)(bar - list) : strlen(list);
        if (n) add_name(g, scratch, entry, list, n, how);
        list += n + (bar ? 1 : 0);
    }
}

/* Split a tab-separated line in place; returns the field count (<= max). */
static int fields(char *line, char **f, int max)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = 0;
    while (n < max) {
        f[n++] = line;
        char *t = strchr(line, '\t');
        if (!t) break;
        *t = 0;
        line = t + 1;
    }
    return n;
}

static double coord(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    return end == s ? NAN : v;
}

uint32_t geo_country(const geo_gaz *g, const char *iso3)
{
    uint32_t lo = 0, hi = g->ncountries;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        int c = strcmp(g->entries[mid].country, iso3);
        if (!c) return mid;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return UINT32_MAX;
}

static FILE *open_in(const char *dir, const char *name)
{
    char path[2048];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path) return NULL;
    return fopen(path, "r");
}

static int load_countries(geo_gaz *g, arena *scratch, FILE *f)
{
    char line[1024];
    char *fl[8];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        int nf = fields(line, fl, 8);
        if (nf < 5) continue;
        uint32_t e = add_entry(g, GEO_F_COUNTRY, fl[0], "", coord(fl[3]), coord(fl[4]), fl[2], fl[2]);
        add_name(g, scratch, e, fl[2], strlen(fl[2]), GEO_N_NAME);
        if (nf > 5) add_names(g, scratch, e, fl[5], GEO_N_NAME);
        n++;
    }
    return n;
}

static const char *country_name(const geo_gaz *g, const char *iso3)
{
    uint32_t c = geo_country(g, iso3);
    return c == UINT32_MAX ? iso3 : g->entries[c].name;
}

/* Entry of a first-level region by its ISO 3166-2 code (linear: load time only). */
static uint32_t find_adm1(const geo_gaz *g, const char *code)
{
    for (uint32_t i = 0; i < g->nentries; i++)
        if (g->entries[i].feature == GEO_F_ADM1 && !strcmp(g->entries[i].adm1, code)) return i;
    return UINT32_MAX;
}

static int load_adm1(geo_gaz *g, arena *scratch, FILE *f)
{
    char line[2048];
    char *fl[10];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        if (fields(line, fl, 10) < 9) continue;
        char full[512];
        snprintf(full, sizeof full, "%s, %s", fl[3], country_name(g, fl[1]));
        uint32_t e = add_entry(g, GEO_F_ADM1, fl[1], fl[0], coord(fl[6]), coord(fl[7]), fl[3], full);
        int hand = fl[8][0] == '1';
        g->entries[e].english = (uint8_t)hand;
        /* English names news uses may stand alone; ISO's own only with context. */
        add_name(g, scratch, e, fl[3], strlen(fl[3]), hand ? GEO_N_NAME : GEO_N_LOCAL);
        add_names(g, scratch, e, fl[4], GEO_N_NAME);
        add_names(g, scratch, e, fl[5], GEO_N_LOCAL);
        n++;
    }
    return n;
}

static int load_cities(geo_gaz *g, arena *scratch, FILE *f)
{
    char line[2048];
    char *fl[8];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        if (fields(line, fl, 8) < 6) continue;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)strcspn(fl[0], "|"), fl[0]);
        uint32_t a = fl[2][0] ? find_adm1(g, fl[2]) : UINT32_MAX;
        char full[512];
        if (a != UINT32_MAX && strcmp(g->entries[a].name, name))
            snprintf(full, sizeof full, "%s, %s, %s", name, g->entries[a].name, country_name(g, fl[1]));
        else snprintf(full, sizeof full, "%s, %s", name, country_name(g, fl[1]));
        uint32_t e = add_entry(g, GEO_F_CITY, fl[1], fl[2], coord(fl[3]), coord(fl[4]), name, full);
        g->entries[e].capital = fl[5][0] == '1';
        add_names(g, scratch, e, fl[0], GEO_N_NAME);
        n++;
    }
    return n;
}

/* Which entries a load-time lookup accepts. */
typedef struct want {
    int feature;         /* GEO_F_* wanted, 0 = any */
    const char *iso3;    /* country wanted, NULL = any */
    uint32_t entry;      /* this entry only, UINT32_MAX = any */
    int english;         /* only regions with English names */
} want;

static int wanted(const geo_gaz *g, uint32_t i, const want *w)
{
    const geo_entry *e = &g->entries[i];
    return (w->entry == UINT32_MAX || w->entry == i) && (!w->feature || e->feature == w->feature) &&
           (!w->iso3 || !strcmp(e->country, w->iso3)) && (!w->english || e->english);
}

/* The first entry w accepts that has a name spelled like s[0..n), or
 * UINT32_MAX. Linear in the names: load time only. */
static uint32_t named(const geo_gaz *g, arena *scratch, const char *s, size_t n, const want *w)
{
    txt_doc d;
    arena_reset(scratch);
    txt_analyse(scratch, s, n, &d);
    if (!d.ntok) return UINT32_MAX;
    /* the names compiled so far are indexed by their first word */
    uint32_t id = strtab_find(&g->words, txt_norm(&d, 0), d.tok[0].norm_len);
    if (!id || id >= g->nby_word) return UINT32_MAX;
    for (uint32_t k = g->by_word[id]; k < g->by_word[id + 1]; k++) {
        const geo_name *nm = &g->names[k];
        if (nm->nwords != d.ntok || !wanted(g, nm->entry, w)) continue;
        uint32_t i = 0;
        for (; i < d.ntok; i++)
            if (g->seq[nm->word0 + i] != strtab_find(&g->words, txt_norm(&d, i), d.tok[i].norm_len)) break;
        if (i == d.ntok) return nm->entry;
    }
    return UINT32_MAX;
}

/* The capital of country iso3, or UINT32_MAX. */
static uint32_t capital_of(const geo_gaz *g, const char *iso3)
{
    for (uint32_t i = 0; i < g->nentries; i++)
        if (g->entries[i].feature == GEO_F_CITY && g->entries[i].capital && !strcmp(g->entries[i].country, iso3))
            return i;
    return UINT32_MAX;
}

/* countries.dyad lines "A | B => XXX   # name|demonym|capital": names,
 * demonyms and capitals of each country (see that file's header). A name
 * that is also the English name of one of the country's regions
 * ("Scotland") is left to the region, the more precise place. */
static void load_tags(geo_gaz *g, arena *scratch, FILE *f)
{
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        char *hash = strstr(line, "   # ");
        char *arrow = strstr(line, "=>");
        if (!hash || !arrow || arrow > hash) continue;
        char tag[16];
        if (sscanf(hash + 5, "%15s", tag) != 1) continue;
        char code[8];
        if (sscanf(arrow + 2, "%7s", code) != 1 || strlen(code) != 3) continue;
        uint32_t c = geo_country(g, code);
        if (c == UINT32_MAX) continue;
        int how = !strcmp(tag, "name") ? 0 : !strcmp(tag, "demonym") ? 1 : !strcmp(tag, "capital") ? 2 : -1;
        if (how < 0) continue;
        *arrow = 0;
        for (char *p = line, *bar; *p; p = bar ? bar + 1 : p + strlen(p)) {
            bar = strchr(p, '|');
            char *end = bar ? bar : p + strlen(p);
            while (p < end && *p == ' ') p++;
            while (end > p && end[-1] == ' ') end--;
            size_t n = (size_t)(end - p);
            if (!n) continue;
            if (how == 2) {
                /* a capital listed in cities.tsv is there already; any other
                 * spelling names the country's capital */
                if (named(g, scratch, p, n, &(want){GEO_F_CITY, code, UINT32_MAX, 0}) != UINT32_MAX) continue;
                uint32_t cap = capital_of(g, code);
                if (cap != UINT32_MAX) add_name(g, scratch, cap, p, n, GEO_N_NAME);
            } else if (named(g, scratch, p, n, &(want){0, NULL, c, 0}) == UINT32_MAX &&
                       (how == 1 || named(g, scratch, p, n, &(want){GEO_F_ADM1, code, UINT32_MAX, 1}) == UINT32_MAX)) {
                add_name(g, scratch, c, p, n, how == 1 ? GEO_N_DEMONYM : GEO_N_NAME);
            }
        }
    }
}

static const geo_gaz *sort_ctx;
static int cmp_names(const void *a, const void *b)
{
    const geo_name *x = a, *y = b;
    uint32_t wx = sort_ctx->seq[x->word0], wy = sort_ctx->seq[y->word0];
    if (wx != wy) return wx < wy ? -1 : 1;
    if (x->nwords != y->nwords) return x->nwords > y->nwords ? -1 : 1;
    /* Same length: countries, then capitals, cities, regions; then load order. */
    const geo_entry *ex = &sort_ctx->entries[x->entry], *ey = &sort_ctx->entries[y->entry];
    int rx = ex->feature * 2 - (ex->capital ? 1 : 0), ry = ey->feature * 2 - (ey->capital ? 1 : 0);
    if (ex->feature == GEO_F_ADM1) rx = 7;
    if (ey->feature == GEO_F_ADM1) ry = 7;
    if (rx != ry) return rx - ry;
    if (x->how != y->how) return x->how - y->how;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* Sort the names and index them by first word; again after adding names. */
static void compile(geo_gaz *g)
{
    sort_ctx = g;
    if (g->nnames) qsort(g->names, g->nnames, sizeof *g->names, cmp_names);
    sort_ctx = NULL;
    free(g->by_word);
    g->by_word = calloc((size_t)g->words.n + 2, sizeof *g->by_word);
    if (!g->by_word) abort();
    g->nby_word = g->words.n + 1;
    /* by_word[id] = first name with first word >= id. */
    uint32_t k = 0;
    for (uint32_t id = 0; id <= g->words.n + 1; id++) {
        while (k < g->nnames && g->seq[g->names[k].word0] < id) k++;
        g->by_word[id] = k;
    }
}

int geo_load(geo_gaz *g, const char *dir, const lexicon *lx)
{
    if (g->loaded) return (int)g->nentries;
    g->loaded = 1;
    char path[1024];
    if (!dir) dir = getenv("DYAD_GEO");
    if (!dir) { snprintf(path, sizeof path, "%s/geo", DYAD_DATADIR); dir = path; }
    arena scratch;
    arena_init(&scratch, 1 << 14);
    FILE *f = open_in(dir, "countries.tsv");
    int rc = -1;
    if (f) {
        load_countries(g, &scratch, f);
        fclose(f);
        /* countries.tsv is sorted by code: the countries can be searched */
        g->ncountries = g->nentries;
        for (uint32_t i = 1; i < g->ncountries; i++)
            if (strcmp(g->entries[i - 1].country, g->entries[i].country) >= 0) g->ncountries = 0;
        if ((f = open_in(dir, "adm1.tsv"))) { load_adm1(g, &scratch, f); fclose(f); }
        if ((f = open_in(dir, "cities.tsv"))) { load_cities(g, &scratch, f); fclose(f); }
        compile(g);  /* the tags look names up */
        for (uint32_t i = 0; lx && i < lx->nfiles; i++) {
            const char *slash = strrchr(lx->files[i], '/');
            const char *base = slash ? slash + 1 : lx->files[i];
            if (strcmp(base, "countries.dyad") || !(f = fopen(lx->files[i], "r"))) continue;
            load_tags(g, &scratch, f);
            fclose(f);
        }
        rc = (int)g->nentries;
    }
    arena_free(&scratch);
    compile(g);
    return rc;
}

void geo_word_ids(const geo_gaz *g, const txt_doc *d, uint32_t *ids)
{
    for (uint32_t i = 0; i < d->ntok; i++) {
        const txt_token *t = &d->tok[i];
        const char *w = txt_norm(d, i);
        ids[i] = strtab_find(&g->words, w, t->norm_len);
        if (!ids[i] && t->norm_len > 3 && w[t->norm_len - 1] == 'S') {
            uint32_t id = strtab_find(&g->words, w, t->norm_len - 1u);
            if (id) ids[i] = id | GEO_PLURAL;
        }
    }
}

int geo_lookup(const geo_gaz *g, const txt_doc *d, const uint32_t *ids, uint32_t t, uint32_t end, geo_hit *out,
               int max)
{
    uint32_t id = ids[t] & ~GEO_PLURAL;
    if (!id || id >= g->nby_word) return 0;
    int n = 0;
    for (uint32_t k = g->by_word[id]; k < g->by_word[id + 1] && n < max; k++) {
        const geo_name *nm = &g->names[k];
        if (t + nm->nwords > end) continue;
        uint32_t i = 0;
        for (; i < nm->nwords; i++) {
            uint32_t want = g->seq[nm->word0 + i];
            uint32_t have = ids[t + i];
            /* Only a demonym's last word may be a plural ("Belarusians"). */
            if (have & GEO_PLURAL) {
                if (nm->how != GEO_N_DEMONYM || i + 1 != nm->nwords) break;
                have &= ~GEO_PLURAL;
            }
            if (have != want) break;
            if (nm->caps && !(d->tok[t + i].flags & TXT_ALLCAPS)) break;
        }
        if (i == nm->nwords) out[n++] = (geo_hit){nm->entry, nm->nwords, nm->how};
    }
    return n;
}

void geo_fill(const geo_gaz *g, uint32_t entry, dyad_geo *out)
{
    const geo_entry *e = &g->entries[entry];
    int us = !strcmp(e->country, "USA");
    switch (e->feature) {
    case GEO_F_COUNTRY: out->type = DYAD_GEO_COUNTRY; break;
    case GEO_F_ADM1: out->type = us ? DYAD_GEO_USSTATE : DYAD_GEO_WORLDSTATE; break;
    default: out->type = us ? DYAD_GEO_USCITY : DYAD_GEO_WORLDCITY; break;
    }
    out->name = e->full;
    memcpy(out->country, e->country, sizeof out->country);
    memcpy(out->adm1, e->adm1, sizeof out->adm1);
    out->lat = e->lat;
    out->lon = e->lon;
}
