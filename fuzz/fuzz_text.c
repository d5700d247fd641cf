/* fuzz_text.c: txt_analyse on arbitrary bytes (raw and cleaned) keeps its invariants. */
#include "clean/clean.h"
#include "text/text.h"
#include <stdlib.h>
#include <string.h>

#define ASSERT(c) do { if (!(c)) abort(); } while (0)

static void check_doc(const txt_doc *d, const char *text, size_t len)
{
    ASSERT(d->len == len && d->text == text);
    uint32_t prev = 0;
    for (uint32_t i = 0; i < d->ntok; i++) {
        const txt_token *t = &d->tok[i];
        ASSERT(t->start < t->end && t->end <= len && t->start >= prev);
        prev = t->end;
        const char *nm = txt_norm(d, i);
        ASSERT(strlen(nm) == t->norm_len && t->norm_len > 0);
        /* the norm is exactly what txt_fold makes of the token's bytes */
        char buf[1 << 16];
        size_t n = txt_fold(text + t->start, t->end - t->start, buf, sizeof buf);
        ASSERT(n == t->norm_len && memcmp(buf, nm, n) == 0);
        ASSERT(!((t->flags & TXT_ABBREV) && (t->flags & TXT_SENT_END)));
        ASSERT(!((t->flags & TXT_OPEN_Q) && (t->flags & TXT_CLOSE_Q)));
        if (t->flags & (TXT_OPEN_Q | TXT_CLOSE_Q)) ASSERT(t->flags & TXT_QUOTE);
    }
    uint32_t next = 0;
    for (uint32_t s = 0; s < d->nsent; s++) {
        const txt_sentence *S = &d->sent[s];
        ASSERT(S->tok == next && S->ntok > 0 && S->tok + S->ntok <= d->ntok);
        next = S->tok + S->ntok;
        ASSERT(S->start == d->tok[S->tok].start && S->end == d->tok[next - 1].end);
        ASSERT(S->quote_depth <= 1);
    }
    ASSERT(next == d->ntok);
    ASSERT(d->nbad == txt_utf8_check(text, len, NULL, 0));
    /* invalid bytes are never inside a token (both lists are in order) */
    uint32_t i = 0;
    for (uint32_t k = 0; k < d->nbad; k++) {
        ASSERT(d->bad[k] < len);
        if (k) ASSERT(d->bad[k] > d->bad[k - 1]);
        while (i < d->ntok && d->tok[i].end <= d->bad[k]) i++;
        ASSERT(i == d->ntok || d->bad[k] < d->tok[i].start);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static arena a;
    static int init;
    if (!init) { arena_init(&a, 0); init = 1; }
    txt_doc d;
    txt_analyse(&a, (const char *)data, size, &d);
    check_doc(&d, (const char *)data, size);
    cln_result r;
    cln_clean(&a, (const char *)data, size, &r);
    txt_analyse(&a, r.text, r.len, &d);
    check_doc(&d, r.text, r.len);
    arena_reset(&a);
    return 0;
}
