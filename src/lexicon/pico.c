/* pico.c: PETRARCH-2's internal coding ontology and verb transformations. */
#include "lexicon/pico.h"
#include "util/xalloc.h"
#include "lexicon/load_mem.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* "0x1000-0xFFFF", "-0xFFFF+0x2040+0x300": hex terms added and subtracted.
 * Stops at '#', the start of a comment (or of an alternative reading the
 * file keeps for its readers). 0 on success. */
static int parse_value(const char *s, int32_t *out)
{
    int64_t v = 0;
    int terms = 0;
    while (*s && *s != '#') {
        while (*s == ' ' || *s == '\t' || *s == '\r') s++;
        if (!*s || *s == '#') break;
        int sign = 1;
        if (*s == '+' || *s == '-') { sign = *s == '-' ? -1 : 1; s++; }
        while (*s == ' ' || *s == '\t') s++;
        char *e;
        long long t = strtoll(s, &e, 0);
        if (e == s || t > 0xFFFFF) return -1;
        v += sign * t;
        terms++;
        s = e;
    }
    if (!terms) return -1;
    *out = (int32_t)v;
    return 0;
}

int lex_pico_sniff(const char *data, size_t len)
{
    /* The first entry line: digits or "---", ':', a number. */
    const char *p = data, *end = data + len;
    for (int lines = 0; p < end && lines < 200; lines++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        while (p < e && (*p == ' ' || *p == '\t')) p++;
        if (p < e && *p != '#' && *p != '\r') {
            const char *q = p;
            while (q < e && isdigit((unsigned char)*q)) q++;
            return q > p && q - p <= 4 && q + 2 < e && q[0] == ':' && (q[1] == '0' || q[1] == '-');
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}

int lex_load_pico_mem(lexicon *lx, const char *name, const char *data, size_t len)
{
    lex_src src = {lex_file(lx, name), 0};
    int added = 0;
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        src.line++;
        char line[256];
        size_t n = (size_t)(e - p) < sizeof line - 1 ? (size_t)(e - p) : sizeof line - 1;
        memcpy(line, p, n);
        line[n] = 0;
        p = nl ? nl + 1 : end;
        char *s = line;
        while (*s == ' ' || *s == '\t') s++;
        if (!*s || *s == '#' || *s == '\r') continue;
        char *colon = strchr(s, ':');
        size_t cl = colon ? (size_t)(colon - s) : 0;
        int32_t v;
        if (!colon || !cl || cl > 4 || parse_value(colon + 1, &v)) {
            lex_error(lx, src, "bad ontology line (want CODE:0xVALUE)");
            continue;
        }
        if (!strncmp(s, "---", 3)) continue;   /* "---:0", the null code */
        int digits = 1;
        for (size_t i = 0; i < cl; i++) if (!isdigit((unsigned char)s[i])) digits = 0;
        if (!digits) { lex_error(lx, src, "bad CAMEO code in ontology line"); continue; }
        XGROW(lx->pico, lx->npico, lx->cpico);
        lex_pico *pe = &lx->pico[lx->npico++];
        memcpy(pe->cameo, s, cl);
        pe->cameo[cl] = 0;
        pe->value = v;
        added++;
    }
    return added;
}

int lex_load_pico(lexicon *lx, const char *path) { return lex_load_path(lx, path, lex_load_pico_mem); }

/* An entry with its place in the file, for sorting by code. */
typedef struct placed { lex_pico e; uint32_t at; } placed;

static int cmp_placed(const void *a, const void *b)
{
    const placed *x = a, *y = b;
    int c = strcmp(x->e.cameo, y->e.cameo);
    return c ? c : (x->at > y->at) - (x->at < y->at);
}

void lex_pico_compile(lexicon *lx)
{
    free(lx->pico_sorted);
    lx->pico_sorted = NULL;
    lx->npico_sorted = 0;
    if (lx->npico) {
        placed *t = xrealloc(NULL, lx->npico * sizeof *t);
        for (uint32_t i = 0; i < lx->npico; i++) t[i] = (placed){lx->pico[i], i};
        qsort(t, lx->npico, sizeof *t, cmp_placed);
        lx->pico_sorted = xrealloc(NULL, lx->npico * sizeof *lx->pico_sorted);
        for (uint32_t i = 0; i < lx->npico; i++)   /* a code listed twice: the first one counts */
            if (!i || strcmp(t[i].e.cameo, t[i - 1].e.cameo)) lx->pico_sorted[lx->npico_sorted++] = t[i].e;
        free(t);
    }
    for (uint32_t i = 0; i < lx->nxforms; i++) {
        lex_xform *x = &lx->xforms[i];
        x->upper_v = lex_pico_of(lx, x->upper);
        x->lower_v = x->lower[0] ? lex_pico_of(lx, x->lower) : LEX_PICO_NONE;
    }
}

/* The entry for a code: binary search once compiled, else a scan. */
static const lex_pico *pico_entry(const lexicon *lx, const char *cameo)
{
    if (!lx->pico_sorted) {
        for (uint32_t i = 0; i < lx->npico; i++)
            if (!strcmp(lx->pico[i].cameo, cameo)) return &lx->pico[i];
        return NULL;
    }
    uint32_t lo = 0, hi = lx->npico_sorted;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (strcmp(lx->pico_sorted[mid].cameo, cameo) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo < lx->npico_sorted && !strcmp(lx->pico_sorted[lo].cameo, cameo) ? &lx->pico_sorted[lo] : NULL;
}

int32_t lex_pico_of(const lexicon *lx, const char *cameo)
{
    const lex_pico *e = pico_entry(lx, cameo);
    if (!e && strlen(cameo) >= 3) {
        char root[4] = {cameo[0], cameo[1], '0', 0};
        e = pico_entry(lx, root);
    }
    return e ? e->value : LEX_PICO_NONE;
}

const char *lex_pico_cameo(const lexicon *lx, int32_t value)
{
    for (uint32_t i = 0; i < lx->npico; i++)
        if (lx->pico[i].value == value) return lx->pico[i].cameo;
    /* PETRARCH-2's one listed exception: wanting to attack is a threat. */
    if (value == 0x30A0) return "138";
    return NULL;
}

int32_t lex_pico_combine(int32_t upper, int32_t lower)
{
    if (lower < 0) return lower + upper;               /* negated lower verb */
    if (upper >= 0x1000 && lower >= 0x1000) return lower;  /* two top-level verbs: the inner one */
    if (lower >= upper) return lower;
    return upper + lower;
}

/* The code a verb word carries in the loaded verb dictionary, or NULL. */
static const char *verb_code(const lexicon *lx, const char *word)
{
    uint32_t id = strtab_find(&lx->str, word, strlen(word));
    if (!id) return NULL;
    for (uint32_t i = 0; i < lx->nphrases; i++) {
        const lex_phrase *ph = &lx->phrases[i];
        if (ph->cls != LEX_VERBROOT || ph->n != 1 || lx->elems[ph->first].word != id) continue;
        const lex_code *c = &lx->verbs[ph->verb].code;
        if (!(c->flags & LEX_CODE_NULL) && c->code[0]) return c->code;
    }
    return NULL;
}

static int is_var(const char *t) { return strlen(t) == 1 && (islower((unsigned char)*t) || *t == '.' || *t == '_'); }

int lex_add_xform(lexicon *lx, const char *line, lex_src src)
{
    /* ~ UPSRC ( LOWSRC LOWTGT LOWVERB ) UPVERB = RESSRC RESTGT CODE */
    char buf[256], *tok[16];
    int nt = 0;
    size_t k = 0;
    for (const char *s = line; *s && k < sizeof buf - 4; s++) {
        if (*s == '(' || *s == ')' || *s == '=' || *s == '~') { buf[k++] = ' '; buf[k++] = *s; buf[k++] = ' '; }
        else buf[k++] = *s;
    }
    buf[k] = 0;
    for (char *t = strtok(buf, " \t\r"); t && nt < 16; t = strtok(NULL, " \t\r")) tok[nt++] = t;
    if (nt != 12 || strcmp(tok[0], "~") || strcmp(tok[2], "(") || strcmp(tok[6], ")") || strcmp(tok[8], "=") ||
        !is_var(tok[1]) || !is_var(tok[3]) || !is_var(tok[4]) || !is_var(tok[9]) || !is_var(tok[10])) {
        lex_error(lx, src, "bad transformation (want ~ a (b c VERB) VERB = a b CODE)");
        return -1;
    }
    lex_xform x;
    memset(&x, 0, sizeof x);
    x.src = src;
    x.up_src = tok[1][0];
    x.low_src = tok[3][0];
    x.low_tgt = tok[4][0];
    x.res_src = tok[9][0];
    x.res_tgt = tok[10][0];
    const char *up = verb_code(lx, tok[7]);
    const char *low = strcmp(tok[5], "Q") ? verb_code(lx, tok[5]) : "";
    if (!up || !low) {
        lex_error(lx, src, "transformation verb %s is not in the verb dictionary", up ? tok[5] : tok[7]);
        return -1;
    }
    snprintf(x.upper, sizeof x.upper, "%s", up);
    snprintf(x.lower, sizeof x.lower, "%s", low);
    if (strlen(tok[11]) >= sizeof x.code) { lex_error(lx, src, "bad transformation code %s", tok[11]); return -1; }
    snprintf(x.code, sizeof x.code, "%s", tok[11]);
    XGROW(lx->xforms, lx->nxforms, lx->cxforms);
    lx->xforms[lx->nxforms++] = x;
    return 0;
}

/* How closely code v matches a verb's value w: 1 exact, 2-4 the same with
 * the last 1-3 hex digits cleared (PETRARCH-2's masks); 0 no match. */
static int mask_match(int32_t v, int32_t w)
{
    if (v < 0 || w == LEX_PICO_NONE) return 0;
    static const int32_t m[] = {0x1, 0x10, 0x100, 0x1000};
    for (int i = 0; i < 4; i++) {
        int32_t c = v - v % m[i];
        if (c && c == w) return i + 1;
    }
    return 0;
}

const lex_xform *lex_xform_find(const lexicon *lx, int32_t uv, int32_t lv, int same_source, int no_source)
{
    const lex_xform *best = NULL;
    int best_score = 0;
    for (uint32_t i = 0; i < lx->nxforms; i++) {
        const lex_xform *x = &lx->xforms[i];
        int su = mask_match(uv, x->upper_v);
        if (!su) continue;
        int sl = x->lower[0] ? mask_match(lv, x->lower_v) : 5;
        if (!sl) continue;
        if (x->low_src == '_' ? !no_source : x->low_src == x->up_src ? !same_source
                              : x->low_src == '.' ? 0 : (no_source || same_source))
            continue;
        int score = su * 8 + sl;
        if (!best || score < best_score) { best = x; best_score = score; }
    }
    return best;
}
