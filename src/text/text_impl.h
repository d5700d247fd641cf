/* text_impl.h: internals shared by the text stage's files (not public). */
#ifndef DYAD_TEXT_IMPL_H
#define DYAD_TEXT_IMPL_H
#include "text/text.h"
#include <stdint.h>

/* Character classes the tokeniser dispatches on. */
enum {
    CH_SPACE,    /* blanks, controls, zero-width spaces: break words */
    CH_NL,       /* \n: a line break */
    CH_PARA,     /* U+2029, \f, \v: a paragraph break on its own */
    CH_ALPHA,    /* a letter (any script) */
    CH_DIGIT,    /* a decimal digit */
    CH_MARK,     /* combining mark: part of a word after a letter */
    CH_JOIN,     /* soft hyphen, ZWJ/ZWNJ, word joiner: invisible inside words */
    CH_APOS,     /* ' U+2019 U+02BC: apostrophe or single quote */
    CH_LSQUO,    /* U+2018 U+201B U+2039: opening single quote */
    CH_RSQUO,    /* U+203A: closing single quote */
    CH_DQ,       /* ": a straight double quote, open or close by context */
    CH_LDQ,      /* U+201C U+201E U+201F U+00AB: opening double quote */
    CH_RDQ,      /* U+201D U+00BB: closing double quote */
    CH_HYPHEN,   /* - U+2010 U+2011 */
    CH_DASH,     /* en/em dashes, minus sign */
    CH_PERIOD,   /* . */
    CH_ELLIPSIS, /* U+2026 */
    CH_OPEN,     /* ( [ { */
    CH_CLOSE,    /* ) ] } */
    CH_TERM,     /* ! ? and their full-width / doubled forms */
    CH_PUNCT,    /* any other punctuation or symbol */
};

/* Decode the UTF-8 sequence at s[i] (i < n). Returns its length and sets
 * *cp; for an invalid sequence returns minus the length of its maximal
 * invalid subpart (Unicode's recommended practice), so a truncated
 * 3-byte sequence is one error, not three. */
static inline int txt_dec(const unsigned char *s, size_t n, size_t i, int32_t *cp)
{
    unsigned b0 = s[i];
    if (b0 < 0x80) { *cp = (int32_t)b0; return 1; }
    int need;
    unsigned lo = 0x80, hi = 0xBF;
    int32_t c;
    if (b0 >= 0xC2 && b0 <= 0xDF) { need = 1; c = b0 & 0x1F; }
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2; c = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;       /* overlong */
        if (b0 == 0xED) hi = 0x9F;       /* surrogates */
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3; c = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;       /* overlong */
        if (b0 == 0xF4) hi = 0x8F;       /* > U+10FFFF */
    } else return -1;
    for (int k = 1; k <= need; k++) {
        if (i + (size_t)k >= n) return -k;
        unsigned b = s[i + (size_t)k];
        if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return -k;
        c = (c << 6) | (int32_t)(b & 0x3F);
    }
    *cp = c;
    return need + 1;
}

#define CH_BAD (-1)  /* an invalid UTF-8 sequence (peek result only) */

/* Class of a code point (ASCII by table, the rest via utf8proc). */
extern const uint8_t txt_ascii_class[128];
int txt_class(int32_t cp);
int txt_is_upper(int32_t cp);
int txt_is_lower(int32_t cp);

/* Largest number of bytes txt_fold_cp writes for one code point. */
#define TXT_FOLD_CP_MAX 96
/* Fold one code point (upper-case, strip marks, fold quotes and dashes)
 * into out; returns bytes written (0 for invisible characters). */
size_t txt_fold_cp(int32_t cp, char *out);
/* Token-shape special cases of txt_fold: "-" for a run of dashes, "..."
 * for a run of periods/ellipses; returns the folded length or 0. */
size_t txt_fold_special(const unsigned char *s, size_t n, char *out);

/* Per-token detail (txt_build.aux): abbreviation kind of a word token
 * that swallowed its period, or the kind of a punctuation token. */
enum {
    AB_NONE,
    AB_TITLE,    /* Mr. Gen. Dr.: always followed by a name, never ends a sentence */
    AB_ABBR,     /* Inc. Jan. etc.: ends a sentence only before a sentence opener */
    AB_ACRONYM,  /* U.S. a.m. e.g.: same rule as AB_ABBR */
    AB_INITIAL,  /* J. in "J. R. R. Tolkien" */
    AB_NUMREF,   /* No. 5, Fig. 3 */
    /* Kinds of punctuation tokens the sentence splitter looks for. */
    PX_PERIOD,   /* . */
    PX_TERM,     /* ! ? */
    PX_ELLIPSIS, /* ... or U+2026 */
    PX_CLOSE,    /* ) ] } */
    PX_OPEN,     /* ( [ { */
    PX_DASH,     /* - -- U+2014 ... */
    PX_COMMA,    /* , ; */
};
/* Abbreviation kind of word w[0..n) (ASCII) followed by a period; cap is
 * whether w starts upper-case. AB_NONE when not a known abbreviation. */
int txt_abbrev_kind(const char *w, size_t n, int cap);
/* Is upper-cased word w[0..n) a typical sentence opener (THE, HE, BUT...)? */
int txt_is_opener(const char *w, size_t n);

/* Gap flags: what separates a token from the one before it. */
enum { G_SPACE = 1, G_NL = 2, G_PARA = 4 };

/* The tokeniser's output, kept while the sentence splitter runs. */
typedef struct txt_build {
    arena *a;
    const unsigned char *s;
    size_t n;
    txt_token *tok;
    uint8_t *gap;     /* G_* before each token */
    uint8_t *aux;     /* AB_* or PX_* of each token */
    uint32_t ntok, cap;
    char *norm;
    size_t nlen, ncap;
    uint32_t *bad;
    uint32_t nbad, badcap;
    uint32_t scap;    /* sentences allocated in the txt_doc */
    int dq_open;      /* straight double quotes currently open */
    int sq_open;      /* single quotes currently open */
} txt_build;

void txt_tokenise(txt_build *b);
void txt_sentences(txt_build *b, txt_doc *doc);

#endif
