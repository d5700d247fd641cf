/* pool.c: reader thread -> worker threads -> in-order writer (see pool.h).
 *
 * Sequence numbers order everything. Three cursors walk the ring:
 * `produced` (the reader filled slots below it), `claimed` (workers took
 * slots below it) and `written` (the caller's thread handed slots below it
 * to the sink and freed them). produced - written <= RING bounds memory;
 * a slot's number modulo RING is its place. One mutex guards the cursors
 * and slot states; the article and result bytes are touched by one thread
 * at a time (whoever the state says owns the slot) and need no lock. */
#include "code/pool.h"
#include "util/buf.h"
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { S_FREE, S_READY, S_BUSY, S_DONE };           /* slot states */
enum { K_ARTICLE, K_BAD, K_EMPTY };                 /* what a done slot holds */

#define SHRINK_ABOVE ((size_t)1 << 20) /* a slot buffer bigger than this is freed after use */

typedef struct pl_slot {
    int state;             /* S_* */
    int kind;              /* K_*, valid once S_DONE */
    dyad_article a;        /* the article; its strings live in `in` (or `ext` once extracted) */
    buf in;                /* the article as read: its strings back to back */
    buf ext;               /* a page's extracted article strings */
    int is_page;           /* a.text is a raw page to extract */
    char charset[64];      /* its declared charset */
    rd_error err;          /* K_BAD: what was wrong (origin points into `in`) */
    /* The slot codes with its own worker, so the whole result (events,
     * entities, places, quotations, dates ...) stays valid in that worker's
     * arena until the writer has handed it on and the slot is reused. */
    dyad_worker *w;        /* made with the ring, freed with it */
    dyad_result r;         /* the result, pointing into w */
} pl_slot;

typedef struct pool {
    const dyad_engine *eng;     /* shared, read-only */
    const char *const *files;   /* inputs */
    int nfiles;                 /* their number */
    const pl_options *o;        /* options */
    pl_slot *ring;              /* RING slots */
    long nring;                 /* RING */
    long produced, claimed, written; /* cursors, see above */
    int reader_done;            /* the reader has produced its last slot */
    int stop;                   /* no worker could start: the reader gives up */
    pthread_mutex_t mu;         /* guards cursors, states, reader_done, input_done */
    pthread_cond_t space;       /* a slot was freed (reader waits) */
    pthread_cond_t work;        /* a slot is ready or the reader finished (workers wait) */
    pthread_cond_t done;        /* a slot was coded (writer waits) */
    double input_done;          /* bytes of input read so far, for the progress line */
    double input_total;         /* sum of the inputs' sizes, 0 when unknown (stdin, pipes) */
} pool;

/* Copy string s into b (with its NUL); returns its offset. */
static size_t put(buf *b, const char *s, size_t n)
{
    size_t at = b->len;
    buf_add(b, s ? s : "", s ? n : 0);
    buf_addc(b, 0);
    return at;
}

/* Copy article a into b and point *dst at the copy. */
static void copy_article(buf *b, const dyad_article *a, dyad_article *dst)
{
    buf_clear(b);
    size_t id = put(b, a->id, strlen(a->id)), url = put(b, a->url, strlen(a->url));
    size_t src = put(b, a->source, strlen(a->source)), title = put(b, a->title, strlen(a->title));
    size_t origin = put(b, a->origin, strlen(a->origin)), text = put(b, a->text, a->len);
    *dst = *a;
    dst->id = b->data + id;
    dst->url = b->data + url;
    dst->source = b->data + src;
    dst->title = b->data + title;
    dst->origin = b->data + origin;
    dst->text = b->data + text;
}

static void shrink(buf *b)
{
    if (b->cap > SHRINK_ABOVE) { buf_free(b); buf_init(b); }
}

/* ---- reader thread ---- */

/* Wait for the slot of the next sequence number and return it (NULL
 * when the pool is stopping). */
static pl_slot *next_slot(pool *p)
{
    pthread_mutex_lock(&p->mu);
    while (p->produced - p->written >= p->nring && !p->stop) pthread_cond_wait(&p->space, &p->mu);
    pl_slot *s = p->stop ? NULL : &p->ring[p->produced % p->nring];
    pthread_mutex_unlock(&p->mu);
    return s;
}

/* Hand the filled slot on: to the workers, or straight to the writer. */
static void publish(pool *p, pl_slot *s, int state, double input_done)
{
    pthread_mutex_lock(&p->mu);
    s->state = state;
    p->produced++;
    p->input_done = input_done;
    if (state == S_DONE) pthread_cond_broadcast(&p->done);
    else pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
}

static void bad_slot(pool *p, const rd_error *e, double input_done)
{
    pl_slot *s = next_slot(p);
    if (!s) return;
    buf_clear(&s->in);
    s->err = *e;
    size_t at = put(&s->in, e->origin ? e->origin : "", e->origin ? strlen(e->origin) : 0);
    s->err.origin = s->in.data + at; /* after put: it may move the buffer */
    s->kind = K_BAD;
    publish(p, s, S_DONE, input_done);
}

static void *reader_main(void *arg)
{
    pool *p = arg;
    double before = 0; /* input bytes of the files already read */
    for (int f = 0; f < p->nfiles; f++) {
        rd_error err;
        rd_reader *r = rd_open(p->files[f], p->o->fmt, &p->o->ro, &err);
        if (!r) {
            bad_slot(p, &err, before);
            continue;
        }
        rd_set_raw_pages(r, 1); /* workers extract */
        dyad_article a;
        int rc;
        while ((rc = rd_next(r, &a, &err)) != 0) {
            double at = before + (double)rd_input_offset(r);
            if (rc < 0) {
                bad_slot(p, &err, at);
                continue;
            }
            pl_slot *s = next_slot(p);
            if (!s) break;
            copy_article(&s->in, &a, &s->a);
            s->is_page = rd_is_page(r);
            snprintf(s->charset, sizeof s->charset, "%s", rd_page_charset(r));
            s->kind = K_ARTICLE;
            publish(p, s, S_READY, at);
        }
        before += (double)rd_input_offset(r);
        rd_close(r);
    }
    pthread_mutex_lock(&p->mu);
    p->reader_done = 1;
    p->input_done = before;
    pthread_cond_broadcast(&p->work);
    pthread_cond_broadcast(&p->done);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* ---- workers ---- */

static void code_slot(pl_slot *s, rd_html *x)
{
    if (s->is_page) {
        dyad_article art;
        int rc = rd_page_article(x, &s->a, s->charset, 0, &art, &s->err);
        if (rc <= 0) {
            s->kind = rc < 0 ? K_BAD : K_EMPTY;
            return;
        }
        copy_article(&s->ext, &art, &s->a);
    }
    dyad_code(s->w, &s->a, &s->r);
}

static void *worker_main(void *arg)
{
    pool *p = arg;
    rd_html *x = rd_html_new();
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->claimed == p->produced && !p->reader_done) pthread_cond_wait(&p->work, &p->mu);
        if (p->claimed == p->produced) break; /* reader done, nothing left */
        pl_slot *s = &p->ring[p->claimed++ % p->nring];
        if (s->state != S_READY) continue; /* a bad record: already done */
        s->state = S_BUSY;
        pthread_mutex_unlock(&p->mu);
        code_slot(s, x);
        pthread_mutex_lock(&p->mu);
        s->state = S_DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    rd_html_free(x);
    return NULL;
}

/* ---- progress ---- */

static int progress_drawn; /* a progress line is on stderr now */

void pl_progress_clear(void)
{
    if (progress_drawn) fputs("\r\033[K", stderr);
    progress_drawn = 0;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void draw(const pool *p, const pl_stats *st, double t0)
{
    double secs = now() - t0, mb = p->input_done / 1e6;
    double rate = secs > 0 ? mb / secs : 0;
    char eta[32] = "";
    if (p->input_total > 0 && rate > 0) {
        double left = (p->input_total / 1e6 - mb) / rate;
        if (left < 0) left = 0;
        snprintf(eta, sizeof eta, ", ETA %d:%02d", (int)(left / 60), (int)left % 60);
    }
    char total[32] = "";
    if (p->input_total > 0) snprintf(total, sizeof total, "/%.1f", p->input_total / 1e6);
    fprintf(stderr, "\r\033[Kdyad: %ld articles, %.1f%s MB, %.1f MB/s, %.0f articles/s, %ld events%s", st->articles,
            mb, total, rate, secs > 0 ? (double)st->articles / secs : 0.0, st->events, eta);
    fflush(stderr);
    progress_drawn = 1;
}

/* ---- the writer (caller's thread) ---- */

int pl_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static double input_sizes(const char *const *files, int n)
{
    double total = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (!strcmp(files[i], "-") || stat(files[i], &st) || !S_ISREG(st.st_mode)) return 0;
        total += (double)st.st_size;
    }
    return total;
}

static void free_slot(pl_slot *s)
{
    buf_free(&s->in);
    buf_free(&s->ext);
    dyad_worker_free(s->w);
}

int pl_run(const dyad_engine *e, const char *const *files, int nfiles, const pl_options *o, const pl_sink *sink,
           pl_stats *st)
{
    memset(st, 0, sizeof *st);
    pool p;
    memset(&p, 0, sizeof p);
    p.eng = e;
    p.files = files;
    p.nfiles = nfiles;
    p.o = o;
    int threads = o->threads > 0 ? o->threads : 1;
    p.nring = 4L * threads + 4;
    p.ring = calloc((size_t)p.nring, sizeof *p.ring);
    if (!p.ring) abort();
    for (long i = 0; i < p.nring; i++) {
        buf_init(&p.ring[i].in);
        buf_init(&p.ring[i].ext);
        p.ring[i].w = dyad_worker_new(e);
    }
    p.input_total = o->progress ? input_sizes(files, nfiles) : 0;
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.space, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);

    pthread_t reader, *workers = calloc((size_t)threads, sizeof *workers);
    if (!workers) abort();
    int started = 0, rc = 0;
    if (pthread_create(&reader, NULL, reader_main, &p)) {
        free(workers);
        for (long i = 0; i < p.nring; i++) free_slot(&p.ring[i]);
        free(p.ring);
        return -1;
    }
    while (started < threads && !pthread_create(&workers[started], NULL, worker_main, &p)) started++;
    if (!started) {
        /* nobody to code: stop the reader and report failure */
        pthread_mutex_lock(&p.mu);
        p.stop = 1;
        pthread_cond_broadcast(&p.space);
        pthread_mutex_unlock(&p.mu);
        rc = -1;
    }

    double t0 = now(), last = 0;
    pthread_mutex_lock(&p.mu);
    while (!rc) {
        pl_slot *s = &p.ring[p.written % p.nring];
        if (p.written < p.produced && s->state == S_DONE) {
            pthread_mutex_unlock(&p.mu);
            if (s->kind == K_BAD) {
                st->bad++;
                pl_progress_clear();
                sink->bad(sink->ctx, &s->err);
            } else if (s->kind == K_EMPTY) {
                st->empty++;
            } else {
                st->articles++;
                st->sentences += s->r.nsentences;
                st->events += s->r.nevents;
                st->text_bytes += (double)s->a.len;
                sink->article(sink->ctx, &s->a, &s->r);
            }
            shrink(&s->in), shrink(&s->ext);
            pthread_mutex_lock(&p.mu);
            s->state = S_FREE;
            p.written++;
            pthread_cond_signal(&p.space);
        } else if (p.reader_done && p.written == p.produced) {
            break;
        } else {
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += 250 * 1000000L;
            if (until.tv_nsec >= 1000000000L) until.tv_sec++, until.tv_nsec -= 1000000000L;
            int w = pthread_cond_timedwait(&p.done, &p.mu, &until);
            (void)w;
        }
        if (o->progress) {
            double t = now();
            if (t - last >= 0.25) {
                last = t;
                draw(&p, st, t0);
            }
        }
    }
    st->input_bytes = p.input_done;
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < started; i++) pthread_join(workers[i], NULL);
    pthread_join(reader, NULL);
    if (o->progress) pl_progress_clear();
    for (long i = 0; i < p.nring; i++) free_slot(&p.ring[i]);
    free(p.ring);
    free(workers);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.space);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    return rc;
}
