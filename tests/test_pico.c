/* test_pico.c: PETRARCH-2's coding ontology, its transformations and the
 * coder's verb chains, on a small ontology and verb file written here. */
#include "test.h"
#include "coded.h"
#include "code/coder.h"
#include "lexicon/load_mem.h"
#include "lexicon/pico.h"
#include "text/text.h"
#include <stdlib.h>
#include <string.h>

/* A few lines in the ontology file's own shape (CRLF, comments, sums). */
static const char ontology[] =
    "# PICO, a part\r\n"
    "010:0x1000#Make Public Statement\r\n"
    "011:0x1000-0xFFFF\r\n"
    "015:0x10a0\r\n"
    "020:0x2000#Appeal\r\n"
    "021:0x2070\r\n"
    "023:0x2040\r\n"
    "030:0x3000#Intend\r\n"
    "033:0x3040\r\n"
    "050:0x0080\r\n"
    "060:0x0070\r\n"
    "070:0x0040\r\n"
    "085:0x0205\r\n"
    "110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove\r\n"
    "112:0x70a0\r\n"
    "121:-0xFFFF+0x0070\r\n"
    "138:0x60A0\r\n"
    "170:0x9000\r\n"
    "190:0x00A0#Fight\r\n"
    "---:0\r\n"
    "BAD LINE\r\n";

static const char verbs[] =
    "--- EXPLAIN_VERBAL [010] ---\n"
    "SAY {SAYS SAID SAYING}\n"
    "--- ALLEGE [110] ---\n"
    "CLAIM\n"
    "--- APPEAL [020] ---\n"
    "ASK\n"
    "--- PLEDGE [030] ---\n"
    "WANT\n"
    "--- AGREE [050] ---\n"
    "AGREE\n"
    "--- LIFT [---] ---\n"
    "LIFT\n"
    "- * SANCTIONS [085]\n"
    "--- GRANT [060] ---\n"
    "PROVIDE\n"
    "- * SUPPORT [051]\n"
    "- * SUPPORT [060]\n"
    "--- AID [070] ---\n"
    "HELP\n"
    "--- GET [---] ---\n"
    "RECEIVE\n"
    "- * ASSURANCE [:030]\n"
    "--- IMPEL [170] ---\n"
    "PRESSURE\n"
    "--- PHYSICAL_CONFLICT [190] ---\n"
    "ATTACK\n"
    "KILL\n"
    "LINK\n"
    "--- MEET [040] ---\n"
    "MEET {MEETS MET MEETING}\n"
    "MAKE {MAKES MADE MAKING}\n"
    "- * REMARK [010]\n"
    "- * TALKS [046:046]\n"
    "~ a (a b ATTACK) SAY = a b 015\n"
    "~ a (b . ATTACK) SAY = a b 112\n"
    "~ a (a b ATTACK) CLAIM = a b 015\n"
    "~ a (_ b ATTACK) WANT = a b 138\n"
    "~ a (b . ATTACK) WANT = a b 021\n"
    "~ a (a b Q) SAY = a b Q\n"
    "~ a (_ b ATTACK) NOSUCHVERB = a b 185\n";

static const char actors[] =
    "ARNOR_ [ARN]\nGONDOR_ [GON]\nROHAN_ [ROH]\nMORDOR_ [MOR]\nMINAS_TIRITH_ [GONCAP]\n"
    "COUNCIL_ [GONLEG]\n"
    "THE_KING_ [ARNELI]\n"
    "+KING_ELESSAR_\n"
    "ELESSAR_ [GONGOV]\n"
    "+KING_ELESSAR_\n";
static const char agents[] = "SOLDIERS [~MIL]\nCHILDREN [~CVL]\nMAN [~PPL]\nCOUNCIL [~LEG]\nREBELS [~REB]\n";

static lexicon *pico_lexicon(int with_ontology)
{
    lexicon *lx = lex_new();
    lex_load_petrarch_actors_mem(lx, "toy.actors.txt", actors, sizeof actors - 1);
    lex_load_petrarch_agents_mem(lx, "toy.agents.txt", agents, sizeof agents - 1);
    lex_load_petrarch_verbs_mem(lx, "toy.verbs.txt", verbs, sizeof verbs - 1);
    if (with_ontology) lex_load_pico_mem(lx, "toy.ontology.txt", ontology, sizeof ontology - 1);
    lex_compile(lx);
    return lx;
}

/* The events of a text as PETRARCH's evaluation codes it (coded.h). */
static const char *coded(const lexicon *lx, const char *text)
{
    cod_options o;
    cod_options_news(&o);
    o.modality = 0;
    o.anonymous_agents = 1;   /* "---REB", as PETRARCH codes a lone agent */
    return test_events(lx, &o, text, 20150101);
}

TEST(pico_ontology_file)
{
    lexicon *lx = lex_new();
    CHECK(lex_pico_sniff(ontology, sizeof ontology - 1));
    CHECK(!lex_pico_sniff(verbs, sizeof verbs - 1));
    CHECK(!lex_pico_sniff(actors, sizeof actors - 1));
    CHECK_INT(lex_load_pico_mem(lx, "o.txt", ontology, sizeof ontology - 1), 18);
    CHECK(strstr(lx->errors.data, "o.txt:21: bad ontology line") != NULL);
    CHECK_INT(lx->nerrors, 1);
    CHECK_INT(lex_pico_of(lx, "011"), 0x1000 - 0xFFFF);
    CHECK_INT(lex_pico_of(lx, "121"), 0x70 - 0xFFFF);
    CHECK_INT(lex_pico_of(lx, "110"), 0x1007f);   /* the first reading; the rest is comment */
    CHECK_INT(lex_pico_of(lx, "0234"), 0x2000);   /* unknown: its root's "x0" */
    CHECK_INT(lex_pico_of(lx, "999"), LEX_PICO_NONE);
    CHECK_STR(lex_pico_cameo(lx, 0x3040), "033");
    CHECK_STR(lex_pico_cameo(lx, 0x30A0), "138");  /* PETRARCH-2's listed exception */
    CHECK(lex_pico_cameo(lx, 0x1040) == NULL);
    lex_free(lx);
}

TEST(pico_combination_rule)
{
    CHECK_INT(lex_pico_combine(0x3000, 0x0040), 0x3040);   /* intend + aid */
    CHECK_INT(lex_pico_combine(0x0080, 0x0205), 0x0205);   /* agree + ease sanctions: the lower */
    CHECK_INT(lex_pico_combine(0x1000, 0x3000), 0x3000);   /* two top-level verbs: the lower */
    CHECK_INT(lex_pico_combine(0, 0x70 - 0xFFFF), 0x70 - 0xFFFF);  /* negated, no upper code */
}

TEST(pico_transformations)
{
    lexicon *lx = pico_lexicon(1);
    CHECK_INT(lx->nxforms, 6);
    CHECK(strstr(lx->errors.data, "toy.verbs.txt:40: transformation verb NOSUCHVERB is not in the verb dictionary") != NULL);
    const lex_xform *x = lex_xform_find(lx, 0x1000, 0xA5, 0, 0);   /* say + another's air strike */
    REQUIRE(x);
    CHECK_STR(x->code, "112");
    x = lex_xform_find(lx, 0x1000, 0xA0, 1, 0);                    /* say + own attack */
    REQUIRE(x);
    CHECK_STR(x->code, "015");
    CHECK(lex_xform_find(lx, 0x1000, 0x40, 0, 0) == NULL);          /* say + help: none */
    x = lex_xform_find(lx, 0x3000, 0xA0, 0, 1);                    /* want to attack */
    REQUIRE(x);
    CHECK_STR(x->code, "138");
    lex_free(lx);
}

TEST(pico_verb_chains_in_the_coder)
{
    lexicon *lx = pico_lexicon(1);
    CHECK_STR(coded(lx, "Arnor wants to help Gondor."), "ARN GON 033");
    CHECK_STR(coded(lx, "Arnor has agreed to lift the sanctions on Gondor."), "ARN GON 085");
    CHECK_STR(coded(lx, "Arnor is asking Rohan to help Gondor."), "ARN ROH 023");
    CHECK_STR(coded(lx, "Arnor wants Rohan to attack Gondor."), "ARN ROH 021");
    CHECK_STR(coded(lx, "Arnor said that Mordor had attacked Gondor."), "ARN MOR 112");
    CHECK_STR(coded(lx, "Arnor claimed that they had attacked Gondor."), "ARN GON 015");
    /* "not" is in the code where the ontology has one; of the two equal
     * patterns "* SUPPORT" the later [060] is used. */
    CHECK_STR(coded(lx, "Arnor said it would not provide support to Gondor."), "ARN GON 121");
    CHECK_STR(coded(lx, "Arnor did not attack Gondor."), "");
    /* Passive voice: the source in a by/from phrase; [:030] is such a verb. */
    CHECK_STR(coded(lx, "Arnor was pressured by Gondor."), "GON ARN 170");
    CHECK_STR(coded(lx, "Arnor received assurances from Gondor."), "GON ARN 030");
    /* A verb of saying whose clause has no coded verb targets its subject. */
    CHECK_STR(coded(lx, "Arnor claimed that Gondor was unaware."), "ARN GON 110");
    lex_free(lx);
}

TEST(pico_noun_phrases_as_petrarch2_parses_them)
{
    lexicon *lx = pico_lexicon(1);
    /* A dateline is no subject; its place is an agent-only subject's
     * country; a plain "man" beside other agents adds nothing. */
    CHECK_STR(coded(lx, "MINAS TIRITH: Four children and a man were killed by Mordor."), "MOR GONCAPCVL 190");
    CHECK_STR(coded(lx, "MINAS TIRITH: Arnor met Rohan."), "ARN ROH 040");
    /* A speaker before a colon is no dateline: "said" still governs the clause. */
    CHECK_STR(coded(lx, "Arnor said: soldiers attacked Gondor."), "ARN ---MIL 112");
    /* Hyphenated words stay whole: no "Mordor-linked" actor or verb. */
    CHECK_STR(coded(lx, "Mordor-linked rebels attacked Gondor."), "---REB GON 190");
    /* Bare actors listed before "X soldiers" share the agent. */
    CHECK_STR(coded(lx, "Arnor and Rohan soldiers attacked Gondor."), "ARNMIL GON 190;ROHMIL GON 190");
    /* After a possessive, a word with an agent reading is the agent. */
    CHECK_STR(coded(lx, "Rohan's council attacked Gondor."), "ROHLEG GON 190");
    /* A noun phrase reaches its "of", past adjectives. */
    CHECK_STR(coded(lx, "Mordor attacked the soldiers of the northern Gondor."), "MOR GONMIL 190");
    /* Of two equal actor phrases the later one is used. */
    CHECK_STR(coded(lx, "King Elessar attacked Mordor."), "GONGOV MOR 190");
    /* A compound with no target acts on itself, both ways. */
    CHECK_STR(coded(lx, "Arnor, Rohan and Gondor met."),
              "ARN ROH 040;ARN GON 040;ROH ARN 040;ROH GON 040;GON ARN 040;GON ROH 040");
    /* A paired code with no target: the missing side is never a source. */
    CHECK_STR(coded(lx, "Arnor met talks."), "ARN --- 046");
    /* The object is the subject's own: no event ("made his remarks in ..."). */
    CHECK_STR(coded(lx, "Arnor made its remarks in Gondor."), "");
    lex_free(lx);
}

TEST(pico_verbs_as_petrarch2_parses_them)
{
    lexicon *lx = pico_lexicon(1);
    /* ", attacking ...": only when the sentence has no other event. */
    CHECK_STR(coded(lx, "Arnor met Rohan, attacking Gondor."), "ARN ROH 040");
    CHECK_STR(coded(lx, "Arnor slept, attacking Gondor."), "ARN GON 190");
    /* A verb form after a determiner or a preposition is a noun. */
    CHECK(strstr(coded(lx, "Arnor said the attack on Gondor was unjust."), "190") == NULL);
    /* A participle after its noun is a passive with no source: no event. */
    CHECK_STR(coded(lx, "Arnor met Rohan on a trip linked to Gondor."), "ARN ROH 040");
    CHECK_STR(coded(lx, "Rohan soldiers linked to Gondor were killed by Mordor."), "MOR ROHMIL 190");
    /* "there were ten soldiers killed in Gondor" */
    CHECK_STR(coded(lx, "There were ten Arnor soldiers killed in Gondor today."), "GON ARNMIL 190");
    lex_free(lx);
}

TEST(pico_without_the_ontology_nothing_changes)
{
    lexicon *lx = pico_lexicon(0);
    CHECK_INT(lx->npico, 0);
    /* Plain coding: the inner verb of reported speech, no combined codes. */
    CHECK_STR(coded(lx, "Arnor said that Mordor had attacked Gondor."), "MOR GON 190");
    CHECK(strstr(coded(lx, "Arnor wants to help Gondor."), "033") == NULL);
    lex_free(lx);
}
