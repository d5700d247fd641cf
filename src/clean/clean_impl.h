/* clean_impl.h: internals shared by the clean stage's files (not public). */
#ifndef DYAD_CLEAN_IMPL_H
#define DYAD_CLEAN_IMPL_H
#include "clean/clean.h"

/* A growable list of removed regions, in the arena. */
typedef struct cln_list {
    cln_noise *v;
    uint32_t n, cap;
} cln_list;

typedef struct cln_build {
    arena *a;
    char *t;             /* the copy being blanked */
    size_t n;
    cln_list inl;        /* shortcodes, tags, entities (inline pass) */
    cln_list lines;      /* whole noise lines and datelines (line pass) */
    int close_misses;    /* closing-tag searches that failed (bounds the work) */
    const char *byline;
    const char *dateline;
} cln_build;

void cln_push(arena *a, cln_list *l, uint32_t start, uint32_t end, cln_kind kind);
/* Overwrite t[start, end) with spaces, keeping newlines. */
void cln_blank(char *t, size_t start, size_t end);

void cln_inline(cln_build *b);   /* shortcodes, HTML tags, &nbsp; */
void cln_lines(cln_build *b);    /* footer/share/ad/URL lines, bylines, datelines */

/* ASCII case-insensitive prefix test on s[0..n). */
int cln_prefix(const char *s, size_t n, const char *p);

#endif
