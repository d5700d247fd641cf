/* serve.h: dyad's HTTP server: a dashboard and a JSON API over one store.
 *
 * Contract:
 *  - Listens on 127.0.0.1 unless told otherwise; on loopback, requests
 *    whose Host header names another host are refused (no DNS rebinding).
 *  - Serves only its own embedded assets (the dashboard's HTML, CSS, JS,
 *    icon: compiled into the binary from src/serve/assets/) and the API;
 *    no path ever reaches the file system.
 *  - Only GET and HEAD, no request body; URLs up to SRV_MAX_URL bytes,
 *    headers within SRV_MAX_HEADERS bytes; idle connections dropped after
 *    SRV_IDLE_SECONDS; every query stopped after srv_options.query_ms
 *    (503). Answers carry a strict Content-Security-Policy (scripts and
 *    styles from the server itself only) and nosniff.
 *  - The API is src/store/query.h over HTTP: GET /api/KIND?KEY=VALUE&...
 *    with KIND events, groups, series, countries, dyads, places, totals
 *    answers {"rows":[...]} (format=csv: CSV); /api/article?article=ID the
 *    article view; /api/geo the country positions for the map (from
 *    data/geo/countries.tsv when present: [[iso3, name, lat, lon], ...]).
 *    Bad parameters: 400 {"error": "..."}.
 *  - The store is opened read-only, one connection per server thread, so a
 *    `dyad ingest` can keep writing while the dashboard reads. Answers are
 *    remembered (by request target, up to SRV_CACHE_SLOTS of them) until
 *    the store changes; X-Dyad-Cache says hit or miss. */
#ifndef DYAD_SERVE_H
#define DYAD_SERVE_H

#define SRV_MAX_URL 4096          /* longest request target, bytes */
#define SRV_MAX_HEADERS (32 << 10) /* memory for one request's headers */
#define SRV_IDLE_SECONDS 15       /* an idle connection is closed after this */

typedef struct srv_options {
    const char *db_path;   /* the store (must exist) */
    const char *host;      /* address to listen on; NULL = 127.0.0.1 */
    unsigned port;         /* 0 = any free port (see srv_port) */
    unsigned threads;      /* worker threads; 0 = one per CPU (at least 2) */
    unsigned query_ms;     /* time limit per request's queries; 0 = 5000 */
    int quiet;             /* no request log on stderr */
} srv_options;

typedef struct srv_server srv_server;

/* Open the store and start listening. NULL on failure, with a malloc'ed
 * message in *err (caller frees). */
srv_server *srv_start(const srv_options *o, char **err);

/* The port actually listened on. */
unsigned srv_port(const srv_server *s);

/* Stop listening, finish, close the store. */
void srv_stop(srv_server *s);

/* Embedded assets: the bytes served at `path` ("/", "/app.js", ...), NULL
 * when there is none; *len and *type (its Content-Type) are set. */
const char *srv_asset(const char *path, unsigned long *len, const char **type);

#endif
