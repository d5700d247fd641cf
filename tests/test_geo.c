/* test_geo.c: the gazetteer, places named in text, and each event's place. */
#include "test.h"
#include "coded.h"
#include "dyad.h"
#include "geo/geo.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>


/* The place whose expression is exactly `text`, or NULL. */
static const dyad_place *place(const issue5_coded *c, const char *text)
{
    for (uint32_t i = 0; i < c->r.nplaces; i++)
        if (!strcmp(issue5_span(c, c->r.places[i].span), text)) return &c->r.places[i];
    return NULL;
}

#define CODE(text, date) issue5_coded c; if (!issue5_code(&c, text, date)) SKIP("dyad's dictionaries not found")

TEST(geo_gazetteer_loads_and_finds)
{
    geo_gaz *g = geo_new();
    int n = geo_load(g, NULL, NULL);
    if (n < 0) { geo_free(g); SKIP("data/geo absent"); }
    CHECK(n > 3000);
    uint32_t blr = geo_country(g, "BLR");
    REQUIRE(blr != UINT32_MAX);
    CHECK_STR(g->entries[blr].name, "Belarus");
    CHECK(geo_country(g, "XXX") == UINT32_MAX);
    CHECK(geo_country(g, "KSV") != UINT32_MAX);
    /* names are matched on tokens */
    arena a;
    arena_init(&a, 1 << 12);
    txt_doc d;
    const char *s = "Minsk and Rostov-on-Don and the US and us";
    txt_analyse(&a, s, strlen(s), &d);
    uint32_t *ids = arena_calloc(&a, (d.ntok + 1) * sizeof *ids);
    geo_word_ids(g, &d, ids);
    geo_hit h[8];
    REQUIRE(geo_lookup(g, &d, ids, 0, d.ntok, h, 8) >= 1);
    const geo_entry *e = &g->entries[h[0].entry];
    CHECK_STR(e->country, "BLR");
    CHECK(e->capital);
    CHECK(fabs(e->lat - 53.9) < 0.2 && fabs(e->lon - 27.57) < 0.2);
    REQUIRE(geo_lookup(g, &d, ids, 2, d.ntok, h, 8) >= 1);
    CHECK_INT(h[0].ntok, 3);
    CHECK_STR(g->entries[h[0].entry].adm1, "RU-ROS");
    /* "US" in capitals is the country, "us" is not */
    uint32_t t_us = d.ntok - 3, t_lower = d.ntok - 1;
    CHECK(geo_lookup(g, &d, ids, t_us, d.ntok, h, 8) >= 1);
    CHECK_INT(geo_lookup(g, &d, ids, t_lower, d.ntok, h, 8), 0);
    arena_free(&a);
    geo_free(g);
}

TEST(geo_generated_data_up_to_date)
{
    /* data/geo/{countries,adm1}.tsv are generated from iso-codes by
     * scripts/gen_geo.py; this fails when the script changed but not them */
    FILE *f = fopen("/usr/share/iso-codes/json/iso_3166-2.json", "r");
    if (!f) SKIP("iso-codes absent");
    fclose(f);
    int st;
    char *out = test_run("command -v python3 >/dev/null && python3 scripts/gen_geo.py --check 2>&1; echo rc=$?", &st);
    REQUIRE(out);
    if (strstr(out, "rc=127") || !strstr(out, "rc=")) { free(out); SKIP("python3 absent"); }
    if (!strstr(out, "rc=0")) printf("  %s", out);
    CHECK(strstr(out, "rc=0") != NULL);
    free(out);
}

TEST(geo_regions_borders_territory)
{
    CODE("Thousands fled the western Kursk region after troops crossed Russia's western border. Minsk said it "
         "would reinforce its southern border with Ukraine and guard the Russia-Belarus border, and drones "
         "flew over Belarusian territory near Gomel.", 20240816);
    const dyad_place *p = place(&c, "the western Kursk region");
    REQUIRE(p);
    CHECK_STR(p->feature, "region");
    CHECK_STR(p->geo.adm1, "RU-KRS");
    CHECK_STR(p->geo.country, "RUS");
    CHECK_INT(p->geo.type, DYAD_GEO_WORLDSTATE);
    CHECK_STR(issue5_span(&c, p->name_span), "Kursk region");
    p = place(&c, "Russia\u2019s western border");
    if (!p) p = place(&c, "Russia's western border");
    REQUIRE(p);
    CHECK_STR(p->feature, "border");
    CHECK_STR(p->geo.country, "RUS");
    p = place(&c, "its southern border with Ukraine");
    REQUIRE(p);
    CHECK_STR(p->geo.country, "BLR");
    CHECK_STR(p->border_with, "UKR");
    p = place(&c, "the Russia-Belarus border");
    REQUIRE(p);
    CHECK_STR(p->geo.country, "RUS");
    CHECK_STR(p->border_with, "BLR");
    p = place(&c, "Belarusian territory");
    REQUIRE(p);
    CHECK_STR(p->feature, "territory");
    CHECK_STR(p->geo.country, "BLR");
    p = place(&c, "Minsk");
    REQUIRE(p);
    CHECK_STR(p->feature, "capital");
    CHECK_STR(p->geo.name, "Minsk, Belarus");
    p = place(&c, "Gomel");
    REQUIRE(p);
    CHECK_STR(p->geo.adm1, "BY-HO");
    CHECK_INT(p->geo.type, DYAD_GEO_WORLDCITY);
    issue5_free(&c);
}

TEST(geo_event_gets_the_place_of_its_clause)
{
    CODE("Ukrainian troops attacked Russian forces in Kursk on Tuesday.", 20240816);
    REQUIRE(c.r.nevents >= 1);
    const dyad_event *e = &c.r.events[0];
    CHECK_STR(e->geo.country, "RUS");
    CHECK_STR(issue5_span(&c, e->geo_span), "Kursk");
    CHECK_INT(e->geo.type, DYAD_GEO_WORLDCITY);
    CHECK(fabs(e->geo.lat - 51.73) < 0.2);
    issue5_free(&c);
    /* no place in the sentence: none */
    if (!issue5_code(&c, "Russia accused Ukraine of lying.", 20240816)) return;
    for (uint32_t i = 0; i < c.r.nevents; i++) {
        /* the actors themselves name countries: the place is one of them */
        const dyad_event *ev = &c.r.events[i];
        CHECK(ev->geo.type == DYAD_GEO_NONE || ev->geo.type == DYAD_GEO_COUNTRY);
    }
    issue5_free(&c);
}

TEST(geo_seed_places)
{
    issue5_coded c;
    if (!issue5_seed(&c)) SKIP("../shared/seed/lukashenko-interview.txt absent");
    /* Kursk as a Russian region, Minsk as Belarus's capital, Kiev as Ukraine's */
    const dyad_place *p = place(&c, "the western Kursk region");
    REQUIRE(p);
    CHECK_STR(p->feature, "region");
    CHECK_STR(p->geo.country, "RUS");
    CHECK_STR(p->geo.adm1, "RU-KRS");
    p = place(&c, "Minsk");
    REQUIRE(p);
    CHECK_STR(p->feature, "capital");
    CHECK_STR(p->geo.country, "BLR");
    p = place(&c, "Kiev");
    REQUIRE(p);
    CHECK_STR(p->geo.country, "UKR");
    CHECK_STR(p->geo.name, "Kyiv, Ukraine");
    /* the borders */
    p = place(&c, "Russia\u2019s western border");
    REQUIRE(p);
    CHECK_STR(p->feature, "border");
    p = place(&c, "its southern border with Ukraine");
    REQUIRE(p);
    CHECK_STR(p->geo.country, "BLR");
    CHECK_STR(p->border_with, "UKR");
    /* events: "overran Russia's western border", "advanced ... into Russian territory" */
    int border = 0, territory = 0;
    for (uint32_t i = 0; i < c.r.nevents; i++) {
        const dyad_event *e = &c.r.events[i];
        const char *g = issue5_span(&c, e->geo_span);
        border |= !strcmp(e->source, "UKRMIL") && strstr(g, "western border") != NULL;
        territory |= strstr(g, "Russian territory") != NULL && !strcmp(e->geo.country, "RUS");
    }
    CHECK(border);
    CHECK(territory);
    issue5_free(&c);
}
