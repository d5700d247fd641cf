/* reader.c: rd_open/rd_next/rd_close, format sniffing and dispatch. */
#include "input/reader.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Indexed by rd_format; a new format adds its ops here. */
static const rd_format_ops *const format_ops[RD_NFORMATS] = {
    [RD_TEXT] = &rd_text_ops,
    [RD_JSONL] = &rd_jsonl_ops,
    [RD_HTML] = &rd_html_ops,
    [RD_WARC] = &rd_warc_ops,
};

static const char *const format_names[RD_NFORMATS] = {
    [RD_AUTO] = "auto", [RD_TEXT] = "text", [RD_JSONL] = "jsonl", [RD_HTML] = "html", [RD_WARC] = "warc",
};

int rd_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return 0;
    return 1;
}

const char *rd_format_name(rd_format f)
{
    return (unsigned)f < RD_NFORMATS ? format_names[f] : "?";
}

rd_format rd_format_parse(const char *name)
{
    for (int f = 0; f < RD_NFORMATS; f++)
        if (name && !strcmp(name, format_names[f])) return (rd_format)f;
    return RD_NFORMATS;
}

int rd_fail(const rd_reader *r, rd_error *err, long line, const char *fmt, ...)
{
    if (!err) return -1;
    err->origin = r->origin;
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

/* Errors before a reader exists (no origin string of ours yet). */
static void open_fail(rd_error *err, const char *origin, const char *what, const char *why)
{
    if (!err) return;
    err->origin = origin;
    err->line = 0;
    snprintf(err->msg, sizeof err->msg, "%s: %s", what, why);
}

static int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && !strncasecmp(s + n - k, suffix, k);
}

/* Does the markup at p[0..n) (first byte '<') open a web page? */
static int page_markup(const char *p, size_t n)
{
    static const char *const tags[] = {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", NULL};
    for (size_t i = 0; i < n; i++) {
        if (p[i] != '<') continue;
        for (const char *const *t = tags; *t; t++) {
            size_t k = strlen(*t);
            if (i + k <= n && !strncasecmp(p + i, *t, k)) return 1;
        }
    }
    return 0;
}

/* RD_AUTO: the name decides when it ends in a known extension (a .gz
 * after it is ignored), otherwise the first bytes do. */
static rd_format sniff(rd_reader *r)
{
    size_t n = strlen(r->origin);
    if (ends_with(r->origin, n, ".gz")) n -= 3;
    if (ends_with(r->origin, n, ".jsonl") || ends_with(r->origin, n, ".ndjson") ||
        ends_with(r->origin, n, ".json"))
        return RD_JSONL;
    if (ends_with(r->origin, n, ".html") || ends_with(r->origin, n, ".htm") || ends_with(r->origin, n, ".xhtml"))
        return RD_HTML;
    if (ends_with(r->origin, n, ".warc")) return RD_WARC;
    size_t have = rd_stream_peek(&r->s, 4096);
    const char *p = r->s.data + r->s.start;
    if (have >= 5 && !memcmp(p, "WARC/", 5)) return RD_WARC;
    /* Look at most one record's worth ahead; blank-only input is text
     * (which then yields nothing). */
    size_t i = 0;
    have = 0;
    for (;;) {
        p = r->s.data + r->s.start;
        for (; i < have; i++) {
            char c = p[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
            if (c == '{') return RD_JSONL;
            if (c == '<') {
                size_t m = rd_stream_peek(&r->s, i + 4096);
                return page_markup(r->s.data + r->s.start + i, m - i) ? RD_HTML : RD_TEXT;
            }
            return RD_TEXT;
        }
        if (have > r->opt.max_record) return RD_TEXT;
        size_t more = rd_stream_peek(&r->s, have + 4096);
        if (more == have) return RD_TEXT;
        have = more;
    }
}

static rd_reader *finish_open(rd_reader *r, rd_format fmt, rd_error *err)
{
    (void)err; /* stream errors from here on are reported by rd_next */
    /* A UTF-8 byte order mark is not content. */
    if (rd_stream_peek(&r->s, 3) >= 3 && !memcmp(r->s.data + r->s.start, "\xEF\xBB\xBF", 3))
        r->s.start += 3;
    if (fmt == RD_AUTO) fmt = sniff(r);
    r->fmt = fmt;
    r->ops = format_ops[fmt];
    return r;
}

static rd_reader *new_reader(const char *name, const rd_options *opt, rd_format fmt, rd_error *err)
{
    if ((unsigned)fmt >= RD_NFORMATS) {
        open_fail(err, name, "cannot open", "unknown input format");
        return NULL;
    }
    rd_reader *r = calloc(1, sizeof *r);
    if (!r) abort();
    r->origin = strdup(!strcmp(name, "-") ? "<stdin>" : name);
    if (!r->origin) abort();
    if (opt) r->opt = *opt;
    /* Bound the cap so window arithmetic (cap + chunk, doubling) can't wrap. */
    if (!r->opt.max_record || r->opt.max_record > SIZE_MAX / 4) r->opt.max_record = RD_MAX_RECORD;
    r->max_article = RD_MAX_ARTICLE;
    buf_init(&r->scratch);
    buf_init(&r->body);
    buf_init(&r->inflated);
    return r;
}

rd_reader *rd_open(const char *path, rd_format fmt, const rd_options *opt, rd_error *err)
{
    if (!path) path = "-";
    int fd = 0, own = 0;
    if (strcmp(path, "-")) {
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            open_fail(err, path, "cannot open", strerror(errno));
            return NULL;
        }
        own = 1;
    }
    rd_reader *r = new_reader(path, opt, fmt, err);
    if (!r) {
        if (own) close(fd);
        return NULL;
    }
    if (rd_stream_init(&r->s, fd, own, NULL, 0, r->opt.max_record) < 0) {
        open_fail(err, path, "cannot read", r->s.err);
        rd_close(r);
        return NULL;
    }
    return finish_open(r, fmt, err);
}

rd_reader *rd_open_mem(const void *data, size_t len, const char *name, rd_format fmt,
                       const rd_options *opt, rd_error *err)
{
    if (!name) name = "<memory>";
    rd_reader *r = new_reader(name, opt, fmt, err);
    if (!r) return NULL;
    if (rd_stream_init(&r->s, -1, 0, data, len, r->opt.max_record) < 0) {
        open_fail(err, name, "cannot read", r->s.err);
        rd_close(r);
        return NULL;
    }
    return finish_open(r, fmt, err);
}

/* Where a broken stream is reported: the line or record that was cut. */
static long break_position(const rd_reader *r)
{
    if (r->fmt == RD_JSONL) return r->s.line + 1;
    if (r->fmt == RD_WARC) return r->in_rec ? r->rec : r->rec + 1;
    return 0;
}

int rd_next(rd_reader *r, dyad_article *out, rd_error *err)
{
    for (;;) {
        if (r->done) return 0;
        if (r->json) { json_decref(r->json); r->json = NULL; }
        buf_clear(&r->scratch);
        r->is_page = 0;
        r->charset[0] = 0;
        int rc = r->ops->next(r, out, err);
        if (rc < 0) return rc;
        if (rc == 0) {
            r->done = 1;
            /* The format ran out of input: say so if that was a broken stream. */
            if (r->s.err[0]) return rd_fail(r, err, break_position(r), "%s", r->s.err);
            return 0;
        }
        if (r->ops->pages && r->raw_pages) {
            r->is_page = 1;
            return 1;
        }
        if (r->ops->pages) {
            if (!r->html) r->html = rd_html_new();
            dyad_article page = *out;
            rc = rd_page_article(r->html, &page, r->charset, r->max_article, out, err);
            if (rc == 0) continue; /* no article text in this page */
            return rc;
        }
        if (out->len > r->max_article)
            return rd_fail(r, err, out->line, "article text of %zu bytes is over the %zu-byte limit, skipped",
                           out->len, r->max_article);
        return 1;
    }
}

void rd_set_max_article(rd_reader *r, size_t max) { r->max_article = max ? max : RD_MAX_ARTICLE; }
void rd_set_raw_pages(rd_reader *r, int on) { r->raw_pages = on; }

int rd_is_page(const rd_reader *r) { return r->is_page; }
const char *rd_page_charset(const rd_reader *r) { return r->charset; }

rd_format rd_format_of(const rd_reader *r) { return r->fmt; }

unsigned long long rd_input_offset(const rd_reader *r) { return (unsigned long long)r->s.raw_off; }

void rd_close(rd_reader *r)
{
    if (!r) return;
    if (r->json) json_decref(r->json);
    rd_stream_free(&r->s);
    buf_free(&r->scratch);
    buf_free(&r->body);
    buf_free(&r->inflated);
    rd_html_free(r->html);
    free(r->origin);
    free(r);
}
