/* lexicon.c: the dictionary model, its builder and its word/phrase index. */
#include "lexicon/lexicon.h"
#include "util/xalloc.h"
#include "lexicon/pico.h"
#include <ctype.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


enum { MAX_EXPANSIONS = 4096, MAX_WORDS = 64 };

lexicon *lex_new(void)
{
    lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) { fputs("dyad: out of memory\n", stderr); abort(); }
    strtab_init(&lx->str);
    buf_init(&lx->errors);
    /* Index 0 of choices is never used so that 0 can mean "none". */
    XGROW(lx->choices, lx->nchoices, lx->cchoices);
    lx->choices[lx->nchoices++] = (lex_choice){0, 0, 0};
    return lx;
}

static void index_free(lex_index *ix)
{
    free(ix->slot_word); free(ix->slot_first); free(ix->slot_n); free(ix->list);
    memset(ix, 0, sizeof *ix);
}

void lex_free(lexicon *lx)
{
    if (!lx) return;
    strtab_free(&lx->str);
    free(lx->elems); free(lx->phrases); free(lx->choices); free(lx->verbs);
    free(lx->patterns); free(lx->patorder); free(lx->keys); free(lx->keypos);
    for (uint32_t i = 0; i < lx->nsynsets; i++) free(lx->synsets[i].members);
    free(lx->synsets);
    free(lx->pico);
    free(lx->pico_sorted);
    free(lx->xforms);
    for (uint32_t i = 0; i < lx->nfiles; i++) free(lx->files[i]);
    free(lx->files);
    index_free(&lx->exact_ix);
    index_free(&lx->stem_ix);
    buf_free(&lx->errors);
    free(lx);
}

uint32_t lex_file(lexicon *lx, const char *path)
{
    lx->files = xrealloc(lx->files, (lx->nfiles + 1) * sizeof *lx->files);
    lx->files[lx->nfiles] = strdup(path);
    return lx->nfiles++;
}

void lex_error(lexicon *lx, lex_src src, const char *fmt, ...)
{
    const char *file = src.file < lx->nfiles ? lx->files[src.file] : "?";
    buf_printf(&lx->errors, "%s:%u: ", file, src.line);
    va_list ap;
    va_start(ap, fmt);
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    buf_adds(&lx->errors, msg);
    buf_addc(&lx->errors, '\n');
    lx->nerrors++;
}

/* ---- codes ---- */

int lex_parse_code(const char *s, lex_code *out)
{
    memset(out, 0, sizeof *out);
    while (*s == ' ' || *s == '[') s++;
    char tmp[32];
    size_t n = 0;
    for (; *s && *s != ']' && n < sizeof tmp - 1; s++)
        if (*s != ' ') tmp[n++] = *s;
    tmp[n] = 0;
    if (!n) return -1;
    if (!strcmp(tmp, "---")) { out->flags = LEX_CODE_NULL; return 0; }
    if (!strcmp(tmp, "###")) { out->flags = LEX_CODE_DISCARD; return 0; }
    if (!strcmp(tmp, "+++")) { out->flags = LEX_CODE_COMPLEX; return 0; }
    char *q = strchr(tmp, '?');
    if (q) { out->flags |= LEX_CODE_SUBORD; *q = 0; }
    q = strchr(tmp, '!');
    if (q) { out->flags |= LEX_CODE_DOMINANT; *q = 0; }
    q = strchr(tmp, ':');
    if (q) {
        *q = 0;
        out->flags |= LEX_CODE_PAIRED;
        size_t pl = strlen(q + 1);
        if (pl >= sizeof out->pair) return -1;
        memcpy(out->pair, q + 1, pl + 1);
    }
    size_t cl = strlen(tmp);
    if (cl >= sizeof out->code) return -1;
    memcpy(out->code, tmp, cl + 1);
    return out->code[0] ? 0 : -1;
}

int lex_parse_date(const char *s, size_t n, int *out)
{
    char d[16];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof d - 1; i++)
        if (isdigit((unsigned char)s[i])) d[k++] = s[i];
        else if (s[i] != '-') return -1;
    d[k] = 0;
    long v = atol(d);
    if (k == 6) {
        long yy = v / 10000;
        v += (yy <= 30 ? 20000000 : 19000000);
    } else if (k != 8) return -1;
    int mm = (int)(v / 100 % 100), dd = (int)(v % 100);
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return -1;
    *out = (int)v;
    return 0;
}

/* One code choice: "CODE", "CODE <D", "CODE >D", "CODE D-D", "CODE D..D", "CODE D..". */
static int parse_choice(lexicon *lx, const char *s, size_t n, lex_src src)
{
    while (n && isspace((unsigned char)*s)) { s++; n--; }
    /* "- - -", "# # #", "+ + +": the special codes spaced out for reading. */
    if (n >= 5 && strchr("-#+", s[0]) && s[1] == ' ' && s[2] == s[0] && s[3] == ' ' && s[4] == s[0]) {
        char sp[3] = {s[0], s[0], s[0]};
        const char *rest = s + 5;
        size_t rn = n - 5;
        char tmp[128];
        snprintf(tmp, sizeof tmp, "%.3s%.*s", sp, (int)(rn < 100 ? rn : 100), rest);
        return parse_choice(lx, tmp, strlen(tmp), src);
    }
    while (n && isspace((unsigned char)s[n - 1])) n--;
    size_t c = 0;
    while (c < n && !isspace((unsigned char)s[c]) && s[c] != '<' && s[c] != '>') c++;
    if (!c) { lex_error(lx, src, "empty code in [...]"); return -1; }
    lex_choice ch = {strtab_intern(&lx->str, s, c), 0, 99999999};
    const char *r = s + c, *end = s + n;
    while (r < end && isspace((unsigned char)*r)) r++;
    if (r < end) {
        char rest[64];
        size_t k = 0;
        for (; r < end && k < sizeof rest - 1; r++) if (!isspace((unsigned char)*r)) rest[k++] = *r;
        rest[k] = 0;
        int a, b;
        char *dots = strstr(rest, "..");
        if (rest[0] == '<' && !lex_parse_date(rest + 1, strlen(rest + 1), &b)) ch.to = b;
        else if (rest[0] == '>' && !lex_parse_date(rest + 1, strlen(rest + 1), &a)) ch.from = a;
        else if (dots) {
            size_t la = (size_t)(dots - rest), lb = strlen(dots + 2);
            if ((la && lex_parse_date(rest, la, &a)) || (lb && lex_parse_date(dots + 2, lb, &b))) goto bad;
            if (la) ch.from = a;
            if (lb) ch.to = b;
        } else if (strlen(rest) == 13 && rest[6] == '-' &&
                   !lex_parse_date(rest, 6, &a) && !lex_parse_date(rest + 7, 6, &b)) {
            ch.from = a; ch.to = b;
        } else goto bad;
    }
    XGROW(lx->choices, lx->nchoices, lx->cchoices);
    lx->choices[lx->nchoices++] = ch;
    return 0;
bad:
    lex_error(lx, src, "bad date restriction in code block \"%.*s\"", (int)n, s);
    return -1;
}

int lex_parse_choices(lexicon *lx, const char *s, lex_src src, uint32_t *first)
{
    *first = lx->nchoices;
    int added = 0;
    const char *p = s;
    int bracketed = strchr(s, '[') != NULL;
    if (!bracketed) return parse_choice(lx, s, strlen(s), src) ? 0 : 1;
    while ((p = strchr(p, '['))) {
        const char *e = strchr(p, ']');
        if (!e) { lex_error(lx, src, "missing ] in code block"); return 0; }
        if (parse_choice(lx, p + 1, (size_t)(e - p - 1), src)) return 0;
        added++;
        p = e + 1;
    }
    return added;
}

uint32_t lex_resolve(const lexicon *lx, const lex_phrase *p, int date)
{
    uint32_t dflt = 0;
    for (uint32_t i = 0; i < p->nchoice; i++) {
        const lex_choice *c = &lx->choices[p->choice0 + i];
        int dated = c->from != 0 || c->to != 99999999;
        if (!dated) { if (!dflt) dflt = c->code; continue; }
        if (date && date >= c->from && date <= c->to) return c->code;
    }
    if (dflt) return dflt;
    if (!date && p->nchoice) return lx->choices[p->choice0].code;
    return p->nchoice ? strtab_intern((strtab *)&lx->str, "---", 3) : 0;
}

/* ---- phrase parsing ---- */

/* Split TABARI phrase text into elements appended to lx->elems. `verbish`
 * selects verb endings for LEX_ENDS; `pattern` allows * $ + % ^ tokens. */
static int parse_elems(lexicon *lx, const char *text, int pattern, int verbish, unsigned word_flags,
                       lex_src src, uint32_t *first, uint32_t *n, uint32_t *letters)
{
    *first = lx->nelems;
    *n = 0;
    *letters = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '_') p++;
        if (!*p) break;
        const char *w = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '_') p++;
        size_t len = (size_t)(p - w);
        lex_elem e = {0, LEX_WORD, LEX_STEM, 0, 0};
        int tilde = 0, eq = 0;
        if (len && w[len - 1] == '~') { tilde = 1; len--; }
        if (len && w[len - 1] == '=') { eq = 1; len--; }
        if (!len) continue;
        if (len == 1 && strchr("*$+%^", w[0])) {
            if (!pattern) { lex_error(lx, src, "'%c' outside a verb pattern", w[0]); return -1; }
            e.kind = w[0] == '*' ? LEX_VERB : w[0] == '$' ? LEX_SOURCE : w[0] == '+' ? LEX_TARGET
                   : w[0] == '%' ? LEX_COMPOUND : LEX_SKIP;
        } else {
            char up[128];
            if (len >= sizeof up) { lex_error(lx, src, "word too long"); return -1; }
            for (size_t i = 0; i < len; i++) up[i] = (char)toupper((unsigned char)w[i]);
            e.word = strtab_intern(&lx->str, up, len);
            e.len = (uint8_t)(len > 255 ? 255 : len);
            *letters += (uint32_t)len;
            int followed_by_us = *p == '_';
            if (eq) { e.how = LEX_EXACT; e.flags |= LEX_NOENDS; }
            else if (followed_by_us && !tilde) e.how = LEX_EXACT;
            if (verbish) e.flags |= LEX_VERBENDS;
            if (e.how == LEX_EXACT && (word_flags & LEX_PAT_ENDINGS) && !eq) e.flags |= LEX_ENDS;
        }
        /* "A_B": B follows A immediately; "A_ B" only makes A exact. */
        if (*p == '_' && p[1] && p[1] != ' ' && p[1] != '\t') e.flags |= LEX_ADJ_NEXT;
        XGROW(lx->elems, lx->nelems, lx->celems);
        lx->elems[lx->nelems++] = e;
        (*n)++;
        if (*n > MAX_WORDS) { lex_error(lx, src, "phrase too long"); return -1; }
    }
    if (!*n) { lex_error(lx, src, "empty phrase"); return -1; }
    /* The last element never needs adjacency to a following one. */
    lx->elems[lx->nelems - 1].flags &= (uint8_t)~LEX_ADJ_NEXT;
    return 0;
}

static void normalise_text(const char *in, char *out, size_t cap)
{
    /* Hyphens join words like '_' does ("BARAD-DUR"); "---" stays a code.
     * Treebank-split contractions, as PETRARCH writes them, are joined the
     * way dyad's tokeniser keeps them: "DID N'T" -> "DIDN'T". */
    size_t k = 0;
    for (; *in && k < cap - 1; in++) {
        if ((*in == ' ' || *in == '_') && (in[1] == 'N' || in[1] == 'n') && in[2] == '\'' &&
            (in[3] == 'T' || in[3] == 't') && (!in[4] || in[4] == ' ' || in[4] == '_' || in[4] == '=')) {
            if (k && out[k - 1] == '=') k--;
            continue;
        }
        int run = in[0] == '-' && (in[1] == '-' || (k > 0 && out[k - 1] == '-'));
        out[k] = (*in == '-' && !run) ? '_' : *in;
        k++;
    }
    out[k] = 0;
}

uint32_t lex_add_phrase(lexicon *lx, lex_class cls, const char *text, uint32_t choice0,
                        uint16_t nchoice, lex_src src)
{
    char norm[1024];
    normalise_text(text, norm, sizeof norm);
    lex_phrase ph = {0};
    if (parse_elems(lx, norm, 0, cls == LEX_VERBROOT, 0, src, &ph.first, &ph.n, &ph.letters)) return UINT32_MAX;
    /* Regular endings on the last word of a noun-like phrase or a verb form. */
    lex_elem *last = &lx->elems[ph.first + ph.n - 1];
    if (!(last->flags & LEX_NOENDS) && cls != LEX_TIME && cls != LEX_DISCARD) last->flags |= LEX_ENDS;
    ph.cls = (uint8_t)cls;
    ph.choice0 = choice0;
    ph.nchoice = nchoice;
    ph.parent = lx->nphrases;
    ph.text = strtab_intern(&lx->str, text, strlen(text));
    ph.src = src;
    XGROW(lx->phrases, lx->nphrases, lx->cphrases);
    lx->phrases[lx->nphrases] = ph;
    lx->compiled = 0;
    return lx->nphrases++;
}

void lex_set_parent(lexicon *lx, uint32_t syn, uint32_t parent)
{
    if (syn < lx->nphrases) lx->phrases[syn].parent = parent;
}

uint32_t lex_add_verb(lexicon *lx, const char *root, const lex_code *code, lex_src src)
{
    XGROW(lx->verbs, lx->nverbs, lx->cverbs);
    lex_verb *v = &lx->verbs[lx->nverbs];
    memset(v, 0, sizeof *v);
    v->code = *code;
    v->text = strtab_intern(&lx->str, root, strlen(root));
    v->src = src;
    uint32_t id = lx->nverbs++;
    if (lex_add_verb_form(lx, id, root, src)) { lx->nverbs--; return UINT32_MAX; }
    return id;
}

int lex_add_verb_form(lexicon *lx, uint32_t verb, const char *form, lex_src src)
{
    uint32_t ph = lex_add_phrase(lx, LEX_VERBROOT, form, 0, 0, src);
    if (ph == UINT32_MAX) return -1;
    lx->phrases[ph].verb = verb;
    return 0;
}

/* ---- synsets and alternatives ---- */

static lex_synset *find_synset(lexicon *lx, const char *name, size_t n)
{
    for (uint32_t i = 0; i < lx->nsynsets; i++) {
        const char *s = lex_str(lx, lx->synsets[i].name);
        if (strlen(s) == n && !strncmp(s, name, n)) return &lx->synsets[i];
    }
    return NULL;
}

int lex_add_synset_member(lexicon *lx, const char *name, const char *member, lex_src src)
{
    size_t nl = strlen(name);
    while (nl && isspace((unsigned char)name[nl - 1])) nl--;
    lex_synset *s = find_synset(lx, name, nl);
    if (!s) {
        XGROW(lx->synsets, lx->nsynsets, lx->csynsets);
        s = &lx->synsets[lx->nsynsets++];
        memset(s, 0, sizeof *s);
        s->name = strtab_intern(&lx->str, name, nl);
    }
    if (!member) return 0;
    while (isspace((unsigned char)*member)) member++;
    size_t ml = strlen(member);
    while (ml && isspace((unsigned char)member[ml - 1])) ml--;
    if (!ml) { lex_error(lx, src, "empty synset member"); return -1; }
    char norm[1024];
    snprintf(norm, sizeof norm, "%.*s", (int)(ml < 1000 ? ml : 1000), member);
    char joined[1024];
    normalise_text(norm, joined, sizeof joined);
    XGROW(s->members, s->n, s->cap);
    s->members[s->n++] = strtab_intern(&lx->str, joined, strlen(joined));
    return 0;
}

typedef struct expand_ctx {
    lexicon *lx;
    uint32_t verb;
    const lex_code *code;
    lex_src src;
    const char *written;
    unsigned flags;
    int synset_used;
    int count;
    int depth;
} expand_ctx;

static void add_flat_pattern(expand_ctx *x, const char *flat)
{
    lexicon *lx = x->lx;
    lex_pattern pt = {0};
    if (parse_elems(lx, flat, 1, 0, x->flags, x->src, &pt.first, &pt.n, &pt.letters)) return;
    int verbs = 0;
    for (uint32_t i = 0; i < pt.n; i++)
        if (lx->elems[pt.first + i].kind == LEX_VERB) { verbs++; pt.verb_at = i; }
    if (verbs != 1) {
        lex_error(lx, x->src, "pattern needs exactly one '*': %s", x->written);
        lx->nelems = pt.first;
        return;
    }
    pt.code = *x->code;
    pt.verb = x->verb;
    pt.from_synset = x->synset_used;
    pt.text = strtab_intern(&lx->str, x->written, strlen(x->written));
    pt.src = x->src;
    XGROW(lx->patterns, lx->npatterns, lx->cpatterns);
    lx->patterns[lx->npatterns++] = pt;
    x->count++;
}

static void expand(expand_ctx *x, const char *s)
{
    if (x->count >= MAX_EXPANSIONS || x->depth > 16) {
        if (x->count >= MAX_EXPANSIONS) lex_error(x->lx, x->src, "pattern expands to too many variants");
        return;
    }
    const char *brace = strchr(s, '{');
    const char *amp = strchr(s, '&');
    if (brace && (!amp || brace < amp)) {
        int depth = 0;
        const char *close = NULL;
        for (const char *q = brace; *q; q++) {
            if (*q == '{') depth++;
            else if (*q == '}' && --depth == 0) { close = q; break; }
        }
        if (!close) { lex_error(x->lx, x->src, "unbalanced { in pattern"); return; }
        const char *alt = brace + 1;
        for (;;) {
            const char *bar = alt;
            int d = 0;
            while (bar < close && !(d == 0 && *bar == '|')) {
                if (*bar == '{') d++;
                else if (*bar == '}') d--;
                bar++;
            }
            const char *a = alt, *b = bar;
            while (a < b && isspace((unsigned char)*a)) a++;
            while (b > a && isspace((unsigned char)b[-1])) b--;
            size_t need = (size_t)(brace - s) + (size_t)(b - a) + strlen(close + 1) + 1;
            char *v = malloc(need);
            if (!v) abort();
            snprintf(v, need, "%.*s%.*s%s", (int)(brace - s), s, (int)(b - a), a, close + 1);
            x->depth++;
            expand(x, v);
            x->depth--;
            free(v);
            if (bar >= close) break;
            alt = bar + 1;
        }
        return;
    }
    if (amp) {
        const char *e = amp + 1;
        while (*e && (isalnum((unsigned char)*e) || *e == '-')) e++;
        lex_synset *syn = find_synset(x->lx, amp, (size_t)(e - amp));
        if (!syn) { lex_error(x->lx, x->src, "unknown synset %.*s", (int)(e - amp), amp); return; }
        int was = x->synset_used;
        x->synset_used = 1;
        for (uint32_t i = 0; i < syn->n; i++) {
            const char *m = lex_str(x->lx, syn->members[i]);
            if (*m == '+') m++;
            size_t need = (size_t)(amp - s) + strlen(m) + strlen(e) + 1;
            char *v = malloc(need);
            if (!v) abort();
            /* TABARI does not hold a multi-word member's last word to a '_'
             * after the synset ("&NEG_EVER" matches "did not even ever"). */
            snprintf(v, need, "%.*s%s%s", (int)(amp - s), s, m, e);
            if (*e == '_' && strpbrk(m, " _")) v[(amp - s) + (ptrdiff_t)strlen(m)] = ' ';
            x->depth++;
            expand(x, v);
            x->depth--;
            free(v);
        }
        x->synset_used = was;
        return;
    }
    add_flat_pattern(x, s);
}

int lex_add_pattern(lexicon *lx, uint32_t verb, const char *pattern, const lex_code *code, lex_src src,
                    unsigned flags)
{
    char norm[2048];
    normalise_text(pattern, norm, sizeof norm);
    expand_ctx x = {lx, verb, code, src, pattern, flags, 0, 0, 0};
    expand(&x, norm);
    lx->compiled = 0;
    return x.count;
}

/* ---- matching ---- */

static int has_suffix_match(const char *w, size_t n, const char *base, size_t bl, const char *suf)
{
    size_t sl = strlen(suf);
    return n == bl + sl && !memcmp(w, base, bl) && !memcmp(w + bl, suf, sl);
}

int lex_word_matches(const lexicon *lx, const lex_elem *e, const char *w, size_t n)
{
    const char *base = strtab_str(&lx->str, e->word);
    size_t bl = strtab_len(&lx->str, e->word);
    if (e->how == LEX_STEM) return n >= bl && !memcmp(w, base, bl);
    if (n == bl) return !memcmp(w, base, bl);
    if (!(e->flags & LEX_ENDS) || (e->flags & LEX_NOENDS) || n < bl) return 0;
    if (has_suffix_match(w, n, base, bl, "S") || has_suffix_match(w, n, base, bl, "ES")) return 1;
    if (!(e->flags & LEX_VERBENDS)) return 0;
    static const char *vends[] = {"ED", "EN", "ING", "D", "N"};
    for (size_t i = 0; i < sizeof vends / sizeof *vends; i++)
        if (has_suffix_match(w, n, base, bl, vends[i])) return 1;
    /* E-drop (ACCUSE -> ACCUSING), Y -> IES/IED, doubled final consonant. */
    if (bl > 2 && base[bl - 1] == 'E' && n == bl + 2 && !memcmp(w, base, bl - 1) && !memcmp(w + bl - 1, "ING", 3))
        return 1;
    if (bl > 2 && base[bl - 1] == 'Y' && n == bl + 2 && !memcmp(w, base, bl - 1) &&
        (!memcmp(w + bl - 1, "IES", 3) || !memcmp(w + bl - 1, "IED", 3)))
        return 1;
    if (n >= bl + 3 && w[bl] == base[bl - 1] && !memcmp(w, base, bl) &&
        (has_suffix_match(w + 1, n - 1, base, bl, "ED") || has_suffix_match(w + 1, n - 1, base, bl, "ING")))
        return 1;
    return 0;
}

/* ---- index ---- */

typedef struct ix_pair { uint32_t key, phrase, letters, order; } ix_pair;

static int cmp_pair(const void *a, const void *b)
{
    const ix_pair *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    if (x->letters != y->letters) return x->letters > y->letters ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static void index_build(lex_index *ix, ix_pair *pairs, uint32_t n, const lexicon *lx, int stem)
{
    index_free(ix);
    qsort(pairs, n, sizeof *pairs, cmp_pair);
    uint32_t keys = 0;
    for (uint32_t i = 0; i < n; i++) if (!i || pairs[i].key != pairs[i - 1].key) keys++;
    uint32_t cap = 16;
    while (cap < keys * 2 + 2) cap *= 2;
    ix->mask = cap - 1;
    ix->slot_word = calloc(cap, sizeof *ix->slot_word);
    ix->slot_first = calloc(cap, sizeof *ix->slot_first);
    ix->slot_n = calloc(cap, sizeof *ix->slot_n);
    ix->list = malloc((n ? n : 1) * sizeof *ix->list);
    if (!ix->slot_word || !ix->slot_first || !ix->slot_n || !ix->list) abort();
    for (uint32_t i = 0; i < n;) {
        uint32_t j = i;
        while (j < n && pairs[j].key == pairs[i].key) { ix->list[j] = pairs[j].phrase; j++; }
        uint32_t h = strtab_hash(strtab_str(&lx->str, pairs[i].key), strtab_len(&lx->str, pairs[i].key));
        uint32_t s = h & ix->mask;
        while (ix->slot_word[s]) s = (s + 1) & ix->mask;
        ix->slot_word[s] = pairs[i].key;
        ix->slot_first[s] = i;
        ix->slot_n[s] = j - i;
        if (stem) {
            uint32_t l = strtab_len(&lx->str, pairs[i].key);
            ix->stem_lens[l < 63 ? l : 63] = 1;
        }
        i = j;
    }
}

static const lex_index *ix_lookup_bucket(const lexicon *lx, const lex_index *ix, const char *w, size_t n,
                                         uint32_t *first, uint32_t *cnt)
{
    if (!ix->mask) return NULL;
    uint32_t h = strtab_hash(w, n);
    uint32_t id = strtab_find_h(&lx->str, w, n, h);
    if (!id) return NULL;
    for (uint32_t s = h & ix->mask; ix->slot_word[s]; s = (s + 1) & ix->mask)
        if (ix->slot_word[s] == id) { *first = ix->slot_first[s]; *cnt = ix->slot_n[s]; return ix; }
    return NULL;
}

static void build_pattern_keys(lexicon *lx);

/* qsort has no context argument in C11; compile runs once, single-threaded. */
static const lexicon *sort_lx;

static int cmp_patorder(const void *a, const void *b)
{
    const lexicon *lx = sort_lx;
    const lex_pattern *x = &lx->patterns[*(const uint32_t *)a], *y = &lx->patterns[*(const uint32_t *)b];
    uint32_t vx = x->verb, vy = y->verb;
    if (vx != vy) return vx < vy ? -1 : 1;
    if (x->letters != y->letters) return x->letters > y->letters ? -1 : 1;
    if (x->from_synset != y->from_synset) return x->from_synset ? 1 : -1;
    return *(const uint32_t *)a < *(const uint32_t *)b ? -1 : 1;
}

void lex_compile(lexicon *lx)
{
    lex_pico_compile(lx);
    ix_pair *ex = malloc((lx->nphrases + 1) * sizeof *ex), *st = malloc((lx->nphrases + 1) * sizeof *st);
    if (!ex || !st) abort();
    uint32_t nex = 0, nst = 0;
    for (uint32_t i = 0; i < lx->nphrases; i++) {
        const lex_phrase *p = &lx->phrases[i];
        const lex_elem *e = &lx->elems[p->first];
        ix_pair pr = {e->word, i, p->letters, i};
        if (e->how == LEX_STEM) st[nst++] = pr;
        else ex[nex++] = pr;
    }
    index_build(&lx->exact_ix, ex, nex, lx, 0);
    index_build(&lx->stem_ix, st, nst, lx, 1);
    free(ex);
    free(st);
    /* Patterns grouped by verb, longest first. */
    free(lx->patorder);
    lx->patorder = malloc((lx->npatterns + 1) * sizeof *lx->patorder);
    if (!lx->patorder) abort();
    for (uint32_t i = 0; i < lx->npatterns; i++) lx->patorder[i] = i;
    sort_lx = lx;
    qsort(lx->patorder, lx->npatterns, sizeof *lx->patorder, cmp_patorder);
    for (uint32_t v = 0; v < lx->nverbs; v++) lx->verbs[v].npat = 0;
    for (uint32_t i = 0; i < lx->npatterns; i++) {
        uint32_t v = lx->patterns[lx->patorder[i]].verb;
        if (v >= lx->nverbs) continue;
        if (!lx->verbs[v].npat) lx->verbs[v].pat0 = i;
        lx->verbs[v].npat++;
    }
    build_pattern_keys(lx);
    lx->compiled = 1;
}

static uint32_t pattern_key(const lexicon *lx, const lex_pattern *pt)
{
    uint32_t key = 0, best = 0;
    for (uint32_t k = 0; k < pt->n; k++) {
        const lex_elem *e = &lx->elems[pt->first + k];
        if (e->kind == LEX_WORD && e->len > best) { best = e->len; key = e->word; }
    }
    return key;
}

typedef struct keyed { uint32_t key, pos; } keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static void build_pattern_keys(lexicon *lx)
{
    free(lx->keys);
    free(lx->keypos);
    lx->keys = malloc((lx->npatterns + 1) * sizeof *lx->keys);
    lx->keypos = malloc((lx->npatterns + 1) * sizeof *lx->keypos);
    keyed *tmp = malloc((lx->npatterns + 1) * sizeof *tmp);
    if (!lx->keys || !lx->keypos || !tmp) abort();
    lx->nkeys = 0;
    uint32_t npos = 0;
    for (uint32_t v = 0; v < lx->nverbs; v++) {
        lex_verb *vb = &lx->verbs[v];
        for (uint32_t k = 0; k < vb->npat; k++)
            tmp[k] = (keyed){pattern_key(lx, &lx->patterns[lx->patorder[vb->pat0 + k]]), k};
        qsort(tmp, vb->npat, sizeof *tmp, cmp_keyed);
        vb->key0 = lx->nkeys;
        for (uint32_t k = 0; k < vb->npat;) {
            uint32_t j = k;
            lx->keys[lx->nkeys] = (struct lex_key){tmp[k].key, npos, 0};
            while (j < vb->npat && tmp[j].key == tmp[k].key) lx->keypos[npos++] = tmp[j++].pos;
            lx->keys[lx->nkeys++].n = j - k;
            k = j;
        }
        vb->nkey = lx->nkeys - vb->key0;
    }
    free(tmp);
}

/* Regular endings to strip from a text word to find an exact-keyed base. */
static const char *const strip_ends[] = {"S", "ES", "ED", "EN", "ING", "D", "N"};

void lex_candidates(const lexicon *lx, const char *w, size_t n, lex_visit_fn fn, void *ctx)
{
    uint32_t first, cnt;
    if (ix_lookup_bucket(lx, &lx->exact_ix, w, n, &first, &cnt))
        for (uint32_t i = 0; i < cnt; i++) fn(ctx, lx->exact_ix.list[first + i]);
    char tmp[128];
    for (size_t k = 0; k < sizeof strip_ends / sizeof *strip_ends; k++) {
        size_t sl = strlen(strip_ends[k]);
        if (n <= sl + 1 || memcmp(w + n - sl, strip_ends[k], sl)) continue;
        if (ix_lookup_bucket(lx, &lx->exact_ix, w, n - sl, &first, &cnt))
            for (uint32_t i = 0; i < cnt; i++) fn(ctx, lx->exact_ix.list[first + i]);
        /* ACCUSING -> ACCUSE, CITIES -> CITY, PLANNED -> PLAN */
        if (n - sl + 1 < sizeof tmp && (!strcmp(strip_ends[k], "ING") || !strcmp(strip_ends[k], "ED"))) {
            memcpy(tmp, w, n - sl);
            tmp[n - sl] = 'E';
            if (ix_lookup_bucket(lx, &lx->exact_ix, tmp, n - sl + 1, &first, &cnt))
                for (uint32_t i = 0; i < cnt; i++) fn(ctx, lx->exact_ix.list[first + i]);
            if (n - sl >= 2 && w[n - sl - 1] == w[n - sl - 2] &&
                ix_lookup_bucket(lx, &lx->exact_ix, w, n - sl - 1, &first, &cnt))
                for (uint32_t i = 0; i < cnt; i++) fn(ctx, lx->exact_ix.list[first + i]);
        }
        if ((!strcmp(strip_ends[k], "ES") || !strcmp(strip_ends[k], "ED")) && n >= 4 && w[n - 3] == 'I' &&
            n - 2 < sizeof tmp) {
            memcpy(tmp, w, n - 3);
            tmp[n - 3] = 'Y';
            if (ix_lookup_bucket(lx, &lx->exact_ix, tmp, n - 2, &first, &cnt))
                for (uint32_t i = 0; i < cnt; i++) fn(ctx, lx->exact_ix.list[first + i]);
        }
    }
    size_t maxl = n < 63 ? n : 63;
    for (size_t l = maxl; l >= 1; l--) {
        if (!lx->stem_ix.stem_lens[l]) continue;
        if (ix_lookup_bucket(lx, &lx->stem_ix, w, l, &first, &cnt))
            for (uint32_t i = 0; i < cnt; i++) fn(ctx, lx->stem_ix.list[first + i]);
    }
}
