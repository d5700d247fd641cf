/* amount.c: amounts and what they count (see amount.h).
 *
 * At each token: modifiers, then a core (a number with its scale, a number
 * word, a vague quantity, a fraction), then a unit or currency, then the
 * noun phrase counted. Word lists are small closed tables below. */
#include "amount/amount.h"
#include "entity/entity.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include "util/wordset.h"

typedef struct amt_word {
    const char *w;       /* normalised form */
    double v;            /* its value */
} amt_word;

static const amt_word number_words[] = {
    {"ONE", 1}, {"TWO", 2}, {"THREE", 3}, {"FOUR", 4}, {"FIVE", 5}, {"SIX", 6}, {"SEVEN", 7}, {"EIGHT", 8},
    {"NINE", 9}, {"TEN", 10}, {"ELEVEN", 11}, {"TWELVE", 12}, {"THIRTEEN", 13}, {"FOURTEEN", 14},
    {"FIFTEEN", 15}, {"SIXTEEN", 16}, {"SEVENTEEN", 17}, {"EIGHTEEN", 18}, {"NINETEEN", 19}, {"TWENTY", 20},
    {"THIRTY", 30}, {"FORTY", 40}, {"FIFTY", 50}, {"SIXTY", 60}, {"SEVENTY", 70}, {"EIGHTY", 80},
    {"NINETY", 90}, {"DOZEN", 12}, {NULL, 0}};
static const amt_word scales[] = {
    {"HUNDRED", 1e2}, {"THOUSAND", 1e3}, {"MILLION", 1e6}, {"BILLION", 1e9}, {"TRILLION", 1e12},
    {"BN", 1e9}, {"MN", 1e6}, {"M", 1e6}, {"K", 1e3}, {"TN", 1e12}, {"MLN", 1e6}, {"BLN", 1e9}, {NULL, 0}};
/* Vague quantities: their order of magnitude. */
static const amt_word vague[] = {
    {"DOZENS", 12}, {"SCORES", 20}, {"HUNDREDS", 1e2}, {"THOUSANDS", 1e3}, {"MILLIONS", 1e6},
    {"BILLIONS", 1e9}, {"TENS", 10}, {NULL, 0}};
static const amt_word fractions[] = {
    {"HALF", 2}, {"THIRD", 3}, {"THIRDS", 3}, {"QUARTER", 4}, {"QUARTERS", 4}, {"FIFTH", 5}, {"FIFTHS", 5},
    {"SIXTH", 6}, {"SIXTHS", 6}, {"SEVENTH", 7}, {"EIGHTH", 8}, {"NINTH", 9}, {"TENTH", 10}, {"TENTHS", 10},
    {NULL, 0}};

typedef struct amt_unit {
    const char *w;       /* normalised form */
    const char *unit;    /* normalised unit */
    int kind;            /* DYAD_AMT_MEASURE or DYAD_AMT_MONEY */
} amt_unit;

static const amt_unit units[] = {
    {"KM", "km", DYAD_AMT_MEASURE}, {"KILOMETRE", "km", DYAD_AMT_MEASURE}, {"KILOMETRES", "km", DYAD_AMT_MEASURE},
    {"KILOMETER", "km", DYAD_AMT_MEASURE}, {"KILOMETERS", "km", DYAD_AMT_MEASURE},
    {"MILE", "mile", DYAD_AMT_MEASURE}, {"MILES", "mile", DYAD_AMT_MEASURE},
    {"METRE", "m", DYAD_AMT_MEASURE}, {"METRES", "m", DYAD_AMT_MEASURE}, {"METER", "m", DYAD_AMT_MEASURE},
    {"METERS", "m", DYAD_AMT_MEASURE}, {"CM", "cm", DYAD_AMT_MEASURE}, {"MM", "mm", DYAD_AMT_MEASURE},
    {"KG", "kg", DYAD_AMT_MEASURE}, {"KILOGRAM", "kg", DYAD_AMT_MEASURE}, {"KILOGRAMS", "kg", DYAD_AMT_MEASURE},
    {"KILOGRAMMES", "kg", DYAD_AMT_MEASURE}, {"TONNE", "t", DYAD_AMT_MEASURE}, {"TONNES", "t", DYAD_AMT_MEASURE},
    {"TON", "t", DYAD_AMT_MEASURE}, {"TONS", "t", DYAD_AMT_MEASURE}, {"HECTARE", "ha", DYAD_AMT_MEASURE},
    {"HECTARES", "ha", DYAD_AMT_MEASURE}, {"ACRE", "acre", DYAD_AMT_MEASURE}, {"ACRES", "acre", DYAD_AMT_MEASURE},
    {"LITRE", "l", DYAD_AMT_MEASURE}, {"LITRES", "l", DYAD_AMT_MEASURE}, {"LITER", "l", DYAD_AMT_MEASURE},
    {"LITERS", "l", DYAD_AMT_MEASURE}, {"BARREL", "barrel", DYAD_AMT_MEASURE},
    {"BARRELS", "barrel", DYAD_AMT_MEASURE}, {"DEGREE", "degree", DYAD_AMT_MEASURE},
    {"DEGREES", "degree", DYAD_AMT_MEASURE}, {"MEGAWATT", "MW", DYAD_AMT_MEASURE},
    {"MEGAWATTS", "MW", DYAD_AMT_MEASURE}, {"MW", "MW", DYAD_AMT_MEASURE}, {"GIGAWATT", "GW", DYAD_AMT_MEASURE},
    {"GIGAWATTS", "GW", DYAD_AMT_MEASURE}, {"SECOND", "s", DYAD_AMT_MEASURE}, {"SECONDS", "s", DYAD_AMT_MEASURE},
    {"MINUTE", "min", DYAD_AMT_MEASURE}, {"MINUTES", "min", DYAD_AMT_MEASURE}, {"HOUR", "hour", DYAD_AMT_MEASURE},
    {"HOURS", "hour", DYAD_AMT_MEASURE}, {"DAY", "day", DYAD_AMT_MEASURE}, {"DAYS", "day", DYAD_AMT_MEASURE},
    {"WEEK", "week", DYAD_AMT_MEASURE}, {"WEEKS", "week", DYAD_AMT_MEASURE}, {"MONTH", "month", DYAD_AMT_MEASURE},
    {"MONTHS", "month", DYAD_AMT_MEASURE}, {"YEAR", "year", DYAD_AMT_MEASURE}, {"YEARS", "year", DYAD_AMT_MEASURE},
    {"DOLLAR", "USD", DYAD_AMT_MONEY}, {"DOLLARS", "USD", DYAD_AMT_MONEY}, {"USD", "USD", DYAD_AMT_MONEY},
    {"EURO", "EUR", DYAD_AMT_MONEY}, {"EUROS", "EUR", DYAD_AMT_MONEY}, {"EUR", "EUR", DYAD_AMT_MONEY},
    {"POUND", "GBP", DYAD_AMT_MONEY}, {"POUNDS", "GBP", DYAD_AMT_MONEY}, {"GBP", "GBP", DYAD_AMT_MONEY},
    {"ROUBLE", "RUB", DYAD_AMT_MONEY}, {"ROUBLES", "RUB", DYAD_AMT_MONEY}, {"RUBLE", "RUB", DYAD_AMT_MONEY},
    {"RUBLES", "RUB", DYAD_AMT_MONEY}, {"RUB", "RUB", DYAD_AMT_MONEY}, {"HRYVNIA", "UAH", DYAD_AMT_MONEY},
    {"HRYVNIAS", "UAH", DYAD_AMT_MONEY}, {"HRYVNIAS", "UAH", DYAD_AMT_MONEY}, {"YUAN", "CNY", DYAD_AMT_MONEY},
    {"YEN", "JPY", DYAD_AMT_MONEY}, {"RUPEES", "INR", DYAD_AMT_MONEY}, {"FRANCS", "CHF", DYAD_AMT_MONEY},
    {NULL, NULL, 0}};

/* Currency signs before the number. */
static const amt_unit signs[] = {
    {"$", "USD", DYAD_AMT_MONEY}, {"US$", "USD", DYAD_AMT_MONEY}, {"\xe2\x82\xac", "EUR", DYAD_AMT_MONEY},
    {"EUR", "EUR", DYAD_AMT_MONEY}, {"\xc2\xa3", "GBP", DYAD_AMT_MONEY}, {"\xc2\xa5", "JPY", DYAD_AMT_MONEY},
    {NULL, NULL, 0}};

static const char *const months[] = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
                                     "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "JAN.", "FEB.", "MAR.",
                                     "APR.", "JUN.", "JUL.", "AUG.", "SEP.", "SEPT.", "OCT.", "NOV.", "DEC.",
                                     NULL};

typedef struct actx {
    const lexicon *lx;
    const txt_doc *d;
    arena *a;
    uint32_t t, end;     /* current token, end of the sentence */
} actx;

static const char *nm(const actx *c, uint32_t t) { return txt_norm(c->d, t); }
static unsigned fl(const actx *c, uint32_t t) { return t < c->end ? c->d->tok[t].flags : 0; }
static int is(const actx *c, uint32_t t, const char *w) { return t < c->end && !strcmp(nm(c, t), w); }
static int in_list(const actx *c, uint32_t t, const char *const *l)
{
    if (t >= c->end) return 0;
    for (; *l; l++) if (!strcmp(nm(c, t), *l)) return 1;
    return 0;
}
static const amt_word *word_in(const actx *c, uint32_t t, const amt_word *l)
{
    if (t >= c->end) return NULL;
    for (; l->w; l++) if (!strcmp(nm(c, t), l->w)) return l;
    return NULL;
}
static const amt_unit *unit_in(const actx *c, uint32_t t, const amt_unit *l)
{
    if (t >= c->end) return NULL;
    for (; l->w; l++) if (!strcmp(nm(c, t), l->w)) return l;
    return NULL;
}

/* Modifiers before an amount; returns the tokens they take (0: none). */
static uint32_t modifier(const actx *c, uint32_t t)
{
    static const char *const one[] = {"NEARLY", "ALMOST", "ABOUT", "AROUND", "APPROXIMATELY", "ROUGHLY",
                                      "SOME", "OVER", "UNDER", "ESTIMATED", NULL};
    static const char *const two[][2] = {{"MORE", "THAN"}, {"LESS", "THAN"}, {"FEWER", "THAN"}, {"AT", "LEAST"},
                                         {"UP", "TO"}, {"CLOSE", "TO"}, {"JUST", "OVER"}, {"JUST", "UNDER"},
                                         {"AN", "ESTIMATED"}, {"AS", "MANY"}, {"AS", "MUCH"}};
    for (size_t k = 0; k < sizeof two / sizeof *two; k++)
        if (is(c, t, two[k][0]) && is(c, t + 1, two[k][1])) return is(c, t + 2, "AS") ? 3 : 2;
    return in_list(c, t, one) ? 1 : 0;
}

/* Digits at the start of token t ("1,000", "3.5", "2.5BN"); *rest gets the
 * letters after them. Returns 0 when t does not start with a digit. */
static int digits(const actx *c, uint32_t t, double *v, const char **rest)
{
    const char *s = nm(c, t);
    if (!(s[0] >= '0' && s[0] <= '9')) return 0;
    char tmp[64];
    size_t n = 0;
    const char *p = s;
    for (; *p && n + 1 < sizeof tmp; p++) {
        if (*p >= '0' && *p <= '9') tmp[n++] = *p;
        else if (*p == '.' && p[1] >= '0' && p[1] <= '9') tmp[n++] = '.';
        else if (*p == ',' && p[1] >= '0' && p[1] <= '9') continue;
        else break;
    }
    tmp[n] = 0;
    *v = strtod(tmp, NULL);
    *rest = p;
    return 1;
}

static int is_date_number(const actx *c, uint32_t t, double v, uint32_t s0)
{
    /* "August 6", "6 August", "2022", "10:30" */
    if (t > s0 && in_list(c, t - 1, months)) return 1;
    if (in_list(c, t + 1, months)) return 1;
    if (t + 1 < c->end && (fl(c, t + 1) & TXT_PUNCT) && nm(c, t + 1)[0] == ':') return 1;
    const char *s = nm(c, t);
    if (strlen(s) == 4 && v >= 1800 && v <= 2100) return 1;
    /* "5th", "1990s" */
    const char *r = s;
    while (*r >= '0' && *r <= '9') r++;
    return !strcmp(r, "TH") || !strcmp(r, "ST") || !strcmp(r, "ND") || !strcmp(r, "RD") || !strcmp(r, "S");
}

/* Is word w a verb of the lexicon and no noun, agent or actor? */
typedef struct vctx { const lexicon *lx; const char *w; size_t n; int verb, noun; } vctx;
static void visit(void *ctx, uint32_t ph)
{
    vctx *v = ctx;
    const lex_phrase *p = &v->lx->phrases[ph];
    if (p->n != 1 || !lex_word_matches(v->lx, &v->lx->elems[p->first], v->w, v->n)) return;
    if (p->cls == LEX_VERBROOT) v->verb = 1;
    else if (p->cls == LEX_AGENT || p->cls == LEX_NOUN || p->cls == LEX_ACTOR) v->noun = 1;
}
static int verb_only(const actx *c, uint32_t t)
{
    if (!c->lx) return 0;
    vctx v = {c->lx, nm(c, t), c->d->tok[t].norm_len, 0, 0};
    lex_candidates(c->lx, v.w, v.n, visit, &v);
    return v.verb && !v.noun;
}

/* The noun phrase counted, from t: determiners skipped, up to three words,
 * cut before a verb, a function word or punctuation. */
static uint32_t what_np(const actx *c, uint32_t t, uint32_t *w0)
{
    static const char *const det[] = {"THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OUR", "THIS", "THESE",
                                      "THOSE", "ALL", "ITS", "YOUR", "MY", NULL};
    while (t < c->end && (fl(c, t) & TXT_POSS)) t++;
    while (in_list(c, t, det)) t++;
    *w0 = t;
    uint32_t e = t;
    while (e < c->end && e - t < 3) {
        unsigned f = fl(c, e);
        if (!(f & TXT_WORD) || (f & TXT_POSS)) break;
        if (ent_word_flags(nm(c, e)) & EW_STOP) break;
        /* a verb ends the phrase: one of the lexicon's, or a past tense */
        size_t l = c->d->tok[e].norm_len;
        if (e > t && (verb_only(c, e) || (l >= 4 && !strcmp(nm(c, e) + l - 2, "ED") && strcmp(nm(c, e) + l - 3, "EED")))) break;
        e++;
        /* a possessive ends the phrase */
        if (e < c->end && (fl(c, e) & TXT_POSS)) break;
    }
    return e;
}

typedef struct amt {
    int kind;
    double value;
    int approx;
    const char *unit;
    uint32_t end;        /* token after the core (and unit) */
    int hyphen_unit;     /* "two-hour": the unit is joined by a hyphen; the noun after is counted */
} amt;

/* The core of an amount at t: fills a and returns 1, or 0. */
static int core(const actx *c, uint32_t t, uint32_t s0, amt *a)
{
    memset(a, 0, sizeof *a);
    a->kind = DYAD_AMT_COUNT;
    a->unit = "";
    if (t >= c->end) return 0;  /* a modifier ending the sentence ("... or some.") */
    const amt_unit *sign = unit_in(c, t, signs);
    if (sign && t + 1 < c->end && (fl(c, t + 1) & TXT_NUMBER)) { a->kind = DYAD_AMT_MONEY; a->unit = sign->unit; t++; }
    const amt_word *w;
    double v;
    const char *rest;
    /* fractions: "a fifth", "two-thirds", "half of" */
    uint32_t ft = t;
    double num = 1;
    if (is(c, t, "A") || is(c, t, "AN") || is(c, t, "ONE")) ft = t + 1;
    else if ((w = word_in(c, t, number_words)) && w->v < 10) { ft = t + 1; num = w->v; }
    if ((w = word_in(c, ft, fractions)) && (ft > t || is(c, ft + 1, "OF") || !strcmp(w->w, "HALF"))) {
        if (ft == t && strcmp(w->w, "HALF")) return 0;
        a->kind = DYAD_AMT_FRACTION;
        a->value = num / w->v;
        a->end = ft + 1;
        return 1;
    }
    /* vague: "hundreds of thousands", "dozens" */
    if ((w = word_in(c, t, vague))) {
        a->value = w->v;
        a->approx = 1;
        a->end = t + 1;
        const amt_word *w2;
        if (is(c, t + 1, "OF") && (w2 = word_in(c, t + 2, vague)) && w2->v >= 1e3) {
            a->value *= w2->v;
            a->end = t + 3;
        }
        if (!strcmp(w->w, "TENS") && a->end == t + 1) return 0;
        return 1;
    }
    if (digits(c, t, &v, &rest)) {
        if (is_date_number(c, t, v, s0) && a->kind != DYAD_AMT_MONEY) return 0;
        a->value = v;
        a->end = t + 1;
        const amt_word *sc = NULL;
        for (const amt_word *p = scales; p->w; p++) if (!strcmp(rest, p->w)) sc = p;
        if (rest[0] && !sc) return 0;  /* "5th", "3D" */
        if (sc) a->value *= sc->v;
    } else if ((w = word_in(c, t, number_words))) {
        a->value = w->v;
        a->end = t + 1;
        /* "twenty-five" */
        const amt_word *w2;
        if (w->v >= 20 && (fl(c, t + 1) & TXT_HYPHEN) && (w2 = word_in(c, t + 1, number_words)) && w2->v < 10) {
            a->value += w2->v;
            a->end = t + 2;
        }
    } else if ((is(c, t, "A") || is(c, t, "AN")) && (w = word_in(c, t + 1, scales)) && w->v < 1e4) {
        /* "a hundred", "a thousand" */
        a->value = w->v;
        a->end = t + 2;
    } else if ((is(c, t, "A") || is(c, t, "AN")) && is(c, t + 1, "DOZEN")) {
        a->value = 12;
        a->end = t + 2;
    } else {
        return 0;
    }
    /* scale words: "5 million", "two hundred thousand" */
    while ((w = word_in(c, a->end, scales)) && !(fl(c, a->end) & TXT_HYPHEN) && w->v >= 1e2) {
        a->value *= w->v;
        a->end++;
    }
    /* percent, units, currencies */
    if (a->end < c->end && nm(c, a->end)[0] == '%') { a->kind = DYAD_AMT_PERCENT; a->unit = "%"; a->end++; }
    else if (is(c, a->end, "PERCENT") || (is(c, a->end, "PER") && is(c, a->end + 1, "CENT"))) {
        a->kind = DYAD_AMT_PERCENT;
        a->unit = "%";
        a->end += is(c, a->end, "PER") ? 2 : 1;
    } else {
        const amt_unit *u = unit_in(c, a->end, units);
        if (u && a->kind != DYAD_AMT_MONEY) {
            a->kind = u->kind;
            a->unit = u->unit;
            a->hyphen_unit = (fl(c, a->end) & TXT_HYPHEN) != 0;
            a->end++;
        }
    }
    return 1;
}

/* Words an amount may start with: the modifiers and the first words of the
 * tables above, kept in a hash set -- most tokens are none of
 * them, and one search says so. tests/test_amount.c checks the order. */
const char *const amt_starters[] = {
    "A", "ABOUT", "ALMOST", "AN", "APPROXIMATELY", "AROUND", "AS", "AT", "BILLIONS", "CLOSE", "DOZEN", "DOZENS", "EIGHT",
    "EIGHTEEN", "EIGHTY", "ELEVEN", "ESTIMATED", "EUR", "FEWER", "FIFTEEN", "FIFTY", "FIVE", "FORTY", "FOUR",
    "FOURTEEN", "HALF", "HUNDREDS", "JUST", "LESS", "MILLIONS", "MORE", "NEARLY", "NINE", "NINETEEN", "NINETY",
    "ONE", "OVER", "ROUGHLY", "SCORES", "SEVEN", "SEVENTEEN", "SEVENTY", "SIX", "SIXTEEN", "SIXTY", "SOME",
    "TEN", "TENS", "THIRTEEN", "THIRTY", "THOUSANDS", "THREE", "TWELVE", "TWENTY", "TWO", "UNDER", "UP", "US$"};
const size_t amt_nstarters = sizeof amt_starters / sizeof *amt_starters;

/* The starters as a hash set: this test runs on every token of every article. */
static wordset starter_set;
static pthread_once_t starter_once = PTHREAD_ONCE_INIT;
static void build_starters(void) { ws_build(&starter_set, amt_starters, amt_nstarters); }

/* Can an amount start at t? A digit, a currency sign, or a starter word. */
static int may_start(const actx *c, uint32_t t)
{
    const char *w = nm(c, t);
    if ((unsigned char)w[0] < 'A') return (w[0] >= '0' && w[0] <= '9') || w[0] == '$';
    if (w[0] > 'Z') return unit_in(c, t, signs) != NULL;  /* the euro, pound and yen signs */
    pthread_once(&starter_once, build_starters);
    return ws_has(&starter_set, w);
}

static void emit(actx *c, dyad_amount **v, uint32_t *n, uint32_t *cap, const dyad_amount *x)
{
    *v = arena_grow(c->a, *v, *n, cap, sizeof **v);
    (*v)[(*n)++] = *x;
}

void amt_article(const lexicon *lx, const txt_doc *doc, arena *a, dyad_result *out)
{
    actx c = {lx, doc, a, 0, 0};
    dyad_amount *v = NULL;
    uint32_t n = 0, cap = 0;
    for (uint32_t s = 0; s < doc->nsent; s++) {
        uint32_t s0 = doc->sent[s].tok;
        c.end = s0 + doc->sent[s].ntok;
        for (uint32_t t = s0; t < c.end; t++) {
            if (!may_start(&c, t)) continue;
            uint32_t m = modifier(&c, t);
            amt x;
            if (!core(&c, t + m, s0, &x)) continue;
            /* "one" alone is a pronoun more often than a number */
            uint32_t e = x.end;
            uint32_t w0 = e, w1 = e;
            if (x.kind == DYAD_AMT_COUNT || x.kind == DYAD_AMT_FRACTION || x.kind == DYAD_AMT_MONEY ||
                x.hyphen_unit) {
                uint32_t q = e;
                if (is(&c, q, "OF")) q++;
                else if (x.kind == DYAD_AMT_FRACTION) q = e;  /* "a fifth" with nothing after */
                w1 = what_np(&c, q, &w0);
                if (w1 == w0) w0 = w1 = e;
            } else if (x.kind == DYAD_AMT_MEASURE && is(&c, e, "OF")) {
                w1 = what_np(&c, e + 1, &w0);
                if (w1 == w0) w0 = w1 = e;
            }
            int single = !m && x.end == t + 1 && !(doc->tok[t].flags & TXT_NUMBER) && x.kind == DYAD_AMT_COUNT;
            if (single && w1 == w0) continue;
            if (is(&c, t + m, "ONE") && x.end == t + m + 1 && (is(&c, e, "OF") || w1 == w0)) continue;
            dyad_amount r;
            memset(&r, 0, sizeof r);
            r.kind = x.kind;
            r.value = x.value;
            r.approx = x.approx || m > 0;
            r.unit = x.unit;
            r.sentence = s;
            uint32_t last = w1 > w0 ? w1 : e;
            r.span = (dyad_span){doc->tok[t].start, doc->tok[last - 1].end};
            if (w1 > w0) {
                r.what_span = (dyad_span){doc->tok[w0].start, doc->tok[w1 - 1].end};
                r.what = arena_strndup(a, doc->text + r.what_span.start, r.what_span.end - r.what_span.start);
            } else {
                r.what = "";
            }
            emit(&c, &v, &n, &cap, &r);
            t = last - 1;
        }
    }
    out->amounts = v;
    out->namounts = n;
}
