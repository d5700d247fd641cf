/* modality.h: is an event negated, conditional, future or hedged?
 *
 * Contract: cod_modality() looks only at the words of the event's own
 * sentence, mostly those before the verb in its clause, and sets the
 * negated/conditional/future/hedged flags of each event. */
#ifndef DYAD_MODALITY_H
#define DYAD_MODALITY_H
#include "dyad.h"
#include "text/text.h"

void cod_modality(const txt_doc *doc, const txt_sentence *s, dyad_event *ev, uint32_t n);

#endif
