/* test_seed.c: the acceptance article (../shared/seed), coded end to end
 * with dyad's own dictionaries, as a user would with `dyad code`. */
#include "test.h"
#include "coded.h"
#include "dyad.h"
#include <stdlib.h>
#include <string.h>

static int span_contains(dyad_span outer, dyad_span inner)
{
    return inner.start >= outer.start && inner.end <= outer.end;
}

TEST(seed_noise_removed_and_never_coded)
{
    if (!test_shared_path("seed/lukashenko-interview.txt")) SKIP("../shared/seed/lukashenko-interview.txt absent");
    issue5_coded s;
    REQUIRE(issue5_seed(&s));
    static const char *const noise[] = {"[ad_1]", "[ad_2]", "Read more by Euractiv", "Source link"};
    for (size_t k = 0; k < sizeof noise / sizeof *noise; k++) {
        const char *at = strstr(s.text, noise[k]);
        REQUIRE(at);
        dyad_span sp = {(uint32_t)(at - s.text), (uint32_t)(at - s.text + strlen(noise[k]))};
        int reported = 0;
        for (uint32_t i = 0; i < s.r.nnoise; i++) if (span_contains(s.r.noise[i].span, sp)) reported = 1;
        CHECK(reported);
        for (uint32_t i = 0; i < s.r.nevents; i++) {
            const dyad_event *e = &s.r.events[i];
            CHECK(!(e->sentence_span.start < sp.end && sp.start < e->sentence_span.end));
        }
        /* The cleaned text keeps offsets and blanks the noise. */
        CHECK(s.r.len == s.a.len);
        CHECK(s.r.text[sp.start] == ' ');
    }
    issue5_free(&s);
}

TEST(seed_sentence_one_appeal_to_russia_and_ukraine)
{
    if (!test_shared_path("seed/lukashenko-interview.txt")) SKIP("../shared/seed/lukashenko-interview.txt absent");
    issue5_coded s;
    REQUIRE(issue5_seed(&s));
    int rus = 0, ukr = 0;
    for (uint32_t i = 0; i < s.r.nevents; i++) {
        const dyad_event *e = &s.r.events[i];
        if (e->sentence != 0 || strcmp(e->source, "BLRGOV") || strncmp(e->code, "02", 2)) continue;
        if (!strncmp(e->target, "RUS", 3)) rus = 1;
        if (!strncmp(e->target, "UKR", 3)) ukr = 1;
    }
    CHECK(rus);
    CHECK(ukr);
    /* Every event's spans lie inside its sentence. */
    for (uint32_t i = 0; i < s.r.nevents; i++) {
        const dyad_event *e = &s.r.events[i];
        CHECK(span_contains(e->sentence_span, e->verb_span));
        if (e->source_span.end) CHECK(span_contains(e->sentence_span, e->source_span));
        if (e->target_span.end) CHECK(span_contains(e->sentence_span, e->target_span));
    }
    issue5_free(&s);
}
