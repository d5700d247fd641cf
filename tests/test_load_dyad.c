/* test_load_dyad.c: dyad's own dictionary format (lex_load_dyad), format
 * detection (lex_load_auto) and `dyad dict check` (lex_check_file). */
#include "test.h"
#include "lexicon/check.h"
#include "lexicon/load.h"
#include "lexicon/load_mem.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char sample[] =
    "# comment\n"                                                                   /* 1 */
    "[actors]\n"                                                                    /* 2 */
    "Belarus | Republic of Belarus | Belarusian | Byelorussia => BLR\n"            /* 3 */
    "Alexander Lukashenko | Lukashenko => BLRGOV 1994-07-20.. ; BLR\n"             /* 4 */
    "Kursk* => RUS                      # word* = stem (prefix) match\n"           /* 5 */
    "al-Qaeda => IMGMOSALQ\n"                                                       /* 6 */
    "[agents]\n"                                                                    /* 7 */
    "troops | soldiers | forces | army => ~MIL\n"                                   /* 8 */
    "[synsets]\n"                                                                   /* 9 */
    "&WEAPON = missile | rocket | drone | artillery shell\n"                        /* 10 */
    "[verbs]\n"                                                                     /* 11 */
    "036 negotiate | negotiation         # a verb root: its code, then its forms\n" /* 12 */
    "  * with +            => 036       # patterns indented under their verb\n"   /* 13 */
    "  * end to the conflict => 027\n"                                              /* 14 */
    "  + was * by $        => 036\n"                                                /* 15 */
    "  $ * &WEAPON at +    => 190\n"                                                /* 16 */
    "  $ * peace_talks     => 043:043\n"                                            /* 17 */
    "043? call off | send\n"                                                        /* 18 */
    "  $ * kill* +         => 186\n"                                                /* 19 */
    "[nouns]\n"                                                                     /* 20 */
    "bombs | rockets\n"                                                             /* 21 */
    "[adjectives]\n"                                                                /* 22 */
    "prime | senior\n"                                                              /* 23 */
    "[discards]\n"                                                                  /* 24 */
    "football | world cup | +olympic games\n";                                      /* 25 */

static const lex_phrase *find(const lexicon *lx, int cls, const char *text, uint32_t *index)
{
    for (uint32_t i = 0; i < lx->nphrases; i++)
        if (lx->phrases[i].cls == cls && !strcmp(lex_str(lx, lx->phrases[i].text), text)) {
            if (index) *index = i;
            return &lx->phrases[i];
        }
    return NULL;
}

static const lex_pattern *pattern(const lexicon *lx, const char *text)
{
    for (uint32_t i = 0; i < lx->npatterns; i++)
        if (!strcmp(lex_str(lx, lx->patterns[i].text), text)) return &lx->patterns[i];
    return NULL;
}

static const char *code_of(const lexicon *lx, const lex_phrase *p, int date)
{
    return lex_str(lx, lex_resolve(lx, p, date));
}

typedef struct hits { const lexicon *lx; const char *text; int n; } hits;
static void visit(void *ctx, uint32_t ph)
{
    hits *h = ctx;
    if (!strcmp(lex_str(h->lx, h->lx->phrases[ph].text), h->text)) h->n++;
}
static int candidate(const lexicon *lx, const char *word, const char *text)
{
    hits h = {lx, text, 0};
    lex_candidates(lx, word, strlen(word), visit, &h);
    return h.n;
}

/* Write text to a temporary file named ...suffix; returns its path (static). */
static const char *temp_file(const char *suffix, const char *text)
{
    static char path[4][256];
    static int which;
    char *p = path[which++ & 3];
    snprintf(p, 256, "/tmp/dyad-test-XXXXXX%s", suffix);
    int fd = mkstemps(p, (int)strlen(suffix));
    if (fd < 0) return NULL;
    size_t n = strlen(text);
    if (write(fd, text, n) != (ssize_t)n) { close(fd); return NULL; }
    close(fd);
    return p;
}

TEST(dyad_format_sample)
{
    lexicon *lx = lex_new();
    int n = lex_load_dyad_mem(lx, "sample.dyad", sample, sizeof sample - 1);
    lex_compile(lx);
    CHECK_STR(lx->errors.data ? lx->errors.data : "", "");
    CHECK(n > 20);
    /* Actors: the first phrase heads the group. */
    uint32_t head;
    const lex_phrase *p = find(lx, LEX_ACTOR, "Belarus", &head);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 0), "BLR");
    p = find(lx, LEX_ACTOR, "Republic of Belarus", NULL);
    REQUIRE(p);
    CHECK_INT(p->parent, head);
    CHECK(p->n == 3 && (lx->elems[p->first].flags & LEX_ADJ_NEXT) && lx->elems[p->first].how == LEX_EXACT);
    CHECK(candidate(lx, "BELARUS", "Belarus") == 1);
    CHECK(candidate(lx, "BELARUSIANS", "Belarusian") == 1);   /* regular ending */
    /* Dated codes in priority order, the undated one the default. */
    p = find(lx, LEX_ACTOR, "Lukashenko", NULL);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 19950101), "BLRGOV");
    CHECK_STR(code_of(lx, p, 19900101), "BLR");
    CHECK_STR(code_of(lx, p, 0), "BLR");
    /* Stems. */
    p = find(lx, LEX_ACTOR, "Kursk*", NULL);
    REQUIRE(p);
    CHECK(lx->elems[p->first].how == LEX_STEM);
    CHECK(candidate(lx, "KURSKAYA", "Kursk*") == 1);
    p = find(lx, LEX_ACTOR, "al-Qaeda", NULL);
    REQUIRE(p);
    CHECK_INT(p->n, 2);
    /* Agents. */
    p = find(lx, LEX_AGENT, "soldiers", NULL);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 0), "~MIL");
    /* Synsets, verbs, patterns. */
    CHECK_INT(lx->nsynsets, 1);
    CHECK_INT(lx->synsets[0].n, 4);
    CHECK_INT(lx->nverbs, 2);
    CHECK_STR(lx->verbs[0].code.code, "036");
    CHECK_STR(lex_str(lx, lx->verbs[0].text), "negotiate");
    CHECK((lx->verbs[1].code.flags & LEX_CODE_SUBORD) && !strcmp(lx->verbs[1].code.code, "043"));
    p = find(lx, LEX_VERBROOT, "negotiation", NULL);
    REQUIRE(p);
    CHECK_INT(p->verb, 0);
    /* Multi-word verb: regular forms of its first word; WordNet irregulars. */
    p = find(lx, LEX_VERBROOT, "called off", NULL);
    REQUIRE(p);
    CHECK_INT(p->verb, 1);
    CHECK(lx->elems[p->first + 1].flags & LEX_NOENDS);
    const lex_pattern *pt = pattern(lx, "* with +");
    REQUIRE(pt);
    CHECK_INT(pt->n, 3);
    CHECK(lx->elems[pt->first + 1].how == LEX_EXACT && (lx->elems[pt->first + 1].flags & LEX_ENDS));
    CHECK_STR(pt->code.code, "036");
    pt = pattern(lx, "+ was * by $");
    REQUIRE(pt);
    CHECK_INT(pt->verb_at, 2);
    int weapons = 0;
    for (uint32_t i = 0; i < lx->npatterns; i++) weapons += !strcmp(lex_str(lx, lx->patterns[i].text), "$ * &WEAPON at +");
    CHECK_INT(weapons, 4);
    pt = pattern(lx, "$ * peace_talks");
    REQUIRE(pt);
    CHECK(lx->elems[pt->first + 2].flags & LEX_ADJ_NEXT);
    CHECK((pt->code.flags & LEX_CODE_PAIRED) && !strcmp(pt->code.pair, "043"));
    pt = pattern(lx, "$ * kill* +");
    REQUIRE(pt);
    CHECK(lx->elems[pt->first + 2].how == LEX_STEM);
    CHECK_INT(pt->verb, 1);
    /* Nouns, adjectives, discards. */
    CHECK(find(lx, LEX_NOUN, "rockets", NULL) != NULL);
    CHECK(find(lx, LEX_ADJECTIVE, "senior", NULL) != NULL);
    p = find(lx, LEX_DISCARD, "world cup", NULL);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 0), "###");
    p = find(lx, LEX_DISCARD, "olympic games", NULL);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 0), "+###");
    lex_free(lx);
}

TEST(dyad_format_errors_name_file_and_line)
{
    static const char txt[] =
        "Orphan => XXX\n"                         /* 1: before any section */
        "[actors]\n"                              /* 2 */
        "No Arrow Here\n"                         /* 3 */
        "Bad Date => ABC 2001-13-01..\n"          /* 4 */
        "Star * Alone => ABC\n"                   /* 5 */
        " => ABC\n"                               /* 6 */
        "Good Actor => GDA\n"                     /* 7 */
        "[verbs]\n"                               /* 8 */
        "  * orphan pattern => 010\n"             /* 9 */
        "talk | speak\n"                          /* 10: no code */
        "010 say\n"                               /* 11 */
        "  * to +\n"                              /* 12: no => */
        "  * to + => banana\n"                    /* 13 */
        "  no verb here + => 010\n"               /* 14 */
        "  * { a | b => 010\n"                    /* 15 */
        "  * &NOSUCH => 010\n"                    /* 16 */
        "  * about + => 012\n"                    /* 17 */
        "[synsets]\n"                             /* 18 */
        "WEAPON = gun\n"                          /* 19 */
        "&BAD_NAME = gun\n"                       /* 20 */
        "&LOOP = gun | &LOOP\n"                   /* 21 */
        "[weapons]\n"                             /* 22 */
        "gun\n"                                   /* 23: ignored, reported at 22 */
        "[agents]\n"                              /* 24 */
        "guards => ~MIL\n";                       /* 25 */
    lexicon *lx = lex_new();
    int n = lex_load_dyad_mem(lx, "bad.dyad", txt, sizeof txt - 1);
    const char *e = lx->errors.data ? lx->errors.data : "";
    CHECK(strstr(e, "bad.dyad:1: line before any [section]") != NULL);
    CHECK(strstr(e, "bad.dyad:3: missing \"=> CODE\"") != NULL);
    CHECK(strstr(e, "bad.dyad:4: bad date restriction") != NULL);
    CHECK(strstr(e, "bad.dyad:5: '*' not allowed in a phrase") != NULL);
    CHECK(strstr(e, "bad.dyad:6: empty phrase") != NULL);
    CHECK(strstr(e, "bad.dyad:9: pattern without a verb line above it") != NULL);
    CHECK(strstr(e, "bad.dyad:10: verb line must start with its event code") != NULL);
    CHECK(strstr(e, "bad.dyad:12: pattern needs \"=> CODE\"") != NULL);
    CHECK(strstr(e, "bad.dyad:13: bad event code \"banana\"") != NULL);
    CHECK(strstr(e, "bad.dyad:14: pattern needs exactly one '*'") != NULL);
    CHECK(strstr(e, "bad.dyad:15: unbalanced {") != NULL);
    CHECK(strstr(e, "bad.dyad:16: unknown synset &NOSUCH") != NULL);
    CHECK(strstr(e, "bad.dyad:19: synset line must read") != NULL);
    CHECK(strstr(e, "bad.dyad:20: synset name may only use letters and digits") != NULL);
    CHECK(strstr(e, "bad.dyad:21: synset &LOOP cannot contain itself") != NULL);
    CHECK(strstr(e, "bad.dyad:22: unknown section [weapons]") != NULL);
    CHECK_INT(lx->nerrors, 16);
    /* What was good still loads, including after the errors. */
    CHECK(find(lx, LEX_ACTOR, "Good Actor", NULL) != NULL);
    CHECK(pattern(lx, "* about +") != NULL);
    CHECK(find(lx, LEX_AGENT, "guards", NULL) != NULL);
    CHECK(find(lx, LEX_NOUN, "gun", NULL) == NULL);
    CHECK(n >= 4);
    lex_free(lx);
}

TEST(dyad_load_auto_picks_format)
{
    lexicon *lx = lex_new();
    const char *d = temp_file(".dyad", "[actors]\nNowhere Land => NWL\n");
    REQUIRE(d);
    CHECK_INT(lex_load_auto(lx, d), 1);
    unlink(d);
    /* No telling extension: sniffed from the content. */
    const char *s = temp_file(".dict", "# mine\n[agents]\nmedics => ~MED\n");
    REQUIRE(s);
    CHECK_INT(lex_load_auto(lx, s), 1);
    unlink(s);
    const char *v = temp_file(".dat", "--- SAY [010] ---\nSAY\n- * HELLO [011]\n");
    REQUIRE(v);
    CHECK_INT(lex_load_auto(lx, v), 2);
    unlink(v);
    const char *t = temp_file(".dat", "SAY [010]\n- * HELLO [011]\n");   /* TABARI verbs */
    REQUIRE(t);
    CHECK(lex_load_auto(lx, t) >= 1);
    unlink(t);
    CHECK_INT(lx->nerrors, 0);
    /* Unknown: a clear error. */
    const char *u = temp_file(".bin", "just some words\nand more\n");
    REQUIRE(u);
    CHECK_INT(lex_load_auto(lx, u), -1);
    CHECK(strstr(lx->errors.data, "unknown dictionary format") != NULL);
    unlink(u);
    CHECK_INT(lex_load_auto(lx, "/nonexistent/file.dyad"), -1);
    /* .options are the coder's business: accepted, nothing loaded. */
    CHECK_INT(lex_load_auto(lx, "/nonexistent/x.options"), 0);
    lex_free(lx);
}

TEST(dyad_check_file_warnings)
{
    const char *f = temp_file(".dyad",
        "[actors]\n"
        "Ruritania => RUR\n"                                          /* 2 */
        "Ruritania => RUX\n"                                          /* 3: same phrase, other code */
        "Rex => rur\n"                                                /* 4: not 3 capitals */
        "Old King => RURGOV 2001-01-01..1999-01-01 ; RUR\n"           /* 5: ends before it starts */
        "Two Hats => RURGOV 2000-01-01..2005-01-01 ; RURMIL 2004-01-01..2008-01-01 ; RUR\n" /* 6 */
        "[verbs]\n"
        "xyz frobnicate\n"                                            /* 8: not a code: error */
        "999 frobnicate\n"                                            /* 9: not CAMEO */
        "  * the widget => 250\n"                                      /* 10 */
        "010 say\n"
        "  * hello => 010\n");
    REQUIRE(f);
    buf m;
    buf_init(&m);
    int errs = lex_check_file(f, &m);
    const char *s = m.data ? m.data : "";
    CHECK_INT(errs, 1);
    CHECK(strstr(s, ":8: verb line must start with its event code") != NULL);
    CHECK(strstr(s, ":3: warning: \"Ruritania\" is also at") != NULL);
    CHECK(strstr(s, ":4: warning: actor code rur does not start with a 3-letter code") != NULL);
    CHECK(strstr(s, ":5: warning: date range 2001-01-01..1999-01-01 of RURGOV ends before it starts") != NULL);
    CHECK(strstr(s, ":6: warning: date ranges of RURGOV and RURMIL overlap") != NULL);
    CHECK(strstr(s, ":9: warning: verb frobnicate has code 999, not a CAMEO code") != NULL);
    CHECK(strstr(s, ":10: warning: pattern \"* the widget\" has code 250, not a CAMEO code") != NULL);
    CHECK(strstr(s, ":12: warning") == NULL);
    CHECK(strstr(s, "1 errors, 6 warnings") != NULL);
    buf_free(&m);
    unlink(f);
    buf_init(&m);
    CHECK_INT(lex_check_file("/nonexistent/x.dyad", &m), -1);
    CHECK(strstr(m.data, "cannot read") != NULL);
    buf_free(&m);
}

TEST(dyad_data_dict_countries)
{
    const char *path = "data/dict/countries.dyad";
    if (access(path, R_OK)) SKIP("data/dict/countries.dyad absent");
    lexicon *lx = lex_new();
    CHECK(lex_load_dyad(lx, path) > 1000);
    CHECK_STR(lx->errors.data ? lx->errors.data : "", "");
    lex_compile(lx);
    const lex_phrase *p = find(lx, LEX_ACTOR, "Kabul", NULL);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 0), "AFG");
    lex_free(lx);
}
