/* test_warc.c: the WARC reader (src/input/warc.c) and the bad-record cases
 * of every reader, on crawls written here record by record. */
#include "test.h"
#include "reading.h"
#include "input/input.h"
#include "util/buf.h"
#include <stdlib.h>
#include <zlib.h>

/* One WARC record; `lie` is added to the true Content-Length. With gz,
 * the record is appended as its own gzip member (as crawlers write them). */
static int serial; /* WARC-Record-ID numbers, from 1 in each crawl */

static void record(buf *out, const char *type, const char *uri, const char *date, const char *block, size_t n,
                   long lie, int gz)
{
    buf r;
    buf_init(&r);
    buf_printf(&r, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:rec-%d>\r\n", type, ++serial);
    if (uri) buf_printf(&r, "WARC-Target-URI: %s\r\n", uri);
    if (date) buf_printf(&r, "WARC-Date: %s\r\n", date);
    if (!strcmp(type, "response") || !strcmp(type, "request"))
        buf_adds(&r, "Content-Type: application/http; msgtype=response\r\n");
    buf_printf(&r, "Content-Length: %ld\r\n\r\n", (long)n + lie);
    buf_add(&r, block, n);
    buf_adds(&r, "\r\n\r\n");
    if (gz) test_gzip_into(out, r.data, r.len);
    else buf_add(out, r.data, r.len);
    buf_free(&r);
}

static const char story[] =
    "<html><head><title>Gondor and Arnor sign a treaty</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><p>The kingdoms of Gondor and Arnor signed a treaty of friendship on Tuesday, ending a long "
    "dispute over the northern border, officials said.</p><p>Mordor condemned the agreement.</p></article>"
    "</body></html>";

/* An HTTP response around body. */
static void http(buf *b, const char *status, const char *headers, const char *body, size_t n)
{
    buf_clear(b);
    buf_printf(b, "HTTP/1.1 %s\r\n%sServer: test\r\n\r\n", status, headers);
    buf_add(b, body, n);
}

/* The crawl: every kind of record, good and bad. Record numbers:
 * 1 warcinfo, 2 request, 3 response html (a1), 4 chunked+gzip latin-1
 * (a2), 5 image, 6 404, 7 "html" that is binary (bad), 8 lying length
 * (bad), 9 response html (a3), 10 html without article text. */
static void crawl(buf *w, int gz)
{
    buf h, tmp;
    buf_init(&h);
    buf_init(&tmp);
    serial = 0;
    record(w, "warcinfo", NULL, "2024-08-17T00:00:00Z", "software: test\r\n", 16, 0, gz);
    static const char req[] = "GET / HTTP/1.1\r\nHost: herald.example\r\n\r\n";
    record(w, "request", "https://herald.example/a1", NULL, req, sizeof req - 1, 0, gz);
    http(&h, "200 OK", "Content-Type: text/html; charset=utf-8\r\n", story, sizeof story - 1);
    record(w, "response", "https://herald.example/a1", "2024-08-16T10:00:00Z", h.data, h.len, 0, gz);

    /* chunked transfer-encoding over a gzip'ed Latin-1 body */
    static const char latin[] = "<html><body><p>Caf\xe9 society in Minas Tirith cheered the treaty between Gondor "
                                "and Arnor on Tuesday, the heralds said.</p></body></html>";
    buf_clear(&tmp);
    test_gzip_into(&tmp, latin, sizeof latin - 1);
    buf chunked;
    buf_init(&chunked);
    for (size_t i = 0; i < tmp.len; i += 40) {
        size_t k = tmp.len - i < 40 ? tmp.len - i : 40;
        buf_printf(&chunked, "%zx;ext=1\r\n", k);
        buf_add(&chunked, tmp.data + i, k);
        buf_adds(&chunked, "\r\n");
    }
    buf_adds(&chunked, "0\r\n\r\n");
    http(&h, "200 OK", "Content-Type: text/html; charset=\"ISO-8859-1\"\r\nTransfer-Encoding: chunked\r\n"
         "Content-Encoding: gzip\r\n", chunked.data, chunked.len);
    record(w, "response", "https://herald.example/a2", "2024-08-16T11:00:00Z", h.data, h.len, 0, gz);
    buf_free(&chunked);

    static const char jpeg[] = "\xff\xd8\xff\xe0 jpeg";
    http(&h, "200 OK", "Content-Type: image/jpeg\r\n", jpeg, sizeof jpeg - 1);
    record(w, "response", "https://herald.example/x.jpg", NULL, h.data, h.len, 0, gz);
    http(&h, "404 Not Found", "Content-Type: text/html\r\n", story, sizeof story - 1);
    record(w, "response", "https://herald.example/gone", NULL, h.data, h.len, 0, gz);
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0binary";
    http(&h, "200 OK", "Content-Type: text/html\r\n", png, sizeof png - 1);
    record(w, "response", "https://herald.example/fake.html", NULL, h.data, h.len, 0, gz);
    http(&h, "200 OK", "Content-Type: text/html\r\n", story, sizeof story - 1);
    record(w, "response", "https://herald.example/liar", NULL, h.data, h.len, 5000, gz);
    http(&h, "200 OK", "Content-Type: text/html\r\n", story, sizeof story - 1);
    record(w, "response", "https://herald.example/a3", "2024-08-18T09:00:00Z", h.data, h.len, 0, gz);
    static const char index_page[] = "<html><body><a href='/'>Home</a></body></html>";
    http(&h, "200 OK", "Content-Type: text/html\r\n", index_page, sizeof index_page - 1);
    record(w, "response", "https://herald.example/index", NULL, h.data, h.len, 0, gz);
    buf_free(&h);
    buf_free(&tmp);
}

static void check_crawl(rd_reader *r)
{
    dyad_article a;
    rd_error e;
    REQUIRE(rd_next(r, &a, &e) == 1);
    CHECK_STR(a.id, "urn:uuid:rec-3");
    CHECK_STR(a.url, "https://herald.example/a1");
    CHECK_STR(a.title, "Gondor and Arnor sign a treaty");
    CHECK_INT(a.date, 20240816);      /* WARC-Date: the page has none */
    CHECK_INT(a.line, 3);
    CHECK(strstr(a.text, "The kingdoms of Gondor") == a.text);
    CHECK(strstr(a.text, "Home") == NULL);
    REQUIRE(rd_next(r, &a, &e) == 1);
    CHECK_STR(a.url, "https://herald.example/a2");
    CHECK(strstr(a.text, "Caf\xc3\xa9 society") == a.text);
    REQUIRE(rd_next(r, &a, &e) == -1); /* record 7: not HTML */
    CHECK_INT(e.line, 7);
    CHECK(strstr(e.msg, "not HTML") != NULL);
    REQUIRE(rd_next(r, &a, &e) == -1); /* record 8: Content-Length lies */
    CHECK_INT(e.line, 8);
    CHECK(strstr(e.msg, "Content-Length") != NULL);
    CHECK(strstr(e.msg, "byte ") != NULL);
    REQUIRE(rd_next(r, &a, &e) == 1);  /* record 9 read all the same */
    CHECK_STR(a.url, "https://herald.example/a3");
    CHECK_INT(a.line, 9);
    CHECK_INT(rd_next(r, &a, &e), 0);  /* record 10 has no article text */
}

TEST(warc_records)
{
    buf w;
    buf_init(&w);
    crawl(&w, 0);
    const char *path = test_tmp_file("crawl.warc", w.data, w.len);
    REQUIRE(path);
    rd_error e;
    rd_reader *r = rd_open(path, RD_AUTO, NULL, &e);
    REQUIRE(r);
    CHECK_INT(rd_format_of(r), RD_WARC);
    check_crawl(r);
    rd_close(r);
    /* sniffed by content, and --format warc */
    r = rd_open_mem(w.data, w.len, "crawl.bin", RD_AUTO, NULL, NULL);
    REQUIRE(r);
    CHECK_INT(rd_format_of(r), RD_WARC);
    rd_close(r);
    r = rd_open_mem(w.data, w.len, "crawl.txt", RD_WARC, NULL, NULL);
    REQUIRE(r);
    check_crawl(r);
    rd_close(r);
    buf_free(&w);
}

TEST(warc_gzip_per_record)
{
    buf w;
    buf_init(&w);
    crawl(&w, 1);
    const char *path = test_tmp_file("crawl.warc.gz", w.data, w.len);
    REQUIRE(path);
    rd_reader *r = rd_open(path, RD_AUTO, NULL, NULL);
    REQUIRE(r);
    CHECK_INT(rd_format_of(r), RD_WARC);
    check_crawl(r);
    rd_close(r);

    /* cut inside the last member: what came before is delivered (record 8
     * lies past the cut, yet record 9 after it is found), then the break
     * is reported with the record it cut */
    buf w2;
    buf_init(&w2);
    crawl(&w2, 1);
    size_t cut = w2.len - 60;
    r = rd_open_mem(w2.data, cut, "cut.warc.gz", RD_AUTO, NULL, NULL);
    REQUIRE(r);
    buf ids, errs;
    buf_init(&ids);
    buf_init(&errs);
    CHECK_INT(test_drain(r, &ids, &errs), 3);
    CHECK(strstr(errs.data, "truncated gzip") != NULL);
    CHECK(strstr(errs.data, "10:") != NULL);
    rd_close(r);
    buf_free(&w);
    buf_free(&w2);
    buf_free(&ids);
    buf_free(&errs);
}

TEST(warc_short_lying_length_and_garbage)
{
    buf w, h;
    buf_init(&w);
    buf_init(&h);
    http(&h, "200 OK", "Content-Type: text/html\r\n", story, sizeof story - 1);
    record(&w, "response", "https://herald.example/short", NULL, h.data, h.len, -100, 0); /* says less */
    record(&w, "response", "https://herald.example/ok1", NULL, h.data, h.len, 0, 0);
    buf_adds(&w, "garbage between records\r\nmore garbage\r\n");
    record(&w, "response", "https://herald.example/ok2", NULL, h.data, h.len, 0, 0);
    buf_adds(&w, "WARC/1.0\r\nWARC-Type: response\r\n\r\nno length\r\n\r\n");
    record(&w, "response", "https://herald.example/ok3", NULL, h.data, h.len, 0, 0);
    rd_reader *r = rd_open_mem(w.data, w.len, "x.warc", RD_AUTO, NULL, NULL);
    REQUIRE(r);
    buf ids, errs;
    buf_init(&ids);
    buf_init(&errs);
    CHECK_INT(test_drain(r, &ids, &errs), 3);
    CHECK(strstr(errs.data, "1:record at byte 0: Content-Length") != NULL);
    CHECK(strstr(errs.data, "no WARC record at byte") != NULL);
    CHECK(strstr(errs.data, "no valid Content-Length") != NULL);
    rd_close(r);
    buf_free(&w);
    buf_free(&h);
    buf_free(&ids);
    buf_free(&errs);
}

TEST(warc_raw_pages_extract_elsewhere)
{
    buf w;
    buf_init(&w);
    crawl(&w, 0);
    rd_reader *r = rd_open_mem(w.data, w.len, "crawl.warc", RD_AUTO, NULL, NULL);
    REQUIRE(r);
    rd_set_raw_pages(r, 1);
    rd_html *x = rd_html_new();
    dyad_article a, art;
    rd_error e;
    int pages = 0, articles = 0, bad = 0, empty = 0, rc;
    while ((rc = rd_next(r, &a, &e)) != 0) {
        if (rc < 0) { bad++; continue; }
        CHECK(rd_is_page(r));
        pages++;
        if (pages == 2) CHECK_STR(rd_page_charset(r), "ISO-8859-1");
        if (pages == 1) CHECK(strstr(a.text, "<html>") == a.text); /* raw HTML */
        int k = rd_page_article(x, &a, rd_page_charset(r), 0, &art, &e);
        if (k > 0) articles++;
        else if (k == 0) empty++;
        else { bad++; CHECK_INT(e.line, 7); }
    }
    CHECK_INT(pages, 5);
    CHECK_INT(articles, 3);
    CHECK_INT(empty, 1);
    CHECK_INT(bad, 2);
    rd_html_free(x);
    rd_close(r);
    buf_free(&w);
}

TEST(input_html_file_and_caps)
{
    const char *path = test_tmp_file("story.html", story, sizeof story - 1);
    REQUIRE(path);
    rd_options opt = {.default_date = 20240816};
    rd_reader *r = rd_open(path, RD_AUTO, &opt, NULL);
    REQUIRE(r);
    CHECK_INT(rd_format_of(r), RD_HTML);
    dyad_article a;
    rd_error e;
    REQUIRE(rd_next(r, &a, &e) == 1);
    CHECK_STR(a.id, path);
    CHECK_STR(a.title, "Gondor and Arnor sign a treaty");
    CHECK_INT(a.date, 20240816);
    CHECK(strstr(a.text, "The kingdoms") == a.text);
    CHECK_INT(rd_next(r, &a, &e), 0);
    rd_close(r);
    /* by content */
    r = rd_open_mem(story, sizeof story - 1, "page", RD_AUTO, NULL, NULL);
    REQUIRE(r);
    CHECK_INT(rd_format_of(r), RD_HTML);
    rd_close(r);
    /* HTML that is not HTML */
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0binary";
    r = rd_open_mem(png, sizeof png - 1, "img.html", RD_AUTO, NULL, NULL);
    REQUIRE(r);
    REQUIRE(rd_next(r, &a, &e) == -1);
    CHECK(strstr(e.msg, "not HTML") != NULL);
    CHECK_INT(rd_next(r, &a, &e), 0);
    rd_close(r);
    /* the article cap */
    r = rd_open_mem(story, sizeof story - 1, "page.html", RD_AUTO, NULL, NULL);
    REQUIRE(r);
    rd_set_max_article(r, 50);
    REQUIRE(rd_next(r, &a, &e) == -1);
    CHECK(strstr(e.msg, "over the 50-byte limit") != NULL);
    rd_close(r);
}

TEST(input_50mb_article_skipped)
{
    /* A 50 MB JSON Lines article between two small ones: reported with its
     * line and skipped; the others are coded. */
    buf in;
    buf_init(&in);
    buf_adds(&in, "{\"id\":\"small1\",\"text\":\"Gondor met Arnor.\"}\n{\"id\":\"huge\",\"text\":\"");
    buf_reserve(&in, (size_t)50 << 20);
    memset(in.data + in.len, 'a', (size_t)50 << 20);
    for (size_t i = 0; i < ((size_t)50 << 20); i += 8) in.data[in.len + i] = ' ';
    in.len += (size_t)50 << 20;
    buf_adds(&in, "\"}\n{\"id\":\"small2\",\"text\":\"Arnor met Gondor.\"}\n");
    rd_reader *r = rd_open_mem(in.data, in.len, "big.jsonl", RD_AUTO, NULL, NULL);
    REQUIRE(r);
    buf ids, errs;
    buf_init(&ids);
    buf_init(&errs);
    CHECK_INT(test_drain(r, &ids, &errs), 2);
    CHECK_STR(ids.data, "small1,small2");
    CHECK(strstr(errs.data, "2:article text of 52428800 bytes is over the") != NULL);
    rd_close(r);
    buf_free(&in);
    buf_free(&ids);
    buf_free(&errs);
}
