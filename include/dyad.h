/* dyad.h: the public API of libdyad, a news-to-event-data coder.
 *
 * An article (raw text plus metadata) goes in; coded events come out, each
 * tied to one sentence of the article by byte spans. The pipeline stages
 * (input, clean, text, lexicon, code, output, store) live under src/, one
 * folder each; this header is all a program embedding dyad needs.
 *
 * Offsets: every span is a pair of byte offsets [start, end) into the
 * article's original text (UTF-8). Cleaning never moves text: removed noise
 * is blanked in place, so offsets into the cleaned text are offsets into
 * the raw text too.
 *
 * Dates are integers yyyymmdd (0 = unknown). */
#ifndef DYAD_H
#define DYAD_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define DYAD_VERSION "0.1.0"

/* One input article. Strings are NUL-terminated; any may be "" (never NULL
 * once a reader has produced the article). `text` may hold any bytes. */
typedef struct dyad_article {
    const char *id;       /* caller's id, or "<file>:<line>" made by the reader */
    const char *url;      /* where it came from, "" if unknown */
    const char *source;   /* outlet name, "" if unknown */
    const char *title;    /* headline, "" if unknown */
    int date;             /* publication date yyyymmdd, 0 if unknown */
    const char *text;     /* raw body text */
    size_t len;           /* bytes in text */
    const char *origin;   /* file name the article was read from, for messages */
    long line;            /* 1-based line (or record) in origin, 0 if n/a */
} dyad_article;

/* A byte range [start, end) in the article text. */
typedef struct dyad_span {
    uint32_t start, end;
} dyad_span;

#define DYAD_CODE_MAX 48  /* longest actor code kept, with NUL */

/* GDELT's geographic resolution types (its ActionGeo_Type). */
enum {
    DYAD_GEO_NONE = 0,        /* no place */
    DYAD_GEO_COUNTRY = 1,     /* a country */
    DYAD_GEO_USSTATE = 2,     /* a US state */
    DYAD_GEO_USCITY = 3,      /* a US city */
    DYAD_GEO_WORLDCITY = 4,   /* a city outside the US */
    DYAD_GEO_WORLDSTATE = 5,  /* a first-level region outside the US */
};

/* A resolved place, GDELT style. Coordinates are approximate (country
 * centres, regions' administrative centres, city centres). */
typedef struct dyad_geo {
    int type;                        /* DYAD_GEO_* */
    const char *name;                /* full name: "Kursk Oblast, Russia"; "" when none */
    char country[4];                 /* ISO 3166-1 alpha-3 ("RUS"), "" when none */
    char adm1[8];                    /* ISO 3166-2 first-level code ("RU-KRS"), "" when none */
    double lat, lon;                 /* WGS84 degrees; NAN when unknown */
} dyad_geo;

/* One coded event. */
typedef struct dyad_event {
    uint32_t sentence;               /* 0-based sentence index in the article */
    char source[DYAD_CODE_MAX];      /* actor code, "---" when none */
    char target[DYAD_CODE_MAX];      /* actor code, "---" when none */
    char code[8];                    /* CAMEO event code, e.g. "026" */
    dyad_span sentence_span;         /* the sentence */
    dyad_span source_span;           /* text that gave the source actor */
    dyad_span target_span;           /* text that gave the target actor */
    dyad_span verb_span;             /* the verb (or nominal event) */
    int date;                        /* event date yyyymmdd */
    unsigned negated : 1;            /* "did not attack" */
    unsigned conditional : 1;        /* "if X then Y" */
    unsigned future : 1;             /* "will send", "plans to" */
    unsigned hedged : 1;             /* "suggested without evidence" */
    unsigned reported : 1;           /* inside reported speech ("X said ...") */
    const char *pattern;             /* the dictionary pattern that matched */
    const char *pattern_origin;      /* "file:line" of that pattern */
    int date_source;                 /* DYAD_DATE_*: where `date` came from */
    dyad_span date_span;             /* the time expression that gave `date` ({0,0} if none) */
    char date_value[24];             /* its TimeML value ("2022-02", "2024-W32"), "" if none */
    dyad_geo geo;                    /* the place of the event's clause (type DYAD_GEO_NONE if none) */
    dyad_span geo_span;              /* the words naming that place ({0,0} if none or from the dateline) */
} dyad_event;

/* dyad_event.date_source. `date` is always a day, yyyymmdd: when the time
 * expression names a longer period ("February 2022", "last week"), its
 * first day, and date_value keeps the period ("2022-02", "2024-W32"). */
enum {
    DYAD_DATE_UNSET = 0,        /* not set by dyad_code (an event made by hand) */
    DYAD_DATE_PUBLICATION = 1,  /* the article's publication date */
    DYAD_DATE_TEXT = 2,         /* a time expression governing the event (date_span) */
};

/* A time expression (TimeML TIMEX3) found in the text and normalised
 * against the publication date. */
typedef struct dyad_timex {
    dyad_span span;                  /* its text */
    const char *type;                /* "DATE", "TIME", "DURATION" or "SET" */
    char value[24];                  /* TimeML value: "2024-08-15", "2024-W32", "P3D", "PRESENT_REF" */
    uint32_t sentence;               /* 0-based sentence index */
    int date;                        /* first day of the period, yyyymmdd; 0 if no calendar date */
} dyad_timex;

/* Facts about a CAMEO code, from dyad's own code table. */
typedef struct dyad_cameo {
    const char *code;      /* "026" */
    const char *name;      /* short English name */
    double goldstein;      /* Goldstein conflict-cooperation score */
    int quad;              /* GDELT quad class 1..4 */
    const char *plover;    /* PLOVER event type, e.g. "CONSULT" */
} dyad_cameo;

/* ---- engine: dictionaries + options, shared read-only by workers ---- */

typedef struct dyad_engine dyad_engine;
typedef struct dyad_worker dyad_worker;

dyad_engine *dyad_engine_new(void);
void         dyad_engine_free(dyad_engine *e);
/* Load a dictionary file of any supported format (dyad, TABARI, PETRARCH).
 * Returns entries added, -1 if unreadable; bad lines are kept as messages. */
int          dyad_engine_load(dyad_engine *e, const char *path);
/* Load dyad's own dictionaries from DIR (NULL: the built-in data folder). */
int          dyad_engine_load_default(dyad_engine *e, const char *dir);
/* Apply a TABARI-style options line ("COMPLEX: VERBS[5]", "SET: CODE ALL"). */
int          dyad_engine_option(dyad_engine *e, const char *line);
/* Turn modality detection (negation, condition, future, hedging) on/off. */
void         dyad_engine_modality(dyad_engine *e, int on);
/* Events only (with their dates): no entities, places, quotations or
 * amounts in the result; what TABARI and PETRARCH give, and faster. */
void         dyad_engine_events_only(dyad_engine *e, int on);
/* Compile what was loaded. Call once, before making workers. */
void         dyad_engine_ready(dyad_engine *e);
/* Messages from loading ("file:line: what"), "" if none; and their count. */
const char  *dyad_engine_messages(const dyad_engine *e, unsigned *count);

/* ---- beyond events: who and what the article names, and who says what ---- */

/* What a named entity is. */
enum {
    DYAD_ENT_PERSON = 1,      /* a person */
    DYAD_ENT_ORG = 2,         /* an organisation (governments by metonym too: "the Kremlin") */
    DYAD_ENT_PLACE = 3,       /* a country, region or city */
};

/* One mention of a named entity: a name, never a pronoun. */
typedef struct dyad_mention {
    dyad_span span;                  /* the name as written */
    uint32_t sentence;               /* 0-based sentence index */
    uint32_t entity;                 /* index in dyad_result.entities */
    int kind;                        /* DYAD_ENT_* */
    int adjective;                   /* 1: a demonym standing for a place ("Belarusian troops") */
} dyad_mention;

/* A person, organisation or place the article names, its mentions merged
 * ("Alexander Lukashenko" ... "Lukashenko"). */
typedef struct dyad_entity {
    const char *name;                /* the fullest name the text uses */
    char code[DYAD_CODE_MAX];        /* actor code on the article's date; "" when no dictionary knows it */
    int kind;                        /* DYAD_ENT_* */
    int known;                       /* 1: a dictionary names it; 0: an unknown actor, kept for users to add */
    uint32_t nmentions;              /* its name mentions in dyad_result.mentions */
    uint32_t first_mention;          /* index of the first of them */
} dyad_entity;

/* A place named in the text, resolved in the gazetteer. */
typedef struct dyad_place {
    dyad_span span;                  /* the whole expression: "Russia's western border" */
    dyad_span name_span;             /* the place name in it: "Russia" */
    uint32_t sentence;               /* 0-based sentence index */
    const char *feature;             /* "country", "region", "city", "border", "territory" */
    dyad_geo geo;                    /* where it is */
    char border_with[4];             /* a border's other side (alpha-3), "" if not named */
} dyad_place;

/* Kinds of quotation. */
enum {
    DYAD_QUOTE_DIRECT = 1,           /* words in quotation marks, a sentence or more */
    DYAD_QUOTE_PARTIAL = 2,          /* a fragment in marks: "trample on our country", scare quotes */
    DYAD_QUOTE_INDIRECT = 3,         /* reported speech: "Lukashenko said (that) ..." */
};

/* A quotation and who said it. */
typedef struct dyad_quote {
    int kind;                        /* DYAD_QUOTE_* */
    dyad_span span;                  /* the quoted words (inside the marks; first to last part) */
    const char *text;                /* the quotation: parts joined, marks and line breaks out */
    uint32_t sentence;               /* sentence where it starts */
    dyad_span speaker_span;          /* the words naming the speaker here ("he"), {0,0} if none */
    const char *speaker;             /* those words, "" if none */
    const char *speaker_name;        /* who that is: "Alexander Lukashenko"; "" if unresolved */
    char speaker_code[DYAD_CODE_MAX];/* the speaker's actor code on the article's date, "" if none */
    int speaker_entity;              /* index in dyad_result.entities, -1 if none */
    dyad_span verb_span;             /* the verb of saying, {0,0} if none */
    const char *verb;                /* its lemma: "say", "warn"; "" if none */
} dyad_quote;

/* Kinds of amount. */
enum {
    DYAD_AMT_COUNT = 1,              /* "thousands of soldiers", "35 people" */
    DYAD_AMT_MEASURE = 2,            /* "35 kilometres", "two-hour" */
    DYAD_AMT_MONEY = 3,              /* "$5 million" */
    DYAD_AMT_PERCENT = 4,            /* "12 percent" */
    DYAD_AMT_FRACTION = 5,           /* "a fifth of its territory" */
};

/* A number with what it counts. */
typedef struct dyad_amount {
    int kind;                        /* DYAD_AMT_* */
    dyad_span span;                  /* the whole amount: "hundreds of thousands of people" */
    uint32_t sentence;               /* 0-based sentence index */
    double value;                    /* 35; 0.2 for "a fifth"; for vague amounts ("thousands")
                                        the order of magnitude (1000) with approx set */
    int approx;                      /* 1: "nearly", "about", "thousands of": not exact */
    const char *unit;                /* normalised unit: "km", "hour", "%", "USD"; "" for counts */
    const char *what;                /* what is counted or measured: "people", "territory"; "" if unsaid */
    dyad_span what_span;             /* where that is said, {0,0} if unsaid */
} dyad_amount;

/* Removed noise: where, and what kind ("shortcode", "footer", ...). */
typedef struct dyad_noise {
    dyad_span span;
    const char *kind;
} dyad_noise;

/* Everything coded from one article. Valid until the worker's next call. */
typedef struct dyad_result {
    const char *text;             /* cleaned text: same length and offsets as the raw text */
    size_t len;
    const dyad_span *sentences;   /* sentence spans in order */
    uint32_t nsentences;
    const dyad_noise *noise;      /* removed noise */
    uint32_t nnoise;
    const dyad_event *events;     /* coded events in sentence order */
    uint32_t nevents;
    uint32_t nbad_utf8;           /* invalid UTF-8 sequences seen (treated as breaks) */
    const char *byline;           /* author(s) found in a byline, "" if none */
    const char *dateline;         /* place found in a dateline, "" if none */
    const dyad_timex *timexes;    /* time expressions in text order */
    uint32_t ntimexes;
    const dyad_entity *entities;  /* persons, organisations and places named, first-mention order */
    uint32_t nentities;
    const dyad_mention *mentions; /* every name mention, text order */
    uint32_t nmentions;
    const dyad_place *places;     /* places named, text order */
    uint32_t nplaces;
    const dyad_quote *quotes;     /* quotations with their speakers, text order */
    uint32_t nquotes;
    const dyad_amount *amounts;   /* amounts, text order */
    uint32_t namounts;
} dyad_result;

/* A worker codes articles one at a time; one per thread. */
dyad_worker *dyad_worker_new(const dyad_engine *e);
void         dyad_worker_free(dyad_worker *w);
int          dyad_code(dyad_worker *w, const dyad_article *a, dyad_result *out);

/* Code an article and write, sentence by sentence, how it was coded: the
 * words as classified, the actors, the reasons for skipping, the events
 * with their patterns (for people, not parsers). Returns events found. */
int          dyad_explain(const dyad_engine *e, const dyad_article *a, FILE *out);

/* Look a code up; for codes not in the table falls back to its 3- then
 * 2-digit parent. NULL when nothing matches (not a CAMEO code). */
const dyad_cameo *dyad_cameo_lookup(const char *code);

#endif
