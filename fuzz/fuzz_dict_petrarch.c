/* fuzz_dict_petrarch.c: libFuzzer target for the PETRARCH dictionary
 * loaders. The input is loaded from memory as actors, agents, discards,
 * verbs (PETR-1 and PETR-2 syntax go through the same verb loader, "~"
 * transformations included) and PETRARCH-2's coding ontology into one
 * lexicon, which is compiled and then walked: every phrase's code is
 * resolved and looked up through the index, every pattern read, every
 * ontology value converted both ways and every transformation looked up.
 * Must never crash, hang or leak; bad lines only add messages. */
#include "lexicon/load_mem.h"
#include "lexicon/pico.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ASSERT(c) do { if (!(c)) abort(); } while (0)

static void visit(void *ctx, uint32_t ph)
{
    const lexicon *lx = ctx;
    ASSERT(ph < lx->nphrases);
}

static void walk(const lexicon *lx)
{
    for (uint32_t i = 0; i < lx->nphrases; i++) {
        const lex_phrase *p = &lx->phrases[i];
        ASSERT(p->n > 0 && p->first + p->n <= lx->nelems);
        ASSERT(p->parent < lx->nphrases);
        ASSERT(p->choice0 + p->nchoice <= lx->nchoices);
        if (p->cls == LEX_VERBROOT) ASSERT(p->verb < lx->nverbs);
        (void)lex_resolve(lx, p, 20240816);
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
        (void)strlen(lex_str(lx, p->text));
    }
    for (uint32_t v = 0; v < lx->nverbs; v++) ASSERT(lx->verbs[v].pat0 + lx->verbs[v].npat <= lx->npatterns);
    for (uint32_t i = 0; i < lx->npico; i++) {
        int32_t v = lex_pico_of(lx, lx->pico[i].cameo);
        ASSERT(v != LEX_PICO_NONE);
        ASSERT(lex_pico_cameo(lx, v) != NULL);
        (void)lex_pico_cameo(lx, lex_pico_combine(v, lx->pico[(i + 1) % lx->npico].value));
    }
    for (uint32_t i = 0; i < lx->nxforms; i++) {
        const lex_xform *x = &lx->xforms[i];
        ASSERT(x->upper[0] && strlen(x->code) < sizeof x->code);
        (void)lex_xform_find(lx, lex_pico_of(lx, x->upper), x->lower[0] ? lex_pico_of(lx, x->lower) : 0, 1, 0);
    }
    ASSERT(lx->errors.len == 0 || lx->errors.data[lx->errors.len - 1] == '\n');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16) return 0;
    const char *t = (const char *)data;
    lexicon *lx = lex_new();
    ASSERT(lex_load_petrarch_actors_mem(lx, "fuzz.actors.txt", t, size) >= 0);
    ASSERT(lex_load_petrarch_agents_mem(lx, "fuzz.agents.txt", t, size) >= 0);
    ASSERT(lex_load_petrarch_discards_mem(lx, "fuzz.discards.txt", t, size) >= 0);
    ASSERT(lex_load_petrarch_verbs_mem(lx, "fuzz.verbs.txt", t, size) >= 0);
    (void)lex_pico_sniff(t, size);
    ASSERT(lex_load_pico_mem(lx, "fuzz.ontology.txt", t, size) >= 0);
    lex_compile(lx);
    walk(lx);
    lex_free(lx);
    return 0;
}
