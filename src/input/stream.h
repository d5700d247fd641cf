/* stream.h: the input stage's byte source (internal to src/input).
 *
 * Contract: an rd_stream reads a file descriptor or a memory buffer,
 * inflating gzip (every member of a multi-member file) when the data starts
 * with the gzip magic bytes, into a window buffer that never grows beyond
 * max_record plus one read chunk. Records are taken from the window either
 * as lines (rd_stream_line) or as the whole input (rd_stream_all). A read
 * error or corrupt/truncated gzip ends the stream: the bytes inflated
 * before it stay usable and `err` holds the message with the position. */
#ifndef DYAD_INPUT_STREAM_H
#define DYAD_INPUT_STREAM_H
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

typedef struct rd_stream {
    /* raw (possibly compressed) source */
    int fd;                      /* file to read, -1 when reading memory */
    int own_fd;                  /* close fd at the end (not for stdin) */
    const unsigned char *rp;     /* next unread raw byte */
    size_t ravail;               /* raw bytes available at rp */
    int raw_eof;                 /* the source has no bytes beyond rp+ravail */
    unsigned char *rbuf;         /* buffer behind rp when reading a file */
    size_t rbuf_cap;             /* its size */
    uint64_t raw_off;            /* raw bytes consumed, for error positions */
    /* gzip */
    int gz;                      /* 1 when the source is gzip */
    int z_live;                  /* z was initialised (inflateEnd due) */
    z_stream z;                  /* inflater state */
    /* decoded window: bytes [start, end) of data are not yet consumed */
    char *data;                  /* window buffer */
    size_t start, end, cap;      /* window bounds and allocated size */
    size_t scan;                 /* bytes before this are known to hold no '\n' */
    uint64_t out_off;            /* decoded bytes before data[0], for messages */
    size_t max_record;           /* longest record accepted (bytes) */
    long line;                   /* lines taken so far (number of the last one) */
    int eof;                     /* no more decoded bytes will come */
    char err[200];               /* "" or why the stream broke */
} rd_stream;

/* Set up over fd (own: close it at the end) or over mem[0..len) (fd < 0).
 * Reads the first bytes to check for gzip. Returns 0, or -1 with s->err. */
int  rd_stream_init(rd_stream *s, int fd, int own, const void *mem, size_t len, size_t max_record);
void rd_stream_free(rd_stream *s);

/* Make at least `want` bytes available at data+start unless the input ends
 * first; returns how many are available. For sniffing the content. */
size_t rd_stream_peek(rd_stream *s, size_t want);

/* Next line without its '\n' (a final unterminated line counts).
 * 1: *p,*n hold it (valid until the next call) and s->line its number;
 * 0: end of input; -1: the stream broke (s->err), any partial line lost;
 * -2: line s->line was longer than max_record and was skipped, *n = its
 *     length; it was never held in memory whole. */
int  rd_stream_line(rd_stream *s, const char **p, size_t *n);

/* Consume n bytes of the window (n <= what rd_stream_peek made available). */
void rd_stream_take(rd_stream *s, size_t n);

/* Pass over the next n bytes without holding them in memory (for records
 * over max_record); returns how many there were (fewer at the end). */
size_t rd_stream_skip(rd_stream *s, size_t n);

/* Decoded bytes consumed so far: the offset of data+start in the input. */
static inline unsigned long long rd_stream_offset(const rd_stream *s)
{
    return (unsigned long long)(s->out_off + s->start);
}

/* Everything left. 1: *p,*n hold it (NUL-terminated); 0: nothing left;
 * -1: the stream broke (s->err), *p,*n hold what came before; -2: the
 * input exceeded max_record, *n = bytes skipped. */
int  rd_stream_all(rd_stream *s, const char **p, size_t *n);

#endif
