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
 *   RD_HTML   the whole input is one web page; the article is its main
 *             text (src/input/html.h); id = the path given; url, title
 *             and date from the page (date: default_date when it has none).
 *   RD_WARC   a WARC file (ISO 28500, WARC/1.0 or 1.1), each record gzip'ed
 *             or not: every `response` record whose HTTP payload is HTML
 *             (status 2xx, Content-Type text/html or xhtml) is a page as
 *             in RD_HTML, with id = WARC-Record-ID, url = WARC-Target-URI
 *             and, when the page gives no date, WARC-Date. Chunked
 *             transfer-encoding and gzip/deflate content-encoding are
 *             undone; the charset comes from the HTTP Content-Type, else
 *             the page. Other records are passed over silently. A record
 *             whose Content-Length does not lead to the record's end (a
 *             lying length, a cut file) is reported and reading resumes at
 *             the next "WARC/" header line. rd_error.line is the record's
 *             1-based number in the file and the message gives its byte
 *             offset (in the decompressed stream).
 *   RD_AUTO   JSONL for names ending .jsonl/.ndjson/.json, HTML for .html/
 *             .htm/.xhtml, WARC for .warc (before any .gz); else by the
 *             content: "WARC/" at the start is WARC, a first non-blank '{'
 *             JSONL, markup with an <html>, <head>, <body> or doctype tag in
 *             the first 4 kB HTML, anything else TEXT.
 * Every format: an article whose text is longer than the article cap
 * (RD_MAX_ARTICLE, or rd_set_max_article) is reported and skipped. A page with no article text in
 * it (an index page, a video page) yields nothing and is no error.
 *
 * Deferred extraction: after rd_set_raw_pages(r, 1), the HTML and WARC
 * readers hand each page out unextracted: out->text is the page's HTML
 * (decoded from the transport, not from its charset), out->url/date what
 * the container said, and rd_page_charset() the charset it declared. The
 * caller turns it into the article with rd_page_article() — on another
 * thread if it likes: that is how `dyad code --threads` spreads HTML
 * parsing over the workers. rd_is_page() tells such articles apart. */
#ifndef DYAD_INPUT_H
#define DYAD_INPUT_H
#include <stddef.h>
#include "dyad.h"

typedef enum rd_format {
    RD_AUTO = 0,   /* guess from the name, then from the content */
    RD_TEXT,       /* plain text, one article per input */
    RD_JSONL,      /* JSON Lines, one article per line */
    RD_HTML,       /* a web page, one article per input */
    RD_WARC,       /* a web crawl: one article per HTML response record */
    RD_NFORMATS    /* count */
} rd_format;

#define RD_MAX_RECORD ((size_t)64 << 20) /* default cap on one record: 64 MiB */
#define RD_MAX_ARTICLE ((size_t)8 << 20) /* default cap on one article's text: 8 MiB */

/* (Callers fill this positionally: new settings go through setters below.) */
typedef struct rd_options {
    int default_date;    /* yyyymmdd for articles without a usable date, 0 = unknown */
    size_t max_record;   /* longest JSONL line, text/HTML input or WARC record kept, bytes; 0 = RD_MAX_RECORD */
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

/* Raw bytes taken from the input so far (compressed bytes for gzip, read
 * ahead by up to a chunk): progress against the file's size. */
unsigned long long rd_input_offset(const rd_reader *r);

/* The format in use (RD_AUTO resolved once the input was sniffed). */
rd_format rd_format_of(const rd_reader *r);

void rd_close(rd_reader *r);

/* "2024-08-16", "20240816", "2024-08-16T10:00:00Z" (anything after a 'T'
 * or a space is ignored), surrounding blanks allowed -> 20240816; 0 when s
 * is not a valid calendar date. */
int rd_parse_date(const char *s);

/* Settings, before the first rd_next. */
/* Longest article text handed out, bytes (0 = RD_MAX_ARTICLE). */
void rd_set_max_article(rd_reader *r, size_t max);
/* 1: HTML/WARC readers hand pages out unextracted (see above). */
void rd_set_raw_pages(rd_reader *r, int on);

/* Deferred extraction (rd_set_raw_pages). */
/* Is the article rd_next just gave a raw page? */
int rd_is_page(const rd_reader *r);
/* The charset the transport declared for it ("" if none); valid until the next rd_next. */
const char *rd_page_charset(const rd_reader *r);

/* An extractor: reusable buffers for rd_page_article; one per thread. */
typedef struct rd_html rd_html;
rd_html *rd_html_new(void);
void     rd_html_free(rd_html *x);

/* Make the article from raw page `page` (as rd_next handed it out, or any
 * article whose text is HTML) with the declared charset (NULL/"" = let the
 * page say): text = the page's main text, title/url from the page when
 * `page` has none, date = the page's publication date, else page->date.
 * max_article: the article cap (0 = RD_MAX_ARTICLE). 1: *out is the
 * article (its strings live in x until its next use, or are page's);
 * 0: the page holds no article text; -1: not HTML or too long, err says
 * why (err->origin/line are page's origin/line). */
int rd_page_article(rd_html *x, const dyad_article *page, const char *charset, size_t max_article,
                    dyad_article *out, rd_error *err);

/* Format names for command lines: "auto", "text", "jsonl", "html", "warc". */
const char *rd_format_name(rd_format f);
rd_format   rd_format_parse(const char *name); /* RD_NFORMATS when unknown */

#endif
