/* page.c: RD_HTML (one web page per input) and rd_page_article(), which
 * turns any raw page (RD_HTML, RD_WARC) into its article. */
#include "input/html.h"
#include "input/reader.h"
#include <stdio.h>

/* A page is read whole, like a text; the workers extract its article. */
const rd_format_ops rd_html_ops = {"html", rd_whole_input, 1};

int rd_page_article(rd_html *x, const dyad_article *page, const char *charset, size_t max_article,
                    dyad_article *out, rd_error *err)
{
    if (!max_article) max_article = RD_MAX_ARTICLE;
    const rd_page *pg;
    char why[200];
    int rc = rd_html_extract(x, page->text, page->len, charset, page->url, &pg, why, sizeof why);
    if (!rc && pg->text.len > max_article) {
        snprintf(why, sizeof why, "article text of %zu bytes is over the %zu-byte limit, skipped", pg->text.len,
                 max_article);
        rc = -1;
    }
    if (rc) {
        if (err) {
            err->origin = page->origin;
            err->line = page->line;
            snprintf(err->msg, sizeof err->msg, "%s", why);
        }
        return -1;
    }
    if (!pg->text.len) return 0;
    *out = *page;
    out->text = pg->text.data;
    out->len = pg->text.len;
    if (!page->title || !page->title[0]) out->title = pg->title.data;
    if (!page->url || !page->url[0]) out->url = pg->url.data;
    if (!page->source || !page->source[0]) out->source = pg->site.data;
    if (pg->date) out->date = pg->date;
    return 1;
}
