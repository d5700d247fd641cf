/* output.h: event writers (the pipeline's output stage).
 *
 * Contract: an out_writer appends one line per coded event to a FILE it
 * does not own. `text` is the article text the event's spans index (the
 * cleaned text, which has the raw text's offsets); spans are clamped to
 * [0, a->len] so a bad span yields "" rather than a wild read. Output is
 * always well-formed: JSON strings are escaped and invalid UTF-8 becomes
 * U+FFFD; TSV fields never contain a tab or a line break.
 *
 * OUT_JSONL, one object per event, keys in this order:
 *   doc sentence date [date_source [date_value date_text]] source
 *   source_text target target_text code root name quad goldstein plover
 *   negated conditional future hedged reported pattern pattern_origin
 *   [place{type,name,country,adm1,lat,lon} place_text]
 *   spans{sentence,source,target,verb} verb_text sentence_text
 * sentence is 0-based; date is "yyyy-mm-dd" (the event's, else the
 * article's; null if neither); date_source says which ("text" with the
 * expression's TimeML value and words, or "publication"); place is the
 * place of the event's clause, GDELT style (out_geo_json), when one was
 * found, and place_text the words that name it; root/name/quad/goldstein/plover come from
 * dyad_cameo_lookup and are null for a code it doesn't know; spans are
 * [start, end) byte offsets.
 * OUT_TSV, TABARI/PETRARCH layout:
 *   date(yyyymmdd) TAB source TAB target TAB code TAB doc-id TAB sentence
 * with the same 0-based sentence index and 00000000 for an unknown date. */
#ifndef DYAD_OUTPUT_H
#define DYAD_OUTPUT_H
#include <stdio.h>
#include "dyad.h"
#include "util/buf.h"

typedef enum out_format {
    OUT_JSONL,    /* one JSON object per event */
    OUT_TSV,      /* TABARI/PETRARCH event lines */
    OUT_NFORMATS  /* count */
} out_format;

typedef struct out_writer out_writer;

/* NULL for an unknown format. */
out_writer *out_new(out_format fmt, FILE *f);
/* 0, or -1 once a write to the FILE has failed (later calls keep failing). */
int out_event(out_writer *w, const dyad_article *a, const char *text, const dyad_event *e);
/* Flush and free the writer (the FILE stays open); 0, or -1 if any write failed. */
int out_close(out_writer *w);

/* "jsonl"/"tsv"; out_format_parse gives OUT_NFORMATS when unknown. */
const char *out_format_name(out_format f);
out_format  out_format_parse(const char *name);

/* Pieces the store shares. */
/* The bytes at span s of text[0..len), clamped; *n = 0 for an empty or bad span. */
const char *out_span_text(const char *text, size_t len, dyad_span s, size_t *n);
/* s[0..n) as a quoted JSON string; invalid UTF-8 sequences become U+FFFD. */
void out_json_text(buf *b, const char *s, size_t n);
/* {"sentence":[s,e],"source":[s,e],"target":[s,e],"verb":[s,e]} */
void out_spans_json(buf *b, const dyad_event *e);
/* A place, GDELT style: {type,name,country,adm1,lat,lon} with null for
 * what is unknown; "null" for no place. Events and article records share it. */
void out_geo_json(buf *b, const dyad_geo *g);
/* The event's date, else the article's (0 = unknown). */
int  out_event_date(const dyad_article *a, const dyad_event *e);
/* One event as its JSON object (no newline), appended to b. */
void out_event_json(buf *b, const dyad_article *a, const char *text, const dyad_event *e);

/* One article as its JSON record (`dyad code --articles`; keys in
 * src/output/article.c): metadata, cleaned text, sentences, noise,
 * persons, organisations, places, quotations, dates, amounts, events. */
void out_article_json(buf *b, const dyad_article *a, const dyad_result *r);
/* The record and a newline to f; 0, or -1 when the write failed. */
int  out_article(FILE *f, const dyad_article *a, const dyad_result *r);

#endif
