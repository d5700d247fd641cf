/* export.h: the store written out in other projects' formats.
 *
 * Contract: every export streams (constant memory, any store size) the
 * event groups or mentions that a qry_filter selects, one line per record,
 * to a FILE; fields never contain the format's separators (TSV fields have
 * tabs and line breaks turned into spaces; JSON and CSV are escaped and
 * quoted). Denied events (negated) are left out of the GDELT and mentions
 * exports unless `all` is set: a GDELT row says an event happened.
 *
 * Formats:
 *   EXP_GDELT     the GDELT 2.0 event table: 61 tab-separated columns per
 *                 deduplicated event (event_groups), in GDELT's order (see
 *                 exp_gdelt_columns). Our mapping, where GDELT's meaning
 *                 cannot be met exactly:
 *                   GLOBALEVENTID = event group id; SQLDATE = the event date
 *                   (groups of unknown date are skipped); Actor*Code = the
 *                   CAMEO code, cut into GDELT's country / known group /
 *                   religion / type parts by its three-letter pieces (no
 *                   ethnic codes: they can't be told from group codes);
 *                   Actor*Name = the first mention's text, upper-cased;
 *                   IsRootEvent = the first mention is in the article's
 *                   first sentence; NumMentions/NumSources/NumArticles as
 *                   store.h defines them; AvgTone empty (no tone); Actor
 *                   geography empty; ActionGeo from the first mention's
 *                   event place, if any (dyad's place types are GDELT's;
 *                   country codes are ISO alpha-3 and ADM1 codes ISO
 *                   3166-2, not FIPS; no feature ids);
 *                   DATEADDED = when the first mention was stored (UTC);
 *                   SOURCEURL = its article's URL (else its id).
 *   EXP_MENTIONS  the GDELT 2.0 mentions table: 16 tab-separated columns per
 *                 mention (copies of articles included). EventTimeDate /
 *                 MentionTimeDate = when the event's first mention / this
 *                 mention was stored; MentionType 1 (web) for an http(s)
 *                 URL, else 2 (citation only); SentenceID 1-based;
 *                 Actor1/Actor2/ActionCharOffset = byte offsets of the
 *                 source, target and verb spans (-1 for none); InRawText 1;
 *                 Confidence 100, or 50 for a negated, conditional, future
 *                 or hedged mention; MentionDocLen in bytes; tone and
 *                 translation empty.
 *   EXP_PLOVER    PLOVER/POLECAT-style JSON Lines, one object per event
 *                 group: id, date, actor and recipient (lists of entity
 *                 objects: code, entity_text), event [PLOVER type],
 *                 quad_code, context (PLOVER's auxiliary modes: negation,
 *                 future, hypothetical for conditional; and hedged),
 *                 event_text, cite_info (url, title, publication, coder),
 *                 and dyad's own: cameo, goldstein, num_mentions,
 *                 num_sources, num_articles.
 *   EXP_CSV       every mention with its article and group (the columns of
 *                 `dyad query events`), with a header line. */
#ifndef DYAD_EXPORT_H
#define DYAD_EXPORT_H
#include <stdio.h>
#include <sqlite3.h>
#include "store/query.h"

typedef enum exp_format { EXP_GDELT, EXP_MENTIONS, EXP_PLOVER, EXP_CSV, EXP_NFORMATS } exp_format;

/* "gdelt", "mentions", "plover", "csv"; parse gives EXP_NFORMATS when unknown. */
const char *exp_format_name(exp_format f);
exp_format exp_format_parse(const char *name);

/* The column names of the GDELT tables, in order, NULL-terminated. */
extern const char *const exp_gdelt_columns[];          /* 61 */
extern const char *const exp_gdelt_mention_columns[];  /* 16 */

/* Options of an export. */
typedef struct exp_options {
    exp_format format;   /* what to write */
    int header;          /* GDELT formats: a first line of column names (GDELT's files have none) */
    int all;             /* keep negated events in the GDELT formats */
} exp_options;

/* Write what f selects to out. Returns records written, or -1 with a
 * message in err (an SQL error, or a failed write). */
long exp_write(sqlite3 *db, const qry_filter *f, const exp_options *o, FILE *out, char *err, size_t errlen);

/* The GDELT parts of a CAMEO actor code (each "" when absent). */
typedef struct exp_actor {
    char country[4];     /* country or region: USA in USAGOV, WST in IGOWSTNAT */
    char group[4];       /* known group: UNO in IGOUNO, HMS in PSEREBHMS */
    char religion[2][4]; /* religion codes: MOS, SHI ... */
    char type[3][4];     /* role/type codes: GOV, MIL, IGO ... */
} exp_actor;
void exp_actor_parts(const char *code, exp_actor *out);

#endif
