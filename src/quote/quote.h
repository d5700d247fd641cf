/* quote.h: quotations and who said them.
 *
 * Contract: quo_article() reads the tokens of an analysed article and the
 * entity stage's mentions, and fills dyad_result.quotes with
 *  - direct quotations: words between quotation marks (straight or curly),
 *    over several sentences, and over several paragraphs when a paragraph
 *    ends inside the quotation and the next opens with a mark again; a
 *    quotation split by its frame ("Part one," he said, "part two.") is one
 *    quotation;
 *  - partial quotations: short fragments in marks inside reported speech
 *    ("Lukashenko said only "senior American figures" wanted ...") -- scare
 *    quotes with no speech around them are left out;
 *  - indirect speech: "X said (that) ...", "X warned ...", "X accused Y of
 *    ...", "..., X said", "..., according to X".
 * The speaker is found from the frame around the marks ("," he said /
 * said X / X said: "... / according to X), else from the verb of saying
 * whose reported clause holds the marks, else (a quotation alone in its
 * sentence) from the quotation just before it in the same or the previous
 * paragraph. Speakers are entity mentions, so pronouns and descriptions
 * come resolved ("he" -> Alexander Lukashenko, BLRGOV). Everything is in
 * the arena; nothing is allocated per token. */
#ifndef DYAD_QUOTE_H
#define DYAD_QUOTE_H
#include "dyad.h"
#include "entity/entity.h"
#include "util/arena.h"

void quo_article(const ent_doc *ed, arena *a, dyad_result *out);

/* Lemma of a verb of saying ("SAID" -> "say"), NULL when w is none. */
const char *quo_speech_verb(const char *norm);

#endif
