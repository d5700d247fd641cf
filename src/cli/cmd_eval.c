/* cmd_eval.c: `dyad eval tabari DIR`, `dyad eval petrarch FILE.xml`. */
#include "cli/cli.h"
#include "eval/eval.h"
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: dyad eval tabari DIR [-v] [--only ID]\n"
    "       dyad eval petrarch RECORDS.xml [--dict FILE]... [-v] [--only ID]\n"
    "       dyad eval timex DIR [-v] [--only NAME]\n"
    "       dyad eval extract DIR [-v] [--only ID]\n"
    "       dyad eval ner DIR [-v] [--only NAME]\n"
    "\n"
    "Codes a gold suite from its raw text and prints per-category results,\n"
    "ending with 'F1 ... precision ... recall ... (TP n FP n FN n)'.\n"
    "  tabari DIR     TABARI's validation suite: DIR holds Validate.project\n"
    "                 and the files it names (honours its { OPTION: } records)\n"
    "  petrarch FILE  PETRARCH unit-test records, coded from <Text> only; the\n"
    "                 PETR.Validate.* dictionaries beside FILE unless --dict\n"
    "  timex DIR      time expressions: TempEval-3 .tml or MEANTIME CAT .xml\n"
    "                 under DIR; relaxed/strict span F1, then value F1\n"
    "  extract DIR    article extraction from HTML: the ScrapingHub benchmark\n"
    "                 (DIR/ground-truth.json) or trafilatura's English subset\n"
    "                 (DIR/evaldata-en-subset.json), each with its own scoring\n"
    "  ner DIR        people, organisations and places named: CoNLL files\n"
    "                 (Wikigold) or MEANTIME CAT .xml under DIR; F1 per type\n"
    "  -v             print every record dyad gets wrong\n"
    "  --only ID      only records whose id contains ID\n";

int cmd_eval(int argc, char **argv)
{
    if (argc < 3 || cli_is(argv[1], "-h", "--help")) {
        fputs(usage, argc < 3 && !(argc > 1 && cli_is(argv[1], "-h", "--help")) ? stderr : stdout);
        return argc < 3 && !(argc > 1 && cli_is(argv[1], "-h", "--help")) ? 2 : 0;
    }
    eval_opts opt = {0};
    const char *dicts[16];
    int ndicts = 0;
    for (int i = 3; i < argc; i++) {
        if (cli_is(argv[i], "-v", "--verbose")) opt.verbose = 1;
        else if (cli_is(argv[i], "--only", NULL) && i + 1 < argc) opt.only = argv[++i];
        else if (cli_is(argv[i], "--dict", NULL) && i + 1 < argc && ndicts < 16) dicts[ndicts++] = argv[++i];
        else { fprintf(stderr, "dyad eval: unknown option '%s'\n%s", argv[i], usage); return 2; }
    }
    eval_score s;
    int rc;
    if (!strcmp(argv[1], "tabari")) rc = eval_tabari(argv[2], &opt, stdout, &s);
    else if (!strcmp(argv[1], "extract")) rc = eval_extract(argv[2], &opt, stdout, &s);
    else if (!strcmp(argv[1], "petrarch")) rc = eval_petrarch(argv[2], dicts, ndicts, &opt, stdout, &s);
    else if (!strcmp(argv[1], "timex")) rc = eval_timex(argv[2], &opt, stdout, &s);
    else if (!strcmp(argv[1], "ner")) rc = eval_ner(argv[2], &opt, stdout, &s);
    else { fprintf(stderr, "dyad eval: unknown suite '%s'\n%s", argv[1], usage); return 2; }
    return rc ? 1 : 0;
}
