/* cmd_dict.c: `dyad dict check FILE...`: load a dictionary and list its problems. */
#include "cli/cli.h"
#include "lexicon/check.h"
#include "util/buf.h"
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: dyad dict check FILE...\n"
    "\n"
    "Loads each dictionary (dyad, TABARI or PETRARCH format, told apart by\n"
    "name and content) and prints every error and warning with its file and\n"
    "line, then a summary. Exit status 1 when any file has errors.\n";

int cmd_dict(int argc, char **argv)
{
    if (argc < 3 || strcmp(argv[1], "check")) {
        int help = argc > 1 && cli_is(argv[1], "-h", "--help");
        fputs(usage, help ? stdout : stderr);
        return help ? 0 : 2;
    }
    int bad = 0;
    for (int i = 2; i < argc; i++) {
        buf msg;
        buf_init(&msg);
        int errors = lex_check_file(argv[i], &msg);
        if (msg.data) fputs(msg.data, stdout);
        if (errors < 0) { fprintf(stderr, "dyad dict: cannot read %s (or unknown format)\n", argv[i]); bad = 1; }
        else if (errors > 0) bad = 1;
        buf_free(&msg);
    }
    return bad;
}
