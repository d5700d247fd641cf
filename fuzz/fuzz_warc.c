/* fuzz_warc.c: libFuzzer target for the WARC reader (src/input/warc.c)
 * and deferred page extraction. The input is read as RD_WARC, plain and
 * behind a fixed valid record (so fuzzed bytes land mid-stream), with a
 * small record cap so the skip paths run too; pages are extracted with
 * rd_page_article. Every string is touched; the reader must end. */
#include "input/input.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static volatile size_t sink;

static void read_all(const char *data, size_t size, size_t cap, int raw, rd_html *x)
{
    rd_options opt = {.default_date = 20240816, .max_record = cap};
    rd_error err;
    rd_reader *r = rd_open_mem(data, size, "fuzz.warc", RD_WARC, &opt, &err);
    if (!r) return;
    rd_set_raw_pages(r, raw);
    dyad_article a, art;
    int rc;
    for (size_t guard = 0; (rc = rd_next(r, &a, &err)) != 0; guard++) {
        if (guard > 2000 * size + 10) abort();
        if (rc < 0) { sink += strlen(err.msg) + strlen(err.origin); continue; }
        sink += strlen(a.id) + strlen(a.url) + strlen(a.title) + strlen(a.source) + strlen(a.origin);
        for (size_t i = 0; i < a.len; i++) sink += (unsigned char)a.text[i];
        if (raw && rd_page_article(x, &a, rd_page_charset(r), 0, &art, &err) > 0)
            sink += strlen(art.text) + strlen(art.title);
    }
    rd_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static rd_html *x;
    if (!x) x = rd_html_new();
    read_all((const char *)data, size, 0, 1, x);
    read_all((const char *)data, size, 200, 0, x);
    static const char head[] =
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 84\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Gondor met Arnor in Minas Tirith.</p>\r\n\r\n";
    char *p = malloc(sizeof head - 1 + size);
    memcpy(p, head, sizeof head - 1);
    if (size) memcpy(p + sizeof head - 1, data, size);
    read_all(p, sizeof head - 1 + size, 0, 1, x);
    free(p);
    return 0;
}
