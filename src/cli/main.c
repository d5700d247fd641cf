/* main.c: dyad's entry point: picks the command. */
#include "cli/cli.h"
#include "dyad.h"
#include "input/input.h"
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "dyad " DYAD_VERSION ": news text in, coded events (who did what to whom) out.\n"
    "\n"
    "usage: dyad COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  code FILE...        code articles (text, JSON Lines; '-' = stdin) into events\n"
    "  ingest FILE... --db DB   code articles into an SQLite store (idempotent, restartable)\n"
    "  query --db DB [filters]  events, series, maps and dyads from a store (table, CSV, JSON)\n"
    "  export --db DB --format F   the store as GDELT 2.0 events or mentions, PLOVER JSON, CSV\n"
    "  serve --db DB       a dashboard and JSON API over a store (http://127.0.0.1:8080)\n"
    "  eval SUITE ...      score dyad on a gold suite (tabari, petrarch)\n"
    "  dict check FILE     check a dictionary file and list its problems\n"
    "  explain TEXT        show step by step how a sentence is coded\n"
    "  version             print the version\n"
    "\n"
    "'dyad COMMAND --help' tells more about each command.\n";

int cli_is(const char *arg, const char *a, const char *b)
{
    return (a && !strcmp(arg, a)) || (b && !strcmp(arg, b));
}

int cli_date(const char *s) { return rd_parse_date(s); }

int main(int argc, char **argv)
{
    if (argc < 2 || cli_is(argv[1], "-h", "--help") || cli_is(argv[1], "help", NULL)) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "code")) return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "eval")) return cmd_eval(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict")) return cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "explain")) return cmd_explain(argc - 1, argv + 1);
    if (!strcmp(cmd, "ingest")) return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(cmd, "query")) return cmd_query(argc - 1, argv + 1);
    if (!strcmp(cmd, "export")) return cmd_export(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve")) return cmd_serve(argc - 1, argv + 1);
    if (cli_is(cmd, "version", "--version")) { puts("dyad " DYAD_VERSION); return 0; }
    fprintf(stderr, "dyad: unknown command '%s'\n\n%s", cmd, usage);
    return 2;
}
