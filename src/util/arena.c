/* arena.c: bump allocator (see arena.h). */
#include "util/arena.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct arena_chunk {
    arena_chunk *next;  /* older chunk */
    size_t size;        /* usable bytes in data */
    size_t used;        /* bytes handed out from data */
    _Alignas(16) unsigned char data[];
};

static arena_chunk *chunk_new(size_t size)
{
    arena_chunk *c = malloc(sizeof *c + size);
    if (!c) { fputs("dyad: out of memory\n", stderr); abort(); }
    c->next = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

void arena_init(arena *a, size_t chunk_size)
{
    a->head = NULL;
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
    a->used_total = 0;
}

void *arena_alloc(arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->head->size - a->head->used < n) {
        size_t size = n > a->chunk_size ? n : a->chunk_size;
        arena_chunk *c = chunk_new(size);
        c->next = a->head;
        a->head = c;
    }
    void *p = a->head->data + a->head->used;
    a->head->used += n;
    a->used_total += n;
    return p;
}

void *arena_calloc(arena *a, size_t n)
{
    void *p = arena_alloc(a, n);
    memset(p, 0, n);
    return p;
}

void *arena_grow(arena *a, void *arr, uint32_t n, uint32_t *cap, size_t elem)
{
    if (n < *cap) return arr;
    uint32_t c = *cap ? *cap * 2 : 16;
    void *p = arena_alloc(a, (size_t)c * elem);
    if (n) memcpy(p, arr, (size_t)n * elem);
    *cap = c;
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void arena_reset(arena *a)
{
    /* Keep only the oldest chunk (the tail): big one-off chunks go back to
     * malloc so a single huge article does not pin memory forever. */
    arena_chunk *c = a->head, *keep = NULL;
    while (c) {
        arena_chunk *next = c->next;
        if (!next && c->size == a->chunk_size) keep = c;
        else free(c);
        c = next;
    }
    if (keep) keep->used = 0;
    a->head = keep;
    a->used_total = 0;
}

void arena_free(arena *a)
{
    arena_chunk *c = a->head;
    while (c) { arena_chunk *next = c->next; free(c); c = next; }
    a->head = NULL;
    a->used_total = 0;
}
