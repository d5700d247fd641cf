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
};

static const char *const format_names[RD_NFORMATS] = {
    [RD_AUTO] = "auto", [RD_TEXT] = "text", [RD_JSONL] = "jsonl",
};

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

/* RD_AUTO: the name decides when it ends in a JSON Lines extension (a .gz
 * after it is ignored), otherwise the first non-blank byte does. */
static rd_format sniff(rd_reader *r)
{
    size_t n = strlen(r->origin);
    if (ends_with(r->origin, n, ".gz")) n -= 3;
    if (ends_with(r->origin, n, ".jsonl") || ends_with(r->origin, n, ".ndjson") ||
        ends_with(r->origin, n, ".json"))
        return RD_JSONL;
    /* Look at most one record's worth ahead; blank-only input is text
     * (which then yields nothing). */
    size_t have = 0, i = 0;
    for (;;) {
        const char *p = r->s.data + r->s.start;
        for (; i < have; i++) {
            char c = p[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
            return c == '{' ? RD_JSONL : RD_TEXT;
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
    buf_init(&r->scratch);
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

int rd_next(rd_reader *r, dyad_article *out, rd_error *err)
{
    if (r->done) return 0;
    if (r->json) { json_decref(r->json); r->json = NULL; }
    buf_clear(&r->scratch);
    int rc = r->ops->next(r, out, err);
    if (rc) return rc;
    r->done = 1;
    /* The format ran out of input: say so if that was a broken stream. */
    if (r->s.err[0])
        return rd_fail(r, err, r->fmt == RD_JSONL ? r->s.line + 1 : 0, "%s", r->s.err);
    return 0;
}

rd_format rd_format_of(const rd_reader *r) { return r->fmt; }

void rd_close(rd_reader *r)
{
    if (!r) return;
    if (r->json) json_decref(r->json);
    rd_stream_free(&r->s);
    buf_free(&r->scratch);
    free(r->origin);
    free(r);
}
