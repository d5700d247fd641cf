/* fuzz_quote.c: libFuzzer target for what dyad finds beyond events --
 * entities, places, quotations, amounts -- on arbitrary bytes, with dyad's
 * own dictionaries and gazetteer, and the per-article JSON record.
 * Every span must lie inside the text, every index inside its array, and
 * the record must be valid JSON. */
#include "dyad.h"
#include "output/output.h"
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static dyad_engine *engine;
static dyad_worker *worker;

static void check_span(dyad_span s, size_t len)
{
    if (s.start > s.end || s.end > len) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine) {
        engine = dyad_engine_new();
        if (dyad_engine_load_default(engine, NULL) <= 0) abort();
        dyad_engine_ready(engine);
        worker = dyad_worker_new(engine);
    }
    dyad_article a = {"fuzz", "", "", "", 20240816, (const char *)data, size, "fuzz", 0};
    dyad_result r;
    dyad_code(worker, &a, &r);
    for (uint32_t i = 0; i < r.nmentions; i++) {
        check_span(r.mentions[i].span, size);
        if (r.mentions[i].entity >= r.nentities) abort();
    }
    for (uint32_t i = 0; i < r.nentities; i++) {
        const dyad_entity *e = &r.entities[i];
        if (!e->name || !e->nmentions || e->first_mention >= r.nmentions) abort();
        if (r.mentions[e->first_mention].entity != i) abort();
    }
    for (uint32_t i = 0; i < r.nplaces; i++) {
        const dyad_place *p = &r.places[i];
        check_span(p->span, size);
        check_span(p->name_span, size);
        if (p->name_span.start < p->span.start || p->name_span.end > p->span.end) abort();
        if (!p->geo.name || !p->feature || p->sentence >= r.nsentences) abort();
    }
    for (uint32_t i = 0; i < r.nquotes; i++) {
        const dyad_quote *q = &r.quotes[i];
        check_span(q->span, size);
        check_span(q->speaker_span, size);
        check_span(q->verb_span, size);
        if (!q->text || !q->speaker || !q->speaker_name || !q->verb) abort();
        if (q->speaker_entity >= (int)r.nentities) abort();
        if (q->kind < DYAD_QUOTE_DIRECT || q->kind > DYAD_QUOTE_INDIRECT) abort();
    }
    for (uint32_t i = 0; i < r.namounts; i++) {
        check_span(r.amounts[i].span, size);
        check_span(r.amounts[i].what_span, size);
        if (!r.amounts[i].unit || !r.amounts[i].what) abort();
    }
    for (uint32_t i = 0; i < r.nevents; i++) check_span(r.events[i].geo_span, size);
    buf b;
    buf_init(&b);
    out_article_json(&b, &a, &r);
    json_error_t err;
    /* NUL bytes in the text are written \u0000, which JSON allows */
    json_t *j = json_loadb(b.data, b.len, JSON_ALLOW_NUL, &err);
    if (!j) abort();
    json_decref(j);
    buf_free(&b);
    return 0;
}
