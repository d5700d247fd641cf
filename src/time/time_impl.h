/* time_impl.h: what the files of src/time share: the calendar, the word
 * table the matcher classifies tokens with, and the value writers. */
#ifndef DYAD_TIME_IMPL_H
#define DYAD_TIME_IMPL_H
#include "time/time.h"
#include <limits.h>
#include <stddef.h>

/* ---- calendar (proleptic Gregorian; a day is a count from 1970-01-01) ---- */

/* "No such day": day counts before 1970 are negative, so not -1. */
#define TIM_NODAY LONG_MIN

long tim_days(int y, int m, int d);
void tim_civil(long z, int *y, int *m, int *d);
int  tim_wday(long z);                       /* ISO weekday: 1 = Monday .. 7 = Sunday */
void tim_iso_week(long z, int *year, int *week);
int  tim_month_days(int y, int m);
/* Day number of yyyymmdd, or TIM_NODAY when it is not a real date. */
long tim_from_ymd(int ymd);

/* ---- words ---- */

/* Units of durations and relative expressions. */
enum {
    TU_NONE = 0, TU_SECOND, TU_MINUTE, TU_HOUR, TU_DAY, TU_WEEK, TU_FORTNIGHT, TU_MONTH,
    TU_QUARTER, TU_YEAR, TU_DECADE, TU_CENTURY, TU_WEEKEND,
};

/* Words that take a relative expression back, forward or to "now". */
enum { TR_NONE = 0, TR_LAST, TR_NEXT, TR_THIS, TR_PAST, TR_COMING, TR_PREVIOUS, TR_FOLLOWING,
       TR_CURRENT, TR_RECENT, TR_SAME };

/* Position modifiers ("early", "the end of"): kept out of the value, as TimeML's mod. */
enum { TM_NONE = 0, TM_EARLY, TM_MID, TM_LATE, TM_END, TM_START, TM_EARLIER, TM_LATER };

/* Deictic and reference words. */
enum { TD_NONE = 0, TD_TODAY, TD_YESTERDAY, TD_TOMORROW, TD_TONIGHT, TD_NOW, TD_CURRENTLY,
       TD_RECENTLY, TD_NOWADAYS, TD_SOON, TD_FUTURE, TD_PRESENT };

/* What one normalised token can be; every field 0 when it is not that
 * (a word may be several: SECOND is a unit and an ordinal). */
typedef struct tim_word {
    uint8_t month;      /* 1..12 */
    uint8_t wday;       /* 1..7, Monday first */
    uint8_t unit;       /* TU_* */
    uint8_t plural;     /* the unit word is plural ("days") */
    uint8_t num;        /* number word 1..99 ("two", "twenty"); 0 if not */
    uint8_t vague;      /* "several", "few", "many", "some": a number of X */
    uint8_t ord;        /* ordinal 1..31 ("third", "3rd") */
    uint8_t season;     /* 1 SP, 2 SU, 3 FA, 4 WI */
    uint8_t partday;    /* 1 MO, 2 AF, 3 EV, 4 NI, 5 noon, 6 midnight */
    uint8_t rel;        /* TR_* */
    uint8_t mod;        /* TM_* */
    uint8_t deictic;    /* TD_* */
    uint8_t tz;         /* 1 a zone word; 2 one that means UTC ("GMT", "UTC", "Z") */
    uint8_t ampm;       /* 1 a.m., 2 p.m. */
    uint8_t set;        /* a unit for "daily", "weekly", "annual" (TU_*) */
    uint8_t weak;       /* needs context to be time: "May", "March", "fall", "Sun.", "Jan" */
    uint8_t tense;      /* tim_tense this word signals on its own ("will", "said", "was") */
} tim_word;

/* The entry for a normalised token (all zero when unknown). */
const tim_word *tim_lookup(const char *norm, size_t len);

/* ---- values ---- */

/* Granularities a date can be written at. */
enum { TG_DAY, TG_WEEK, TG_WEEKEND, TG_MONTH, TG_QUARTER, TG_HALF, TG_SEASON, TG_YEAR, TG_DECADE,
       TG_CENTURY };

/* Write the value of the period of granularity g containing day z (for
 * TG_QUARTER/TG_HALF/TG_SEASON, `part` says which: 1..4, 1..2, 1..4 as
 * tim_word.season). z == TIM_NODAY: the X-filled value for that granularity. Fills
 * *date as tim_expr.date: the period's first day, 0 for decades and centuries. */
void tim_write(char *out, int g, long z, int part, int *date);
/* The day a value names (yyyymmdd: "2024-08-15", "2024-08-15TMO"), 0 when
 * it names no single day ("2024-08", "2024-W32", "XXXX-XX-XX"). */
int tim_value_day(const char *v);
/* PnU for a count of units (count < 0: "X"); time units get the T. */
void tim_write_duration(char *out, double count, int unit);

#endif
