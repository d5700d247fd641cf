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

/* Article extraction from HTML (src/eval/eval_extract.c): DIR is the
 * ScrapingHub benchmark (ground-truth.json + html/) or trafilatura's
 * English subset (evaldata-en-subset.json + html/), each scored its way. */
int eval_extract(const char *dir, const eval_opts *opt, FILE *out, eval_score *score);

/* Time expressions: DIR holds TempEval-3 .tml or MEANTIME CAT .xml
 * documents (searched recursively); value F1 on relaxed span matches is
 * the last line, relaxed and strict span F1 are printed before it. */
int eval_timex(const char *dir, const eval_opts *opt, FILE *out, eval_score *score);

/* Named entities (src/eval/eval_ner.c): DIR holds CoNLL files (Wikigold;
 * exact spans, as conlleval) or MEANTIME CAT .xml (named mentions, spans
 * overlapping), searched recursively; F1 per type PER/ORG/LOC, then the
 * last line over the three. */
int eval_ner(const char *dir, const eval_opts *opt, FILE *out, eval_score *score);

/* Shared helpers: a whole file (malloc'ed, NUL-terminated) or NULL; scores. */
char *eval_slurp(const char *path);
void eval_finish(eval_score *s);
void eval_print_final(FILE *out, const eval_score *s);

/* One gold record: the events it expects, or "no event". */
#include "dyad.h"
typedef struct eval_event {
    char s[DYAD_CODE_MAX], t[DYAD_CODE_MAX], c[8];
    int used;                   /* matched by a coded event */
} eval_event;

typedef struct eval_record {
    const char *id, *text, *category;
    eval_event want[32]; int nwant;
    int none;                   /* the record expects no event */
    int open;                   /* TABARI's "-{...}": coded events beyond the listed ones are not checked */
} eval_record;

struct eval_cats;
/* Score one record against what was coded; count it in its category and
 * in the totals; print it with the trace when it fails and verbose. */
void eval_score_record(eval_record *r, const dyad_event *ev, uint32_t n, int status, const char *trace,
                       struct eval_cats *cats, eval_score *total, int *exact, int verbose, FILE *out);

/* Per-category tallies, printed in first-seen order. */
typedef struct eval_cats {
    char name[64][32];
    long tp[64], fp[64], fn[64], records[64], exact[64];
    int n;
} eval_cats;
int  eval_cat(eval_cats *c, const char *name);
void eval_print_cats(FILE *out, const eval_cats *c);

/* Finish the scores and print the table, the counts and timings (coding
 * timed from *coding_started), and the last line. */
struct timespec;
void eval_report(FILE *out, const eval_cats *c, eval_score *s, int records, int exact, double load_s,
                 const struct timespec *coding_started);

#endif
