/* eval_timex.c: `dyad eval timex DIR`, time expressions scored as TempEval-3 does.
 *
 * DIR holds TempEval-3 TimeML (.tml: the DCT in <DCT><TIMEX3 .../>, the
 * text in <TEXT> with inline <TIMEX3 type value>...</TIMEX3>) or MEANTIME
 * CAT XML (.xml: <token t_id sentence> elements, then TIMEX3 markables over
 * token anchors, the DCT marked functionInDocument="CREATION_TIME"),
 * searched recursively. Tags are stripped to raw text, the gold spans mapped
 * to byte offsets, and tim_find runs on that text with the DCT as the
 * publication date. Scoring (UzZaman et al. 2013): a gold TIMEX3 and a
 * found expression match when their spans overlap (relaxed) or coincide
 * (strict), one to one; the value scores a TP only on a relaxed match with
 * an equal value string, so value F1 = relaxed F1 x value accuracy.
 *
 * Left out of the scores, as in TempEval-3: the DCT itself (MEANTIME keeps
 * it in the text as the dateline; what the system finds over it is
 * ignored too, and an article without a CREATION_TIME mark takes its
 * dateline's TIMEX3 as the DCT), and gold TIMEX3s with no text (MEANTIME's
 * empty markables), which no system reading the text can find. MEANTIME
 * annotates only the start of each article (the title, the dateline and
 * the first sentences): what is found after the last sentence holding any
 * markable (entity, event, value or time) is not scored either. */
#include "eval/eval.h"
#include "text/text.h"
#include "time/time.h"
#include "util/arena.h"
#include "util/buf.h"
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct gold {
    uint32_t start, end;       /* byte span in the stripped text */
    char value[32];            /* gold value */
    char type[12];             /* gold type */
} gold;

typedef struct tdoc {
    buf text;                  /* the stripped text */
    gold *g;                   /* in-text gold expressions (malloc'ed) */
    uint32_t ng, gcap;
    int dct;                   /* yyyymmdd, 0 unknown */
    uint32_t skip_start, skip_end; /* the DCT's span in the text (MEANTIME's dateline), empty if none */
    uint32_t scored_end;       /* what starts at or after this byte was not annotated (MEANTIME) */
} tdoc;

typedef struct tally {
    long gold, found;          /* expressions in the gold and found */
    long relaxed, strict;      /* matches, overlapping and exact */
    long value, type;          /* relaxed matches with the right value, type */
    long docs;                 /* documents scored */
    long left_out_dct;         /* DCTs, not scored */
    long left_out_empty;       /* gold TIMEX3s without text, not scored */
} tally;

static void add_gold(tdoc *d, uint32_t s, uint32_t e, const char *value, const char *type)
{
    if (d->ng == d->gcap) {
        d->gcap = d->gcap ? d->gcap * 2 : 64;
        d->g = realloc(d->g, d->gcap * sizeof *d->g);
        if (!d->g) abort();
    }
    gold *g = &d->g[d->ng++];
    g->start = s;
    g->end = e;
    snprintf(g->value, sizeof g->value, "%s", value);
    snprintf(g->type, sizeof g->type, "%s", type);
}

/* Attribute `name` of the tag text [p, end), copied into out ("" if absent). */
static void attr(const char *p, const char *end, const char *name, char *out, size_t cap)
{
    size_t n = strlen(name);
    out[0] = 0;
    for (const char *q = p; q + n + 2 < end; q++) {
        if (memcmp(q, name, n) || q[n] != '=' || q[n + 1] != '"' || (q > p && q[-1] != ' ' && q[-1] != '\t' && q[-1] != '\n'))
            continue;
        const char *v = q + n + 2, *e = memchr(v, '"', (size_t)(end - v));
        if (!e) return;
        size_t l = (size_t)(e - v) < cap - 1 ? (size_t)(e - v) : cap - 1;
        memcpy(out, v, l);
        out[l] = 0;
        return;
    }
}

/* Append s[0..n) to b with XML entities decoded. */
static void add_unescaped(buf *b, const char *s, size_t n)
{
    static const struct { const char *e; char c; } ents[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '&') {
            size_t k;
            for (k = 0; k < 5; k++) {
                size_t l = strlen(ents[k].e);
                if (i + l <= n && !memcmp(s + i, ents[k].e, l)) { buf_addc(b, ents[k].c); i += l - 1; break; }
            }
            if (k < 5) continue;
        }
        buf_addc(b, s[i]);
    }
}

/* "2013-03-22" (or MEANTIME's odd "03-02-2009", day first) -> yyyymmdd. */
static int parse_dct(const char *v)
{
    int y, m, d;
    char extra;
    if (sscanf(v, "%4d-%2d-%2d%c", &y, &m, &d, &extra) >= 3 && y > 999) return y * 10000 + m * 100 + d;
    if (sscanf(v, "%2d-%2d-%4d", &d, &m, &y) == 3 && y > 999) return y * 10000 + m * 100 + d;
    return 0;
}

/* ---- TempEval-3 TimeML ---- */

static int load_tml(const char *src, tdoc *d)
{
    const char *dct = strstr(src, "<DCT>");
    if (dct) {
        const char *t = strstr(dct, "<TIMEX3"), *e = t ? strchr(t, '>') : NULL;
        char v[64];
        if (e) { attr(t, e, "value", v, sizeof v); d->dct = parse_dct(v); }
    }
    const char *p = strstr(src, "<TEXT>"), *end = p ? strstr(p, "</TEXT>") : NULL;
    if (!p || !end) return -1;
    p += 6;
    uint32_t open_at = 0;
    char value[64] = "", type[32] = "";
    int open = 0;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) lt = end;
        add_unescaped(&d->text, p, (size_t)(lt - p));
        if (lt == end) break;
        const char *gt = memchr(lt, '>', (size_t)(end - lt));
        if (!gt) break;
        if (!strncmp(lt, "<TIMEX3", 7)) {
            attr(lt, gt, "value", value, sizeof value);
            attr(lt, gt, "type", type, sizeof type);
            open_at = (uint32_t)d->text.len;
            open = 1;
        } else if (!strncmp(lt, "</TIMEX3", 8) && open) {
            add_gold(d, open_at, (uint32_t)d->text.len, value, type);
            open = 0;
        }
        p = gt + 1;
    }
    return 0;
}

/* ---- MEANTIME CAT ---- */

/* No space before these tokens when the text is rebuilt. */
static int glue_left(const char *t)
{
    static const char *const list[] = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "'S", "n't", "'re",
                                       "'ve", "'ll", "'d", "'m", "'", NULL};
    for (int i = 0; list[i]; i++) if (!strcmp(t, list[i])) return 1;
    return 0;
}

static int load_cat(const char *src, tdoc *d)
{
    uint32_t *tstart = NULL, *tend = NULL;
    int *tsent = NULL;
    long cap = 0, maxid = -1;
    int last_sent = -1, glue_next = 0;
    for (const char *p = strstr(src, "<token "); p; p = strstr(p, "<token ")) {
        const char *gt = strchr(p, '>'), *close = gt ? strstr(gt, "</token>") : NULL;
        if (!close) break;
        char id[32], sent[32];
        attr(p, gt, "t_id", id, sizeof id);
        attr(p, gt, "sentence", sent, sizeof sent);
        long t = atol(id);
        int s = atoi(sent);
        if (t < 0 || t > 10000000) { p = close; continue; }
        if (t >= cap) {
            long nc = t * 2 + 64;
            tstart = realloc(tstart, (size_t)nc * sizeof *tstart);
            tend = realloc(tend, (size_t)nc * sizeof *tend);
            tsent = realloc(tsent, (size_t)nc * sizeof *tsent);
            if (!tstart || !tend || !tsent) abort();
            for (long k = cap; k < nc; k++) { tstart[k] = tend[k] = 0; tsent[k] = -1; }
            cap = nc;
        }
        buf word;
        buf_init(&word);
        add_unescaped(&word, gt + 1, (size_t)(close - gt - 1));
        const char *w = word.data ? word.data : "";
        if (d->text.len) {
            if (s != last_sent) buf_addc(&d->text, '\n');
            else if (!glue_left(w) && !glue_next) buf_addc(&d->text, ' ');
        }
        glue_next = !strcmp(w, "(") || !strcmp(w, "$") || !strcmp(w, "[");
        tstart[t] = (uint32_t)d->text.len;
        buf_adds(&d->text, w);
        tend[t] = (uint32_t)d->text.len;
        tsent[t] = s;
        if (t > maxid) maxid = t;
        last_sent = s;
        buf_free(&word);
        p = close;
    }
    /* markables: <TIMEX3 ...> <token_anchor t_id="9"/> ... </TIMEX3> or <TIMEX3 .../> */
    const char *mk = strstr(src, "<Markables");
    /* the annotated extent: up to the last sentence any markable touches */
    int last_annotated = -1;
    for (const char *a = mk ? strstr(mk, "<token_anchor") : NULL; a; a = strstr(a + 1, "<token_anchor")) {
        const char *ae = strchr(a, '>');
        if (!ae) break;
        char id[32];
        attr(a, ae, "t_id", id, sizeof id);
        long t = atol(id);
        if (t >= 0 && t <= maxid && tsent[t] > last_annotated) last_annotated = tsent[t];
    }
    d->scored_end = 0;
    for (long t = 0; t <= maxid; t++)
        if (tsent[t] >= 0 && tsent[t] <= last_annotated && tend[t] > d->scored_end) d->scored_end = tend[t];
    int have_dct = 0;
    uint32_t dateline_s = 0, dateline_e = 0;
    char dateline_v[64] = "";
    for (const char *p = mk ? strstr(mk, "<TIMEX3") : NULL; p; p = strstr(p + 1, "<TIMEX3")) {
        const char *gt = strchr(p, '>');
        if (!gt) break;
        char value[64], type[32], fn[32];
        attr(p, gt, "value", value, sizeof value);
        attr(p, gt, "type", type, sizeof type);
        attr(p, gt, "functionInDocument", fn, sizeof fn);
        uint32_t s = UINT32_MAX, e = 0;
        int sent1 = 1, any = 0;
        if (gt[-1] != '/') {
            const char *close = strstr(gt, "</TIMEX3>");
            for (const char *a = strstr(gt, "<token_anchor"); a && close && a < close; a = strstr(a + 1, "<token_anchor")) {
                const char *ae = strchr(a, '>');
                char id[32];
                attr(a, ae, "t_id", id, sizeof id);
                long t = atol(id);
                if (t < 0 || t > maxid || tsent[t] < 0) continue;
                any = 1;
                if (tstart[t] < s) s = tstart[t];
                if (tend[t] > e) e = tend[t];
                sent1 &= tsent[t] == 1;
            }
        }
        if (!strcmp(fn, "CREATION_TIME")) {
            d->dct = parse_dct(value);
            have_dct = 1;
            if (any) { d->skip_start = s; d->skip_end = e; }
            continue;
        }
        if (!any) continue;  /* empty markable: counted by the caller as left out */
        if (sent1 && !dateline_v[0]) {
            dateline_s = s; dateline_e = e;
            snprintf(dateline_v, sizeof dateline_v, "%s", value);
        }
        add_gold(d, s, e, value, type);
    }
    if (!have_dct && dateline_v[0]) {
        /* no CREATION_TIME mark: the dateline is the DCT; drop it from the gold */
        d->dct = parse_dct(dateline_v);
        d->skip_start = dateline_s;
        d->skip_end = dateline_e;
        for (uint32_t k = 0; k < d->ng; k++)
            if (d->g[k].start == dateline_s && d->g[k].end == dateline_e) {
                memmove(&d->g[k], &d->g[k + 1], (d->ng - k - 1) * sizeof *d->g);
                d->ng--;
                break;
            }
    }
    free(tstart);
    free(tend);
    free(tsent);
    return maxid >= 0 ? 0 : -1;
}

/* Gold TIMEX3s of a source that have no text (left out of the scores). */
static long count_empty(const char *src, int tml)
{
    if (tml) return 0;
    long n = 0;
    for (const char *p = strstr(src, "<TIMEX3"); p; p = strstr(p + 1, "<TIMEX3")) {
        const char *gt = strchr(p, '>');
        if (!gt) break;
        char fn[32];
        attr(p, gt, "functionInDocument", fn, sizeof fn);
        if (strcmp(fn, "CREATION_TIME") && (gt[-1] == '/' || !strstr(gt, "<token_anchor") ||
                                            strstr(gt, "<token_anchor") > strstr(gt, "</TIMEX3>")))
            n++;
    }
    return n;
}

/* ---- scoring ---- */

static uint32_t overlap(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
    uint32_t lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

static void show(FILE *out, const tdoc *d, uint32_t s, uint32_t e)
{
    fprintf(out, "\"%.*s\"", (int)(e - s), d->text.data + s);
}

/* The words around [s, e), on one line, for reading the failures. */
static void context(FILE *out, const tdoc *d, uint32_t s, uint32_t e)
{
    uint32_t a = s > 60 ? s - 60 : 0, b = e + 60 < d->text.len ? e + 60 : (uint32_t)d->text.len;
    fputs("      | ", out);
    for (uint32_t i = a; i < b; i++) {
        if (i == s) fputs("[[", out);
        fputc(d->text.data[i] == '\n' ? ' ' : d->text.data[i], out);
        if (i + 1 == e) fputs("]]", out);
    }
    fputc('\n', out);
}

/* Pair gold and found expressions one to one: exact spans first, then
 * overlaps with the same value, then any overlap, the largest first (so
 * MEANTIME's nested gold, "from 2009 to 2011" over "2009", pairs each
 * found expression with the gold it best corresponds to). match[i] is the
 * found expression paired with gold i, -1 if none. */
static void pair(const tdoc *d, const tim_expr *x, uint32_t nx, char *used, int *match)
{
    for (uint32_t i = 0; i < d->ng; i++) match[i] = -1;
    for (int pass = 0; pass < 3; pass++)
        for (uint32_t i = 0; i < d->ng; i++) {
            const gold *g = &d->g[i];
            if (match[i] >= 0) continue;
            int best = -1;
            uint32_t best_ov = 0;
            for (uint32_t k = 0; k < nx; k++) {
                if (used[k]) continue;
                uint32_t ov = overlap(g->start, g->end, x[k].start, x[k].end);
                if (!ov || (pass == 0 && (x[k].start != g->start || x[k].end != g->end)) ||
                    (pass == 1 && strcmp(x[k].value, g->value)))
                    continue;
                if (ov > best_ov) { best_ov = ov; best = (int)k; }
            }
            if (best >= 0) { match[i] = best; used[best] = 1; }
        }
}

static void score_doc(const char *name, tdoc *d, arena *ar, const eval_opts *opt, FILE *out, tally *t)
{
    txt_doc doc;
    txt_analyse(ar, d->text.data ? d->text.data : "", d->text.len, &doc);
    tim_expr *x;
    uint32_t nx;
    tim_find(ar, &doc, d->dct, &x, &nx);
    char *used = calloc(nx + 1, 1);
    int *match = calloc(d->ng + 1, sizeof *match);
    if (!used || !match) abort();
    /* what was found over the DCT (the dateline) or past the annotated extent is not scored */
    for (uint32_t k = 0; k < nx; k++)
        if (overlap(x[k].start, x[k].end, d->skip_start, d->skip_end) || x[k].start >= d->scored_end) used[k] = 2;
    for (uint32_t k = 0; k < nx; k++) t->found += used[k] != 2;
    t->gold += d->ng;
    t->docs++;
    pair(d, x, nx, used, match);
    int header = 0;
    for (uint32_t i = 0; i < d->ng; i++) {
        const gold *g = &d->g[i];
        int best = match[i], ok = 0;
        if (best >= 0) {
            t->relaxed++;
            t->strict += x[best].start == g->start && x[best].end == g->end;
            ok = !strcmp(x[best].value, g->value);
            t->value += ok;
            t->type += !strcmp(tim_type_name(x[best].type), g->type);
        }
        if (!opt->verbose || ok) continue;
        if (!header++) fprintf(out, "--- %s (DCT %d)\n", name, d->dct);
        fprintf(out, "  %s ", best >= 0 ? "wrong" : "missed");
        show(out, d, g->start, g->end);
        fprintf(out, " %s %s", g->type, g->value);
        if (best >= 0) {
            fprintf(out, " -> ");
            show(out, d, x[best].start, x[best].end);
            fprintf(out, " %s %s (tense %d)", tim_type_name(x[best].type), x[best].value, x[best].tense);
        }
        fputc('\n', out);
        context(out, d, g->start, g->end);
    }
    for (uint32_t k = 0; k < nx && opt->verbose; k++) {
        if (used[k]) continue;
        if (!header++) fprintf(out, "--- %s (DCT %d)\n", name, d->dct);
        fprintf(out, "  spurious ");
        show(out, d, x[k].start, x[k].end);
        fprintf(out, " %s %s\n", tim_type_name(x[k].type), x[k].value);
        context(out, d, x[k].start, x[k].end);
    }
    free(used);
    free(match);
}

/* ---- the walk ---- */

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int ends(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && !strcmp(s + n - k, suf);
}

static int walk(const char *path, arena *ar, const eval_opts *opt, FILE *out, tally *t)
{
    struct stat st;
    if (stat(path, &st)) return -1;
    if (S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(path);
        if (!dir) return -1;
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *de;
        while ((de = readdir(dir))) {
            if (de->d_name[0] == '.') continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                names = realloc(names, cap * sizeof *names);
                if (!names) abort();
            }
            names[n++] = strdup(de->d_name);
        }
        closedir(dir);
        if (n) qsort(names, n, sizeof *names, cmp_name);  /* the same order on every file system */
        for (size_t i = 0; i < n; i++) {
            char sub[4096];
            snprintf(sub, sizeof sub, "%s/%s", path, names[i]);
            walk(sub, ar, opt, out, t);
            free(names[i]);
        }
        free(names);
        return 0;
    }
    int tml = ends(path, ".tml");
    if (!tml && !ends(path, ".xml")) return 0;
    if (opt->only && !strstr(path, opt->only)) return 0;
    char *src = eval_slurp(path);
    if (!src) return -1;
    if (!tml && !strstr(src, "<token ")) { free(src); return 0; }  /* a schema or other XML */
    tdoc d;
    memset(&d, 0, sizeof d);
    buf_init(&d.text);
    d.scored_end = UINT32_MAX;
    if ((tml ? load_tml(src, &d) : load_cat(src, &d)) == 0) {
        const char *name = strrchr(path, '/');
        t->left_out_dct++;
        t->left_out_empty += count_empty(src, tml);
        score_doc(name ? name + 1 : path, &d, ar, opt, out, t);
        arena_reset(ar);
    }
    buf_free(&d.text);
    free(d.g);
    free(src);
    return 0;
}

static void line(FILE *out, const char *what, long tp, long found, long gold)
{
    eval_score s = {tp, found - tp, gold - tp, 0, 0, 0};
    eval_finish(&s);
    fprintf(out, "%-13s F1 %.3f precision %.3f recall %.3f (TP %ld FP %ld FN %ld)\n", what, s.f1, s.precision,
            s.recall, s.tp, s.fp, s.fn);
}

int eval_timex(const char *dir, const eval_opts *opt, FILE *out, eval_score *score)
{
    struct stat st;
    if (stat(dir, &st)) {
        fprintf(stderr, "dyad eval timex: cannot read %s\n", dir);
        return -1;
    }
    arena ar;
    arena_init(&ar, 1 << 20);
    tally t;
    memset(&t, 0, sizeof t);
    walk(dir, &ar, opt, out, &t);
    arena_free(&ar);
    if (!t.docs) {
        fprintf(stderr, "dyad eval timex: no .tml or MEANTIME .xml documents under %s\n", dir);
        return -1;
    }
    fprintf(out, "documents %ld, gold TIMEX3 %ld in the text (left out: %ld DCTs, %ld without text), found %ld\n",
            t.docs, t.gold, t.left_out_dct, t.left_out_empty, t.found);
    line(out, "relaxed span", t.relaxed, t.found, t.gold);
    line(out, "strict span", t.strict, t.found, t.gold);
    fprintf(out, "of %ld relaxed matches: value accuracy %.3f, type accuracy %.3f\n", t.relaxed,
            t.relaxed ? (double)t.value / (double)t.relaxed : 0.0, t.relaxed ? (double)t.type / (double)t.relaxed : 0.0);
    *score = (eval_score){t.value, t.found - t.value, t.gold - t.value, 0, 0, 0};
    eval_finish(score);
    eval_print_final(out, score);
    return 0;
}
