/* store.h: the SQLite event store (embedded; dyad's default store).
 *
 * Contract: sto_open() creates the schema below if missing (IF NOT EXISTS,
 * so reopening an existing store is fine), in WAL mode, and upgrades a
 * store of an older schema version in place (one transaction). All SQL is
 * prepared once and parameterised. An article whose id is already stored
 * is not stored again: sto_article() returns 0 and the caller should skip
 * its sentences and events. Writes go into one transaction per batch of
 * articles (sto_batch) or between explicit sto_begin/sto_commit; without
 * either, each statement commits on its own (slow). Text is stored as
 * given (bytes, even invalid UTF-8); offsets are bytes into the article's
 * text, as everywhere in dyad.
 *
 * Crash safety: every committed transaction survives a kill -9 of the
 * writer (WAL; synchronous=NORMAL only risks the last commits on a power
 * cut, not on a process crash). An article's rows and the event groups
 * they touch are always committed together, so a store is consistent after
 * any crash and a re-run that skips stored ids (sto_find) finishes it.
 *
 * Schema (user_version 2; columns and indexes added since are added to an
 * older schema-2 store when sto_open opens it):
 *   articles(id TEXT UNIQUE, url, source, title, date INTEGER yyyymmdd or
 *            NULL, text = the cleaned text, content_hash = FNV-1a 64 of
 *            the raw text in hex, byline, dateline: metadata the cleaner
 *            took out of the text, added = unix time it was stored)
 *   copies(article = articles.rowid, id TEXT UNIQUE, url, source, title,
 *          date, added): the same raw text seen again under another id
 *          (syndication, re-posts); not coded again, but each copy counts
 *          as one more article (and source) for the events it carries.
 *   noise(article, kind, start, "end", text): what the cleaner removed
 *   sentences(article = articles.rowid, idx 0-based, start, "end", text)
 *   events(article, sentence, source, target, code, root, quad, goldstein,
 *          plover, date, negated, conditional, future, hedged, reported
 *          (0/1), source_text, target_text, verb_text, spans (JSON as in
 *          output.h), pattern, pattern_origin, grp = event_groups.id):
 *          one row per mention of an event in an article.
 *   event_groups(id, date (0 = unknown), source, target, code, negated,
 *          conditional, future, hedged, root, quad, goldstein, plover,
 *          num_mentions, num_sources, num_articles, first_event =
 *          events.rowid of the first mention, dirty): the deduplicated
 *          event: all mentions of one (day, source, target, code) with the
 *          same modality (a denial is not the act it denies). The counts
 *          have GDELT's meanings over every mention, copies included:
 *          NumMentions = mentions (several in one article count), NumArticles
 *          = articles with a mention, NumSources = distinct outlets (an
 *          article without an outlet name counts as its own source).
 *   mentions (view): every mention of every group, one row per event row
 *          plus one per copy of its article, with the article's id, outlet,
 *          url and date; count(*) per group = num_mentions.
 *   actors(code, text, article, sentence, event = events.rowid, role
 *          'source' or 'target'): one row per actor mention of an event;
 *          "---" (no actor) is not stored.
 *   places(article, sentence, event = events.rowid or NULL, name, country
 *          (ISO alpha-3), lat, lon (NULL when unknown), start, "end", type
 *          (DYAD_GEO_*), adm1, feature): an event's place (feature "event",
 *          event set) and every place the article names (event NULL).
 *   quotations(article, sentence, speaker (the words naming the speaker),
 *          speaker_code, start, "end" (the quoted words), text (the
 *          quotation, parts joined), kind (direct, partial, indirect),
 *          speaker_name, verb, speaker_start, speaker_end).
 *   articles_fts: FTS5 index over articles(title, text), kept in step by
 *          triggers; query with `articles_fts MATCH ?`.
 *   indexes: events(date), events(source, target, date, modality),
 *            events(target, source, date, modality), and the same by
 *            country: (substr(source, 1, 3), substr(target, 1, 3), date,
 *            modality), (substr(target, 1, 3), date, modality),
 *            events(code), events(article), events(grp), actors(code),
 *            sentences(article, idx) unique, articles(content_hash),
 *            event_groups(date, source, target, code, negated, conditional,
 *            future, hedged) unique, event_groups(dirty) partial,
 *            event_groups(source, target, date, ...), (target, source,
 *            date, ...), (date, ...), (substr(source, 1, 3), substr(target,
 *            1, 3), date, ...), (substr(target, 1, 3), date, ...) covering
 *            what the aggregates sum,
 *            copies(article), places(event), quotations(article). */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H
#include <stdint.h>
#include <sqlite3.h>
#include "dyad.h"

#define STO_SCHEMA_VERSION 2

typedef struct sto_db sto_db;

/* Open or create the store at path. On failure NULL, and *err (if err)
 * gets a malloc'ed message the caller frees. */
sto_db *sto_open(const char *path, char **err);

/* Open an existing store read-only (queries, the server): no schema change;
 * fails on a store older than STO_SCHEMA_VERSION (sto_open upgrades it). */
sto_db *sto_open_ro(const char *path, char **err);

/* The connection, for queries (src/store/query.c) and exports. It has the
 * SQL function cameo_name(code) (dyad's name for a CAMEO code, or NULL). */
sqlite3 *sto_sqlite(sto_db *db);

/* Commit automatically every n articles (0 = off, the default): the
 * transaction is opened by sto_article and committed by the sto_article
 * call after the n-th, so an article's rows always share one. */
void sto_batch(sto_db *db, unsigned n);

/* Explicit transactions; both are no-ops when already in / out of one. 0 or -1.
 * sto_commit brings the counts of the event groups touched up to date first. */
int sto_begin(sto_db *db);
int sto_commit(sto_db *db);

/* The stored article a is: its rowid when its id (or the id of a recorded
 * copy) is stored, *same_id = 1; else the rowid of an article with the same
 * raw text (same hash and length), *same_id = 0; 0 when neither; -1 on error. */
int64_t sto_find(sto_db *db, const dyad_article *a, int *same_id);

/* Record a (same text, another id) as a copy of the stored article `article`:
 * 1 recorded, 0 that id was already recorded, -1 error. */
int sto_copy(sto_db *db, int64_t article, const dyad_article *a);

/* Store the article with its cleaned text (a->len bytes, same offsets as
 * a->text). Returns its rowid; 0 when the id was already stored (nothing
 * written); -1 on error (sto_errmsg). */
int64_t sto_article(sto_db *db, const dyad_article *a, const char *text);

/* Byline and dateline of a stored article ("" or NULL for none). 0 or -1. */
int sto_article_meta(sto_db *db, int64_t article, const char *byline, const char *dateline);

/* One removed noise region (kind as cln_kind_name gives it), with its raw
 * text taken from raw[0..len) at span s. 0 or -1. */
int sto_noise(sto_db *db, int64_t article, const char *kind, const char *raw, size_t len, dyad_span s);

/* Sentence idx of the article at rowid `article`, spanning s of text[0..len). 0 or -1. */
int sto_sentence(sto_db *db, int64_t article, uint32_t idx, const char *text, size_t len,
                 dyad_span s);

/* One event of article a (rowid `article`) with its actor mentions; text
 * is what the spans index. The event joins (or starts) its event group.
 * Returns the event rowid, or -1. */
int64_t sto_event(sto_db *db, int64_t article, const dyad_article *a, const char *text,
                  const dyad_event *e);

/* A whole coded article: the article, its byline/dateline, noise,
 * sentences, events (with their places), the places it names and its
 * quotations. 0 stored, 1 its id was already stored (nothing written),
 * -1 error. */
int sto_result(sto_db *db, const dyad_article *a, const dyad_result *r);

/* A place at span s of the article: where event `event` (events.rowid)
 * happened, or (event 0) one the article names; feature as the places
 * stage gives it ("country", "city", "event" for an event's place...). 0 or -1. */
int sto_place(sto_db *db, int64_t article, uint32_t sentence, int64_t event, const char *feature,
              const dyad_geo *g, dyad_span s);

/* A quotation with its speaker. 0 or -1. */
int sto_quotation(sto_db *db, int64_t article, const dyad_quote *q);

/* The last error, for messages. */
const char *sto_errmsg(sto_db *db);

/* Commit what is pending and close. 0, or -1 if the final commit failed. */
int sto_close(sto_db *db);

#endif
