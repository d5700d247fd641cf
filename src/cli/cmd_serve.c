/* cmd_serve.c: `dyad serve`: the dashboard and JSON API over a store
 * (src/serve), until SIGINT or SIGTERM. */
#include "cli/cli.h"
#include "serve/serve.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dyad serve --db FILE [--port N] [--host ADDR] [options]\n"
    "\n"
    "Serves a dashboard (search and filters, conflict and cooperation over\n"
    "time for a dyad, a map, the events and the articles with their evidence\n"
    "highlighted) and a JSON API over the store FILE, read-only: a running\n"
    "'dyad ingest' can keep adding to it.\n"
    "\n"
    "options:\n"
    "  --port N          port (default 8080; 0 = any free port)\n"
    "  --host ADDR       address to listen on (default 127.0.0.1: this machine\n"
    "                    only; anything else exposes the store to the network)\n"
    "  --threads N       worker threads (default: one per CPU)\n"
    "  --timeout-ms N    time limit per request (default 5000)\n"
    "  --quiet           no request log on stderr\n"
    "\n"
    "API: /api/events, /api/groups, /api/series, /api/countries, /api/dyads,\n"
    "/api/places, /api/totals take the filters of 'dyad query' as URL\n"
    "parameters (?dyad=RUS,UKR&by=week); /api/article?article=ID.\n"
    "The first line on stdout is the address, once listening.\n";

static long number(const char *s, long lo, long hi)
{
    char *end;
    long n = strtol(s, &end, 10);
    return end == s || *end || n < lo || n > hi ? -1 : n;
}

int cmd_serve(int argc, char **argv)
{
    srv_options o = {.port = 8080};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        long n;
        if (cli_is(a, "-h", "--help")) { fputs(usage, stdout); return 0; }
        else if (cli_is(a, "--db", NULL) && more) o.db_path = argv[++i];
        else if (cli_is(a, "--host", NULL) && more) o.host = argv[++i];
        else if (cli_is(a, "--quiet", "-q")) o.quiet = 1;
        else if (cli_is(a, "--port", "-p") && more) {
            if ((n = number(argv[++i], 0, 65535)) < 0) { fprintf(stderr, "dyad serve: bad --port '%s'\n", argv[i]); return 2; }
            o.port = (unsigned)n;
        } else if (cli_is(a, "--threads", NULL) && more) {
            if ((n = number(argv[++i], 1, 256)) < 0) { fprintf(stderr, "dyad serve: bad --threads '%s'\n", argv[i]); return 2; }
            o.threads = (unsigned)n;
        } else if (cli_is(a, "--timeout-ms", NULL) && more) {
            if ((n = number(argv[++i], 1, 600000)) < 0) { fprintf(stderr, "dyad serve: bad --timeout-ms '%s'\n", argv[i]); return 2; }
            o.query_ms = (unsigned)n;
        } else { fprintf(stderr, "dyad serve: unknown option '%s'\n%s", a, usage); return 2; }
    }
    if (!o.db_path) { fputs(usage, stderr); return 2; }

    /* Block the stop signals before the server's threads start, so they
     * inherit the mask and this thread alone receives them (sigwait). */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    char *err = NULL;
    srv_server *s = srv_start(&o, &err);
    if (!s) {
        fprintf(stderr, "dyad serve: %s\n", err ? err : "cannot start");
        free(err);
        return 2;
    }
    const char *host = o.host ? o.host : "127.0.0.1";
    int v6 = strchr(host, ':') != NULL;
    printf("http://%s%s%s:%u/\n", v6 ? "[" : "", host, v6 ? "]" : "", srv_port(s));
    fflush(stdout);
    if (o.host && strcmp(o.host, "127.0.0.1") && strcmp(o.host, "::1"))
        fprintf(stderr, "dyad serve: listening on %s: anyone who can reach this address can read the store\n", host);
    fprintf(stderr, "dyad serve: serving %s at http://%s%s%s:%u/ (Ctrl-C stops)\n", o.db_path, v6 ? "[" : "", host,
            v6 ? "]" : "", srv_port(s));
    int sig;
    sigwait(&stop, &sig);
    fprintf(stderr, "dyad serve: stopping\n");
    srv_stop(s);
    return 0;
}
