/* xalloc.h: heap allocation that aborts when memory runs out (for a coder
 * with bounded inputs that is a bug or a hostile input, not a state to
 * carry on from), and heap arrays that grow by doubling.
 *
 * Contract: never returns NULL. */
#ifndef DYAD_XALLOC_H
#define DYAD_XALLOC_H
#include <stddef.h>
#include <stdint.h>

/* realloc; a size of 0 still gives a block. */
void *xrealloc(void *p, size_t n);

/* Room for element n of a heap array of elem-byte elements and *cap
 * capacity: when n >= *cap the array is reallocated twice as large (first
 * elements at first) and *cap updated; returns the array to use. */
void *xgrow(void *arr, uint32_t n, uint32_t *cap, size_t elem, uint32_t first);

/* XGROW(arr, n, cap): xgrow on an array variable and its uint32_t capacity. */
#define XGROW(arr, n, cap) ((arr) = xgrow((arr), (n), &(cap), sizeof *(arr), 64))

#endif
