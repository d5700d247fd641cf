/* xalloc.c: allocation that aborts on out-of-memory (see xalloc.h). */
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) { fputs("dyad: out of memory\n", stderr); abort(); }
    return p;
}

void *xgrow(void *arr, uint32_t n, uint32_t *cap, size_t elem, uint32_t first)
{
    if (n < *cap) return arr;
    uint32_t c = *cap ? *cap * 2 : first;
    while (c <= n) c *= 2;
    *cap = c;
    return xrealloc(arr, (size_t)c * elem);
}
