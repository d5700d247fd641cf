/* morph.c: irregular English verb forms from WordNet's verb.exc. */
#include "lexicon/morph.h"
#include "util/xalloc.h"
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct morph_pair {
    uint32_t base, form;   /* offsets in pool */
    uint32_t order;        /* line order, to keep forms in file order */
} morph_pair;

typedef struct morph_table {
    char *pool;
    size_t pool_len, pool_cap;
    morph_pair *pairs;     /* sorted by base, then order */
    uint32_t npairs, cpairs;
    uint32_t *slot_first;  /* hash on base: index of first pair + 1, 0 = empty */
    uint32_t *slot_n;
    uint32_t mask;
} morph_table;

static morph_table table;
static pthread_once_t lazy_once = PTHREAD_ONCE_INIT;
static int loaded;         /* a load was attempted (lazy or eager) */

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) { h ^= (unsigned char)*s; h *= 16777619u; }
    return h;
}

static void table_free(morph_table *t)
{
    free(t->pool); free(t->pairs); free(t->slot_first); free(t->slot_n);
    memset(t, 0, sizeof *t);
}

static uint32_t pool_add(morph_table *t, const char *s, size_t n)
{
    if (t->pool_len + n + 1 > t->pool_cap) {
        size_t cap = t->pool_cap ? t->pool_cap : 16384;
        while (t->pool_len + n + 1 > cap) cap *= 2;
        t->pool = xrealloc(t->pool, cap);
        t->pool_cap = cap;
    }
    uint32_t off = (uint32_t)t->pool_len;
    memcpy(t->pool + off, s, n);
    t->pool[off + n] = 0;
    t->pool_len += n + 1;
    return off;
}

static void pair_add(morph_table *t, uint32_t base, uint32_t form)
{
    t->pairs = xgrow(t->pairs, t->npairs, &t->cpairs, sizeof *t->pairs, 4096);
    t->pairs[t->npairs] = (morph_pair){base, form, t->npairs};
    t->npairs++;
}

static const char *sort_pool;

static int cmp_pair(const void *a, const void *b)
{
    const morph_pair *x = a, *y = b;
    int c = strcmp(sort_pool + x->base, sort_pool + y->base);
    if (c) return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

static void table_index(morph_table *t)
{
    sort_pool = t->pool;
    qsort(t->pairs, t->npairs, sizeof *t->pairs, cmp_pair);
    uint32_t cap = 16;
    while (cap < t->npairs * 2 + 2) cap *= 2;
    t->mask = cap - 1;
    t->slot_first = calloc(cap, sizeof *t->slot_first);
    t->slot_n = calloc(cap, sizeof *t->slot_n);
    if (!t->slot_first || !t->slot_n) { fputs("dyad: out of memory\n", stderr); abort(); }
    for (uint32_t i = 0; i < t->npairs;) {
        uint32_t j = i;
        const char *b = t->pool + t->pairs[i].base;
        while (j < t->npairs && !strcmp(t->pool + t->pairs[j].base, b)) j++;
        uint32_t s = hash_str(b) & t->mask;
        while (t->slot_first[s]) s = (s + 1) & t->mask;
        t->slot_first[s] = i + 1;
        t->slot_n[s] = j - i;
        i = j;
    }
}

/* Read "form base [base ...]" lines into t; returns pairs read or -1. */
static int table_load(morph_table *t, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        size_t len = strlen(line);
        if (len == sizeof line - 1 && line[len - 1] != '\n') {
            int c;   /* overlong line: skip its rest */
            while ((c = fgetc(f)) != EOF && c != '\n') {}
            continue;
        }
        char *words[16];
        int nw = 0;
        for (char *p = line; *p && nw < 16;) {
            while (*p && isspace((unsigned char)*p)) p++;
            if (!*p) break;
            words[nw++] = p;
            while (*p && !isspace((unsigned char)*p)) { *p = (char)tolower((unsigned char)*p); p++; }
            if (*p) *p++ = 0;
        }
        if (nw < 2) continue;
        uint32_t form = pool_add(t, words[0], strlen(words[0]));
        for (int i = 1; i < nw; i++) {
            if (!strcmp(words[i], words[0])) continue;
            pair_add(t, pool_add(t, words[i], strlen(words[i])), form);
        }
    }
    fclose(f);
    table_index(t);
    return (int)t->npairs;
}

static void lazy_load(void)
{
    if (loaded) return;   /* lex_morph_init() ran first */
    const char *p = getenv("DYAD_WORDNET_VERB_EXC");
    table_load(&table, p && *p ? p : LEX_MORPH_DEFAULT);
    loaded = 1;
}

int lex_morph_init(const char *path)
{
    pthread_once(&lazy_once, lazy_load);   /* settle the once first */
    table_free(&table);
    loaded = 1;
    return table_load(&table, path ? path : LEX_MORPH_DEFAULT);
}

int lex_morph_count(void)
{
    pthread_once(&lazy_once, lazy_load);
    return (int)table.npairs;
}

void lex_morph_free(void)
{
    pthread_once(&lazy_once, lazy_load);
    table_free(&table);
}

int lex_irregular_forms(const char *base, char forms[][LEX_FORM_MAX], int max)
{
    if (!base || max <= 0) return 0;
    pthread_once(&lazy_once, lazy_load);
    if (!table.npairs) return 0;
    char key[128];
    size_t n = 0;
    int upper = 1;
    for (const char *s = base; *s; s++) {
        if (n >= sizeof key - 1) return 0;
        unsigned char c = (unsigned char)*s;
        if (islower(c)) upper = 0;
        key[n++] = c == ' ' ? '_' : (char)tolower(c);
    }
    key[n] = 0;
    if (!n) return 0;
    uint32_t s = hash_str(key) & table.mask;
    while (table.slot_first[s]) {
        uint32_t i = table.slot_first[s] - 1;
        if (!strcmp(table.pool + table.pairs[i].base, key)) {
            int k = 0;
            for (uint32_t j = 0; j < table.slot_n[s] && k < max; j++) {
                const char *f = table.pool + table.pairs[i + j].form;
                size_t fl = strlen(f);
                if (fl >= LEX_FORM_MAX) continue;
                for (size_t c = 0; c <= fl; c++)
                    forms[k][c] = upper ? (char)toupper((unsigned char)f[c]) : f[c];
                k++;
            }
            return k;
        }
        s = (s + 1) & table.mask;
    }
    return 0;
}
