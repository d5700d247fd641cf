/* arena.h: bump allocator; one per article, reset between articles.
 *
 * Contract: memory from arena_alloc lives until arena_reset or arena_free.
 * Allocation never returns NULL (aborts on out-of-memory, which for a
 * streaming coder with bounded inputs means a bug or a hostile input that
 * the readers should have capped). Alignment is 16 bytes. */
#ifndef DYAD_ARENA_H
#define DYAD_ARENA_H
#include <stddef.h>
#include <stdint.h>

typedef struct arena_chunk arena_chunk;
typedef struct arena {
    arena_chunk *head;   /* chunk being filled; older chunks follow ->next */
    size_t chunk_size;   /* default size of a new chunk */
    size_t used_total;   /* bytes handed out since the last reset */
} arena;

void  arena_init(arena *a, size_t chunk_size);
void *arena_alloc(arena *a, size_t n);
void *arena_calloc(arena *a, size_t n);
char *arena_strndup(arena *a, const char *s, size_t n);
/* Room for one more element in an arena array of n elements of elem bytes
 * and *cap capacity: when full, the array is copied into a block twice the
 * size (16 elements at first) and *cap updated; returns the array to use.
 * (An arena cannot realloc; the old block stays until the arena resets.) */
void *arena_grow(arena *a, void *arr, uint32_t n, uint32_t *cap, size_t elem);
void  arena_reset(arena *a);   /* keeps the first chunk for reuse */
void  arena_free(arena *a);

#endif
