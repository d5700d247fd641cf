/* output.c: JSONL and TSV event writers (see output.h). */
#include "output/output.h"
#include <stdlib.h>
#include <math.h>
#include <string.h>

struct out_writer {
    out_format fmt;   /* what to write */
    FILE *f;          /* where (not owned) */
    buf line;         /* the line being built, reused between events */
    int failed;       /* a write failed: report it from now on */
};

static const char *const format_names[OUT_NFORMATS] = {[OUT_JSONL] = "jsonl", [OUT_TSV] = "tsv"};

const char *out_format_name(out_format f)
{
    return (unsigned)f < OUT_NFORMATS ? format_names[f] : "?";
}

out_format out_format_parse(const char *name)
{
    for (int f = 0; f < OUT_NFORMATS; f++)
        if (name && !strcmp(name, format_names[f])) return (out_format)f;
    return OUT_NFORMATS;
}

const char *out_span_text(const char *text, size_t len, dyad_span s, size_t *n)
{
    if (!text || s.start >= s.end || s.start >= len) { *n = 0; return ""; }
    size_t end = s.end < len ? s.end : len;
    *n = end - s.start;
    return text + s.start;
}

int out_event_date(const dyad_article *a, const dyad_event *e)
{
    return e->date ? e->date : a->date;
}

/* Length of the well-formed UTF-8 sequence starting s[0] (RFC 3629: no
 * overlongs, surrogates or code points past U+10FFFF), 0 when ill-formed. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0], lo = 0x80, hi = 0xBF;
    size_t len;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) { len = 3; lo = 0xA0; }
    else if (c >= 0xE1 && c <= 0xEF) { len = 3; if (c == 0xED) hi = 0x9F; }
    else if (c == 0xF0) { len = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) { len = 4; hi = 0x8F; }
    else return 0;
    if (n < len || s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF) return 0;
    return len;
}

void out_json_text(buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, k;
    while (i < n && (k = utf8_seq(u + i, n - i)) != 0) i += k;
    if (i == n) { buf_json_str(b, s, n); return; }
    /* Rare: repair a copy, one U+FFFD per ill-formed byte, then escape. */
    buf fixed;
    buf_init(&fixed);
    buf_add(&fixed, s, i);
    while (i < n) {
        k = utf8_seq(u + i, n - i);
        if (k) buf_add(&fixed, s + i, k);
        else buf_add(&fixed, "\xEF\xBF\xBD", 3);
        i += k ? k : 1;
    }
    buf_json_str(b, fixed.data, fixed.len);
    buf_free(&fixed);
}

static void json_cstr(buf *b, const char *s, size_t max)
{
    if (!s) buf_adds(b, "null");
    else out_json_text(b, s, strnlen(s, max));
}

void out_spans_json(buf *b, const dyad_event *e)
{
    buf_printf(b, "{\"sentence\":[%u,%u],\"source\":[%u,%u],\"target\":[%u,%u],\"verb\":[%u,%u]}",
               e->sentence_span.start, e->sentence_span.end, e->source_span.start,
               e->source_span.end, e->target_span.start, e->target_span.end,
               e->verb_span.start, e->verb_span.end);
}

static void key(buf *b, const char *k)
{
    buf_printf(b, ",\"%s\":", k);
}

static void span_field(buf *b, const char *k, const dyad_article *a, const char *text, dyad_span s)
{
    size_t n;
    const char *p = out_span_text(text, a->len, s, &n);
    key(b, k);
    out_json_text(b, p, n);
}

/* A string, or null when empty. */
static void str_or_null(buf *b, const char *s, size_t cap)
{
    size_t n = s ? strnlen(s, cap) : 0;
    if (!n) buf_adds(b, "null");
    else out_json_text(b, s, n);
}

/* A coordinate, or null when unknown. */
static void coord(buf *b, double v)
{
    if (isnan(v) || isinf(v)) buf_adds(b, "null");
    else buf_printf(b, "%.4f", v);
}

void out_geo_json(buf *b, const dyad_geo *g)
{
    if (g->type == DYAD_GEO_NONE) { buf_adds(b, "null"); return; }
    buf_printf(b, "{\"type\":%d,\"name\":", g->type);
    str_or_null(b, g->name, (size_t)-1);
    buf_adds(b, ",\"country\":");
    str_or_null(b, g->country, sizeof g->country);
    buf_adds(b, ",\"adm1\":");
    str_or_null(b, g->adm1, sizeof g->adm1);
    buf_adds(b, ",\"lat\":");
    coord(b, g->lat);
    buf_adds(b, ",\"lon\":");
    coord(b, g->lon);
    buf_addc(b, '}');
}

void out_event_json(buf *b, const dyad_article *a, const char *text, const dyad_event *e)
{
    const dyad_cameo *c = dyad_cameo_lookup(e->code);
    int date = out_event_date(a, e);

    buf_adds(b, "{\"doc\":");
    json_cstr(b, a->id ? a->id : "", (size_t)-1);
    buf_printf(b, ",\"sentence\":%u", e->sentence);
    key(b, "date");
    if (date) buf_printf(b, "\"%04d-%02d-%02d\"", date / 10000, date / 100 % 100, date % 100);
    else buf_adds(b, "null");
    if (e->date_source) {
        /* where the date came from; from the text, the expression's value and words */
        key(b, "date_source");
        buf_adds(b, e->date_source == DYAD_DATE_TEXT ? "\"text\"" : "\"publication\"");
        if (e->date_source == DYAD_DATE_TEXT) {
            key(b, "date_value");
            json_cstr(b, e->date_value, sizeof e->date_value);
            span_field(b, "date_text", a, text, e->date_span);
        }
    }
    key(b, "source");
    json_cstr(b, e->source, sizeof e->source);
    span_field(b, "source_text", a, text, e->source_span);
    key(b, "target");
    json_cstr(b, e->target, sizeof e->target);
    span_field(b, "target_text", a, text, e->target_span);
    key(b, "code");
    json_cstr(b, e->code, sizeof e->code);
    if (c) {
        buf_printf(b, ",\"root\":\"%.2s\"", c->code);
        key(b, "name");
        json_cstr(b, c->name, (size_t)-1);
        buf_printf(b, ",\"quad\":%d,\"goldstein\":%.1f", c->quad, c->goldstein);
        key(b, "plover");
        json_cstr(b, c->plover, (size_t)-1);
    } else {
        buf_adds(b, ",\"root\":null,\"name\":null,\"quad\":null,\"goldstein\":null,\"plover\":null");
    }
    buf_printf(b, ",\"negated\":%s,\"conditional\":%s,\"future\":%s,\"hedged\":%s,\"reported\":%s",
               e->negated ? "true" : "false", e->conditional ? "true" : "false",
               e->future ? "true" : "false", e->hedged ? "true" : "false",
               e->reported ? "true" : "false");
    key(b, "pattern");
    json_cstr(b, e->pattern, (size_t)-1);
    key(b, "pattern_origin");
    json_cstr(b, e->pattern_origin, (size_t)-1);
    if (e->geo.type != DYAD_GEO_NONE) {
        /* the place of the event's clause, GDELT style */
        key(b, "place");
        out_geo_json(b, &e->geo);
        span_field(b, "place_text", a, text, e->geo_span);
    }
    key(b, "spans");
    out_spans_json(b, e);
    span_field(b, "verb_text", a, text, e->verb_span);
    span_field(b, "sentence_text", a, text, e->sentence_span);
    buf_addc(b, '}');
}

static void tsv_event(buf *b, const dyad_article *a, const dyad_event *e)
{
    buf_printf(b, "%08d\t", out_event_date(a, e));
    buf_tsv_field(b, e->source, strnlen(e->source, sizeof e->source));
    buf_addc(b, '\t');
    buf_tsv_field(b, e->target, strnlen(e->target, sizeof e->target));
    buf_addc(b, '\t');
    buf_tsv_field(b, e->code, strnlen(e->code, sizeof e->code));
    buf_addc(b, '\t');
    const char *id = a->id ? a->id : "";
    buf_tsv_field(b, id, strlen(id));
    buf_printf(b, "\t%u", e->sentence);
}

out_writer *out_new(out_format fmt, FILE *f)
{
    if ((unsigned)fmt >= OUT_NFORMATS || !f) return NULL;
    out_writer *w = calloc(1, sizeof *w);
    if (!w) abort();
    w->fmt = fmt;
    w->f = f;
    buf_init(&w->line);
    return w;
}

int out_event(out_writer *w, const dyad_article *a, const char *text, const dyad_event *e)
{
    buf_clear(&w->line);
    if (w->fmt == OUT_JSONL) out_event_json(&w->line, a, text, e);
    else tsv_event(&w->line, a, e);
    buf_addc(&w->line, '\n');
    if (fwrite(w->line.data, 1, w->line.len, w->f) != w->line.len) w->failed = 1;
    return w->failed ? -1 : 0;
}

int out_close(out_writer *w)
{
    if (!w) return 0;
    if (fflush(w->f) != 0 || ferror(w->f)) w->failed = 1;
    int rc = w->failed ? -1 : 0;
    buf_free(&w->line);
    free(w);
    return rc;
}
