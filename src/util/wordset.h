/* wordset.h: a fixed set of words for "is this token one of these?" tests
 * in hot loops: one hash and one compare instead of a scan of strcmp().
 *
 * Contract: ws_build() makes the set once from a static list (call it
 * under pthread_once or at start-up, before threads read it); ws_has() is
 * then read-only and thread-safe. Words are compared byte for byte. */
#ifndef DYAD_WORDSET_H
#define DYAD_WORDSET_H
#include <stddef.h>
#include <stdint.h>

typedef struct wordset {
    const char **slot;   /* open addressing, NULL = empty */
    uint32_t *index;     /* for each slot, the word's position in the list built from */
    uint32_t mask;       /* slots - 1 */
} wordset;

void ws_build(wordset *s, const char *const *words, size_t n);
int  ws_has(const wordset *s, const char *w);
/* The position of w in the list the set was built from, or -1. */
int  ws_find(const wordset *s, const char *w);

#endif
