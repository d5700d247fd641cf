/* stream.c: file/memory byte source with transparent gzip (see stream.h). */
#include "input/stream.h"
#include "util/xalloc.h"
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK ((size_t)64 << 10)   /* one read() / inflate() step */

static void fail(rd_stream *s, const char *msg)
{
    if (!s->err[0]) snprintf(s->err, sizeof s->err, "%s", msg);
    s->eof = 1;
}

/* Make at least `want` raw bytes available at rp (fewer at the end of the
 * source). Memory sources are always fully available. */
static void raw_need(rd_stream *s, size_t want)
{
    if (s->fd < 0 || s->raw_eof || s->ravail >= want) return;
    if (s->rp != s->rbuf && s->ravail) memmove(s->rbuf, s->rp, s->ravail);
    s->rp = s->rbuf;
    while (s->ravail < want && !s->raw_eof) {
        ssize_t k = read(s->fd, s->rbuf + s->ravail, s->rbuf_cap - s->ravail);
        if (k > 0) { s->ravail += (size_t)k; continue; }
        if (k < 0 && errno == EINTR) continue;
        s->raw_eof = 1;
        if (k < 0) {
            char m[160];
            snprintf(m, sizeof m, "read error after %llu bytes: %s",
                     (unsigned long long)s->raw_off, strerror(errno));
            fail(s, m);
        }
    }
}

static void raw_take(rd_stream *s, size_t n)
{
    s->rp += n;
    s->ravail -= n;
    s->raw_off += n;
}

static int gzip_magic(const rd_stream *s)
{
    return s->ravail >= 2 && s->rp[0] == 0x1f && s->rp[1] == 0x8b;
}

int rd_stream_init(rd_stream *s, int fd, int own, const void *mem, size_t len, size_t max_record)
{
    memset(s, 0, sizeof *s);
    s->fd = fd;
    s->own_fd = own && fd >= 0;
    s->max_record = max_record;
    s->cap = CHUNK;
    s->data = xrealloc(NULL, s->cap + 1);
    if (fd >= 0) {
        s->rbuf_cap = CHUNK;
        s->rbuf = xrealloc(NULL, s->rbuf_cap);
        s->rp = s->rbuf;
        raw_need(s, 2);
    } else {
        s->rp = mem ? mem : (const void *)""; /* never offset a NULL pointer */
        s->ravail = mem ? len : 0;
        s->raw_eof = 1;
    }
    if (gzip_magic(s)) {
        s->gz = 1;
        if (inflateInit2(&s->z, 15 + 16) != Z_OK) { fail(s, "cannot start gzip decoder"); return -1; }
        s->z_live = 1;
    }
    return s->err[0] ? -1 : 0;
}

void rd_stream_free(rd_stream *s)
{
    if (s->z_live) inflateEnd(&s->z);
    if (s->own_fd) close(s->fd);
    free(s->rbuf);
    free(s->data);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}

/* Decode up to n bytes into dst; 0 at the end of the input or on error. */
static size_t decode(rd_stream *s, char *dst, size_t n)
{
    if (s->eof) return 0;
    if (!s->gz) {
        raw_need(s, 1);
        size_t k = s->ravail < n ? s->ravail : n;
        if (k) memcpy(dst, s->rp, k);
        raw_take(s, k);
        if (!k) s->eof = 1;
        return k;
    }
    size_t produced = 0;
    while (produced == 0 && !s->eof) {
        raw_need(s, 1);
        if (s->err[0]) break;
        /* zlib counts in uInt; feed huge memory inputs in slices */
        uInt in = s->ravail > UINT_MAX / 2 ? UINT_MAX / 2 : (uInt)s->ravail;
        s->z.next_in = (Bytef *)s->rp;
        s->z.avail_in = in;
        s->z.next_out = (Bytef *)dst;
        s->z.avail_out = (uInt)n;
        int ret = inflate(&s->z, Z_NO_FLUSH);
        raw_take(s, in - s->z.avail_in);
        produced = n - s->z.avail_out;
        char m[200];
        if (ret == Z_STREAM_END) {
            /* Another gzip member may follow (cat a.gz b.gz). */
            raw_need(s, 2);
            if (!s->ravail) { s->eof = 1; break; }
            if (!gzip_magic(s)) {
                snprintf(m, sizeof m, "junk after the gzip data at compressed byte %llu",
                         (unsigned long long)s->raw_off);
                fail(s, m);
                break;
            }
            inflateReset(&s->z);
        } else if (ret == Z_OK || ret == Z_BUF_ERROR) {
            if (!s->ravail && s->raw_eof && produced == 0) {
                snprintf(m, sizeof m, "truncated gzip input: it ends at compressed byte %llu "
                         "(%llu bytes decoded)", (unsigned long long)s->raw_off,
                         (unsigned long long)(s->out_off + s->end + produced));
                fail(s, m);
            }
        } else {
            snprintf(m, sizeof m, "corrupt gzip input at compressed byte %llu: %s",
                     (unsigned long long)s->raw_off, s->z.msg ? s->z.msg : "bad data");
            fail(s, m);
        }
    }
    return produced;
}

/* Drop consumed bytes, make room for at least CHUNK more (the window may
 * grow to max_record + CHUNK), and decode once. Returns bytes added. */
static size_t fill(rd_stream *s)
{
    if (s->start) {
        memmove(s->data, s->data + s->start, s->end - s->start);
        s->out_off += s->start;
        s->end -= s->start;
        s->scan = s->scan > s->start ? s->scan - s->start : 0;
        s->start = 0;
    }
    size_t need = s->end + CHUNK, lim = s->max_record + CHUNK;
    if (s->cap < need) {
        size_t cap = s->cap;
        while (cap < need) cap *= 2;
        /* Callers discard once a record passes max_record, so the window
         * never needs more than lim: don't let doubling overshoot it. */
        if (cap > lim && need <= lim) cap = lim;
        s->data = xrealloc(s->data, cap + 1); /* +1: room for a NUL */
        s->cap = cap;
    }
    size_t k = decode(s, s->data + s->end, s->cap - s->end);
    s->end += k;
    return k;
}

size_t rd_stream_peek(rd_stream *s, size_t want)
{
    while (s->end - s->start < want && fill(s)) {}
    return s->end - s->start;
}

/* Forget the window's bytes (they belong to a record being skipped). */
static size_t discard(rd_stream *s)
{
    size_t n = s->end - s->start;
    s->out_off += s->end;
    s->start = s->end = s->scan = 0;
    return n;
}

int rd_stream_line(rd_stream *s, const char **p, size_t *n)
{
    size_t skipped = 0;   /* bytes of an over-long line already thrown away */
    int skipping = 0;
    for (;;) {
        if (s->scan < s->start) s->scan = s->start;
        char *nl = memchr(s->data + s->scan, '\n', s->end - s->scan);
        if (nl) {
            size_t len = (size_t)(nl - (s->data + s->start));
            size_t at = s->start;
            s->start = s->scan = at + len + 1;
            s->line++;
            if (skipping || len > s->max_record) { *n = skipped + len; return -2; }
            *p = s->data + at;
            *n = len;
            return 1;
        }
        s->scan = s->end;
        if (s->end - s->start > s->max_record) {
            skipping = 1;
            skipped += discard(s);
        }
        if (!fill(s)) {
            if (s->err[0]) { discard(s); return -1; }
            size_t len = s->end - s->start;
            if (!len && !skipping) return 0;
            /* last line without a trailing newline */
            s->line++;
            size_t at = s->start;
            s->start = s->scan = s->end;
            if (skipping || len > s->max_record) { *n = skipped + len; return -2; }
            *p = s->data + at;
            *n = len;
            return 1;
        }
    }
}

int rd_stream_all(rd_stream *s, const char **p, size_t *n)
{
    size_t skipped = 0;
    int skipping = 0;
    for (;;) {
        if (s->end - s->start > s->max_record) {
            skipping = 1;
            skipped += discard(s);
        }
        if (!fill(s)) break;
    }
    size_t len = s->end - s->start;
    if (skipping) { *n = skipped + discard(s); return -2; }
    s->data[s->end] = 0;
    *p = s->data + s->start;
    *n = len;
    s->start = s->scan = s->end;
    if (s->err[0]) return -1;
    return len ? 1 : 0;
}

void rd_stream_take(rd_stream *s, size_t n)
{
    if (n > s->end - s->start) n = s->end - s->start;
    s->start += n;
}

size_t rd_stream_skip(rd_stream *s, size_t n)
{
    size_t done = 0;
    while (done < n) {
        size_t have = s->end - s->start;
        if (!have) {
            discard(s); /* keep the window small: nothing in it is wanted */
            if (!fill(s)) break;
            continue;
        }
        size_t k = have < n - done ? have : n - done;
        s->start += k;
        done += k;
    }
    return done;
}
