/* words.c: the word table that classifies normalised tokens for the matcher.
 *
 * One row per (word, what it can be); a word may have several rows
 * ("SECOND" is a unit and an ordinal). The rows are merged into a small
 * open-addressing hash table once per process (pthread_once: workers share
 * it read-only), so classifying a token is one hash and one compare. */
#include "time/time_impl.h"
#include <pthread.h>
#include <string.h>

enum { F_MONTH, F_WDAY, F_UNIT, F_UNITS, F_NUM, F_VAGUE, F_ORD, F_SEASON, F_PART, F_REL, F_MOD,
       F_DEIC, F_TZ, F_AMPM, F_SET, F_WEAK, F_TENSE };

typedef struct row {
    const char *w;   /* normalised word (upper-case, as txt_norm) */
    uint8_t field;   /* F_* */
    uint8_t val;     /* the value for that field */
} row;

static const row rows[] = {
    /* months; abbreviations and words that are also common verbs or
     * names are weak: they are months only next to a day or year */
    {"JANUARY", F_MONTH, 1}, {"JAN.", F_MONTH, 1}, {"JAN", F_MONTH, 1}, {"JAN", F_WEAK, 1},
    {"FEBRUARY", F_MONTH, 2}, {"FEB.", F_MONTH, 2}, {"FEB", F_MONTH, 2}, {"FEB", F_WEAK, 1},
    {"MARCH", F_MONTH, 3}, {"MARCH", F_WEAK, 1}, {"MAR.", F_MONTH, 3},
    {"APRIL", F_MONTH, 4}, {"APR.", F_MONTH, 4}, {"APR", F_MONTH, 4}, {"APR", F_WEAK, 1},
    {"MAY", F_MONTH, 5}, {"MAY", F_WEAK, 1},
    {"JUNE", F_MONTH, 6}, {"JUN.", F_MONTH, 6}, {"JUN", F_MONTH, 6}, {"JUN", F_WEAK, 1},
    {"JULY", F_MONTH, 7}, {"JUL.", F_MONTH, 7}, {"JUL", F_MONTH, 7}, {"JUL", F_WEAK, 1},
    {"AUGUST", F_MONTH, 8}, {"AUG.", F_MONTH, 8}, {"AUG", F_MONTH, 8}, {"AUG", F_WEAK, 1},
    {"SEPTEMBER", F_MONTH, 9}, {"SEPT.", F_MONTH, 9}, {"SEPT", F_MONTH, 9}, {"SEPT", F_WEAK, 1},
    {"SEP.", F_MONTH, 9}, {"SEP", F_MONTH, 9}, {"SEP", F_WEAK, 1},
    {"OCTOBER", F_MONTH, 10}, {"OCT.", F_MONTH, 10}, {"OCT", F_MONTH, 10}, {"OCT", F_WEAK, 1},
    {"NOVEMBER", F_MONTH, 11}, {"NOV.", F_MONTH, 11}, {"NOV", F_MONTH, 11}, {"NOV", F_WEAK, 1},
    {"DECEMBER", F_MONTH, 12}, {"DEC.", F_MONTH, 12}, {"DEC", F_MONTH, 12}, {"DEC", F_WEAK, 1},
    /* weekdays */
    {"MONDAY", F_WDAY, 1}, {"MON.", F_WDAY, 1}, {"MON.", F_WEAK, 1},
    {"TUESDAY", F_WDAY, 2}, {"TUE.", F_WDAY, 2}, {"TUES.", F_WDAY, 2}, {"TUE.", F_WEAK, 1}, {"TUES.", F_WEAK, 1},
    {"WEDNESDAY", F_WDAY, 3}, {"WED.", F_WDAY, 3}, {"WED.", F_WEAK, 1},
    {"THURSDAY", F_WDAY, 4}, {"THU.", F_WDAY, 4}, {"THUR.", F_WDAY, 4}, {"THURS.", F_WDAY, 4},
    {"THU.", F_WEAK, 1}, {"THUR.", F_WEAK, 1}, {"THURS.", F_WEAK, 1},
    {"FRIDAY", F_WDAY, 5}, {"FRI.", F_WDAY, 5}, {"FRI.", F_WEAK, 1},
    {"SATURDAY", F_WDAY, 6}, {"SAT.", F_WDAY, 6}, {"SAT.", F_WEAK, 1},
    {"SUNDAY", F_WDAY, 7}, {"SUN.", F_WDAY, 7}, {"SUN.", F_WEAK, 1},
    /* units */
    {"SECOND", F_UNIT, TU_SECOND}, {"SECONDS", F_UNITS, TU_SECOND}, {"SECOND", F_WEAK, 1},
    {"MINUTE", F_UNIT, TU_MINUTE}, {"MINUTES", F_UNITS, TU_MINUTE}, {"MIN", F_UNIT, TU_MINUTE},
    {"MINS", F_UNITS, TU_MINUTE},
    {"HOUR", F_UNIT, TU_HOUR}, {"HOURS", F_UNITS, TU_HOUR}, {"HR", F_UNIT, TU_HOUR}, {"HRS", F_UNITS, TU_HOUR},
    {"DAY", F_UNIT, TU_DAY}, {"DAYS", F_UNITS, TU_DAY},
    {"WEEK", F_UNIT, TU_WEEK}, {"WEEKS", F_UNITS, TU_WEEK},
    {"FORTNIGHT", F_UNIT, TU_FORTNIGHT}, {"FORTNIGHTS", F_UNITS, TU_FORTNIGHT},
    {"MONTH", F_UNIT, TU_MONTH}, {"MONTHS", F_UNITS, TU_MONTH},
    {"QUARTER", F_UNIT, TU_QUARTER}, {"QUARTERS", F_UNITS, TU_QUARTER},
    {"YEAR", F_UNIT, TU_YEAR}, {"YEARS", F_UNITS, TU_YEAR},
    {"DECADE", F_UNIT, TU_DECADE}, {"DECADES", F_UNITS, TU_DECADE},
    {"CENTURY", F_UNIT, TU_CENTURY}, {"CENTURIES", F_UNITS, TU_CENTURY},
    {"WEEKEND", F_UNIT, TU_WEEKEND}, {"WEEKENDS", F_UNITS, TU_WEEKEND},
    /* number words */
    {"ONE", F_NUM, 1}, {"TWO", F_NUM, 2}, {"THREE", F_NUM, 3}, {"FOUR", F_NUM, 4}, {"FIVE", F_NUM, 5},
    {"SIX", F_NUM, 6}, {"SEVEN", F_NUM, 7}, {"EIGHT", F_NUM, 8}, {"NINE", F_NUM, 9}, {"TEN", F_NUM, 10},
    {"ELEVEN", F_NUM, 11}, {"TWELVE", F_NUM, 12}, {"THIRTEEN", F_NUM, 13}, {"FOURTEEN", F_NUM, 14},
    {"FIFTEEN", F_NUM, 15}, {"SIXTEEN", F_NUM, 16}, {"SEVENTEEN", F_NUM, 17}, {"EIGHTEEN", F_NUM, 18},
    {"NINETEEN", F_NUM, 19}, {"TWENTY", F_NUM, 20}, {"THIRTY", F_NUM, 30}, {"FORTY", F_NUM, 40},
    {"FIFTY", F_NUM, 50}, {"SIXTY", F_NUM, 60}, {"SEVENTY", F_NUM, 70}, {"EIGHTY", F_NUM, 80},
    {"NINETY", F_NUM, 90}, {"DOZEN", F_NUM, 12},
    {"SEVERAL", F_VAGUE, 1}, {"FEW", F_VAGUE, 1}, {"MANY", F_VAGUE, 1}, {"SOME", F_VAGUE, 1},
    {"MULTIPLE", F_VAGUE, 1}, {"NUMEROUS", F_VAGUE, 1}, {"COUNTLESS", F_VAGUE, 1},
    /* ordinals */
    {"FIRST", F_ORD, 1}, {"SECOND", F_ORD, 2}, {"THIRD", F_ORD, 3}, {"FOURTH", F_ORD, 4}, {"FIFTH", F_ORD, 5},
    {"SIXTH", F_ORD, 6}, {"SEVENTH", F_ORD, 7}, {"EIGHTH", F_ORD, 8}, {"NINTH", F_ORD, 9}, {"TENTH", F_ORD, 10},
    {"ELEVENTH", F_ORD, 11}, {"TWELFTH", F_ORD, 12}, {"THIRTEENTH", F_ORD, 13}, {"FOURTEENTH", F_ORD, 14},
    {"FIFTEENTH", F_ORD, 15}, {"SIXTEENTH", F_ORD, 16}, {"SEVENTEENTH", F_ORD, 17},
    {"EIGHTEENTH", F_ORD, 18}, {"NINETEENTH", F_ORD, 19}, {"TWENTIETH", F_ORD, 20},
    {"THIRTIETH", F_ORD, 30},
    /* seasons ("fall" is mostly a verb) */
    {"SPRING", F_SEASON, 1}, {"SUMMER", F_SEASON, 2}, {"AUTUMN", F_SEASON, 3}, {"FALL", F_SEASON, 3},
    {"FALL", F_WEAK, 1}, {"WINTER", F_SEASON, 4}, {"SPRING", F_WEAK, 1},
    /* parts of the day */
    {"MORNING", F_PART, 1}, {"AFTERNOON", F_PART, 2}, {"EVENING", F_PART, 3}, {"NIGHT", F_PART, 4},
    {"OVERNIGHT", F_PART, 4}, {"NOON", F_PART, 5}, {"MIDDAY", F_PART, 5}, {"MIDNIGHT", F_PART, 6},
    /* relative words */
    {"LAST", F_REL, TR_LAST}, {"NEXT", F_REL, TR_NEXT}, {"THIS", F_REL, TR_THIS}, {"PAST", F_REL, TR_PAST},
    {"COMING", F_REL, TR_COMING}, {"UPCOMING", F_REL, TR_COMING}, {"PREVIOUS", F_REL, TR_PREVIOUS},
    {"PRIOR", F_REL, TR_PREVIOUS}, {"PRECEDING", F_REL, TR_PREVIOUS}, {"FOLLOWING", F_REL, TR_FOLLOWING},
    {"CURRENT", F_REL, TR_CURRENT}, {"RECENT", F_REL, TR_RECENT}, {"SAME", F_REL, TR_SAME},
    /* position modifiers */
    {"EARLY", F_MOD, TM_EARLY}, {"MID", F_MOD, TM_MID}, {"LATE", F_MOD, TM_LATE},
    {"END", F_MOD, TM_END}, {"BEGINNING", F_MOD, TM_START}, {"START", F_MOD, TM_START},
    {"MIDDLE", F_MOD, TM_MID}, {"CLOSE", F_MOD, TM_END}, {"EARLIER", F_MOD, TM_EARLIER},
    {"LATER", F_MOD, TM_LATER},
    /* deictic and reference words */
    {"TODAY", F_DEIC, TD_TODAY}, {"YESTERDAY", F_DEIC, TD_YESTERDAY}, {"TOMORROW", F_DEIC, TD_TOMORROW},
    {"TONIGHT", F_DEIC, TD_TONIGHT}, {"NOW", F_DEIC, TD_NOW}, {"CURRENTLY", F_DEIC, TD_CURRENTLY},
    {"PRESENTLY", F_DEIC, TD_CURRENTLY}, {"RECENTLY", F_DEIC, TD_RECENTLY}, {"LATELY", F_DEIC, TD_RECENTLY},
    {"NOWADAYS", F_DEIC, TD_NOWADAYS}, {"SOON", F_DEIC, TD_SOON}, {"FUTURE", F_DEIC, TD_FUTURE},
    {"PRESENT", F_DEIC, TD_PRESENT},
    /* time zones; the ones that mean UTC make a Z */
    {"GMT", F_TZ, 2}, {"UTC", F_TZ, 2}, {"Z", F_TZ, 2}, {"ET", F_TZ, 1}, {"EST", F_TZ, 1}, {"EDT", F_TZ, 1},
    {"CT", F_TZ, 1}, {"CST", F_TZ, 1}, {"CDT", F_TZ, 1}, {"PT", F_TZ, 1}, {"PST", F_TZ, 1}, {"PDT", F_TZ, 1},
    {"MT", F_TZ, 1}, {"MST", F_TZ, 1}, {"MDT", F_TZ, 1}, {"BST", F_TZ, 1}, {"CET", F_TZ, 1}, {"CEST", F_TZ, 1},
    {"EET", F_TZ, 1}, {"MSK", F_TZ, 1}, {"IST", F_TZ, 1}, {"JST", F_TZ, 1}, {"AEST", F_TZ, 1},
    {"HKT", F_TZ, 1}, {"SGT", F_TZ, 1}, {"WIB", F_TZ, 1}, {"LOCAL", F_TZ, 1},
    {"AM", F_AMPM, 1}, {"A.M.", F_AMPM, 1}, {"A.M", F_AMPM, 1}, {"PM", F_AMPM, 2}, {"P.M.", F_AMPM, 2},
    {"P.M", F_AMPM, 2},
    /* sets */
    {"DAILY", F_SET, TU_DAY}, {"NIGHTLY", F_SET, TU_DAY}, {"WEEKLY", F_SET, TU_WEEK},
    {"MONTHLY", F_SET, TU_MONTH}, {"QUARTERLY", F_SET, TU_QUARTER}, {"ANNUAL", F_SET, TU_YEAR},
    {"ANNUALLY", F_SET, TU_YEAR}, {"YEARLY", F_SET, TU_YEAR}, {"HOURLY", F_SET, TU_HOUR},
    /* tense cues that are words on their own (-ed verbs are found by shape) */
    {"WILL", F_TENSE, TIM_TENSE_FUTURE}, {"WON'T", F_TENSE, TIM_TENSE_FUTURE},
    {"SHALL", F_TENSE, TIM_TENSE_FUTURE}, {"SCHEDULED", F_TENSE, TIM_TENSE_FUTURE},
    {"UPCOMING", F_TENSE, TIM_TENSE_FUTURE}, {"PLANS", F_TENSE, TIM_TENSE_FUTURE},
    {"PLANNED", F_TENSE, TIM_TENSE_FUTURE}, {"PLANNING", F_TENSE, TIM_TENSE_FUTURE},
    {"EXPECTED", F_TENSE, TIM_TENSE_FUTURE}, {"DUE", F_TENSE, TIM_TENSE_FUTURE},
    {"INTENDS", F_TENSE, TIM_TENSE_FUTURE},
    {"WAS", F_TENSE, TIM_TENSE_PAST}, {"WERE", F_TENSE, TIM_TENSE_PAST}, {"HAD", F_TENSE, TIM_TENSE_PAST},
    {"DID", F_TENSE, TIM_TENSE_PAST}, {"WASN'T", F_TENSE, TIM_TENSE_PAST}, {"WEREN'T", F_TENSE, TIM_TENSE_PAST},
    {"HADN'T", F_TENSE, TIM_TENSE_PAST}, {"DIDN'T", F_TENSE, TIM_TENSE_PAST},
    {"IS", F_TENSE, TIM_TENSE_PRESENT}, {"ARE", F_TENSE, TIM_TENSE_PRESENT},
    {"ISN'T", F_TENSE, TIM_TENSE_PRESENT}, {"AREN'T", F_TENSE, TIM_TENSE_PRESENT},
    {"SAYS", F_TENSE, TIM_TENSE_PRESENT},
    /* irregular past tenses news uses ("said", "met", "told") */
    {"SAID", F_TENSE, TIM_TENSE_PAST}, {"TOLD", F_TENSE, TIM_TENSE_PAST}, {"MET", F_TENSE, TIM_TENSE_PAST},
    {"WENT", F_TENSE, TIM_TENSE_PAST}, {"CAME", F_TENSE, TIM_TENSE_PAST}, {"SAW", F_TENSE, TIM_TENSE_PAST},
    {"MADE", F_TENSE, TIM_TENSE_PAST}, {"TOOK", F_TENSE, TIM_TENSE_PAST}, {"GAVE", F_TENSE, TIM_TENSE_PAST},
    {"HELD", F_TENSE, TIM_TENSE_PAST}, {"LEFT", F_TENSE, TIM_TENSE_PAST}, {"LOST", F_TENSE, TIM_TENSE_PAST},
    {"WON", F_TENSE, TIM_TENSE_PAST}, {"FELL", F_TENSE, TIM_TENSE_PAST}, {"ROSE", F_TENSE, TIM_TENSE_PAST},
    {"SOLD", F_TENSE, TIM_TENSE_PAST}, {"BOUGHT", F_TENSE, TIM_TENSE_PAST}, {"BEGAN", F_TENSE, TIM_TENSE_PAST},
    {"KEPT", F_TENSE, TIM_TENSE_PAST}, {"SENT", F_TENSE, TIM_TENSE_PAST}, {"SPENT", F_TENSE, TIM_TENSE_PAST},
    {"STOOD", F_TENSE, TIM_TENSE_PAST}, {"THOUGHT", F_TENSE, TIM_TENSE_PAST},
    {"BROUGHT", F_TENSE, TIM_TENSE_PAST}, {"FOUND", F_TENSE, TIM_TENSE_PAST}, {"GOT", F_TENSE, TIM_TENSE_PAST},
    {"LED", F_TENSE, TIM_TENSE_PAST}, {"FLED", F_TENSE, TIM_TENSE_PAST}, {"FLEW", F_TENSE, TIM_TENSE_PAST},
    {"DREW", F_TENSE, TIM_TENSE_PAST}, {"GREW", F_TENSE, TIM_TENSE_PAST}, {"KNEW", F_TENSE, TIM_TENSE_PAST},
    {"SHOT", F_TENSE, TIM_TENSE_PAST}, {"STRUCK", F_TENSE, TIM_TENSE_PAST}, {"SPOKE", F_TENSE, TIM_TENSE_PAST},
    {"WROTE", F_TENSE, TIM_TENSE_PAST}, {"BROKE", F_TENSE, TIM_TENSE_PAST}, {"CHOSE", F_TENSE, TIM_TENSE_PAST},
    {"FOUGHT", F_TENSE, TIM_TENSE_PAST}, {"CAUGHT", F_TENSE, TIM_TENSE_PAST},
    {"SOUGHT", F_TENSE, TIM_TENSE_PAST}, {"DROVE", F_TENSE, TIM_TENSE_PAST}, {"BECAME", F_TENSE, TIM_TENSE_PAST},
    {"OVERRAN", F_TENSE, TIM_TENSE_PAST}, {"RAN", F_TENSE, TIM_TENSE_PAST}, {"SAT", F_TENSE, TIM_TENSE_PAST},
    {"SANK", F_TENSE, TIM_TENSE_PAST}, {"SWORE", F_TENSE, TIM_TENSE_PAST},
    {"WITHDREW", F_TENSE, TIM_TENSE_PAST}, {"BLEW", F_TENSE, TIM_TENSE_PAST}, {"FELT", F_TENSE, TIM_TENSE_PAST},
    {"HEARD", F_TENSE, TIM_TENSE_PAST}, {"PAID", F_TENSE, TIM_TENSE_PAST}, {"LAID", F_TENSE, TIM_TENSE_PAST},
    {"MEANT", F_TENSE, TIM_TENSE_PAST}, {"DEALT", F_TENSE, TIM_TENSE_PAST}, {"FORGOT", F_TENSE, TIM_TENSE_PAST},
    {"UNDERTOOK", F_TENSE, TIM_TENSE_PAST}, {"OVERTOOK", F_TENSE, TIM_TENSE_PAST},
    {"SHOOK", F_TENSE, TIM_TENSE_PAST}, {"WORE", F_TENSE, TIM_TENSE_PAST}, {"HUNG", F_TENSE, TIM_TENSE_PAST},
    {"SWEPT", F_TENSE, TIM_TENSE_PAST}, {"SLID", F_TENSE, TIM_TENSE_PAST},
    {"UNDERWENT", F_TENSE, TIM_TENSE_PAST}, {"OVERSAW", F_TENSE, TIM_TENSE_PAST},
    {"FORESAW", F_TENSE, TIM_TENSE_PAST}, {"WITHHELD", F_TENSE, TIM_TENSE_PAST},
    {"UPHELD", F_TENSE, TIM_TENSE_PAST}, {"BUILT", F_TENSE, TIM_TENSE_PAST},
    {"TAUGHT", F_TENSE, TIM_TENSE_PAST}, {"WOKE", F_TENSE, TIM_TENSE_PAST}, {"ATE", F_TENSE, TIM_TENSE_PAST},
    {"DRANK", F_TENSE, TIM_TENSE_PAST}, {"SANG", F_TENSE, TIM_TENSE_PAST}, {"RODE", F_TENSE, TIM_TENSE_PAST},
    {"AROSE", F_TENSE, TIM_TENSE_PAST}, {"FORBADE", F_TENSE, TIM_TENSE_PAST}, {"BORE", F_TENSE, TIM_TENSE_PAST},
    {"OVERCAME", F_TENSE, TIM_TENSE_PAST}, {"STOLE", F_TENSE, TIM_TENSE_PAST}, {"FROZE", F_TENSE, TIM_TENSE_PAST},
    {"BLED", F_TENSE, TIM_TENSE_PAST}, {"BOUND", F_TENSE, TIM_TENSE_PAST}, {"SLEPT", F_TENSE, TIM_TENSE_PAST},
    {"SLEW", F_TENSE, TIM_TENSE_PAST},
};

#define TABLE_SIZE 1024  /* power of two, well over twice the distinct words */

typedef struct slot {
    const char *w;     /* the word, NULL when empty */
    uint8_t len;       /* its length */
    tim_word v;        /* every row of it merged */
} slot;

static slot table[TABLE_SIZE];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void set_field(tim_word *v, int field, uint8_t val)
{
    switch (field) {
    case F_MONTH: v->month = val; break;
    case F_WDAY: v->wday = val; break;
    case F_UNIT: v->unit = val; break;
    case F_UNITS: v->unit = val; v->plural = 1; break;
    case F_NUM: v->num = val; break;
    case F_VAGUE: v->vague = val; break;
    case F_ORD: v->ord = val; break;
    case F_SEASON: v->season = val; break;
    case F_PART: v->partday = val; break;
    case F_REL: v->rel = val; break;
    case F_MOD: v->mod = val; break;
    case F_DEIC: v->deictic = val; break;
    case F_TZ: v->tz = val; break;
    case F_AMPM: v->ampm = val; break;
    case F_SET: v->set = val; break;
    case F_WEAK: v->weak = val; break;
    default: v->tense = val; break;
    }
}

static void build(void)
{
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        size_t n = strlen(rows[r].w);
        uint32_t h = hash(rows[r].w, n) & (TABLE_SIZE - 1);
        while (table[h].w && strcmp(table[h].w, rows[r].w)) h = (h + 1) & (TABLE_SIZE - 1);
        table[h].w = rows[r].w;
        table[h].len = (uint8_t)n;
        set_field(&table[h].v, rows[r].field, rows[r].val);
    }
}

const tim_word *tim_lookup(const char *norm, size_t len)
{
    static const tim_word none;
    if (len == 0 || len > 12) return &none;
    pthread_once(&table_once, build);
    uint32_t h = hash(norm, len) & (TABLE_SIZE - 1);
    while (table[h].w) {
        if (table[h].len == len && !memcmp(table[h].w, norm, len)) return &table[h].v;
        h = (h + 1) & (TABLE_SIZE - 1);
    }
    return &none;
}
