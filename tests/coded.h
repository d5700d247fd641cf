/* coded.h: coding helpers the tests share: one engine with dyad's own
 * dictionaries, loaded once, with texts and the seed article coded with it
 * (defined in test_articles.c); and sentences coded straight through the
 * coder with a test's own lexicon (test_coder.c). */
#ifndef DYAD_TEST_CODED_H
#define DYAD_TEST_CODED_H
#include "dyad.h"
#include "code/coder.h"

/* A coded text: the worker owns the result until issue5_free. */
typedef struct issue5_coded {
    char *text;          /* the article text (malloc'ed) */
    dyad_worker *w;      /* its worker */
    dyad_result r;       /* what dyad_code made of it */
    dyad_article a;      /* the article */
} issue5_coded;

/* The shared engine, or NULL when dyad's dictionaries are missing. */
dyad_engine *issue5_engine(void);
/* Code text (copied) as an article of date yyyymmdd; 0 when dyad's
 * dictionaries are missing. */
int issue5_code(issue5_coded *c, const char *text, int date);
/* Code the seed article (../shared/seed, read at test time) with its date
 * 2024-08-16; 0 when it is absent. */
int issue5_seed(issue5_coded *c);
void issue5_free(issue5_coded *c);
/* The words of span s in the coded text, in a static buffer. */
const char *issue5_span(const issue5_coded *c, dyad_span s);

/* The events the coder makes of text with lexicon lx and options o on
 * yyyymmdd `date`, as "SRC TGT CODE;..." in a static buffer (valid until
 * the next call). */
const char *test_events(const lexicon *lx, const cod_options *o, const char *text, int date);
/* Is "SRC TGT CODE" one of such events? */
int test_has_event(const char *events, const char *event);

#endif
