/* pool.h: the threaded coding pipeline (prefix pl_), used by `dyad code`.
 *
 * Contract: pl_run() reads the inputs in order on one reader thread, codes
 * the articles on `threads` worker threads (each with its own HTML
 * extractor; the engine is shared read-only), and hands every
 * result to sink->article on the calling thread in input order, exactly as
 * a single-threaded loop would: the output is the same byte for byte
 * whatever the number of threads. Bad records (and inputs that cannot be
 * opened) go to sink->bad, also in input order, between the articles they
 * came between. Web pages (HTML, WARC) are parsed and extracted by the
 * workers, not the reader, so extraction scales with the threads too.
 *
 * Memory is bounded whatever the corpus size: articles travel through a
 * ring of 4*threads+4 slots that is at once the work queue and the reorder
 * buffer; the reader waits while the writer is a ring behind. A slot keeps
 * one article (capped by the readers) and its result, coded with the slot's
 * own dyad_worker: every array of the result (events, entities, places,
 * quotations, dates) stays valid until the sink has had it.
 *
 * With `progress` set, a status line (articles, MB read, rate, events, ETA
 * when the inputs' sizes are known) is redrawn on stderr a few times a
 * second from the calling thread, and wiped at the end; sink callbacks
 * that print to stderr should call pl_progress_clear() first. */
#ifndef DYAD_CODE_POOL_H
#define DYAD_CODE_POOL_H
#include "dyad.h"
#include "input/input.h"

typedef struct pl_sink {
    /* One coded article with its result, in input order, on pl_run's thread. */
    void (*article)(void *ctx, const dyad_article *a, const dyad_result *r);
    /* One bad record (e->line 0: the whole input), in input order. */
    void (*bad)(void *ctx, const rd_error *e);
    void *ctx; /* passed back to both */
} pl_sink;

typedef struct pl_options {
    int threads;          /* worker threads, >= 1 */
    rd_format fmt;        /* input format (RD_AUTO: per input) */
    rd_options ro;        /* reader options */
    int progress;         /* draw the progress line on stderr */
} pl_options;

typedef struct pl_stats {
    long articles;        /* articles coded */
    long sentences;       /* sentences in them */
    long events;          /* events coded */
    long bad;             /* bad records and unreadable inputs */
    long empty;           /* pages without article text (not errors) */
    double text_bytes;    /* article text coded, bytes */
    double input_bytes;   /* input read (compressed size for gzip), bytes */
} pl_stats;

/* Code files[0..nfiles) ("-" = stdin). Returns 0, or -1 when a thread
 * could not be started (nothing was coded). */
int pl_run(const dyad_engine *e, const char *const *files, int nfiles, const pl_options *o, const pl_sink *sink,
           pl_stats *st);

/* Wipe the progress line (if drawn) so a message can be printed. */
void pl_progress_clear(void);

/* Worker threads to use by default: the online processors. */
int pl_default_threads(void);

#endif
