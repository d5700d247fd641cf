/* clean.h: remove scraper noise from article text, in place, keeping offsets.
 *
 * Contract: cln_clean() copies text into the arena with every noise region
 * overwritten by spaces (newlines kept), so the cleaned text has the same
 * length and the same offsets as the raw one. Each removed region is listed
 * with its kind; bylines and datelines are removed from the codeable text
 * and reported as metadata. */
#ifndef DYAD_CLEAN_H
#define DYAD_CLEAN_H
#include <stddef.h>
#include <stdint.h>
#include "util/arena.h"

typedef enum cln_kind {
    CLN_SHORTCODE,   /* [ad_1], [caption id=...] ..., and lone "Advertisement" lines */
    CLN_FOOTER,      /* "Source link", "Read more by X", "Copyright ..." */
    CLN_SHARE,       /* share/subscribe/follow us lines */
    CLN_BYLINE,      /* "By Jane Doe" (metadata) */
    CLN_DATELINE,    /* "MINSK, Aug 16 (Reuters) -" (metadata) */
    CLN_MARKUP,      /* stray HTML tags, &nbsp;, lines that are only a URL */
} cln_kind;

typedef struct cln_noise {
    uint32_t start, end;  /* removed byte range in the raw text */
    cln_kind kind;
} cln_noise;

typedef struct cln_result {
    char *text;            /* cleaned copy, same length as the raw text, NUL-terminated */
    size_t len;
    cln_noise *noise;      /* removed regions in text order */
    uint32_t nnoise;
    const char *byline;    /* author(s) from a byline, "" if none */
    const char *dateline;  /* place from a dateline, "" if none */
} cln_result;

const char *cln_kind_name(cln_kind k);
int cln_clean(arena *a, const char *text, size_t len, cln_result *out);

#endif
