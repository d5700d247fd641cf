/* engine.c: the public API (dyad.h) wiring clean -> text -> code. */
#include "dyad.h"
#include "clean/clean.h"
#include "amount/amount.h"
#include "code/coder.h"
#include "entity/entity.h"
#include "geo/geo.h"
#include "lexicon/load.h"
#include "quote/quote.h"
#include "text/text.h"
#include "time/time.h"
#include "util/arena.h"
#include "util/buf.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "data"
#endif

struct dyad_engine {
    lexicon *lx;          /* every dictionary loaded */
    cod_options opt;      /* coding options */
    geo_gaz *geo;         /* gazetteer of places, loaded when the engine is made ready */
    int events_only;      /* skip entities, places, quotations and amounts */
};

struct dyad_worker {
    const dyad_engine *e; /* shared, read-only */
    arena ar;             /* everything about the current article */
};

dyad_engine *dyad_engine_new(void)
{
    dyad_engine *e = calloc(1, sizeof *e);
    if (!e) abort();
    e->lx = lex_new();
    e->geo = geo_new();
    cod_options_news(&e->opt);
    return e;
}

void dyad_engine_free(dyad_engine *e)
{
    if (!e) return;
    lex_free(e->lx);
    geo_free(e->geo);
    free(e);
}

int dyad_engine_load(dyad_engine *e, const char *path) { return lex_load_auto(e->lx, path); }

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int dyad_engine_load_default(dyad_engine *e, const char *dir)
{
    if (!dir) dir = getenv("DYAD_DATA");
    char path[1024];
    if (!dir) { snprintf(path, sizeof path, "%s/dict", DYAD_DATADIR); dir = path; }
    DIR *d = opendir(dir);
    if (!d) return -1;
    char *names[512];
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < 512) {
        size_t l = strlen(de->d_name);
        if (l > 5 && !strcmp(de->d_name + l - 5, ".dyad")) names[n++] = strdup(de->d_name);
    }
    closedir(d);
    /* Sorted, so that the order (and so which entry wins) never depends on the file system. */
    qsort(names, (size_t)n, sizeof *names, cmp_str);
    int total = 0;
    for (int i = 0; i < n; i++) {
        char p[2048];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        int k = lex_load_dyad(e->lx, p);
        if (k > 0) total += k;
        free(names[i]);
    }
    return total;
}

int dyad_engine_option(dyad_engine *e, const char *line) { return cod_options_line(&e->opt, line); }
void dyad_engine_modality(dyad_engine *e, int on) { e->opt.modality = on; }
void dyad_engine_events_only(dyad_engine *e, int on) { e->events_only = on; }
void dyad_engine_ready(dyad_engine *e)
{
    lex_compile(e->lx);
    geo_load(e->geo, NULL, e->lx);  /* reads the tags of the countries.dyad just loaded */
}

const char *dyad_engine_messages(const dyad_engine *e, unsigned *count)
{
    if (count) *count = e->lx->nerrors;
    return e->lx->errors.data ? e->lx->errors.data : "";
}

dyad_worker *dyad_worker_new(const dyad_engine *e)
{
    dyad_worker *w = calloc(1, sizeof *w);
    if (!w) abort();
    w->e = e;
    arena_init(&w->ar, 1 << 20);
    return w;
}

void dyad_worker_free(dyad_worker *w)
{
    if (!w) return;
    arena_free(&w->ar);
    free(w);
}

int dyad_code(dyad_worker *w, const dyad_article *a, dyad_result *out)
{
    arena_reset(&w->ar);
    memset(out, 0, sizeof *out);
    cln_result cr;
    cln_clean(&w->ar, a->text, a->len, &cr);
    txt_doc doc;
    txt_analyse(&w->ar, cr.text, cr.len, &doc);
    tim_expr *tx;
    uint32_t ntx;
    tim_find(&w->ar, &doc, a->date, &tx, &ntx);
    out->text = cr.text;
    out->len = cr.len;
    out->byline = cr.byline;
    out->dateline = cr.dateline;
    out->nbad_utf8 = doc.nbad;
    dyad_noise *noise = arena_alloc(&w->ar, (cr.nnoise + 1) * sizeof *noise);
    for (uint32_t i = 0; i < cr.nnoise; i++) {
        noise[i].span = (dyad_span){cr.noise[i].start, cr.noise[i].end};
        noise[i].kind = cln_kind_name(cr.noise[i].kind);
    }
    out->noise = noise;
    out->nnoise = cr.nnoise;
    dyad_span *sp = arena_alloc(&w->ar, (doc.nsent + 1) * sizeof *sp);
    for (uint32_t i = 0; i < doc.nsent; i++) sp[i] = (dyad_span){doc.sent[i].start, doc.sent[i].end};
    out->sentences = sp;
    out->nsentences = doc.nsent;
    cod_out co = {0};
    for (uint32_t s = 0; s < doc.nsent; s++) {
        uint32_t before = co.n;
        cod_sentence(w->e->lx, &w->e->opt, &w->ar, &doc, s, a->date, &co);
        for (uint32_t k = before; k < co.n; k++) co.ev[k].reported = doc.sent[s].quote_depth > 0;
    }
    out->events = co.ev;
    out->nevents = co.n;
    /* each event's own date, from the time expression that governs it */
    tim_attach(&w->ar, &doc, tx, ntx, a->date, co.ev, co.n, out);
    if (w->e->events_only) return (int)co.n;
    /* beyond events: names, places (and each event's place), quotations, amounts */
    ent_doc *ents = ent_article(w->e->lx, w->e->geo, &w->ar, &doc, a->date, out);
    geo_article(w->e->geo, ents, &w->ar, out);
    quo_article(ents, &w->ar, out);
    amt_article(w->e->lx, &doc, &w->ar, out);
    return (int)co.n;
}

int dyad_explain(const dyad_engine *e, const dyad_article *a, FILE *out)
{
    arena ar;
    arena_init(&ar, 1 << 16);
    cln_result cr;
    cln_clean(&ar, a->text, a->len, &cr);
    for (uint32_t i = 0; i < cr.nnoise; i++)
        fprintf(out, "noise removed (%s): %.*s\n", cln_kind_name(cr.noise[i].kind),
                (int)(cr.noise[i].end - cr.noise[i].start), a->text + cr.noise[i].start);
    txt_doc doc;
    txt_analyse(&ar, cr.text, cr.len, &doc);
    cod_options o = e->opt;
    buf trace;
    buf_init(&trace);
    o.trace = &trace;
    cod_out co = {0};
    int total = 0;
    for (uint32_t s = 0; s < doc.nsent; s++) {
        buf_clear(&trace);
        uint32_t before = co.n;
        cod_sentence(e->lx, &o, &ar, &doc, s, a->date, &co);
        fprintf(out, "sentence %u: %.*s\n%s", s, (int)(doc.sent[s].end - doc.sent[s].start),
                cr.text + doc.sent[s].start, trace.data ? trace.data : "");
        for (uint32_t k = before; k < co.n; k++) {
            const dyad_event *ev = &co.ev[k];
            fprintf(out, "event: %s %s %s", ev->source, ev->code, ev->target);
            const dyad_cameo *c = dyad_cameo_lookup(ev->code);
            if (c) fprintf(out, " (%s)", c->name);
            fprintf(out, " by pattern \"%s\" (%s)%s%s%s%s\n", ev->pattern ? ev->pattern : "",
                    ev->pattern_origin ? ev->pattern_origin : "", ev->negated ? " negated" : "",
                    ev->conditional ? " conditional" : "", ev->future ? " future" : "", ev->hedged ? " hedged" : "");
        }
        if (co.n == before) fprintf(out, "no event\n");
        total += (int)(co.n - before);
        fputc('\n', out);
    }
    buf_free(&trace);
    arena_free(&ar);
    return total;
}
