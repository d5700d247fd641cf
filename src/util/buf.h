/* buf.h: growable byte buffer for building output and strings.
 *
 * Contract: b->data is always NUL-terminated after any buf_ call (when
 * b->cap > 0); b->len excludes the NUL. Out-of-memory aborts. */
#ifndef DYAD_BUF_H
#define DYAD_BUF_H
#include <stddef.h>
#include <stdarg.h>

typedef struct buf {
    char *data;   /* bytes, NUL-terminated */
    size_t len;   /* bytes used, excluding the NUL */
    size_t cap;   /* bytes allocated */
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
void buf_clear(buf *b);                       /* len = 0, keeps memory */
void buf_reserve(buf *b, size_t extra);
void buf_add(buf *b, const void *p, size_t n);
void buf_adds(buf *b, const char *s);
void buf_addc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_json_str(buf *b, const char *s, size_t n); /* quoted, escaped JSON string */
void buf_tsv_field(buf *b, const char *s, size_t n); /* tabs/newlines -> space */

#endif
