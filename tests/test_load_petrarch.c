/* test_load_petrarch.c: the PETRARCH-1/-2 dictionary loaders on the real
 * Phoenix and validation dictionaries (skipped when the peers' files are
 * absent) and on small inline dictionaries with deliberate errors. */
#include "test.h"
#include "lexicon/load.h"
#include "lexicon/load_mem.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- helpers ---- */

static const char *code_of(const lexicon *lx, const lex_phrase *p, int date)
{
    return lex_str(lx, lex_resolve(lx, p, date));
}

/* First phrase of class cls whose written text is `text`. */
static const lex_phrase *phrase_by_text(const lexicon *lx, int cls, const char *text, uint32_t *index)
{
    for (uint32_t i = 0; i < lx->nphrases; i++) {
        const lex_phrase *p = &lx->phrases[i];
        if (p->cls == cls && !strcmp(lex_str(lx, p->text), text)) {
            if (index) *index = i;
            return p;
        }
    }
    return NULL;
}

/* Does phrase p consist of exactly these words (space-separated)? */
static int phrase_words(const lexicon *lx, uint32_t first, uint32_t n, const char *words)
{
    char buf[512];
    size_t k = 0;
    buf[0] = 0;
    for (uint32_t i = 0; i < n && k < sizeof buf - 40; i++) {
        const lex_elem *e = &lx->elems[first + i];
        const char *w = e->kind == LEX_WORD ? lex_str(lx, e->word)
                      : (const char *[]){"", "*", "$", "+", "%", "^"}[e->kind];
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", i ? " " : "", w);
    }
    return !strcmp(buf, words);
}

/* The verb that has a one-word form `word`. */
static const lex_verb *verb_with_form(const lexicon *lx, const char *word)
{
    for (uint32_t i = 0; i < lx->nphrases; i++) {
        const lex_phrase *p = &lx->phrases[i];
        if (p->cls == LEX_VERBROOT && p->n == 1 && !strcmp(lex_str(lx, lx->elems[p->first].word), word))
            return &lx->verbs[p->verb];
    }
    return NULL;
}

static uint32_t patterns_of(const lexicon *lx, const lex_verb *v, const char *text)
{
    uint32_t id = (uint32_t)(v - lx->verbs), n = 0;
    for (uint32_t i = 0; i < lx->npatterns; i++)
        if (lx->patterns[i].verb == id && !strcmp(lex_str(lx, lx->patterns[i].text), text)) n++;
    return n;
}

static const lex_pattern *pattern_by_text(const lexicon *lx, const char *text)
{
    for (uint32_t i = 0; i < lx->npatterns; i++)
        if (!strcmp(lex_str(lx, lx->patterns[i].text), text)) return &lx->patterns[i];
    return NULL;
}

static const char *errors(const lexicon *lx) { return lx->errors.data ? lx->errors.data : ""; }

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

#define PHOENIX(f) test_shared_path("peers/petrarch-dictionaries/" f)

/* ---- the Phoenix production set ---- */

TEST(petrarch_phoenix_countries)
{
    const char *path = PHOENIX("Phoenix.Countries.actors.txt");
    if (!path) SKIP("peers/petrarch-dictionaries absent");
    lexicon *lx = lex_new();
    int n = lex_load_petrarch_actors(lx, path);
    lex_compile(lx);
    /* ~18.4k primary phrases and ~7.5k "+" synonyms; a few dozen bad lines. */
    uint32_t syn = 0;
    for (uint32_t i = 0; i < lx->nphrases; i++) syn += lx->phrases[i].parent != i;
    CHECK(n > 25000 && n < 26500);
    CHECK_INT(lx->nphrases, n);
    CHECK(syn > 7000 && syn < 7600);
    CHECK(lx->nerrors > 0 && lx->nerrors < 100);
    /* A dated actor resolves differently at two dates. */
    uint32_t ghani;
    const lex_phrase *p = phrase_by_text(lx, LEX_ACTOR, "ASHRAF_GHANI_", &ghani);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 20030101), "AFGGOVBUS");
    CHECK_STR(code_of(lx, p, 20100101), "AFGELI");
    /* Its synonyms share the codes and point at it. */
    uint32_t fm;
    const lex_phrase *s = phrase_by_text(lx, LEX_ACTOR, "FOREIGN_MINISTER_ASHRAF_GHANI_", &fm);
    REQUIRE(s);
    CHECK_INT(s->parent, ghani);
    CHECK_STR(code_of(lx, s, 20030101), "AFGGOVBUS");
    /* Mixed 8- and 6-digit dates: [AFGGOV 20011001-20050420] [AFGELI]. */
    p = phrase_by_text(lx, LEX_ACTOR, "ABDULLAH_ABDULLAH_", NULL);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 20030101), "AFGGOV");
    CHECK_STR(code_of(lx, p, 20060101), "AFGELI");
    /* Words are exact and consecutive. */
    uint32_t afg;
    p = phrase_by_text(lx, LEX_ACTOR, "AFGHANISTAN_", &afg);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 0), "AFG");
    CHECK(lx->elems[p->first].how == LEX_EXACT);
    p = phrase_by_text(lx, LEX_ACTOR, "ISLAMIC_REPUBLIC_OF_AFGHANISTAN", NULL);
    REQUIRE(p);
    CHECK_INT(p->parent, afg);
    CHECK(p->n == 4 && (lx->elems[p->first].flags & LEX_ADJ_NEXT) && lx->elems[p->first + 3].how == LEX_EXACT);
    /* Errors name the file and line. */
    CHECK(strstr(errors(lx), "Phoenix.Countries.actors.txt:2039: bad date restriction") != NULL);
    lex_free(lx);
}

TEST(petrarch_phoenix_full_set_fast)
{
    static const char *names[6] = {
        "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt", "Phoenix.discards.txt", "CAMEO.2.0.txt",
    };
    char files[6][1024];
    for (int i = 0; i < 6; i++) {
        char rel[256];
        snprintf(rel, sizeof rel, "peers/petrarch-dictionaries/%s", names[i]);
        const char *p = test_shared_path(rel);
        if (!p) SKIP("peers/petrarch-dictionaries absent");
        snprintf(files[i], sizeof files[i], "%s", p);   /* test_shared_path reuses 4 buffers */
    }
    lexicon *lx = lex_new();
    double t0 = now();
    for (int i = 0; i < 6; i++) CHECK(lex_load_auto(lx, files[i]) > 0);
    lex_compile(lx);
    double dt = now() - t0;
    /* Well under a second normally (~0.1 s); generous for sanitizer builds. */
    CHECK(dt < 5.0);
    CHECK(lx->nphrases > 38000);
    CHECK(lx->nverbs > 400);
    CHECK(lx->npatterns > 20000);
    lex_free(lx);
}

TEST(petrarch_phoenix_agents_discards)
{
    const char *ag = PHOENIX("Phoenix.agents.txt"), *di = PHOENIX("Phoenix.discards.txt");
    if (!ag || !di) SKIP("peers/petrarch-dictionaries absent");
    lexicon *lx = lex_new();
    int n = lex_load_petrarch_agents(lx, ag);
    CHECK(n > 3000);
    CHECK_INT(lx->nerrors, 2);   /* "[~ENV}" and a line without a code */
    CHECK(strstr(errors(lx), "Phoenix.agents.txt:544:") != NULL);
    /* !PERSON! expanded without endings. */
    const lex_phrase *p = NULL;
    for (uint32_t i = 0; i < lx->nphrases && !p; i++)
        if (phrase_words(lx, lx->phrases[i].first, lx->phrases[i].n, "CONGRESSWOMEN")) p = &lx->phrases[i];
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 0), "~LEG");
    CHECK(lx->elems[p->first].flags & LEX_NOENDS);
    /* {PLURAL} adds the plural as a phrase. */
    int found = 0;
    for (uint32_t i = 0; i < lx->nphrases; i++)
        found += phrase_words(lx, lx->phrases[i].first, lx->phrases[i].n, "CHAMBERS OF COMMERCE");
    CHECK(found == 1);
    uint32_t before = lx->nphrases;
    n = lex_load_petrarch_discards(lx, di);
    CHECK(n > 490 && n < 520);
    p = &lx->phrases[before];
    CHECK_INT(p->cls, LEX_DISCARD);
    int story = 0, sentence = 0;
    for (uint32_t i = before; i < lx->nphrases; i++) {
        const char *c = code_of(lx, &lx->phrases[i], 0);
        story += !strcmp(c, "+###");
        sentence += !strcmp(c, "###");
    }
    CHECK(story > 10 && sentence > 300 && story + sentence == n);
    lex_free(lx);
}

TEST(petrarch2_cameo_verbs)
{
    const char *path = PHOENIX("CAMEO.2.0.txt");
    if (!path) SKIP("peers/petrarch-dictionaries absent");
    lexicon *lx = lex_new();
    int n = lex_load_petrarch_verbs(lx, path);
    lex_compile(lx);
    CHECK(n > 0);
    /* 4,668 "-" pattern lines; of equal patterns in one block only the
     * last is kept (~290 repeats), as PETRARCH-2's pattern dictionary does. */
    uint32_t lines = 0, last = 0;
    for (uint32_t i = 0; i < lx->npatterns; i++)
        if (lx->patterns[i].src.line != last) { lines++; last = lx->patterns[i].src.line; }
    CHECK(lines > 4300 && lines < 4450);
    /* The transformations at the end; ATTEMPT's block has no code to key one on. */
    CHECK_INT(lx->nxforms, 7);
    CHECK(strstr(lx->errors.data, "transformation verb ATTEMPT is not in the verb dictionary") != NULL);
    CHECK(lx->npatterns > lines * 5);
    CHECK(lx->nverbs > 390 && lx->nverbs < 600);
    CHECK(lx->nsynsets >= 39);
    CHECK(lx->nerrors < 20);
    /* Block "--- ASK [---] ---": ASK [020] and GRILL [110] have their own
     * codes, ENQUIRE takes the block's null code; all share the patterns. */
    const lex_verb *ask = verb_with_form(lx, "ASK"), *enq = verb_with_form(lx, "ENQUIRE"),
                   *grill = verb_with_form(lx, "GRILL");
    REQUIRE(ask && enq && grill);
    CHECK_STR(ask->code.code, "020");
    CHECK(enq->code.flags & LEX_CODE_NULL);
    CHECK_STR(grill->code.code, "110");
    CHECK(ask != enq && ask != grill);
    CHECK_INT(patterns_of(lx, ask, "* EXPLANATION"), 1);
    CHECK_INT(patterns_of(lx, enq, "* EXPLANATION"), 1);
    CHECK_INT(patterns_of(lx, grill, "* EXPLANATION"), 1);
    /* PETR-2 phrase structure is flattened: words and order kept. */
    const lex_pattern *pt = pattern_by_text(lx, "* (FOR {FINANCIAL AID})");
    REQUIRE(pt);
    CHECK(phrase_words(lx, pt->first, pt->n, "* FOR FINANCIAL AID"));
    CHECK_STR(pt->code.code, "0231");
    CHECK_INT(pt->verb_at, 0);
    /* Words are exact; no adjacency was asked for. */
    CHECK(lx->elems[pt->first + 1].how == LEX_EXACT && !(lx->elems[pt->first + 1].flags & LEX_ADJ_NEXT));
    pt = pattern_by_text(lx, "* (TO {BANNED PARTIES}) $");
    REQUIRE(pt);
    CHECK(phrase_words(lx, pt->first, pt->n, "* TO BANNED PARTIES $"));
    /* "[:173]": only the reverse event. */
    pt = pattern_by_text(lx, "* (BEFORE COURT)");
    REQUIRE(pt);
    CHECK((pt->code.flags & LEX_CODE_NULL) && (pt->code.flags & LEX_CODE_PAIRED));
    CHECK_STR(pt->code.pair, "173");
    /* A synset name with '_' in it (&FIGHT_OF_WORDS) expands. */
    uint32_t fw = 0;
    for (uint32_t i = 0; i < lx->npatterns; i++)
        fw += !strcmp(lex_str(lx, lx->patterns[i].text), "* (IN &FIGHT_OF_WORDS)");
    CHECK(fw >= 2);
    /* Multi-word verbs: "+ASK_FOR {+ASKED_FOR ...}" are forms of one verb. */
    int askfor = 0;
    for (uint32_t i = 0; i < lx->nphrases; i++)
        if (lx->phrases[i].cls == LEX_VERBROOT && phrase_words(lx, lx->phrases[i].first, lx->phrases[i].n, "ASKED FOR"))
            askfor |= &lx->verbs[lx->phrases[i].verb] == ask;
    CHECK(askfor);
    /* Malformed lines are reported with file:line. */
    CHECK(strstr(errors(lx), "CAMEO.2.0.txt:8443: unknown synset &WEATHER") != NULL);
    CHECK(strstr(errors(lx), "CAMEO.2.0.txt:2374: unbalanced ) in pattern") != NULL);
    lex_free(lx);
}

TEST(petrarch1_cameo_verbpatterns)
{
    const char *path = PHOENIX("CAMEO.verbpatterns.150430.txt");
    if (!path) SKIP("peers/petrarch-dictionaries absent");
    lexicon *lx = lex_new();
    int n = lex_load_auto(lx, path);
    CHECK(n > 0);
    uint32_t lines = 0, last = 0;
    for (uint32_t i = 0; i < lx->npatterns; i++)
        if (lx->patterns[i].src.line != last) { lines++; last = lx->patterns[i].src.line; }
    CHECK(lines > 10900 && lines <= 11010);
    CHECK(lx->nverbs > 390);
    CHECK(lx->nerrors < 30);
    /* Block code: "--- ABANDON [080] ---". */
    const lex_verb *v = verb_with_form(lx, "ABANDON");
    REQUIRE(v);
    CHECK_STR(v->code.code, "080");
    CHECK(strstr(errors(lx), "CAMEO.verbpatterns.150430.txt:4387: pattern needs exactly one '*'") != NULL);
    lex_free(lx);
}

/* ---- the PETRARCH validation dictionaries ---- */

TEST(petrarch_validate_dictionaries)
{
    char ac[1024], ag[1024], di[1024], ve[1024];
    char *dst[4] = {ac, ag, di, ve};
    static const char *kinds[4] = {"actors", "agents", "discards", "verbs"};
    for (int i = 0; i < 4; i++) {
        char rel[256];
        snprintf(rel, sizeof rel, "peers/petrarch-validation/PETR.Validate.%s.txt", kinds[i]);
        const char *p = test_shared_path(rel);
        if (!p) SKIP("peers/petrarch-validation absent");
        snprintf(dst[i], 1024, "%s", p);
    }
    lexicon *lx = lex_new();
    CHECK(lex_load_petrarch_actors(lx, ac) > 150);
    CHECK(lex_load_petrarch_agents(lx, ag) > 90);
    CHECK_INT(lex_load_petrarch_discards(lx, di), 9);
    CHECK(lex_load_petrarch_verbs(lx, ve) > 500);
    CHECK_INT(lx->nerrors, 0);
    lex_compile(lx);
    /* GOLLUM and its synonyms: [HOB < 950601] [HOBGOV 19950601 - 19990815] [HOBREB > 990816]. */
    uint32_t g;
    const lex_phrase *p = phrase_by_text(lx, LEX_ACTOR, "GOLLUM", &g);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 19900101), "HOB");
    CHECK_STR(code_of(lx, p, 19970101), "HOBGOV");
    CHECK_STR(code_of(lx, p, 20050101), "HOBREB");
    p = phrase_by_text(lx, LEX_ACTOR, "SMEAGOL", NULL);
    REQUIRE(p);
    CHECK_INT(p->parent, g);
    /* Code on the next line; hyphenated words are consecutive. */
    p = phrase_by_text(lx, LEX_ACTOR, "ENT", NULL);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 0), "ENT");
    p = phrase_by_text(lx, LEX_ACTOR, "BARAD-DUR", NULL);
    REQUIRE(p);
    CHECK(phrase_words(lx, p->first, p->n, "BARAD DUR") && (lx->elems[p->first].flags & LEX_ADJ_NEXT));
    /* Agents: blank = words may intervene; {} = no plural; {PLURAL}. */
    p = phrase_by_text(lx, LEX_AGENT, "SECURITY SERVICE", NULL);
    REQUIRE(p);
    CHECK(!(lx->elems[p->first].flags & LEX_ADJ_NEXT));
    p = phrase_by_text(lx, LEX_AGENT, "POLICE", NULL);
    REQUIRE(p);
    CHECK(lx->elems[p->first].flags & LEX_NOENDS);
    p = phrase_by_text(lx, LEX_AGENT, "GOLDEN_GEESE", NULL);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 0), "~GGS");
    /* Multi-word verbs: "KLM_NOP_+RST [002]" is its own verb; "+ABC_DEF_GHI"
     * gets the regular forms of ABC. */
    const lex_verb *ab = verb_with_form(lx, "ABANDON");
    REQUIRE(ab);
    CHECK_STR(ab->code.code, "345");
    int klm = 0, abced = 0;
    for (uint32_t i = 0; i < lx->nphrases; i++) {
        const lex_phrase *q = &lx->phrases[i];
        if (q->cls != LEX_VERBROOT) continue;
        if (phrase_words(lx, q->first, q->n, "KLM NOP RST")) klm = !strcmp(lx->verbs[q->verb].code.code, "002");
        if (phrase_words(lx, q->first, q->n, "ABCED DEF GHI")) abced = &lx->verbs[q->verb] == ab;
    }
    CHECK(klm && abced);
    /* Synsets, nested synsets, and the '_' connector. */
    const lex_verb *con = verb_with_form(lx, "CONTRIBUTE");
    REQUIRE(con);
    CHECK(patterns_of(lx, con, "* &CURRENCY") >= 10);
    const lex_verb *acc = verb_with_form(lx, "ACCORD");
    REQUIRE(acc);
    CHECK(patterns_of(lx, acc, "INCHING &ACCORDSYN *") >= 13);   /* &TIETYPES + others + &CURRENCY */
    const lex_pattern *pt = pattern_by_text(lx, "IN_*");
    REQUIRE(pt);
    CHECK(lx->elems[pt->first].flags & LEX_ADJ_NEXT);
    pt = pattern_by_text(lx, "IN_ *");
    REQUIRE(pt);
    CHECK(!(lx->elems[pt->first].flags & LEX_ADJ_NEXT));
    /* "[###]" survives the '#' comment rule. */
    pt = pattern_by_text(lx, "* DIPLXMATIC");
    REQUIRE(pt);
    CHECK(pt->code.flags & LEX_CODE_DISCARD);
    /* Discards: '+' = whole story; the last word is a stem. */
    p = phrase_by_text(lx, LEX_DISCARD, "TYPHOON", NULL);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 0), "+###");
    CHECK(lx->elems[p->first].how == LEX_STEM);
    lex_free(lx);
}

/* ---- inline dictionaries with errors ---- */

TEST(petrarch_inline_actor_errors)
{
    static const char txt[] =
        "<!-- a comment\n"                  /* 1 */
        "   spanning lines -->\n"           /* 2 */
        "GOOD_ONE [AAA] # fine\n"           /* 3 */
        "BAD_DATE [BBB 2001-02-03-04]\n"    /* 4 */
        "\t[CCC]\n"                         /* 5 */
        "NO_CODE\n"                         /* 6 */
        "+\n"                               /* 7 */
        "\t[DDD 20100101-20111231]\n"       /* 8 */
        "    [EEE 090101-091231] [FFF]\n"   /* 9 */
        "LATER_ACTOR  [GGG]\n";             /* 10 */
    lexicon *lx = lex_new();
    int n = lex_load_petrarch_actors_mem(lx, "inline.actors.txt", txt, sizeof txt - 1);
    const char *e = errors(lx);
    CHECK(strstr(e, "inline.actors.txt:4: bad date restriction") != NULL);
    CHECK(strstr(e, "inline.actors.txt:7: missing actor phrase") != NULL);
    CHECK(strstr(e, "inline.actors.txt:6:") == NULL);   /* NO_CODE got its codes below */
    CHECK_INT(lx->nerrors, 2);
    CHECK_INT(n, 4);
    const lex_phrase *p = phrase_by_text(lx, LEX_ACTOR, "BAD_DATE", NULL);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 0), "CCC");   /* the good block of the record stays */
    p = phrase_by_text(lx, LEX_ACTOR, "NO_CODE", NULL);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 20100601), "DDD");
    CHECK_STR(code_of(lx, p, 20090601), "EEE");
    CHECK_STR(code_of(lx, p, 20150101), "FFF");
    p = phrase_by_text(lx, LEX_ACTOR, "LATER_ACTOR", NULL);
    REQUIRE(p);
    CHECK_STR(code_of(lx, p, 0), "GGG");
    lex_free(lx);

    static const char none[] = "ALONE\nNEXT [X]\n";
    lx = lex_new();
    CHECK_INT(lex_load_petrarch_actors_mem(lx, "n.txt", none, sizeof none - 1), 1);
    CHECK(strstr(errors(lx), "n.txt:1: actor \"ALONE\" has no [code]") != NULL);
    lex_free(lx);
}

TEST(petrarch_inline_agent_errors)
{
    static const char txt[] =
        "!PERSON! = MAN, WOMAN\n"          /* 1 */
        "SPOKES!PERSON! [~GOV]\n"           /* 2 */
        "NO_CODE_HERE\n"                    /* 3 */
        "BAD!MARK! [~X]\n"                  /* 4 */
        "ARMY {ARMIES [~MIL]\n"             /* 5 */
        "AUTHORITY [~GOV]\n"                /* 6 */
        "!BROKEN = A, B\n"                  /* 7 */
        "TROOP {} [~MIL]\n";                /* 8 */
    lexicon *lx = lex_new();
    int n = lex_load_petrarch_agents_mem(lx, "inline.agents.txt", txt, sizeof txt - 1);
    const char *e = errors(lx);
    CHECK(strstr(e, "inline.agents.txt:3: agent without [code]") != NULL);
    CHECK(strstr(e, "inline.agents.txt:4: unknown substitution marker !MARK!") != NULL);
    CHECK(strstr(e, "inline.agents.txt:5: missing } in plural form") != NULL);
    CHECK(strstr(e, "inline.agents.txt:7: bad substitution marker line") != NULL);
    CHECK_INT(lx->nerrors, 4);
    /* SPOKESMAN, SPOKESWOMAN, AUTHORITY (+AUTHORITIES), TROOP */
    CHECK_INT(n, 5);
    int authorities = 0;
    for (uint32_t i = 0; i < lx->nphrases; i++)
        authorities += phrase_words(lx, lx->phrases[i].first, lx->phrases[i].n, "AUTHORITIES");
    CHECK_INT(authorities, 1);
    lex_free(lx);
}

TEST(petrarch_inline_verb_errors)
{
    static const char txt[] =
        "&NAMES_\n"                                   /* 1 */
        "+ALPHA\n"                                    /* 2 */
        "+BETA GAMMA\n"                               /* 3 */
        "- * ORPHAN [010]\n"                          /* 4: no verb yet */
        "--- FIRST [020] ---\n"                       /* 5 */
        "FIRST\n"                                     /* 6 */
        "OTHER [030]\n"                               /* 7 */
        "- * NO CODE HERE\n"                          /* 8 */
        "- * &MISSING [040]\n"                        /* 9 */
        "- * {UNCLOSED [041]\n"                       /* 10 */
        "- * &NAMES_WORD [042]\n"                     /* 11 */
        "- TWO * VERBS * [043]\n"                     /* 12 */
        "- * BAD CODE [12345678]\n"                   /* 13 */
        "--- SECOND ---\n"                            /* 14 */
        "+SET_UP {+SETS_UP +SETTING_UP}\n"            /* 15 */
        "- $ * { AID | HELP } (TO +) [050]\n"         /* 16 */
        "~ a (a b WILL_ATTACK) SAY = a b 138\n"       /* 17: transformation with verbs not in the file */
        "&LOOP\n"                                     /* 18 */
        "+&LOOP\n"                                    /* 19 */
        "+&NAMES\n";                                  /* 20: fine */
    lexicon *lx = lex_new();
    int n = lex_load_petrarch_verbs_mem(lx, "inline.verbs.txt", txt, sizeof txt - 1);
    const char *e = errors(lx);
    CHECK(strstr(e, "inline.verbs.txt:4: pattern in a block with no verb") != NULL);
    CHECK(strstr(e, "inline.verbs.txt:8: pattern without [code]") != NULL);
    CHECK(strstr(e, "inline.verbs.txt:9: unknown synset &MISSING") != NULL);
    CHECK(strstr(e, "inline.verbs.txt:10: unbalanced { in pattern") != NULL);
    CHECK(strstr(e, "inline.verbs.txt:12: pattern needs exactly one '*'") != NULL);
    CHECK(strstr(e, "inline.verbs.txt:13: bad pattern code") != NULL);
    CHECK(strstr(e, "inline.verbs.txt:19: synset &LOOP cannot contain itself") != NULL);
    CHECK(strstr(e, "inline.verbs.txt:17: transformation verb") != NULL);
    CHECK_INT(lx->nerrors, 8);
    CHECK(n > 0);
    lex_compile(lx);
    /* Line 11: synset then '_' WORD, two members (no plurals: label ends in '_'). */
    const lex_verb *first = verb_with_form(lx, "FIRST"), *other = verb_with_form(lx, "OTHER");
    REQUIRE(first && other);
    CHECK_STR(first->code.code, "020");
    CHECK_STR(other->code.code, "030");
    CHECK_INT(patterns_of(lx, first, "* &NAMES_WORD"), 2);
    CHECK_INT(patterns_of(lx, other, "* &NAMES_WORD"), 2);
    /* The later block still loads; {|} alternatives expand, () is flattened. */
    CHECK_INT(lx->npatterns, 6);
    const lex_pattern *pt = pattern_by_text(lx, "$ * { AID | HELP } (TO +)");
    REQUIRE(pt);
    CHECK(phrase_words(lx, pt->first, pt->n, "$ * AID TO +"));
    CHECK_STR(pt->code.code, "050");
    int setting = 0;
    for (uint32_t i = 0; i < lx->nphrases; i++)
        setting += lx->phrases[i].cls == LEX_VERBROOT &&
                   phrase_words(lx, lx->phrases[i].first, lx->phrases[i].n, "SETTING UP");
    CHECK_INT(setting, 1);
    lex_free(lx);
}

TEST(petrarch_inline_discards_and_missing_file)
{
    static const char txt[] = "WORLD CUP\n+\n+OLYMPIC_GAMES_\n";
    lexicon *lx = lex_new();
    CHECK_INT(lex_load_petrarch_discards_mem(lx, "d.txt", txt, sizeof txt - 1), 2);
    CHECK(strstr(errors(lx), "d.txt:2: empty discard phrase") != NULL);
    const lex_phrase *p = phrase_by_text(lx, LEX_DISCARD, "OLYMPIC_GAMES_", NULL);
    REQUIRE(p);
    CHECK(lx->elems[p->first + 1].how == LEX_EXACT);
    CHECK_STR(code_of(lx, p, 0), "+###");
    CHECK_INT(lex_load_petrarch_verbs(lx, "/nonexistent/verbs.txt"), -1);
    CHECK(strstr(errors(lx), "/nonexistent/verbs.txt:0: cannot read dictionary") != NULL);
    lex_free(lx);
}
