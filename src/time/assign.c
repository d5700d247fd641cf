/* assign.c: tim_attach, each event dated by the time expression governing it.
 *
 * An expression governs an event when it is in the event's sentence and
 * clause: no other event's verb, no relative pronoun, no semicolon and no
 * reduced relative clause ("weapons deployed ... last year") stands between
 * it and the event's verb, and, between two events' verbs, it goes with the
 * one before it unless a comma or conjunction parts them. Of those, the nearest to the verb wins (the one
 * before it at equal distance: "On Saturday, Minsk said it would send").
 * Only expressions naming a calendar date qualify: durations, sets and
 * PRESENT_REF/PAST_REF say nothing about the day. */
#include "time/time_impl.h"
#include <string.h>

/* The token at byte offset `at` (the first one ending after it). */
static uint32_t token_at(const txt_doc *d, uint32_t at)
{
    uint32_t lo = 0, hi = d->ntok;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->tok[mid].end <= at) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static int one_of(const char *s, const char *const *list)
{
    for (; *list; list++) if (!strcmp(s, *list)) return 1;
    return 0;
}

/* Token i opens a clause the expression cannot reach across. */
static int clause_break(const txt_doc *d, uint32_t i, uint32_t sent_first)
{
    static const char *const breaks[] = {";", "WHICH", "WHO", "WHOM", "WHOSE", "WHILE", "WHEREAS", "ALTHOUGH",
                                         "THOUGH", "BECAUSE", NULL};
    const char *s = txt_norm(d, i);
    if (one_of(s, breaks)) return 1;
    /* a participle right after a common noun opens a reduced relative clause */
    size_t n = strlen(s);
    if (n < 5 || strcmp(s + n - 2, "ED") || (d->tok[i].flags & TXT_CAP) || i == sent_first) return 0;
    const txt_token *p = &d->tok[i - 1];
    const char *ps = txt_norm(d, i - 1);
    static const char *const aux[] = {"HAD", "HAS", "HAVE", "WAS", "WERE", "IS", "ARE", "BE", "BEEN", "BEING",
                                      "NOT", "'S", "IT", "HE", "SHE", "THEY", "WE", "I", "YOU", "WHO", "THAT",
                                      "WHICH", "AND", "OR", "BUT", "ALSO", "THE", "A", "AN", NULL};
    size_t pn = strlen(ps);
    if (!(p->flags & TXT_WORD) || (p->flags & TXT_CAP) || one_of(ps, aux) || (pn > 2 && !strcmp(ps + pn - 2, "LY")))
        return 0;
    return 1;
}

/* A comma or conjunction in tokens [lo, hi): where one clause ends and a coordinated one starts. */
static int joint(const txt_doc *d, uint32_t lo, uint32_t hi)
{
    static const char *const joints[] = {",", "AND", "BUT", "OR", "-", NULL};
    for (uint32_t i = lo; i < hi; i++)
        if (one_of(txt_norm(d, i), joints)) return 1;
    return 0;
}

/* The expression governing event k, -1 if none. */
static int governing(const txt_doc *d, const tim_expr *x, uint32_t n, const dyad_event *ev, uint32_t nev,
                     uint32_t k, const uint32_t *verb)
{
    const dyad_event *e = &ev[k];
    if (e->sentence >= d->nsent) return -1;
    const txt_sentence *S = &d->sent[e->sentence];
    uint32_t v = verb[k];
    int best = -1;
    uint32_t best_dist = UINT32_MAX;
    for (uint32_t t = 0; t < n; t++) {
        if (x[t].sentence != e->sentence || !x[t].date || (x[t].type != TIM_DATE && x[t].type != TIM_TIME))
            continue;
        uint32_t a = x[t].tok, b = x[t].tok + x[t].ntok;  /* [a, b) */
        uint32_t lo, hi, dist;
        if (b <= v) { lo = b; hi = v; dist = v - b + 1; }
        else if (a > v) { lo = v + 1; hi = a; dist = a - v; }
        else { lo = hi = v; dist = 0; }  /* the verb is inside the expression */
        int blocked = 0;
        for (uint32_t i = lo; i < hi && !blocked; i++) blocked = clause_break(d, i, S->tok);
        /* the other events' verbs nearest the expression on each side */
        uint32_t left = UINT32_MAX, right = UINT32_MAX;
        for (uint32_t o = 0; o < nev && !blocked; o++) {
            if (ev[o].sentence != e->sentence || verb[o] == v) continue;
            uint32_t w = verb[o];
            if (w >= lo && w < hi) blocked = 1;  /* another event's verb between them */
            else if (w < a && (left == UINT32_MAX || w > left)) left = w;
            else if (w >= b && (right == UINT32_MAX || w < right)) right = w;
        }
        /* Between two events' verbs, an expression goes with the one before it
         * ("attacked Kiev in 1999 and threatened Minsk"), unless a comma or a
         * conjunction parts it from that one and not from the next ("attacked
         * Kiev, and on Monday threatened Minsk"). */
        if (!blocked && dist) {
            if (b <= v && left != UINT32_MAX && !(joint(d, left + 1, a) && !joint(d, b, v))) blocked = 1;
            if (a > v && right != UINT32_MAX && joint(d, v + 1, a) && !joint(d, b, right)) blocked = 1;
        }
        if (blocked) continue;
        if (dist < best_dist) { best = (int)t; best_dist = dist; }
    }
    return best;
}

void tim_attach(arena *a, const txt_doc *doc, const tim_expr *x, uint32_t n, int pub_date,
                dyad_event *ev, uint32_t nev, dyad_result *out)
{
    dyad_timex *pub = arena_alloc(a, (n + 1) * sizeof *pub);
    for (uint32_t i = 0; i < n; i++) {
        pub[i].span = (dyad_span){x[i].start, x[i].end};
        pub[i].type = tim_type_name(x[i].type);
        memcpy(pub[i].value, x[i].value, sizeof pub[i].value);
        pub[i].value[sizeof pub[i].value - 1] = 0;
        pub[i].sentence = x[i].sentence;
        pub[i].date = x[i].date;
    }
    if (out) {
        out->timexes = pub;
        out->ntimexes = n;
    }
    /* each event's verb as a token, found once */
    uint32_t *verb = arena_alloc(a, (nev + 1) * sizeof *verb);
    for (uint32_t k = 0; k < nev; k++) {
        const dyad_event *e = &ev[k];
        uint32_t at = e->verb_span.end > e->verb_span.start ? e->verb_span.start : e->sentence_span.start;
        verb[k] = token_at(doc, at);
    }
    for (uint32_t k = 0; k < nev; k++) {
        int g = governing(doc, x, n, ev, nev, k, verb);
        if (g >= 0) {
            ev[k].date = x[g].date;
            ev[k].date_source = DYAD_DATE_TEXT;
            ev[k].date_span = (dyad_span){x[g].start, x[g].end};
            memcpy(ev[k].date_value, x[g].value, sizeof ev[k].date_value);
            ev[k].date_value[sizeof ev[k].date_value - 1] = 0;
        } else {
            ev[k].date = pub_date;
            ev[k].date_source = DYAD_DATE_PUBLICATION;
            ev[k].date_span = (dyad_span){0, 0};
            ev[k].date_value[0] = 0;
        }
    }
}
