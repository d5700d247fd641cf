/* load_dyad.c: dyad's own dictionary format (docs/dictionary-format.md).
 *
 *   # comment
 *   [actors]
 *   Belarus | Republic of Belarus => BLR
 *   Alexander Lukashenko | Lukashenko => BLRGOV 1994-07-20.. ; BLR
 *   [agents]
 *   troops | soldiers => ~MIL
 *   [synsets]
 *   &WEAPON = missile | rocket | artillery shell
 *   [verbs]
 *   036 negotiate | negotiation
 *     * with +            => 036
 *   [nouns] / [adjectives] / [discards]
 *   phrase | phrase
 *
 * Phrases: case-insensitive words that follow each other immediately; each
 * word matches exactly, the last one also with a regular ending; "word*" is
 * a stem (prefix), "word=" takes no ending. Patterns: a blank lets other
 * words come between, '_' requires adjacency; every exact word may take a
 * regular ending (LEX_PAT_ENDINGS). Everything is translated into the
 * lexicon's TABARI syntax (lexicon.h). */
#include "lexicon/load.h"
#include "util/xalloc.h"
#include "lexicon/load_mem.h"
#include "lexicon/morph.h"
#include "util/buf.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *bstr(const buf *b) { return b->data ? b->data : ""; }

typedef enum { S_NONE, S_BAD, S_ACTORS, S_AGENTS, S_SYNSETS, S_VERBS, S_NOUNS, S_ADJECTIVES, S_DISCARDS } section;

typedef struct dctx {
    lexicon *lx;
    lex_src src;
    section sec;
    uint32_t verb;          /* current verb for indented patterns */
    uint32_t discard[2];    /* shared choices "###" and "+###" */
    buf out, tmp;
    buf forms;              /* forms of the current verb line, NUL-separated */
    int added;
} dctx;

static int seen_form(dctx *x, const char *f)
{
    size_t n = strlen(f);
    for (size_t i = 0; i < x->forms.len;) {
        const char *g = x->forms.data + i;
        size_t gl = strlen(g);
        if (gl == n && !memcmp(g, f, n)) return 1;
        i += gl + 1;
    }
    buf_add(&x->forms, f, n + 1);
    return 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) s[--n] = 0;
    return s;
}

/* '#' starts a comment at the start of a line or after a blank, except
 * for the discard code "###" standing alone. */
static void cut_comment(char *s)
{
    for (char *p = s; *p; p++) {
        if (*p != '#') continue;
        if (p == s) { *p = 0; return; }
        if (p[-1] != ' ' && p[-1] != '\t') continue;
        if (p[1] == '#' && p[2] == '#' && (!p[3] || isspace((unsigned char)p[3]))) { p += 2; continue; }
        *p = 0;
        return;
    }
}

static void set_text(lexicon *lx, uint32_t ph, const char *s)
{
    while (isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) n--;
    if (ph < lx->nphrases && n) lx->phrases[ph].text = strtab_intern(&lx->str, s, n);
}

static int is_wsep(char c) { return c == ' ' || c == '\t' || c == '_' || c == '-'; }

/* A phrase ("Republic of Belarus", "Kursk*") in TABARI syntax: words
 * consecutive, exact ("W_"), stems "W" / "W~_", no-ending "W=". Returns the
 * number of words, or -1 after reporting a bad character. */
static int conv_phrase(dctx *x, const char *s, buf *out)
{
    buf_clear(out);
    int words = 0;
    const char *p = s;
    while (*p) {
        while (*p && is_wsep(*p)) p++;
        if (!*p) break;
        const char *w = p;
        while (*p && !is_wsep(*p)) p++;
        size_t n = (size_t)(p - w);
        int stem = 0, noends = 0;
        if (n > 1 && w[n - 1] == '*') { stem = 1; n--; }
        else if (n > 1 && w[n - 1] == '=') { noends = 1; n--; }
        for (size_t i = 0; i < n; i++) {
            if (strchr("*={}|~[]", w[i]) || (n == 1 && strchr("$+%^", w[i]))) {
                lex_error(x->lx, x->src, "'%c' not allowed in a phrase: %s", w[i], s);
                return -1;
            }
        }
        const char *q = p;
        while (*q && is_wsep(*q)) q++;
        int last = !*q;
        buf_add(out, w, n);
        if (stem) buf_adds(out, last ? "" : "~_");
        else if (noends) buf_adds(out, last ? "=" : "=_");
        else buf_addc(out, '_');
        words++;
    }
    if (!words) { lex_error(x->lx, x->src, "empty phrase"); return -1; }
    return words;
}

/* A pattern or synset member in TABARI syntax. member: blanks join words
 * like '_' and no markers are allowed. Returns 0 or -1 (reported). */
/* What goes between the previous element (kind prev, see conv_pattern) and
 * the next, adjacent or not, in the lexicon's TABARI syntax. */
static void connector(buf *out, int prev, int adj)
{
    if (prev == 1) { if (!adj) buf_addc(out, ' '); }
    else if (prev == 2) buf_adds(out, adj ? "~_" : " ");
    else if (prev >= 3) buf_adds(out, adj ? "_" : " ");
}

static int conv_pattern(dctx *x, const char *s, int member, buf *out)
{
    buf_clear(out);
    int prev = 0;   /* 0 none, 1 exact word, 2 stem, 3 no-ending word, 4 marker/synset, 5 brace */
    int elems = 0, depth = 0, verbs = 0;
    const char *p = s;
    while (*p) {
        int ws = 0, us = 0;
        while (*p && is_wsep(*p)) {
            if (*p == ' ' || *p == '\t') ws = 1; else us = 1;
            p++;
        }
        if (!*p) break;
        int adj = member ? 1 : (us && !ws);
        const char *t = p;
        int kind;
        if (*p == '{' || *p == '|' || *p == '}') {
            if (member) { lex_error(x->lx, x->src, "'%c' not allowed in a synset member", *p); return -1; }
            if (*p == '{') depth++;
            else if (!depth) { lex_error(x->lx, x->src, "'%c' outside { }", *p); return -1; }
            else if (*p == '}') depth--;
            /* No blanks around the braces: the lexicon splices each
             * alternative in place, so "by_{a | b}" and "{a | b}_*" keep
             * their adjacency. */
            if (*p == '{') connector(out, prev, adj);
            buf_addc(out, *p);
            prev = *p++ == '}' ? 5 : 0;
            continue;
        }
        if (strchr("*$+%^", *p) && (!p[1] || is_wsep(p[1]) || strchr("{|}", p[1]))) {
            if (member) { lex_error(x->lx, x->src, "'%c' not allowed in a synset member", *p); return -1; }
            kind = 4;
            verbs += *p == '*';
            p++;
        } else if (*p == '&') {
            p++;
            while (*p && isalnum((unsigned char)*p)) p++;
            if (p == t + 1) { lex_error(x->lx, x->src, "'&' must start a synset name"); return -1; }
            kind = 4;
        } else {
            while (*p && !is_wsep(*p) && !strchr("{|}", *p)) p++;
            kind = 1;
            if (p - t > 1 && p[-1] == '*') kind = 2;
            else if (p - t > 1 && p[-1] == '=') kind = 3;
            for (const char *q = t; q < p - (kind != 1); q++)
                if (strchr("*$+%^&=~[]", *q)) {
                    lex_error(x->lx, x->src, "character '%c' not allowed in a pattern word: %s", *q, s);
                    return -1;
                }
        }
        connector(out, prev, adj);
        if (kind == 1) { buf_add(out, t, (size_t)(p - t)); buf_addc(out, '_'); }
        else if (kind == 2 || kind == 3) buf_add(out, t, (size_t)(p - t) - (kind == 2));
        else buf_add(out, t, (size_t)(p - t));
        prev = kind;
        elems++;
    }
    if (depth) { lex_error(x->lx, x->src, "unbalanced { in pattern"); return -1; }
    if (!elems) { lex_error(x->lx, x->src, member ? "empty synset member" : "empty pattern"); return -1; }
    if (!member && verbs != 1) { lex_error(x->lx, x->src, "pattern needs exactly one '*' (the verb): %s", s); return -1; }
    return 0;
}

/* Split s at '|' into trimmed pieces (s is modified); returns the count. */
static int split_bar(char *s, char **parts, int max)
{
    int n = 0;
    for (char *p = s;;) {
        char *b = strchr(p, '|');
        if (b) *b = 0;
        if (n < max) parts[n++] = trim(p);
        if (!b) break;
        p = b + 1;
    }
    return n;
}

/* "phrase | phrase => CODE [range] ; CODE" for actors and agents. */
static void actor_line(dctx *x, char *s, lex_class cls)
{
    lexicon *lx = x->lx;
    char *arrow = strstr(s, "=>");
    if (!arrow) { lex_error(lx, x->src, "missing \"=> CODE\" after the %s", cls == LEX_ACTOR ? "actor" : "agent"); return; }
    *arrow = 0;
    char *codes = arrow + 2;
    uint32_t start = lx->nchoices;
    int bad = 0;
    for (char *p = codes;;) {
        char *semi = strchr(p, ';');
        if (semi) *semi = 0;
        char *c = trim(p);
        uint32_t first;
        if (!*c) { lex_error(lx, x->src, "empty code"); bad = 1; }
        else if (strchr(c, '[')) { lex_error(lx, x->src, "write codes without [ ]: %s", c); bad = 1; }
        else if (lex_parse_choices(lx, c, x->src, &first) != 1) bad = 1;
        if (!semi) break;
        p = semi + 1;
    }
    uint32_t n = lx->nchoices - start;
    if (bad || !n) return;
    if (n > 65535) { lex_error(lx, x->src, "too many codes"); return; }
    char *parts[256];
    int np = split_bar(s, parts, 256);
    uint32_t head = UINT32_MAX;
    for (int i = 0; i < np; i++) {
        if (conv_phrase(x, parts[i], &x->out) < 0) continue;
        uint32_t ph = lex_add_phrase(lx, cls, bstr(&x->out), start, (uint16_t)n, x->src);
        if (ph == UINT32_MAX) continue;
        set_text(lx, ph, parts[i]);
        if (cls == LEX_ACTOR) {
            if (head == UINT32_MAX) head = ph;
            else lex_set_parent(lx, ph, head);
        }
        x->added++;
    }
}

static void plain_line(dctx *x, char *s, lex_class cls)
{
    char *parts[256];
    int np = split_bar(s, parts, 256);
    for (int i = 0; i < np; i++) {
        char *t = parts[i];
        uint32_t c0 = 0;
        uint16_t nc = 0;
        if (cls == LEX_DISCARD) {
            int story = *t == '+';
            if (story) t = trim(t + 1);
            if (!x->discard[story]) {
                uint32_t first;
                if (lex_parse_choices(x->lx, story ? "+###" : "###", x->src, &first) != 1) continue;
                x->discard[story] = first;
            }
            c0 = x->discard[story];
            nc = 1;
        }
        if (conv_phrase(x, t, &x->out) < 0) continue;
        uint32_t ph = lex_add_phrase(x->lx, cls, bstr(&x->out), c0, nc, x->src);
        if (ph == UINT32_MAX) continue;
        set_text(x->lx, ph, t);
        x->added++;
    }
}

static void synset_line(dctx *x, char *s)
{
    char *eq = strchr(s, '=');
    if (s[0] != '&' || !eq) { lex_error(x->lx, x->src, "synset line must read &NAME = member | member"); return; }
    *eq = 0;
    char *name = trim(s);
    if (!name[1]) { lex_error(x->lx, x->src, "synset name missing after &"); return; }
    for (char *q = name + 1; *q; q++) {
        if (!isalnum((unsigned char)*q)) { lex_error(x->lx, x->src, "synset name may only use letters and digits: %s", name); return; }
        *q = (char)toupper((unsigned char)*q);
    }
    lex_add_synset_member(x->lx, name, NULL, x->src);
    char *parts[1024];
    int np = split_bar(eq + 1, parts, 1024);
    for (int i = 0; i < np; i++) {
        if (conv_pattern(x, parts[i], 1, &x->out)) continue;
        if (lex_synset_cycle(x->lx, name, bstr(&x->out))) {
            lex_error(x->lx, x->src, "synset %s cannot contain itself", name);
            continue;
        }
        if (!lex_add_synset_member(x->lx, name, bstr(&x->out), x->src)) x->added++;
    }
}

static int code_like(const char *s)
{
    if (!strcmp(s, "---") || !strcmp(s, "###") || !strcmp(s, "+++")) return 1;
    if (!isdigit((unsigned char)*s)) return 0;
    for (; *s; s++) if (!isdigit((unsigned char)*s) && !strchr(":?!", *s)) return 0;
    return 1;
}

/* Regular forms of verb w: [0] w, [1] +S, [2] +ED, [3] +ING, the endings
 * in the word's case. */
static void inflect(const char *w, size_t n, char out[4][128])
{
    if (n > 120) n = 120;
    char a = n ? (char)toupper((unsigned char)w[n - 1]) : 0, b = n > 1 ? (char)toupper((unsigned char)w[n - 2]) : 0;
    int lower = n && islower((unsigned char)w[n - 1]);
    int cy = a == 'Y' && b && !strchr("AEIOU", b);
    int n1 = (int)n - 1;
    const char *ies = lower ? "ies" : "IES", *es = lower ? "es" : "ES", *s1 = lower ? "s" : "S";
    const char *ied = lower ? "ied" : "IED", *ed = lower ? "ed" : "ED", *d = lower ? "d" : "D";
    const char *ing = lower ? "ing" : "ING", *ying = lower ? "ying" : "YING";
    snprintf(out[0], 128, "%.*s", (int)n, w);
    if (cy) snprintf(out[1], 128, "%.*s%s", n1, w, ies);
    else if (a == 'S' || a == 'X' || a == 'Z' || (a == 'H' && (b == 'C' || b == 'S'))) snprintf(out[1], 128, "%.*s%s", (int)n, w, es);
    else snprintf(out[1], 128, "%.*s%s", (int)n, w, s1);
    if (a == 'E') snprintf(out[2], 128, "%.*s%s", (int)n, w, d);
    else if (cy) snprintf(out[2], 128, "%.*s%s", n1, w, ied);
    else snprintf(out[2], 128, "%.*s%s", (int)n, w, ed);
    if (a == 'E' && b == 'I') snprintf(out[3], 128, "%.*s%s", (int)n - 2, w, ying);
    else if (a == 'E' && b != 'E' && n > 2) snprintf(out[3], 128, "%.*s%s", n1, w, ing);
    else snprintf(out[3], 128, "%.*s%s", (int)n, w, ing);
}

/* Verb forms of one written form: a single word as a phrase (the lexicon
 * adds verb endings); a multi-word verb with the inflected word (marked
 * '+', else the first) not last: its regular forms, no endings elsewhere. */
static void add_forms(dctx *x, uint32_t *verb, const char *form, const lex_code *code)
{
    char words[64][128];
    int nw = 0, vi = -1;
    for (const char *p = form; *p;) {
        while (*p && is_wsep(*p)) p++;
        if (!*p) break;
        if (nw >= 64) { lex_error(x->lx, x->src, "verb form too long"); return; }
        if (*p == '+') { vi = nw; p++; }
        size_t k = 0;
        while (*p && !is_wsep(*p)) {
            if (k < 127) words[nw][k++] = *p;
            p++;
        }
        words[nw][k] = 0;
        if (k) nw++;
    }
    if (!nw) { lex_error(x->lx, x->src, "empty verb form"); return; }
    if (vi < 0) vi = 0;
    int multi = nw > 1 && vi != nw - 1;
    char forms[4 + 16][128];
    int nf = 1;
    snprintf(forms[0], sizeof forms[0], "%s", words[vi]);
    size_t vl = strlen(words[vi]);
    int stem = vl && (words[vi][vl - 1] == '*' || words[vi][vl - 1] == '=');
    /* Regular forms for a word that is not last (the lexicon inflects last
     * words itself), irregular ones (WordNet's exception list) always. */
    if (multi && !stem) { inflect(words[vi], vl, forms); nf = 4; }
    int irr_first = nf; /* forms from here on are irregular: they take no endings ("rang" is no "ranging") */
    if (!stem) {
        char irr[16][LEX_FORM_MAX];
        int ni = lex_irregular_forms(words[vi], irr, 16);
        for (int i = 0; i < ni; i++) {
            size_t l = strnlen(irr[i], LEX_FORM_MAX - 1);
            memcpy(forms[nf], irr[i], l);
            forms[nf++][l] = 0;
        }
    }
    for (int f = 0; f < nf; f++) {
        buf_clear(&x->tmp);
        for (int i = 0; i < nw; i++) {
            if (i) buf_addc(&x->tmp, ' ');
            buf_adds(&x->tmp, i == vi ? forms[f] : words[i]);
            if (i == vi && f >= irr_first && i == nw - 1) buf_addc(&x->tmp, '=');
            /* Only the last word may carry endings, and not here. */
            size_t l = strlen(words[i]);
            if (multi && i == nw - 1 && words[i][l - 1] != '*' && words[i][l - 1] != '=') buf_addc(&x->tmp, '=');
        }
        if (conv_phrase(x, bstr(&x->tmp), &x->out) < 0) return;
        /* Each form once per verb line (a listed form may also be irregular). */
        if (seen_form(x, bstr(&x->out))) continue;
        if (x->tmp.len && x->tmp.data[x->tmp.len - 1] == '=') x->tmp.data[--x->tmp.len] = 0;
        uint32_t ph0 = x->lx->nphrases;
        if (*verb == UINT32_MAX) {
            *verb = lex_add_verb(x->lx, bstr(&x->out), code, x->src);
            if (*verb == UINT32_MAX) return;
            size_t n = strlen(form);
            while (n && isspace((unsigned char)form[n - 1])) n--;
            x->lx->verbs[*verb].text = strtab_intern(&x->lx->str, form, n);
            x->added++;
        } else if (!lex_add_verb_form(x->lx, *verb, bstr(&x->out), x->src)) x->added++;
        if (x->lx->nphrases > ph0) set_text(x->lx, x->lx->nphrases - 1, bstr(&x->tmp));
    }
}

static void verb_line(dctx *x, char *s)
{
    x->verb = UINT32_MAX;
    buf_clear(&x->forms);
    char *sp = s;
    while (*sp && !isspace((unsigned char)*sp)) sp++;
    char save = *sp;
    *sp = 0;
    lex_code code;
    if (!code_like(s) || lex_parse_code(s, &code)) {
        lex_error(x->lx, x->src, "verb line must start with its event code (e.g. 036 or ---): %s", s);
        return;
    }
    *sp = save;
    char *parts[256];
    int np = split_bar(sp, parts, 256);
    int any = 0;
    for (int i = 0; i < np; i++) {
        if (!*parts[i]) { lex_error(x->lx, x->src, "empty verb form"); continue; }
        add_forms(x, &x->verb, parts[i], &code);
        any = 1;
    }
    if (!any) lex_error(x->lx, x->src, "verb line without any verb after its code");
}

static void pattern_line(dctx *x, char *s)
{
    if (x->verb == UINT32_MAX) { lex_error(x->lx, x->src, "pattern without a verb line above it"); return; }
    char *arrow = NULL;
    for (char *q = strstr(s, "=>"); q; q = strstr(q + 2, "=>")) arrow = q;
    if (!arrow) { lex_error(x->lx, x->src, "pattern needs \"=> CODE\""); return; }
    *arrow = 0;
    char *c = trim(arrow + 2);
    lex_code code;
    if (!code_like(c) || lex_parse_code(c, &code)) { lex_error(x->lx, x->src, "bad event code \"%s\"", c); return; }
    char *pat = trim(s);
    if (conv_pattern(x, pat, 0, &x->out)) return;
    if (lex_count_variants(x->lx, bstr(&x->out)) > LEX_MAX_VARIANTS) {
        lex_error(x->lx, x->src, "pattern expands to more than %d variants (synsets, { | }); skipped", LEX_MAX_VARIANTS);
        return;
    }
    uint32_t p0 = x->lx->npatterns;
    int n = lex_add_pattern(x->lx, x->verb, bstr(&x->out), &code, x->src, LEX_PAT_ENDINGS);
    if (n > 0) {
        x->added += n;
        uint32_t id = strtab_intern(&x->lx->str, pat, strlen(pat));
        for (uint32_t i = p0; i < x->lx->npatterns; i++) x->lx->patterns[i].text = id;
    }
}

static section section_of(const char *s)
{
    static const struct { const char *name; section sec; } names[] = {
        {"actors", S_ACTORS}, {"agents", S_AGENTS}, {"synsets", S_SYNSETS}, {"verbs", S_VERBS},
        {"nouns", S_NOUNS}, {"adjectives", S_ADJECTIVES}, {"discards", S_DISCARDS},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(s, names[i].name)) return names[i].sec;
    return S_BAD;
}

int lex_load_dyad_mem(lexicon *lx, const char *name, const char *data, size_t len)
{
    dctx x;
    memset(&x, 0, sizeof x);
    x.lx = lx;
    x.src.file = lex_file(lx, name);
    x.verb = UINT32_MAX;
    buf_init(&x.out);
    buf_init(&x.tmp);
    buf_init(&x.forms);
    char *line = NULL;
    size_t cap = 0;
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        size_t n = (size_t)(e - p);
        if (n + 1 > cap) {
            cap = n + 64;
            line = xrealloc(line, cap);
        }
        memcpy(line, p, n);
        line[n] = 0;
        p = nl ? nl + 1 : end;
        x.src.line++;
        cut_comment(line);
        int indented = line[0] == ' ' || line[0] == '\t';
        char *s = trim(line);
        if (!*s) continue;
        if (s[0] == '[') {
            char *close = strchr(s, ']');
            if (!close || close[1]) { lex_error(lx, x.src, "bad section header %s", s); x.sec = S_BAD; continue; }
            *close = 0;
            for (char *q = s + 1; *q; q++) *q = (char)tolower((unsigned char)*q);
            x.sec = section_of(trim(s + 1));
            if (x.sec == S_BAD)
                lex_error(lx, x.src, "unknown section [%s] (want actors, agents, synsets, verbs, nouns, adjectives or discards)", s + 1);
            x.verb = UINT32_MAX;
            continue;
        }
        switch (x.sec) {
        case S_NONE: lex_error(lx, x.src, "line before any [section]"); break;
        case S_BAD: break;   /* reported at the header */
        case S_ACTORS: actor_line(&x, s, LEX_ACTOR); break;
        case S_AGENTS: actor_line(&x, s, LEX_AGENT); break;
        case S_SYNSETS: synset_line(&x, s); break;
        case S_VERBS: if (indented) pattern_line(&x, s); else verb_line(&x, s); break;
        case S_NOUNS: plain_line(&x, s, LEX_NOUN); break;
        case S_ADJECTIVES: plain_line(&x, s, LEX_ADJECTIVE); break;
        case S_DISCARDS: plain_line(&x, s, LEX_DISCARD); break;
        }
    }
    free(line);
    buf_free(&x.out);
    buf_free(&x.tmp);
    buf_free(&x.forms);
    return x.added;
}

int lex_load_dyad(lexicon *lx, const char *path) { return lex_load_path(lx, path, lex_load_dyad_mem); }
