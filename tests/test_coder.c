/* test_coder.c: the coder on small TABARI-format dictionaries written here. */
#include "test.h"
#include "coded.h"
#include "code/coder.h"
#include "lexicon/load.h"
#include "text/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char actors[] =
    "ARNOR [ARN]\n"
    "GONDOR [GON]\n"
    "ROHAN [ROH]\n"
    "MORDOR [MOR]\n"
    "ERIADOR [ERI]\n"
    "SOCCER [###]\n"
    "DENETHOR [GONGOV 900101-201231] [GON]\n"
    "<NOUN>\nTALKS\n</NOUN>\n";
static const char agents[] = "TROOPS [~MIL]\nGOVERNMENT [~GOV]\n";
static const char verbs[] =
    "ATTACK [190]\n"
    "- * BY_ACCIDENT [---]\n"
    "SEND [150]\n{ SENT_ }\n"
    "- * TROOPS TO + [154]\n"
    "- * WITH RUMOURS [+++]\n"
    "SAID [010?]\n"
    "MEET [036:036]\n"
    "URGE [102]\n"
    "PROPOSE [100]\n";

static lexicon *toy_lexicon(void)
{
    /* Written once: the suite's temporary files are few (test_tmp_file). */
    static char pa[256], pg[256], pv[256];
    if (!pa[0]) {
        snprintf(pa, sizeof pa, "%s", test_tmp_file("toy.actors", actors, sizeof actors - 1));
        snprintf(pg, sizeof pg, "%s", test_tmp_file("toy.agents", agents, sizeof agents - 1));
        snprintf(pv, sizeof pv, "%s", test_tmp_file("toy.verbs", verbs, sizeof verbs - 1));
    }
    lexicon *lx = lex_new();
    lex_load_tabari_actors(lx, pa);
    lex_load_tabari_agents(lx, pg);
    lex_load_tabari_verbs(lx, pv);
    lex_compile(lx);
    return lx;
}

typedef struct coded {
    arena ar;
    txt_doc doc;
    cod_out out;
    const char *text;
} coded;

static void code_text(const lexicon *lx, const cod_options *o, const char *text, int date, coded *c)
{
    arena_init(&c->ar, 1 << 16);
    memset(&c->out, 0, sizeof c->out);
    c->text = text;
    txt_analyse(&c->ar, text, strlen(text), &c->doc);
    for (uint32_t s = 0; s < c->doc.nsent; s++) cod_sentence(lx, o, &c->ar, &c->doc, s, date, &c->out);
}

static int has_event(const coded *c, const char *src, const char *tgt, const char *code)
{
    for (uint32_t i = 0; i < c->out.n; i++)
        if (!strcmp(c->out.ev[i].source, src) && !strcmp(c->out.ev[i].target, tgt) && !strcmp(c->out.ev[i].code, code))
            return (int)i + 1;
    return 0;
}

const char *test_events(const lexicon *lx, const cod_options *o, const char *text, int date)
{
    static char out[1024];
    coded c;
    code_text(lx, o, text, date, &c);
    out[0] = 0;
    for (uint32_t i = 0; i < c.out.n; i++) {
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%s %s %s", i ? ";" : "", c.out.ev[i].source, c.out.ev[i].target,
                 c.out.ev[i].code);
    }
    arena_free(&c.ar);
    return out;
}

int test_has_event(const char *events, const char *event)
{
    size_t n = strlen(event);
    for (const char *p = events; (p = strstr(p, event)); p++)
        if ((p == events || p[-1] == ';') && (p[n] == ';' || !p[n])) return 1;
    return 0;
}

static const char *events_of(const lexicon *lx, const cod_options *o, const char *text)
{
    return test_events(lx, o, text, 20240101);
}


static int span_is(const coded *c, dyad_span s, const char *want)
{
    return s.end - s.start == strlen(want) && !memcmp(c->text + s.start, want, strlen(want));
}

TEST(coder_subject_verb_object_with_spans)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_default(&o);
    coded c;
    code_text(lx, &o, "Arnor attacked Gondor on Monday.", 20240101, &c);
    CHECK_INT(c.out.n, 1);
    int k = has_event(&c, "ARN", "GON", "190");
    REQUIRE(k);
    const dyad_event *e = &c.out.ev[k - 1];
    CHECK(span_is(&c, e->source_span, "Arnor"));
    CHECK(span_is(&c, e->target_span, "Gondor"));
    CHECK(span_is(&c, e->verb_span, "attacked"));
    CHECK_STR(e->pattern, "ATTACK");
    CHECK(e->sentence_span.start <= e->source_span.start && e->target_span.end <= e->sentence_span.end);
    arena_free(&c.ar);
    lex_free(lx);
}

TEST(coder_passive_voice_swaps_roles)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_default(&o);
    const char *ev = events_of(lx, &o, "Gondor was attacked by Arnor on Monday.");
    CHECK(test_has_event(ev, "ARN GON 190"));
    CHECK(!test_has_event(ev, "GON ARN 190"));
    lex_free(lx);
}

TEST(coder_compound_actors_and_agents)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_default(&o);
    coded c;
    code_text(lx, &o, "Arnor and Rohan attacked Gondor government troops.", 20240101, &c);
    CHECK(has_event(&c, "ARN", "GONGOV", "190") || has_event(&c, "ARN", "GONMIL", "190"));
    CHECK(has_event(&c, "ROH", "GONGOV", "190") || has_event(&c, "ROH", "GONMIL", "190"));
    arena_free(&c.ar);
    lex_free(lx);
}

TEST(coder_pattern_with_designated_target_and_irregular_form)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_default(&o);
    const char *ev = events_of(lx, &o, "Arnor sent more troops to Rohan after the raid by Mordor.");
    CHECK(test_has_event(ev, "ARN ROH 154"));
    lex_free(lx);
}

TEST(coder_null_pattern_and_discard_give_nothing)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_default(&o);
    coded c;
    code_text(lx, &o, "Arnor attacked Gondor by accident.", 20240101, &c);
    CHECK_INT(c.out.n, 0);
    arena_free(&c.ar);
    code_text(lx, &o, "Arnor attacked Gondor in the soccer final.", 20240101, &c);
    CHECK_INT(c.out.n, 0);
    CHECK_INT(c.out.status, COD_DISCARD);
    arena_free(&c.ar);
    lex_free(lx);
}

TEST(coder_complex_code_or_not)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_default(&o);
    coded c;
    const char *ev;
    code_text(lx, &o, "Arnor sent Gondor aid with rumours of war.", 20240101, &c);
    CHECK_INT(c.out.n, 0);
    CHECK_INT(c.out.status, COD_COMPLEX);
    arena_free(&c.ar);
    /* PETRARCH leaves "+++" unimplemented: the verb's own code stands. */
    o.no_complex = 1;
    ev = events_of(lx, &o, "Arnor sent Gondor aid with rumours of war.");
    CHECK(test_has_event(ev, "ARN GON 150"));
    lex_free(lx);
}

TEST(coder_date_restricted_actor)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_default(&o);
    const char *ev = test_events(lx, &o, "Denethor urged Rohan to send riders.", 19950101);
    CHECK(test_has_event(ev, "GONGOV ROH 102"));
    ev = events_of(lx, &o, "Denethor urged Rohan to send riders.");
    CHECK(test_has_event(ev, "GON ROH 102"));
    CHECK(!test_has_event(ev, "GONGOV ROH 102"));
    lex_free(lx);
}

TEST(coder_reported_speech_codes_the_inner_event)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_default(&o);
    const char *ev = events_of(lx, &o, "Gondor said Arnor attacked Rohan.");
    CHECK(test_has_event(ev, "ARN ROH 190"));
    CHECK(!test_has_event(ev, "GON ARN 010"));
    /* With nothing else to code, the subordinate "said" stands. */
    ev = events_of(lx, &o, "Gondor said on Monday that Arnor would not be welcome.");
    CHECK(test_has_event(ev, "GON ARN 010"));
    lex_free(lx);
}

TEST(coder_paired_code_gives_both_directions)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_default(&o);
    const char *ev = events_of(lx, &o, "Arnor will meet Gondor in Minas Tirith.");
    CHECK(test_has_event(ev, "ARN GON 036"));
    CHECK(test_has_event(ev, "GON ARN 036"));
    lex_free(lx);
}

TEST(coder_modality_flags)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_news(&o);
    coded c;
    code_text(lx, &o, "Arnor did not attack Gondor.", 20240101, &c);
    int k = has_event(&c, "ARN", "GON", "190");
    REQUIRE(k);
    CHECK(c.out.ev[k - 1].negated);
    CHECK(!c.out.ev[k - 1].conditional);
    arena_free(&c.ar);
    code_text(lx, &o, "If Rohan moves, Arnor will attack Gondor.", 20240101, &c);
    k = has_event(&c, "ARN", "GON", "190");
    REQUIRE(k);
    CHECK(c.out.ev[k - 1].conditional);
    CHECK(c.out.ev[k - 1].future);
    CHECK(!c.out.ev[k - 1].negated);
    arena_free(&c.ar);
    code_text(lx, &o, "Arnor attacked Gondor.", 20240101, &c);
    k = has_event(&c, "ARN", "GON", "190");
    REQUIRE(k);
    CHECK(!c.out.ev[k - 1].negated && !c.out.ev[k - 1].conditional && !c.out.ev[k - 1].future);
    arena_free(&c.ar);
    lex_free(lx);
}

TEST(coder_subordinate_clause_has_its_own_subject)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_news(&o);
    const char *ev = events_of(lx, &o, "Arnor is calm five years after Rohan troops attacked Mordor.");
    CHECK(test_has_event(ev, "ROHMIL MOR 190"));
    CHECK(!test_has_event(ev, "ARN MOR 190"));
    /* Its target is not looked for in the main clause before it. */
    o.require_dyad = 0;
    ev = events_of(lx, &o, "Arnor is calm five years after Rohan troops attacked.");
    CHECK(test_has_event(ev, "ROHMIL --- 190"));
    CHECK(!test_has_event(ev, "ROHMIL ARN 190"));
    lex_free(lx);
}

TEST(coder_closing_clause_after_an_aside_has_its_own_subject)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_news(&o);
    const char *ev = events_of(lx, &o, "Arnor is calm, two years after the talks ended, Rohan troops said.");
    CHECK(!test_has_event(ev, "ARN ROHMIL 010"));
    o.require_dyad = 0;
    ev = events_of(lx, &o, "Arnor is calm, two years after the talks ended, Rohan troops said.");
    CHECK(test_has_event(ev, "ROHMIL --- 010"));
    /* Without a subject of its own the closing verb is still the first actor's. */
    ev = events_of(lx, &o, "Arnor, two years after the talks ended, attacked Gondor.");
    CHECK(test_has_event(ev, "ARN GON 190"));
    lex_free(lx);
}

TEST(coder_unresolved_pronouns)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_news(&o);
    const char *ev = events_of(lx, &o, "Arnor is calm after Rohan troops attacked its embassy.");
    CHECK(test_has_event(ev, "ROHMIL ARN 190"));
    /* PETRARCH's convention: no referent without a parser's coreference. */
    o.no_pronouns = 1;
    o.require_dyad = 0;
    ev = events_of(lx, &o, "Arnor is calm after Rohan troops attacked its embassy.");
    CHECK(test_has_event(ev, "ROHMIL --- 190"));
    CHECK(!test_has_event(ev, "ROHMIL ARN 190"));
    lex_free(lx);
}

TEST(coder_infinitive_object_is_not_the_target)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_news(&o);
    const char *ev = events_of(lx, &o, "Arnor proposed to take up the issue with Gondor.");
    CHECK(!test_has_event(ev, "ARN GON 100"));
    ev = events_of(lx, &o, "Arnor proposed a deal to Gondor.");
    CHECK(test_has_event(ev, "ARN GON 100"));
    lex_free(lx);
}

TEST(coder_unresolved_pronoun_subject)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_news(&o);
    o.no_pronouns = 1;
    const char *ev;
    /* "he" is the subject: Gondor in the opening phrase is not. */
    ev = events_of(lx, &o, "On the future of Gondor's army, he urged Rohan to act.");
    CHECK(!test_has_event(ev, "GON ROH 102"));
    /* After a verb, the pronoun is that verb's subject again. */
    ev = events_of(lx, &o, "Arnor indicated it urged Rohan to act.");
    CHECK(test_has_event(ev, "ARN ROH 102"));
    lex_free(lx);
}

TEST(coder_trace_explains)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_default(&o);
    buf b;
    buf_init(&b);
    o.trace = &b;
    coded c;
    code_text(lx, &o, "Arnor attacked Gondor.", 20240101, &c);
    REQUIRE(b.data);
    CHECK(strstr(b.data, "ARNOR/actor") != NULL);
    CHECK(strstr(b.data, "ATTACKED/verb") != NULL);
    buf_free(&b);
    arena_free(&c.ar);
    lex_free(lx);
}

TEST(options_lines)
{
    cod_options o;
    cod_options_default(&o);
    CHECK_INT(cod_options_line(&o, "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN"), 0);
    CHECK_INT(o.complex_verbs, 5);
    CHECK_INT(o.complex_conj, 4);
    CHECK(o.complex_noactprior);
    cod_options_line(&o, "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8");
    CHECK_INT(o.comma_min, 4);
    CHECK_INT(o.comma_bmax, 8);
    cod_options_line(&o, "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER");
    CHECK_STR(o.default_source, "DEFSRC");
    CHECK(o.default_source_prior && o.default_target_after);
    cod_options_line(&o, "DEFAULT: OFF");
    CHECK_STR(o.default_source, "");
    cod_options_line(&o, "SET: CODE BY SENTENCE");
    CHECK_INT(o.code_by, COD_BY_SENTENCE);
    CHECK_INT(cod_options_line(&o, "nonsense without colon"), -1);
}

/* TABARI's quirk: THEIR after a compound source led by an agent is the
 * target (the members code each other); without the agent, or in news
 * mode, the pronoun is the source itself and the next actor is the target. */
TEST(coder_their_after_agent_led_compound)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_default(&o);
    coded c;
    const char *ev = events_of(lx, &o, "The troops of Arnor and Rohan attacked their old camps near Gondor.");
    CHECK(test_has_event(ev, "ARNMIL ROH 190"));
    CHECK(test_has_event(ev, "ROH ARNMIL 190"));
    CHECK(!test_has_event(ev, "ROH GON 190"));
    ev = events_of(lx, &o, "Arnor and Rohan attacked their old camps near Gondor.");
    CHECK(test_has_event(ev, "ARN GON 190"));
    CHECK(test_has_event(ev, "ROH GON 190"));
    CHECK(!test_has_event(ev, "ARN ROH 190"));
    cod_options_news(&o);
    code_text(lx, &o, "The troops of Arnor and Rohan attacked their old camps near Gondor.", 20240101, &c);
    /* (news mode gives the agent to every member) */
    CHECK(has_event(&c, "ROHMIL", "GON", "190"));
    CHECK(!has_event(&c, "ROHMIL", "ARNMIL", "190"));
    arena_free(&c.ar);
    lex_free(lx);
}

/* TABARI's secondary forwarding: after a sentence whose subject was itself
 * a forwarded pronoun, the next pronoun takes the first actor named in that
 * sentence; news mode keeps following the subject. */
TEST(coder_secondary_pronoun_forwarding)
{
    lexicon *lx = toy_lexicon();
    static const char text[] = "Arnor attacked Gondor on Monday. It attacked Rohan near Mordor on Tuesday. "
                               "It attacked Gondor again on Friday.";
    cod_options o;
    cod_options_default(&o);
    o.forward = 1;
    const char *ev = events_of(lx, &o, text);
    CHECK(test_has_event(ev, "ARN ROH 190"));
    CHECK(test_has_event(ev, "ROH GON 190"));
    cod_options_news(&o);
    ev = events_of(lx, &o, text);
    CHECK(test_has_event(ev, "ARN ROH 190"));
    CHECK(!test_has_event(ev, "ROH GON 190"));
    lex_free(lx);
}

/* TABARI reads "A and B, and C and D" as one compound (the pairs would
 * otherwise be split by the comma clause); news mode keeps the first pair. */
TEST(coder_chained_compound_pairs)
{
    lexicon *lx = toy_lexicon();
    static const char text[] = "Arnor attacked Gondor and Rohan, and Mordor and Eriador, the radio said on Monday.";
    cod_options o;
    cod_options_default(&o);
    const char *ev = events_of(lx, &o, text);
    CHECK(test_has_event(ev, "ARN GON 190"));
    CHECK(test_has_event(ev, "ARN ROH 190"));
    CHECK(test_has_event(ev, "ARN MOR 190"));
    CHECK(test_has_event(ev, "ARN ERI 190"));
    cod_options_news(&o);
    ev = events_of(lx, &o, text);
    CHECK(test_has_event(ev, "ARN ROH 190"));
    CHECK(!test_has_event(ev, "ARN ERI 190"));
    lex_free(lx);
}

/* TABARI keeps the subject across a conjunction unless an actor follows
 * it (manual 7.6); news mode takes the actor before the second verb. */
TEST(coder_clause_keeps_carried_subject)
{
    lexicon *lx = toy_lexicon();
    static const char text[] = "Arnor urged calm and the people in Gondor attacked Rohan on Monday.";
    cod_options o;
    cod_options_default(&o);
    const char *ev = events_of(lx, &o, text);
    CHECK(test_has_event(ev, "ARN ROH 190"));
    CHECK(!test_has_event(ev, "GON ROH 190"));
    /* An actor right after the conjunction is the new subject. */
    ev = events_of(lx, &o, "Arnor urged calm and Gondor attacked Rohan on Monday.");
    CHECK(test_has_event(ev, "GON ROH 190"));
    cod_options_news(&o);
    ev = events_of(lx, &o, text);
    CHECK(test_has_event(ev, "GON ROH 190"));
    CHECK(!test_has_event(ev, "ARN ROH 190"));
    lex_free(lx);
}

/* TABARI: a pronoun does not refer to an actor of an eliminated comma
 * clause ("Today Arnor sent envoys," is dropped by the BMIN/BMAX limits). */
TEST(coder_pronoun_skips_dropped_clause)
{
    lexicon *lx = toy_lexicon();
    static const char text[] = "Today Arnor sent envoys, Gondor attacked its old camps in Rohan on Monday.";
    cod_options o;
    cod_options_default(&o);
    cod_options_line(&o, "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8");
    const char *ev = events_of(lx, &o, text);
    CHECK(test_has_event(ev, "GON ROH 190"));
    CHECK(!test_has_event(ev, "GON ARN 190"));
    o.pronoun_skip_dropped = 0;
    ev = events_of(lx, &o, text);
    CHECK(test_has_event(ev, "GON ARN 190"));
    lex_free(lx);
}

/* HIM is one of TABARI's pronouns (manual 7.7): the first actor. */
TEST(coder_him_is_a_pronoun)
{
    lexicon *lx = toy_lexicon();
    cod_options o;
    cod_options_default(&o);
    const char *ev = events_of(lx, &o, "Arnor attacked Rohan on Monday and Gondor urged him to stop the war.");
    CHECK(test_has_event(ev, "ARN ROH 190"));
    CHECK(test_has_event(ev, "GON ARN 102"));
    lex_free(lx);
}
