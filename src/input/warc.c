/* warc.c: RD_WARC, web crawls (ISO 28500), one raw page per HTML response.
 *
 * A record is a "WARC/1.x" line, header lines, a blank line, then exactly
 * Content-Length bytes of block and a blank line (CRLF CRLF). The block of
 * a `response` record holds the HTTP response: status line, headers, blank
 * line, payload. The stream below inflates .warc.gz transparently (one
 * gzip member per record is the norm; the stream reads every member).
 *
 * Bad records: a length that does not land on the record's end (it lies,
 * or the file was cut) is caught by the missing CRLF CRLF after the block;
 * reading then resumes at the next line that starts with "WARC/", looked
 * for inside the block first, so one lying record costs one record. */
#include "input/reader.h"
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

/* One header line "Name: value" against `name`; *v,*vn = the trimmed value. */
static int header_is(const char *p, size_t n, const char *name, const char **v, size_t *vn)
{
    size_t k = strlen(name);
    if (n <= k || p[k] != ':' || strncasecmp(p, name, k)) return 0;
    size_t s = k + 1, e = n;
    while (s < e && (p[s] == ' ' || p[s] == '\t')) s++;
    while (e > s && (p[e - 1] == ' ' || p[e - 1] == '\t' || p[e - 1] == '\r')) e--;
    *v = p + s;
    *vn = e - s;
    return 1;
}

/* Append value (without <angle brackets>) and a NUL to scratch; returns its offset. */
static size_t keep(buf *scratch, const char *v, size_t n)
{
    if (n >= 2 && v[0] == '<' && v[n - 1] == '>') v++, n -= 2;
    size_t at = scratch->len;
    buf_add(scratch, v, n);
    buf_addc(scratch, 0);
    return at;
}

/* The next record's "WARC/" line start in p[1..n), or n. */
static size_t next_header(const char *p, size_t n)
{
    for (size_t i = 1; i + 5 <= n; i++)
        if (p[i - 1] == '\n' && p[i] == 'W' && !memcmp(p + i, "WARC/", 5)) return i;
    return n;
}

/* ---- HTTP payload ---- */

/* Undo chunked transfer-encoding of p[0..n) into out. Returns 0, or -1
 * when p does not start with a chunk (writers that store the payload
 * decoded often keep the header: then the payload is used as it is). */
static int dechunk(const char *p, size_t n, buf *out, size_t cap)
{
    buf_clear(out);
    size_t i = 0;
    for (int first = 1;; first = 0) {
        size_t j = i, size = 0;
        int digits = 0;
        while (j < n && isxdigit((unsigned char)p[j]) && digits < 15) {
            char c = (char)tolower((unsigned char)p[j]);
            size = size * 16 + (size_t)(c <= '9' ? c - '0' : c - 'a' + 10);
            j++, digits++;
        }
        if (!digits) return first ? -1 : 0; /* a cut chunk stream keeps what came */
        while (j < n && p[j] != '\n') j++;   /* chunk extensions, CR */
        if (j >= n) return first ? -1 : 0;
        j++;
        if (!size) return 0;
        if (size > n - j) size = n - j;
        if (out->len + size > cap) return 0;
        buf_add(out, p + j, size);
        i = j + size;
        if (i < n && p[i] == '\r') i++;
        if (i < n && p[i] == '\n') i++;
    }
}

/* Undo gzip/deflate content-encoding into out (at most cap bytes).
 * 0, or -1 when the data does not inflate. */
static int inflate_body(const char *p, size_t n, buf *out, size_t cap)
{
    buf_clear(out);
    for (int attempt = 0; attempt < 2; attempt++) {
        z_stream z;
        memset(&z, 0, sizeof z);
        /* 15+32: gzip or zlib by the header; then raw deflate, which some
         * servers send for "deflate" */
        if (inflateInit2(&z, attempt ? -15 : 15 + 32) != Z_OK) return -1;
        z.next_in = (Bytef *)p;
        z.avail_in = n > UINT_MAX ? UINT_MAX : (uInt)n;
        int ret = Z_OK;
        buf_clear(out);
        while (ret == Z_OK && out->len < cap) {
            buf_reserve(out, 65536);
            z.next_out = (Bytef *)out->data + out->len;
            z.avail_out = 65536;
            ret = inflate(&z, Z_NO_FLUSH);
            out->len += 65536 - z.avail_out;
            if (ret == Z_BUF_ERROR && !z.avail_in) break; /* cut short: keep what came */
        }
        inflateEnd(&z);
        out->data[out->len] = 0;
        if (ret == Z_STREAM_END || (out->len && ret != Z_DATA_ERROR)) return 0;
    }
    return -1;
}

/* From an HTTP response p[0..n): 1 = an HTML payload in *body,*bn (charset
 * copied to r->charset); 0 = not a page we code (status, type); -1 = bad,
 * with the reason in why. */
static int http_page(rd_reader *r, const char *p, size_t n, const char **body, size_t *bn, char *why, size_t wn)
{
    if (n < 12 || strncmp(p, "HTTP/", 5)) return 0; /* dns:, whois: and other non-HTTP responses */
    const char *sp = memchr(p, ' ', n < 16 ? n : 16);
    if (!sp || sp + 4 > p + n || sp[1] != '2') return 0; /* only 2xx responses are pages */
    const char *type = NULL, *te = NULL, *ce = NULL;
    size_t typen = 0, ten = 0, cen = 0;
    size_t i = 0;
    while (i < n && p[i] != '\n') i++; /* status line */
    i++;
    for (;;) {
        if (i >= n) { *body = p + n; *bn = 0; return 0; } /* no payload */
        size_t e = i;
        while (e < n && p[e] != '\n') e++;
        size_t len = e - i;
        if (len && p[i + len - 1] == '\r') len--;
        if (!len) { i = e + 1; break; }
        const char *v;
        size_t vn;
        if (header_is(p + i, len, "Content-Type", &v, &vn)) type = v, typen = vn;
        else if (header_is(p + i, len, "Transfer-Encoding", &v, &vn)) te = v, ten = vn;
        else if (header_is(p + i, len, "Content-Encoding", &v, &vn)) ce = v, cen = vn;
        i = e + 1;
    }
    const char *pl = i <= n ? p + i : p + n;
    size_t pn = i <= n ? n - i : 0;
    if (type) {
        int html = 0;
        for (size_t k = 0; k + 4 <= typen && !html; k++) html = !strncasecmp(type + k, "html", 4);
        if (!html) return 0;
        for (size_t k = 0; k + 8 <= typen; k++)
            if (!strncasecmp(type + k, "charset=", 8)) {
                const char *c = type + k + 8;
                size_t cn = 0;
                while (c < type + typen && (*c == '"' || *c == '\'')) c++;
                while (c + cn < type + typen && c[cn] != ';' && c[cn] != '"' && c[cn] != '\'' && c[cn] != ' ' &&
                       cn < sizeof r->charset - 1)
                    cn++;
                memcpy(r->charset, c, cn);
                r->charset[cn] = 0;
                break;
            }
    } else {
        /* no Content-Type: only a payload that opens with markup */
        size_t k = 0;
        while (k < pn && isspace((unsigned char)pl[k])) k++;
        if (k == pn || pl[k] != '<') return 0;
    }
    if (te && ten >= 7 && !strncasecmp(te, "chunked", 7) && !dechunk(pl, pn, &r->body, r->opt.max_record))
        pl = r->body.data, pn = r->body.len;
    if (ce && ((cen >= 4 && !strncasecmp(ce, "gzip", 4)) || (cen >= 6 && !strncasecmp(ce, "x-gzip", 6)) ||
               (cen >= 7 && !strncasecmp(ce, "deflate", 7)))) {
        size_t k = 0;
        while (k < pn && isspace((unsigned char)pl[k])) k++;
        if (!(k < pn && pl[k] == '<')) { /* not stored decoded already */
            if (inflate_body(pl, pn, &r->inflated, r->opt.max_record)) {
                snprintf(why, wn, "corrupt %.*s content-encoding", (int)(cen < 16 ? cen : 16), ce);
                return -1;
            }
            if (r->inflated.len >= r->opt.max_record) {
                snprintf(why, wn, "payload inflates past %zu bytes, skipped", r->opt.max_record);
                return -1;
            }
            pl = r->inflated.data, pn = r->inflated.len;
        }
    }
    *body = pl;
    *bn = pn;
    return 1;
}

/* ---- records ---- */

/* Next line without its CR LF; 1, or 0 at the end / a broken stream. Lines
 * over max_record are read as empty garbage lines ("" with *n = 0 and
 * *p pointing at "\x01") so callers treat them as not-a-header. */
static int line(rd_reader *r, const char **p, size_t *n)
{
    int rc = rd_stream_line(&r->s, p, n);
    if (rc == 0 || rc == -1) return 0;
    if (rc == -2) { *p = "\x01"; *n = 1; return 1; }
    if (*n && (*p)[*n - 1] == '\r') (*n)--;
    return 1;
}

static int warc_next(rd_reader *r, dyad_article *out, rd_error *err)
{
    for (;;) {
        buf_clear(&r->scratch);
        r->charset[0] = 0;
        /* the version line, skipping blank lines (and garbage after a bad record) */
        const char *p;
        size_t n;
        unsigned long long at;
        for (;;) {
            at = rd_stream_offset(&r->s);
            if (!line(r, &p, &n)) return 0;
            if (n >= 5 && !memcmp(p, "WARC/", 5)) break;
            if (rd_blank(p, n) || r->resync) continue;
            r->resync = 1;
            return rd_fail(r, err, r->rec + 1, "no WARC record at byte %llu; skipping to the next \"WARC/\" line", at);
        }
        r->resync = 0;
        long rec = ++r->rec;
        r->in_rec = 1;
        /* header lines */
        long long length = -1;
        size_t type = SIZE_MAX, uri = SIZE_MAX, date = SIZE_MAX, id = SIZE_MAX, ctype = SIZE_MAX;
        int ended = 0;
        while (line(r, &p, &n)) {
            if (!n) { ended = 1; break; }
            const char *v;
            size_t vn;
            if (header_is(p, n, "Content-Length", &v, &vn)) {
                char num[24];
                if (vn && vn < sizeof num) {
                    memcpy(num, v, vn);
                    num[vn] = 0;
                    char *end;
                    long long x = strtoll(num, &end, 10);
                    if (!*end && x >= 0) length = x;
                }
            } else if (header_is(p, n, "WARC-Type", &v, &vn)) type = keep(&r->scratch, v, vn);
            else if (header_is(p, n, "WARC-Target-URI", &v, &vn)) uri = keep(&r->scratch, v, vn);
            else if (header_is(p, n, "WARC-Date", &v, &vn)) date = keep(&r->scratch, v, vn);
            else if (header_is(p, n, "WARC-Record-ID", &v, &vn)) id = keep(&r->scratch, v, vn);
            else if (header_is(p, n, "Content-Type", &v, &vn)) ctype = keep(&r->scratch, v, vn);
        }
        if (!ended) {
            if (r->s.err[0]) return 0; /* a broken stream: rd_next reports it */
            return rd_fail(r, err, rec, "record at byte %llu: the input ends inside its headers", at);
        }
        if (length < 0) {
            r->resync = 1;
            r->in_rec = 0;
            return rd_fail(r, err, rec, "record at byte %llu: no valid Content-Length; skipped", at);
        }
        const char *sc = r->scratch.data;
        int response = type != SIZE_MAX && !strcasecmp(sc + type, "response");
        if ((unsigned long long)length > r->opt.max_record) {
            rd_stream_skip(&r->s, (size_t)length);
            r->in_rec = 0;
            if (!response) continue;
            return rd_fail(r, err, rec, "record at byte %llu: %lld bytes, over the %zu-byte limit; skipped", at,
                           length, r->opt.max_record);
        }
        /* the block and the blank line that must follow it */
        size_t len = (size_t)length;
        size_t have = rd_stream_peek(&r->s, len + 4);
        const char *blk = r->s.data + r->s.start;
        size_t tail = 0; /* CR/LF bytes after the block: two CRLFs by the spec, two LFs from sloppy writers */
        while (len + tail < have && tail < 4 && (blk[len + tail] == '\r' || blk[len + tail] == '\n')) tail++;
        if (have < len || (tail < 2 && len + tail < have)) {
            size_t next = next_header(blk, have);
            rd_stream_take(&r->s, next);
            r->resync = 1;
            r->in_rec = next == have;
            /* the stream broke inside the block, and no record follows in
             * what came: rd_next reports the break */
            if (r->s.err[0] && have < len && next == have) return 0;
            return rd_fail(r, err, rec, "record at byte %llu: Content-Length %lld %s; resuming at the next record", at,
                           length, have < len ? "runs past the end of the input" : "does not end the record");
        }
        rd_stream_take(&r->s, len + tail);
        r->in_rec = 0;
        if (!response) continue;
        if (ctype != SIZE_MAX && !strstr(sc + ctype, "http")) continue; /* not an HTTP response */
        const char *body;
        size_t bn;
        char why[160];
        int rc = http_page(r, blk, len, &body, &bn, why, sizeof why);
        if (rc == 0) continue;
        if (rc < 0) return rd_fail(r, err, rec, "record at byte %llu: %s", at, why);
        sc = r->scratch.data;
        int d = date != SIZE_MAX ? rd_parse_date(sc + date) : 0;
        *out = (dyad_article){
            .id = id != SIZE_MAX && sc[id] ? sc + id : "",
            .url = uri != SIZE_MAX ? sc + uri : "",
            .source = "", .title = "",
            .date = d ? d : r->opt.default_date,
            .text = body, .len = bn, .origin = r->origin, .line = rec,
        };
        if (!out->id[0]) { /* no WARC-Record-ID: "<file>:<record>" */
            size_t idat = r->scratch.len;
            buf_printf(&r->scratch, "%s:%ld", r->origin, rec);
            sc = r->scratch.data; /* the buffer may have moved */
            out->url = uri != SIZE_MAX ? sc + uri : "";
            out->id = sc + idat;
        }
        return 1;
    }
}

const rd_format_ops rd_warc_ops = {"warc", warc_next, 1};
