/* wordset.c: fixed word sets (see wordset.h). FNV-1a, linear probing. */
#include "util/wordset.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash(const char *w)
{
    uint32_t h = 2166136261u;
    for (; *w; w++) { h ^= (unsigned char)*w; h *= 16777619u; }
    return h;
}

void ws_build(wordset *s, const char *const *words, size_t n)
{
    uint32_t cap = 16;
    while (cap < n * 3) cap *= 2;
    s->slot = calloc(cap, sizeof *s->slot);
    s->index = calloc(cap, sizeof *s->index);
    if (!s->slot || !s->index) { fputs("dyad: out of memory\n", stderr); abort(); }
    s->mask = cap - 1;
    for (size_t i = 0; i < n; i++) {
        uint32_t k = hash(words[i]) & s->mask;
        while (s->slot[k] && strcmp(s->slot[k], words[i])) k = (k + 1) & s->mask;
        s->slot[k] = words[i];
        s->index[k] = (uint32_t)i;
    }
}

int ws_find(const wordset *s, const char *w)
{
    for (uint32_t k = hash(w) & s->mask; s->slot[k]; k = (k + 1) & s->mask)
        if (!strcmp(s->slot[k], w)) return (int)s->index[k];
    return -1;
}

int ws_has(const wordset *s, const char *w) { return ws_find(s, w) >= 0; }
