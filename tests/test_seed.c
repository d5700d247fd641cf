/* test_seed.c: the acceptance article (../shared/seed), coded end to end
 * with dyad's own dictionaries, as a user would with `dyad code`. */
#include "test.h"
#include "dyad.h"
#include <stdlib.h>
#include <string.h>

typedef struct seed {
    char *text;
    size_t len;
    dyad_engine *e;
    dyad_worker *w;
    dyad_result r;
} seed;

static int load_seed(seed *s)
{
    const char *path = test_shared_path("seed/lukashenko-interview.txt");
    if (!path) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    s->text = malloc(1 << 16);
    s->len = fread(s->text, 1, (1 << 16) - 1, f);
    s->text[s->len] = 0;
    fclose(f);
    s->e = dyad_engine_new();
    if (dyad_engine_load_default(s->e, NULL) <= 0) return -1;
    dyad_engine_ready(s->e);
    s->w = dyad_worker_new(s->e);
    dyad_article a = {"seed", "", "", "", 20240816, s->text, s->len, path, 0};
    dyad_code(s->w, &a, &s->r);
    return 1;
}

static void free_seed(seed *s)
{
    dyad_worker_free(s->w);
    dyad_engine_free(s->e);
    free(s->text);
}

static int span_contains(dyad_span outer, dyad_span inner)
{
    return inner.start >= outer.start && inner.end <= outer.end;
}

TEST(seed_noise_removed_and_never_coded)
{
    seed s = {0};
    int ok = load_seed(&s);
    if (!ok) SKIP("../shared/seed/lukashenko-interview.txt absent");
    REQUIRE(ok > 0);
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
        CHECK(s.r.len == s.len);
        CHECK(s.r.text[sp.start] == ' ');
    }
    free_seed(&s);
}

TEST(seed_sentence_one_appeal_to_russia_and_ukraine)
{
    seed s = {0};
    int ok = load_seed(&s);
    if (!ok) SKIP("../shared/seed/lukashenko-interview.txt absent");
    REQUIRE(ok > 0);
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
    free_seed(&s);
}
