/* eval_extract.c: `dyad eval extract DIR`, article extraction against the
 * peers' gold sets, each scored the way its own benchmark scores.
 *
 * ScrapingHub article-extraction-benchmark (DIR/ground-truth.json and
 * DIR/html/<id>.html.gz): tokens are \w+ runs (Unicode letters, digits,
 * marks excluded, '_'), the text of a page is the multiset of its 4-token
 * shingles; per page tp/fp/fn come from multiset intersection; precision
 * and recall are each page's, averaged over pages; F1 is the harmonic mean
 * of the two averages (this reproduces the benchmark's published figures).
 * TP/FP/FN on the last line are the raw shingle counts summed.
 *
 * trafilatura's evaluation set (DIR/evaldata-en-subset.json and
 * DIR/html/<file>.gz): a "with" snippet found in the body is a TP, missed
 * an FN; a "without" snippet found is an FP (whitespace collapsed on both
 * sides). Title, author and date are checked where the gold has them. */
#include "eval/eval.h"
#include "input/html.h"
#include "util/buf.h"
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <utf8proc.h>
#include <zlib.h>

/* A gzip'ed (or plain) file into b; 0 or -1. */
static int read_gz(const char *path, buf *b)
{
    gzFile f = gzopen(path, "rb");
    if (!f) return -1;
    buf_clear(b);
    char tmp[65536];
    int n;
    while ((n = gzread(f, tmp, sizeof tmp)) > 0) buf_add(b, tmp, (size_t)n);
    int bad = n < 0;
    gzclose(f);
    return bad ? -1 : 0;
}

/* ---- shingles ---- */

typedef struct u64s {
    uint64_t *v;   /* values */
    size_t n, cap; /* used and allocated */
} u64s;

static void u64_push(u64s *a, uint64_t x)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 1024;
        a->v = realloc(a->v, a->cap * sizeof *a->v);
        if (!a->v) abort();
    }
    a->v[a->n++] = x;
}

/* Python's \w: letters, numbers (any category L* or N*) and '_'. */
static int word_char(utf8proc_int32_t c)
{
    if (c == '_') return 1;
    utf8proc_category_t k = utf8proc_category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
           (k >= UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO);
}

/* Token hashes of s into toks (FNV-1a over each \w+ run). */
static void tokens(const char *s, size_t n, u64s *toks)
{
    toks->n = 0;
    uint64_t h = 0;
    int in = 0;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0) { k = 1; c = -1; }
        if (c >= 0 && word_char(c)) {
            if (!in) h = 1469598103934665603ull, in = 1;
            for (utf8proc_ssize_t j = 0; j < k; j++) h = (h ^ (unsigned char)s[i + j]) * 1099511628211ull;
        } else if (in) {
            u64_push(toks, h);
            in = 0;
        }
        i += (size_t)k;
    }
    if (in) u64_push(toks, h);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorted 4-token shingle hashes of s. */
static void shingles(const char *s, size_t n, u64s *toks, u64s *out)
{
    tokens(s, n, toks);
    out->n = 0;
    for (size_t i = 0; i + 4 <= toks->n; i++) {
        uint64_t h = 0;
        for (int k = 0; k < 4; k++) h = (h ^ toks->v[i + k]) * 0x9E3779B97F4A7C15ull + (uint64_t)k;
        u64_push(out, h);
    }
    if (out->n) qsort(out->v, out->n, sizeof *out->v, cmp_u64);
}

/* Multiset intersection of sorted a and b. */
static void match(const u64s *a, const u64s *b, long *tp, long *fp, long *fn)
{
    size_t i = 0, j = 0;
    long both = 0;
    while (i < a->n && j < b->n) {
        if (a->v[i] == b->v[j]) both++, i++, j++;
        else if (a->v[i] < b->v[j]) i++;
        else j++;
    }
    *tp = both;
    *fp = (long)b->n - both;
    *fn = (long)a->n - both;
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Extract one page, timing it into *secs and counting its bytes. */
static const rd_page *extract(rd_html *x, const buf *html, const char *url, double *secs, double *bytes)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    const rd_page *pg;
    char why[128];
    if (rd_html_extract(x, html->data, html->len, NULL, url, &pg, why, sizeof why)) pg = NULL;
    *secs += seconds_since(&t0);
    *bytes += (double)html->len;
    return pg;
}

static int scrapinghub(const char *dir, const eval_opts *opt, FILE *out, eval_score *score)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/ground-truth.json", dir);
    json_t *gt = json_load_file(path, 0, NULL);
    if (!gt) { fprintf(stderr, "dyad eval extract: cannot read %s\n", path); return -1; }
    rd_html *x = rd_html_new();
    buf html;
    buf_init(&html);
    u64s toks = {0}, want = {0}, got = {0};
    double psum = 0, rsum = 0, secs = 0, bytes = 0;
    int pages = 0, exact = 0, missing = 0;
    long TP = 0, FP = 0, FN = 0;
    const char *id;
    json_t *rec;
    json_object_foreach(gt, id, rec) {
        if (opt->only && !strstr(id, opt->only)) continue;
        snprintf(path, sizeof path, "%s/html/%s.html.gz", dir, id);
        if (read_gz(path, &html)) { missing++; continue; }
        const char *gold = json_string_value(json_object_get(rec, "articleBody"));
        const char *url = json_string_value(json_object_get(rec, "url"));
        const rd_page *pg = extract(x, &html, url, &secs, &bytes);
        const char *text = pg ? pg->text.data : "";
        shingles(gold ? gold : "", gold ? strlen(gold) : 0, &toks, &want);
        shingles(text, strlen(text), &toks, &got);
        long tp, fp, fn;
        match(&want, &got, &tp, &fp, &fn);
        double p, r;
        if (!tp && !fp && !fn) p = r = 1; /* both empty: a perfect page */
        else {
            p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
            r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
        }
        psum += p;
        rsum += r;
        TP += tp, FP += fp, FN += fn;
        exact += !fp && !fn;
        pages++;
        if (opt->verbose && (p < 0.9 || r < 0.9))
            fprintf(out, "%-12.12s P %.3f R %.3f  %s\n", id, p, r, url ? url : "");
    }
    score->tp = TP, score->fp = FP, score->fn = FN;
    score->precision = pages ? psum / pages : 0;
    score->recall = pages ? rsum / pages : 0;
    score->f1 = score->precision + score->recall > 0
                    ? 2 * score->precision * score->recall / (score->precision + score->recall) : 0;
    fprintf(out, "scrapinghub: %d pages (%d missing), %d exact; %.1f MB extracted in %.3f s (%.1f MB/s, one core)\n",
            pages, missing, exact, bytes / 1e6, secs, secs > 0 ? bytes / 1e6 / secs : 0.0);
    eval_print_final(out, score);
    free(toks.v), free(want.v), free(got.v);
    buf_free(&html);
    rd_html_free(x);
    json_decref(gt);
    return 0;
}

/* s whitespace-collapsed and trimmed into b; ASCII lowercased if fold. */
static void squeeze_case(buf *b, const char *s, int fold)
{
    buf_clear(b);
    buf_adds(b, "");
    int space = 1;
    for (; *s; s++) {
        int blank = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
        if (blank) { if (!space) buf_addc(b, ' '); space = 1; }
        else { buf_addc(b, fold && *s >= 'A' && *s <= 'Z' ? (char)(*s + 32) : *s); space = 0; }
    }
    if (b->len && b->data[b->len - 1] == ' ') b->data[--b->len] = 0;
}

static void squeeze(buf *b, const char *s) { squeeze_case(b, s, 0); }

/* Metadata agreement, case and blanks aside; the gold may be a prefix
 * or a part ("Reuters" vs "Reuters Staff"). */
static int same_meta(const char *gold, const char *got, buf *a, buf *b)
{
    squeeze_case(a, gold, 1);
    squeeze_case(b, got, 1);
    if (!a->len || !b->len) return 0;
    return strstr(b->data, a->data) || strstr(a->data, b->data);
}

static int trafilatura(const char *dir, const eval_opts *opt, FILE *out, eval_score *score)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/evaldata-en-subset.json", dir);
    json_t *gt = json_load_file(path, 0, NULL);
    if (!gt) { fprintf(stderr, "dyad eval extract: cannot read %s\n", path); return -1; }
    rd_html *x = rd_html_new();
    buf html, body, a, b;
    buf_init(&html), buf_init(&body), buf_init(&a), buf_init(&b);
    long TP = 0, FP = 0, FN = 0, TN = 0;
    int pages = 0, missing = 0, meta_n[3] = {0}, meta_ok[3] = {0};
    double secs = 0, bytes = 0;
    static const char *const fields[3] = {"title", "author", "date"};
    const char *url;
    json_t *rec;
    json_object_foreach(gt, url, rec) {
        const char *file = json_string_value(json_object_get(rec, "file"));
        if (!file || (opt->only && !strstr(file, opt->only))) continue;
        snprintf(path, sizeof path, "%s/html/%s.gz", dir, file);
        if (read_gz(path, &html)) { missing++; continue; }
        const rd_page *pg = extract(x, &html, url, &secs, &bytes);
        squeeze(&body, pg ? pg->text.data : "");
        pages++;
        for (int k = 0; k < 2; k++) {
            json_t *list = json_object_get(rec, k ? "without" : "with");
            size_t i;
            json_t *v;
            json_array_foreach(list, i, v) {
                if (!json_string_value(v)) continue;
                squeeze(&a, json_string_value(v));
                int found = a.len && strstr(body.data, a.data);
                if (!k) { if (found) TP++; else FN++; }
                else { if (found) FP++; else TN++; }
                if (opt->verbose && found == k) fprintf(out, "%s: %s '%s'\n", file, k ? "kept" : "missed", a.data);
            }
        }
        for (int f = 0; f < 3; f++) {
            const char *g = json_string_value(json_object_get(rec, fields[f]));
            if (!g || !*g) continue;
            meta_n[f]++;
            char d[16] = "";
            const char *got = "";
            if (pg && f == 0) got = pg->title.data;
            if (pg && f == 1) got = pg->author.data;
            if (pg && f == 2 && pg->date)
                snprintf(d, sizeof d, "%04d-%02d-%02d", pg->date / 10000, pg->date / 100 % 100, pg->date % 100), got = d;
            int ok = same_meta(g, got, &a, &b);
            meta_ok[f] += ok;
            if (opt->verbose && !ok) fprintf(out, "%s: %s '%s' got '%s'\n", file, fields[f], g, got);
        }
    }
    score->tp = TP, score->fp = FP, score->fn = FN;
    eval_finish(score);
    fprintf(out, "trafilatura-en: %d pages (%d missing); snippets: %ld kept, %ld missed, %ld boilerplate "
            "kept, %ld boilerplate left out (accuracy %.3f)\n",
            pages, missing, TP, FN, FP, TN, TP + FN + FP + TN ? (double)(TP + TN) / (double)(TP + FN + FP + TN) : 0.0);
    for (int f = 0; f < 3; f++)
        fprintf(out, "  %-6s %d/%d right (%.3f)\n", fields[f], meta_ok[f], meta_n[f],
                meta_n[f] ? (double)meta_ok[f] / meta_n[f] : 0.0);
    fprintf(out, "  %.1f MB extracted in %.3f s (%.1f MB/s, one core)\n", bytes / 1e6, secs,
            secs > 0 ? bytes / 1e6 / secs : 0.0);
    eval_print_final(out, score);
    buf_free(&html), buf_free(&body), buf_free(&a), buf_free(&b);
    rd_html_free(x);
    json_decref(gt);
    return 0;
}

int eval_extract(const char *dir, const eval_opts *opt, FILE *out, eval_score *score)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/ground-truth.json", dir);
    FILE *f = fopen(path, "r");
    if (f) { fclose(f); return scrapinghub(dir, opt, out, score); }
    snprintf(path, sizeof path, "%s/evaldata-en-subset.json", dir);
    f = fopen(path, "r");
    if (f) { fclose(f); return trafilatura(dir, opt, out, score); }
    fprintf(stderr, "dyad eval extract: %s holds neither ground-truth.json (ScrapingHub) nor "
            "evaldata-en-subset.json (trafilatura)\n", dir);
    return -1;
}
