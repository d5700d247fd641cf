/* test_modality.c: negated, conditional, future and hedged events, coded
 * with dyad's own dictionaries from sentences written here. A negated or
 * conditional event must carry its flag, never come out plain. */
#include "test.h"
#include "coded.h"
#include "dyad.h"
#include <string.h>

typedef struct modal_case {
    const char *text;
    const char *source, *code_root, *target;  /* the event expected (country and root) */
    int negated, conditional, future, hedged;
} modal_case;

static const modal_case cases[] = {
    {"Russia attacked Ukraine on Monday.", "RUS", "19", "UKR", 0, 0, 0, 0},
    {"Russia did not attack Ukraine on Monday.", "RUS", "19", "UKR", 1, 0, 0, 0},
    {"Russia never threatened Ukraine.", "RUS", "13", "UKR", 1, 0, 0, 0},
    {"If Ukraine provokes Belarus, Minsk will attack Kiev.", "BLR", "19", "UKR", 0, 1, 1, 0},
    {"Belarus will send troops to its border with Ukraine.", "BLR", "15", "UKR", 0, 0, 1, 0},
    {"Belarus plans to send troops to the border with Ukraine.", "BLR", "15", "UKR", 0, 0, 1, 0},
    {"Lukashenko suggested without providing evidence that Kiev might have plans to attack Belarus.", "BLR", "11",
     "UKR", 0, 0, 0, 1},
    {"Ukraine allegedly attacked Russian border posts.", "UKR", "19", "RUS", 0, 0, 0, 1},
};

TEST(modality_flags_on_own_sentences)
{
    dyad_engine *e = issue5_engine();
    REQUIRE(e);
    dyad_worker *w = dyad_worker_new(e);
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const modal_case *c = &cases[k];
        dyad_article a = {"m", "", "", "", 20240816, c->text, strlen(c->text), "test", 0};
        dyad_result r;
        dyad_code(w, &a, &r);
        const dyad_event *hit = NULL;
        for (uint32_t i = 0; i < r.nevents && !hit; i++)
            if (!strncmp(r.events[i].source, c->source, 3) && !strncmp(r.events[i].code, c->code_root, 2) &&
                !strncmp(r.events[i].target, c->target, 3))
                hit = &r.events[i];
        if (!hit) { printf("  no %s %s %s event in: %s\n", c->source, c->code_root, c->target, c->text); CHECK(hit); continue; }
        if ((int)hit->negated != c->negated || (int)hit->conditional != c->conditional ||
            (int)hit->future != c->future || (int)hit->hedged != c->hedged) {
            printf("  flags n%d c%d f%d h%d, want n%d c%d f%d h%d: %s\n", hit->negated, hit->conditional, hit->future,
                   hit->hedged, c->negated, c->conditional, c->future, c->hedged, c->text);
            CHECK(0);
        }
    }
    dyad_worker_free(w);
}

/* The seed article's conditional threats are flagged conditional. */
TEST(modality_seed_conditional_threats)
{
    if (!test_shared_path("seed/lukashenko-interview.txt")) SKIP("../shared/seed/lukashenko-interview.txt absent");
    issue5_coded c;
    REQUIRE(issue5_seed(&c));
    const char *text = c.text;
    const dyad_result r = c.r;
    static const char *const anchors[] = {"did provoke Belarus", "would \xe2\x80\x9csupport us\xe2\x80\x9d"};
    for (size_t k = 0; k < sizeof anchors / sizeof *anchors; k++) {
        const char *at = strstr(text, anchors[k]);
        REQUIRE(at);
        uint32_t off = (uint32_t)(at - text);
        int seen = 0;
        for (uint32_t i = 0; i < r.nevents; i++) {
            const dyad_event *ev = &r.events[i];
            if (off < ev->sentence_span.start || off >= ev->sentence_span.end) continue;
            seen = 1;
            CHECK(ev->conditional);
        }
        CHECK(seen);
    }
    issue5_free(&c);
}
