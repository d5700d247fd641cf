/* fuzz_html.c: libFuzzer target for HTML extraction (src/input/html.c,
 * html_meta.c) on arbitrary bytes, with and without a declared charset.
 * The page's strings must be valid C strings of the lengths they claim,
 * the body must hold no blank run it should have collapsed, and the date
 * must be 0 or a calendar date. Must never crash or hang. */
#include "input/html.h"
#include "input/input.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ASSERT(c) do { if (!(c)) abort(); } while (0)

static void check(const rd_page *pg)
{
    const buf *bs[] = {&pg->text, &pg->title, &pg->author, &pg->url, &pg->site};
    for (size_t i = 0; i < sizeof bs / sizeof bs[0]; i++) ASSERT(bs[i]->data && strlen(bs[i]->data) <= bs[i]->len);
    ASSERT(!strstr(pg->text.data, "   "));
    if (pg->date) {
        char s[16];
        snprintf(s, sizeof s, "%08d", pg->date);
        ASSERT(rd_parse_date(s) == pg->date);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static rd_html *x;
    if (!x) x = rd_html_new();
    const rd_page *pg;
    char why[128];
    static const char *const charsets[] = {NULL, "iso-8859-1", "no-such-charset"};
    for (int k = 0; k < 3; k++)
        if (rd_html_extract(x, (const char *)data, size, charsets[k], "https://x.example/2020/01/02/a", &pg, why,
                            sizeof why) == 0)
            check(pg);
        else
            ASSERT(!strncmp(why, "not HTML", 8));
    /* the same bytes behind "<html>" always parse */
    char *p = malloc(size + 6);
    memcpy(p, "<html>", 6);
    if (size) memcpy(p + 6, data, size);
    if (rd_html_extract(x, p, size + 6, NULL, NULL, &pg, why, sizeof why) == 0) check(pg);
    free(p);
    (void)rd_text_date((const char *)data, size);
    return 0;
}
