/* html.h: article extraction from a web page (internal to src/input; also
 * used by the threaded pipeline and `dyad eval extract`).
 *
 * Contract: rd_html_extract() parses one page with libxml2's HTML parser
 * (recovering from any markup, never touching the network) and fills an
 * rd_page with the article's body text, headline, author(s), publication
 * date, canonical URL and site name. The body is the text of the page's
 * main content block only: navigation, related links, ads, comments,
 * share widgets and other boilerplate are left out. Body paragraphs are
 * separated by blank lines; whitespace inside a paragraph is collapsed to
 * single spaces; the text is UTF-8 whatever the page's charset.
 *
 * Input that is not HTML (binary data, plain text, JSON) is refused with
 * a reason. A page without article text is not an error: its body is "".
 * An extractor reuses its buffers from page to page (no per-node malloc of
 * ours) and is not shared between threads; make one per thread. The
 * rd_page belongs to the extractor and is valid until its next call.
 *
 * Why libxml2 and not gumbo: on the ScrapingHub benchmark pages (31.5 MB)
 * libxml2's htmlReadMemory parses at ~118 MB/s against gumbo's ~35 MB/s on
 * one core, and only libxml2 leaves room for the 50 MB/s extraction target;
 * its error recovery is good enough for content extraction, where the
 * exact HTML5 tree of a broken page matters little. */
#ifndef DYAD_INPUT_HTML_H
#define DYAD_INPUT_HTML_H
#include <stddef.h>
#include "input/input.h"
#include "util/buf.h"

typedef struct rd_page {
    buf text;     /* article body, paragraphs separated by "\n\n"; "" if none */
    buf title;    /* headline, "" if unknown */
    buf author;   /* author name(s) joined by ", ", "" if unknown */
    buf url;      /* canonical URL the page gives (link rel=canonical, og:url), "" if none */
    buf site;     /* publisher / site name (og:site_name, JSON-LD publisher), "" if none */
    int date;     /* publication date yyyymmdd, 0 if unknown */
} rd_page;

/* rd_html, rd_html_new() and rd_html_free() are declared in input.h. */

/* Extract from html[0..n). charset: the one the transport declared (HTTP
 * Content-Type), or NULL to let the page say (BOM, <meta charset>; UTF-8
 * otherwise). url: where the page came from (a date in it is the last
 * resort), NULL if unknown. 0 and *out filled; -1 when the bytes are not
 * HTML, with the reason in why[0..whylen). */
int rd_html_extract(rd_html *x, const char *html, size_t n, const char *charset, const char *url,
                    const rd_page **out, char *why, size_t whylen);

/* A date written out in text: "November 19, 2019", "19 Nov. 2019",
 * "2019-11-19", "2019/11/19", "Tuesday, 19 November 2019 10:02" ... found
 * anywhere in s[0..n) (the first one wins). yyyymmdd, or 0. */
int rd_text_date(const char *s, size_t n);

#endif
