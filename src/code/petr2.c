/* petr2.c: PETRARCH-2's reading of a sentence (see petr2.h). */
#include "code/petr2.h"
#include <string.h>

/* The first actor in words [from, to] other than ref whose own word is
 * not one of used[] (taken by the pattern), or NO. */
int p2_object_after(const sent *S, int from, int to, int ref, const int *used, int nused)
{
    /* The verb's object ends at an infinitive ("send a team ... to help
     * identify victims"). */
    for (int w = from; w < to; w++)
        if ((S->w[w].cls & CL_TO) && S->w[w + 1].type == W_VERB && !S->w[w].dropped) {
            to = w - 1;
            break;
        }
    for (int f = from; f <= to;) {
        int k = cod_first_actor(S, f, to, ref);
        if (k == NO) return NO;
        int taken = 0;
        for (int u = 0; u < nused && !taken; u++) taken = used[u] == S->a[k].core;
        if (!taken) return k;
        f = S->a[k].end + 1;
    }
    return NO;
}

int p2_same_actor(const sent *S, int a, int b)
{
    if (a == NO || b == NO) return 0;
    if (a == b) return 1;
    for (int i = 0; i < S->a[a].ncodes; i++)
        for (int j = 0; j < S->a[b].ncodes; j++)
            if (!strcmp(S->a[a].codes[i], S->a[b].codes[j])) return 1;
    return 0;
}

/* PETRARCH-2 takes the target from the object noun phrase before any
 * prepositional phrase: when that is the subject itself ("made his
 * remarks in Doha"), the event is the subject's on itself, so none. */
int p2_self_object(const sent *S, const int *act, int vend, int hi, int source)
{
    if (source == NO) return 0;
    for (int p = vend + 1; p <= hi; p++) {
        const cw *x = &S->w[act[p]];
        if (x->prep || x->type == W_COMMA || (x->type == W_VERB && x->head == NO)) return 0;
        if (x->actor != NO) return p2_same_actor(S, x->actor, source);
    }
    return 0;
}

/* Position of the actor unit's last word + 1 (positions index act[]). */
static int after_unit(const sent *S, const int *act, int p, int hi)
{
    const cactor *a = &S->a[S->w[act[p]].actor];
    while (p <= hi && act[p] <= a->end) p++;
    return p;
}

/* A verb of saying, hoping or claiming takes a whole clause as its object. */
int p2_takes_clause(const lex_code *c)
{
    return !(c->flags & LEX_CODE_NULL) &&
           (!strncmp(c->code, "01", 2) || !strncmp(c->code, "02", 2) || !strncmp(c->code, "11", 2));
}

/* A verb form right after a determiner or preposition ("a mortar bomb",
 * "for the shootings", "at pushing for") is a noun or gerund of a phrase,
 * not the clause's verb. */
int p2_in_noun_phrase(const sent *S, const int *act, int lo, int r)
{
    for (int k = r - 1; k >= lo && k >= r - 2; k--) {
        const cw *x = &S->w[act[k]];
        if (x->cls & (CL_NOT | CL_TO)) return 0;   /* "to help", "not attack" */
        if (x->type == W_DETERM || ((x->type == W_PREP || x->prep) && k == r - 1)) return 1;   /* "at pushing" */
        if ((x->cls & CL_PRON_HIS) || (x->n == 5 && !memcmp(x->w, "THEIR", 5))) return 1;      /* "his remarks" */
        if (x->type == W_AUX || x->type == W_PRON || x->actor != NO) return 0;
    }
    return 0;
}

/* "to mend damaged ties": a participle between a verb or determiner and
 * its noun is an adjective. */
int p2_attributive(const sent *S, const int *act, int lo, int hi, int q)
{
    const cw *v = &S->w[act[q]];
    if (q - 1 < lo || q + 1 > hi || v->n < 4 || memcmp(v->w + v->n - 2, "ED", 2)) return 0;
    const cw *prev = &S->w[act[q - 1]], *next = &S->w[act[q + 1]];
    if (next->type != W_NULL || next->cap || next->cls || next->prep || next->head != NO) return 0;
    return prev->type == W_VERB || prev->type == W_DETERM || prev->type == W_ADJ;
}

/* Does the verb ending at position vend govern a later verb of the clause?
 * Its position, with *subject the governed verb's own subject, or NO. */
int p2_governed_verb(const sent *S, const int *act, int vend, int hi, const lex_code *code, int *subject)
{
    int p = vend + 1;
    *subject = NO;
    if (p <= hi && (S->w[act[p]].cls & CL_NOT)) p++;
    if (p + 1 <= hi && (S->w[act[p]].cls & CL_TO) && is_verb_at(S, act[p + 1])) return p + 1;
    if (p <= hi && S->w[act[p]].actor != NO) {
        int e = after_unit(S, act, p, hi);
        if (e + 1 <= hi && (S->w[act[e]].cls & CL_TO) && is_verb_at(S, act[e + 1])) {
            *subject = S->w[act[p]].actor;
            return e + 1;
        }
    }
    int that = p <= hi && (S->w[act[p]].cls & CL_THAT);
    if (!that && !p2_takes_clause(code)) return NO;
    if (that) p++;
    for (int r = p; r <= hi; r++) {
        const cw *x = &S->w[act[r]];
        if (x->type == W_COMMA) return NO;
        /* "claiming responsibility for an attack": an object with its
         * prepositional phrase, not a clause. */
        if (!that && x->prep && !(x->n == 2 && !memcmp(x->w, "OF", 2))) return NO;
        if (!is_verb_at(S, act[r]) || p2_in_noun_phrase(S, act, p, r)) continue;
        if (r == p) return NO;   /* no subject between: not a clause */
        for (int k = p; k < r; k++)
            if (S->w[act[k]].actor != NO) { *subject = S->w[act[k]].actor; break; }
        return r;
    }
    return NO;
}

/* "not", "n't" or "never" among the few words before the verb at q. */
int p2_negated_before(const sent *S, const int *act, int lo, int q)
{
    for (int p = q - 1; p >= lo && p >= q - 3; p--) {
        const cw *x = &S->w[act[p]];
        if (x->cls & CL_NOT) return 1;
        if (x->type == W_VERB || x->actor != NO || x->type == W_COMMA) break;
    }
    return 0;
}

static int xform_var(char v, const lex_xform *x, int up, int low_src, int low_tgt)
{
    if (v == x->up_src) return up;
    if (v == x->low_src) return low_src;
    if (v == x->low_tgt) return low_tgt;
    return NO;
}

/* Fold the upper verb of ch into the governed verb's event pd (whose own
 * code value is low). 0 when the pair means no event. */
int p2_chain_fold(const sent *S, const chain *ch, pending *pd, int32_t low, int negated)
{
    const lexicon *lx = S->lx;
    int own = pd->source != NO && !p2_same_actor(S, pd->source, ch->source);
    int same = pd->source != NO && !own;
    const lex_xform *x = lex_xform_find(lx, ch->value, low, same, pd->source == NO);
    const char *code;
    int src, tgt;
    if (x) {
        src = xform_var(x->res_src, x, ch->source, pd->source, pd->target);
        tgt = xform_var(x->res_tgt, x, ch->source, pd->source, pd->target);
        code = strcmp(x->code, "Q") ? x->code : negated ? lex_pico_cameo(lx, low) : pd->code.code;
    } else if (!own) {
        src = ch->source; tgt = pd->target;
        code = lex_pico_cameo(lx, lex_pico_combine(ch->value, low));
    } else if (low >= 0 && low < 0x1000) {
        /* "A asked B to help C": A's appeal to B. */
        src = ch->source; tgt = pd->source;
        code = lex_pico_cameo(lx, lex_pico_combine(ch->value, low));
    } else {
        return 1;   /* two events of their own: the lower one stands */
    }
    if (!code) return 0;
    pd->source = src;
    pd->target = tgt;
    if (code != pd->code.code) snprintf(pd->code.code, sizeof pd->code.code, "%s", code);
    pd->code.flags &= (uint8_t)~LEX_CODE_PAIRED;
    return 1;
}

/* PETRARCH-2 passive voice: a form of "be" just before a participle, the
 * source in a by/from/in phrase after it (the first actor there). */
int p2_passive(const sent *S, const int *act, int lo, int hi, int q)
{
    int aux = 0;
    for (int k = 1; k <= 5 && q - k >= lo && !aux; k++) {
        /* "were killed"; "there were ten soldiers killed" */
        const cw *x = &S->w[act[q - k]];
        if (!(x->cls & (CL_AUX | CL_PASSIVE))) continue;
        const cw *before = q - k - 1 >= lo ? &S->w[act[q - k - 1]] : NULL;
        aux = k <= 2 || (before && before->n == 5 && !memcmp(before->w, "THERE", 5));
    }
    const cw *v = &S->w[act[q]];
    int participle = v->n > 3 && (!memcmp(v->w + v->n - 2, "ED", 2) || !memcmp(v->w + v->n - 2, "EN", 2) ||
                                  !memcmp(v->w + v->n - 2, "WN", 2));
    if (!participle) return 0;
    if (aux) return 1;
    /* A participle right after its noun, with the clause's own verb later
     * ("a trip aimed at ...", "the civilians imprisoned for ... were
     * released"): PETRARCH-2 sees a VBN inside the noun phrase. */
    if (q - 1 < lo) return 0;
    const cw *prev = &S->w[act[q - 1]];
    if (prev->type == W_PRON || prev->type == W_COMMA || prev->type == W_CONJ) return 0;
    int nounish = prev->type == W_NULL || (prev->type == W_VERB && p2_in_noun_phrase(S, act, lo, q - 1));
    if (nounish && (prev->head == NO || prev->head == act[q - 1]) && !prev->cls && !prev->prep && !prev->cap) {
        /* "a regional trip aimed": the noun ends a phrase that a determiner opens. */
        for (int k = q - 2; k >= lo && k >= q - 4; k--) {
            const cw *x = &S->w[act[k]];
            if (x->type == W_DETERM) return 1;
            if (!(x->type == W_NULL || x->type == W_ADJ) || x->head != NO) break;
        }
        return 0;
    }
    int in_actor = 0;
    for (int i = 0; i < S->na && !in_actor; i++) in_actor = S->a[i].start <= act[q - 1] && act[q - 1] <= S->a[i].end;
    if (!in_actor) return 0;
    for (int r = q + 1; r + 1 <= hi; r++)
        if ((S->w[act[r]].cls & (CL_AUX | CL_PASSIVE)) && is_verb_at(S, act[r + 1])) return 1;
    return 0;
}

/* PETRARCH-2 matches a passive verb's "* NOUN" patterns on its subject
 * ("Evidence against Russia was presented by the US" is "* EVIDENCE").
 * The first such pattern of verb v whose noun stands in [lo, q), or
 * UINT32_MAX. */
uint32_t p2_passive_subject_pattern(const sent *S, const lex_verb *v, const int *act, int lo, int q,
                                        uint32_t *cand)
{
    const lexicon *lx = S->lx;
    uint32_t ncand = cod_candidate_patterns(S, v, cand, MAX_CANDIDATES);
    for (uint32_t c = 0; c < ncand; c++) {
        uint32_t pi = lx->patorder[v->pat0 + cand[c]];
        const lex_pattern *pt = &lx->patterns[pi];
        const lex_elem *el = &lx->elems[pt->first];
        if (pt->n != 2 || el[0].kind != LEX_VERB || el[1].kind != LEX_WORD) continue;
        for (int p = lo; p < q; p++) {
            const cw *x = &S->w[act[p]];
            if (lex_word_matches(lx, &el[1], x->w, x->n)) return pi;
        }
    }
    return UINT32_MAX;
}

/* The first actor after vend inside a by/from/in phrase, or NO. */
int p2_agent_phrase_actor(const sent *S, const int *act, int vend, int hi)
{
    for (int p = vend + 1; p <= hi; p++) {
        /* Another verb's phrase begins: "aimed at pushing for", "to help". */
        const cw *x = &S->w[act[p]];
        if (is_verb_at(S, act[p]) &&
            ((p > vend + 1 && (S->w[act[p - 1]].cls & CL_TO)) || (x->n > 4 && !memcmp(x->w + x->n - 3, "ING", 3)) ||
             (x->n > 4 && !memcmp(x->w + x->n - 2, "ED", 2) && !p2_in_noun_phrase(S, act, vend + 1, p))))
            return NO;
        if (S->w[act[p]].actor == NO) continue;
        for (int k = p - 1; k > vend && k >= p - 3; k--) {
            const cw *x = &S->w[act[k]];
            int of = x->n == 2 && !memcmp(x->w, "OF", 2);
            if ((x->cls & (CL_BY | CL_FROM | CL_PREP)) && !of) return S->w[act[p]].actor;
            if (x->type != W_DETERM && x->type != W_ADJ && x->type != W_NULL && x->type != W_NOUN) break;
        }
    }
    return NO;
}
