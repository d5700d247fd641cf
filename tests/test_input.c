/* test_input.c: the streaming readers (src/input), on fixtures made here. */
#include "test.h"
#include "reading.h"
#include "input/input.h"
#include "input/reader.h"
#include "util/buf.h"
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* Files made by test_tmp_file, removed when the tests exit. */
static char made[64][256];
static int nmade;

static void remove_made(void)
{
    static const char *const side[] = {"", "-wal", "-shm", "-journal"};
    char p[300];
    for (int i = 0; i < nmade; i++)
        for (int k = 0; k < 4; k++) {
            snprintf(p, sizeof p, "%.255s%s", made[i], side[k]);
            unlink(p);
        }
}

/* Path build/test-tmp/<pid>-<name> (the pid keeps concurrent runs apart),
 * holding data[0..n) unless data is NULL; removed (with any SQLite -wal
 * and -shm companions) at exit. Also used by test_store.c. */
const char *test_tmp_file(const char *name, const void *data, size_t n)
{
    char path[sizeof made[0]];
    snprintf(path, sizeof path, "build/test-tmp/%ld-%s", (long)getpid(), name);
    /* A name asked for again (each test's own dictionaries) reuses its slot. */
    char *p = NULL;
    for (int i = 0; i < nmade && !p; i++)
        if (!strcmp(made[i], path)) p = made[i];
    if (!p) {
        if (nmade == 64) return NULL;
        if (!nmade) atexit(remove_made);
        p = made[nmade++];
        memcpy(p, path, sizeof path);
    }
    mkdir("build", 0777);
    mkdir("build/test-tmp", 0777);
    if (data) {
        FILE *f = fopen(p, "wb");
        if (!f) return NULL;
        if (n) fwrite(data, 1, n, f);
        fclose(f);
    }
    return p;
}

/* Append one gzip member holding data[0..n) to b. */
void test_gzip_into(buf *b, const char *data, size_t n)
{
    z_stream z = {0};
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    size_t cap = deflateBound(&z, (uLong)n) + 32;
    buf_reserve(b, cap);
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)b->data + b->len;
    z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    b->len += cap - z.avail_out;
    deflateEnd(&z);
}

/* Read everything; articles' ids joined by ',' into ids, errors as
 * "line:msg|" into errs. Returns the number of articles. */
int test_drain(rd_reader *r, buf *ids, buf *errs)
{
    dyad_article a;
    rd_error e;
    int n = 0, rc, guard = 0;
    while ((rc = rd_next(r, &a, &e)) != 0 && guard++ < 100000) {
        if (rc > 0) {
            if (ids->len) buf_addc(ids, ',');
            buf_adds(ids, a.id);
            n++;
        } else {
            buf_printf(errs, "%ld:%s|", e.line, e.msg);
        }
    }
    return n;
}

TEST(input_parse_date)
{
    CHECK_INT(rd_parse_date("2024-08-16"), 20240816);
    CHECK_INT(rd_parse_date("20240816"), 20240816);
    CHECK_INT(rd_parse_date("2024-08-16T10:00:00Z"), 20240816);
    CHECK_INT(rd_parse_date(" 2024-08-16 10:00 "), 20240816);
    CHECK_INT(rd_parse_date("2024-02-29"), 20240229);
    CHECK_INT(rd_parse_date("2023-02-29"), 0);
    CHECK_INT(rd_parse_date("2000-02-29"), 20000229);
    CHECK_INT(rd_parse_date("1900-02-29"), 0);
    CHECK_INT(rd_parse_date("2024-13-01"), 0);
    CHECK_INT(rd_parse_date("2024-08-32"), 0);
    CHECK_INT(rd_parse_date("2024-8-16"), 0);
    CHECK_INT(rd_parse_date("2024-08-16x"), 0);
    CHECK_INT(rd_parse_date("202408"), 0);
    CHECK_INT(rd_parse_date("2024"), 0);
    CHECK_INT(rd_parse_date(""), 0);
    CHECK_INT(rd_parse_date("Aug 16, 2024"), 0);
    CHECK_INT(rd_parse_date(NULL), 0);
}

TEST(input_format_names)
{
    CHECK_STR(rd_format_name(RD_JSONL), "jsonl");
    CHECK_INT(rd_format_parse("text"), RD_TEXT);
    CHECK_INT(rd_format_parse("auto"), RD_AUTO);
    CHECK_INT(rd_format_parse("warc"), RD_WARC);
    CHECK_INT(rd_format_parse("pdf"), RD_NFORMATS);
}

static const char good_and_bad[] =
    "{\"id\":\"a1\",\"date\":\"2024-08-16\",\"url\":\"http://x/1\",\"source\":\"Wire\","
    "\"title\":\"T\",\"text\":\"Gondor met Arnor.\"}\n"
    "{\"id\":\"a2\",\"text\":\"broken\n"
    "\n"
    "{\"date\":\"20240817\",\"text\":\"No id here.\"}\r\n"
    "{\"id\":\"a4\",\"text\":\"bad \xff utf8\"}\n"
    "{\"id\":\"a5\",\"title\":\"no text\"}\n"
    "[1,2]\n"
    "{\"id\":7,\"date\":20240818,\"text\":\"last, no newline\"}";

TEST(input_jsonl_skips_bad_lines)
{
    const char *path = test_tmp_file("mix.jsonl", good_and_bad, sizeof good_and_bad - 1);
    REQUIRE(path);
    rd_options opt = {.default_date = 19990101};
    rd_error e;
    rd_reader *r = rd_open(path, RD_AUTO, &opt, &e);
    REQUIRE(r);
    CHECK_INT(rd_format_of(r), RD_JSONL);
    dyad_article a;
    REQUIRE(rd_next(r, &a, &e) == 1);
    CHECK_STR(a.id, "a1");
    CHECK_INT(a.date, 20240816);
    CHECK_STR(a.url, "http://x/1");
    CHECK_STR(a.source, "Wire");
    CHECK_STR(a.title, "T");
    CHECK_STR(a.text, "Gondor met Arnor.");
    CHECK_INT(a.len, 17);
    CHECK_INT(a.line, 1);
    CHECK_STR(a.origin, path);

    REQUIRE(rd_next(r, &a, &e) == -1);        /* the broken line 2 */
    CHECK_INT(e.line, 2);
    CHECK_STR(e.origin, path);
    CHECK(strstr(e.msg, "bad JSON") != NULL);

    REQUIRE(rd_next(r, &a, &e) == 1);         /* blank line 3 skipped */
    char want[300];
    snprintf(want, sizeof want, "%s:4", path);
    CHECK_STR(a.id, want);
    CHECK_INT(a.date, 20240817);
    CHECK_STR(a.url, "");

    REQUIRE(rd_next(r, &a, &e) == -1);
    CHECK_INT(e.line, 5);                     /* invalid UTF-8 */
    REQUIRE(rd_next(r, &a, &e) == -1);
    CHECK_INT(e.line, 6);
    CHECK(strstr(e.msg, "text") != NULL);
    REQUIRE(rd_next(r, &a, &e) == -1);
    CHECK_INT(e.line, 7);
    CHECK(strstr(e.msg, "object") != NULL);

    REQUIRE(rd_next(r, &a, &e) == 1);
    CHECK_STR(a.id, "7");
    CHECK_INT(a.date, 20240818);
    CHECK_STR(a.text, "last, no newline");
    CHECK_INT(rd_next(r, &a, &e), 0);
    CHECK_INT(rd_next(r, &a, &e), 0);
    rd_close(r);
}

TEST(input_jsonl_default_date_and_bom)
{
    static const char in[] = "\xEF\xBB\xBF{\"id\":\"x\",\"date\":\"someday\",\"text\":\"t\"}\n";
    rd_options opt = {.default_date = 20200101};
    rd_reader *r = rd_open_mem(in, sizeof in - 1, "m.txt", RD_AUTO, &opt, NULL);
    REQUIRE(r);
    CHECK_INT(rd_format_of(r), RD_JSONL);     /* by content: '{' after the BOM */
    dyad_article a;
    REQUIRE(rd_next(r, &a, NULL) == 1);
    CHECK_INT(a.date, 20200101);
    CHECK_INT(rd_next(r, &a, NULL), 0);
    rd_close(r);
}

TEST(input_huge_line_skipped)
{
    /* max_record 1000; a 300 kB line (several read chunks) sits between two
     * good ones and ends the file once more without a newline. */
    buf in;
    buf_init(&in);
    buf_adds(&in, "{\"id\":\"g1\",\"text\":\"one\"}\n{\"id\":\"big\",\"text\":\"");
    for (int i = 0; i < 300000; i++) buf_addc(&in, 'x');
    buf_adds(&in, "\"}\n{\"id\":\"g2\",\"text\":\"two\"}\n{\"text\":\"");
    for (int i = 0; i < 5000; i++) buf_addc(&in, 'y');
    rd_options opt = {.max_record = 1000};
    rd_reader *r = rd_open_mem(in.data, in.len, "big.jsonl", RD_AUTO, &opt, NULL);
    REQUIRE(r);
    buf ids, errs;
    buf_init(&ids);
    buf_init(&errs);
    CHECK_INT(test_drain(r, &ids, &errs), 2);
    CHECK_STR(ids.data, "g1,g2");
    CHECK(strstr(errs.data, "2:line longer than 1000 bytes (300022)") != NULL);
    CHECK(strstr(errs.data, "4:line longer than 1000 bytes (5009)") != NULL);
    /* the line never sat in memory whole */
    CHECK(r->s.cap <= 1000 + (64 << 10));
    rd_close(r);
    buf_free(&in);
    buf_free(&ids);
    buf_free(&errs);
}

TEST(input_long_line_under_cap)
{
    buf in;
    buf_init(&in);
    buf_adds(&in, "{\"id\":\"long\",\"text\":\"");
    for (int i = 0; i < 200000; i++) buf_addc(&in, "abc \n"[i % 4]);
    buf_adds(&in, "\"}\n");
    rd_reader *r = rd_open_mem(in.data, in.len, "long.jsonl", RD_JSONL, NULL, NULL);
    REQUIRE(r);
    dyad_article a;
    REQUIRE(rd_next(r, &a, NULL) == 1);
    CHECK_INT(a.len, 200000);
    CHECK_INT(rd_next(r, &a, NULL), 0);
    rd_close(r);
    buf_free(&in);
}

TEST(input_empty_and_blank)
{
    const char *path = test_tmp_file("empty.jsonl", "", 0);
    REQUIRE(path);
    for (int f = RD_AUTO; f < RD_NFORMATS; f++) {
        rd_error e;
        rd_reader *r = rd_open(path, (rd_format)f, NULL, &e);
        REQUIRE(r);
        dyad_article a;
        CHECK_INT(rd_next(r, &a, &e), 0);
        rd_close(r);
        r = rd_open_mem(" \n\n \r\n", 6, "blank", (rd_format)f, NULL, &e);
        REQUIRE(r);
        CHECK_INT(rd_next(r, &a, &e), 0);
        rd_close(r);
    }
}

TEST(input_text_whole_file)
{
    static const char body[] = "Gondor and Arnor signed a treaty.\n\nMore text.\n";
    const char *path = test_tmp_file("story.txt", body, sizeof body - 1);
    REQUIRE(path);
    rd_options opt = {.default_date = 20240816};
    rd_reader *r = rd_open(path, RD_AUTO, &opt, NULL);
    REQUIRE(r);
    CHECK_INT(rd_format_of(r), RD_TEXT);
    dyad_article a;
    REQUIRE(rd_next(r, &a, NULL) == 1);
    CHECK_STR(a.id, path);
    CHECK_STR(a.text, body);
    CHECK_INT(a.len, sizeof body - 1);
    CHECK_INT(a.date, 20240816);
    CHECK_INT(rd_next(r, &a, NULL), 0);
    rd_close(r);

    /* over the cap: reported, not read into memory whole */
    rd_options small = {.max_record = 10};
    r = rd_open(path, RD_TEXT, &small, NULL);
    REQUIRE(r);
    rd_error e;
    CHECK_INT(rd_next(r, &a, &e), -1);
    CHECK(strstr(e.msg, "longer than 10") != NULL);
    CHECK_INT(rd_next(r, &a, &e), 0);
    rd_close(r);
}

TEST(input_open_errors)
{
    rd_error e;
    CHECK(rd_open("build/test-tmp/no/such/file.jsonl", RD_AUTO, NULL, &e) == NULL);
    CHECK(strstr(e.msg, "cannot open") != NULL);
    CHECK_STR(e.origin, "build/test-tmp/no/such/file.jsonl");
    CHECK(rd_open("build", RD_AUTO, NULL, &e) == NULL); /* a directory */
    CHECK(strstr(e.msg, "cannot read") != NULL);
    CHECK(rd_open_mem("", 0, "x", (rd_format)99, NULL, &e) == NULL);
}

static const char three[] =
    "{\"id\":\"z1\",\"text\":\"Gondor met Arnor on Tuesday in Minas Tirith.\"}\n"
    "{\"id\":\"z2\",\"text\":\"Arnor accused Gondor of violating the truce.\"}\n"
    "{\"id\":\"z3\",\"text\":\"Mordor threatened both of them with war.\"}\n";

TEST(input_gzip_file_and_members)
{
    buf gz;
    buf_init(&gz);
    test_gzip_into(&gz, three, sizeof three - 1);
    const char *path = test_tmp_file("three.jsonl.gz", gz.data, gz.len);
    REQUIRE(path);
    rd_reader *r = rd_open(path, RD_AUTO, NULL, NULL);
    REQUIRE(r);
    CHECK_INT(rd_format_of(r), RD_JSONL);
    buf ids, errs;
    buf_init(&ids);
    buf_init(&errs);
    CHECK_INT(test_drain(r, &ids, &errs), 3);
    CHECK_STR(ids.data, "z1,z2,z3");
    CHECK_INT(errs.len, 0);
    rd_close(r);

    /* two members back to back (cat a.gz b.gz), unhelpful name: sniffed */
    test_gzip_into(&gz, three, sizeof three - 1);
    r = rd_open_mem(gz.data, gz.len, "feed.bin", RD_AUTO, NULL, NULL);
    REQUIRE(r);
    buf_clear(&ids);
    CHECK_INT(test_drain(r, &ids, &errs), 6);
    CHECK_INT(errs.len, 0);
    rd_close(r);

    /* gzip'ed plain text is one article, decompressed */
    buf_clear(&gz);
    test_gzip_into(&gz, "Plain story.", 12);
    r = rd_open_mem(gz.data, gz.len, "story.txt.gz", RD_AUTO, NULL, NULL);
    REQUIRE(r);
    dyad_article a;
    REQUIRE(rd_next(r, &a, NULL) == 1);
    CHECK_STR(a.text, "Plain story.");
    CHECK_INT(rd_next(r, &a, NULL), 0);
    rd_close(r);
    buf_free(&gz);
    buf_free(&ids);
    buf_free(&errs);
}

TEST(input_gzip_truncated_keeps_what_was_read)
{
    /* Enough incompressible-ish text that the first lines are inflated
     * before the cut, which lands inside the last line. */
    buf plain, gz;
    buf_init(&plain);
    buf_init(&gz);
    unsigned v = 12345;
    for (int i = 0; i < 40; i++) {
        buf_printf(&plain, "{\"id\":\"t%d\",\"text\":\"", i);
        for (int k = 0; k < 400; k++) { v = v * 1103515245u + 12345u; buf_addc(&plain, (char)('a' + (v >> 16) % 26)); }
        buf_adds(&plain, "\"}\n");
    }
    test_gzip_into(&gz, plain.data, plain.len);
    size_t cut = gz.len * 9 / 10;
    const char *path = test_tmp_file("cut.jsonl.gz", gz.data, cut);
    REQUIRE(path);
    rd_reader *r = rd_open(path, RD_AUTO, NULL, NULL);
    REQUIRE(r);
    buf ids, errs;
    buf_init(&ids);
    buf_init(&errs);
    int n = test_drain(r, &ids, &errs);
    CHECK(n > 20 && n < 40);
    CHECK(strncmp(ids.data, "t0,t1,t2", 8) == 0);
    char want[128];
    snprintf(want, sizeof want, "%d:truncated gzip input: it ends at compressed byte %zu", n + 1, cut);
    CHECK(strstr(errs.data, want) != NULL);
    if (!strstr(errs.data, want)) printf("  got: %s\n", errs.data);
    rd_close(r);

    /* Truncated text: the article keeps the text read, then the error. */
    buf_clear(&gz);
    test_gzip_into(&gz, plain.data, plain.len);
    r = rd_open_mem(gz.data, cut, "cut.txt.gz", RD_TEXT, NULL, NULL);
    REQUIRE(r);
    dyad_article a;
    rd_error e;
    REQUIRE(rd_next(r, &a, &e) == 1);
    CHECK(a.len > plain.len / 2 && a.len < plain.len);
    CHECK(memcmp(a.text, plain.data, a.len) == 0);
    CHECK_INT(rd_next(r, &a, &e), -1);
    CHECK(strstr(e.msg, "truncated gzip") != NULL);
    CHECK_INT(rd_next(r, &a, &e), 0);
    rd_close(r);

    /* Corrupt data (a flipped byte mid-stream) is reported, not crashed on. */
    gz.data[gz.len / 2] ^= 0x55;
    r = rd_open_mem(gz.data, gz.len, "bad.jsonl.gz", RD_JSONL, NULL, NULL);
    REQUIRE(r);
    buf_clear(&ids);
    buf_clear(&errs);
    test_drain(r, &ids, &errs);
    CHECK(errs.len > 0);
    rd_close(r);
    buf_free(&plain);
    buf_free(&gz);
    buf_free(&ids);
    buf_free(&errs);
}
