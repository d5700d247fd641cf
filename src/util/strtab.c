/* strtab.c: string interning (see strtab.h). FNV-1a, linear probing. */
#include "util/strtab.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void strtab_init(strtab *t)
{
    memset(t, 0, sizeof *t);
    t->mask = 1023;
    t->slots = calloc(t->mask + 1, sizeof *t->slots);
    if (!t->slots) { fputs("dyad: out of memory\n", stderr); abort(); }
}

void strtab_free(strtab *t)
{
    free(t->slots); free(t->hashes); free(t->offs); free(t->lens); free(t->pool);
    memset(t, 0, sizeof *t);
}

uint32_t strtab_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 16777619u; }
    return h;
}

uint32_t strtab_find_h(const strtab *t, const char *s, size_t n, uint32_t h)
{
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        uint32_t id = t->slots[i];
        if (!id) return 0;
        if (t->hashes[id] == h && t->lens[id] == n && !memcmp(t->pool + t->offs[id], s, n))
            return id;
    }
}

uint32_t strtab_find(const strtab *t, const char *s, size_t n)
{
    return strtab_find_h(t, s, n, strtab_hash(s, n));
}

static void grow_slots(strtab *t)
{
    uint32_t cap = (t->mask + 1) * 2;
    free(t->slots);
    t->slots = calloc(cap, sizeof *t->slots);
    if (!t->slots) { fputs("dyad: out of memory\n", stderr); abort(); }
    t->mask = cap - 1;
    for (uint32_t id = 1; id <= t->n; id++) {
        uint32_t i = t->hashes[id] & t->mask;
        while (t->slots[i]) i = (i + 1) & t->mask;
        t->slots[i] = id;
    }
}

uint32_t strtab_intern(strtab *t, const char *s, size_t n)
{
    uint32_t h = strtab_hash(s, n);
    uint32_t id = strtab_find_h(t, s, n, h);
    if (id) return id;
    if ((t->n + 1) * 2 > t->mask) grow_slots(t);
    id = ++t->n;
    if (id >= t->cap_ids) {
        t->cap_ids = t->cap_ids ? t->cap_ids * 2 : 1024;
        t->hashes = xrealloc(t->hashes, t->cap_ids * sizeof *t->hashes);
        t->offs = xrealloc(t->offs, t->cap_ids * sizeof *t->offs);
        t->lens = xrealloc(t->lens, t->cap_ids * sizeof *t->lens);
    }
    if (t->pool_len + n + 1 > t->pool_cap) {
        while (t->pool_len + n + 1 > t->pool_cap) t->pool_cap = t->pool_cap ? t->pool_cap * 2 : 65536;
        t->pool = xrealloc(t->pool, t->pool_cap);
    }
    memcpy(t->pool + t->pool_len, s, n);
    t->pool[t->pool_len + n] = 0;
    t->hashes[id] = h;
    t->offs[id] = (uint32_t)t->pool_len;
    t->lens[id] = (uint32_t)n;
    t->pool_len += n + 1;
    uint32_t i = h & t->mask;
    while (t->slots[i]) i = (i + 1) & t->mask;
    t->slots[i] = id;
    return id;
}

