/* fuzz_time.c: tim_find and tim_attach on arbitrary text with a random
 * publication date keep their invariants: spans in range, in order and
 * apart, inside their sentence; values well-formed; dates real. */
#include "text/text.h"
#include "time/time_impl.h"
#include <stdlib.h>
#include <string.h>

#define ASSERT(c) do { if (!(c)) abort(); } while (0)

/* 0 or a real day yyyymmdd. */
static int date_ok(int d)
{
    return d == 0 || tim_from_ymd(d) != TIM_NODAY;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static arena a;
    static int init;
    if (!init) { arena_init(&a, 0); init = 1; }
    /* the first bytes choose the publication date: unknown, or any day of years 1..9999 */
    int pub = 0;
    if (size >= 4) {
        uint32_t r = (uint32_t)data[0] | (uint32_t)data[1] << 8 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 24;
        if (r % 8) {
            long z = tim_days(1, 1, 1) + (long)(r % 3652059u);
            int y, m, d;
            tim_civil(z, &y, &m, &d);
            pub = y * 10000 + m * 100 + d;
        }
        data += 4;
        size -= 4;
    }
    const char *text = (const char *)data;
    txt_doc doc;
    txt_analyse(&a, text, size, &doc);
    tim_expr *x;
    uint32_t n;
    ASSERT(tim_find(&a, &doc, pub, &x, &n) == n);
    uint32_t prev_end = 0;
    int named_day = 0;
    for (uint32_t i = 0; i < n; i++) {
        const tim_expr *e = &x[i];
        ASSERT(e->start < e->end && e->end <= size && e->start >= prev_end);
        prev_end = e->end;
        ASSERT(e->ntok > 0 && e->tok + e->ntok <= doc.ntok);
        ASSERT(doc.tok[e->tok].start == e->start && doc.tok[e->tok + e->ntok - 1].end == e->end);
        ASSERT(e->sentence < doc.nsent);
        const txt_sentence *S = &doc.sent[e->sentence];
        ASSERT(e->tok >= S->tok && e->tok + e->ntok <= S->tok + S->ntok);
        ASSERT(e->type <= TIM_SET && e->tense <= TIM_TENSE_FUTURE);
        ASSERT(memchr(e->value, 0, sizeof e->value) != NULL);
        ASSERT(tim_value_ok(e->value));
        ASSERT(date_ok(e->date));
        /* a value naming a day dates the expression with that day */
        if (tim_value_day(e->value)) ASSERT(e->date == tim_value_day(e->value));
        /* with no publication date, a relative expression gets a date only
         * from a day named before it ("at 3:30" after "16/08/2024") */
        if (!pub && e->relative && e->date) ASSERT(named_day);
        if (tim_value_day(e->value)) named_day = 1;
    }
    /* one event per sentence, its verb at the sentence's middle token */
    uint32_t nev = doc.nsent < 64 ? doc.nsent : 64;
    dyad_event ev[64];
    memset(ev, 0, sizeof ev);
    for (uint32_t s = 0; s < nev; s++) {
        const txt_token *t = &doc.tok[doc.sent[s].tok + doc.sent[s].ntok / 2];
        ev[s].sentence = s;
        ev[s].sentence_span = (dyad_span){doc.sent[s].start, doc.sent[s].end};
        ev[s].verb_span = (dyad_span){t->start, t->end};
    }
    dyad_result r;
    memset(&r, 0, sizeof r);
    tim_attach(&a, &doc, x, n, pub, ev, nev, &r);
    ASSERT(r.ntimexes == n);
    for (uint32_t i = 0; i < n; i++) ASSERT(!strcmp(r.timexes[i].value, x[i].value));
    for (uint32_t s = 0; s < nev; s++) {
        ASSERT(ev[s].date_source == DYAD_DATE_TEXT || ev[s].date_source == DYAD_DATE_PUBLICATION);
        if (ev[s].date_source == DYAD_DATE_PUBLICATION) ASSERT(ev[s].date == pub);
        else {
            ASSERT(ev[s].date && date_ok(ev[s].date) && tim_value_ok(ev[s].date_value));
            ASSERT(ev[s].date_span.start < ev[s].date_span.end && ev[s].date_span.end <= doc.sent[s].end &&
                   ev[s].date_span.start >= doc.sent[s].start);
        }
    }
    arena_reset(&a);
    return 0;
}
