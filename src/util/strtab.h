/* strtab.h: string interning table, string -> dense id (1..n), 0 = absent.
 *
 * Contract: ids are stable for the table's life; strtab_str(id) returns the
 * interned bytes (NUL-terminated). Lookups never allocate. Used for the
 * lexicon's word vocabulary so the hot path compares integers, not strings. */
#ifndef DYAD_STRTAB_H
#define DYAD_STRTAB_H
#include <stddef.h>
#include <stdint.h>

typedef struct strtab {
    uint32_t *slots;     /* open addressing: id per slot, 0 = empty */
    uint32_t *hashes;    /* hash per id (index id) for rehashing */
    uint32_t *offs;      /* offset of each id's bytes in pool (index id) */
    uint32_t *lens;      /* length of each id's bytes (index id) */
    char *pool;          /* all strings, NUL-separated */
    size_t pool_len, pool_cap;
    uint32_t n;          /* ids handed out */
    uint32_t cap_ids;    /* allocated entries in hashes/offs/lens */
    uint32_t mask;       /* slots - 1 (power of two) */
} strtab;

void        strtab_init(strtab *t);
void        strtab_free(strtab *t);
uint32_t    strtab_hash(const char *s, size_t n);
uint32_t    strtab_intern(strtab *t, const char *s, size_t n);
uint32_t    strtab_find(const strtab *t, const char *s, size_t n);
uint32_t    strtab_find_h(const strtab *t, const char *s, size_t n, uint32_t h);
/* Inline: the matcher calls these for every word it compares. */
static inline const char *strtab_str(const strtab *t, uint32_t id) { return t->pool + t->offs[id]; }
static inline uint32_t strtab_len(const strtab *t, uint32_t id) { return t->lens[id]; }

#endif
