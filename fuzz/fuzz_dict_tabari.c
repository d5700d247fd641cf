/* fuzz_dict_tabari.c: libFuzzer target for the TABARI .actors/.agents/.verbs
 * loaders. The input is written to a temporary file (the loaders read
 * files, as TABARI's do), loaded as each kind, compiled, and used to code a
 * fixed sentence. Must never crash, hang or leak. */
#include "code/coder.h"
#include "lexicon/load.h"
#include "text/text.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char sentence[] = "Arnor's government said on Monday that Gondor and Rohan attacked the rebels, "
                               "who were not consulted, and sent 500 troops to the border.";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16) return 0;
    char path[64];
    snprintf(path, sizeof path, "/tmp/fuzz-tabari-%d.dict", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    lexicon *lx = lex_new();
    lex_load_tabari_actors(lx, path);
    lex_load_tabari_agents(lx, path);
    lex_load_tabari_verbs(lx, path);
    lex_compile(lx);
    arena ar;
    arena_init(&ar, 1 << 16);
    txt_doc doc;
    txt_analyse(&ar, sentence, sizeof sentence - 1, &doc);
    cod_options o;
    cod_options_news(&o);
    cod_out out = {0};
    for (uint32_t s = 0; s < doc.nsent; s++) cod_sentence(lx, &o, &ar, &doc, s, 20240816, &out);
    for (uint32_t i = 0; i < out.n; i++)
        if (out.ev[i].verb_span.end > sizeof sentence || out.ev[i].verb_span.start > out.ev[i].verb_span.end) abort();
    arena_free(&ar);
    lex_free(lx);
    return 0;
}
