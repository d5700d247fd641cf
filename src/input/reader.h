/* reader.h: what the format readers share (internal to src/input).
 *
 * Contract: reader.c owns opening, sniffing and the stream; each format
 * supplies an rd_format_ops whose next() fills one article from r->s or
 * reports one bad record through rd_fail(). next() returns 0 at the end of
 * its input, also when the stream broke: reader.c then reports r->s.err. */
#ifndef DYAD_INPUT_READER_H
#define DYAD_INPUT_READER_H
#include <jansson.h>
#include "input/input.h"
#include "input/stream.h"
#include "util/buf.h"

typedef struct rd_format_ops {
    const char *name;                                   /* "text", "jsonl", "html", "warc" */
    int (*next)(rd_reader *r, dyad_article *out, rd_error *err); /* as rd_next */
    int pages;        /* next() hands out raw HTML pages, set r->charset; reader.c extracts */
} rd_format_ops;

struct rd_reader {
    rd_stream s;               /* decoded bytes of the input */
    rd_format fmt;             /* format being read (never RD_AUTO after open) */
    const rd_format_ops *ops;  /* its reader */
    char *origin;              /* input name for ids and messages (owned) */
    rd_options opt;            /* options, defaults filled in */
    size_t max_article;        /* longest article text handed out (rd_set_max_article) */
    int raw_pages;             /* hand pages out unextracted (rd_set_raw_pages) */
    int done;                  /* the end (and any stream error) was reported */
    int text_done;             /* RD_TEXT: the single article was handed out */
    json_t *json;              /* RD_JSONL: record handed out last; freed by the next call */
    buf scratch;               /* made-up strings such as "<file>:<line>" ids */
    /* pages (RD_HTML, RD_WARC) */
    rd_html *html;             /* extractor, made on first use when not raw_pages */
    char charset[64];          /* charset the transport declared for the last page, "" if none */
    int is_page;               /* the article handed out last is a raw page */
    /* RD_WARC */
    long rec;                  /* records begun (number of the last one) */
    int in_rec;                /* record `rec` is not read to its end yet */
    int resync;                /* the last record was bad: skip lines up to the next "WARC/" */
    buf body;                  /* HTTP payload with chunking undone */
    buf inflated;              /* ... and content-encoding undone */
};

extern const rd_format_ops rd_text_ops, rd_jsonl_ops, rd_html_ops, rd_warc_ops;

/* Is s[0..n) blank (spaces, tabs, CR, LF)? */
int rd_blank(const char *s, size_t n);

/* The whole input as one article (RD_TEXT, and RD_HTML before extraction). */
int rd_whole_input(rd_reader *r, dyad_article *out, rd_error *err);

/* Fill err (if any) for a bad record at `line`; returns -1. */
int rd_fail(const rd_reader *r, rd_error *err, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
