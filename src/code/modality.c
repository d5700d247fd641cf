/* modality.c: negation, condition, future and hedging cues around a verb. */
#include "code/modality.h"
#include <string.h>

static int word_is(const char *w, const char *const *list)
{
    for (int i = 0; list[i]; i++) if (!strcmp(w, list[i])) return 1;
    return 0;
}

static const char *const negations[] = {"NOT", "N'T", "NEVER", "NO", "DIDN'T", "WON'T", "CAN'T", "DOESN'T",
                                        "DON'T", "WOULDN'T", "ISN'T", "WASN'T", "HASN'T", "HAVEN'T",
                                        "COULDN'T", "SHOULDN'T", "REFUSED", "DENIED", NULL};
static const char *const conditions[] = {"IF", "UNLESS", "UNTIL", "PROVIDED", "WHETHER", NULL};
static const char *const futures[] = {"WILL", "WOULD", "SHALL", "PLANS", "PLAN", "PLANNED", "INTENDS",
                                      "INTEND", "WON'T", "THREATENED", "VOWED", "PROMISED", "GOING", NULL};
static const char *const hedges[] = {"MIGHT", "MAY", "COULD", "ALLEGEDLY", "REPORTEDLY", "SUGGESTED",
                                     "CLAIMED", "ALLEGED", "EVIDENCE", "POSSIBLY", "PERHAPS", NULL};
/* Words that end the scope of a cue: a new clause begins. */
static const char *const breaks[] = {",", ";", ":", "AND", "BUT", "WHILE", "WHICH", "WHO", "THAT", NULL};

void cod_modality(const txt_doc *doc, const txt_sentence *s, dyad_event *ev, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++) {
        dyad_event *e = &ev[k];
        uint32_t verb = s->tok;
        while (verb < s->tok + s->ntok && doc->tok[verb].start < e->verb_span.start) verb++;
        /* Negation and futurity: in the verb's own clause, just before it. */
        int dist = 0;
        for (uint32_t t = verb; t > s->tok && dist < 6; t--, dist++) {
            const char *w = txt_norm(doc, t - 1);
            if (word_is(w, breaks)) break;
            if (word_is(w, negations)) e->negated = 1;
            if (word_is(w, futures)) e->future = 1;
            if (word_is(w, hedges)) e->hedged = 1;
        }
        /* Conditions anywhere in the sentence scope the whole of it. */
        for (uint32_t t = s->tok; t < s->tok + s->ntok; t++) {
            const char *w = txt_norm(doc, t);
            if (word_is(w, conditions)) e->conditional = 1;
            if (!strcmp(w, "WITHOUT") && t + 2 < s->tok + s->ntok &&
                (!strcmp(txt_norm(doc, t + 1), "EVIDENCE") || !strcmp(txt_norm(doc, t + 2), "EVIDENCE")))
                e->hedged = 1;
        }
    }
}
