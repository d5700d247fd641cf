/* test_output.c: JSONL and TSV event writers (src/output). */
#include "test.h"
#include "output/output.h"
#include <stdlib.h>

/*                      0         1         2         3         4
 *                      0123456789012345678901234567890123456789012345 */
static const char text[] = "Intro.\n\"Gondor\tmet Arnor,\" an aide said. \xff";

static dyad_article article(void)
{
    return (dyad_article){.id = "doc\"1", .url = "", .source = "", .title = "",
                          .date = 20240816, .text = text, .len = sizeof text - 1,
                          .origin = "t", .line = 1};
}

static dyad_event event(void)
{
    dyad_event e = {0};
    e.sentence = 1;
    strcpy(e.source, "GON");
    strcpy(e.target, "ARN");
    strcpy(e.code, "036");
    e.sentence_span = (dyad_span){7, 42};
    e.source_span = (dyad_span){8, 14};
    e.target_span = (dyad_span){19, 24};
    e.verb_span = (dyad_span){15, 18};
    e.future = 1;
    e.reported = 1;
    e.pattern = "MEET WITH";
    e.pattern_origin = "verbs.txt:12";
    return e;
}

/* Run the writer into a memory stream and return what it wrote (malloc'ed). */
static char *write_events(out_format fmt, const dyad_article *a, const dyad_event *ev, int n)
{
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    if (!f) return NULL;
    out_writer *w = out_new(fmt, f);
    for (int i = 0; i < n; i++) CHECK_INT(out_event(w, a, text, &ev[i]), 0);
    CHECK_INT(out_close(w), 0);
    fclose(f);
    return mem;
}

TEST(output_jsonl_exact)
{
    dyad_article a = article();
    dyad_event e = event();
    char *got = write_events(OUT_JSONL, &a, &e, 1);
    REQUIRE(got);
    static const char want[] =
        "{\"doc\":\"doc\\\"1\",\"sentence\":1,\"date\":\"2024-08-16\","
        "\"source\":\"GON\",\"source_text\":\"Gondor\",\"target\":\"ARN\",\"target_text\":\"Arnor\","
        "\"code\":\"036\",\"root\":\"03\",\"name\":\"intent to meet or negotiate\","
        "\"quad\":1,\"goldstein\":4.0,\"plover\":\"AGREE\","
        "\"negated\":false,\"conditional\":false,\"future\":true,\"hedged\":false,\"reported\":true,"
        "\"pattern\":\"MEET WITH\",\"pattern_origin\":\"verbs.txt:12\","
        "\"spans\":{\"sentence\":[7,42],\"source\":[8,14],\"target\":[19,24],\"verb\":[15,18]},"
        "\"verb_text\":\"met\",\"sentence_text\":\"\\\"Gondor\\tmet Arnor,\\\" an aide said. \xEF\xBF\xBD\"}\n";
    /* CHECK_STR's message buffer is too small for this line; compare by hand */
    CHECK(strcmp(got, want) == 0);
    if (strcmp(got, want)) printf("  want: %s  got:  %s", want, got);
    free(got);
}

TEST(output_jsonl_unknown_code_and_bad_spans)
{
    dyad_article a = article();
    a.date = 0;
    dyad_event e = event();
    strcpy(e.code, "999");
    strcpy(e.target, "---");
    e.target_span = (dyad_span){30, 20};      /* reversed */
    e.verb_span = (dyad_span){38, 4000};      /* past the end: clamped */
    e.pattern = NULL;
    e.pattern_origin = NULL;
    buf b;
    buf_init(&b);
    out_event_json(&b, &a, text, &e);
    CHECK(strstr(b.data, "\"date\":null,") != NULL);
    CHECK(strstr(b.data, "\"target\":\"---\",\"target_text\":\"\",") != NULL);
    CHECK(strstr(b.data, "\"root\":null,\"name\":null,\"quad\":null,\"goldstein\":null,\"plover\":null,") != NULL);
    CHECK(strstr(b.data, "\"pattern\":null,\"pattern_origin\":null,") != NULL);
    CHECK(strstr(b.data, "\"verb_text\":\"d. \xEF\xBF\xBD\"") != NULL);
    /* event date wins over the article's */
    e.date = 20230101;
    buf_clear(&b);
    out_event_json(&b, &a, text, &e);
    CHECK(strstr(b.data, "\"date\":\"2023-01-01\"") != NULL);
    buf_free(&b);
}

TEST(output_json_text_repairs_utf8)
{
    buf b;
    buf_init(&b);
    out_json_text(&b, "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", 13);     /* valid: unchanged */
    CHECK_STR(b.data, "\"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D\"");
    buf_clear(&b);
    out_json_text(&b, "a\xC0\xAF" "b\xED\xA0\x80" "c\xF4\x90\x80\x80" "d\xE2\x82", 15);
    static const char fixed[] = "\"a\xEF\xBF\xBD\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
        "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "d\xEF\xBF\xBD\xEF\xBF\xBD\"";
    CHECK_STR(b.data, fixed);
    buf_clear(&b);
    out_json_text(&b, "n\0ul", 4);
    CHECK_STR(b.data, "\"n\\u0000ul\"");
    buf_free(&b);
}

TEST(output_tsv_layout)
{
    dyad_article a = article();
    a.id = "doc\t7\nx";
    dyad_event ev[2] = {event(), event()};
    strcpy(ev[1].source, "A\tB");
    strcpy(ev[1].code, "190");
    ev[1].sentence = 0;
    ev[1].date = 20240901;
    char *got = write_events(OUT_TSV, &a, ev, 2);
    REQUIRE(got);
    CHECK_STR(got, "20240816\tGON\tARN\t036\tdoc 7 x\t1\n"
                   "20240901\tA B\tARN\t190\tdoc 7 x\t0\n");
    free(got);
    a.date = 0;
    got = write_events(OUT_TSV, &a, ev, 1);
    REQUIRE(got);
    CHECK(strncmp(got, "00000000\t", 9) == 0);
    free(got);
}

TEST(output_names_and_errors)
{
    CHECK_INT(out_format_parse("tsv"), OUT_TSV);
    CHECK_INT(out_format_parse("jsonl"), OUT_JSONL);
    CHECK_INT(out_format_parse("csv"), OUT_NFORMATS);
    CHECK_STR(out_format_name(OUT_TSV), "tsv");
    CHECK(out_new(OUT_NFORMATS, stdout) == NULL);
    /* a stream that can't be written reports failure */
    FILE *f = fopen("/dev/full", "w");
    if (!f) SKIP("/dev/full absent");
    setvbuf(f, NULL, _IONBF, 0);
    out_writer *w = out_new(OUT_JSONL, f);
    dyad_article a = article();
    dyad_event e = event();
    CHECK_INT(out_event(w, &a, text, &e), -1);
    CHECK_INT(out_close(w), -1);
    fclose(f);
}
