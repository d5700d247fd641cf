/* score.c: precision/recall/F1 and per-category tables for the evals. */
#include "eval/eval.h"
#include "util/buf.h"
#include <stdlib.h>
#include <string.h>

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
