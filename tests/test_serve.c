/* test_serve.c: `dyad serve` over the fixture store, spoken to with raw
 * HTTP: the assets, the API against the query module, and every refusal
 * the server promises (methods, bodies, long URLs, foreign Hosts, paths
 * outside its assets, bad filters). Also the helpers the browser test
 * uses to start a server. */
#include "test.h"
#include "store/query.h"
#include "store/store.h"
#include <arpa/inet.h>
#include <jansson.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *test_fixture_db(void);                                          /* test_query.c */
const char *test_fixture_corpus(const char *name, int n, int days, uint32_t seed); /* test_store_ingest.c */
const char *test_fixture_dicts(void);
const char *test_store_tmp(const char *name, const void *data, size_t n);   /* test_store_ingest.c */

/* Start `dyad serve --db db --port 0 --quiet extra` and wait for its
 * address line; returns its pid (0 on failure) and the port in *port. */
pid_t test_serve_start(const char *db, const char *extra, unsigned *port)
{
    static int n;
    char name[64];
    snprintf(name, sizeof name, "serve-%d.out", n++);
    const char *out = test_store_tmp(name, "", 0);
    if (!out) return 0;
    pid_t pid = fork();
    if (pid == 0) {
        char cmd[2048];
        snprintf(cmd, sizeof cmd, "exec %s serve --db %s --port 0 --quiet %s > %s 2>/dev/null", test_dyad_bin(), db,
                 extra ? extra : "", out);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 2000; i++) { /* up to 20 s (sanitizer builds start slowly) */
        FILE *f = fopen(out, "r");
        unsigned p = 0;
        int got = f && fscanf(f, "http://127.0.0.1:%u/", &p) == 1;
        if (f) fclose(f);
        if (got && p) {
            *port = p;
            return pid;
        }
        int st;
        if (waitpid(pid, &st, WNOHANG) == pid) return 0;
        struct timespec t = {0, 10000000};
        nanosleep(&t, NULL);
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    return 0;
}

/* Stop a server started by test_serve_start (as Ctrl-C would); its exit status. */
int test_serve_stop(pid_t pid)
{
    int st = -1;
    kill(pid, SIGTERM);
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Send raw bytes to the server, read the whole answer (malloc'ed). */
static char *http_raw(unsigned port, const char *req, size_t len)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval tv = {20, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, (struct sockaddr *)&a, sizeof a)) { close(fd); return NULL; }
    for (size_t o = 0; o < len;) {
        ssize_t w = send(fd, req + o, len - o, MSG_NOSIGNAL);
        if (w <= 0) break;
        o += (size_t)w;
    }
    size_t cap = 1 << 16, n = 0;
    char *out = malloc(cap);
    ssize_t r;
    while ((r = recv(fd, out + n, cap - n - 1, 0)) > 0) {
        n += (size_t)r;
        if (cap - n < 2) out = realloc(out, cap *= 2);
    }
    out[n] = 0;
    close(fd);
    return out;
}

/* GET target with the usual headers; the answer. */
static char *http_get(unsigned port, const char *target)
{
    size_t n = strlen(target) + 128;
    char *req = malloc(n);
    snprintf(req, n, "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nConnection: close\r\n\r\n", target, port);
    char *out = http_raw(port, req, strlen(req));
    free(req);
    return out;
}

static int status_of(const char *resp) { return resp && !strncmp(resp, "HTTP/1.", 7) ? atoi(resp + 9) : -1; }

static const char *body_of(const char *resp)
{
    const char *b = resp ? strstr(resp, "\r\n\r\n") : NULL;
    return b ? b + 4 : "";
}

/* The fixture server, started once for these tests and stopped at exit. */
static unsigned port_;
static pid_t pid_;

static void stop_server(void)
{
    if (pid_) test_serve_stop(pid_);
}

static unsigned server(void)
{
    if (!pid_) {
        const char *db = test_fixture_db();
        if (!db || !(pid_ = test_serve_start(db, "--threads 4", &port_))) return 0;
        atexit(stop_server);
    }
    return port_;
}

TEST(serve_assets_with_strict_headers)
{
    unsigned port = server();
    REQUIRE(port);
    char *r = http_get(port, "/");
    CHECK_INT(status_of(r), 200);
    CHECK(r && strstr(r, "Content-Type: text/html; charset=utf-8\r\n"));
    CHECK(r && strstr(r, "Content-Security-Policy: default-src 'none'; script-src 'self';"));
    CHECK(r && strstr(r, "X-Content-Type-Options: nosniff\r\n"));
    CHECK(strstr(body_of(r), "<script src=\"/app.js\" defer></script>") != NULL);
    /* nothing inline and nothing from elsewhere */
    CHECK(strstr(body_of(r), "http://") == NULL && strstr(body_of(r), "https://") == NULL);
    CHECK(strstr(body_of(r), "<script>") == NULL && strstr(body_of(r), "style=") == NULL);
    free(r);
    r = http_get(port, "/app.js");
    CHECK_INT(status_of(r), 200);
    CHECK(r && strstr(r, "Content-Type: text/javascript"));
    CHECK(strstr(body_of(r), "innerHTML") == NULL); /* data never goes in as HTML */
    free(r);
    r = http_get(port, "/style.css");
    CHECK_INT(status_of(r), 200);
    free(r);
    static const char head[] = "HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    r = http_raw(port, head, sizeof head - 1);
    CHECK_INT(status_of(r), 200);
    CHECK_STR(body_of(r), "");
    free(r);
}

TEST(serve_api_answers_what_the_query_module_answers)
{
    unsigned port = server();
    REQUIRE(port);
    static const struct { const char *path; qry_kind kind; const char *qs; } cases[] = {
        {"/api/series", QRY_SERIES, "dyad=RUS%2CUKR&by=month"},
        {"/api/events", QRY_EVENTS, "actor=usa&limit=7&q=geneva"},
        {"/api/countries", QRY_COUNTRIES, "quad=conflict"},
        {"/api/dyads", QRY_DYADS, "limit=5&from=2024-02-01"},
        {"/api/groups", QRY_GROUPS, "plover=ASSAULT&negated=1"},
        {"/api/totals", QRY_TOTALS, ""},
    };
    sto_db *db = sto_open_ro(test_fixture_db(), NULL);
    REQUIRE(db);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char target[512];
        snprintf(target, sizeof target, "%s?%s", cases[i].path, cases[i].qs);
        char *r = http_get(port, target);
        CHECK_INT(status_of(r), 200);
        qry_filter f;
        qry_init(&f);
        char err[QRY_ERR_MAX];
        CHECK_INT(qry_parse_query(&f, cases[i].qs, strlen(cases[i].qs), err, sizeof err), 0);
        qry_sink want = {.f = NULL};
        buf_init(&want.b);
        buf_adds(&want.b, "{\"rows\":");
        CHECK(qry_run(sto_sqlite(db), cases[i].kind, &f, QRY_JSON, &want, err, sizeof err) >= 0);
        buf_adds(&want.b, "}\n");
        CHECK_STR(body_of(r), want.b.data);
        buf_free(&want.b);
        free(r);
    }
    sto_close(db);
    /* CSV on request */
    char *r = http_get(port, "/api/events?format=csv&limit=3");
    CHECK_INT(status_of(r), 200);
    CHECK(r && strstr(r, "Content-Type: text/csv"));
    int lines = 0;
    for (const char *p = body_of(r); *p; p++) lines += *p == '\n';
    CHECK_INT(lines, 4);
    free(r);
    /* the article view, by an article's id and by a copy's */
    r = http_get(port, "/api/article?article=fx-1");
    CHECK_INT(status_of(r), 200);
    json_error_t je;
    json_t *j = json_loads(body_of(r), 0, &je);
    CHECK(j && json_array_size(json_object_get(j, "events")) > 0);
    json_decref(j);
    free(r);
    r = http_get(port, "/api/article?article=fx-5");
    CHECK_INT(status_of(r), 200);
    free(r);
    r = http_get(port, "/api/article?article=nothing-here");
    CHECK_INT(status_of(r), 404);
    free(r);
    r = http_get(port, "/api/geo");
    CHECK_INT(status_of(r), 200);
    CHECK(body_of(r)[0] == '[');
    free(r);
}

TEST(serve_refuses_what_it_should)
{
    unsigned port = server();
    REQUIRE(port);
    /* paths outside the assets, however spelled */
    static const char *const nowhere[] = {"/../Makefile", "/%2e%2e/%2e%2e/etc/passwd", "/src/serve/serve.c",
                                          "/assets/app.js", "/api/../../etc/passwd", "/index.html/..",
                                          "//etc/passwd", "/api", "/api/articles"};
    for (size_t i = 0; i < sizeof nowhere / sizeof *nowhere; i++) {
        char *r = http_get(port, nowhere[i]);
        if (status_of(r) != 404 && status_of(r) != 400) printf("  %s -> %d\n", nowhere[i], status_of(r));
        CHECK(status_of(r) == 404 || status_of(r) == 400);
        CHECK(strstr(body_of(r), "root:") == NULL);
        free(r);
    }
    /* bad filters: 400 with a JSON message; injection attempts stay values */
    char *r = http_get(port, "/api/events?actor=USA%27%20OR%201%3D1--");
    CHECK_INT(status_of(r), 400);
    CHECK(strstr(body_of(r), "{\"error\":\"an actor code has only letters and digits") != NULL);
    free(r);
    r = http_get(port, "/api/events?q=%22%29%20OR%201%3D1%20--");
    CHECK_INT(status_of(r), 200);
    free(r);
    r = http_get(port, "/api/events?nope=1");
    CHECK_INT(status_of(r), 400);
    free(r);
    r = http_get(port, "/api/article");
    CHECK_INT(status_of(r), 400);
    free(r);
    /* methods and bodies */
    static const char post[] = "POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n"
                               "Connection: close\r\n\r\nhello";
    r = http_raw(port, post, sizeof post - 1);
    CHECK_INT(status_of(r), 405);
    CHECK(r && strstr(r, "Allow: GET, HEAD\r\n"));
    free(r);
    static const char body[] = "GET /api/totals HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n"
                               "Connection: close\r\n\r\nhello";
    r = http_raw(port, body, sizeof body - 1);
    CHECK_INT(status_of(r), 413);
    free(r);
    /* a foreign Host (DNS rebinding) */
    static const char evil[] = "GET /api/totals HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n";
    r = http_raw(port, evil, sizeof evil - 1);
    CHECK_INT(status_of(r), 421);
    free(r);
    /* a URL past the limit, headers past the limit */
    char *big = malloc(70000);
    memset(big, 'a', 69999);
    big[69999] = 0;
    memcpy(big, "/api/events?q=", 14);
    big[5000] = 0;
    r = http_get(port, big);
    CHECK_INT(status_of(r), 414);
    free(r);
    big[5000] = 'a';
    int n = snprintf(big, 200, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ");
    memcpy(big + 69990, "\r\n\r\n", 5);
    for (int i = n; i < 69990; i++) big[i] = 'x';
    r = http_raw(port, big, 69994);
    CHECK(status_of(r) >= 400 && status_of(r) < 500);
    free(r);
    free(big);
    /* still serving */
    r = http_get(port, "/api/totals");
    CHECK_INT(status_of(r), 200);
    free(r);
}

/* Many clients at once: every answer complete and right. */
static void *hammer(void *arg)
{
    unsigned port = *(unsigned *)arg;
    long ok = 0;
    for (int i = 0; i < 25; i++) {
        char *r = http_get(port, i % 2 ? "/api/series?dyad=RUS,UKR&by=week" : "/api/events?actor=CHN&limit=20");
        ok += status_of(r) == 200 && strstr(body_of(r), "]}\n");
        free(r);
    }
    return (void *)ok;
}

TEST(serve_many_clients_at_once)
{
    unsigned port = server();
    REQUIRE(port);
    pthread_t t[8];
    for (int i = 0; i < 8; i++) pthread_create(&t[i], NULL, hammer, &port);
    long ok = 0;
    for (int i = 0; i < 8; i++) {
        void *r;
        pthread_join(t[i], &r);
        ok += (long)r;
    }
    CHECK_INT(ok, 8 * 25);
}

/* Answers are remembered until an ingest changes the store. */
TEST(serve_remembers_answers_until_the_store_changes)
{
    const char *db = test_store_tmp("cache.db", NULL, 0);
    char cmd[2048];
    int st;
    snprintf(cmd, sizeof cmd, "%s ingest -q %s --db %s %s", test_dyad_bin(), test_fixture_dicts(), db,
             test_fixture_corpus("cache-a.jsonl", 40, 30, 5));
    free(test_run(cmd, &st));
    REQUIRE(st == 0);
    unsigned port;
    pid_t pid = test_serve_start(db, "", &port);
    REQUIRE(pid);
    char *a = http_get(port, "/api/totals");
    char *b = http_get(port, "/api/totals");
    CHECK(a && strstr(a, "X-Dyad-Cache: miss\r\n"));
    CHECK(b && strstr(b, "X-Dyad-Cache: hit\r\n"));
    CHECK_STR(body_of(a), body_of(b));
    /* more articles (fx-40 ... fx-79) while the server runs */
    snprintf(cmd, sizeof cmd, "%s ingest -q %s --db %s %s", test_dyad_bin(), test_fixture_dicts(), db,
             test_fixture_corpus("cache-b.jsonl", 80, 30, 5));
    free(test_run(cmd, &st));
    CHECK_INT(st, 0);
    char *c = http_get(port, "/api/totals");
    CHECK(c && strstr(c, "X-Dyad-Cache: miss\r\n"));
    CHECK(strcmp(body_of(a), body_of(c)) != 0);
    free(a);
    free(b);
    free(c);
    test_serve_stop(pid);
}

static int always(void *p) { (void)p; return 1; }

TEST(serve_time_limit_interrupts_a_query)
{
    /* the server's limit is SQLite's progress handler; a query it stops says so */
    const char *path = test_fixture_db();
    REQUIRE(path);
    sto_db *db = sto_open_ro(path, NULL);
    REQUIRE(db);
    sqlite3_progress_handler(sto_sqlite(db), 1, always, NULL);
    qry_filter f;
    qry_init(&f);
    qry_sink out = {.f = NULL};
    buf_init(&out.b);
    char err[QRY_ERR_MAX] = "";
    CHECK_INT(qry_run(sto_sqlite(db), QRY_SERIES, &f, QRY_JSON, &out, err, sizeof err), -1);
    CHECK_STR(err, "interrupted");
    buf_free(&out.b);
    sto_close(db);

    /* and a server stops cleanly on SIGTERM; a missing store is an error */
    unsigned port;
    pid_t pid = test_serve_start(path, "--timeout-ms 50", &port);
    REQUIRE(pid);
    char *r = http_get(port, "/api/series?by=month");
    CHECK_INT(status_of(r), 200);
    free(r);
    /* a second server cannot take the same port */
    char same[32];
    snprintf(same, sizeof same, "--port %u", port);
    unsigned port2;
    CHECK_INT(test_serve_start(path, same, &port2), 0);
    CHECK_INT(test_serve_stop(pid), 0);
    CHECK_INT(test_serve_start("build/test-tmp/no-such-store.db", "", &port), 0);
}
