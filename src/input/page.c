/* page.c: RD_HTML (one web page per input) and rd_page_article(), which
 * turns any raw page (RD_HTML, RD_WARC) into its article. */
#include "input/html.h"
#include "input/reader.h"
#include <stdio.h>

static int html_next(rd_reader *r, dyad_article *out, rd_error *err)
{
    if (r->text_done) return 0;
    r->text_done = 1;
    const char *p;
    size_t n;
    int rc = rd_stream_all(&r->s, &p, &n);
    if (rc == -2)
        return rd_fail(r, err, 0, "input longer than %zu bytes (%zu), skipped", r->opt.max_record, n);
    /* A broken stream (-1) leaves what came before it: a cut page is still
     * worth extracting; rd_next reports the break afterwards. */
    if (rd_blank(p, n)) return 0;
    *out = (dyad_article){
        .id = r->origin, .url = "", .source = "", .title = "",
        .date = r->opt.default_date, .text = p, .len = n,
        .origin = r->origin, .line = 0,
    };
    return 1;
}

const rd_format_ops rd_html_ops = {"html", html_next, 1};

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
