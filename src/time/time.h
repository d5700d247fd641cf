/* time.h: time expressions (TimeML TIMEX3) found in an article and
 * normalised against its publication date; each coded event dated.
 *
 * Contract: tim_find() reads the tokens of a txt_doc (never the raw bytes
 * beyond what the token spans say) and returns, in text order and without
 * overlaps, every time expression it recognises: its byte span, TIMEX3 type
 * (DATE, TIME, DURATION, SET), TimeML value and sentence. Values follow
 * TimeML/TIDES: "2024-08-15", "2024-W32", "2024-W32-WE", "2022-02", "2023",
 * "2024-SU", "2024-Q3", "199" (the 1990s), "19" (the 20th century),
 * "2024-08-15T14:30", "2024-08-15TMO", "P3D", "PT2H", "PXY", "PRESENT_REF",
 * "PAST_REF", "FUTURE_REF", and X-filled values ("XXXX-XX-XX", "XXXX-08")
 * where the date cannot be known (a relative expression and no publication
 * date). Relative expressions ("last week", "Thursday", "two days ago",
 * "August") are resolved against the publication date; where the direction
 * depends on tense ("On Saturday" in a past-tense sentence is the previous
 * Saturday, "will meet on Saturday" the next), the nearest tense cue in the
 * sentence decides and is recorded. Everything lives in the caller's arena:
 * one array per article, no allocation per token; the matcher is written by
 * hand over the normalised tokens (no regular expressions).
 *
 * tim_attach() gives each coded event the date of the expression that
 * governs it (same sentence, same clause, nearest to the verb, not inside
 * another event's clause), else the publication date, says which in
 * dyad_event.date_source, and publishes the expressions as dyad_timex
 * records in the dyad_result. */
#ifndef DYAD_TIME_H
#define DYAD_TIME_H
#include "dyad.h"
#include "text/text.h"
#include "util/arena.h"
#include <stdint.h>

/* TIMEX3 types. */
typedef enum { TIM_DATE = 0, TIM_TIME, TIM_DURATION, TIM_SET } tim_type;

/* The tense cue that fixed the direction of a relative expression. */
typedef enum {
    TIM_TENSE_NONE = 0,   /* no cue was needed, or none was found (defaults applied) */
    TIM_TENSE_PAST,       /* "said", "was", "-ed" verbs, "had" */
    TIM_TENSE_PRESENT,    /* "is", "says" */
    TIM_TENSE_FUTURE,     /* "will", "'ll", "scheduled", "plans to" */
} tim_tense;

#define TIM_VALUE_MAX 24  /* longest value kept, with NUL ("2024-08-15T14:30Z" is 17) */

typedef struct tim_expr {
    uint32_t start, end;        /* byte span [start, end) in the text */
    uint32_t tok, ntok;         /* first token of the expression and how many */
    uint32_t sentence;          /* 0-based sentence index */
    uint8_t type;               /* tim_type */
    uint8_t tense;              /* tim_tense used to resolve it (NONE when not needed) */
    uint8_t relative;           /* 1 when resolved against the publication date */
    int date;                   /* first day of the period named, yyyymmdd (a month: its 1st, a week:
                                   its Monday, a year: 1 January); 0 when no calendar date (durations,
                                   sets, *_REF, decades, centuries, X-filled values) */
    char value[TIM_VALUE_MAX];  /* TimeML value */
} tim_expr;

/* Find the time expressions of doc; pub_date yyyymmdd (0 = unknown).
 * *out (arena) gets them in text order, *n their count. Returns *n. */
uint32_t tim_find(arena *a, const txt_doc *doc, int pub_date, tim_expr **out, uint32_t *n);

/* Date each event from the expression governing it or from pub_date, and
 * set out->timexes/ntimexes to the public records (arena). */
void tim_attach(arena *a, const txt_doc *doc, const tim_expr *x, uint32_t n, int pub_date,
                dyad_event *ev, uint32_t nev, dyad_result *out);

/* "DATE", "TIME", "DURATION", "SET". */
const char *tim_type_name(int type);

/* 1 when v is a well-formed value as tim_find makes them (for tests and
 * the fuzzer: a checker independent of how values are built). */
int tim_value_ok(const char *v);

#endif
