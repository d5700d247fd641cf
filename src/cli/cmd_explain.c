/* cmd_explain.c: `dyad explain TEXT`: show how a sentence is coded. */
#include "cli/cli.h"
#include "dyad.h"
#include "input/input.h"
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: dyad explain [--date YYYY-MM-DD] [--dict FILE]... [--no-default-dict] TEXT\n"
    "\n"
    "Codes TEXT and shows each step: the words as dyad classifies them\n"
    "(actor, agent, verb, noun...; '~' marks words of a dropped comma clause),\n"
    "the actors with their codes, why a sentence was skipped, and the events\n"
    "with the dictionary pattern that produced each.\n";

int cmd_explain(int argc, char **argv)
{
    const char *dicts[64];
    int ndicts = 0, defaults = 1, date = 0;
    const char *text = NULL;
    for (int i = 1; i < argc; i++) {
        if (cli_is(argv[i], "-h", "--help")) { fputs(usage, stdout); return 0; }
        else if (cli_is(argv[i], "--date", NULL) && i + 1 < argc) date = cli_date(argv[++i]);
        else if (cli_is(argv[i], "--dict", NULL) && i + 1 < argc) { if (ndicts < 64) dicts[ndicts++] = argv[++i]; }
        else if (cli_is(argv[i], "--no-default-dict", NULL)) defaults = 0;
        else if (argv[i][0] == '-' && argv[i][1]) { fprintf(stderr, "dyad explain: unknown option '%s'\n%s", argv[i], usage); return 2; }
        else text = argv[i];
    }
    if (!text) { fputs(usage, stderr); return 2; }
    dyad_engine *e = dyad_engine_new();
    if (defaults && dyad_engine_load_default(e, NULL) < 0)
        fprintf(stderr, "dyad explain: dyad's own dictionaries not found (set DYAD_DATA)\n");
    for (int i = 0; i < ndicts; i++)
        if (dyad_engine_load(e, dicts[i]) < 0) { fprintf(stderr, "dyad explain: cannot read %s\n", dicts[i]); return 2; }
    dyad_engine_ready(e);
    dyad_article a = {"explain", "", "", "", date, text, strlen(text), "<command line>", 0};
    int n = dyad_explain(e, &a, stdout);
    dyad_engine_free(e);
    return n < 0 ? 1 : 0;
}
