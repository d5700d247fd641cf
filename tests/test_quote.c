/* test_quote.c: quotations and their speakers -- on small texts written for
 * these tests, and on the seed article (read from ../shared at test time). */
#include "test.h"
#include "coded.h"
#include "dyad.h"
#include "quote/quote.h"
#include <stdlib.h>
#include <string.h>

/* Shared coding helpers (tests/test_articles.c). */

/* The quotation of this kind whose text starts with `start`, or NULL. */
static const dyad_quote *find(const issue5_coded *c, int kind, const char *start)
{
    for (uint32_t i = 0; i < c->r.nquotes; i++) {
        const dyad_quote *q = &c->r.quotes[i];
        if ((!kind || q->kind == kind) && !strncmp(q->text, start, strlen(start))) return q;
    }
    return NULL;
}

static int count(const issue5_coded *c, int kind)
{
    int n = 0;
    for (uint32_t i = 0; i < c->r.nquotes; i++) n += c->r.quotes[i].kind == kind;
    return n;
}

#define CODE(text, date) issue5_coded c; if (!issue5_code(&c, text, date)) SKIP("dyad's dictionaries not found")

TEST(quote_speech_verbs_sorted)
{
    CHECK_STR(quo_speech_verb("SAID"), "say");
    CHECK_STR(quo_speech_verb("TOLD"), "tell");
    CHECK_STR(quo_speech_verb("ACCUSED"), "accuse");
    CHECK_STR(quo_speech_verb("WROTE"), "write");
    CHECK(quo_speech_verb("ATTACKED") == NULL);
}

TEST(quote_direct_with_frame_after)
{
    CODE("\"We will win this war,\" Zelensky said on Monday.", 20240816);
    const dyad_quote *q = find(&c, DYAD_QUOTE_DIRECT, "We will win");
    REQUIRE(q);
    CHECK_STR(q->text, "We will win this war");
    CHECK_STR(q->speaker, "Zelensky");
    CHECK_STR(q->speaker_code, "UKRGOV");
    CHECK_STR(q->verb, "say");
    CHECK_STR(issue5_span(&c, q->verb_span), "said");
    CHECK_STR(issue5_span(&c, q->span), "We will win this war,");
    /* the frame is no second, indirect quotation */
    CHECK_INT(count(&c, DYAD_QUOTE_INDIRECT), 0);
    issue5_free(&c);
}

TEST(quote_inverted_frame_and_according_to)
{
    CODE("\u201cNothing will change,\u201d said Dmitry Peskov. \u201cThe talks are over,\u201d according to Sergei Lavrov.",
         20240816);
    const dyad_quote *q = find(&c, DYAD_QUOTE_DIRECT, "Nothing will change");
    REQUIRE(q);
    CHECK_STR(q->speaker_name, "Dmitry Peskov");
    CHECK_STR(q->speaker_code, "RUSGOV");
    q = find(&c, DYAD_QUOTE_DIRECT, "The talks are over");
    REQUIRE(q);
    CHECK_STR(q->speaker_name, "Sergei Lavrov");
    CHECK_STR(q->verb, "according to");
    issue5_free(&c);
}

TEST(quote_inverted_frame_with_description)
{
    CODE("Vladimir Putin flew to Minsk. \"We are ready,\" said the Russian president.", 20240816);
    const dyad_quote *q = find(&c, DYAD_QUOTE_DIRECT, "We are ready");
    REQUIRE(q);
    CHECK_STR(q->speaker, "the Russian president");
    CHECK_STR(q->speaker_name, "Vladimir Putin");
    CHECK_STR(q->speaker_code, "RUSGOV");
    issue5_free(&c);
}

TEST(quote_split_by_its_frame_is_one_quotation)
{
    CODE("Alexander Lukashenko spoke for an hour. \"This is the first part,\" he said, \"and this is the second "
         "part of it.\"", 20240816);
    CHECK_INT(count(&c, DYAD_QUOTE_DIRECT), 1);
    const dyad_quote *q = find(&c, DYAD_QUOTE_DIRECT, "This is the first part");
    REQUIRE(q);
    CHECK_STR(q->text, "This is the first part and this is the second part of it.");
    CHECK_STR(q->speaker, "he");
    CHECK_STR(q->speaker_name, "Alexander Lukashenko");
    CHECK_STR(q->speaker_code, "BLRGOV");
    issue5_free(&c);
}

TEST(quote_over_paragraphs_and_sentences)
{
    CODE("Vladimir Putin told the meeting: \"The first thing is security. We will not give it up.\n"
         "\"The second thing is trade,\" he added.\n"
         "\"And a new paragraph that nobody frames.\"\n", 20240816);
    const dyad_quote *q = find(&c, DYAD_QUOTE_DIRECT, "The first thing");
    REQUIRE(q);
    /* one quotation over two paragraphs (the first has no closing mark) */
    CHECK(strstr(q->text, "We will not give it up.") != NULL);
    CHECK(strstr(q->text, "The second thing is trade") != NULL);
    CHECK_STR(q->speaker_name, "Vladimir Putin");
    CHECK_STR(q->speaker_code, "RUSGOV");
    /* an unframed quotation after it keeps the speaker */
    q = find(&c, DYAD_QUOTE_DIRECT, "And a new paragraph");
    REQUIRE(q);
    CHECK_STR(q->speaker_name, "Vladimir Putin");
    issue5_free(&c);
}

TEST(quote_indirect_speech_and_descriptions)
{
    CODE("Alexander Lukashenko met Vladimir Putin in Minsk. The Belarusian leader said the border was safe, and "
         "Russia's president warned that the West would pay.", 20240816);
    const dyad_quote *q = find(&c, DYAD_QUOTE_INDIRECT, "the border was safe");
    REQUIRE(q);
    CHECK_STR(q->speaker, "The Belarusian leader");
    CHECK_STR(q->speaker_name, "Alexander Lukashenko");
    CHECK_STR(q->speaker_code, "BLRGOV");
    q = find(&c, DYAD_QUOTE_INDIRECT, "the West would pay");
    REQUIRE(q);
    CHECK_STR(q->speaker_name, "Vladimir Putin");
    CHECK_STR(q->verb, "warn");
    issue5_free(&c);
}

TEST(quote_office_holder_from_the_dictionaries)
{
    /* no name in the article: the dictionaries' head of state on the date */
    CODE("The Belarusian leader said the border was safe. Russia's foreign minister said talks were over.",
         20240816);
    const dyad_quote *q = find(&c, DYAD_QUOTE_INDIRECT, "the border was safe");
    REQUIRE(q);
    CHECK_STR(q->speaker_name, "Alexander Lukashenko");
    CHECK_STR(q->speaker_code, "BLRGOV");
    CHECK_INT(q->speaker_entity, -1);
    /* several Russians hold RUSGOV that day: the code, but no name */
    q = find(&c, DYAD_QUOTE_INDIRECT, "talks were over");
    REQUIRE(q);
    CHECK_STR(q->speaker_code, "RUSGOV");
    CHECK_STR(q->speaker_name, "");
    issue5_free(&c);
    /* a decade earlier the Ukrainian president was someone else */
    if (!issue5_code(&c, "The Ukrainian president said the vote was fair.", 20100601)) return;
    q = find(&c, DYAD_QUOTE_INDIRECT, "the vote was fair");
    REQUIRE(q);
    CHECK_STR(q->speaker_name, "Viktor Yanukovych");
    issue5_free(&c);
}

TEST(quote_scare_quotes_need_a_speaker)
{
    CODE("The so-called \"peace plan\" was published on Friday. Putin said the \"special operation\" would go on.",
         20240816);
    CHECK(find(&c, 0, "peace plan") == NULL);
    const dyad_quote *q = find(&c, DYAD_QUOTE_PARTIAL, "special operation");
    REQUIRE(q);
    CHECK_STR(q->speaker_code, "RUSGOV");
    issue5_free(&c);
}

TEST(quote_unknown_speaker_kept_with_text)
{
    CODE("\"The water is rising fast,\" said Maria Kovalenko, a farmer near the river.", 20240816);
    const dyad_quote *q = find(&c, DYAD_QUOTE_DIRECT, "The water");
    REQUIRE(q);
    CHECK_STR(q->speaker, "Maria Kovalenko");
    CHECK_STR(q->speaker_name, "Maria Kovalenko");
    CHECK_STR(q->speaker_code, "");
    issue5_free(&c);
}

TEST(quote_seed_all_lukashenko)
{
    issue5_coded c;
    if (!issue5_seed(&c)) SKIP("../shared/seed/lukashenko-interview.txt absent");
    /* every quotation in marks is Lukashenko's: the direct ones, those over
     * several sentences, the fragments and the scare quotes in his speech */
    int in_marks = 0, direct = 0;
    for (uint32_t i = 0; i < c.r.nquotes; i++) {
        const dyad_quote *q = &c.r.quotes[i];
        if (q->kind == DYAD_QUOTE_INDIRECT) continue;
        in_marks++;
        direct += q->kind == DYAD_QUOTE_DIRECT;
        if (strcmp(q->speaker_code, "BLRGOV")) printf("  not Lukashenko's: %s (%s)\n", q->text, q->speaker);
        CHECK_STR(q->speaker_code, "BLRGOV");
        CHECK_STR(q->speaker_name, "Alexander Lukashenko");
    }
    CHECK(in_marks >= 12);
    CHECK(direct >= 4);  /* the two long ones, "we would have no choice", "We will not use ..." */
    static const char *const quotes[] = {"senior American figures", "destroy each other", "trample on our country",
                                         "shake society from within", "we would have no choice", "common war",
                                         "beasts", "support us", "prevent a breakthrough",
                                         "We will not use any weapons until you step into our state borders"};
    for (size_t k = 0; k < sizeof quotes / sizeof *quotes; k++) {
        const dyad_quote *q = find(&c, 0, quotes[k]);
        if (!q) printf("  missing: %s\n", quotes[k]);
        CHECK(q != NULL);
    }
    /* the two that run over several sentences are one quotation each */
    const dyad_quote *q = find(&c, DYAD_QUOTE_DIRECT, "Let\u2019s sit down");
    REQUIRE(q);
    CHECK(strstr(q->text, "They (the West) need it") != NULL);
    CHECK_STR(q->speaker, "he");
    q = find(&c, DYAD_QUOTE_DIRECT, "We don\u2019t want an escalation");
    REQUIRE(q);
    CHECK(strstr(q->text, "We don\u2019t want that") != NULL);
    /* reported speech, with its speakers */
    q = find(&c, DYAD_QUOTE_INDIRECT, "Russia and Ukraine should negotiate");
    REQUIRE(q);
    CHECK_STR(q->speaker_code, "BLRGOV");
    q = find(&c, DYAD_QUOTE_INDIRECT, "any peace talks should be based");
    REQUIRE(q);
    CHECK_STR(q->speaker, "Moscow");
    q = find(&c, DYAD_QUOTE_INDIRECT, "it had seen no signs");
    REQUIRE(q);
    CHECK_STR(q->speaker, "Kiev");
    issue5_free(&c);
}
