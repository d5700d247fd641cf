/* article.c: one JSON record per article (`dyad code --articles`).
 *
 * Contract: out_article_json() appends one object, no newline, with these
 * keys in this order:
 *   id url source title date byline dateline text sentences noise persons
 *   organisations places quotations dates amounts events
 * date is "yyyy-mm-dd" or null; text is the cleaned text (the raw text's
 * offsets); sentences are [start, end) spans; noise lists what the cleaner
 * removed {kind, span, text}; persons and organisations are entities
 * {name, code (null when no dictionary knows them: unknown actors, for
 * users to add), known, mentions: [[s,e],...]}; places {text, span,
 * name_span, sentence, feature, geo}; quotations {kind, text, span,
 * sentence, speaker, speaker_span, speaker_name, speaker_code, verb,
 * verb_span}; dates are the time expressions {text, span, sentence, type,
 * value, date}; amounts {text, span, sentence, kind, value, approx, unit,
 * what, what_span}; events are the event objects of out_event_json() with
 * "geo" (the place of the event's clause) and "geo_text" added. A geo is
 * {type, name, country, adm1, lat, lon}, null fields when unknown, or null
 * when there is no place. Strings are escaped as out_json_text() does. */
#include "output/output.h"
#include <math.h>
#include <string.h>

/* The article's bytes at s as a JSON string. */
static void text_of(buf *b, const dyad_result *r, dyad_span s)
{
    size_t n;
    const char *p = out_span_text(r->text, r->len, s, &n);
    out_json_text(b, p, n);
}

static void span_json(buf *b, dyad_span s) { buf_printf(b, "[%u,%u]", s.start, s.end); }

/* A possibly empty C string: "" and NULL become null. */
static void str_or_null(buf *b, const char *s)
{
    if (!s || !s[0]) buf_adds(b, "null");
    else out_json_text(b, s, strlen(s));
}

static void num_or_null(buf *b, double v)
{
    if (isnan(v) || isinf(v)) buf_adds(b, "null");
    else buf_printf(b, "%.4f", v);
}

static void date_json(buf *b, int date)
{
    if (!date) buf_adds(b, "null");
    else if (date % 10000 == 0) buf_printf(b, "\"%04d\"", date / 10000);
    else if (date % 100 == 0) buf_printf(b, "\"%04d-%02d\"", date / 10000, date / 100 % 100);
    else buf_printf(b, "\"%04d-%02d-%02d\"", date / 10000, date / 100 % 100, date % 100);
}

/* Entities of one kind, their mentions with them. */
static void entities_json(buf *b, const dyad_result *r, int kind)
{
    buf_addc(b, '[');
    int first = 1;
    for (uint32_t e = 0; e < r->nentities; e++) {
        const dyad_entity *en = &r->entities[e];
        if (en->kind != kind) continue;
        if (!first) buf_addc(b, ',');
        first = 0;
        buf_adds(b, "{\"name\":");
        str_or_null(b, en->name);
        buf_adds(b, ",\"code\":");
        str_or_null(b, en->code);
        buf_printf(b, ",\"known\":%s,\"mentions\":[", en->known ? "true" : "false");
        uint32_t k = 0;
        for (uint32_t m = en->first_mention; m < r->nmentions && k < en->nmentions; m++) {
            if (r->mentions[m].entity != e) continue;
            if (k++) buf_addc(b, ',');
            span_json(b, r->mentions[m].span);
        }
        buf_adds(b, "]}");
    }
    buf_addc(b, ']');
}

static const char *quote_kind(int k)
{
    return k == DYAD_QUOTE_DIRECT ? "direct" : k == DYAD_QUOTE_PARTIAL ? "partial" : "indirect";
}

static const char *amount_kind(int k)
{
    static const char *const names[] = {"?", "count", "measure", "money", "percent", "fraction"};
    return k >= 1 && k <= 5 ? names[k] : names[0];
}

void out_article_json(buf *b, const dyad_article *a, const dyad_result *r)
{
    buf_adds(b, "{\"id\":");
    str_or_null(b, a->id);
    buf_adds(b, ",\"url\":");
    str_or_null(b, a->url);
    buf_adds(b, ",\"source\":");
    str_or_null(b, a->source);
    buf_adds(b, ",\"title\":");
    str_or_null(b, a->title);
    buf_adds(b, ",\"date\":");
    date_json(b, a->date);
    buf_adds(b, ",\"byline\":");
    str_or_null(b, r->byline);
    buf_adds(b, ",\"dateline\":");
    str_or_null(b, r->dateline);
    buf_adds(b, ",\"text\":");
    out_json_text(b, r->text ? r->text : "", r->text ? r->len : 0);

    buf_adds(b, ",\"sentences\":[");
    for (uint32_t i = 0; i < r->nsentences; i++) {
        if (i) buf_addc(b, ',');
        span_json(b, r->sentences[i]);
    }
    buf_adds(b, "],\"noise\":[");
    for (uint32_t i = 0; i < r->nnoise; i++) {
        size_t n;
        const char *p = out_span_text(a->text, a->len, r->noise[i].span, &n);
        buf_adds(b, i ? ",{\"kind\":" : "{\"kind\":");
        str_or_null(b, r->noise[i].kind);
        buf_adds(b, ",\"span\":");
        span_json(b, r->noise[i].span);
        buf_adds(b, ",\"text\":");
        out_json_text(b, p, n);  /* the removed words, from the raw text */
        buf_addc(b, '}');
    }
    buf_adds(b, "],\"persons\":");
    entities_json(b, r, DYAD_ENT_PERSON);
    buf_adds(b, ",\"organisations\":");
    entities_json(b, r, DYAD_ENT_ORG);

    buf_adds(b, ",\"places\":[");
    for (uint32_t i = 0; i < r->nplaces; i++) {
        const dyad_place *p = &r->places[i];
        buf_adds(b, i ? ",{\"text\":" : "{\"text\":");
        text_of(b, r, p->span);
        buf_adds(b, ",\"span\":");
        span_json(b, p->span);
        buf_adds(b, ",\"name_span\":");
        span_json(b, p->name_span);
        buf_printf(b, ",\"sentence\":%u,\"feature\":", p->sentence);
        str_or_null(b, p->feature);
        buf_adds(b, ",\"border_with\":");
        str_or_null(b, p->border_with);
        buf_adds(b, ",\"geo\":");
        out_geo_json(b, &p->geo);
        buf_addc(b, '}');
    }

    buf_adds(b, "],\"quotations\":[");
    for (uint32_t i = 0; i < r->nquotes; i++) {
        const dyad_quote *q = &r->quotes[i];
        buf_printf(b, "%s{\"kind\":\"%s\",\"text\":", i ? "," : "", quote_kind(q->kind));
        str_or_null(b, q->text);
        buf_adds(b, ",\"span\":");
        span_json(b, q->span);
        buf_printf(b, ",\"sentence\":%u,\"speaker\":", q->sentence);
        str_or_null(b, q->speaker);
        buf_adds(b, ",\"speaker_span\":");
        span_json(b, q->speaker_span);
        buf_adds(b, ",\"speaker_name\":");
        str_or_null(b, q->speaker_name);
        buf_adds(b, ",\"speaker_code\":");
        str_or_null(b, q->speaker_code);
        buf_adds(b, ",\"verb\":");
        str_or_null(b, q->verb);
        buf_adds(b, ",\"verb_span\":");
        span_json(b, q->verb_span);
        buf_addc(b, '}');
    }

    buf_adds(b, "],\"dates\":[");
    for (uint32_t i = 0; i < r->ntimexes; i++) {
        const dyad_timex *t = &r->timexes[i];
        buf_adds(b, i ? ",{\"text\":" : "{\"text\":");
        text_of(b, r, t->span);
        buf_adds(b, ",\"span\":");
        span_json(b, t->span);
        buf_printf(b, ",\"sentence\":%u,\"type\":", t->sentence);
        str_or_null(b, t->type);
        buf_adds(b, ",\"value\":");
        str_or_null(b, t->value);
        buf_adds(b, ",\"date\":");
        date_json(b, t->date);
        buf_addc(b, '}');
    }

    buf_adds(b, "],\"amounts\":[");
    for (uint32_t i = 0; i < r->namounts; i++) {
        const dyad_amount *m = &r->amounts[i];
        buf_adds(b, i ? ",{\"text\":" : "{\"text\":");
        text_of(b, r, m->span);
        buf_adds(b, ",\"span\":");
        span_json(b, m->span);
        buf_printf(b, ",\"sentence\":%u,\"kind\":\"%s\",\"value\":", m->sentence, amount_kind(m->kind));
        num_or_null(b, m->value);
        buf_printf(b, ",\"approx\":%s,\"unit\":", m->approx ? "true" : "false");
        str_or_null(b, m->unit);
        buf_adds(b, ",\"what\":");
        str_or_null(b, m->what);
        buf_adds(b, ",\"what_span\":");
        span_json(b, m->what_span);
        buf_addc(b, '}');
    }

    buf_adds(b, "],\"events\":[");
    for (uint32_t i = 0; i < r->nevents; i++) {
        const dyad_event *e = &r->events[i];
        if (i) buf_addc(b, ',');
        out_event_json(b, a, r->text, e);
        /* the event object with its place: one event serializer, extended */
        b->len--;
        buf_adds(b, ",\"geo\":");
        out_geo_json(b, &e->geo);
        buf_adds(b, ",\"geo_text\":");
        if (e->geo_span.end) text_of(b, r, e->geo_span);
        else buf_adds(b, "null");
        buf_addc(b, '}');
    }
    buf_adds(b, "]}");
}

int out_article(FILE *f, const dyad_article *a, const dyad_result *r)
{
    buf b;
    buf_init(&b);
    out_article_json(&b, a, r);
    buf_addc(&b, '\n');
    size_t w = fwrite(b.data, 1, b.len, f);
    int rc = w == b.len ? 0 : -1;
    buf_free(&b);
    return rc;
}
