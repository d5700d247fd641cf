/* fuzz_jsonl.c: libFuzzer target for the input stage. The input is read
 * from memory (rd_open_mem) as JSONL and as RD_AUTO (which may pick text,
 * and inflates gzip), with a small record cap so the skip paths run too;
 * every article's strings are touched and re-encoded as JSON so a bad
 * pointer or length shows up under ASan. Must never crash or hang. */
#include "input/input.h"
#include "output/output.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static size_t touch(const dyad_article *a, buf *b)
{
    size_t n = strlen(a->id) + strlen(a->url) + strlen(a->source) + strlen(a->title) +
               strlen(a->origin);
    buf_clear(b);
    out_json_text(b, a->text, a->len);
    out_json_text(b, a->id, strlen(a->id));
    return n + b->len + (size_t)(a->date > 0);
}

static void read_all(const uint8_t *data, size_t size, const char *name, rd_format fmt,
                     size_t cap, buf *b)
{
    rd_options opt = {.default_date = 20240816, .max_record = cap};
    rd_error err;
    rd_reader *r = rd_open_mem(data, size, name, fmt, &opt, &err);
    if (!r) return;
    dyad_article a;
    int rc;
    volatile size_t sink = 0;
    /* a reader must end; gzip can multiply the records, hence the slack */
    for (size_t guard = 0; (rc = rd_next(r, &a, &err)) != 0; guard++) {
        if (guard > 2000 * size + 10) abort();
        if (rc > 0) sink += touch(&a, b);
        else sink += strlen(err.msg) + strlen(err.origin);
    }
    (void)sink;
    rd_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    buf b;
    buf_init(&b);
    read_all(data, size, "fuzz.jsonl", RD_JSONL, 0, &b);
    read_all(data, size, "fuzz.jsonl", RD_JSONL, 64, &b);
    read_all(data, size, "fuzz", RD_AUTO, 0, &b);
    read_all(data, size, "fuzz.gz", RD_AUTO, 100, &b);
    /* the date parser sees the first line as a C string */
    char line[64];
    size_t n = size < sizeof line - 1 ? size : sizeof line - 1;
    memcpy(line, data, n);
    line[n] = 0;
    (void)rd_parse_date(line);
    buf_free(&b);
    return 0;
}
