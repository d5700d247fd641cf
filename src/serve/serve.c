/* serve.c: the HTTP server (see serve.h), on libmicrohttpd with a thread
 * pool; each worker borrows a read-only store connection per request. */
#include "serve/serve.h"
#include "store/query.h"
#include "store/store.h"
#include "util/buf.h"
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "data"
#endif

/* One read-only store connection, lent to one request at a time. */
typedef struct srv_conn {
    sto_db *db;                 /* the connection */
    sqlite3_stmt *gen;          /* the store's generation (see generation()) */
    double deadline;            /* monotonic seconds after which its query is interrupted */
    struct srv_conn *next;      /* next free one */
} srv_conn;

#define SRV_CACHE_SLOTS 256           /* answers remembered */
#define SRV_CACHE_MAX_BODY (1u << 20) /* larger answers are not */

/* One remembered answer. */
typedef struct srv_cached {
    char *key;                  /* request target (path?query), NULL = free slot */
    char *body;                 /* the answer's bytes */
    size_t len;                 /* their number */
    const char *type;           /* its Content-Type (a constant) */
    int64_t gen;                /* store generation it was computed at */
    uint64_t used;              /* last use (s->tick), for eviction */
} srv_cached;

struct srv_server {
    struct MHD_Daemon *daemon;  /* the HTTP server */
    srv_conn *conns;            /* every connection (array of nconns) */
    unsigned nconns;            /* how many: one per worker thread */
    srv_conn *idle;             /* the free ones */
    pthread_mutex_t mu;         /* guards idle */
    pthread_cond_t cv;          /* signalled when one is given back */
    unsigned port;              /* listening port */
    int loopback;               /* bound to a loopback address: check Host */
    double query_s;             /* time limit per request, seconds */
    int quiet;                  /* no request log */
    buf geo;                    /* /api/geo's answer, made once */
    srv_cached cache[SRV_CACHE_SLOTS]; /* remembered answers */
    pthread_mutex_t cache_mu;   /* guards cache and tick */
    uint64_t tick;              /* use counter for the cache */
};

/* Per request: the raw request target, kept by the URI callback (MHD
 * hands the handler a decoded path without its query string). */
typedef struct srv_req {
    char *target;               /* path?query as sent, NUL-terminated; NULL when too long */
    int started;                /* the handler has seen this request before */
    int body;                   /* a request body arrived (refused) */
    struct timespec t0;         /* when it started, for the log */
} srv_req;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* SQLite calls this every few thousand steps: non-zero interrupts the query. */
static int past_deadline(void *p)
{
    return now() > ((srv_conn *)p)->deadline;
}

static srv_conn *borrow(srv_server *s)
{
    pthread_mutex_lock(&s->mu);
    while (!s->idle) pthread_cond_wait(&s->cv, &s->mu);
    srv_conn *k = s->idle;
    s->idle = k->next;
    pthread_mutex_unlock(&s->mu);
    k->deadline = now() + s->query_s;
    return k;
}

static void give_back(srv_server *s, srv_conn *k)
{
    pthread_mutex_lock(&s->mu);
    k->next = s->idle;
    s->idle = k;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

/* ---- responses ---- */

static const char csp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
    " font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/* How reply() gets its body. */
enum { BODY_STATIC, BODY_OWNED, BODY_COPY };

/* Queue body[0..len) with the common headers: BODY_STATIC lives forever,
 * BODY_OWNED is malloc'ed and freed by MHD, BODY_COPY is copied by MHD.
 * `cache` is the Cache-Control value (NULL: no-store); `hit` adds
 * X-Dyad-Cache (NULL: none). */
static enum MHD_Result reply(struct MHD_Connection *c, unsigned status, const char *type, const char *body,
                             size_t len, int how, const char *cache, const char *hit)
{
    enum MHD_ResponseMemoryMode mode = how == BODY_OWNED ? MHD_RESPMEM_MUST_FREE
                                     : how == BODY_COPY  ? MHD_RESPMEM_MUST_COPY
                                                         : MHD_RESPMEM_PERSISTENT;
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body, mode);
    if (!r) {
        if (how == BODY_OWNED) free((void *)body);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Cache-Control", cache ? cache : "no-store");
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    if (hit) MHD_add_response_header(r, "X-Dyad-Cache", hit);
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED) MHD_add_response_header(r, "Allow", "GET, HEAD");
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result reply_error(struct MHD_Connection *c, unsigned status, const char *msg)
{
    buf b;
    buf_init(&b);
    buf_adds(&b, "{\"error\":");
    buf_json_str(&b, msg, strlen(msg));
    buf_adds(&b, "}\n");
    return reply(c, status, "application/json; charset=utf-8", b.data, b.len, BODY_OWNED, NULL, NULL);
}

/* ---- answers remembered ---- */

/* The store's generation: it moves whenever an ingest commits articles or
 * copies (every other table changes with them), so an answer computed at
 * the same generation is still right. Two index lookups. */
static int64_t generation(srv_conn *k)
{
    if (!k->gen) return -1;
    int64_t g = sqlite3_step(k->gen) == SQLITE_ROW ? sqlite3_column_int64(k->gen, 0) : -1;
    sqlite3_reset(k->gen);
    return g;
}

/* The remembered answer to `key` at generation gen, copied into *out
 * (caller frees) with its type; 0 when there is none. */
static int cache_get(srv_server *s, const char *key, int64_t gen, char **out, size_t *len, const char **type)
{
    int found = 0;
    pthread_mutex_lock(&s->cache_mu);
    for (int i = 0; i < SRV_CACHE_SLOTS && !found; i++) {
        srv_cached *e = &s->cache[i];
        if (!e->key || e->gen != gen || strcmp(e->key, key)) continue;
        e->used = ++s->tick;
        *out = malloc(e->len + 1);
        if (!*out) break;
        memcpy(*out, e->body, e->len);
        *len = e->len;
        *type = e->type;
        found = 1;
    }
    pthread_mutex_unlock(&s->cache_mu);
    return found;
}

/* Remember an answer (copied), in place of the least recently used one. */
static void cache_put(srv_server *s, const char *key, int64_t gen, const char *body, size_t len, const char *type)
{
    if (gen < 0 || len > SRV_CACHE_MAX_BODY) return;
    char *k = strdup(key), *b = malloc(len + 1);
    if (!k || !b) { free(k); free(b); return; }
    memcpy(b, body, len);
    pthread_mutex_lock(&s->cache_mu);
    srv_cached *victim = &s->cache[0];
    for (int i = 0; i < SRV_CACHE_SLOTS; i++) {
        srv_cached *e = &s->cache[i];
        if (!e->key || (e->key && !strcmp(e->key, key))) { victim = e; break; }
        if (e->used < victim->used) victim = e;
    }
    free(victim->key);
    free(victim->body);
    *victim = (srv_cached){.key = k, .body = b, .len = len, .type = type, .gen = gen, .used = ++s->tick};
    pthread_mutex_unlock(&s->cache_mu);
}

/* ---- the API ---- */

static const char json_type[] = "application/json; charset=utf-8";

/* One API answer: /api/KIND?query (kind < QRY_NKINDS: {"rows":[...]}, or
 * CSV or a text table) or the article view (kind == QRY_NKINDS). Answers
 * are remembered by request target until the store changes. */
static enum MHD_Result api(srv_server *s, struct MHD_Connection *c, const char *key, qry_kind kind, const char *qs)
{
    qry_filter f;
    qry_init(&f);
    char err[QRY_ERR_MAX];
    if (qry_parse_query(&f, qs, strlen(qs), err, sizeof err)) return reply_error(c, MHD_HTTP_BAD_REQUEST, err);
    int article = kind == QRY_NKINDS;
    if (article && !f.article[0]) return reply_error(c, MHD_HTTP_BAD_REQUEST, "which article? (article=ID)");
    const char *type = article || f.format == QRY_JSON ? json_type
                     : f.format == QRY_CSV            ? "text/csv; charset=utf-8"
                                                      : "text/plain; charset=utf-8";
    srv_conn *k = borrow(s);
    int64_t gen = generation(k);
    char *body;
    size_t len;
    const char *ctype;
    if (cache_get(s, key, gen, &body, &len, &ctype)) {
        give_back(s, k);
        return reply(c, MHD_HTTP_OK, ctype, body, len, BODY_OWNED, NULL, "hit");
    }
    qry_sink out = {.f = NULL};
    buf_init(&out.b);
    int rc;
    if (article) rc = qry_article(sto_sqlite(k->db), f.article, &out, err, sizeof err);
    else {
        if (f.format == QRY_JSON) buf_adds(&out.b, "{\"rows\":");
        rc = qry_run(sto_sqlite(k->db), kind, &f, f.format, &out, err, sizeof err) < 0 ? -1 : 1;
        if (rc > 0 && f.format == QRY_JSON) buf_addc(&out.b, '}');
    }
    give_back(s, k);
    if (rc <= 0) {
        buf_free(&out.b);
        if (rc == 0) return reply_error(c, MHD_HTTP_NOT_FOUND, "no such article");
        if (!strcmp(err, "interrupted")) return reply_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "the query took too long");
        return reply_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, err);
    }
    if (type == json_type) buf_addc(&out.b, '\n');
    cache_put(s, key, gen, out.b.data, out.b.len, type);
    return reply(c, MHD_HTTP_OK, type, out.b.data, out.b.len, BODY_OWNED, NULL, "miss");
}

/* The map's country positions, [[iso3, name, lat, lon], ...], from the
 * gazetteer's countries.tsv (ISO3 ISO2 name lat lon); [] without it. */
static void load_geo(buf *b)
{
    const char *path = getenv("DYAD_GEO");
    char def[1024];
    if (!path) {
        snprintf(def, sizeof def, "%s/geo/countries.tsv", DYAD_DATADIR);
        path = def;
    }
    buf_addc(b, '[');
    FILE *f = fopen(path, "r");
    char line[512];
    int n = 0;
    while (f && fgets(line, sizeof line, f)) {
        if (line[0] == '#') continue;
        char iso3[8], iso2[8], name[256];
        double lat, lon;
        if (sscanf(line, "%7[^\t]\t%7[^\t]\t%255[^\t]\t%lf\t%lf", iso3, iso2, name, &lat, &lon) != 5) continue;
        buf_adds(b, n++ ? ",[" : "[");
        buf_json_str(b, iso3, strlen(iso3));
        buf_addc(b, ',');
        buf_json_str(b, name, strlen(name));
        buf_printf(b, ",%.2f,%.2f]", lat, lon);
    }
    if (f) fclose(f);
    buf_adds(b, "]\n");
}

/* ---- requests ---- */

static void *uri_log(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    srv_req *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    clock_gettime(CLOCK_MONOTONIC, &r->t0);
    if (strlen(uri) <= SRV_MAX_URL) r->target = strdup(uri);
    return r;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)c;
    (void)toe;
    srv_req *r = *con_cls;
    if (r) free(r->target);
    free(r);
    *con_cls = NULL;
}

/* Is the Host header one of ours (loopback names, our port)? */
static int host_ok(const srv_server *s, struct MHD_Connection *c)
{
    if (!s->loopback) return 1;
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
    if (!h) return 1; /* HTTP/1.0 */
    static const char *const names[] = {"127.0.0.1", "localhost", "[::1]"};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(names[i]);
        if (strncasecmp(h, names[i], n)) continue;
        if (!h[n]) return 1;
        if (h[n] == ':' && (unsigned)strtoul(h + n + 1, NULL, 10) == s->port) return 1;
    }
    return 0;
}

static const struct {
    const char *path;  /* API route */
    qry_kind kind;     /* what it answers */
} routes[] = {
    {"/api/events", QRY_EVENTS}, {"/api/groups", QRY_GROUPS}, {"/api/series", QRY_SERIES},
    {"/api/countries", QRY_COUNTRIES}, {"/api/dyads", QRY_DYADS}, {"/api/places", QRY_PLACES},
    {"/api/totals", QRY_TOTALS},
};

static enum MHD_Result route(srv_server *s, struct MHD_Connection *c, const char *path, const char *key,
                             const char *qs)
{
    unsigned long len;
    const char *type;
    const char *asset = srv_asset(path, &len, &type);
    if (asset) return reply(c, MHD_HTTP_OK, type, asset, len, BODY_STATIC, "no-cache", NULL);
    for (size_t i = 0; i < sizeof routes / sizeof *routes; i++)
        if (!strcmp(path, routes[i].path)) return api(s, c, key, routes[i].kind, qs);
    if (!strcmp(path, "/api/article")) return api(s, c, key, QRY_NKINDS, qs);
    if (!strcmp(path, "/api/geo"))
        return reply(c, MHD_HTTP_OK, json_type, s->geo.data, s->geo.len, BODY_STATIC, "max-age=3600", NULL);
    return reply_error(c, MHD_HTTP_NOT_FOUND, "not found");
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)version;
    (void)upload;
    srv_server *s = cls;
    srv_req *r = *con_cls;
    if (!r) return MHD_NO; /* out of memory: drop the connection */
    if (!r->started) {
        r->started = 1;
        if (strcmp(method, "GET") && strcmp(method, "HEAD"))
            return reply_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD");
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        if ((cl && strtoul(cl, NULL, 10) > 0) || MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding"))
            return reply_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "no request body here");
        return MHD_YES;
    }
    if (*upload_size) { /* a body after all: swallow it, refuse below */
        *upload_size = 0;
        r->body = 1;
        return MHD_YES;
    }
    if (r->body) return reply_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "no request body here");
    if (!r->target) return reply_error(c, MHD_HTTP_URI_TOO_LONG, "the URL is too long");
    if (!host_ok(s, c)) return reply_error(c, MHD_HTTP_MISDIRECTED_REQUEST, "unknown Host");
    const char *q = strchr(r->target, '?');
    char qs[SRV_MAX_URL + 1];
    snprintf(qs, sizeof qs, "%s", q ? q + 1 : "");
    qs[strcspn(qs, "#")] = 0;
    enum MHD_Result ok = route(s, c, url, r->target, qs);
    if (!s->quiet) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ms = (double)(t1.tv_sec - r->t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - r->t0.tv_nsec) / 1e6;
        fprintf(stderr, "dyad serve: %s %.200s %.1f ms\n", method, r->target, ms);
    }
    return ok;
}

/* ---- start, stop ---- */

static void set_err(char **err, const char *fmt, const char *a, const char *b)
{
    if (!err) return;
    size_t n = strlen(fmt) + strlen(a) + strlen(b) + 1;
    *err = malloc(n);
    if (*err) snprintf(*err, n, fmt, a, b);
}

srv_server *srv_start(const srv_options *o, char **err)
{
    if (err) *err = NULL;
    srv_server *s = calloc(1, sizeof *s);
    if (!s) abort();
    pthread_mutex_init(&s->mu, NULL);
    pthread_mutex_init(&s->cache_mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    buf_init(&s->geo);
    load_geo(&s->geo);
    s->query_s = (o->query_ms ? o->query_ms : 5000) / 1000.0;
    s->quiet = o->quiet;
    unsigned threads = o->threads;
    if (!threads) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        threads = cpus < 2 ? 2 : cpus > 64 ? 64 : (unsigned)cpus;
    }
    s->conns = calloc(threads, sizeof *s->conns);
    if (!s->conns) abort();
    for (unsigned i = 0; i < threads; i++) {
        char *e = NULL;
        s->conns[i].db = sto_open_ro(o->db_path, &e);
        if (!s->conns[i].db) {
            set_err(err, "%s%s", e ? e : o->db_path, "");
            free(e);
            srv_stop(s);
            return NULL;
        }
        s->nconns++;
        sqlite3_progress_handler(sto_sqlite(s->conns[i].db), 2000, past_deadline, &s->conns[i]);
        sqlite3_prepare_v2(sto_sqlite(s->conns[i].db),
                           "SELECT ((SELECT coalesce(max(rowid), 0) FROM articles) << 32)"
                           " + (SELECT coalesce(max(rowid), 0) FROM copies)", -1, &s->conns[i].gen, NULL);
        s->conns[i].next = s->idle;
        s->idle = &s->conns[i];
    }

    const char *host = o->host ? o->host : "127.0.0.1";
    struct sockaddr_in6 a6 = {0};
    struct sockaddr_in a4 = {0};
    struct sockaddr *addr;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO;
    if (inet_pton(AF_INET, host, &a4.sin_addr) == 1) {
        a4.sin_family = AF_INET;
        a4.sin_port = htons((unsigned short)o->port);
        addr = (struct sockaddr *)&a4;
        s->loopback = (ntohl(a4.sin_addr.s_addr) >> 24) == 127;
    } else if (inet_pton(AF_INET6, host, &a6.sin6_addr) == 1) {
        a6.sin6_family = AF_INET6;
        a6.sin6_port = htons((unsigned short)o->port);
        addr = (struct sockaddr *)&a6;
        flags |= MHD_USE_IPv6;
        s->loopback = IN6_IS_ADDR_LOOPBACK(&a6.sin6_addr);
    } else {
        set_err(err, "not an IP address: %s%s", host, "");
        srv_stop(s);
        return NULL;
    }
    s->daemon = MHD_start_daemon(flags, (unsigned short)o->port, NULL, NULL, handle, s,
                                 MHD_OPTION_SOCK_ADDR, addr,
                                 MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)threads,
                                 MHD_OPTION_CONNECTION_LIMIT, (unsigned int)512,
                                 MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)SRV_IDLE_SECONDS,
                                 MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SRV_MAX_HEADERS,
                                 MHD_OPTION_URI_LOG_CALLBACK, uri_log, (void *)s,
                                 MHD_OPTION_NOTIFY_COMPLETED, completed, (void *)s,
                                 MHD_OPTION_END);
    /* (No MHD_OPTION_LISTENING_ADDRESS_REUSE: SO_REUSEPORT would let a second
     * server share the port silently, each answering half the requests.) */
    if (!s->daemon) {
        char port[16];
        snprintf(port, sizeof port, "%u", o->port);
        set_err(err, "cannot listen on %s port %s (in use? not an address of this machine?)", host, port);
        srv_stop(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : o->port;
    return s;
}

unsigned srv_port(const srv_server *s) { return s->port; }

void srv_stop(srv_server *s)
{
    if (!s) return;
    if (s->daemon) MHD_stop_daemon(s->daemon);
    for (unsigned i = 0; i < s->nconns; i++) {
        sqlite3_finalize(s->conns[i].gen);
        sto_close(s->conns[i].db);
    }
    for (int i = 0; i < SRV_CACHE_SLOTS; i++) {
        free(s->cache[i].key);
        free(s->cache[i].body);
    }
    pthread_mutex_destroy(&s->cache_mu);
    free(s->conns);
    buf_free(&s->geo);
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->mu);
    free(s);
}
