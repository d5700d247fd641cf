/* text.h: UTF-8 checking, sentence splitting and tokenising of an article.
 *
 * Contract: txt_analyse() reads the (cleaned) article text and fills a
 * txt_doc whose arrays live in the caller's arena. Tokens carry byte offsets
 * into that same text and a normalised form used for dictionary matching:
 * upper-cased, accents stripped (utf8proc), curly quotes/apostrophes folded
 * to ASCII. Invalid UTF-8 is reported (offsets in txt_doc.bad) and treated
 * as a word-break; it never aborts. No allocation outside the arena.
 *
 * Tokenisation conventions the coder can rely on:
 *  - Possessives are split off: "Russia's" -> RUSSIA + 'S (TXT_POSS);
 *    "Belarus' borders" -> BELARUS + ' (TXT_POSS). The 's of it's, he's,
 *    that's, there's, what's, who's, here's, where's, how's, let's is also
 *    split (norm 'S) but flagged TXT_WORD, not TXT_POSS.
 *  - Other contractions stay whole: DIDN'T, WON'T, CAN'T, WE'LL, O'BRIEN.
 *  - A hyphen between two words splits them and is not a token; the second
 *    word has TXT_HYPHEN: "al-Assad" -> AL, ASSAD; "U.S.-led" -> U.S., LED.
 *  - Dashes (U+2013, U+2014, " - ", "--") are one TXT_PUNCT token, norm "-".
 *  - Abbreviations keep their period: U.S., GEN., MR., JAN., INC., P.M.,
 *    E.G., initials (W.); TXT_ABBREV unless the period also ends the
 *    sentence (then TXT_SENT_END instead).
 *  - Numbers keep inner , and . (1,000  3.5); "2.5bn", "5th" are words.
 *  - Every other punctuation character is its own TXT_PUNCT token; "..."
 *    and U+2026 are one token, norm "...". Quote marks are TXT_PUNCT |
 *    TXT_QUOTE plus TXT_OPEN_Q or TXT_CLOSE_Q; a stray apostrophe is plain
 *    TXT_PUNCT.
 *  - Sentences partition the tokens: every token is in exactly one, and
 *    closing quotes/brackets after the final . ! ? belong to it. */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include "util/arena.h"

enum {
    TXT_WORD     = 1 << 0,  /* letters/digits (may contain ' . as in DIDN'T, U.S.) */
    TXT_NUMBER   = 1 << 1,  /* digits, maybe with , . (3.5, 1,000) */
    TXT_PUNCT    = 1 << 2,  /* one punctuation character (, ; : ( ) etc.) */
    TXT_QUOTE    = 1 << 3,  /* a quotation mark (straight or curly, single when used as quote) */
    TXT_CAP      = 1 << 4,  /* first letter upper-case in the original */
    TXT_ALLCAPS  = 1 << 5,  /* every letter upper-case (and >1 letter) */
    TXT_POSS     = 1 << 6,  /* the token is a possessive 's or ' split off its word */
    TXT_SENT_END = 1 << 7,  /* . ! ? ending a sentence */
    TXT_OPEN_Q   = 1 << 8,  /* opening quote */
    TXT_CLOSE_Q  = 1 << 9,  /* closing quote */
    TXT_ABBREV   = 1 << 10, /* word ending in a period that is not a sentence end (Gen., U.S.) */
    TXT_HYPHEN   = 1 << 11, /* joined to the previous token by a hyphen ("al-Assad": ASSAD) */
};

typedef struct txt_token {
    uint32_t start, end;   /* byte offsets in the text */
    uint32_t norm;         /* offset of the normalised form in txt_doc.norm */
    uint16_t norm_len;     /* bytes of the normalised form (no NUL counted) */
    uint16_t flags;        /* TXT_* */
} txt_token;

typedef struct txt_sentence {
    uint32_t start, end;   /* byte offsets of the sentence */
    uint32_t tok;          /* index of its first token */
    uint32_t ntok;         /* number of tokens */
    uint8_t  quote_depth;  /* 1 when the sentence starts inside an open quotation */
} txt_sentence;

typedef struct txt_doc {
    const char *text;      /* the analysed text (not owned) */
    size_t len;
    txt_token *tok;        /* all tokens of the article */
    uint32_t ntok;
    txt_sentence *sent;    /* sentences in order */
    uint32_t nsent;
    char *norm;            /* normalised forms, each NUL-terminated */
    uint32_t *bad;         /* byte offsets of invalid UTF-8 sequences */
    uint32_t nbad;
} txt_doc;

/* Analyse text[0..len). Returns 0. Arena owns every array in doc. */
int txt_analyse(arena *a, const char *text, size_t len, txt_doc *doc);

/* Normalised form of token i, NUL-terminated. */
static inline const char *txt_norm(const txt_doc *d, uint32_t i) { return d->norm + d->tok[i].norm; }

/* Check UTF-8; returns number of invalid sequences, stores up to max offsets. */
size_t txt_utf8_check(const char *s, size_t n, uint32_t *bad, size_t max);

/* Normalise s[0..n) exactly as token norms are made: upper-case, accents
 * and compatibility forms folded (utf8proc), curly quotes/apostrophes to
 * ' and ", dashes to -, a run of only dashes to "-", a run of only periods
 * or ellipses to "...". Invalid bytes are dropped. For every token,
 * txt_fold(text + start, end - start) equals its norm, so dictionaries can
 * fold their words with it. Writes at most cap bytes, NUL-terminated when
 * cap > 0; returns the folded length (like snprintf). */
size_t txt_fold(const char *s, size_t n, char *out, size_t cap);

#endif
