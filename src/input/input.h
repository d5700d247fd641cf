/* input.h: streaming article readers (the pipeline's input stage).
 *
 * Contract: rd_open() opens a file ("-" = stdin) or rd_open_mem() a buffer;
 * rd_next() then yields one dyad_article at a time, holding at most one
 * record (capped by rd_options.max_record) in memory, never the corpus.
 * gzip input (any format, detected by its magic bytes) is inflated on the
 * fly. A bad record is reported through rd_error and skipped: rd_next()
 * returns -1 and the next call goes on with the following record. A broken
 * stream (read error, corrupt or truncated gzip) is reported once, with the
 * position, after every complete record before it was delivered; then the
 * reader ends. The article's strings belong to the reader and stay valid
 * until the next rd_next() or rd_close().
 *
 * Formats:
 *   RD_TEXT   the whole input is one article; id = the path given (or
 *             "<stdin>"); date = rd_options.default_date. Blank input
 *             yields no article.
 *   RD_JSONL  one JSON object per line: {"id", "date", "url", "source",
 *             "title", "text"}; only "text" is required. A missing id
 *             becomes "<file>:<line>"; a missing or unparseable date
 *             becomes default_date. Blank lines are ignored.
 *   RD_AUTO   JSONL for names ending .jsonl/.ndjson/.json (before any .gz),
 *             else JSONL when the first non-blank byte is '{', else TEXT.
 * New formats (HTML, WARC) add an enum value and an rd_format_ops entry in
 * reader.c; nothing else changes. */
#ifndef DYAD_INPUT_H
#define DYAD_INPUT_H
#include <stddef.h>
#include "dyad.h"

typedef enum rd_format {
    RD_AUTO = 0,   /* guess from the name, then from the content */
    RD_TEXT,       /* plain text, one article per input */
    RD_JSONL,      /* JSON Lines, one article per line */
    RD_NFORMATS    /* count; HTML and WARC readers will slot in before it */
} rd_format;

#define RD_MAX_RECORD ((size_t)64 << 20) /* default cap on one record: 64 MiB */

typedef struct rd_options {
    int default_date;    /* yyyymmdd for articles without a usable date, 0 = unknown */
    size_t max_record;   /* longest JSONL line or text input kept, bytes; 0 = RD_MAX_RECORD */
} rd_options;

typedef struct rd_error {
    const char *origin;  /* input the error is in ("<stdin>" for "-"); valid until rd_close */
    long line;           /* 1-based line of the bad record, 0 if it concerns the whole input */
    char msg[256];       /* what went wrong, one line, no trailing newline */
} rd_error;

typedef struct rd_reader rd_reader;

/* Open path ("-" = stdin). opt may be NULL (defaults). On failure returns
 * NULL and fills err (err may be NULL). */
rd_reader *rd_open(const char *path, rd_format fmt, const rd_options *opt, rd_error *err);

/* Same over data[0..len), which must outlive the reader; name stands for
 * the path in ids, messages and the RD_AUTO extension check. */
rd_reader *rd_open_mem(const void *data, size_t len, const char *name, rd_format fmt,
                       const rd_options *opt, rd_error *err);

/* 1 = *out holds the next article; 0 = end of input; -1 = a bad record or
 * a broken stream, described in *err (err may be NULL); call again to go on. */
int rd_next(rd_reader *r, dyad_article *out, rd_error *err);

/* The format in use (RD_AUTO resolved once the input was sniffed). */
rd_format rd_format_of(const rd_reader *r);

void rd_close(rd_reader *r);

/* "2024-08-16", "20240816", "2024-08-16T10:00:00Z" (anything after a 'T'
 * or a space is ignored), surrounding blanks allowed -> 20240816; 0 when s
 * is not a valid calendar date. */
int rd_parse_date(const char *s);

/* Format names for command lines: "auto", "text", "jsonl". */
const char *rd_format_name(rd_format f);
rd_format   rd_format_parse(const char *name); /* RD_NFORMATS when unknown */

#endif
