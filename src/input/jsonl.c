/* jsonl.c: RD_JSONL, one JSON object per line. */
#include "input/reader.h"
#include <stdio.h>

/* A string member, or "" when absent or not a string. Embedded NULs
 * (allowed in "text" only) cut metadata strings short, as C strings do. */
static const char *str_field(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

/* "id": a string, or an integer as corpora with numeric ids have; else
 * "<file>:<line>". Made-up strings live in r->scratch until the next call. */
static const char *article_id(rd_reader *r, json_t *o, long line)
{
    json_t *v = json_object_get(o, "id");
    if (json_is_string(v) && json_string_length(v)) return json_string_value(v);
    if (json_is_integer(v)) buf_printf(&r->scratch, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    else buf_printf(&r->scratch, "%s:%ld", r->origin, line);
    return r->scratch.data;
}

/* "date": any form rd_parse_date takes, or a yyyymmdd integer. */
static int article_date(const rd_reader *r, json_t *o)
{
    json_t *v = json_object_get(o, "date");
    int d = 0;
    if (json_is_string(v)) d = rd_parse_date(json_string_value(v));
    else if (json_is_integer(v) && json_integer_value(v) > 0 && json_integer_value(v) <= 99991231) {
        char s[16];
        snprintf(s, sizeof s, "%08d", (int)json_integer_value(v));
        d = rd_parse_date(s);
    }
    return d ? d : r->opt.default_date;
}

static int jsonl_next(rd_reader *r, dyad_article *out, rd_error *err)
{
    for (;;) {
        const char *p;
        size_t n;
        int rc = rd_stream_line(&r->s, &p, &n);
        long line = r->s.line;
        if (rc == 0 || rc == -1) return 0; /* rd_next reports a broken stream */
        if (rc == -2)
            return rd_fail(r, err, line, "line longer than %zu bytes (%zu), skipped",
                           r->opt.max_record, n);
        if (rd_blank(p, n)) continue;
        json_error_t je;
        json_t *o = json_loadb(p, n, JSON_ALLOW_NUL, &je);
        if (!o) return rd_fail(r, err, line, "bad JSON at column %d: %s", je.column, je.text);
        if (!json_is_object(o)) {
            json_decref(o);
            return rd_fail(r, err, line, "not a JSON object");
        }
        json_t *text = json_object_get(o, "text");
        if (!json_is_string(text)) {
            json_decref(o);
            return rd_fail(r, err, line, text ? "\"text\" is not a string" : "no \"text\" field");
        }
        r->json = o; /* keeps the strings below alive until the next call */
        *out = (dyad_article){
            .id = article_id(r, o, line), .url = str_field(o, "url"),
            .source = str_field(o, "source"), .title = str_field(o, "title"),
            .date = article_date(r, o), .text = json_string_value(text),
            .len = json_string_length(text), .origin = r->origin, .line = line,
        };
        return 1;
    }
}

const rd_format_ops rd_jsonl_ops = {"jsonl", jsonl_next, 0};
