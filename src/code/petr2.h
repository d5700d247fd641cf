/* petr2.h: PETRARCH-2's reading of a sentence, from raw text by shape.
 *
 * PETRARCH-2 codes on a CoreNLP parse: a verb governing another folds into
 * it through the coding ontology (pico.h), passives take their source from
 * by/from/in phrases, the target comes from the object noun phrase. These
 * functions find the same structures in the coder's shallow parse
 * (sentence.h); coder.c calls them only when the ontology is loaded.
 * Positions (q, vend, lo, hi) index the sentence's active words act[]. */
#ifndef DYAD_PETR2_H
#define DYAD_PETR2_H
#include "code/sentence.h"
#include "lexicon/pico.h"

/* ---- verb chains ---- */

typedef struct chain {
    int on;               /* an upper verb waits for its governed verb */
    int32_t value;        /* PICO value of the upper verb(s), 0 when uncoded */
    int source;           /* the upper verb's subject (actor), NO if none */
    int end;              /* last word of the upper verb */
    int subject;          /* the governed verb's own subject, NO = the upper's */
    int pos;              /* position (in act[]) of the governed verb */
    int conjunct;         /* carried over to a conjunct from the clause before */
} chain;

/* Does the verb ending at vend govern a later verb of the clause ("wants
 * to help", "asked Obama to help", "said they will attack")? Its
 * position, with *subject the governed verb's own subject (NO: the upper
 * verb's), or NO. */
int p2_governed_verb(const sent *S, const int *act, int vend, int hi, const lex_code *code, int *subject);
/* A verb of saying, hoping or claiming takes a whole clause as its object. */
int p2_takes_clause(const lex_code *c);
/* Fold the upper verb of ch into the governed verb's event pd, whose own
 * code value is low (negated: "not" is in it). 0 when the pair means no
 * event (the ontology has no code for it). */
int p2_chain_fold(const sent *S, const chain *ch, pending *pd, int32_t low, int negated);
/* "not", "n't" or "never" among the few words before the verb at q. */
int p2_negated_before(const sent *S, const int *act, int lo, int q);

/* ---- which verb forms are verbs ---- */

/* A verb form right after a determiner, a possessive pronoun or a
 * preposition ("a mortar bomb", "his remarks", "at pushing for") is a
 * noun or gerund of a phrase, not the clause's verb. */
int p2_in_noun_phrase(const sent *S, const int *act, int lo, int r);
/* "to mend damaged ties": a participle between a verb or determiner and
 * its noun is an adjective. */
int p2_attributive(const sent *S, const int *act, int lo, int hi, int q);

/* ---- passives ---- */

/* Is the verb at q passive: a form of "be" before a participle ("were
 * killed", "there were ten soldiers killed"), or a participle right after
 * its noun ("a trip aimed at", "the civilians imprisoned ... were
 * released")? */
int p2_passive(const sent *S, const int *act, int lo, int hi, int q);
/* The first actor after vend inside a by/from/in phrase, or NO. */
int p2_agent_phrase_actor(const sent *S, const int *act, int vend, int hi);
/* A passive verb's "* NOUN" pattern matched on its subject ("Evidence
 * against Russia was presented" is "* EVIDENCE"): the pattern index, or
 * UINT32_MAX. cand is scratch for MAX_CANDIDATES indexes. */
uint32_t p2_passive_subject_pattern(const sent *S, const lex_verb *v, const int *act, int lo, int q, uint32_t *cand);

/* ---- objects ---- */

/* The first actor in words [from, to] other than ref whose own word is not
 * one of used[] (taken by the pattern), before any infinitive; or NO. */
int p2_object_after(const sent *S, int from, int to, int ref, const int *used, int nused);
/* Is the object noun phrase, before any prepositional phrase, the subject
 * itself ("made his remarks in Doha")? */
int p2_self_object(const sent *S, const int *act, int vend, int hi, int source);
/* Do actors a and b share a code? */
int p2_same_actor(const sent *S, int a, int b);

#endif
