/* test_html.c: article extraction from web pages (src/input/html.c,
 * html_meta.c) on small pages written here, and the ScrapingHub floor. */
#include "test.h"
#include "eval/eval.h"
#include "input/html.h"
#include "util/buf.h"
#include <stdlib.h>

/* A news page with every kind of furniture around a three-paragraph story. */
static const char page[] =
    "<!DOCTYPE html><html><head><meta charset='utf-8'>"
    "<title>Gondor and Arnor sign a treaty | The Minas Tirith Herald</title>"
    "<meta property='og:site_name' content='The Minas Tirith Herald'>"
    "<meta name='author' content='Bilbo Baggins'>"
    "<meta property='article:published_time' content='2024-08-16T09:30:00Z'>"
    "<link rel='canonical' href='https://herald.example/2024/08/16/treaty'>"
    "<style>p { color: red }</style><script>var ads = 'Buy now and save the kingdom';</script>"
    "</head><body>"
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
    "<div class='site-header'><a href='/'>The Minas Tirith Herald</a> Subscribe today for only one silver coin a month, "
    "a deal that no hobbit in the Shire could ever refuse.</div>"
    "<div class='layout'><div class='main-column'>"
    "<article><h1>Gondor and Arnor sign a treaty</h1>"
    "<div class='byline'>By Bilbo Baggins</div>"
    "<div class='share-bar'><a href='#'>Share on Twitter</a> <a href='#'>Share on Facebook</a></div>"
    "<div class='article-body'>"
    "<p>MINAS TIRITH &#8212; The kingdoms of Gondor and Arnor signed a treaty of friendship on Tuesday, ending "
    "a long dispute over the northern border, officials said.</p>"
    "<div class='ad-slot'><p>Advertisement: the finest pipe-weed in all of the Southfarthing, now at half price "
    "for every reader of this newspaper.</p></div>"
    "<figure><img src='x.jpg'><figcaption>The two kings shake hands in the citadel after signing the treaty on "
    "Tuesday afternoon.</figcaption></figure>"
    "<p>The treaty, negotiated over three months by envoys of both kings, opens the roads between the two "
    "realms to traders and pilgrims, and sets up a joint council to settle disputes.</p>"
    "<h2>Mordor objects</h2>"
    "<p>Mordor condemned the agreement, calling it a threat to the balance of power in Middle-earth, and "
    "said it would answer any move of troops near its western mountains.</p>"
    "</div></article>"
    "<div class='related-articles'><h3>Related</h3><ul>"
    "<li><a href='/a'>Rohan holds its annual horse fair in Edoras as riders arrive from all over the Mark</a></li>"
    "<li><a href='/b'>Shire farmers expect a record harvest of pipe-weed and potatoes this autumn</a></li></ul></div>"
    "<div id='comments'><div class='comment'><p>Samwise: This is the best news I have read in a long time, and I "
    "hope the roads will be safe for gardeners travelling with their pots and pans.</p></div></div>"
    "</div><aside class='sidebar'><p>Most read: the dragon of Erebor spotted again over the Long Lake, say the "
    "fishermen of Esgaroth who saw it twice this week.</p></aside></div>"
    "<footer>Copyright 2024 The Minas Tirith Herald. All rights reserved. Terms of use. Privacy policy.</footer>"
    "</body></html>";

static const rd_page *extract(rd_html *x, const char *html, const char *url)
{
    const rd_page *pg = NULL;
    char why[128];
    int rc = rd_html_extract(x, html, strlen(html), NULL, url, &pg, why, sizeof why);
    return rc == 0 ? pg : NULL;
}

TEST(html_body_without_furniture)
{
    rd_html *x = rd_html_new();
    const rd_page *pg = extract(x, page, NULL);
    REQUIRE(pg);
    const char *t = pg->text.data;
    CHECK(strstr(t, "MINAS TIRITH \xe2\x80\x94 The kingdoms of Gondor and Arnor signed a treaty") == t);
    CHECK(strstr(t, "joint council to settle disputes.\n\nMordor objects\n\nMordor condemned") != NULL);
    CHECK(strstr(t, "western mountains.") != NULL);
    static const char *const never[] = {"Home", "Subscribe", "Share on", "pipe-weed", "shake hands", "Rohan",
                                        "Samwise", "dragon", "Copyright", "By Bilbo", "Buy now", "color"};
    for (size_t i = 0; i < sizeof never / sizeof never[0]; i++) {
        if (strstr(t, never[i])) { test_fail(__FILE__, __LINE__, never[i]); }
    }
    CHECK(strstr(t, "Gondor and Arnor sign a treaty\n") == NULL); /* the headline is the title */
    CHECK_STR(pg->title.data, "Gondor and Arnor sign a treaty");
    CHECK_STR(pg->author.data, "Bilbo Baggins");
    CHECK_INT(pg->date, 20240816);
    CHECK_STR(pg->url.data, "https://herald.example/2024/08/16/treaty");
    CHECK_STR(pg->site.data, "The Minas Tirith Herald");
    rd_html_free(x);
}

TEST(html_json_ld_and_time)
{
    static const char p[] =
        "<html><head><title>Ents march on Isengard - Fangorn Times</title>"
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\","
        "\"name\":\"x\"},{\"@type\":\"NewsArticle\",\"headline\":\"Ents march\non Isengard\",\"datePublished\":"
        "\"2019-03-02T10:00:00+01:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"Treebeard\"},{\"name\":"
        "\"Quickbeam\"}],\"publisher\":{\"name\":\"Fangorn Times\"}}]}</script></head><body>"
        "<div class='post'><time datetime='2019-03-05'>5 March</time>"
        "<p>The Ents of Fangorn forest marched on Isengard at dawn and tore down its walls, witnesses said on Saturday.</p>"
        "<p>Saruman, who holds the tower of Orthanc, did not come out to meet them and could not be reached.</p>"
        "</div></body></html>";
    rd_html *x = rd_html_new();
    const rd_page *pg = extract(x, p, NULL);
    REQUIRE(pg);
    CHECK_STR(pg->title.data, "Ents march on Isengard");
    CHECK_STR(pg->author.data, "Treebeard, Quickbeam");
    CHECK_INT(pg->date, 20190302);
    CHECK_STR(pg->site.data, "Fangorn Times");
    CHECK(strstr(pg->text.data, "The Ents of Fangorn") == pg->text.data);

    /* no metadata at all: <time>, then the visible dateline, then the URL */
    static const char q[] =
        "<html><body><h1>Ents march on Isengard</h1><p class='date'>Saturday, March 2nd, 2019</p>"
        "<p>The Ents of Fangorn forest marched on Isengard at dawn and tore down its walls, witnesses said.</p>"
        "</body></html>";
    pg = extract(x, q, "https://fangorn.example/2018/01/02/ents");
    REQUIRE(pg);
    CHECK_STR(pg->title.data, "Ents march on Isengard");
    CHECK_INT(pg->date, 20180102);
    pg = extract(x, q, NULL);
    REQUIRE(pg);
    CHECK_INT(pg->date, 20190302);
    CHECK(strstr(pg->text.data, "Saturday") == NULL);
    rd_html_free(x);
}

TEST(html_charset_and_entities)
{
    /* Latin-1 bytes with the charset in <meta>; NBSP and entities. */
    static const char p[] = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
                            "</head><body><p>Caf\xe9 &amp; cr\xe8me&nbsp;br\xfbl\xe9\x65 were served to the envoys of "
                            "both kingdoms at the signing in the citadel on Tuesday.</p></body></html>";
    rd_html *x = rd_html_new();
    const rd_page *pg = extract(x, p, NULL);
    REQUIRE(pg);
    CHECK(strstr(pg->text.data, "Caf\xc3\xa9 & cr\xc3\xa8me br\xc3\xbbl\xc3\xa9\x65 were") == pg->text.data);
    /* the transport's charset wins over a missing declaration */
    static const char q[] = "<p>Br\xfbl\xe9\x65 for the envoys of both kingdoms at the signing in the citadel.</p>";
    const rd_page *pg2;
    char why[64];
    REQUIRE(rd_html_extract(x, q, sizeof q - 1, "iso-8859-1", NULL, &pg2, why, sizeof why) == 0);
    CHECK(strstr(pg2->text.data, "Br\xc3\xbbl\xc3\xa9\x65") == pg2->text.data);
    /* an unknown charset name falls back to the page's own */
    REQUIRE(rd_html_extract(x, q, sizeof q - 1, "x-no-such-charset", NULL, &pg2, why, sizeof why) == 0);
    rd_html_free(x);
}

TEST(html_not_html_refused)
{
    rd_html *x = rd_html_new();
    const rd_page *pg;
    char why[128];
    static const char *const bad[] = {"{\"id\": 1, \"text\": \"json\"}", "just some plain text", "", "   \n",
                                      "< not a tag", "%PDF-1.4 binary"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT(rd_html_extract(x, bad[i], strlen(bad[i]), NULL, NULL, &pg, why, sizeof why), -1);
        CHECK(strstr(why, "not HTML") == why);
    }
    static const char nul[] = "<html>\0\0\0binary";
    CHECK_INT(rd_html_extract(x, nul, sizeof nul - 1, NULL, NULL, &pg, why, sizeof why), -1);
    /* markup without an article is not an error: no text */
    CHECK_INT(rd_html_extract(x, "<html><body><a href='/'>Home</a></body></html>", 44, NULL, NULL, &pg, why, sizeof why), 0);
    CHECK_STR(pg->text.data, "");
    /* broken markup is recovered */
    static const char broken[] = "<div><p>The ranger Aragorn was crowned king of Gondor and Arnor in a ceremony "
                                 "at Minas Tirith <b>on <i>Tuesday</b>, heralds said</p></span></table>";
    CHECK_INT(rd_html_extract(x, broken, sizeof broken - 1, NULL, NULL, &pg, why, sizeof why), 0);
    CHECK(strstr(pg->text.data, "on Tuesday, heralds said") != NULL);
    rd_html_free(x);
}

TEST(html_text_dates)
{
    CHECK_INT(rd_text_date("Nov. 19, 2019 8:03 am ET", 24), 20191119);
    CHECK_INT(rd_text_date("Updated: 19 November 2019", 25), 20191119);
    CHECK_INT(rd_text_date("posted 2019/11/19", 17), 20191119);
    CHECK_INT(rd_text_date("Sept 3rd, 2020", 14), 20200903);
    CHECK_INT(rd_text_date("Tuesday, 3 Sep 2020 10:02", 25), 20200903);
    CHECK_INT(rd_text_date("May the force", 13), 0);
    CHECK_INT(rd_text_date("February 30, 2020", 17), 0);
    CHECK_INT(rd_text_date("in 2019 there were 12", 21), 0);
}

TEST(html_scrapinghub_floor)
{
    const char *dir = test_shared_path("peers/article-extraction/scrapinghub-aeb");
    if (!dir) SKIP("peers/article-extraction/scrapinghub-aeb not in the shared folder");
    FILE *out = fopen("/dev/null", "w");
    REQUIRE(out);
    eval_opts opt = {0};
    eval_score s;
    REQUIRE(eval_extract(dir, &opt, out, &s) == 0);
    fclose(out);
    printf("  extraction on the ScrapingHub benchmark: F1 %.3f (P %.3f R %.3f)\n", s.f1, s.precision, s.recall);
    CHECK(s.f1 >= 0.95);
}
