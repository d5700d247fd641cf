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
} dyad_event;

/* dyad_event.date_source. `date` is yyyymmdd; from a time expression it
 * may be coarser: yyyymm00 (a month), yyyy0000 (a year), a week's Monday. */
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
    int date;                        /* start of the period, as dyad_event.date; 0 if not a date */
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
/* Compile what was loaded. Call once, before making workers. */
void         dyad_engine_ready(dyad_engine *e);
/* Messages from loading ("file:line: what"), "" if none; and their count. */
const char  *dyad_engine_messages(const dyad_engine *e, unsigned *count);

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
