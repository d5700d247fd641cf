/* token.c: one pass over the bytes, producing tokens with offsets and norms. */
#include "text/text_impl.h"
#include <string.h>

/* Longer letter runs are cut into pieces: keeps norm_len in 16 bits and a
 * hostile input from making one giant token. */
#define TXT_MAX_TOKEN 1024

/* Arena arrays grow by copying into a block twice the size: the arena
 * cannot realloc, and the old block just stays until the arena resets. */
static void *grow(arena *a, const void *old, size_t used, size_t bytes)
{
    void *p = arena_alloc(a, bytes);
    if (used) memcpy(p, old, used);
    return p;
}

static void add_bad(txt_build *b, size_t at)
{
    b->bad = arena_grow(b->a, b->bad, b->nbad, &b->badcap, sizeof *b->bad);
    b->bad[b->nbad++] = (uint32_t)at;
}

static void norm_reserve(txt_build *b, size_t need)
{
    if (b->ncap - b->nlen >= need) return;
    size_t cap = b->ncap * 2 > b->nlen + need ? b->ncap * 2 : b->nlen + need + 1024;
    b->norm = grow(b->a, b->norm, b->nlen, cap);
    b->ncap = cap;
}

/* Class of the character at i (CH_SPACE past the end, CH_BAD if invalid). */
static int peek(const txt_build *b, size_t i, int32_t *cp, int *len)
{
    if (i >= b->n) { *cp = 0; *len = 0; return CH_SPACE; }
    unsigned c = b->s[i];
    if (c < 0x80) { *cp = (int32_t)c; *len = 1; return txt_ascii_class[c]; }
    int l = txt_dec(b->s, b->n, i, cp);
    if (l < 0) { *cp = 0; *len = -l; return CH_BAD; }
    *len = l;
    return txt_class(*cp);
}

static int peek_class(const txt_build *b, size_t i)
{
    int32_t cp;
    int len;
    return peek(b, i, &cp, &len);
}

static int is_alnum_class(int cl) { return cl == CH_ALPHA || cl == CH_DIGIT || cl == CH_MARK; }

/* Fold token bytes into the norm buffer; counts cased and upper-case
 * letters and notes whether the first letter is upper-case. ASCII takes
 * the fast path; only other characters go through utf8proc. */
static void fold_token(txt_build *b, size_t start, size_t end, int punct, unsigned *letters,
                       unsigned *upper, int *first_up)
{
    const unsigned char *s = b->s;
    *letters = *upper = 0;
    *first_up = -1;
    norm_reserve(b, end - start + TXT_FOLD_CP_MAX + 1);
    size_t k = punct ? txt_fold_special(s + start, end - start, b->norm + b->nlen) : 0;
    if (k) { b->nlen += k; return; }
    for (size_t i = start; i < end;) {
        unsigned c = s[i];
        if (c < 0x80) {
            int up = c - 'A' < 26u, low = c - 'a' < 26u;
            if (up || low) {
                (*letters)++;
                *upper += (unsigned)up;
                if (*first_up < 0) *first_up = up;
            }
            b->norm[b->nlen++] = (char)(low ? c - 32 : c);
            i++;
            continue;
        }
        int32_t cp;
        int len = txt_dec(s, end, i, &cp);
        if (len < 0) { i += (size_t)-len; continue; }  /* cannot happen: tokens hold valid UTF-8 */
        int up = txt_is_upper(cp), low = !up && txt_is_lower(cp);
        if (up || low) {
            (*letters)++;
            *upper += (unsigned)up;
            if (*first_up < 0) *first_up = up;
        }
        /* room for this character's expansion and the rest as ASCII */
        norm_reserve(b, TXT_FOLD_CP_MAX + (end - i) + 1);
        b->nlen += txt_fold_cp(cp, b->norm + b->nlen);
        i += (size_t)len;
    }
}

/* Append token [start, end) with its folded form. */
static void emit(txt_build *b, size_t start, size_t end, unsigned flags, int aux, uint8_t gap)
{
    if (b->ntok == b->cap) {
        uint32_t cap = b->cap * 2;
        b->tok = grow(b->a, b->tok, b->ntok * sizeof *b->tok, cap * sizeof *b->tok);
        b->gap = grow(b->a, b->gap, b->ntok, cap);
        b->aux = grow(b->a, b->aux, b->ntok, cap);
        b->cap = cap;
    }
    size_t n0 = b->nlen;
    unsigned letters, upper;
    int first_up;
    fold_token(b, start, end, !(flags & (TXT_WORD | TXT_NUMBER)), &letters, &upper, &first_up);
    if (b->nlen == n0) {  /* only invisible characters: keep the raw bytes */
        norm_reserve(b, end - start + 1);
        memcpy(b->norm + b->nlen, b->s + start, end - start);
        b->nlen += end - start;
    }
    if (flags & (TXT_WORD | TXT_POSS)) {
        if (first_up == 1) flags |= TXT_CAP;
        if (letters > 1 && upper == letters) flags |= TXT_ALLCAPS;
    }
    txt_token *t = &b->tok[b->ntok];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->norm = (uint32_t)n0;
    t->norm_len = (uint16_t)(b->nlen - n0);
    t->flags = (uint16_t)flags;
    b->gap[b->ntok] = gap;
    b->aux[b->ntok] = (uint8_t)aux;
    b->ntok++;
    b->norm[b->nlen++] = 0;
}

/* Does the period at j continue the word (3.5, U.S, euractiv.com)? last
 * is the class of the char before it, seg the length of the current
 * period-free segment. */
static int join_period(const txt_build *b, size_t j, int last, size_t seg)
{
    if (last != CH_ALPHA && last != CH_DIGIT) return 0;
    int32_t cp;
    int len;
    int cl = peek(b, j + 1, &cp, &len);
    if (cl == CH_DIGIT) return 1;
    if (cl != CH_ALPHA) return 0;
    if (txt_is_lower(cp)) return 1;
    /* An upper-case letter joins only an acronym: single letters (U.S). */
    return seg == 1 && cp < 0x80 && !is_alnum_class(peek_class(b, j + 1 + (size_t)len));
}

/* Pronouns whose 's is "is"/"us", not a possessive (it's, let's). */
static int is_pronoun(const unsigned char *w, size_t n)
{
    static const char *const p[] = {"IT", "HE", "SHE", "THAT", "THERE", "WHAT", "WHO",
                                    "HERE", "WHERE", "HOW", "LET"};
    for (size_t k = 0; k < sizeof p / sizeof p[0]; k++) {
        size_t m = strlen(p[k]), i;
        if (m != n) continue;
        for (i = 0; i < n && (w[i] & 0xDF) == (unsigned char)p[k][i]; i++) {}
        if (i == n) return 1;
    }
    return 0;
}

/* A word's scan result: what the period and possessive rules need. */
typedef struct word_scan {
    size_t end;       /* end of the letters/digits run */
    int alpha;        /* has a letter */
    int ascii;        /* only ASCII letters and digits */
    int periods;      /* internal periods joined */
    int all_single;   /* every segment before a period was one character */
    size_t seg;       /* length of the last segment */
    int32_t lastcp;   /* last letter or digit */
} word_scan;

static void scan_run(const txt_build *b, size_t i, word_scan *w)
{
    size_t j = i;
    int last = CH_ALPHA;
    int32_t cp;
    int len;
    memset(w, 0, sizeof *w);
    w->ascii = w->all_single = 1;
    while (j < b->n && j - i < TXT_MAX_TOKEN) {
        int cl;
        if (b->s[j] < 0x80) { cp = b->s[j]; len = 1; cl = txt_ascii_class[cp]; }
        else cl = peek(b, j, &cp, &len);
        if (cl == CH_ALPHA || cl == CH_DIGIT) {
            w->alpha |= cl == CH_ALPHA;
            w->ascii &= cp < 0x80;
            w->seg++;
            last = cl;
            w->lastcp = cp;
        } else if (cl == CH_MARK || cl == CH_JOIN) {
            /* accents and soft hyphens stay inside the word */
        } else if (cp == '.' && join_period(b, j, last, w->seg)) {
            if (w->seg != 1) w->all_single = 0;
            w->periods++;
            w->seg = 0;
            last = CH_PERIOD;
        } else if (cp == ',' && last == CH_DIGIT && peek_class(b, j + 1) == CH_DIGIT) {
            last = CH_PUNCT;  /* 1,000 */
        } else if (cl == CH_APOS && last == CH_ALPHA) {
            /* didn't, O'Brien stay whole; "Russia's" stops before the 's */
            int32_t c2;
            int l2;
            if (peek(b, j + (size_t)len, &c2, &l2) != CH_ALPHA) break;
            if ((c2 == 's' || c2 == 'S') && !is_alnum_class(peek_class(b, j + (size_t)len + 1))) break;
            last = CH_APOS;
        } else break;
        j += (size_t)len;
    }
    w->end = j;
}

/* Abbreviation kind when the word [i, w->end) is followed by a period it
 * should keep; AB_NONE otherwise. */
static int abbrev_kind(const txt_build *b, size_t i, const word_scan *w)
{
    size_t j = w->end;
    if (j >= b->n || b->s[j] != '.' || !w->alpha || !w->ascii) return AB_NONE;
    if (j + 1 < b->n && b->s[j + 1] == '.') return AB_NONE;  /* an ellipsis follows */
    const char *word = (const char *)b->s + i;
    size_t n = j - i;
    int cap = word[0] >= 'A' && word[0] <= 'Z';
    if (w->periods) return w->all_single && w->seg == 1 ? AB_ACRONYM : AB_NONE;
    if (n == 1 && cap) return AB_INITIAL;
    int k = txt_abbrev_kind(word, n, cap);
    if (k == AB_NUMREF) {  /* "No." only before a number: "said no." is a word */
        size_t q = j + 1;
        while (q < b->n && (b->s[q] == ' ' || b->s[q] == '\t')) q++;
        if (q >= b->n || b->s[q] < '0' || b->s[q] > '9') k = AB_NONE;
    }
    return k;
}

/* Split a possessive or 's contraction off the word ending at j; returns
 * the new position (j when there is none). */
static size_t possessive(txt_build *b, size_t i, size_t j, const word_scan *w)
{
    int32_t cp, c2;
    int len, l2;
    if (peek(b, j, &cp, &len) != CH_APOS) return j;
    size_t after = j + (size_t)len;
    peek(b, after, &c2, &l2);
    if ((c2 == 's' || c2 == 'S') && !is_alnum_class(peek_class(b, after + 1))) {
        unsigned f = w->ascii && is_pronoun(b->s + i, j - i) ? TXT_WORD : TXT_POSS;
        emit(b, j, after + 1, f, AB_NONE, 0);
        return after + 1;
    }
    /* Belarus' borders: the apostrophe alone, unless it closes a quote. */
    if ((w->lastcp == 's' || w->lastcp == 'S') && w->alpha && b->sq_open == 0 &&
        !is_alnum_class(peek_class(b, after))) {
        emit(b, j, after, TXT_POSS, AB_NONE, 0);
        return after;
    }
    return j;
}

static size_t word(txt_build *b, size_t i, uint8_t gap, unsigned pend)
{
    word_scan w;
    scan_run(b, i, &w);
    int ab = abbrev_kind(b, i, &w);
    size_t end = w.end + (ab != AB_NONE);
    emit(b, i, end, (w.alpha ? TXT_WORD : TXT_NUMBER) | pend, ab, gap);
    return possessive(b, i, end, &w);   /* U.S.'s as well as Russia's */
}

/* A run of characters of the given classes (dashes, periods). */
static size_t run(const txt_build *b, size_t i, int c1, int c2)
{
    while (i < b->n) {
        int32_t cp;
        int len;
        int cl = peek(b, i, &cp, &len);
        if (cl != c1 && cl != c2) break;
        i += (size_t)len;
    }
    return i;
}

/* Quote marks: open or close from the glyph, or from the context for
 * straight quotes and apostrophes. prev is the class before the mark. */
static unsigned quote_flags(txt_build *b, int cl, int prev, int next)
{
    int open_ctx = prev == CH_SPACE || prev == CH_NL || prev == CH_PARA || prev == CH_OPEN ||
                   prev == CH_DASH || prev == CH_HYPHEN || prev == CH_LDQ || prev == CH_LSQUO;
    int close_ctx = !(next == CH_ALPHA || next == CH_DIGIT || next == CH_OPEN ||
                      next == CH_LDQ || next == CH_LSQUO || next == CH_MARK);
    int open;
    switch (cl) {
    case CH_LDQ: open = 1; break;
    case CH_RDQ: open = 0; break;
    case CH_LSQUO: open = 1; break;
    case CH_RSQUO: open = 0; break;
    case CH_DQ:
        if (open_ctx != close_ctx) open = open_ctx;
        else open = b->dq_open == 0;  /* no clue from spacing: alternate */
        break;
    default: /* CH_APOS */
        if (open_ctx && next == CH_ALPHA) open = 1;
        else if (b->sq_open > 0 && !open_ctx) open = 0;
        else return TXT_PUNCT;  /* a stray apostrophe, '90s */
        break;
    }
    int *depth = cl == CH_DQ || cl == CH_LDQ || cl == CH_RDQ ? &b->dq_open : &b->sq_open;
    if (open) { if (*depth < 8) (*depth)++; }
    else if (*depth > 0) (*depth)--;
    return TXT_PUNCT | TXT_QUOTE | (open ? TXT_OPEN_Q : TXT_CLOSE_Q);
}

static int is_quote_class(int cl)
{
    return cl == CH_APOS || cl == CH_LSQUO || cl == CH_RSQUO || cl == CH_DQ || cl == CH_LDQ ||
           cl == CH_RDQ;
}

/* Punctuation (and quotes); returns the position after it. */
static size_t punct(txt_build *b, size_t i, int cl, int cp, int len, int prev, uint8_t gap)
{
    size_t e = i + (size_t)len;
    int aux = AB_NONE;
    unsigned f = TXT_PUNCT;
    switch (cl) {
    case CH_HYPHEN: case CH_DASH:
        e = run(b, i, CH_HYPHEN, CH_DASH);
        aux = PX_DASH;
        break;
    case CH_PERIOD: case CH_ELLIPSIS:
        e = run(b, i, CH_PERIOD, CH_ELLIPSIS);
        aux = cl == CH_PERIOD && e == i + (size_t)len ? PX_PERIOD : PX_ELLIPSIS;
        break;
    case CH_TERM: aux = PX_TERM; break;
    case CH_CLOSE: aux = PX_CLOSE; break;
    case CH_OPEN: aux = PX_OPEN; break;
    default:
        if (is_quote_class(cl)) f = quote_flags(b, cl, prev, peek_class(b, e));
        else if (cp == ',' || cp == ';') aux = PX_COMMA;
        break;
    }
    emit(b, i, e, f, aux, gap);
    return e;
}

/* A single hyphen between a word and a letter or digit joins them:
 * "al-Assad" gives AL, ASSAD (flagged TXT_HYPHEN), the hyphen no token. */
static int joining_hyphen(const txt_build *b, size_t i, int len, uint8_t gap)
{
    if (gap || b->ntok == 0) return 0;
    const txt_token *t = &b->tok[b->ntok - 1];
    if (t->end != i || !(t->flags & (TXT_WORD | TXT_NUMBER))) return 0;
    int nx = peek_class(b, i + (size_t)len);
    return nx == CH_ALPHA || nx == CH_DIGIT;
}

/* Class of the last character before e (e > 0, a token just ended). */
static int last_class(const txt_build *b, size_t e)
{
    size_t i = e - 1;
    while (i > 0 && e - i < 4 && (b->s[i] & 0xC0) == 0x80) i--;
    return peek_class(b, i);
}

void txt_tokenise(txt_build *b)
{
    size_t i = 0;
    uint8_t gap = 0;
    unsigned pend = 0;     /* TXT_HYPHEN owed to the next token */
    int prev = CH_SPACE;   /* class of the character before i */
    while (i < b->n) {
        int32_t cp;
        int len, cl;
        if (b->s[i] < 0x80) { cp = b->s[i]; len = 1; cl = txt_ascii_class[cp]; }
        else cl = peek(b, i, &cp, &len);
        if (cl == CH_BAD) add_bad(b, i);
        if (cl == CH_BAD || cl == CH_SPACE || cl == CH_JOIN) { gap |= G_SPACE; prev = CH_SPACE; i += (size_t)len; continue; }
        if (cl == CH_NL) { gap |= (gap & G_NL) ? G_PARA | G_SPACE : G_NL | G_SPACE; prev = CH_NL; i += (size_t)len; continue; }
        if (cl == CH_PARA) { gap |= G_PARA | G_NL | G_SPACE; prev = CH_PARA; i += (size_t)len; continue; }
        if (gap & G_PARA) b->dq_open = b->sq_open = 0;  /* quotes never span paragraphs */
        if (cl == CH_HYPHEN && joining_hyphen(b, i, len, gap)) {
            pend = TXT_HYPHEN;
            i += (size_t)len;
            prev = CH_HYPHEN;
            continue;
        }
        size_t e;
        if (cl == CH_ALPHA || cl == CH_DIGIT) e = word(b, i, gap, pend);
        else e = punct(b, i, cl, cp, len, prev, gap);
        prev = last_class(b, e);
        i = e;
        gap = 0;
        pend = 0;
    }
}
