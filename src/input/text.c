/* text.c: RD_TEXT, the whole input as one article. */
#include "input/reader.h"

int rd_whole_input(rd_reader *r, dyad_article *out, rd_error *err)
{
    if (r->text_done) return 0;
    r->text_done = 1;
    const char *p;
    size_t n;
    int rc = rd_stream_all(&r->s, &p, &n);
    if (rc == -2)
        return rd_fail(r, err, 0, "input longer than %zu bytes (%zu), skipped", r->opt.max_record, n);
    /* On a broken stream (-1) what was read is still an article (a cut
     * page is still worth extracting); rd_next reports the break after. */
    if (rd_blank(p, n)) return 0;
    *out = (dyad_article){
        .id = r->origin, .url = "", .source = "", .title = "",
        .date = r->opt.default_date, .text = p, .len = n,
        .origin = r->origin, .line = 0,
    };
    return 1;
}

const rd_format_ops rd_text_ops = {"text", rd_whole_input, 0};
