/* store.h: the SQLite event store (embedded; dyad's default store).
 *
 * Contract: sto_open() creates the schema below if missing (IF NOT EXISTS,
 * so reopening an existing store is fine), in WAL mode. All SQL is
 * prepared once and parameterised. An article whose id is already stored
 * is not stored again: sto_article() returns 0 and the caller should skip
 * its sentences and events. Writes go into one transaction per batch of
 * articles (sto_batch) or between explicit sto_begin/sto_commit; without
 * either, each statement commits on its own (slow). Text is stored as
 * given (bytes, even invalid UTF-8); offsets are bytes into the article's
 * text, as everywhere in dyad.
 *
 * Schema (user_version 1):
 *   articles(id TEXT UNIQUE, url, source, title, date INTEGER yyyymmdd or
 *            NULL, text = the cleaned text, content_hash = FNV-1a 64 of
 *            the raw text in hex, byline, dateline: metadata the cleaner
 *            took out of the text)
 *   noise(article, kind, start, "end", text): what the cleaner removed
 *   sentences(article = articles.rowid, idx 0-based, start, "end", text)
 *   events(article, sentence, source, target, code, root, quad, goldstein,
 *          plover, date, negated, conditional, future, hedged, reported
 *          (0/1), source_text, target_text, verb_text, spans (JSON as in
 *          output.h), pattern, pattern_origin)
 *   actors(code, text, article, sentence, event = events.rowid, role
 *          'source' or 'target'): one row per actor mention of an event;
 *          "---" (no actor) is not stored.
 *   indexes: events(date), events(source, target), events(code),
 *            actors(code), sentences(article, idx) unique. */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H
#include <stdint.h>
#include "dyad.h"

typedef struct sto_db sto_db;

/* Open or create the store at path. On failure NULL, and *err (if err)
 * gets a malloc'ed message the caller frees. */
sto_db *sto_open(const char *path, char **err);

/* Commit automatically every n articles (0 = off, the default): the
 * transaction is opened by sto_article and committed by the sto_article
 * call after the n-th, so an article's rows always share one. */
void sto_batch(sto_db *db, unsigned n);

/* Explicit transactions; both are no-ops when already in / out of one. 0 or -1. */
int sto_begin(sto_db *db);
int sto_commit(sto_db *db);

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
 * is what the spans index. Returns the event rowid, or -1. */
int64_t sto_event(sto_db *db, int64_t article, const dyad_article *a, const char *text,
                  const dyad_event *e);

/* The last error, for messages. */
const char *sto_errmsg(sto_db *db);

/* Commit what is pending and close. 0, or -1 if the final commit failed. */
int sto_close(sto_db *db);

#endif
