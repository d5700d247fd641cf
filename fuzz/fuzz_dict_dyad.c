/* fuzz_dict_dyad.c: libFuzzer target for dyad's own dictionary format
 * (lex_load_dyad_mem). The input is loaded from memory, compiled and
 * walked: every phrase's code is resolved and looked up through the index,
 * every pattern read. Must never crash, hang or leak; bad lines only add
 * messages naming their line. */
#include "lexicon/load_mem.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ASSERT(c) do { if (!(c)) abort(); } while (0)

static void visit(void *ctx, uint32_t ph)
{
    const lexicon *lx = ctx;
    ASSERT(ph < lx->nphrases);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16) return 0;
    lexicon *lx = lex_new();
    ASSERT(lex_load_dyad_mem(lx, "fuzz.dyad", (const char *)data, size) >= 0);
    lex_compile(lx);
    for (uint32_t i = 0; i < lx->nphrases; i++) {
        const lex_phrase *p = &lx->phrases[i];
        ASSERT(p->n > 0 && p->first + p->n <= lx->nelems);
        ASSERT(p->parent < lx->nphrases && p->choice0 + p->nchoice <= lx->nchoices);
        (void)lex_resolve(lx, p, 19990101);
        const lex_elem *e = &lx->elems[p->first];
        if (e->kind == LEX_WORD) {
            const char *w = lex_str(lx, e->word);
            lex_candidates(lx, w, strlen(w), visit, (void *)lx);
        }
    }
    for (uint32_t i = 0; i < lx->npatterns; i++) {
        const lex_pattern *p = &lx->patterns[i];
        ASSERT(p->first + p->n <= lx->nelems && p->verb_at < p->n && p->verb < lx->nverbs);
        ASSERT(lx->elems[p->first + p->verb_at].kind == LEX_VERB);
    }
    /* Every message names the file and a line. */
    for (const char *m = lx->errors.data; m && *m;) {
        ASSERT(!strncmp(m, "fuzz.dyad:", 10));
        const char *nl = strchr(m, '\n');
        ASSERT(nl);
        m = nl + 1;
    }
    lex_free(lx);
    return 0;
}
