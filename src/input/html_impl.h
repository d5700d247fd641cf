/* html_impl.h: what html.c (body) and html_meta.c (metadata) share.
 *
 * Contract: helpers read libxml2's tree without allocating: attribute
 * values are the attribute's first text child, element text is appended
 * whitespace-collapsed to a caller's buf. hm_collect() fills the page's
 * metadata from one walk over the document. */
#ifndef DYAD_INPUT_HTML_IMPL_H
#define DYAD_INPUT_HTML_IMPL_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include "input/html.h"

/* The value of attribute `name` (ASCII, compared case-insensitively) of
 * element n, or NULL. Points into the tree: no copy. */
const char *hm_attr(const xmlNode *n, const char *name);

/* Is the element named `tag` (lowercase, as libxml2 names HTML elements)? */
static inline int hm_is(const xmlNode *n, const char *tag)
{
    const char *a = (const char *)n->name, *b = tag;
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

/* Append the visible text under n to b, whitespace (and NBSP) runs as one
 * space, skipping script/style/template content. */
void hm_text(const xmlNode *n, buf *b);

/* Append s[0..n) whitespace-collapsed; *space tells whether b already ends
 * in a collapsed blank (kept across calls). */
void hm_add_collapsed(buf *b, const char *s, size_t n, int *space);

/* Trim blanks at both ends of b. */
void hm_trim(buf *b);

/* Fill pg->title, author, url, site, date from <meta>, <link>, <title>,
 * JSON-LD, <time>, bylines and the page URL. `url` is where the page came
 * from (for a date in it), "" if unknown. scratch is working space. */
void hm_collect(xmlNode *root, rd_page *pg, const char *url, buf *scratch);

#endif
