/* test_clean.c: noise removal keeps offsets, removes only noise, reports it. */
#include "test.h"
#include "clean/clean.h"
#include <stdlib.h>

/* Clean s; check the offset promises: same length, every byte outside the
 * listed regions unchanged, every byte inside blank (newlines kept),
 * regions ordered and disjoint. */
static void clean(arena *a, const char *s, cln_result *r)
{
    arena_init(a, 0);
    size_t n = strlen(s);
    cln_clean(a, s, n, r);
    CHECK_INT(r->len, n);
    CHECK_INT(strlen(r->text), n);
    uint32_t k = 0, prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        while (k < r->nnoise && r->noise[k].end <= i) k++;
        int in = k < r->nnoise && r->noise[k].start <= i;
        if (!in) CHECK(r->text[i] == s[i]);
        else CHECK(r->text[i] == (s[i] == '\n' ? '\n' : ' '));
        if (!in && r->text[i] != s[i]) break;
    }
    for (uint32_t j = 0; j < r->nnoise; j++) {
        CHECK(r->noise[j].start < r->noise[j].end && r->noise[j].end <= n);
        CHECK(r->noise[j].start >= prev_end);
        prev_end = r->noise[j].end;
    }
}

/* Text of noise region j. */
__attribute__((noinline)) static const char *region(const char *s, const cln_result *r, uint32_t j)
{
    static char out[1024];
    if (j >= r->nnoise) return "(none)";
    size_t n = r->noise[j].end - r->noise[j].start;
    if (n >= sizeof out) n = sizeof out - 1;
    memcpy(out, s + r->noise[j].start, n);
    out[n] = 0;
    return out;
}

/* Is line `line` (exact, whole) removed with the given kind? */
static int removed(const char *s, const cln_result *r, const char *line, cln_kind kind)
{
    for (uint32_t j = 0; j < r->nnoise; j++)
        if (r->noise[j].kind == kind && !strcmp(region(s, r, j), line)) return 1;
    return 0;
}

TEST(clean_seed_article)
{
    const char *p = test_shared_path("seed/lukashenko-interview.txt");
    if (!p) SKIP("shared/seed/lukashenko-interview.txt absent");
    FILE *f = fopen(p, "rb");
    REQUIRE(f);
    char *raw = calloc(1, 1 << 16);
    size_t n = fread(raw, 1, (1 << 16) - 1, f);
    fclose(f);
    arena a;
    cln_result r;
    clean(&a, raw, &r);
    CHECK_INT(r.len, n);
    CHECK_INT(r.nnoise, 4);
    CHECK_STR(region(raw, &r, 0), "[ad_1]");
    CHECK_INT(r.noise[0].kind, CLN_SHORTCODE);
    CHECK_STR(region(raw, &r, 1), "Read more by Euractiv");
    CHECK_INT(r.noise[1].kind, CLN_FOOTER);
    CHECK_STR(region(raw, &r, 2), "[ad_2]");
    CHECK_INT(r.noise[2].kind, CLN_SHORTCODE);
    CHECK_STR(region(raw, &r, 3), "Source link");
    CHECK_INT(r.noise[3].kind, CLN_FOOTER);
    /* the prose is intact, byte for byte */
    const char *first = "Russian President Alexander Lukashenko, a key ally of Vladimir Putin";
    CHECK(strstr(r.text, first) != NULL);
    CHECK(strstr(r.text, "\xE2\x80\x9CWe will not use any weapons until you step into our state borders,\xE2\x80\x9D he said.") != NULL);
    CHECK_STR(r.byline, "");
    CHECK_STR(r.dateline, "");
    free(raw);
    arena_free(&a);
}

TEST(clean_shortcodes)
{
    const char *s = "[ad_1]\nText one. [ad_12] More.\n"
                    "[caption id=\"a1\" align=\"alignnone\"]<img src=\"x.jpg\">\nTroops[/caption]\n"
                    "[embed]https://twitter.com/x/status/1[/embed]\n"
                    "They [the West] need it, he said [sic]. See [1].\n";
    arena a;
    cln_result r;
    clean(&a, s, &r);
    CHECK_INT(r.nnoise, 4);
    CHECK_STR(region(s, &r, 0), "[ad_1]");
    CHECK_STR(region(s, &r, 1), "[ad_12]");
    CHECK_STR(region(s, &r, 2), "[caption id=\"a1\" align=\"alignnone\"]<img src=\"x.jpg\">\nTroops[/caption]");
    CHECK_STR(region(s, &r, 3), "[embed]https://twitter.com/x/status/1[/embed]");
    for (uint32_t j = 0; j < r.nnoise; j++) CHECK_INT(r.noise[j].kind, CLN_SHORTCODE);
    CHECK(strstr(r.text, "They [the West] need it, he said [sic]. See [1].") != NULL);
    CHECK(strstr(r.text, "Text one.         More.") != NULL);
    arena_free(&a);
}

TEST(clean_footer_lines)
{
    const char *s = "Troops moved.\n"
                    "Source link\n"
                    "Source: Euractiv link\n"
                    "Read more by Euractiv\n"
                    "Read more:  Belarus moves troops to the border\n"
                    "Read More \xC2\xBB\n"
                    "Click here to read the full report\n"
                    "Copyright 2024 Reuters. All rights reserved.\n"
                    "\xC2\xA9 2024 Euractiv\n"
                    "(c) 2024 Some Media Ltd\n"
                    "All Rights Reserved\n"
                    "This article was originally published on The Conversation.\n"
                    "Reporting by Jane Doe; Editing by John Roe\n";
    arena a;
    cln_result r;
    clean(&a, s, &r);
    const char *lines[] = {"Source link", "Source: Euractiv link", "Read more by Euractiv",
        "Read more:  Belarus moves troops to the border", "Read More \xC2\xBB",
        "Click here to read the full report", "Copyright 2024 Reuters. All rights reserved.",
        "\xC2\xA9 2024 Euractiv", "(c) 2024 Some Media Ltd", "All Rights Reserved",
        "This article was originally published on The Conversation.",
        "Reporting by Jane Doe; Editing by John Roe"};
    CHECK_INT(r.nnoise, sizeof lines / sizeof *lines);
    for (size_t k = 0; k < sizeof lines / sizeof *lines; k++) {
        int ok = removed(s, &r, lines[k], CLN_FOOTER);
        if (!ok) printf("  not removed as footer: %s\n", lines[k]);
        CHECK(ok);
    }
    CHECK(!strncmp(r.text, "Troops moved.\n", 14));
    arena_free(&a);
}

TEST(clean_share_ad_and_url_lines)
{
    const char *s = "Troops moved.\n"
                    "Share this:\n"
                    "Share on Facebook\n"
                    "Facebook Twitter WhatsApp Email\n"
                    "Follow us on Twitter\n"
                    "Follow Jane Doe on X\n"
                    "Subscribe to our newsletter\n"
                    "Sign up for our daily briefing\n"
                    "  Advertisement  \n"
                    "https://example.com/story/123?x=1\n"
                    "<p>&nbsp;</p>\n"
                    "The end.\n";
    arena a;
    cln_result r;
    clean(&a, s, &r);
    CHECK(removed(s, &r, "Share this:", CLN_SHARE));
    CHECK(removed(s, &r, "Share on Facebook", CLN_SHARE));
    CHECK(removed(s, &r, "Facebook Twitter WhatsApp Email", CLN_SHARE));
    CHECK(removed(s, &r, "Follow us on Twitter", CLN_SHARE));
    CHECK(removed(s, &r, "Follow Jane Doe on X", CLN_SHARE));
    CHECK(removed(s, &r, "Subscribe to our newsletter", CLN_SHARE));
    CHECK(removed(s, &r, "Sign up for our daily briefing", CLN_SHARE));
    CHECK(removed(s, &r, "Advertisement", CLN_SHORTCODE));
    CHECK(removed(s, &r, "https://example.com/story/123?x=1", CLN_MARKUP));
    CHECK(removed(s, &r, "<p>&nbsp;</p>", CLN_MARKUP));
    CHECK_INT(r.nnoise, 10);
    CHECK(strstr(r.text, "Troops moved.\n") == r.text);
    CHECK(strstr(r.text, "The end.\n") != NULL);
    arena_free(&a);
}

TEST(clean_keeps_prose_that_mentions_noise_words)
{
    const char *s = "You can read more about the talks in the report, officials said.\n"
                    "Read more about the offensive than anyone would like, he said, and stop there because it is long and this line is a sentence of real prose that goes on well past any footer length limit, which a reader would want kept.\n"
                    "Source of the leak was never found, the ministry said in a long statement on Friday.\n"
                    "Copyright law was changed to allow the sale.\n"
                    "By contrast, the army said nothing.\n"
                    "By Monday, troops had left.\n"
                    "Share prices fell sharply.\n"
                    "Subscribers to the service were told nothing, he added, and that was that for the rest of the long week of talks.\n"
                    "Advertisement revenues fell.\n"
                    "Visit www.example.com for details.\n"
                    "Share this information, please?\n"
                    "\xD0\x94\xD0\xB8\xD0\xB5\xD1\x82\xD0\xB0 \xE2\x80\x94 \xD0\x9C\xD0\xB8\xD0\xBD\xD1\x81\xD0\xBA.\n";
    arena a;
    cln_result r;
    clean(&a, s, &r);
    CHECK_INT(r.nnoise, 0);
    CHECK(strcmp(r.text, s) == 0);
    arena_free(&a);
}

TEST(clean_bylines)
{
    const char *s = "By Jane Doe and John Roe, Reuters\nMinsk said so.\nBY: JOHN Q. PUBLIC\nBy Ana de la Cruz\n";
    arena a;
    cln_result r;
    clean(&a, s, &r);
    CHECK_INT(r.nnoise, 3);
    CHECK(removed(s, &r, "By Jane Doe and John Roe, Reuters", CLN_BYLINE));
    CHECK(removed(s, &r, "BY: JOHN Q. PUBLIC", CLN_BYLINE));
    CHECK(removed(s, &r, "By Ana de la Cruz", CLN_BYLINE));
    CHECK_STR(r.byline, "Jane Doe and John Roe, Reuters");   /* the first one, without "By" */
    CHECK(strstr(r.text, "Minsk said so.") != NULL);
    arena_free(&a);
}

TEST(clean_datelines)
{
    struct { const char *text, *place, *removed; } cases[] = {
        {"MINSK, Aug 16 (Reuters) - Belarus said on Friday it would send troops.", "MINSK", "MINSK, Aug 16 (Reuters) -"},
        {"KYIV (AP) \xE2\x80\x94 Russian forces attacked overnight.", "KYIV", "KYIV (AP) \xE2\x80\x94"},
        {"WASHINGTON \xE2\x80\x94 The president spoke.", "WASHINGTON", "WASHINGTON \xE2\x80\x94"},
        {"NEW YORK, March 3 (Reuters) - Stocks fell.", "NEW YORK", "NEW YORK, March 3 (Reuters) -"},
        {"KYIV, Ukraine (AP) \xE2\x80\x94 Drones struck.", "KYIV, Ukraine", "KYIV, Ukraine (AP) \xE2\x80\x94"},
        {"Moscow (Reuters) -- Russia said so.", "Moscow", "Moscow (Reuters) --"},
        {"Belarus moves troops\nBy Jane Doe\nMINSK (Reuters) - Belarus said so.", "MINSK", "MINSK (Reuters) -"},
        {"(Reuters) \xE2\x80\x94 The attorney general is investigating WeWork.", "", "(Reuters) \xE2\x80\x94"},
        {"BUFFALO, N.Y. \xE2\x80\x94 Hours before the game, the coach spoke.", "BUFFALO, N.Y.", "BUFFALO, N.Y. \xE2\x80\x94"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        arena a;
        cln_result r;
        clean(&a, cases[k].text, &r);
        CHECK_STR(r.dateline, cases[k].place);
        CHECK(removed(cases[k].text, &r, cases[k].removed, CLN_DATELINE));
        arena_free(&a);
    }
}

TEST(clean_no_false_datelines)
{
    const char *texts[] = {
        "NATO said on Monday - in a statement - that it would act.",
        "Lukashenko \xE2\x80\x94 a key ally of Putin \xE2\x80\x94 said so.",
        "NATO \xE2\x80\x94 the alliance \xE2\x80\x94 met.",
        "Troops moved on Friday.\n\nKYIV (AP) \xE2\x80\x94 A second story starts here.",
        "Simple Hiking Survival Kit (with Kids) - The Anti-June Cleaver",
        "Atkins Diet (14 days) - Reviews",
        "(He left early) - and then it rained.",
    };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        arena a;
        cln_result r;
        clean(&a, texts[k], &r);
        CHECK_STR(r.dateline, "");
        CHECK_INT(r.nnoise, 0);
        arena_free(&a);
    }
}

TEST(clean_empty_and_odd_input)
{
    arena a;
    cln_result r;
    arena_init(&a, 0);
    cln_clean(&a, NULL, 0, &r);
    CHECK_INT(r.len, 0);
    CHECK_STR(r.text, "");
    CHECK_INT(r.nnoise, 0);
    arena_free(&a);
    clean(&a, "[ad_1", &r);
    CHECK_INT(r.nnoise, 0);
    arena_free(&a);
    clean(&a, "By\n[/caption]\n<p\n&nbsp", &r);
    CHECK_INT(r.nnoise, 1);   /* only the stray closing shortcode */
    CHECK_STR(r.text, "By\n          \n<p\n&nbsp");
    arena_free(&a);
    /* bytes after a NUL are still cleaned: the length, not the NUL, counts */
    const char raw[] = "ok\0[ad_1]";
    arena_init(&a, 0);
    cln_clean(&a, raw, sizeof raw - 1, &r);
    CHECK_INT(r.nnoise, 1);
    CHECK_INT(r.noise[0].start, 3);
    arena_free(&a);
    CHECK_STR(cln_kind_name(CLN_DATELINE), "dateline");
}
