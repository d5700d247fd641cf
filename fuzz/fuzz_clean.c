/* fuzz_clean.c: cln_clean on arbitrary bytes keeps offsets, then txt_analyse runs on it. */
#include "clean/clean.h"
#include "text/text.h"
#include <stdlib.h>
#include <string.h>

#define ASSERT(c) do { if (!(c)) abort(); } while (0)

static void check_clean(const cln_result *r, const char *raw, size_t len)
{
    ASSERT(r->len == len && r->text[len] == 0);
    ASSERT(r->byline && r->dateline);
    uint32_t prev = 0, k = 0;
    for (uint32_t j = 0; j < r->nnoise; j++) {
        const cln_noise *n = &r->noise[j];
        ASSERT(n->start < n->end && n->end <= len && n->start >= prev);
        ASSERT(n->kind <= CLN_MARKUP);
        prev = n->end;
    }
    /* outside the regions nothing moved; inside, blanks with newlines kept */
    for (size_t i = 0; i < len; i++) {
        while (k < r->nnoise && r->noise[k].end <= i) k++;
        if (k < r->nnoise && r->noise[k].start <= i) ASSERT(r->text[i] == (raw[i] == '\n' ? '\n' : ' '));
        else ASSERT(r->text[i] == raw[i]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static arena a;
    static int init;
    if (!init) { arena_init(&a, 0); init = 1; }
    cln_result r;
    cln_clean(&a, (const char *)data, size, &r);
    check_clean(&r, (const char *)data, size);
    txt_doc d;
    txt_analyse(&a, r.text, r.len, &d);
    for (uint32_t s = 0; s < d.nsent; s++) {
        ASSERT(d.sent[s].tok + d.sent[s].ntok <= d.ntok);
        ASSERT(d.sent[s].start < d.sent[s].end && d.sent[s].end <= r.len);
    }
    for (uint32_t i = 0; i < d.ntok; i++) {
        ASSERT(d.tok[i].end <= r.len && d.tok[i].start < d.tok[i].end);
        if (i) ASSERT(d.tok[i].start >= d.tok[i - 1].end);
    }
    arena_reset(&a);
    return 0;
}
