/* find.c: tim_find, the hand-written matcher over normalised tokens.
 *
 * Each token is classified once through the word table (words.c); then,
 * sentence by sentence, the matcher tries at each token the recognisers
 * its class allows, takes the first that matches and goes on after it, so
 * expressions never overlap. A recogniser reads tokens [a, b), resolves the
 * value and says which tense cue, if any, fixed its direction.
 *
 * Resolution follows news conventions (HeidelTime's news mode, TimeML's
 * guidelines): relative expressions are anchored on the publication date;
 * a time of day, "that day" and "the same day" on the last day named in the
 * article. Names of recurring periods without a year ("August", "Thursday",
 * "the fourth quarter", "summer") take the occurrence the tense points to:
 * the last one in a past-tense sentence, the next in a future one, this
 * year's (for weekdays: the past one) when nothing says. */
#include "time/time_impl.h"
#include <stdlib.h>
#include <string.h>

typedef struct ctx {
    const txt_doc *d;          /* the article */
    const tim_word **w;        /* class of each token (a table entry; all zero when none) */
    uint32_t s0, s1;           /* tokens of the current sentence [s0, s1) */
    long dct;                  /* publication day, TIM_NODAY when unknown */
    int y, m, dd;              /* the publication date's parts (0 when unknown) */
    long ref;                  /* the last day named: times of day and "that day" are on it */
    int order;                 /* n/n/yyyy dates: 1 day first, 2 month first, 0 undecided */
    int after_the;             /* the token before the one being matched is "the" */
} ctx;

typedef struct match {
    uint32_t a, b;             /* tokens [a, b) of the expression */
    int type;                  /* tim_type */
    int tense;                 /* tim_tense used, NONE when not needed */
    int relative;              /* resolved against the publication (or last named) date */
    int date;                  /* as tim_expr.date */
    char value[TIM_VALUE_MAX]; /* TimeML value */
} match;

static const tim_word no_word;

/* ---- token access (everything past the sentence reads as nothing) ---- */

static const tim_word *W(const ctx *c, uint32_t i) { return i >= c->s0 && i < c->s1 ? c->w[i] : &no_word; }
static const char *N(const ctx *c, uint32_t i) { return i >= c->s0 && i < c->s1 ? txt_norm(c->d, i) : ""; }
static int is(const ctx *c, uint32_t i, const char *s) { return !strcmp(N(c, i), s); }
static int flag(const ctx *c, uint32_t i, unsigned f) { return i >= c->s0 && i < c->s1 && (c->d->tok[i].flags & f); }
/* Token i touches token i-1: no space between them. */
static int glued(const ctx *c, uint32_t i)
{
    return i > c->s0 && i < c->s1 && c->d->tok[i].start == c->d->tok[i - 1].end;
}

/* The token's value when it is only digits (at most 9), else -1; *nd gets the digit count. */
static long digits(const ctx *c, uint32_t i, int *nd)
{
    const char *s = N(c, i);
    long v = 0;
    int n = 0;
    if (nd) *nd = 0;   /* also when the word is no number */
    for (; s[n]; n++) {
        if (s[n] < '0' || s[n] > '9' || n == 9) return -1;
        v = v * 10 + (s[n] - '0');
    }
    if (nd) *nd = n;
    return n ? v : -1;
}

static int one_of(const char *s, const char *const *list)
{
    for (; *list; list++) if (!strcmp(s, *list)) return 1;
    return 0;
}

/* ---- writing the match ---- */

static void put(match *m, int g, long z, int part) { tim_write(m->value, g, z, part, &m->date); }

static void put_rel(const ctx *c, match *m, int g, long z, int part)
{
    m->relative = 1;
    put(m, g, c->dct == TIM_NODAY ? TIM_NODAY : z, part);
}

static void put_str(match *m, const char *v)
{
    strcpy(m->value, v);
    m->date = 0;
}

/* A day plus a time: "2024-08-15T14:30", "2024-08-15TMO"; TIM_NODAY is XXXX-XX-XX. */
static void put_time(match *m, long z, const char *t)
{
    put(m, TG_DAY, z, 0);
    size_t n = strlen(m->value);
    if (n + strlen(t) < TIM_VALUE_MAX) strcpy(m->value + n, t);
    m->type = TIM_TIME;
}

static const char *const part_code[] = {"", "TMO", "TAF", "TEV", "TNI", "T12:00", "T24:00"};

/* ---- tense ---- */

/* Words whose -ED is not a past tense. */
static const char *const not_past[] = {"HUNDRED", "INDEED", "NEED", "SPEED", "PROCEED", "SUCCEED", "EXCEED",
                                       "FEED", "SEED", "BREED", "SHRED", "KINDRED", "NAKED", "WICKED",
                                       "SACRED", "RAGGED", "BELOVED", "UNITED", "LIMITED", "BLESSED", NULL};
static const char *const modal[] = {"WOULD", "COULD", "SHOULD", "MIGHT", "MAY", "CAN", "MUST", "WOULDN'T",
                                    "COULDN'T", "SHOULDN'T", "CAN'T", NULL};

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !memcmp(s + n - k, suffix, k);
}

/* The tense an auxiliary before a participle gives it: walks back over
 * adverbs and be/been to the auxiliary ("will be released" is future,
 * "is expected" present, "was sold" past; "has been sold", a present
 * perfect, reads as present: it reaches up to now). "to be signed" and
 * "may be signed" look ahead. */
static int aux_tense(const ctx *c, uint32_t i)
{
    static const char *const will[] = {"WILL", "SHALL", "WON'T", NULL};
    static const char *const ahead[] = {"TO", "MAY", "MIGHT", "COULD", "CAN", "MUST", "SHOULD", NULL};
    static const char *const skip[] = {"BE", "BEEN", "BEING", "NOT", "ALSO", "ALREADY", "JUST", "NOW", NULL};
    for (uint32_t k = i, steps = 0; k > c->s0 && steps < 4; steps++) {
        k--;
        const char *s = N(c, k);
        if (one_of(s, will) || ends_with(s, "'LL")) return TIM_TENSE_FUTURE;
        if (one_of(s, ahead)) return is(c, k + 1, "BE") ? TIM_TENSE_FUTURE : TIM_TENSE_PAST;
        if (!strcmp(s, "IS") || !strcmp(s, "ARE") || !strcmp(s, "AM") || !strcmp(s, "'S") || !strcmp(s, "HAS") ||
            !strcmp(s, "HAVE") || !strcmp(s, "'VE"))
            return TIM_TENSE_PRESENT;
        if (!strcmp(s, "WOULD") || !strcmp(s, "WOULDN'T")) return TIM_TENSE_NONE;
        if (!strcmp(s, "WAS") || !strcmp(s, "WERE") || !strcmp(s, "HAD")) return TIM_TENSE_PAST;
        if (one_of(s, skip) || ends_with(s, "LY")) continue;
        break;
    }
    return TIM_TENSE_PAST;
}

/* The tense token i signals on its own, NONE if it is no cue. */
static int cue(const ctx *c, uint32_t i)
{
    const tim_word *w = W(c, i);
    const char *s = N(c, i);
    if (w->tense == TIM_TENSE_FUTURE || ends_with(s, "'LL")) return TIM_TENSE_FUTURE;
    if (!strcmp(s, "GOING") && is(c, i + 1, "TO")) return TIM_TENSE_FUTURE;
    if (!strcmp(s, "AGO") || !strcmp(s, "SINCE")) return TIM_TENSE_PAST;
    if (one_of(s, modal) && strcmp(s, "WOULD") && strcmp(s, "WOULDN'T") && !(w->month && flag(c, i, TXT_CAP)))
        return TIM_TENSE_FUTURE;
    size_t n = strlen(s);
    int ed = n >= 5 && ends_with(s, "ED") && !one_of(s, not_past);
    for (size_t k = 0; ed && k < n; k++) ed = s[k] >= 'A' && s[k] <= 'Z';
    /* A capitalised -ed word inside a sentence is a name; after an article an adjective. */
    if (ed && flag(c, i, TXT_CAP) && i > c->s0) ed = 0;
    if (ed && i > c->s0 && (is(c, i - 1, "THE") || is(c, i - 1, "A") || is(c, i - 1, "AN"))) ed = 0;
    if (ed || w->tense == TIM_TENSE_PAST) {
        /* "was", "had", "did" are auxiliaries themselves; a participle
         * ("held", "announced") asks its auxiliary */
        if (!ed && (!strcmp(s, "WAS") || !strcmp(s, "WERE") || !strcmp(s, "HAD") || !strcmp(s, "DID") ||
                    strchr(s, '\'')))
            return TIM_TENSE_PAST;
        return aux_tense(c, i);
    }
    /* "that is" introduces an aside, not the sentence's tense */
    if (w->tense == TIM_TENSE_PRESENT && i > c->s0 && is(c, i - 1, "THAT") && is(c, i + 1, ",")) return TIM_TENSE_NONE;
    return w->tense;
}

/* The tense nearest the expression [a, b): the closest cue in the
 * sentence, on the left first at equal distance. A deadline ("by June",
 * "until Friday", "by early June") points ahead whatever the verb's tense. */
static int tense_near(const ctx *c, uint32_t a, uint32_t b)
{
    uint32_t p = a > c->s0 && W(c, a - 1)->mod ? a - 1 : a;
    if (p > c->s0 && (is(c, p - 1, "BY") || is(c, p - 1, "UNTIL") || is(c, p - 1, "TILL"))) return TIM_TENSE_FUTURE;
    for (uint32_t d = 1; a >= c->s0 + d || b - 1 + d < c->s1; d++) {
        if (a >= c->s0 + d) {
            int t = cue(c, a - d);
            if (t) return t;
        }
        if (b - 1 + d < c->s1) {
            int t = cue(c, b - 1 + d);
            if (t) return t;
        }
    }
    return TIM_TENSE_NONE;
}

/* ---- resolving names of recurring periods ---- */

/* The year of a period that recurs every year, from month-day key ks to
 * ke (mm*100+dd), named without a year: dir -1 "last", +1 "next", 0 by tense. */
static int year_of(const ctx *c, int ks, int ke, int dir, int tense)
{
    int key = c->m * 100 + c->dd;
    if (dir < 0) return ke < key ? c->y : c->y - 1;
    if (dir > 0) return ks > key ? c->y : c->y + 1;
    if (tense == TIM_TENSE_PAST && ks > key) return c->y - 1;
    if (tense == TIM_TENSE_FUTURE && ke < key) return c->y + 1;
    return c->y;
}

/* A weekday: dir -1 "last", +1 "next", 0 by tense (past when nothing says). */
static long weekday_day(const ctx *c, int wd, int dir, int tense)
{
    int today = tim_wday(c->dct);
    if (dir == 0) dir = tense == TIM_TENSE_FUTURE || tense == TIM_TENSE_PRESENT ? 2 : -2;
    if (dir > 0) {
        int fwd = (wd - today + 7) % 7;
        if (dir == 1 && fwd == 0) fwd = 7;  /* "next Friday" said on a Friday */
        return c->dct + fwd;
    }
    int back = (today - wd + 7) % 7;
    if (dir == -1 && back == 0) back = 7;
    return c->dct - back;
}

/* Day number of y-m-d, TIM_NODAY when that is no date. */
static long ymd(int y, int m, int d)
{
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > tim_month_days(y, m)) return TIM_NODAY;
    return tim_days(y, m, d);
}

/* Move day z by n months (to the same day, clamped to the month's end). */
static long add_months(long z, long n)
{
    int y, m, d;
    tim_civil(z, &y, &m, &d);
    long mm = (long)y * 12 + (m - 1) + n;
    if (mm < 12 || mm >= 12L * 10000) return TIM_NODAY;
    y = (int)(mm / 12);
    m = (int)(mm % 12) + 1;
    if (d > tim_month_days(y, m)) d = tim_month_days(y, m);
    return tim_days(y, m, d);
}

/* Move day z by n of unit u (days for week and below). */
static long shift(long z, int u, long n)
{
    if (z == TIM_NODAY) return TIM_NODAY;
    switch (u) {
    case TU_WEEK: case TU_WEEKEND: return z + 7 * n;
    case TU_FORTNIGHT: return z + 14 * n;
    case TU_MONTH: return add_months(z, n);
    case TU_QUARTER: return add_months(z, 3 * n);
    case TU_YEAR: return add_months(z, 12 * n);
    case TU_DECADE: return add_months(z, 120 * n);
    case TU_CENTURY: return add_months(z, 1200 * n);
    default: return z + n;
    }
}

/* The granularity a unit names ("last week" is a week, "two weeks ago" a day). */
static int unit_gran(int u, int ago)
{
    switch (u) {
    case TU_WEEK: case TU_FORTNIGHT: return ago ? TG_DAY : TG_WEEK;
    case TU_WEEKEND: return TG_WEEKEND;
    case TU_MONTH: return TG_MONTH;
    case TU_QUARTER: return TG_QUARTER;
    case TU_YEAR: return TG_YEAR;
    case TU_DECADE: return ago ? TG_YEAR : TG_DECADE;
    case TU_CENTURY: return ago ? TG_YEAR : TG_CENTURY;
    default: return TG_DAY;
    }
}

static int quarter_of(long z)
{
    int y, m, d;
    tim_civil(z, &y, &m, &d);
    return (m - 1) / 3 + 1;
}

/* ---- numbers ---- */

/* A count at i: digits ("3", "2.5", "1,000"), number words ("three",
 * "twenty-five"), "a"/"an" when `article`, "a few"/"several" (vague:
 * -1), "a couple of", "half a", "two and a half". Tokens used, 0 if none. */
static uint32_t count_at(const ctx *c, uint32_t i, double *v, int article)
{
    const char *s = N(c, i);
    const tim_word *w = W(c, i);
    uint32_t k = i;
    if (flag(c, i, TXT_NUMBER)) {
        double x = 0, frac = 0;
        int dot = 0;
        for (const char *p = s; *p; p++) {
            if (*p == ',') continue;
            if (*p == '.') { if (dot++) return 0; frac = 1; continue; }
            if (*p < '0' || *p > '9') return 0;
            if (dot) { frac /= 10; x += (*p - '0') * frac; }
            else x = x * 10 + (*p - '0');
            if (x > 1e7) return 0;
        }
        *v = x;
        k = i + 1;
    } else if (w->num) {
        *v = w->num;
        k = i + 1;
        if (w->num >= 20 && w->num % 10 == 0 && W(c, k)->num && W(c, k)->num < 10) *v += W(c, k++)->num;
        if (is(c, k, "HUNDRED")) { *v *= 100; k++; }
    } else if (w->vague) {
        *v = -1;
        k = i + 1;
        if (!strcmp(s, "SOME") && !W(c, k)->plural) return 0;  /* "some day" is not "some days" */
    } else if (!strcmp(s, "HALF") && (is(c, i + 1, "A") || is(c, i + 1, "AN"))) {
        *v = 0.5;
        return 2;
    } else if (!strcmp(s, "HALF") && flag(c, i + 1, TXT_HYPHEN)) {
        *v = 0.5;
        return 1;
    } else if (!strcmp(s, "COUPLE") && is(c, i + 1, "OF")) {
        *v = 2;
        return 2;
    } else if (article && (!strcmp(s, "A") || !strcmp(s, "AN"))) {
        if (W(c, i + 1)->vague) { *v = -1; return 2; }                       /* a few */
        if (is(c, i + 1, "COUPLE") && is(c, i + 2, "OF")) { *v = 2; return 3; }
        if (is(c, i + 1, "DOZEN")) { *v = 12; return 2; }
        *v = 1;
        return 1;
    } else {
        return 0;
    }
    if (is(c, k, "AND") && is(c, k + 1, "A") && is(c, k + 2, "HALF") && *v >= 0) { *v += 0.5; k += 3; }
    return k - i;
}

/* 1 when token j is an adjective a count may put before its unit ("six
 * straight days", "five trading days") and a unit follows; else 0. */
static uint32_t unit_after(const ctx *c, uint32_t j)
{
    static const char *const between[] = {"STRAIGHT", "CONSECUTIVE", "TRADING", "BUSINESS", "WORKING", "FULL",
                                          "SUCCESSIVE", "ADDITIONAL", "MORE", "EXTRA", "CALENDAR", "LONG", NULL};
    return one_of(N(c, j), between) && W(c, j + 1)->unit ? 1 : 0;
}

/* A four-digit year at i that reads as one: 1000..2999 and not a quantity
 * ("about 2000 people", "$1500", "2000 troops"). */
static int year_at(const ctx *c, uint32_t i)
{
    int nd;
    long v = digits(c, i, &nd);
    if (nd != 4 || v < 1000 || v > 2999) return -1;
    static const char *const amount[] = {"ABOUT", "NEARLY", "ALMOST", "SOME", "APPROXIMATELY", "AROUND",
                                         "OVER", "UNDER", "THAN", "ONLY", "JUST", "ROUGHLY", "$", "£", "€",
                                         "US$", "TOTAL", "AT", "TO", "EST.", "#", "NO.", "NUMBER", NULL};
    if (i > c->s0 && one_of(N(c, i - 1), amount) && !(is(c, i - 1, "TO") && digits(c, i - 2, NULL) >= 1000))
        return -1;
    const tim_word *nx = W(c, i + 1);
    static const char *const intro[] = {"IN", "SINCE", "UNTIL", "BY", "FROM", "OF", "BEFORE", "AFTER",
                                        "DURING", "AND", "YEAR", ",", "THROUGH", "FOR", "TO", NULL};
    if (i > c->s0 + 1 && flag(c, i - 1, TXT_CAP) && flag(c, i - 1, TXT_WORD) && !W(c, i - 1)->month &&
        !W(c, i - 1)->season && !one_of(N(c, i - 1), intro) && flag(c, i + 1, TXT_CAP) && flag(c, i + 1, TXT_WORD))
        return -1;
    if (nx->unit || is(c, i + 1, "%") || is(c, i + 1, "PERCENT") || is(c, i + 1, "PER")) return -1;
    /* a lower-case plural noun after it counts it ("2000 troops"), a year is not counted */
    const char *n = N(c, i + 1);
    size_t l = strlen(n);
    if (l > 3 && n[l - 1] == 'S' && n[l - 2] != 'S' && n[l - 2] != 'I' && n[l - 2] != 'U' && !flag(c, i + 1, TXT_CAP) && flag(c, i + 1, TXT_WORD) && !nx->tense &&
        !is(c, i + 1, "WAS") && !is(c, i + 1, "HAS") && !is(c, i + 1, "IS") && !is(c, i + 1, "LEVELS") &&
        !is(c, i + 1, "SALES") && !is(c, i + 1, "ELECTIONS") && !is(c, i + 1, "RESULTS") &&
        !is(c, i + 1, "EARNINGS") && !is(c, i + 1, "GAMES"))
        return -1;
    /* outside 1900..2100, only after a word that introduces a year */
    if ((v < 1900 || v > 2100) && (i == c->s0 || !one_of(N(c, i - 1), intro))) return -1;
    return (int)v;
}

/* A day of the month at i: "6", "6th", "sixth" (1..31). */
static int mday_at(const ctx *c, uint32_t i)
{
    int nd;
    long v = digits(c, i, &nd);
    if (v < 0) {
        const char *s = N(c, i);
        if (W(c, i)->ord) v = W(c, i)->ord;
        else if (s[0] >= '0' && s[0] <= '9') {
            char *e;
            v = strtol(s, &e, 10);
            if (strcmp(e, "ST") && strcmp(e, "ND") && strcmp(e, "RD") && strcmp(e, "TH")) return -1;
        } else return -1;
        nd = 1;
    }
    return nd <= 2 && v >= 1 && v <= 31 ? (int)v : -1;
}

/* An ordinal at i: "third", "3rd", "twenty-first". Tokens used, 0 if none. */
static uint32_t ord_at(const ctx *c, uint32_t i, int *v)
{
    const tim_word *w = W(c, i);
    if (w->num >= 20 && w->num % 10 == 0 && W(c, i + 1)->ord && W(c, i + 1)->ord < 10) {
        *v = w->num + W(c, i + 1)->ord;
        return 2;
    }
    if (w->ord) { *v = w->ord; return 1; }
    const char *s = N(c, i);
    if (s[0] < '0' || s[0] > '9') return 0;
    char *e;
    long n = strtol(s, &e, 10);
    if (strcmp(e, "ST") && strcmp(e, "ND") && strcmp(e, "RD") && strcmp(e, "TH")) return 0;
    if (n < 1 || n > 99) return 0;
    *v = (int)n;
    return 1;
}

/* Token i (a weekday or season) is part of a name: "Black Monday", "Super
 * Tuesday", "Good Friday" (by the words that make them), "British Summer
 * Time", "Arab Spring" (a capitalised season inside capitalised words). */
static int in_name(const ctx *c, uint32_t i)
{
    static const char *const day_names[] = {"BLACK", "CYBER", "SUPER", "GOOD", "ASH", "EASTER", "PALM", "BLOODY",
                                            "MAUNDY", "HOLY", "SHROVE", "FAT", "WHIT", "LOW", "GIVING", NULL};
    if (i > c->s0 && W(c, i)->wday) {
        /* "The Sunday Times": a capitalised word after "the Sunday" makes a title */
        if (is(c, i - 1, "THE") && flag(c, i + 1, TXT_CAP) && flag(c, i + 1, TXT_WORD) && !W(c, i + 1)->month &&
            !W(c, i + 1)->partday)
            return 1;
        return one_of(N(c, i - 1), day_names) && flag(c, i - 1, TXT_CAP);
    }
    if (!flag(c, i, TXT_CAP) || i == c->s0) return 0;
    if (flag(c, i + 1, TXT_CAP) && flag(c, i + 1, TXT_WORD) && !W(c, i + 1)->month && !W(c, i + 1)->wday) return 1;
    return flag(c, i - 1, TXT_CAP) && flag(c, i - 1, TXT_WORD) && i - 1 > c->s0 && !W(c, i - 1)->rel &&
           !W(c, i - 1)->mod && !is(c, i - 1, "THE") && !is(c, i - 1, "IN");
}

/* ---- recognisers: each fills m from token i on and returns the end token, 0 if none ---- */

static uint32_t r_time(ctx *c, uint32_t i, match *m);

/* "2024", "'82": a year; *y gets it. Tokens used. */
static uint32_t year_tokens(const ctx *c, uint32_t i, int *y)
{
    int v = year_at(c, i);
    if (v > 0) { *y = v; return 1; }
    static const char *const intro[] = {"IN", "SINCE", "OF", "BY", "UNTIL", "FROM", "TO", "AND", "OR", "THE",
                                        ",", "-", NULL};
    if (is(c, i, "'") && glued(c, i + 1) && i > c->s0 && (one_of(N(c, i - 1), intro) || W(c, i - 1)->month)) {
        int nd;
        long two = digits(c, i + 1, &nd);
        if (nd == 2 && !is(c, i + 2, "S")) {
            int cur = c->y ? c->y % 100 : 30;
            *y = (int)(two <= cur + 10 ? 2000 + two : 1900 + two);
            return 2;
        }
    }
    return 0;
}

/* After a month or a day, an optional ", 2024" / "2024" / "of 2024". */
static uint32_t trailing_year(const ctx *c, uint32_t j, int *y)
{
    uint32_t k;
    if ((k = year_tokens(c, j, y))) return k;
    if ((is(c, j, ",") || is(c, j, "OF")) && (k = year_tokens(c, j + 1, y))) return k + 1;
    return 0;
}

/* "this year", "last year", "next year" after a month or season: the year it means. */
static uint32_t rel_year(const ctx *c, uint32_t j, int *y)
{
    uint32_t k = j + (is(c, j, "OF") ? 1 : 0);
    int r = W(c, k)->rel;
    if (!(W(c, k + 1)->unit == TU_YEAR && !W(c, k + 1)->plural) || c->dct == TIM_NODAY) return 0;
    if (r == TR_THIS || r == TR_CURRENT) *y = c->y;
    else if (r == TR_LAST || r == TR_PREVIOUS) *y = c->y - 1;
    else if (r == TR_NEXT || r == TR_COMING) *y = c->y + 1;
    else return 0;
    return k + 2 - j;
}

/* Words that make a weak month or season ("May", "fall") a time. */
static int time_context(const ctx *c, uint32_t i)
{
    static const char *const intro[] = {"IN", "SINCE", "UNTIL", "TILL", "BY", "BEFORE", "AFTER", "DURING",
                                        "FROM", "THROUGH", "EARLY", "LATE", "MID", "LAST", "NEXT", "THIS",
                                        "OF", "TO", "THAT", "THE", "EARLIER", "LATER", "PAST", NULL};
    return i > c->s0 && one_of(N(c, i - 1), intro);
}

/* Calendar dates led by a month: "August 6", "Aug. 6, 2024", "February
 * 2022", "June 1st", "August", "May last year". */
static uint32_t r_month(ctx *c, uint32_t i, match *m)
{
    const tim_word *w = W(c, i);
    int mo = w->month, y, d;
    uint32_t j = i + 1, k;
    if ((d = mday_at(c, j)) > 0 && !is(c, j + 1, ":") && !W(c, j + 1)->unit) {
        j++;
        if (is(c, j, "-") || flag(c, j, TXT_HYPHEN)) {  /* "August 5-7": the first day */
            if (mday_at(c, j + (is(c, j, "-") ? 1 : 0)) > 0) j += is(c, j, "-") ? 2 : 1;
        }
        if ((k = trailing_year(c, j, &y))) {
            put(m, TG_DAY, ymd(y, mo, d), 0);
            return j + k;
        }
        if (ymd(2000, mo, d) == TIM_NODAY) return 0;
        if (c->dct == TIM_NODAY) { put(m, TG_DAY, TIM_NODAY, 0); return j; }
        m->tense = tense_near(c, i, j);
        y = year_of(c, mo * 100 + d, mo * 100 + d, 0, m->tense);
        if (mo == 2 && d == 29 && ymd(y, 2, 29) == TIM_NODAY) return 0;
        put_rel(c, m, TG_DAY, ymd(y, mo, d), 0);
        return j;
    }
    if ((k = trailing_year(c, j, &y))) {
        put(m, TG_MONTH, ymd(y, mo, 1), 0);
        return j + k;
    }
    if ((k = rel_year(c, j, &y))) {
        put_rel(c, m, TG_MONTH, ymd(y, mo, 1), 0);
        return j + k;
    }
    /* A bare month name: capitalised, and weak ones ("May") only after a word that introduces a time. */
    if (!flag(c, i, TXT_CAP) || (w->weak && !time_context(c, i))) return 0;
    if (strchr(N(c, i), '.') && !time_context(c, i)) return 0;
    if (c->dct == TIM_NODAY) { put(m, TG_MONTH, TIM_NODAY, 0); m->value[5] = (char)('0' + mo / 10); m->value[6] = (char)('0' + mo % 10); return j; }
    int dir = 0;
    if (i > c->s0) {
        int r = W(c, i - 1)->rel;
        dir = r == TR_LAST || r == TR_PREVIOUS || r == TR_PAST ? -1 : r == TR_NEXT || r == TR_COMING ? 1 : 0;
    }
    if (!dir) m->tense = tense_near(c, i, j);
    y = year_of(c, mo * 100 + 1, mo * 100 + 31, dir, m->tense);
    put_rel(c, m, TG_MONTH, ymd(y, mo, 1), 0);
    return j;
}

/* Dates led by the day: "6 August 2024", "11 December", "6th of August". */
static uint32_t r_daymonth(ctx *c, uint32_t i, match *m)
{
    int d = mday_at(c, i), y;
    if (d < 0) return 0;
    uint32_t j = i + 1 + (is(c, i + 1, "OF") ? 1 : 0), k;
    int mo = W(c, j)->month;
    static const char *const after_day[] = {"THAT", "AND", "OR", "BUT", "WHEN", "AT", "IN", "ON", "AFTER", "BEFORE",
                                            "WHILE", NULL};
    if (!mo && c->after_the && i >= c->s0 + 2 && !flag(c, i, TXT_NUMBER) &&
        (!flag(c, i + 1, TXT_WORD | TXT_NUMBER) || one_of(N(c, i + 1), after_day)) &&
        (is(c, i - 2, "ON") || is(c, i - 2, "BY") || is(c, i - 2, "SINCE") || is(c, i - 2, "UNTIL"))) {
        /* "on the 15th": a day of the publication's month (the last one such in the past tense) */
        if (c->dct == TIM_NODAY) { put(m, TG_DAY, TIM_NODAY, 0); return i + 1; }
        m->tense = tense_near(c, i, i + 1);
        long z = ymd(c->y, c->m, d);
        if (m->tense == TIM_TENSE_PAST && d > c->dd) z = add_months(ymd(c->y, c->m, 1), -1) + d - 1;
        else if (m->tense == TIM_TENSE_FUTURE && d < c->dd) z = add_months(ymd(c->y, c->m, 1), 1) + d - 1;
        int zy, zm, zd;
        if (z == TIM_NODAY) return 0;
        tim_civil(z, &zy, &zm, &zd);
        if (zd != d) return 0;  /* "the 31st" of a shorter month */
        put_rel(c, m, TG_DAY, z, 0);
        return i + 1;
    }
    if (!mo || (W(c, j)->weak && !flag(c, j, TXT_CAP))) return 0;
    j++;
    if ((k = trailing_year(c, j, &y))) { put(m, TG_DAY, ymd(y, mo, d), 0); return j + k; }
    if (ymd(2000, mo, d) == TIM_NODAY) return 0;
    if (c->dct == TIM_NODAY) { put(m, TG_DAY, TIM_NODAY, 0); return j; }
    m->tense = tense_near(c, i, j);
    y = year_of(c, mo * 100 + d, mo * 100 + d, 0, m->tense);
    put_rel(c, m, TG_DAY, ymd(y, mo, d), 0);
    return j;
}

/* Numeric dates: 2024-08-16, 16/08/2024, 8/16/24, 16.08.2024, 2024/08/16. */
static uint32_t r_numeric(ctx *c, uint32_t i, match *m)
{
    int n1, n2, n3;
    long a = digits(c, i, &n1), b, y;
    if (a >= 0 && n1 == 4 && flag(c, i + 1, TXT_HYPHEN) && flag(c, i + 2, TXT_HYPHEN) &&
        (b = digits(c, i + 1, &n2)) >= 0 && n2 == 2 && digits(c, i + 2, &n3) >= 0 && n3 == 2) {
        long z = ymd((int)a, (int)b, (int)digits(c, i + 2, NULL));
        if (z == TIM_NODAY) return 0;
        put(m, TG_DAY, z, 0);
        return i + 3;
    }
    long p[3];
    int nd[3];
    uint32_t end;
    if (a >= 0 && is(c, i + 1, "/") && glued(c, i + 1) && glued(c, i + 2) && is(c, i + 3, "/") &&
        glued(c, i + 3) && glued(c, i + 4)) {
        p[0] = a; nd[0] = n1;
        p[1] = digits(c, i + 2, &nd[1]);
        p[2] = digits(c, i + 4, &nd[2]);
        end = i + 5;
    } else if (a < 0 && flag(c, i, TXT_NUMBER)) {
        /* 16.08.2024 is one number token */
        const char *s = N(c, i);
        char *e;
        p[0] = strtol(s, &e, 10); nd[0] = (int)(e - s);
        if (*e != '.') return 0;
        s = e + 1; p[1] = strtol(s, &e, 10); nd[1] = (int)(e - s);
        if (*e != '.') return 0;
        s = e + 1; p[2] = strtol(s, &e, 10); nd[2] = (int)(e - s);
        if (*e || nd[2] != 4) return 0;
        end = i + 1;
    } else {
        return 0;
    }
    if (p[1] < 0 || p[2] < 0) return 0;
    if (nd[0] == 4) {  /* 2024/08/16 */
        long z = ymd((int)p[0], (int)p[1], (int)p[2]);
        if (z == TIM_NODAY) return 0;
        put(m, TG_DAY, z, 0);
        return end;
    }
    if (nd[0] > 2 || nd[1] > 2 || (nd[2] != 2 && nd[2] != 4)) return 0;
    y = p[2];
    if (nd[2] == 2) {
        int cur = c->y ? c->y % 100 : 30;
        y = y <= cur + 10 ? 2000 + y : 1900 + y;
    }
    long dm = ymd((int)y, (int)p[1], (int)p[0]), md = ymd((int)y, (int)p[0], (int)p[1]);
    long z;
    if (dm == TIM_NODAY || md == TIM_NODAY) z = dm != TIM_NODAY ? dm : md;
    else if (c->order) z = c->order == 1 ? dm : md;
    else if (c->dct != TIM_NODAY) z = labs(dm - c->dct) < labs(md - c->dct) ? dm : md;
    else z = md;
    if (z == TIM_NODAY) return 0;
    put(m, TG_DAY, z, 0);
    return end;
}

/* A day named by a weekday: "Thursday", "Friday afternoon", "Sunday night",
 * "Friday, August 16" (the date wins). dir: -1 "last", +1 "next". */
static uint32_t weekday(ctx *c, uint32_t i, int dir, match *m)
{
    const tim_word *w = W(c, i);
    uint32_t j = i + 1 + (is(c, i + 1, ",") ? 1 : 0), k;
    if (!dir && (W(c, j)->month && (k = r_month(c, j, m)) && tim_value_day(m->value))) return k;
    if (!dir && (k = r_daymonth(c, j, m))) return k;
    memset(m->value, 0, sizeof m->value);
    m->date = 0;
    m->tense = 0;
    m->relative = 0;
    if (w->weak) return 0;
    if (!dir && in_name(c, i)) return 0;
    j = i + 1;
    if (c->dct == TIM_NODAY) { put(m, TG_DAY, TIM_NODAY, 0); m->relative = 1; }
    else {
        if (!dir) m->tense = tense_near(c, i, j);
        put_rel(c, m, TG_DAY, weekday_day(c, w->wday, dir, m->tense), 0);
    }
    int part = W(c, j)->partday;
    if (part && part <= 4) {
        long z = c->dct == TIM_NODAY ? TIM_NODAY : tim_from_ymd(m->date);
        put_time(m, z, part_code[part]);
        return j + 1;
    }
    return j;
}

/* today, yesterday, tomorrow, tonight (with a part of the day), now,
 * currently, recently, soon. */
static uint32_t r_deictic(ctx *c, uint32_t i, match *m)
{
    int t = W(c, i)->deictic;
    long z = c->dct;
    switch (t) {
    case TD_TODAY: break;
    case TD_YESTERDAY: z = c->dct == TIM_NODAY ? TIM_NODAY : c->dct - 1; break;
    case TD_TOMORROW: z = c->dct == TIM_NODAY ? TIM_NODAY : c->dct + 1; break;
    case TD_TONIGHT: put_time(m, z, "TNI"); m->relative = 1; return i + 1;
    case TD_NOW: case TD_CURRENTLY: case TD_NOWADAYS: put_str(m, "PRESENT_REF"); return i + 1;
    case TD_RECENTLY: put_str(m, "PAST_REF"); return i + 1;
    case TD_SOON:
        if ((i > c->s0 && is(c, i - 1, "AS")) || is(c, i + 1, "AS") || is(c, i + 1, "AFTER")) return 0;
        put_str(m, "FUTURE_REF");
        return i + 1;
    default: return 0;
    }
    put_rel(c, m, TG_DAY, z, 0);
    int part = W(c, i + 1)->partday;
    if (part && part <= 4) { put_time(m, z, part_code[part]); return i + 2; }
    return i + 1;
}

/* "N units ago", "N units later", "N units from now": a date that far
 * (dir -1 back, +1 ahead) from the publication; the expression ends at `end`. */
static uint32_t ago(ctx *c, uint32_t end, double n, int unit, int dir, match *m)
{
    if (n < 0) { put_str(m, dir < 0 ? "PAST_REF" : "FUTURE_REF"); return end; }
    if (n != (double)(long)n || n > 5000) return 0;
    int g = unit_gran(unit, 1);
    /* "two hours ago": the publication day (its time of day is unknown) */
    long z = unit <= TU_HOUR ? c->dct : shift(c->dct, unit, dir * (long)n);
    put_rel(c, m, g, z, g == TG_QUARTER && z != TIM_NODAY ? quarter_of(z) : 0);
    if (m->date && g == TG_DAY) c->ref = z;
    return end;
}

/* Durations and dates from counted units: "three years", "two-hour", "a
 * month", "several days", "two days ago", "a year and a half". */
static uint32_t r_count(ctx *c, uint32_t i, match *m)
{
    double n;
    uint32_t k = count_at(c, i, &n, 1);
    if (!k) return 0;
    uint32_t j = i + k;
    if (is(c, j, "-") && W(c, j + 1)->unit) j++;  /* "two - hour" */
    uint32_t adj = unit_after(c, j);
    /* "a quarter of the", "three quarters of": fractions */
    if (!adj && W(c, j)->unit == TU_QUARTER && (is(c, j + 1, "OF") || (k == 1 && (is(c, i, "A") || is(c, i, "AN")))))
        return 0;
    j += adj;
    const tim_word *u = W(c, j);
    if (!u->unit || u->unit == TU_WEEKEND) return 0;
    int article = k == 1 && (is(c, i, "A") || is(c, i, "AN"));
    /* "a second" is an ordinal; "one day" alone is some day, not a span */
    if (u->weak && (article || n < 0)) return 0;
    if (article && u->plural) return 0;
    if (!article && n == 1 && !strcmp(N(c, i), "ONE") && u->unit == TU_DAY && !flag(c, j, TXT_HYPHEN)) return 0;
    if (n > 1 && !u->plural && !flag(c, j, TXT_HYPHEN) && !is(c, j + 1, "-")) {
        /* "two year" without a hyphen: only as an adjective ("a two year deal") */
        if (!(W(c, j + 1)->unit == 0 && flag(c, j + 1, TXT_WORD))) return 0;
    }
    /* "the Six-Day War", "the Hundred Years' War": names */
    if (flag(c, i, TXT_CAP) && flag(c, j, TXT_CAP) && i > c->s0 &&
        (flag(c, j + 1, TXT_CAP) || (flag(c, j + 1, TXT_POSS) && flag(c, j + 2, TXT_CAP))))
        return 0;
    /* an age is no time expression: "20-year-old", "five years old", "ages 6 months" */
    if (is(c, j + 1, "OLD") || (is(c, j + 1, "-") && is(c, j + 2, "OLD"))) return 0;
    if (i > c->s0 && (is(c, i - 1, "AGES") || is(c, i - 1, "AGE") || is(c, i - 1, "AGED"))) return 0;
    j++;
    /* "two days ago", "three years later" ("later than planned" is a span), "two weeks from now" */
    if (is(c, j, "AGO") || (is(c, j, "EARLIER") && !is(c, j + 1, "THAN") && !is(c, j + 1, "THIS")))
        return ago(c, j + 1, n, u->unit, -1, m);
    if ((is(c, j, "LATER") && !is(c, j + 1, "THAN")) || is(c, j, "HENCE")) return ago(c, j + 1, n, u->unit, 1, m);
    if (is(c, j, "FROM") && is(c, j + 1, "NOW")) return ago(c, j + 2, n, u->unit, 1, m);
    /* "a year and a half" */
    if (is(c, j, "AND") && is(c, j + 1, "A") && is(c, j + 2, "HALF") && n >= 0) { n += 0.5; j += 3; }
    m->type = TIM_DURATION;
    tim_write_duration(m->value, n, u->unit);
    m->date = 0;
    /* "$5 a day", "twice a year", "per year" rates are sets */
    if (article && i > c->s0 &&
        (flag(c, i - 1, TXT_NUMBER) || is(c, i - 1, "TIMES") || is(c, i - 1, "ONCE") || is(c, i - 1, "TWICE") ||
         is(c, i - 1, "%") || is(c, i - 1, "PERCENT")))
        m->type = TIM_SET;
    if (is(c, j, "-") && is(c, j + 1, "LONG")) j += 2;
    else if (flag(c, j, TXT_HYPHEN) && is(c, j, "LONG")) j++;
    return j;
}

/* Bare plural units as a vague span: "for years", "in recent weeks", "over the years". */
static uint32_t r_plural(ctx *c, uint32_t i, match *m)
{
    const tim_word *u = W(c, i);
    if (!u->plural || u->unit == TU_WEEKEND || u->unit == TU_SECOND) return 0;
    static const char *const intro[] = {"FOR", "RECENT", "WITHIN", "TAKE", "TAKES", "TOOK", "IN", "JUST", NULL};
    int ok = i > c->s0 && one_of(N(c, i - 1), intro);
    if (!ok && i > c->s0 + 1 && is(c, i - 1, "THE") && (is(c, i - 2, "OVER") || is(c, i - 2, "IN"))) ok = 1;
    if (!ok || is(c, i + 1, "OF") || is(c, i + 1, "AGO")) return 0;
    m->type = TIM_DURATION;
    tim_write_duration(m->value, -1, u->unit);
    return i + 1;
}

/* "the fourth quarter (of 2009 | of last year)", "third-quarter", "Q3 2009", "the first half". */
static uint32_t r_quarter(ctx *c, uint32_t i, match *m)
{
    int q = 0, half = 0;
    uint32_t j = i;
    const char *s = N(c, i);
    if (s[0] == 'Q' && s[1] >= '1' && s[1] <= '4' && !s[2]) { q = s[1] - '0'; j = i + 1; }
    else {
        int o;
        uint32_t k = ord_at(c, i, &o);
        if (!k && (is(c, i, "FINAL") || is(c, i, "LAST"))) { o = 4; k = 1; }
        if (!k) return 0;
        j = i + k;
        if (W(c, j)->unit == TU_QUARTER && !W(c, j)->plural && o <= 4) q = o;
        else if (is(c, j, "HALF") && o <= 2) half = o;
        else return 0;
        if (is(c, i, "LAST") && !is(c, j + 1, "OF")) return 0;  /* "the last quarter" is the previous one */
        j++;
    }
    int y, part = q ? q : half, g = q ? TG_QUARTER : TG_HALF;
    uint32_t k;
    if ((k = trailing_year(c, j, &y))) {
        put(m, g, ymd(y, 1, 1), part);
        return j + k;
    }
    if ((k = rel_year(c, j, &y))) {
        put_rel(c, m, g, ymd(y, 1, 1), part);
        return j + k;
    }
    if (is(c, j, "OF") && is(c, j + 1, "THE") && W(c, j + 2)->unit == TU_YEAR && !W(c, j + 2)->plural) {
        put_rel(c, m, g, c->dct == TIM_NODAY ? TIM_NODAY : ymd(c->y, 1, 1), part);
        return j + 3;
    }
    /* "first quarter results": a quarter needs "the" or a hyphen or a year */
    if (!c->after_the && !flag(c, i + 1, TXT_HYPHEN) && q && s[0] != 'Q') return 0;
    if (c->dct == TIM_NODAY) { put(m, g, TIM_NODAY, part); return j; }
    m->tense = tense_near(c, i, j);
    int ms = q ? (q - 1) * 3 + 1 : half == 2 ? 7 : 1, me = q ? ms + 2 : ms + 5;
    y = year_of(c, ms * 100 + 1, me * 100 + 31, 0, m->tense);
    put_rel(c, m, g, ymd(y, 1, 1), part);
    return j;
}

/* Seasons: "summer 2024", "the summer of 2024", "spring", "last winter". dir as weekday(). */
static uint32_t season(ctx *c, uint32_t i, int dir, match *m)
{
    const tim_word *w = W(c, i);
    if (!w->season || (!dir && in_name(c, i))) return 0;
    uint32_t j = i + 1, k;
    int y;
    if (is(c, j, "OF") && year_at(c, j + 1) < 0) return 0;  /* "the fall of Saigon" */
    if ((k = trailing_year(c, j, &y))) {
        put(m, TG_SEASON, ymd(y, 1, 1), w->season);
        return j + k;
    }
    if ((k = rel_year(c, j, &y))) {
        put_rel(c, m, TG_SEASON, ymd(y, 1, 1), w->season);
        return j + k;
    }
    if (w->weak && !dir) {
        static const char *const intro[] = {"THIS", "LAST", "NEXT", "THAT", "EARLY", "LATE", "MID", "THE", NULL};
        if (i == c->s0 || !one_of(N(c, i - 1), intro) || is(c, j, "IN") || is(c, j, "TO") || is(c, j, "AND"))
            return 0;
    }
    if (c->dct == TIM_NODAY) { put(m, TG_SEASON, TIM_NODAY, w->season); return j; }
    static const int start[] = {0, 3, 6, 9, 12};
    int ms = start[w->season], me = w->season == 4 ? 12 : ms + 2;
    if (!dir) m->tense = tense_near(c, i, j);
    y = year_of(c, ms * 100 + 1, me * 100 + 31, dir, m->tense);
    put_rel(c, m, TG_SEASON, ymd(y, 1, 1), w->season);
    return j;
}

/* Decades and centuries: "the 1990s", "the '90s", "the 20th century". */
static uint32_t r_era(ctx *c, uint32_t i, match *m)
{
    const char *s = N(c, i);
    size_t n = strlen(s);
    uint32_t j = i;
    if (is(c, i, "'") && glued(c, i + 1)) { j = i + 1; s = N(c, j); n = strlen(s); }
    if ((n == 5 || n == 3) && s[n - 1] == 'S') {
        int ok = 1;
        for (size_t k = 0; k + 1 < n; k++) ok &= s[k] >= '0' && s[k] <= '9';
        if (ok && s[n - 2] == '0') {
            long v = strtol(s, NULL, 10);
            if (n == 3) {
                int cur = c->y ? c->y % 100 : 30;
                v += v <= cur ? 2000 : 1900;
            }
            if (v < 1000 || v > 2999) return 0;
            put(m, TG_DECADE, ymd((int)v, 1, 1), 0);
            return j + 1;
        }
    }
    int o;
    uint32_t k = ord_at(c, i, &o);
    if (k && W(c, i + k)->unit == TU_CENTURY && !W(c, i + k)->plural && o >= 1 && o <= 30) {
        put(m, TG_CENTURY, ymd((o - 1) * 100 + 1, 1, 1), 0);
        if (o == 1) strcpy(m->value, "00");
        return i + k + 1;
    }
    return 0;
}

/* A relative word and what it moves: "last week", "next month", "this
 * year", "the past two years", "last Friday", "last summer", "this morning". */
static uint32_t r_rel(ctx *c, uint32_t i, match *m)
{
    int r = W(c, i)->rel;
    uint32_t j = i + 1 + (is(c, i + 1, "FISCAL") ? 1 : 0);
    const tim_word *u = W(c, j);
    int back = r == TR_LAST || r == TR_PREVIOUS, fwd = r == TR_NEXT || r == TR_COMING || r == TR_FOLLOWING;
    int dir = back ? -1 : fwd ? 1 : 0;
    if (r == TR_SAME) {
        if (u->unit == TU_DAY && !u->plural && c->ref != TIM_NODAY) { put_rel(c, m, TG_DAY, c->ref, 0); return j + 1; }
        return 0;
    }
    if (r == TR_THIS && W(c, j)->rel == TR_PAST && W(c, j + 1)->unit == TU_WEEKEND && !W(c, j + 1)->plural) {
        /* "this past weekend": the last one, this one when it is the weekend now */
        long z = c->dct == TIM_NODAY || tim_wday(c->dct) >= 6 ? c->dct : c->dct - 7;
        put_rel(c, m, TG_WEEKEND, z, 0);
        return j + 2;
    }
    if (u->wday && !u->weak && r != TR_PAST && r != TR_RECENT) return weekday(c, j, r == TR_THIS ? 0 : dir, m);
    if (u->season && r != TR_PAST) return season(c, j, r == TR_THIS ? 0 : dir, m);
    if (u->month && r != TR_PAST && r != TR_RECENT) return 0;  /* r_month reads the word before */
    if (u->partday && u->partday <= 4) {
        /* this morning, last night, tomorrow is deictic */
        long z = c->dct;
        if (r == TR_LAST && u->partday == 4) z = c->dct == TIM_NODAY ? TIM_NODAY : c->dct - 1;
        else if (r != TR_THIS) return 0;
        put_time(m, z, part_code[u->partday]);
        m->relative = 1;
        return j + 1;
    }
    /* counted: "the past two years", "the next few months", "the last 10 days" */
    double n;
    uint32_t k = count_at(c, j, &n, 0);
    if (k) k += unit_after(c, j + k);
    if (k && W(c, j + k)->unit && (W(c, j + k)->plural || n == 1) && r != TR_THIS && r != TR_SAME) {
        m->type = TIM_DURATION;
        tim_write_duration(m->value, n, W(c, j + k)->unit);
        return j + k + 1;
    }
    if (!u->unit) {
        if (r == TR_PAST && c->after_the && !is(c, j, "OF")) { put_str(m, "PAST_REF"); return j; }
        return 0;
    }
    if (u->plural) {
        if (r == TR_PAST || r == TR_RECENT || r == TR_COMING || r == TR_NEXT || r == TR_LAST) {
            m->type = TIM_DURATION;
            tim_write_duration(m->value, -1, u->unit);
            return j + 1;
        }
        return 0;
    }
    /* "the past week", "the next decade": a span, not a date */
    if (r == TR_PAST || r == TR_RECENT || (c->after_the && (r == TR_NEXT || r == TR_COMING) && u->unit >= TU_YEAR)) {
        if (u->unit == TU_WEEKEND) return 0;
        m->type = TIM_DURATION;
        tim_write_duration(m->value, 1, u->unit);
        return j + 1;
    }
    if (u->unit <= TU_HOUR) {
        if (u->unit == TU_DAY && (r == TR_FOLLOWING || r == TR_NEXT) && c->after_the && c->ref != TIM_NODAY) {
            put_rel(c, m, TG_DAY, c->ref + 1, 0);
            return j + 1;
        }
        return 0;
    }
    long base = r == TR_FOLLOWING ? c->ref : c->dct;
    int g = unit_gran(u->unit, 0);
    long z = shift(base, u->unit, dir);
    put_rel(c, m, g, z, g == TG_QUARTER && z != TIM_NODAY ? quarter_of(z) : 0);
    return j + 1;
}

/* The weekend: "this weekend", "last weekend", "the weekend" (by tense). */
static uint32_t r_weekend(ctx *c, uint32_t i, match *m)
{
    if (W(c, i)->unit != TU_WEEKEND || W(c, i)->plural) return 0;
    int dir = 0;
    if (i > c->s0) {
        int r = W(c, i - 1)->rel;
        if (r == TR_LAST || r == TR_PREVIOUS) dir = -1;
        else if (r == TR_NEXT || r == TR_COMING) dir = 1;
        else if (r == TR_THIS) dir = 2;
    }
    if (!dir && !c->after_the) return 0;
    long z = c->dct;
    if (c->dct != TIM_NODAY) {
        int wd = tim_wday(c->dct);
        if (dir == -1) z = c->dct - 7;
        else if (dir == 1) z = c->dct + 7;
        else if (dir == 0) {
            m->tense = tense_near(c, i, i + 1);
            if (m->tense != TIM_TENSE_FUTURE && m->tense != TIM_TENSE_PRESENT && wd < 6) z = c->dct - 7;
        }
    }
    put_rel(c, m, TG_WEEKEND, z, 0);
    return i + 1;
}

/* Sets: "every day", "each year", "every Monday", "every morning", "daily", "annual". */
static uint32_t r_set(ctx *c, uint32_t i, match *m)
{
    const tim_word *w = W(c, i);
    m->type = TIM_SET;
    if (w->set) {
        tim_write_duration(m->value, 1, w->set);
        return i + 1;
    }
    if (!is(c, i, "EVERY") && !is(c, i, "EACH")) return 0;
    uint32_t j = i + 1;
    double n = 1;
    uint32_t k = count_at(c, j, &n, 0);
    if (k && n > 0) j += k;
    const tim_word *u = W(c, j);
    if (u->unit && u->unit != TU_WEEKEND && (!u->plural || n != 1)) {
        tim_write_duration(m->value, n, u->unit);
        return j + 1;
    }
    if (u->wday && !u->weak && n == 1) {
        strcpy(m->value, "XXXX-WXX-1");
        m->value[9] = (char)('0' + u->wday);
        return j + 1;
    }
    if (u->partday && u->partday <= 4 && n == 1) {
        strcpy(m->value, "XXXX-XX-XX");
        strcat(m->value, part_code[u->partday]);
        return j + 1;
    }
    return 0;
}

/* "the past", "the future", "the present", "at the time", "these days", "the day", "that day". */
static uint32_t r_the(ctx *c, uint32_t i, match *m)
{
    /* i is the word after "the"/"that" */
    int dt = W(c, i)->deictic;
    const char *s = N(c, i - 1);
    int the = !strcmp(s, "THE");
    if (the && (dt == TD_FUTURE || dt == TD_PRESENT) && !is(c, i + 1, "OF") && !flag(c, i + 1, TXT_WORD | TXT_NUMBER)) {
        put_str(m, dt == TD_FUTURE ? "FUTURE_REF" : "PRESENT_REF");
        return i + 1;
    }
    if (the && (is(c, i, "LONG") || is(c, i, "NEAR") || is(c, i, "SHORT")) && is(c, i + 1, "TERM") &&
        !flag(c, i + 2, TXT_WORD)) {
        put_str(m, "FUTURE_REF");
        return i + 2;
    }
    if (the && is(c, i, "TIME") && is(c, i + 1, "BEING")) {
        put_str(m, "PRESENT_REF");
        return i + 2;
    }
    if (the && is(c, i, "TIME") && i >= c->s0 + 2 && is(c, i - 2, "AT") && !is(c, i + 1, "OF") &&
        !is(c, i + 1, "WHEN") && !flag(c, i + 1, TXT_WORD)) {
        put_str(m, "PAST_REF");
        return i + 1;
    }
    static const char *const not_that_day[] = {"OF", "AFTER", "BEFORE", "WHEN", "THAT", "WHERE", "ON", "IN", "-",
                                               "WHICH", NULL};
    if (W(c, i)->unit == TU_DAY && !W(c, i)->plural && (the || !strcmp(s, "THAT")) && c->ref != TIM_NODAY &&
        !flag(c, i + 1, TXT_POSS | TXT_HYPHEN) && !one_of(N(c, i + 1), not_that_day) && W(c, i + 1)->unit == 0 &&
        !(i >= c->s0 + 2 && (W(c, i - 2)->ord || is(c, i - 2, "OF")))) {
        put_rel(c, m, TG_DAY, c->ref, 0);
        return i + 1;
    }
    return 0;
}

/* Times of day: "14:30", "3:30 p.m.", "10am", "8 PM", "0800 GMT", "noon"
 * with an optional day after ("15:00 GMT Saturday", "16:00 UTC today"). */
static uint32_t r_time(ctx *c, uint32_t i, match *m)
{
    int nd, hh = -1, mm = -1, ampm = 0;
    long a = digits(c, i, &nd);
    uint32_t j = i;
    const char *s = N(c, i);
    if (a >= 0 && nd <= 2 && is(c, i + 1, ":") && glued(c, i + 1) && glued(c, i + 2)) {
        int nd2;
        long b = digits(c, i + 2, &nd2);
        if (b < 0 || nd2 != 2 || a > 24 || b > 59) return 0;
        if (is(c, i + 3, ":") && glued(c, i + 3)) return 0;  /* 3:07:35 is a race time */
        hh = (int)a; mm = (int)b; j = i + 3;
    } else if (a >= 0 && nd <= 2 && W(c, i + 1)->ampm && a >= 1 && a <= 12) {
        hh = (int)a; j = i + 1;
    } else if (a >= 0 && nd == 4 && W(c, i + 1)->tz && a % 100 < 60 && a / 100 <= 24) {
        hh = (int)(a / 100); mm = (int)(a % 100); j = i + 1;
    } else if (s[0] >= '0' && s[0] <= '9') {
        char *e;
        long h = strtol(s, &e, 10);
        if ((!strcmp(e, "AM") || !strcmp(e, "PM") || !strcmp(e, "A.M.") || !strcmp(e, "P.M.")) && h >= 1 && h <= 12) {
            hh = (int)h; ampm = e[0] == 'A' ? 1 : 2; j = i + 1;
        } else return 0;
    } else if (W(c, i)->partday >= 5 && i > c->s0 && (is(c, i - 1, "AT") || is(c, i - 1, "BY") || is(c, i - 1, "UNTIL"))) {
        hh = W(c, i)->partday == 5 ? 12 : 24; mm = 0; j = i + 1;
    } else return 0;
    if (!ampm && W(c, j)->ampm) ampm = W(c, j++)->ampm;
    if (ampm == 2 && hh < 12) hh += 12;
    if (ampm == 1 && hh == 12) hh = 0;
    int utc = 0;
    if (W(c, j)->tz) utc = W(c, j++)->tz == 2;
    if (is(c, j, "(") && W(c, j + 1)->tz) {   /* "6:40 p.m. (GMT+8)": a zone we do not convert */
        uint32_t k = j + 2;
        while (k < c->s1 && k < j + 6 && !is(c, k, ")")) k++;
        if (is(c, k, ")")) j = k + 1;
    }
    /* the day: one named right after, else the last one named */
    long day = c->ref;
    match dm;
    memset(&dm, 0, sizeof dm);
    uint32_t k = j + (is(c, j, "ON") || is(c, j, ",") ? 1 : 0), e = 0;
    if (W(c, k)->wday && !W(c, k)->weak) e = weekday(c, k, 0, &dm);
    else if (W(c, k)->deictic >= TD_TODAY && W(c, k)->deictic <= TD_TOMORROW) e = r_deictic(c, k, &dm);
    else if (W(c, k)->month) e = r_month(c, k, &dm);
    else if (mday_at(c, k) > 0 && W(c, k + 1)->month) e = r_daymonth(c, k, &dm);
    if (e && tim_value_day(dm.value)) {
        day = tim_from_ymd(tim_value_day(dm.value));
        m->tense = dm.tense;
        /* "16:15 UTC, June 1st": the date gives the day but is an expression of its own */
        if (!is(c, j, ",")) j = e;
    }
    char t[16];
    if (mm >= 0) snprintf(t, sizeof t, "T%02d:%02d%s", hh, mm, utc ? "Z" : "");
    else snprintf(t, sizeof t, "T%02d%s", hh, utc ? "Z" : "");
    put_time(m, day, t);
    m->relative = 1;
    return j;
}

/* ---- dispatch ---- */

/* The core expression at token i (after any prefix), 0 if none. */
static uint32_t core(ctx *c, uint32_t i, match *m)
{
    const tim_word *w = W(c, i);
    const char *s = N(c, i);
    uint32_t e;
    if (s[0] >= '0' && s[0] <= '9') {
        if ((e = r_numeric(c, i, m)) || (e = r_time(c, i, m)) || (e = r_daymonth(c, i, m))) return e;
        if ((e = r_count(c, i, m)) || (e = r_era(c, i, m)) || (e = r_quarter(c, i, m))) return e;
        int y, nd;
        long v = digits(c, i, &nd);
        if (nd == 2 && flag(c, i, TXT_HYPHEN) && glued(c, i) == 0 && year_at(c, i - 1) > 0 &&
            v > year_at(c, i - 1) % 100) {
            /* the second year of a range: "1957-58" */
            put(m, TG_YEAR, ymd(year_at(c, i - 1) / 100 * 100 + (int)v, 1, 1), 0);
            return i + 1;
        }
        if ((e = year_tokens(c, i, &y))) {
            if (is(c, i + 1, "FISCAL")) return 0;
            put(m, TG_YEAR, ymd(y, 1, 1), 0);
            return i + e;
        }
        return 0;
    }
    if (s[0] == '\'' && !s[1]) {
        int y;
        if ((e = r_era(c, i, m))) return e;
        if ((e = year_tokens(c, i, &y))) { put(m, TG_YEAR, ymd(y, 1, 1), 0); return i + e; }
        return 0;
    }
    if (s[0] == 'Q' && (e = r_quarter(c, i, m))) return e;
    if (w->month) return r_month(c, i, m);
    if (w->wday) return weekday(c, i, 0, m);
    if (w->deictic && (e = r_deictic(c, i, m))) return e;
    if (w->rel && (e = r_rel(c, i, m))) return e;
    if (w->season && (e = season(c, i, 0, m))) return e;
    if (w->unit == TU_WEEKEND && (e = r_weekend(c, i, m))) return e;
    if ((w->ord || w->num >= 20 || is(c, i, "FINAL") || is(c, i, "LAST")) &&
        ((e = r_quarter(c, i, m)) || (e = r_era(c, i, m)) ||
                                                              (e = r_daymonth(c, i, m))))
        return e;
    if ((e = r_count(c, i, m))) return e;
    if (w->plural && (e = r_plural(c, i, m))) return e;
    if ((w->set || is(c, i, "EVERY") || is(c, i, "EACH")) && (e = r_set(c, i, m))) return e;
    if (w->partday >= 5 && (e = r_time(c, i, m))) return e;
    return 0;
}

/* An expression starting at token i: optional "the", position modifiers
 * ("early", "mid-", "the end of", "earlier"), then the core. */
static uint32_t match_at(ctx *c, uint32_t i, match *m)
{
    memset(m, 0, sizeof *m);
    m->a = i;
    uint32_t j = i, e;
    const tim_word *w = W(c, i);
    /* "the end of", "the beginning of", "the middle of" (the value is what follows) */
    if (is(c, i, "THE") && W(c, i + 1)->mod >= TM_MID && W(c, i + 1)->mod <= TM_START && is(c, i + 2, "OF")) {
        j = i + 3;
        if (is(c, j, "THE") && W(c, j + 1)->unit >= TU_DAY && !W(c, j + 1)->plural && W(c, j + 1)->unit != TU_WEEKEND) {
            /* "the end of the year": this year */
            if (c->dct == TIM_NODAY && W(c, j + 1)->unit != TU_DAY) return 0;
            int u = W(c, j + 1)->unit, g = unit_gran(u, 0);
            if (u == TU_DAY) { if (c->ref == TIM_NODAY) return 0; put_rel(c, m, TG_DAY, c->ref, 0); return m->b = j + 2; }
            put_rel(c, m, g, c->dct, g == TG_QUARTER ? quarter_of(c->dct) : 0);
            return m->b = j + 2;
        }
        if (is(c, j, "THE")) { c->after_the = 1; j++; }
        e = core(c, j, m);
        c->after_the = 0;
        if (e && m->type == TIM_DATE) return m->b = e;
        return 0;
    }
    if (w->mod == TM_EARLY || w->mod == TM_MID || w->mod == TM_LATE || w->mod == TM_EARLIER || w->mod == TM_LATER) {
        j = i + 1;
        if (is(c, j, "IN") && is(c, j + 1, "THE")) j += 1;  /* "late in the day" */
        if (is(c, j, "THE")) { c->after_the = 1; j++; }
        if (w->mod >= TM_EARLIER && !(W(c, j)->rel || W(c, j)->deictic)) { c->after_the = 0; return 0; }
        e = c->after_the ? r_the(c, j, m) : 0;
        if (!e) e = core(c, j, m);
        c->after_the = 0;
        if (e && m->type == TIM_DATE) return m->b = e;
        if (w->mod >= TM_EARLIER) return 0;
        memset(m, 0, sizeof *m);
        m->a = i;
    }
    if (is(c, i, "THE") || is(c, i, "THAT")) {
        c->after_the = 1;
        e = r_the(c, i + 1, m);
        const tim_word *nx = W(c, i + 1);
        if (!e && is(c, i, "THE") && !nx->deictic && !nx->month && !nx->wday && year_at(c, i + 1) < 0) {
            e = core(c, i + 1, m);
            /* "the 2 p.m. meeting": "the" belongs to the meeting */
            if (e && m->type == TIM_TIME) m->a = i + 1;
        }
        c->after_the = 0;
        return m->b = e;
    }
    if (is(c, i, "THESE") && W(c, i + 1)->unit == TU_DAY && W(c, i + 1)->plural) {
        put_str(m, "PRESENT_REF");
        return m->b = i + 2;
    }
    if (is(c, i, "AT") && is(c, i + 1, "PRESENT") && !flag(c, i + 2, TXT_WORD)) {
        put_str(m, "PRESENT_REF");
        return m->b = i + 2;
    }
    return m->b = core(c, i, m);
}

/* Whether anything can start at token i: the cheap test before matching. */
static int may_start(const ctx *c, uint32_t i)
{
    const tim_word *w = c->w[i];
    const char *s = txt_norm(c->d, i);
    if (memcmp(w, &no_word, sizeof *w) && !(w->tense && !w->month && !w->unit)) return 1;
    if ((s[0] >= '0' && s[0] <= '9') || (s[0] == '\'' && !s[1])) return 1;
    if (s[0] == 'Q' && s[1] >= '1' && s[1] <= '4' && !s[2]) return 1;
    static const char *const starters[] = {"THE", "A", "AN", "THAT", "THESE", "AT", "EVERY", "EACH", "HALF", "COUPLE",
                                           "FINAL", NULL};
    return one_of(s, starters);
}

/* Decide, for the whole article, whether n/n/yyyy dates put the day or
 * the month first, from the ones that can only be read one way. */
static int numeric_order(ctx *c)
{
    int day_first = 0, month_first = 0;
    for (uint32_t i = 0; i + 4 < c->d->ntok; i++) {
        c->s0 = 0; c->s1 = c->d->ntok;
        if (!is(c, i + 1, "/") || !is(c, i + 3, "/") || !glued(c, i + 1) || !glued(c, i + 2)) continue;
        long a = digits(c, i, NULL), b = digits(c, i + 2, NULL);
        if (a > 12 && a <= 31 && b >= 1 && b <= 12) day_first++;
        if (b > 12 && b <= 31 && a >= 1 && a <= 12) month_first++;
    }
    return day_first > month_first ? 1 : month_first > day_first ? 2 : 0;
}

static void push(arena *a, tim_expr **x, uint32_t *n, uint32_t *cap, const tim_expr *e)
{
    *x = arena_grow(a, *x, *n, cap, sizeof **x);
    (*x)[(*n)++] = *e;
}

uint32_t tim_find(arena *a, const txt_doc *doc, int pub_date, tim_expr **out, uint32_t *n)
{
    ctx c;
    memset(&c, 0, sizeof c);
    c.d = doc;
    c.dct = tim_from_ymd(pub_date);
    if (c.dct != TIM_NODAY) tim_civil(c.dct, &c.y, &c.m, &c.dd);
    c.ref = c.dct;
    c.w = arena_alloc(a, (doc->ntok + 1) * sizeof *c.w);
    for (uint32_t i = 0; i < doc->ntok; i++) c.w[i] = tim_lookup(txt_norm(doc, i), doc->tok[i].norm_len);
    c.order = numeric_order(&c);
    tim_expr *x = NULL;
    uint32_t nx = 0, cap = 0;
    for (uint32_t s = 0; s < doc->nsent; s++) {
        c.s0 = doc->sent[s].tok;
        c.s1 = c.s0 + doc->sent[s].ntok;
        for (uint32_t i = c.s0; i < c.s1;) {
            match m;
            uint32_t e = may_start(&c, i) ? match_at(&c, i, &m) : 0;
            if (!e || e <= i || !m.value[0]) { i++; continue; }
            tim_expr t;
            memset(&t, 0, sizeof t);
            t.start = doc->tok[m.a].start;
            t.end = doc->tok[e - 1].end;
            t.tok = m.a;
            t.ntok = e - m.a;
            t.sentence = s;
            t.type = (uint8_t)m.type;
            t.tense = (uint8_t)m.tense;
            t.relative = (uint8_t)m.relative;
            t.date = m.date;
            memcpy(t.value, m.value, sizeof t.value);
            push(a, &x, &nx, &cap, &t);
            /* a day named becomes the day later times of day are on */
            if (m.type != TIM_DURATION && tim_value_day(m.value)) c.ref = tim_from_ymd(tim_value_day(m.value));
            i = e;
        }
    }
    *out = x;
    *n = nx;
    return nx;
}

const char *tim_type_name(int type)
{
    static const char *const names[] = {"DATE", "TIME", "DURATION", "SET"};
    return type >= 0 && type <= TIM_SET ? names[type] : "DATE";
}
