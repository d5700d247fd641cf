/* abbrev.c: the abbreviations that keep their period, and sentence openers. */
#include "text/text_impl.h"
#include <string.h>

typedef struct abbrev {
    const char *w;    /* upper-case, without the period */
    uint8_t kind;     /* AB_* */
    uint8_t lc_ok;    /* also recognised in lower case ("etc.", "vs.") */
} abbrev;

/* Sorted by w (strcmp order) for binary search. Titles never end a
 * sentence; St./Mt. are AB_ABBR because "Main St." can end one. */
static const abbrev abbrevs[] = {
    {"ADM", AB_TITLE, 0}, {"AL", AB_ABBR, 1}, {"ALA", AB_ABBR, 0}, {"AMB", AB_TITLE, 0},
    {"APPROX", AB_ABBR, 1}, {"APR", AB_ABBR, 0}, {"ARIZ", AB_ABBR, 0}, {"ARK", AB_ABBR, 0},
    {"ART", AB_NUMREF, 0}, {"ASSN", AB_ABBR, 0}, {"ATTY", AB_TITLE, 0}, {"AUG", AB_ABBR, 0},
    {"AVE", AB_ABBR, 0}, {"BLVD", AB_ABBR, 0}, {"BRIG", AB_TITLE, 0}, {"BROS", AB_ABBR, 0},
    {"CALIF", AB_ABBR, 0}, {"CAPT", AB_TITLE, 0}, {"CF", AB_ABBR, 1}, {"CMDR", AB_TITLE, 0},
    {"CO", AB_ABBR, 0}, {"COL", AB_TITLE, 0}, {"COLO", AB_ABBR, 0}, {"CONN", AB_ABBR, 0},
    {"CORP", AB_ABBR, 0}, {"CPL", AB_TITLE, 0}, {"DEC", AB_ABBR, 0}, {"DEPT", AB_ABBR, 0},
    {"DET", AB_TITLE, 0}, {"DR", AB_TITLE, 0}, {"EST", AB_ABBR, 1}, {"ETC", AB_ABBR, 1},
    {"FEB", AB_ABBR, 0}, {"FIG", AB_NUMREF, 1}, {"FLA", AB_ABBR, 0}, {"FR", AB_TITLE, 0},
    {"FT", AB_ABBR, 0}, {"GA", AB_ABBR, 0}, {"GEN", AB_TITLE, 0}, {"GOV", AB_TITLE, 0},
    {"GOVT", AB_ABBR, 0}, {"HON", AB_TITLE, 0}, {"ILL", AB_ABBR, 0}, {"INC", AB_ABBR, 0},
    {"INSP", AB_TITLE, 0}, {"JAN", AB_ABBR, 0}, {"JR", AB_ABBR, 0}, {"JUL", AB_ABBR, 0},
    {"JUN", AB_ABBR, 0}, {"KAN", AB_ABBR, 0}, {"KY", AB_ABBR, 0}, {"LT", AB_TITLE, 0},
    {"LTD", AB_ABBR, 0}, {"MAJ", AB_TITLE, 0}, {"MAR", AB_ABBR, 0}, {"MASS", AB_ABBR, 0},
    {"MD", AB_ABBR, 0}, {"MESSRS", AB_TITLE, 0}, {"MICH", AB_ABBR, 0}, {"MINN", AB_ABBR, 0},
    {"MR", AB_TITLE, 0}, {"MRS", AB_TITLE, 0}, {"MS", AB_TITLE, 0}, {"MT", AB_ABBR, 0},
    {"NEB", AB_ABBR, 0}, {"NEV", AB_ABBR, 0}, {"NO", AB_NUMREF, 0}, {"NOS", AB_NUMREF, 0},
    {"NOV", AB_ABBR, 0}, {"OCT", AB_ABBR, 0}, {"OKLA", AB_ABBR, 0}, {"ORE", AB_ABBR, 0},
    {"PA", AB_ABBR, 0}, {"PFC", AB_TITLE, 0}, {"PP", AB_NUMREF, 1}, {"PRES", AB_TITLE, 0},
    {"PROF", AB_TITLE, 0}, {"PVT", AB_TITLE, 0}, {"REP", AB_TITLE, 0}, {"REPS", AB_TITLE, 0},
    {"REV", AB_TITLE, 0}, {"SEC", AB_NUMREF, 0}, {"SEN", AB_TITLE, 0}, {"SENS", AB_TITLE, 0},
    {"SEP", AB_ABBR, 0}, {"SEPT", AB_ABBR, 0}, {"SGT", AB_TITLE, 0}, {"SR", AB_ABBR, 0},
    {"ST", AB_ABBR, 0}, {"SUPT", AB_TITLE, 0}, {"TENN", AB_ABBR, 0}, {"UNIV", AB_ABBR, 0},
    {"V", AB_TITLE, 1}, {"VOL", AB_NUMREF, 1}, {"VS", AB_ABBR, 1}, {"WASH", AB_ABBR, 0},
    {"WIS", AB_ABBR, 0}, {"WYO", AB_ABBR, 0},
};

/* Upper-case an ASCII word into buf (cap bytes); 0 if too long or not ASCII. */
static size_t upper_word(const char *w, size_t n, char *buf, size_t cap)
{
    if (n == 0 || n >= cap) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 0x80) return 0;
        buf[i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    buf[n] = 0;
    return n;
}

int txt_abbrev_kind(const char *w, size_t n, int cap)
{
    char buf[16];
    if (!upper_word(w, n, buf, sizeof buf)) return AB_NONE;
    size_t lo = 0, hi = sizeof abbrevs / sizeof abbrevs[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(buf, abbrevs[mid].w);
        if (c == 0) return cap || abbrevs[mid].lc_ok ? abbrevs[mid].kind : AB_NONE;
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return AB_NONE;
}

/* Words that typically start an English news sentence; an abbreviation
 * followed by one of them, capitalised, ends its sentence ("in the U.S.
 * The president"), while "U.S. President" does not. */
static const char *const openers[] = {
    "A", "ACCORDING", "AFTER", "ALL", "ALSO", "ALTHOUGH", "AN", "AND", "AS", "AT",
    "BECAUSE", "BEFORE", "BOTH", "BUT", "BY", "DURING", "EACH", "EARLIER", "FOR",
    "FROM", "HE", "HER", "HERE", "HIS", "HOW", "HOWEVER", "I", "IF", "IN", "IT",
    "ITS", "LAST", "LATER", "MANY", "MEANWHILE", "MOST", "MY", "NOW", "ON", "ONE",
    "OUR", "SHE", "SINCE", "SO", "SOME", "THAT", "THE", "THEIR", "THEN", "THERE",
    "THESE", "THEY", "THIS", "THOSE", "THOUGH", "TODAY", "TWO", "WE", "WHAT",
    "WHEN", "WHERE", "WHILE", "WHO", "WHY", "WITH", "YESTERDAY", "YET", "YOU",
};

int txt_is_opener(const char *w, size_t n)
{
    char buf[16];
    if (!upper_word(w, n, buf, sizeof buf)) return 0;
    size_t lo = 0, hi = sizeof openers / sizeof openers[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(buf, openers[mid]);
        if (c == 0) return 1;
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return 0;
}
