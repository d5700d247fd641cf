/* test_amount.c: numbers with what they count. */
#include "test.h"
#include "coded.h"
#include "dyad.h"
#include "amount/amount.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>


/* The amount whose words are exactly `text`, or NULL. */
static const dyad_amount *amount(const issue5_coded *c, const char *text)
{
    for (uint32_t i = 0; i < c->r.namounts; i++)
        if (!strcmp(issue5_span(c, c->r.amounts[i].span), text)) return &c->r.amounts[i];
    for (uint32_t i = 0; i < c->r.namounts; i++) printf("  found: %s\n", issue5_span(c, c->r.amounts[i].span));
    return NULL;
}

TEST(amount_starter_words_sorted)
{
    for (size_t i = 1; i < amt_nstarters; i++) CHECK(strcmp(amt_starters[i - 1], amt_starters[i]) < 0);
}

#define CODE(text) issue5_coded c; if (!issue5_code(&c, text, 20240816)) SKIP("dyad's dictionaries not found")

TEST(amount_counts_measures_money)
{
    CODE("About 1,200 troops and two tanks moved 35 kilometres in 2022. The deal is worth $5 million, up 12 "
         "percent, and covers two-thirds of the land. Dozens of villages were hit on August 6.");
    const dyad_amount *a = amount(&c, "About 1,200 troops");
    REQUIRE(a);
    CHECK_INT(a->kind, DYAD_AMT_COUNT);
    CHECK(a->value == 1200);
    CHECK(a->approx);
    CHECK_STR(a->what, "troops");
    a = amount(&c, "two tanks");
    REQUIRE(a);
    CHECK(a->value == 2);
    CHECK(!a->approx);
    a = amount(&c, "35 kilometres");
    REQUIRE(a);
    CHECK_INT(a->kind, DYAD_AMT_MEASURE);
    CHECK_STR(a->unit, "km");
    a = amount(&c, "$5 million");
    REQUIRE(a);
    CHECK_INT(a->kind, DYAD_AMT_MONEY);
    CHECK_STR(a->unit, "USD");
    CHECK(a->value == 5e6);
    a = amount(&c, "12 percent");
    REQUIRE(a);
    CHECK_INT(a->kind, DYAD_AMT_PERCENT);
    a = amount(&c, "two-thirds of the land");
    REQUIRE(a);
    CHECK_INT(a->kind, DYAD_AMT_FRACTION);
    CHECK(fabs(a->value - 2.0 / 3) < 1e-9);
    CHECK_STR(a->what, "land");
    a = amount(&c, "Dozens of villages");
    REQUIRE(a);
    CHECK(a->approx);
    /* years and dates are not amounts */
    for (uint32_t i = 0; i < c.r.namounts; i++) {
        const char *t = issue5_span(&c, c.r.amounts[i].span);
        CHECK(!strstr(t, "2022") && !strstr(t, "6"));
    }
    issue5_free(&c);
}

TEST(amount_one_is_not_always_a_number)
{
    CODE("One of the soldiers said one should wait. One soldier died.");
    CHECK(amount(&c, "One soldier") != NULL);
    CHECK_INT(c.r.namounts, 1);
    issue5_free(&c);
}

TEST(amount_modifier_at_the_end)
{
    /* a modifier as the last word of the text: nothing after it to read */
    CODE("l/SOME");
    CHECK_INT(c.r.namounts, 0);
    issue5_free(&c);
    if (!issue5_code(&c, "They wanted more. It cost $", 20240816)) return;
    CHECK_INT(c.r.namounts, 0);
    issue5_free(&c);
}

TEST(amount_seed)
{
    issue5_coded c;
    if (!issue5_seed(&c)) SKIP("../shared/seed/lukashenko-interview.txt absent");
    const dyad_amount *a = amount(&c, "thousands of Kiev soldiers");
    REQUIRE(a);
    CHECK(a->approx && a->value == 1000);
    CHECK_STR(a->what, "Kiev soldiers");
    a = amount(&c, "hundreds of thousands of people");
    REQUIRE(a);
    CHECK(a->value == 1e5);
    CHECK_STR(a->what, "people");
    a = amount(&c, "35 kilometres");
    REQUIRE(a);
    CHECK_STR(a->unit, "km");
    a = amount(&c, "a fifth of its territory");
    REQUIRE(a);
    CHECK(fabs(a->value - 0.2) < 1e-9);
    CHECK_STR(a->what, "territory");
    a = amount(&c, "nearly two-hour interview");
    REQUIRE(a);
    CHECK_STR(a->unit, "hour");
    CHECK_STR(a->what, "interview");
    CHECK(a->approx);
    CHECK_INT(c.r.namounts, 5);
    issue5_free(&c);
}
