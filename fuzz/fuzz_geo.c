/* fuzz_geo.c: libFuzzer target for the gazetteer loaders. The input is
 * split at NUL bytes into countries.tsv, adm1.tsv, cities.tsv and a
 * countries.dyad whose tags are read; whatever they hold, loading must not
 * crash, and every name found in a text must point at a loaded entry. */
#include "geo/geo.h"
#include "lexicon/load.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const files[] = {"countries.tsv", "adm1.tsv", "cities.tsv", "countries.dyad"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/fuzz-geo-%d", (int)getpid());
    mkdir(dir, 0700);
    size_t at = 0;
    for (int k = 0; k < 4; k++) {
        const uint8_t *nul = at < size ? memchr(data + at, 0, size - at) : NULL;
        size_t n = nul ? (size_t)(nul - data) - at : size - (at < size ? at : size);
        char path[128];
        snprintf(path, sizeof path, "%s/%s", dir, files[k]);
        FILE *f = fopen(path, "wb");
        if (!f) abort();
        if (n) fwrite(data + at, 1, n, f);
        fclose(f);
        at += n + 1;
    }
    /* the tags are read from the countries.dyad files the lexicon loaded */
    lexicon *lx = lex_new();
    char dict[128];
    snprintf(dict, sizeof dict, "%s/countries.dyad", dir);
    lex_file(lx, dict);
    geo_gaz *g = geo_new();
    geo_load(g, dir, lx);
    arena a;
    arena_init(&a, 1 << 12);
    txt_doc d;
    const char *text = "Minsk and the Kursk region, US troops in Kyiv, Belarusians";
    txt_analyse(&a, text, strlen(text), &d);
    uint32_t *ids = arena_calloc(&a, (d.ntok + 1) * sizeof *ids);
    geo_word_ids(g, &d, ids);
    for (uint32_t t = 0; t < d.ntok; t++) {
        geo_hit h[8];
        int n = geo_lookup(g, &d, ids, t, d.ntok, h, 8);
        for (int i = 0; i < n; i++) {
            if (h[i].entry >= g->nentries || t + h[i].ntok > d.ntok) abort();
            dyad_geo out;
            geo_fill(g, h[i].entry, &out);
            if (!out.name) abort();
        }
    }
    arena_free(&a);
    geo_free(g);
    lex_free(lx);
    for (int k = 0; k < 4; k++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", dir, files[k]);
        unlink(path);
    }
    rmdir(dir);
    return 0;
}
