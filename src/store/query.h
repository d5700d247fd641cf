/* query.h: questions asked of the store: filters, lists, time series,
 * maps, one article with its evidence. `dyad query` and the server's JSON
 * API are both thin layers over this module.
 *
 * Contract:
 *  - A qry_filter is a plain value, filled key by key with qry_set(): the
 *    same keys as `dyad query --KEY VALUE` and as the URL query string
 *    `?KEY=VALUE&...` (qry_parse_query, which also percent-decodes). Every
 *    value is checked and normalised there (codes upper-cased, dates to
 *    yyyymmdd, words for the text index quoted); a bad one is an error
 *    with a one-line message, and the filter keeps its earlier state. An
 *    empty value unsets the key.
 *  - SQL is assembled only from fixed fragments chosen by which keys are
 *    set; every value is bound as a parameter, never spliced in.
 *  - Results stream out row by row in a qry_format; text is escaped for
 *    the format (JSON strings with invalid UTF-8 replaced, CSV quoted),
 *    so output is well-formed whatever the stored bytes.
 *
 * Keys:
 *   actor=CODE      either side of the event
 *   dyad=A,B        A and B either way round (A>B: only A acting on B)
 *   source=CODE, target=CODE   one side only
 *       A code of three characters stands for a country or sector and
 *       matches every code it starts (USA: USA, USAGOV, USAMIL...); a
 *       longer code matches exactly; a trailing '*' always matches as a prefix.
 *   code=CAMEO      event code (exact; 19* = every code under 19)
 *   root=NN         CAMEO root (two digits)
 *   quad=1..4       GDELT quad class; a list (3,4), or verbal-coop,
 *                   material-coop, verbal-conflict, material-conflict,
 *                   cooperation (1,2), conflict (3,4)
 *   plover=TYPE     PLOVER event type (CONSULT, ASSAULT, ...)
 *   from=DATE, to=DATE   event date range, inclusive (YYYY-MM-DD)
 *   place=NAME      where the event happened: ISO3 country, ISO 3166-2
 *                   region, or part of the place's name ("Kursk")
 *   negated=, conditional=, future=, hedged=, reported= 1|0 (yes|no)
 *   factual=1       none of negated, conditional, future, hedged
 *   q=WORDS         full-text search of the articles (all the words)
 *   article=ID      the events of one article
 *   group=N         the mentions of one event group
 *   by=day|week|month   period of the series (default day)
 *   limit=N (1..10000, default 50), offset=N   paging of lists
 *   format=json|csv|table   (used by the callers)
 *
 * Units: lists of events (QRY_EVENTS) have one row per mention; the
 * series, map and dyad tables count deduplicated events (event_groups),
 * each also with its number of mentions. */
#ifndef DYAD_QUERY_H
#define DYAD_QUERY_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sqlite3.h>
#include "dyad.h"
#include "util/buf.h"

#define QRY_TEXT_MAX 256   /* longest q= (bytes, with NUL) */
#define QRY_ID_MAX 256     /* longest article= (bytes, with NUL) */
#define QRY_PLACE_MAX 64   /* longest place= */
#define QRY_ERR_MAX 160    /* room for an error message */

/* One side of a filter: an actor code, matched exactly or as a prefix. */
typedef struct qry_actor {
    char code[DYAD_CODE_MAX];  /* upper-case, without the '*'; "" = unset */
    int prefix;                /* match every code starting with `code` */
} qry_actor;

/* Modality flags, in the order of their keys. */
enum { QRY_NEGATED, QRY_CONDITIONAL, QRY_FUTURE, QRY_HEDGED, QRY_REPORTED, QRY_NFLAGS };

typedef enum qry_bucket { QRY_DAY, QRY_WEEK, QRY_MONTH } qry_bucket;
typedef enum qry_format { QRY_JSON, QRY_CSV, QRY_TABLE, QRY_NFORMATS } qry_format;

typedef struct qry_filter {
    qry_actor actor;              /* either side */
    qry_actor dyad[2];            /* a pair, either way round unless `directed` */
    int directed;                 /* dyad only as dyad[0] acting on dyad[1] */
    qry_actor source, target;     /* one side each */
    char code[8];                 /* CAMEO code, "" = any */
    int code_prefix;              /* code ended in '*' */
    char root[3];                 /* CAMEO root, "" = any */
    unsigned quads;               /* bit q set = quad class q wanted; 0 = any */
    char plover[24];              /* PLOVER type, "" = any */
    int from, to;                 /* yyyymmdd, 0 = open */
    char place[QRY_PLACE_MAX];    /* place name or country, "" = any */
    signed char flag[QRY_NFLAGS]; /* -1 any, 0 must be off, 1 must be on */
    char text[QRY_TEXT_MAX];      /* full-text words as given, "" = none */
    char article[QRY_ID_MAX];     /* article id, "" = any */
    int64_t group;                /* event group id, 0 = any */
    qry_bucket by;                /* series period */
    int limit, offset;            /* list paging; limit 0 = none (programs only: qry_set wants 1..10000) */
    qry_format format;            /* output format wanted */
} qry_filter;

/* What to compute. */
typedef enum qry_kind {
    QRY_EVENTS,     /* mentions, newest first, with article and group counts */
    QRY_GROUPS,     /* deduplicated events, newest first */
    QRY_SERIES,     /* per period: events by quad class, mentions, mean Goldstein */
    QRY_COUNTRIES,  /* per country (first 3 letters of either actor): events, conflict, cooperation */
    QRY_DYADS,      /* the most frequent (source, target) pairs */
    QRY_PLACES,     /* per event place with coordinates: events, mean Goldstein */
    QRY_TOTALS,     /* articles, copies, mentions, events, first and last date (no filter) */
    QRY_NKINDS
} qry_kind;

void qry_init(qry_filter *f);

/* Set one key (without "--"). 0, or -1 with a message in err. */
int qry_set(qry_filter *f, const char *key, const char *value, char *err, size_t errlen);

/* Set every key of a URL query string "k=v&k2=v2" (len bytes, no '?').
 * Percent-escapes and '+' are decoded. 0, or -1 with a message in err. */
int qry_parse_query(qry_filter *f, const char *qs, size_t len, char *err, size_t errlen);

/* Is `key` a filter key qry_set knows? (Command lines use it to tell their
 * own options from filter keys.) */
int qry_is_key(const char *key);

/* Names: "events", "groups", ... / "json", "csv", "table"; parse gives the count when unknown. */
const char *qry_kind_name(qry_kind k);
qry_kind qry_kind_parse(const char *name);
qry_format qry_format_parse(const char *name);

/* The statement for kind over f, prepared on db with its values bound;
 * NULL with a message in err when it cannot be prepared. */
sqlite3_stmt *qry_prepare(sqlite3 *db, qry_kind kind, const qry_filter *f, char *err, size_t errlen);

/* For exports: the statement "<select_from> WHERE <f's conditions><tail>"
 * over events e (over_groups 0) or event_groups g (1), without f's limit
 * and offset. select_from and tail are the caller's own fixed SQL (never
 * user text); f's values are bound. NULL with a message when it fails. */
sqlite3_stmt *qry_prepare_custom(sqlite3 *db, int over_groups, const char *select_from, const qry_filter *f,
                                 const char *tail, char *err, size_t errlen);

/* Where rows go: appended to `b`, and flushed to `f` whenever b grows past
 * 64 KB when f is not NULL (long exports stream in constant memory). */
typedef struct qry_sink {
    buf b;       /* pending output */
    FILE *f;     /* stream to flush to, or NULL to keep everything in b */
    int failed;  /* a write to f failed */
} qry_sink;

/* Step st to its end and write its rows in fmt (JSON: an array of
 * objects keyed by column name; CSV: a header line, then rows; TABLE:
 * aligned columns for people, long cells cut). Returns rows written, or
 * -1 on an SQL error (message in err: "interrupted" when a progress
 * handler stopped it). st is reset, not finalized. */
long qry_write(sqlite3_stmt *st, qry_format fmt, qry_sink *out, char *err, size_t errlen);

/* Flush what is pending to out->f (if any); 0, or -1 if a write failed. */
int qry_flush(qry_sink *out);

/* Run kind over f and write it: qry_prepare + qry_write + finalize. */
long qry_run(sqlite3 *db, qry_kind kind, const qry_filter *f, qry_format fmt, qry_sink *out, char *err,
             size_t errlen);

/* One article for reading, as a JSON object: {"article":{id,url,outlet,
 * title,date,byline,dateline,text}, "events":[... with the byte spans of
 * source, target, verb and sentence], "sentences":[...],
 * "quotations":[...], "places":[...], "copies":[...]}. 1 written, 0 no
 * such article, -1 error (err). */
int qry_article(sqlite3 *db, const char *id, qry_sink *out, char *err, size_t errlen);

#endif
