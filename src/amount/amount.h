/* amount.h: numbers with what they count or measure.
 *
 * Contract: amt_article() reads the tokens of an analysed article and
 * fills dyad_result.amounts with every amount it recognises:
 *  - counts: "35 people", "thousands of Kiev soldiers", "hundreds of
 *    thousands of people", "dozens", "a dozen", "1,200 troops";
 *  - measures: "35 kilometres", "a nearly two-hour interview" (unit hour,
 *    counting the interview), "3.5 tonnes";
 *  - money: "$5 million", "2.5bn euros"; percentages: "12%", "12 per cent";
 *  - fractions: "a fifth of its territory", "two-thirds of", "half of".
 * Modifiers ("nearly", "about", "more than", "at least", "up to") set
 * approx and belong to the span; vague amounts ("thousands") get their
 * order of magnitude as value. What is counted is the noun phrase after
 * the number (or after "of"), determiners left out, cut before a verb, a
 * preposition or punctuation. Dates, years, times and ordinals are not
 * amounts (they are the time stage's). The lexicon, when given, tells
 * verbs from nouns. Nothing is allocated per token. */
#ifndef DYAD_AMOUNT_H
#define DYAD_AMOUNT_H
#include "dyad.h"
#include "lexicon/lexicon.h"
#include "text/text.h"
#include "util/arena.h"

void amt_article(const lexicon *lx, const txt_doc *doc, arena *a, dyad_result *out);

/* The words an amount may start with, sorted (for tests). */
extern const char *const amt_starters[];
extern const size_t amt_nstarters;

#endif
