/* eval.h: built-in evaluation against the peers' gold suites.
 *
 * Contract: each eval_* function reads a suite, codes it from raw text
 * only, prints per-category results (and the failures when verbose) to
 * `out`, and ends with the line
 *   F1 0.xxx precision 0.xxx recall 0.xxx (TP n FP n FN n)
 * It fills *score and returns 0, or returns -1 with a message on stderr
 * when the suite cannot be read. */
#ifndef DYAD_EVAL_H
#define DYAD_EVAL_H
#include <stdio.h>

typedef struct eval_score {
    long tp, fp, fn;
    double precision, recall, f1;
} eval_score;

typedef struct eval_opts {
    int verbose;            /* print each failing record */
    const char *only;       /* only records whose id contains this */
} eval_opts;

/* TABARI validation suite: DIR holds Validate.project and what it names. */
int eval_tabari(const char *dir, const eval_opts *opt, FILE *out, eval_score *score);

/* PETRARCH unit-test records: FILE.xml with dictionaries given as paths
 * (actors, agents, verbs, discards; NULL to look beside the records). */
int eval_petrarch(const char *records, const char *const *dicts, int ndicts, const eval_opts *opt,
                  FILE *out, eval_score *score);

/* Shared helpers: a whole file (malloc'ed, NUL-terminated) or NULL; scores. */
char *eval_slurp(const char *path);
void eval_finish(eval_score *s);
void eval_print_final(FILE *out, const eval_score *s);

/* Per-category tallies, printed in first-seen order. */
typedef struct eval_cats {
    char name[64][32];
    long tp[64], fp[64], fn[64], records[64], exact[64];
    int n;
} eval_cats;
int  eval_cat(eval_cats *c, const char *name);
void eval_print_cats(FILE *out, const eval_cats *c);

#endif
