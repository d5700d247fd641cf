/* load_petrarch.c: PETRARCH-1 and PETRARCH-2 (Phoenix) dictionaries:
 * actors, agents, discards and verbs (PETR-1 block format and PETR-2's
 * CAMEO.2.0.txt), translated into the lexicon's TABARI phrase syntax.
 *
 * PETRARCH matches whole words, so every dictionary word becomes an exact
 * word ("WORD_"); words that must follow each other are joined with '_'.
 * See load_mem.h for how each kind of entry is mapped. */
#include "lexicon/load.h"
#include "util/xalloc.h"
#include "lexicon/load_mem.h"
#include "lexicon/pico.h"
#include "util/buf.h"
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *xstrndup(const char *s, size_t n)
{
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

static const char *bstr(const buf *b) { return b->data ? b->data : ""; }

/* ---- reading lines and removing comments ---- */

typedef struct lines {
    const char *p, *end;
    char *line;
    size_t cap;
    lex_src src;
    int in_xml;          /* inside a multi-line <!-- --> comment */
} lines;

static void lines_init(lines *r, lexicon *lx, const char *name, const char *data, size_t len)
{
    r->p = data;
    r->end = data + len;
    r->line = NULL;
    r->cap = 0;
    r->src.file = lex_file(lx, name);
    r->src.line = 0;
    r->in_xml = 0;
}

/* The next line, NUL-terminated, without its line ending; NULL at the end. */
static char *lines_next(lines *r)
{
    if (r->p >= r->end) return NULL;
    const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
    const char *e = nl ? nl : r->end;
    size_t n = (size_t)(e - r->p);
    if (n + 1 > r->cap) {
        r->cap = n + 64;
        r->line = xrealloc(r->line, r->cap);
    }
    memcpy(r->line, r->p, n);
    r->line[n] = 0;
    /* An embedded NUL ends the line; drop a CR before the newline. */
    n = strlen(r->line);
    while (n && r->line[n - 1] == '\r') r->line[--n] = 0;
    r->p = nl ? nl + 1 : r->end;
    r->src.line++;
    return r->line;
}

static void lines_free(lines *r) { free(r->line); r->line = NULL; }

/* Remove <!-- --> comments (possibly spanning lines), then "#" and the
 * legacy ";" comments outside [...], then trailing blanks. Leading blanks
 * stay: they mark code lines in actor files. */
static char *clean_line(lines *r, char *s)
{
    for (;;) {
        if (r->in_xml) {
            char *e = strstr(s, "-->");
            if (!e) { s[0] = 0; return s; }
            memmove(s, e + 3, strlen(e + 3) + 1);
            r->in_xml = 0;
            continue;
        }
        char *b = strstr(s, "<!");
        if (!b) break;
        char *e = strstr(b + 2, "-->");
        if (e) { memmove(b, e + 3, strlen(e + 3) + 1); continue; }
        const char *q = b + 2;
        while (*q == ' ') q++;
        if (q[0] == '-' && q[1] == '-') r->in_xml = 1;
        *b = 0;
        break;
    }
    int depth = 0;
    for (char *p = s; *p; p++) {
        if (*p == '[') depth++;
        else if (*p == ']') { if (depth) depth--; }
        else if ((*p == '#' || *p == ';') && !depth) { *p = 0; break; }
    }
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) s[--n] = 0;
    return s;
}

static char *skip_ws(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    return s;
}

static int is_sep(char c) { return c == ' ' || c == '\t' || c == '_' || c == '-'; }
/* Characters dropped from words: they have meanings in TABARI syntax. */
static int is_dropped(char c) { return c == '"' || c == '=' || c == '~' || c == ','; }

/* ---- phrases ---- */

enum { END_EXACT, END_NOENDS, END_STEM };

/* Append the words of s[0..n) in TABARI syntax: every word exact; words
 * separated by '_' or '-' (or by blanks when blank_adj) must follow each
 * other immediately. The last word ends as `end` says. Returns the number
 * of words. */
static int conv_phrase(buf *out, const char *s, size_t n, int blank_adj, int end)
{
    size_t i = 0;
    int words = 0;
    while (i < n) {
        int ws = 0, any = 0;
        while (i < n && (is_sep(s[i]) || is_dropped(s[i]))) {
            if (s[i] == ' ' || s[i] == '\t') ws = 1;
            if (is_sep(s[i])) any = 1;
            i++;
        }
        if (i >= n) break;
        if (words) buf_adds(out, (ws && !blank_adj) ? "_ " : "_");
        (void)any;
        while (i < n && !is_sep(s[i])) {
            if (!is_dropped(s[i])) buf_addc(out, (char)toupper((unsigned char)s[i]));
            i++;
        }
        words++;
    }
    if (words) {
        if (end == END_EXACT) buf_addc(out, '_');
        else if (end == END_NOENDS) buf_addc(out, '=');
    }
    return words;
}

/* Record the written text of the phrase just added (the builder stores the
 * translated one). */
static void set_phrase_text(lexicon *lx, uint32_t ph, const char *text, size_t n)
{
    while (n && isspace((unsigned char)*text)) { text++; n--; }
    while (n && isspace((unsigned char)text[n - 1])) n--;
    if (ph < lx->nphrases && n) lx->phrases[ph].text = strtab_intern(&lx->str, text, n);
}

/* Parse each "[...]" block of s into choices, turning PETRARCH's date
 * ranges "YYMMDD-YYYYMMDD" (either width) into "..". Blocks that fail are
 * reported and skipped. */
static void parse_code_blocks(lexicon *lx, const char *s, lex_src src, buf *tmp)
{
    const char *p = s;
    while ((p = strchr(p, '['))) {
        const char *e = strchr(p, ']');
        if (!e) { lex_error(lx, src, "missing ] in code block"); return; }
        const char *c = p + 1;
        while (c < e && isspace((unsigned char)*c)) c++;
        const char *ce = c;
        while (ce < e && !isspace((unsigned char)*ce) && *ce != '<' && *ce != '>') ce++;
        buf_clear(tmp);
        buf_addc(tmp, '[');
        buf_add(tmp, c, (size_t)(ce - c));
        /* The restriction without blanks. */
        char rest[64];
        size_t k = 0;
        for (const char *q = ce; q < e && k < sizeof rest - 1; q++)
            if (!isspace((unsigned char)*q)) rest[k++] = *q;
        rest[k] = 0;
        if (k) {
            size_t d1 = 0;
            while (isdigit((unsigned char)rest[d1])) d1++;
            size_t d2 = 0;
            if (rest[d1] == '-') while (isdigit((unsigned char)rest[d1 + 1 + d2])) d2++;
            buf_addc(tmp, ' ');
            if (d1 >= 6 && rest[d1] == '-' && d2 >= 6 && !rest[d1 + 1 + d2]) {
                buf_add(tmp, rest, d1);
                buf_adds(tmp, "..");
                buf_adds(tmp, rest + d1 + 1);
            } else buf_adds(tmp, rest);
        }
        buf_addc(tmp, ']');
        uint32_t first;
        lex_parse_choices(lx, bstr(tmp), src, &first);
        p = e + 1;
    }
}

/* ---- actors ---- */

typedef struct tline { char *text; uint32_t line; } tline;

typedef struct actor_rec {
    tline *phr; uint32_t nphr, cphr;   /* primary then synonyms */
    tline *codes; uint32_t ncode, ccode;
} actor_rec;

static void rec_push(tline **a, uint32_t *n, uint32_t *cap, const char *s, size_t len, uint32_t line)
{
    if (*n >= *cap) { *cap = *cap ? *cap * 2 : 8; *a = xrealloc(*a, *cap * sizeof **a); }
    (*a)[*n].text = xstrndup(s, len);
    (*a)[(*n)++].line = line;
}

static void rec_clear(actor_rec *r)
{
    for (uint32_t i = 0; i < r->nphr; i++) free(r->phr[i].text);
    for (uint32_t i = 0; i < r->ncode; i++) free(r->codes[i].text);
    r->nphr = r->ncode = 0;
}

static int flush_actor(lexicon *lx, actor_rec *r, uint32_t file, buf *tmp, buf *conv)
{
    if (!r->nphr) return 0;
    lex_src src = {file, r->phr[0].line};
    uint32_t start = lx->nchoices;
    for (uint32_t i = 0; i < r->ncode; i++)
        parse_code_blocks(lx, r->codes[i].text, (lex_src){file, r->codes[i].line}, tmp);
    uint32_t n = lx->nchoices - start;
    int added = 0;
    if (!n) {
        if (!r->ncode) lex_error(lx, src, "actor \"%s\" has no [code]", r->phr[0].text);
        rec_clear(r);
        return 0;
    }
    if (n > 65535) { lex_error(lx, src, "too many codes for one actor"); n = 65535; }
    uint32_t head = UINT32_MAX;
    for (uint32_t i = 0; i < r->nphr; i++) {
        lex_src ps = {file, r->phr[i].line};
        buf_clear(conv);
        const char *t = r->phr[i].text;
        if (!conv_phrase(conv, t, strlen(t), 1, END_EXACT)) { lex_error(lx, ps, "empty actor phrase"); continue; }
        uint32_t ph = lex_add_phrase(lx, LEX_ACTOR, bstr(conv), start, (uint16_t)n, ps);
        if (ph == UINT32_MAX) continue;
        set_phrase_text(lx, ph, t, strlen(t));
        if (head == UINT32_MAX) head = ph;
        else lex_set_parent(lx, ph, head);
        added++;
    }
    rec_clear(r);
    return added;
}

int lex_load_petrarch_actors_mem(lexicon *lx, const char *name, const char *data, size_t len)
{
    /* PETRARCH keeps actors in a dictionary keyed by their words: a phrase
     * listed twice ("PRESIDENT_BUSH" under both Bushes) means the later. */
    lx->later_wins = 1;
    lines rd;
    lines_init(&rd, lx, name, data, len);
    actor_rec rec = {0};
    buf tmp, conv;
    buf_init(&tmp);
    buf_init(&conv);
    int added = 0;
    char *raw;
    while ((raw = lines_next(&rd))) {
        char *line = clean_line(&rd, raw);
        char *s = skip_ws(line);
        if (!*s) continue;
        int indented = s != line;
        if (indented && *s == '[') {
            if (!rec.nphr) { lex_error(lx, rd.src, "code line with no actor before it"); continue; }
            rec_push(&rec.codes, &rec.ncode, &rec.ccode, s, strlen(s), rd.src.line);
            continue;
        }
        int synonym = *s == '+';
        if (synonym) {
            s++;
            if (!rec.nphr) { lex_error(lx, rd.src, "synonym with no actor before it"); continue; }
        } else {
            added += flush_actor(lx, &rec, rd.src.file, &tmp, &conv);
        }
        char *b = strchr(s, '[');
        size_t plen = b ? (size_t)(b - s) : strlen(s);
        while (plen && isspace((unsigned char)s[plen - 1])) plen--;
        if (!plen) {
            lex_error(lx, rd.src, "missing actor phrase before [code]");
            continue;
        }
        rec_push(&rec.phr, &rec.nphr, &rec.cphr, s, plen, rd.src.line);
        if (b) rec_push(&rec.codes, &rec.ncode, &rec.ccode, b, strlen(b), rd.src.line);
    }
    added += flush_actor(lx, &rec, rd.src.file, &tmp, &conv);
    rec_clear(&rec);
    free(rec.phr);
    free(rec.codes);
    buf_free(&tmp);
    buf_free(&conv);
    lines_free(&rd);
    return added;
}

/* ---- agents ---- */

typedef struct macro { char *name; char **vals; uint32_t n; } macro;

/* Does the last word of s end in a consonant followed by Y? */
static int ends_consonant_y(const char *s, size_t n)
{
    if (n < 2 || toupper((unsigned char)s[n - 1]) != 'Y') return 0;
    return !strchr("AEIOU", toupper((unsigned char)s[n - 2])) && isalpha((unsigned char)s[n - 2]);
}

static int add_agent(lexicon *lx, const char *text, size_t n, int end, uint32_t first, uint32_t nch,
                     lex_src src, buf *conv, const char *written)
{
    buf_clear(conv);
    if (!conv_phrase(conv, text, n, 0, end)) { lex_error(lx, src, "empty agent phrase"); return 0; }
    uint32_t ph = lex_add_phrase(lx, LEX_AGENT, bstr(conv), first, (uint16_t)nch, src);
    if (ph == UINT32_MAX) return 0;
    set_phrase_text(lx, ph, written, strlen(written));
    return 1;
}

/* Expand the !MACRO! markers of s (recursively, a few levels) and add each
 * variant. */
static int agent_variants(lexicon *lx, const char *s, macro *m, uint32_t nm, int depth, int end,
                          uint32_t first, uint32_t nch, lex_src src, buf *conv, const char *written)
{
    const char *a = strchr(s, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    if (!a || !b || depth > 4) {
        size_t n = strlen(s);
        int added = add_agent(lx, s, n, end, first, nch, src, conv, written);
        /* Regular plural of a word in consonant + Y: add the IES form. */
        if (end == END_EXACT && ends_consonant_y(s, n)) {
            char *pl = xrealloc(NULL, n + 3);
            memcpy(pl, s, n - 1);
            memcpy(pl + n - 1, "IES", 4);
            added += add_agent(lx, pl, n + 2, END_NOENDS, first, nch, src, conv, written);
            free(pl);
        }
        return added;
    }
    size_t nl = (size_t)(b - a + 1);
    for (uint32_t i = 0; i < nm; i++) {
        if (strlen(m[i].name) != nl || strncmp(m[i].name, a, nl)) continue;
        int added = 0;
        for (uint32_t j = 0; j < m[i].n; j++) {
            size_t need = strlen(s) + strlen(m[i].vals[j]) + 1;
            char *v = xrealloc(NULL, need);
            snprintf(v, need, "%.*s%s%s", (int)(a - s), s, m[i].vals[j], b + 1);
            added += agent_variants(lx, v, m, nm, depth + 1, END_NOENDS, first, nch, src, conv, written);
            free(v);
        }
        return added;
    }
    lex_error(lx, src, "unknown substitution marker %.*s", (int)nl, a);
    return 0;
}

int lex_load_petrarch_agents_mem(lexicon *lx, const char *name, const char *data, size_t len)
{
    lines rd;
    lines_init(&rd, lx, name, data, len);
    macro *m = NULL;
    uint32_t nm = 0;
    buf conv;
    buf_init(&conv);
    int added = 0;
    char *raw;
    while ((raw = lines_next(&rd))) {
        char *s = skip_ws(clean_line(&rd, raw));
        if (!*s) continue;
        char *eq = strchr(s, '=');
        if (s[0] == '!' && eq && !strchr(s, '[')) {
            /* !NAME! = A, B, C */
            char *e = s + 1;
            while (*e && *e != '!') e++;
            char *after = *e ? skip_ws(e + 1) : e;
            if (!*e || e == s + 1 || after != eq) {
                lex_error(lx, rd.src, "bad substitution marker line (want !NAME! = A, B)");
                continue;
            }
            m = xrealloc(m, (nm + 1) * sizeof *m);
            macro *mm = &m[nm++];
            mm->name = xstrndup(s, (size_t)(e - s + 1));
            mm->vals = NULL;
            mm->n = 0;
            for (char *v = eq + 1; *v;) {
                char *c = strchr(v, ',');
                size_t vl = c ? (size_t)(c - v) : strlen(v);
                char *val = xrealloc(NULL, vl + 1);
                size_t k = 0;
                for (size_t i = 0; i < vl; i++) if (!isspace((unsigned char)v[i])) val[k++] = v[i];
                val[k] = 0;
                if (k) {
                    mm->vals = xrealloc(mm->vals, (mm->n + 1) * sizeof *mm->vals);
                    mm->vals[mm->n++] = val;
                } else free(val);
                if (!c) break;
                v = c + 1;
            }
            if (!mm->n) lex_error(lx, rd.src, "substitution marker %s has no values", mm->name);
            continue;
        }
        char *br = strchr(s, '[');
        if (!br) { lex_error(lx, rd.src, "agent without [code]"); continue; }
        char *cb = strchr(s, '{');
        if (cb && cb > br) cb = NULL;
        char *ce = cb ? strchr(cb, '}') : NULL;
        if (cb && (!ce || ce > br)) { lex_error(lx, rd.src, "missing } in plural form"); continue; }
        char *pe = cb ? cb : br;
        size_t plen = (size_t)(pe - s);
        while (plen && isspace((unsigned char)s[plen - 1])) plen--;
        if (!plen) { lex_error(lx, rd.src, "missing agent phrase before [code]"); continue; }
        uint32_t first;
        int nch = lex_parse_choices(lx, br, rd.src, &first);
        if (nch <= 0) continue;
        char *phrase = xstrndup(s, plen);
        int end = cb ? END_NOENDS : END_EXACT;
        added += agent_variants(lx, phrase, m, nm, 0, end, first, (uint32_t)nch, rd.src, &conv, phrase);
        if (cb) {
            char *pl = xstrndup(cb + 1, (size_t)(ce - cb - 1));
            char *q = skip_ws(pl);
            if (*q) added += agent_variants(lx, q, m, nm, 0, END_NOENDS, first, (uint32_t)nch, rd.src, &conv, q);
            free(pl);
        }
        free(phrase);
    }
    for (uint32_t i = 0; i < nm; i++) {
        for (uint32_t j = 0; j < m[i].n; j++) free(m[i].vals[j]);
        free(m[i].vals);
        free(m[i].name);
    }
    free(m);
    buf_free(&conv);
    lines_free(&rd);
    return added;
}

/* ---- discards ---- */

int lex_load_petrarch_discards_mem(lexicon *lx, const char *name, const char *data, size_t len)
{
    lines rd;
    lines_init(&rd, lx, name, data, len);
    buf conv;
    buf_init(&conv);
    uint32_t choice[2] = {0, 0};
    int added = 0;
    char *raw;
    while ((raw = lines_next(&rd))) {
        char *s = skip_ws(clean_line(&rd, raw));
        if (!*s) continue;
        int story = *s == '+';
        if (story) s = skip_ws(s + 1);
        size_t n = strlen(s);
        /* A final '_' makes the last word exact; otherwise it is a stem. */
        int end = n && s[n - 1] == '_' ? END_EXACT : END_STEM;
        buf_clear(&conv);
        if (!conv_phrase(&conv, s, n, 1, end)) { lex_error(lx, rd.src, "empty discard phrase"); continue; }
        if (!choice[story]) {
            uint32_t first;
            if (lex_parse_choices(lx, story ? "+###" : "###", rd.src, &first) != 1) continue;
            choice[story] = first;
        }
        uint32_t ph = lex_add_phrase(lx, LEX_DISCARD, bstr(&conv), choice[story], 1, rd.src);
        if (ph == UINT32_MAX) continue;
        set_phrase_text(lx, ph, s, n);
        added++;
    }
    buf_free(&conv);
    lines_free(&rd);
    return added;
}

/* ---- verbs ---- */

typedef struct synname {
    char *written;    /* upper case, without '&' and the trailing '_' */
    char *internal;   /* "&NAME" as registered in the lexicon (letters and digits) */
    int noplural;     /* label ended in '_' */
} synname;

typedef struct verb_ctx {
    lexicon *lx;
    lines rd;
    synname *syn; uint32_t nsyn;
    int cur_syn;                 /* synset taking "+member" lines, -1 when none */
    /* The block being read: its code, verb lines and pattern lines. */
    lex_code block_code;
    tline *vlines; uint32_t nv, cv;
    tline *plines; uint32_t np, cp;
    tline *xlines; uint32_t nx, cx; /* "~" transformations, read once every verb is in */
    int petr2;                   /* the file has transformations: PETRARCH-2's format */
    buf out, tmp;
    int added;
} verb_ctx;

static const synname *find_syn(const verb_ctx *x, const char *w, size_t n)
{
    for (uint32_t i = 0; i < x->nsyn; i++) {
        const char *s = x->syn[i].written;
        if (strlen(s) != n) continue;
        size_t k = 0;
        while (k < n && toupper((unsigned char)w[k]) == s[k]) k++;
        if (k == n) return &x->syn[i];
    }
    return NULL;
}

enum { K_NONE, K_WORD, K_MARK, K_SYN, K_BRACE };

/* Translate PETRARCH pattern (or synset member) text into TABARI syntax in
 * x->out. Words become exact without endings ("WORD="); '_' or '-' between
 * two elements requires adjacency (and so does a blank when blank_adj);
 * "{A B}" without '|' and "(...)" (PETR-2 phrase structure) are flattened;
 * "{A | B}" alternatives are kept for the lexicon to expand. member: no
 * markers allowed; plural: the member's last word may take a regular
 * plural ending ("WORD_", the patterns are added with LEX_PAT_ENDINGS).
 * Returns 0, or -1 after reporting an error. */
static int conv_pattern(verb_ctx *x, const char *s, int blank_adj, int member, int plural, lex_src src)
{
    buf *out = &x->out;
    buf_clear(out);
    int prev = K_NONE, paren = 0, elems = 0;
    int brace_alt[16], nbrace = 0;
    size_t last_mark = SIZE_MAX;   /* where the last word's '=' is */
    int verbs = 0;
    const char *p = s;
    while (*p) {
        int ws = 0, us = 0;
        while (*p && (is_sep(*p) || *p == '"' || *p == '(' || *p == ')')) {
            if (*p == ' ' || *p == '\t') ws = 1;
            else if (*p == '_' || *p == '-') us = 1;
            else if (*p == '(') { paren++; ws = 1; }
            else if (*p == ')') {
                if (!paren) { lex_error(x->lx, src, "unbalanced ) in pattern"); return -1; }
                paren--;
                ws = 1;
            }
            p++;
        }
        if (!*p) break;
        int adj = (us && !ws) || (blank_adj && (us || ws));
        char c = *p;
        int kind;
        const char *t = p;
        size_t tn = 1;
        if (c == '{') {
            /* Alternatives when a '|' is at this level, else a noun phrase. */
            int d = 0, alt = 0;
            const char *q = p;
            for (; *q; q++) {
                if (*q == '{') d++;
                else if (*q == '}' && --d == 0) break;
                else if (*q == '|' && d == 1) alt = 1;
            }
            if (!*q) { lex_error(x->lx, src, "unbalanced { in pattern"); return -1; }
            if (nbrace >= 16) { lex_error(x->lx, src, "{ } nested too deeply"); return -1; }
            if (member && alt) { lex_error(x->lx, src, "alternatives in a synset member"); return -1; }
            brace_alt[nbrace++] = alt;
            p++;
            if (alt) { buf_adds(out, prev == K_NONE ? "{ " : " { "); prev = K_BRACE; }
            continue;
        }
        if (c == '}' || c == '|') {
            if (!nbrace) { lex_error(x->lx, src, "unbalanced %c in pattern", c); return -1; }
            int alt = brace_alt[nbrace - 1];
            if (c == '}') nbrace--;
            else if (!alt) { lex_error(x->lx, src, "| outside { } alternatives"); return -1; }
            p++;
            if (alt) { buf_adds(out, c == '}' ? " } " : " | "); prev = K_BRACE; }
            continue;
        }
        if (c == '*' || c == '$' || c == '+' || c == '%' || c == '^') {
            if (member) { lex_error(x->lx, src, "'%c' in a synset member", c); return -1; }
            kind = K_MARK;
            p++;
            if (c == '*' && *p == '*') p++;   /* "**" in some PETR-1 examples */
            verbs += c == '*';
        } else if (c == '&') {
            const char *n0 = p + 1, *ne = n0;
            while (*ne && (isalnum((unsigned char)*ne) || *ne == '_' || *ne == '-')) ne++;
            /* The longest defined name, cut at a '_' or '-'. */
            const synname *sn = NULL;
            const char *cut = ne;
            for (;;) {
                size_t k = (size_t)(cut - n0);
                while (k && (n0[k - 1] == '_' || n0[k - 1] == '-')) k--;
                if (k && (sn = find_syn(x, n0, k))) { cut = n0 + k; break; }
                while (cut > n0 && cut[-1] != '_' && cut[-1] != '-') cut--;
                if (cut <= n0) break;
                cut--;
            }
            if (!sn) {
                lex_error(x->lx, src, "unknown synset &%.*s", (int)(ne - n0), n0);
                return -1;
            }
            kind = K_SYN;
            t = sn->internal;
            tn = strlen(t);
            p = cut;
        } else {
            kind = K_WORD;
            while (*p && !is_sep(*p) && !strchr("*$+%^&{}|()", *p)) p++;
            tn = (size_t)(p - t);
            size_t kept = 0;
            for (size_t i = 0; i < tn; i++) kept += !is_dropped(t[i]);
            if (!kept) continue;
        }
        /* The connector after the previous element. */
        if (prev == K_WORD || prev == K_MARK || prev == K_SYN) buf_adds(out, adj ? "_" : " ");
        if (kind == K_WORD) {
            for (size_t i = 0; i < tn; i++)
                if (!is_dropped(t[i])) buf_addc(out, (char)toupper((unsigned char)t[i]));
            last_mark = out->len;
            /* In a PETRARCH-2 file a pattern's nouns take regular plurals
             * ("* ASSURANCE" matches "assurances"), as PETRARCH-2 matches
             * the head of a noun phrase. */
            buf_addc(out, member || !x->petr2 ? '=' : '_');
        } else {
            buf_add(out, t, tn);
            last_mark = SIZE_MAX;
        }
        prev = kind;
        elems++;
    }
    if (plural && member && prev == K_WORD && last_mark < out->len) out->data[last_mark] = '_';
    if (nbrace) { lex_error(x->lx, src, "unbalanced { in pattern"); return -1; }
    if (paren) { lex_error(x->lx, src, "unbalanced ( in pattern"); return -1; }
    if (!elems) { lex_error(x->lx, src, member ? "empty synset member" : "empty pattern"); return -1; }
    if (!member && verbs != 1) { lex_error(x->lx, src, "pattern needs exactly one '*': %s", s); return -1; }
    return 0;
}

static uint64_t count_variants(const lexicon *lx, const char *s, int depth)
{
    uint64_t total = 1;
    for (const char *p = s; *p && total <= LEX_MAX_VARIANTS; p++) {
        if (*p == '{') {
            uint64_t alts = 1;
            int d = 0;
            for (const char *q = p; *q; q++) {
                if (*q == '{') d++;
                else if (*q == '}' && --d == 0) break;
                else if (*q == '|' && d == 1) alts++;
            }
            total *= alts;
        } else if (*p == '&') {
            const char *e = p + 1;
            while (isalnum((unsigned char)*e)) e++;
            size_t n = (size_t)(e - p);
            uint64_t sum = 0;
            for (uint32_t i = 0; i < lx->nsynsets && depth < 8; i++) {
                const lex_synset *sy = &lx->synsets[i];
                if (strtab_len(&lx->str, sy->name) != n || memcmp(lex_str(lx, sy->name), p, n)) continue;
                for (uint32_t k = 0; k < sy->n && sum <= LEX_MAX_VARIANTS; k++)
                    sum += count_variants(lx, lex_str(lx, sy->members[k]), depth + 1);
                break;
            }
            total *= sum ? sum : 1;
            p = e - 1;
        }
    }
    return total;
}

/* Does text s use synset `name` (n bytes, with '&'), directly or through
 * the synsets it uses? */
static int uses_synset(const lexicon *lx, const char *s, const char *name, size_t n, int depth)
{
    if (depth > 16) return 1;
    for (const char *p = strchr(s, '&'); p; p = strchr(p + 1, '&')) {
        const char *e = p + 1;
        while (isalnum((unsigned char)*e)) e++;
        size_t k = (size_t)(e - p);
        if (k == n && !memcmp(p, name, n)) return 1;
        for (uint32_t i = 0; i < lx->nsynsets; i++) {
            const lex_synset *sy = &lx->synsets[i];
            if (strtab_len(&lx->str, sy->name) != k || memcmp(lex_str(lx, sy->name), p, k)) continue;
            for (uint32_t m = 0; m < sy->n; m++)
                if (uses_synset(lx, lex_str(lx, sy->members[m]), name, n, depth + 1)) return 1;
            break;
        }
    }
    return 0;
}

int lex_synset_cycle(const lexicon *lx, const char *name, const char *member)
{
    return uses_synset(lx, member, name, strlen(name), 0);
}

uint64_t lex_count_variants(const lexicon *lx, const char *pattern)
{
    uint64_t n = count_variants(lx, pattern, 0);
    return n > LEX_MAX_VARIANTS ? LEX_MAX_VARIANTS + 1 : n;
}

/* Event code in a PETRARCH bracket: lex_parse_code's forms plus PETR-2's
 * ":173" (only the reverse event). */
static int petr_code(const char *s, size_t n, lex_code *out)
{
    char tmp[32];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof tmp - 1; i++)
        if (!isspace((unsigned char)s[i]) && s[i] != '[' && s[i] != ']') tmp[k++] = s[i];
    tmp[k] = 0;
    if (tmp[0] == ':') {
        memset(out, 0, sizeof *out);
        size_t pl = strlen(tmp + 1);
        if (!pl || pl >= sizeof out->pair) return -1;
        for (const char *q = tmp + 1; *q; q++) if (!isalnum((unsigned char)*q)) return -1;
        out->flags = LEX_CODE_NULL | LEX_CODE_PAIRED;
        memcpy(out->pair, tmp + 1, pl + 1);
        return 0;
    }
    return lex_parse_code(tmp, out);
}

static void add_synset(verb_ctx *x, const char *s)
{
    const char *n0 = s + 1, *ne = n0;
    while (*ne && (isalnum((unsigned char)*ne) || *ne == '_' || *ne == '-')) ne++;
    size_t n = (size_t)(ne - n0);
    int noplural = 0;
    while (n && (n0[n - 1] == '_' || n0[n - 1] == '-')) { n--; noplural = 1; }
    if (!n || *skip_ws((char *)ne)) {
        lex_error(x->lx, x->rd.src, "bad synset name (want &NAME)");
        x->cur_syn = -1;
        return;
    }
    const synname *old = find_syn(x, n0, n);
    if (old) { x->cur_syn = (int)(old - x->syn); return; }
    x->syn = xrealloc(x->syn, (x->nsyn + 1) * sizeof *x->syn);
    synname *sn = &x->syn[x->nsyn];
    sn->written = xstrndup(n0, n);
    for (char *q = sn->written; *q; q++) *q = (char)toupper((unsigned char)*q);
    /* The lexicon reads synset names as letters and digits only. */
    buf_clear(&x->tmp);
    buf_addc(&x->tmp, '&');
    for (size_t i = 0; i < n; i++) if (isalnum((unsigned char)sn->written[i])) buf_addc(&x->tmp, sn->written[i]);
    for (uint32_t i = 0; i < x->nsyn; i++)
        if (!strcmp(x->syn[i].internal, bstr(&x->tmp))) { buf_printf(&x->tmp, "X%u", x->nsyn); break; }
    sn->internal = xstrndup(bstr(&x->tmp), x->tmp.len);
    sn->noplural = noplural;
    lex_add_synset_member(x->lx, sn->internal, NULL, x->rd.src);
    x->cur_syn = (int)x->nsyn++;
}

static void add_member(verb_ctx *x, const char *s)
{
    synname *sn = &x->syn[x->cur_syn];
    size_t n = strlen(s);
    int plural = !sn->noplural && !strchr(s, '&');
    if (n && s[n - 1] == '_') plural = 0;
    while (n && (s[n - 1] == '_' || isspace((unsigned char)s[n - 1]))) n--;
    char *m = xstrndup(s, n);
    int ok = !conv_pattern(x, m, 1, 1, plural, x->rd.src);
    if (ok && lex_synset_cycle(x->lx, sn->internal, bstr(&x->out))) {
        lex_error(x->lx, x->rd.src, "synset &%s cannot contain itself", sn->written);
        ok = 0;
    }
    if (ok && !lex_add_synset_member(x->lx, sn->internal, bstr(&x->out), x->rd.src)) {
        x->added++;
        /* The lexicon's noun endings are S and ES: add the Y -> IES plural. */
        if (plural && ends_consonant_y(m, n)) {
            char *pl = xrealloc(NULL, n + 3);
            memcpy(pl, m, n - 1);
            memcpy(pl + n - 1, "IES", 4);
            if (!conv_pattern(x, pl, 1, 1, 0, x->rd.src))
                lex_add_synset_member(x->lx, sn->internal, bstr(&x->out), x->rd.src);
            free(pl);
        }
    }
    free(m);
}

/* Regular forms of verb w: [0] w, [1] +S, [2] +ED, [3] +ING. */
static void verb_inflect(const char *w, char out[4][160])
{
    size_t n = strlen(w);
    if (n > 150) n = 150;
    char a = n ? w[n - 1] : 0, b = n > 1 ? w[n - 2] : 0;
    int cy = ends_consonant_y(w, n);
    snprintf(out[0], 160, "%.*s", (int)n, w);
    if (cy) snprintf(out[1], 160, "%.*sIES", (int)n - 1, w);
    else if (a == 'S' || a == 'X' || a == 'Z' || (a == 'H' && (b == 'C' || b == 'S'))) snprintf(out[1], 160, "%.*sES", (int)n, w);
    else snprintf(out[1], 160, "%.*sS", (int)n, w);
    if (a == 'E') snprintf(out[2], 160, "%.*sD", (int)n, w);
    else if (cy) snprintf(out[2], 160, "%.*sIED", (int)n - 1, w);
    else snprintf(out[2], 160, "%.*sED", (int)n, w);
    if (a == 'E' && b == 'I') snprintf(out[3], 160, "%.*sYING", (int)n - 2, w);
    else if (a == 'E' && b != 'E' && n > 2) snprintf(out[3], 160, "%.*sING", (int)n - 1, w);
    else snprintf(out[3], 160, "%.*sING", (int)n, w);
}

typedef struct vform { char **f; uint32_t n; } vform;

static void vform_add(vform *v, const char *s)
{
    v->f = xrealloc(v->f, (v->n + 1) * sizeof *v->f);
    v->f[v->n++] = xstrndup(s, strlen(s));
}

static void vform_free(vform *v)
{
    for (uint32_t i = 0; i < v->n; i++) free(v->f[i]);
    free(v->f);
    v->f = NULL;
    v->n = 0;
}

/* One written verb ("SAY", "+BEEF_UP", "WIRE_+TAP") as TABARI forms. With
 * explicit forms (irregular == 1) only the written one is produced; else,
 * when the verb word of a multi-word verb is not the last, its regular
 * forms are generated (the lexicon adds endings to last words only). */
static int verb_forms(verb_ctx *x, const char *s, int irregular, vform *v)
{
    char words[64][160];
    int nw = 0, vi = -1;
    const char *p = s;
    while (*p) {
        while (*p && (is_sep(*p) || is_dropped(*p))) p++;
        if (!*p) break;
        if (nw >= 64) { lex_error(x->lx, x->rd.src, "verb phrase too long"); return -1; }
        if (*p == '+') { vi = nw; p++; }
        size_t k = 0;
        while (*p && !is_sep(*p)) {
            if (!is_dropped(*p) && *p != '+' && k < 159) words[nw][k++] = (char)toupper((unsigned char)*p);
            p++;
        }
        words[nw][k] = 0;
        if (k) nw++;
    }
    if (!nw) { lex_error(x->lx, x->rd.src, "empty verb"); return -1; }
    int gen = !irregular && nw > 1 && vi >= 0 && vi != nw - 1;
    char forms[4][160];
    if (gen) verb_inflect(words[vi], forms);
    for (int f = 0; f < (gen ? 4 : 1); f++) {
        buf_clear(&x->tmp);
        for (int i = 0; i < nw; i++) {
            if (i) buf_addc(&x->tmp, '_');
            buf_adds(&x->tmp, gen && i == vi ? forms[f] : words[i]);
        }
        /* Endings belong to the verb word, not to a particle after it. */
        buf_addc(&x->tmp, (nw > 1 && vi >= 0 && vi != nw - 1) ? '=' : '_');
        vform_add(v, bstr(&x->tmp));
    }
    return 0;
}

/* A verb line: "VERB {FORMS} [code]" in any order after the verb. */
static int parse_verb_line(verb_ctx *x, const char *s, const lex_code *dflt, lex_code *code, vform *v)
{
    const char *br = strchr(s, '['), *cb = strchr(s, '{');
    const char *end = s + strlen(s);
    if (br && br < end) end = br;
    if (cb && cb < end) end = cb;
    *code = *dflt;
    if (br) {
        const char *e = strchr(br, ']');
        if (!e || petr_code(br, (size_t)(e - br), code)) {
            lex_error(x->lx, x->rd.src, "bad verb code %s", br);
            return -1;
        }
    }
    char *verb = xstrndup(s, (size_t)(end - s));
    int rc = 0;
    const char *ce = cb ? strchr(cb, '}') : NULL;
    if (cb && !ce) { lex_error(x->lx, x->rd.src, "missing } after verb forms"); rc = -1; }
    if (!rc) rc = verb_forms(x, verb, cb != NULL, v);
    if (!rc && cb) {
        char *forms = xstrndup(cb + 1, (size_t)(ce - cb - 1));
        for (char *tok = strtok(forms, " \t,"); tok; tok = strtok(NULL, " \t,"))
            verb_forms(x, tok, 1, v);
        free(forms);
    }
    free(verb);
    return rc;
}

static void block_clear(verb_ctx *x)
{
    for (uint32_t i = 0; i < x->nv; i++) free(x->vlines[i].text);
    for (uint32_t i = 0; i < x->np; i++) free(x->plines[i].text);
    x->nv = x->np = 0;
}

/* The verb's text as written: the line up to its forms or code. */
static void verb_written(lexicon *lx, uint32_t verb, const char *text)
{
    size_t n = strcspn(text, "{[");
    while (n && isspace((unsigned char)text[n - 1])) n--;
    if (verb < lx->nverbs && n) lx->verbs[verb].text = strtab_intern(&lx->str, text, n);
}

/* The pattern's words up to its [code], blanks squeezed. */
static size_t pattern_key(const char *s, char *out, size_t cap)
{
    size_t k = 0;
    int blank = 0;
    for (; *s && *s != '[' && k + 1 < cap; s++) {
        if (isspace((unsigned char)*s)) { blank = k > 0; continue; }
        if (blank) { out[k++] = ' '; blank = 0; }
        if (k + 1 < cap) out[k++] = (char)toupper((unsigned char)*s);
    }
    out[k] = 0;
    return k;
}

/* A pattern line's key and place, for finding equal patterns by sorting. */
typedef struct keyed { char key[256]; uint32_t at; } keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* PETRARCH-2 keeps patterns in a dictionary keyed by their words: of two
 * equal patterns in a block the later one is used. Marks gone[i] for each
 * pattern line a later line of the block supersedes. */
static void mark_superseded(const verb_ctx *x, uint8_t *gone)
{
    keyed *k = xrealloc(NULL, x->np * sizeof *k);
    for (uint32_t i = 0; i < x->np; i++) {
        pattern_key(x->plines[i].text, k[i].key, sizeof k[i].key);
        k[i].at = i;
        gone[i] = 0;
    }
    qsort(k, x->np, sizeof *k, cmp_keyed);
    for (uint32_t i = 0; i + 1 < x->np; i++)
        if (!strcmp(k[i].key, k[i + 1].key)) gone[k[i].at] = 1;
    free(k);
}

/* Add the block read so far: one verb per distinct code, then every
 * pattern to each of them. */
static void flush_block(verb_ctx *x)
{
    lexicon *lx = x->lx;
    lex_src save = x->rd.src;
    uint32_t verbs[64];
    lex_code codes[64];
    uint32_t nverb = 0;
    for (uint32_t i = 0; i < x->nv; i++) {
        x->rd.src.line = x->vlines[i].line;
        lex_code code;
        vform v = {0};
        if (parse_verb_line(x, x->vlines[i].text, &x->block_code, &code, &v) || !v.n) { vform_free(&v); continue; }
        uint32_t k = 0;
        while (k < nverb && memcmp(&codes[k], &code, sizeof code)) k++;
        uint32_t f0 = 0;
        if (k == nverb) {
            if (nverb >= 64) { lex_error(lx, x->rd.src, "too many different codes in one verb block"); vform_free(&v); continue; }
            uint32_t id = lex_add_verb(lx, v.f[0], &code, x->rd.src);
            if (id == UINT32_MAX) { vform_free(&v); continue; }
            codes[nverb] = code;
            verbs[nverb++] = id;
            f0 = 1;
            x->added++;
            verb_written(lx, id, x->vlines[i].text);
        }
        for (uint32_t f = f0; f < v.n; f++)
            if (!lex_add_verb_form(lx, verbs[k], v.f[f], x->rd.src)) x->added++;
        vform_free(&v);
    }
    uint8_t *gone = NULL;
    if (x->petr2 && x->np) {
        gone = xrealloc(NULL, x->np);
        mark_superseded(x, gone);
    }
    for (uint32_t i = 0; i < x->np; i++) {
        x->rd.src.line = x->plines[i].line;
        lex_src src = x->rd.src;
        char *s = x->plines[i].text;
        if (gone && gone[i]) continue;
        char *br = strrchr(s, '[');
        char *e = br ? strchr(br, ']') : NULL;
        lex_code code;
        if (!br || !e) { lex_error(lx, src, "pattern without [code]"); continue; }
        if (petr_code(br, (size_t)(e - br), &code)) { lex_error(lx, src, "bad pattern code %.*s", (int)(e - br + 1), br); continue; }
        if (!nverb) { lex_error(lx, src, "pattern in a block with no verb"); continue; }
        *br = 0;
        char *w = skip_ws(s);
        size_t wl = strlen(w);
        while (wl && isspace((unsigned char)w[wl - 1])) w[--wl] = 0;
        if (conv_pattern(x, w, 0, 0, 0, src)) continue;
        /* The lexicon takes at most LEX_MAX_VARIANTS per pattern; a block
         * with several codes multiplies them, so cap the line as a whole. */
        if (lex_count_variants(lx, bstr(&x->out)) * nverb > LEX_MAX_VARIANTS * (nverb > 4 ? 4 : nverb)) {
            lex_error(lx, src, "pattern expands to too many variants (synset members x alternatives x verb codes); skipped");
            continue;
        }
        uint32_t id = strtab_intern(&lx->str, w, wl);
        for (uint32_t k = 0; k < nverb; k++) {
            uint32_t p0 = lx->npatterns;
            int n = lex_add_pattern(lx, verbs[k], bstr(&x->out), &code, src, LEX_PAT_ENDINGS);
            if (n <= 0) break;   /* the error is reported once */
            x->added += n;
            /* Keep the pattern as written for "why" output. */
            for (uint32_t j = p0; j < lx->npatterns; j++) lx->patterns[j].text = id;
        }
    }
    free(gone);
    block_clear(x);
    x->rd.src = save;
}

int lex_load_petrarch_verbs_mem(lexicon *lx, const char *name, const char *data, size_t len)
{
    verb_ctx x;
    memset(&x, 0, sizeof x);
    x.lx = lx;
    x.cur_syn = -1;
    x.block_code.flags = LEX_CODE_NULL;
    buf_init(&x.out);
    buf_init(&x.tmp);
    lines_init(&x.rd, lx, name, data, len);
    for (size_t i = 0; i < len && !x.petr2; i++)
        if (data[i] == '~' && (i == 0 || data[i - 1] == '\n')) x.petr2 = 1;
    char *raw;
    while ((raw = lines_next(&x.rd))) {
        char *s = skip_ws(clean_line(&x.rd, raw));
        if (!*s) continue;
        if (s[0] == '&') {
            /* Synsets are registered at once; patterns are translated when
             * their block ends, so a synset may sit inside a block. */
            add_synset(&x, s);
            continue;
        }
        if (s[0] == '+' && x.cur_syn >= 0) {
            add_member(&x, skip_ws(s + 1));
            continue;
        }
        x.cur_syn = -1;
        if (!strncmp(s, "---", 3)) {
            /* --- NAME [code] --- */
            flush_block(&x);
            memset(&x.block_code, 0, sizeof x.block_code);
            x.block_code.flags = LEX_CODE_NULL;
            char *br = strchr(s + 3, '[');
            char *e = br ? strchr(br, ']') : NULL;
            if (br && (!e || petr_code(br, (size_t)(e - br), &x.block_code))) {
                lex_error(lx, x.rd.src, "bad block code in %s", s);
                memset(&x.block_code, 0, sizeof x.block_code);
                x.block_code.flags = LEX_CODE_NULL;
            }
            continue;
        }
        if (s[0] == '~') {
            rec_push(&x.xlines, &x.nx, &x.cx, s, strlen(s), x.rd.src.line);
            continue;
        }
        if (s[0] == '-') {
            rec_push(&x.plines, &x.np, &x.cp, s + 1, strlen(s + 1), x.rd.src.line);
            continue;
        }
        if (x.np) {
            /* A verb after the block's patterns starts a new group with
             * the same block code. */
            lex_code keep = x.block_code;
            flush_block(&x);
            x.block_code = keep;
        }
        rec_push(&x.vlines, &x.nv, &x.cv, s, strlen(s), x.rd.src.line);
    }
    flush_block(&x);
    for (uint32_t i = 0; i < x.nx; i++) {
        lex_src src = {x.rd.src.file, x.xlines[i].line};
        if (!lex_add_xform(lx, x.xlines[i].text, src)) x.added++;
        free(x.xlines[i].text);
    }
    free(x.xlines);
    for (uint32_t i = 0; i < x.nsyn; i++) { free(x.syn[i].written); free(x.syn[i].internal); }
    free(x.syn);
    free(x.vlines);
    free(x.plines);
    buf_free(&x.out);
    buf_free(&x.tmp);
    lines_free(&x.rd);
    return x.added;
}

/* ---- files ---- */

int lex_load_petrarch_actors(lexicon *lx, const char *path) { return lex_load_path(lx, path, lex_load_petrarch_actors_mem); }
int lex_load_petrarch_agents(lexicon *lx, const char *path) { return lex_load_path(lx, path, lex_load_petrarch_agents_mem); }
int lex_load_petrarch_discards(lexicon *lx, const char *path) { return lex_load_path(lx, path, lex_load_petrarch_discards_mem); }
int lex_load_petrarch_verbs(lexicon *lx, const char *path) { return lex_load_path(lx, path, lex_load_petrarch_verbs_mem); }
