/* score.c: precision/recall/F1 and per-category tables for the evals. */
#include "eval/eval.h"
#include "util/buf.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The whole file, NUL-terminated (malloc'ed), or NULL. */
char *eval_slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    buf b;
    buf_init(&b);
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) buf_add(&b, tmp, n);
    fclose(f);
    if (!b.data) buf_add(&b, "", 0);
    return b.data;
}

void eval_finish(eval_score *s)
{
    s->precision = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 0;
    s->recall = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 0;
    s->f1 = s->precision + s->recall > 0 ? 2 * s->precision * s->recall / (s->precision + s->recall) : 0;
}

void eval_print_final(FILE *out, const eval_score *s)
{
    fprintf(out, "F1 %.3f precision %.3f recall %.3f (TP %ld FP %ld FN %ld)\n", s->f1, s->precision,
            s->recall, s->tp, s->fp, s->fn);
}

int eval_cat(eval_cats *c, const char *name)
{
    for (int i = 0; i < c->n; i++) if (!strcmp(c->name[i], name)) return i;
    if (c->n == 64) return 63;
    int i = c->n++;
    snprintf(c->name[i], sizeof c->name[i], "%s", name);
    c->tp[i] = c->fp[i] = c->fn[i] = c->records[i] = c->exact[i] = 0;
    return i;
}

void eval_print_cats(FILE *out, const eval_cats *c)
{
    fprintf(out, "%-12s %7s %7s %5s %5s %5s %6s\n", "category", "records", "exact", "TP", "FP", "FN", "F1");
    for (int i = 0; i < c->n; i++) {
        eval_score s = {c->tp[i], c->fp[i], c->fn[i], 0, 0, 0};
        eval_finish(&s);
        double f1 = (s.tp + s.fp + s.fn) ? s.f1 : 1.0;
        fprintf(out, "%-12s %7ld %7ld %5ld %5ld %5ld %6.3f\n", c->name[i], c->records[i], c->exact[i], s.tp, s.fp,
                s.fn, f1);
    }
}

static int same_event(const eval_event *g, const dyad_event *e)
{
    return !strcmp(g->s, e->source) && !strcmp(g->t, e->target) && !strcmp(g->c, e->code);
}

void eval_score_record(eval_record *r, const dyad_event *ev, uint32_t n, int status, const char *trace,
                       eval_cats *cats, eval_score *total, int *exact, int verbose, FILE *out)
{
    long tp = 0, fp = 0, fn = 0;
    for (uint32_t i = 0; i < n; i++) {
        int hit = 0;
        for (int k = 0; k < r->nwant && !hit; k++)
            if (!r->want[k].used && same_event(&r->want[k], &ev[i])) r->want[k].used = hit = 1;
        if (hit) { tp++; continue; }
        /* Unexpected events count against us only where the record says what to expect. */
        if ((r->nwant || r->none) && !r->open) fp++;
    }
    for (int k = 0; k < r->nwant; k++) if (!r->want[k].used) fn++;
    int ci = eval_cat(cats, r->category && r->category[0] ? r->category : "NONE");
    cats->records[ci]++;
    cats->tp[ci] += tp; cats->fp[ci] += fp; cats->fn[ci] += fn;
    if (!fp && !fn) { (*exact)++; cats->exact[ci]++; }
    total->tp += tp; total->fp += fp; total->fn += fn;
    if (!verbose || (!fp && !fn)) return;
    fprintf(out, "--- %s: %s\n  want:", r->id, r->text);
    for (int k = 0; k < r->nwant; k++) fprintf(out, " %s/%s/%s", r->want[k].s, r->want[k].t, r->want[k].c);
    if (r->none) fprintf(out, " (no event)");
    if (r->open) fprintf(out, " (others unchecked)");
    fprintf(out, "\n  got: ");
    for (uint32_t i = 0; i < n; i++)
        fprintf(out, " %s/%s/%s[%s]", ev[i].source, ev[i].target, ev[i].code, ev[i].pattern ? ev[i].pattern : "");
    if (status) fprintf(out, " (status %d)", status);
    fprintf(out, "\n%s", trace ? trace : "");
}

void eval_report(FILE *out, const eval_cats *c, eval_score *s, int records, int exact, double load_s,
                 const struct timespec *coding_started)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double code_s = (double)(now.tv_sec - coding_started->tv_sec) +
                    (double)(now.tv_nsec - coding_started->tv_nsec) / 1e9;
    eval_finish(s);
    eval_print_cats(out, c);
    fprintf(out, "records %d, exact %d; dictionaries loaded in %.3f s, coded in %.3f s (%.0f records/s)\n",
            records, exact, load_s, code_s, code_s > 0 ? records / code_s : 0.0);
    eval_print_final(out, s);
}
