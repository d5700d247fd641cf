/* test_articles.c: the per-article record (out_article, `dyad code
 * --articles`), and the coding helpers the tests of entities, places,
 * quotations and amounts share (declared in coded.h). */
#include "test.h"
#include "coded.h"
#include "dyad.h"
#include "output/output.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* One engine with dyad's own dictionaries for every test of this group:
 * loading them once keeps the suite fast; freed at exit. */
static dyad_engine *shared_engine;
static void free_shared_engine(void) { dyad_engine_free(shared_engine); }

dyad_engine *issue5_engine(void)
{
    if (!shared_engine) {
        shared_engine = dyad_engine_new();
        if (dyad_engine_load_default(shared_engine, NULL) <= 0) return NULL;
        dyad_engine_ready(shared_engine);
        atexit(free_shared_engine);
    }
    return shared_engine;
}


/* Code text (copied) as an article of date yyyymmdd; 0 when dyad's
 * dictionaries are missing. */
int issue5_code(issue5_coded *c, const char *text, int date)
{
    memset(c, 0, sizeof *c);
    dyad_engine *e = issue5_engine();
    if (!e) return 0;
    c->text = strdup(text);
    c->w = dyad_worker_new(e);
    c->a = (dyad_article){"test", "", "", "", date, c->text, strlen(c->text), "test", 0};
    dyad_code(c->w, &c->a, &c->r);
    return 1;
}

/* Code the seed article (../shared/seed, read at test time, never copied)
 * with its date 2024-08-16; 0 when it is absent. */
int issue5_seed(issue5_coded *c)
{
    const char *path = test_shared_path("seed/lukashenko-interview.txt");
    if (!path) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char *buf = malloc(1 << 16);
    size_t n = fread(buf, 1, (1 << 16) - 1, f);
    buf[n] = 0;
    fclose(f);
    int ok = issue5_code(c, buf, 20240816);
    free(buf);
    return ok;
}

void issue5_free(issue5_coded *c)
{
    dyad_worker_free(c->w);
    free(c->text);
    memset(c, 0, sizeof *c);
}

/* The words of span s in the coded text, in a static buffer. */
const char *issue5_span(const issue5_coded *c, dyad_span s)
{
    static char out[4][512];
    static int which;
    char *o = out[which++ & 3];
    size_t n = s.end > s.start && s.end <= c->r.len ? s.end - s.start : 0;
    if (n >= 512) n = 511;
    memcpy(o, c->r.text + s.start, n);
    o[n] = 0;
    return o;
}

static json_t *article_json(const issue5_coded *c)
{
    buf b;
    buf_init(&b);
    out_article_json(&b, &c->a, &c->r);
    json_error_t err;
    json_t *j = json_loadb(b.data, b.len, 0, &err);
    if (!j) printf("  bad JSON: %s at %d\n", err.text, err.position);
    buf_free(&b);
    return j;
}

TEST(articles_record_keys_in_order)
{
    issue5_coded c;
    if (!issue5_code(&c, "Alexander Lukashenko said on Thursday that Minsk would send 5,000 troops to the "
                         "border with Ukraine. \"We are ready,\" he said.", 20240816))
        SKIP("dyad's dictionaries not found");
    json_t *j = article_json(&c);
    REQUIRE(j);
    static const char *const keys[] = {"id", "url", "source", "title", "date", "byline", "dateline", "text",
                                       "sentences", "noise", "persons", "organisations", "places", "quotations",
                                       "dates", "amounts", "events"};
    const char *k;
    json_t *v;
    size_t i = 0;
    json_object_foreach(j, k, v) {
        REQUIRE(i < sizeof keys / sizeof *keys);
        CHECK_STR(k, keys[i]);
        i++;
    }
    CHECK_INT(i, sizeof keys / sizeof *keys);
    CHECK_STR(json_string_value(json_object_get(j, "date")), "2024-08-16");
    CHECK(json_array_size(json_object_get(j, "sentences")) == 2);
    json_t *p = json_array_get(json_object_get(j, "persons"), 0);
    CHECK_STR(json_string_value(json_object_get(p, "name")), "Alexander Lukashenko");
    CHECK_STR(json_string_value(json_object_get(p, "code")), "BLRGOV");
    /* the quotation, its speaker resolved */
    json_t *qs = json_object_get(j, "quotations");
    int direct = 0;
    for (size_t n = 0; n < json_array_size(qs); n++) {
        json_t *q = json_array_get(qs, n);
        if (strcmp(json_string_value(json_object_get(q, "kind")), "direct")) continue;
        direct++;
        CHECK_STR(json_string_value(json_object_get(q, "text")), "We are ready");
        CHECK_STR(json_string_value(json_object_get(q, "speaker")), "he");
        CHECK_STR(json_string_value(json_object_get(q, "speaker_name")), "Alexander Lukashenko");
    }
    CHECK_INT(direct, 1);
    json_t *am = json_array_get(json_object_get(j, "amounts"), 0);
    CHECK(json_real_value(json_object_get(am, "value")) == 5000.0);
    CHECK_STR(json_string_value(json_object_get(am, "what")), "troops");
    /* an event carries its place */
    json_t *evs = json_object_get(j, "events");
    for (size_t n = 0; n < json_array_size(evs); n++) CHECK(json_object_get(json_array_get(evs, n), "geo"));
    json_decref(j);
    issue5_free(&c);
}

TEST(articles_record_escapes_and_empty_article)
{
    issue5_coded c;
    if (!issue5_code(&c, "", 0)) SKIP("dyad's dictionaries not found");
    json_t *j = article_json(&c);
    REQUIRE(j);
    CHECK(json_is_null(json_object_get(j, "date")));
    CHECK_INT(json_array_size(json_object_get(j, "quotations")), 0);
    json_decref(j);
    issue5_free(&c);
    /* invalid UTF-8 and control characters still give valid JSON */
    if (!issue5_code(&c, "Mr Smith said \"a\x01\xff b\" to \"Acme Corp\"\n", 0)) return;
    j = article_json(&c);
    CHECK(j != NULL);
    json_decref(j);
    issue5_free(&c);
}

TEST(articles_seed_record_has_everything)
{
    issue5_coded c;
    if (!issue5_seed(&c)) SKIP("../shared/seed/lukashenko-interview.txt absent");
    json_t *j = article_json(&c);
    REQUIRE(j);
    /* the removed noise is listed with its words */
    json_t *noise = json_object_get(j, "noise");
    int ad = 0;
    for (size_t i = 0; i < json_array_size(noise); i++)
        ad |= !strcmp(json_string_value(json_object_get(json_array_get(noise, i), "text")), "[ad_1]");
    CHECK(ad);
    CHECK(json_array_size(json_object_get(j, "persons")) >= 2);
    CHECK(json_array_size(json_object_get(j, "places")) >= 10);
    CHECK(json_array_size(json_object_get(j, "quotations")) >= 10);
    CHECK(json_array_size(json_object_get(j, "amounts")) >= 5);
    CHECK(json_array_size(json_object_get(j, "events")) == c.r.nevents);
    /* the time stage's expressions are the record's dates */
    CHECK_INT(json_array_size(json_object_get(j, "dates")), c.r.ntimexes);
    json_decref(j);
    issue5_free(&c);
}

TEST(articles_command_line_flag)
{
    const char *path = test_shared_path("seed/lukashenko-interview.txt");
    if (!path) SKIP("../shared/seed/lukashenko-interview.txt absent");
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s code --quiet --articles --threads 2 --date 2024-08-16 '%s' '%s'", test_dyad_bin(),
             path, path);
    int st;
    char *out = test_run(cmd, &st);
    REQUIRE(out);
    CHECK_INT(st, 0);
    /* one record per article, each a JSON object with its quotations */
    int lines = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        json_error_t err;
        json_t *j = json_loads(line, 0, &err);
        CHECK(j != NULL);
        if (j) CHECK(json_array_size(json_object_get(j, "quotations")) >= 10);
        json_decref(j);
        lines++;
    }
    CHECK_INT(lines, 2);
    free(out);
}
