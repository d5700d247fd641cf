/* eval_ner.c: `dyad eval ner DIR`, people, organisations and places named.
 *
 * DIR (searched recursively) holds either CoNLL files (*.conll.txt or
 * *.conll: "token TAG" lines, IOB1 or IOB2, a blank line between
 * sentences, "-DOCSTART-" between documents; Wikigold) or MEANTIME CAT XML
 * (*.xml: <token t_id sentence> elements, ENTITY_MENTION markables over
 * token anchors, their type from the ENTITY each REFERS_TO).
 *
 * Each document's tokens are joined back into plain text (no space before
 * closing punctuation or a possessive), coded by dyad_code exactly as
 * `dyad code` would (its own dictionaries and gazetteer; MEANTIME's
 * creation date as the article date), and the name mentions of the result
 * (dyad_result.mentions) are scored against the gold ones of types PER,
 * ORG and LOC:
 *  - CoNLL, as conlleval: a mention is right when its type and its exact
 *    span are; MISC gold names are not scored, and demonyms ("Belarusian",
 *    MISC in CoNLL) are not predicted; any other prediction that is not
 *    right counts as a false positive, one over a MISC name too;
 *  - MEANTIME: gold mentions are the named ones (syntactic_type NAM and
 *    PRE.NAM, whose extents hold titles and determiners: "U.S. automaker
 *    Chrysler"), so a prediction is right when its type is and its span
 *    overlaps the gold span, one to one. MEANTIME writes demonyms before a
 *    noun as LOC ("American"), so they are predicted. Only the start of
 *    each article is annotated: what is found after the last sentence
 *    holding any markable is not scored.
 * Prints per type gold/found/TP/FP/FN/P/R/F1, then the usual last line. */
#include "eval/eval.h"
#include "util/buf.h"
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

enum { T_PER, T_ORG, T_LOC, T_N };
static const char *const type_names[T_N] = {"PER", "ORG", "LOC"};

static int type_of(const char *s)
{
    for (int i = 0; i < T_N; i++) if (!strcmp(s, type_names[i])) return i;
    return -1;
}

/* A gold or found name: its byte span and type (-1: not scored, MISC). */
typedef struct name {
    uint32_t start, end;
    int type;
    int used;                 /* matched already */
} name;

typedef struct ndoc {
    buf text;                 /* the rebuilt text */
    uint32_t *ts, *te;        /* byte span of each token (index = token order) */
    uint32_t nt, ct;
    name *g;                  /* gold names */
    uint32_t ng, cg;
    int date;                 /* yyyymmdd, 0 unknown */
    uint32_t scored_end;      /* predictions starting here or later are not scored (0: all are) */
    char id[256];             /* file (and document number) */
} ndoc;

typedef struct tally {
    long tp[T_N], fp[T_N], fn[T_N], gold[T_N], found[T_N];
    long docs;
} tally;

static void ndoc_reset(ndoc *d)
{
    buf_clear(&d->text);
    d->nt = d->ng = 0;
    d->date = 0;
    d->scored_end = 0;
}

static void ndoc_free(ndoc *d)
{
    buf_free(&d->text);
    free(d->ts);
    free(d->te);
    free(d->g);
}

/* No space before these tokens when the text is rebuilt. */
static int attaches_left(const char *t)
{
    static const char *const w[] = {",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "'S", "'", "n't", "%",
                                    "'re", "'ve", "'ll", "'d", "'m", NULL};
    for (const char *const *p = w; *p; p++) if (!strcmp(t, *p)) return 1;
    return 0;
}

/* Append a token to the text, with a space or a line break before it. */
static void add_token(ndoc *d, const char *t, int new_sentence)
{
    if (d->nt == d->ct) {
        d->ct = d->ct ? d->ct * 2 : 1024;
        d->ts = realloc(d->ts, d->ct * sizeof *d->ts);
        d->te = realloc(d->te, d->ct * sizeof *d->te);
        if (!d->ts || !d->te) abort();
    }
    if (d->text.len) {
        const char *prev = d->text.data + d->text.len - 1;
        if (new_sentence) buf_addc(&d->text, '\n');
        else if (!attaches_left(t) && *prev != '(' && *prev != '[' && *prev != '$') buf_addc(&d->text, ' ');
    }
    d->ts[d->nt] = (uint32_t)d->text.len;
    buf_adds(&d->text, t);
    d->te[d->nt] = (uint32_t)d->text.len;
    d->nt++;
}

static void add_gold(ndoc *d, uint32_t first_tok, uint32_t last_tok, int type)
{
    if (d->ng == d->cg) {
        d->cg = d->cg ? d->cg * 2 : 256;
        d->g = realloc(d->g, d->cg * sizeof *d->g);
        if (!d->g) abort();
    }
    d->g[d->ng++] = (name){d->ts[first_tok], d->te[last_tok], type, 0};
}

/* ---- scoring one document ---- */

static int overlap(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) { return a0 < b1 && b0 < a1; }

static void score_doc(ndoc *d, dyad_worker *w, int lenient, const eval_opts *opt, FILE *out, tally *t)
{
    dyad_article a = {d->id, "", "", "", d->date, d->text.data ? d->text.data : "", d->text.len, d->id, 0};
    dyad_result r;
    dyad_code(w, &a, &r);
    t->docs++;
    for (uint32_t k = 0; k < d->ng; k++) if (d->g[k].type >= 0) t->gold[d->g[k].type]++;
    for (uint32_t i = 0; i < r.nmentions; i++) {
        const dyad_mention *m = &r.mentions[i];
        int ty = m->kind == DYAD_ENT_PERSON ? T_PER : m->kind == DYAD_ENT_ORG ? T_ORG : T_LOC;
        if (m->adjective && !lenient) continue;
        if (d->scored_end && m->span.start >= d->scored_end) continue;
        int hit = -1;
        for (uint32_t k = 0; k < d->ng && hit < 0; k++) {
            name *g = &d->g[k];
            int same = lenient ? overlap(g->start, g->end, m->span.start, m->span.end)
                               : g->start == m->span.start && g->end == m->span.end;
            if (same && !g->used && g->type == ty) hit = (int)k;
        }
        t->found[ty]++;
        if (hit >= 0) { d->g[hit].used = 1; t->tp[ty]++; continue; }
        t->fp[ty]++;
        if (opt->verbose)
            fprintf(out, "%s: FP %s \"%.*s\"\n", d->id, type_names[ty], (int)(m->span.end - m->span.start),
                    d->text.data + m->span.start);
    }
    for (uint32_t k = 0; k < d->ng; k++) {
        name *g = &d->g[k];
        if (g->type < 0 || g->used) continue;
        t->fn[g->type]++;
        if (opt->verbose)
            fprintf(out, "%s: FN %s \"%.*s\"\n", d->id, type_names[g->type], (int)(g->end - g->start),
                    d->text.data + g->start);
    }
}

/* ---- CoNLL ---- */

static int load_conll(const char *path, dyad_worker *w, const eval_opts *opt, FILE *out, tally *t)
{
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    ndoc d;
    memset(&d, 0, sizeof d);
    buf_init(&d.text);
    char line[4096];
    int new_sentence = 0, open_type = -2, docno = 0;
    uint32_t open_from = 0;
    snprintf(d.id, sizeof d.id, "%s#%d", path, docno);
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        char *sp = strrchr(line, ' ');
        if (!sp && !strchr(line, '\t')) {
            /* a blank line: the sentence ends, and any name with it */
            if (open_type != -2) add_gold(&d, open_from, d.nt - 1, open_type);
            open_type = -2;
            new_sentence = 1;
            continue;
        }
        if (!sp) sp = strrchr(line, '\t');
        *sp = 0;
        const char *tok = line, *tag = sp + 1;
        if (!strcmp(tok, "-DOCSTART-")) {
            if (open_type != -2) add_gold(&d, open_from, d.nt - 1, open_type);
            open_type = -2;
            if (d.nt && (!opt->only || strstr(d.id, opt->only))) score_doc(&d, w, 0, opt, out, t);
            ndoc_reset(&d);
            snprintf(d.id, sizeof d.id, "%s#%d", path, ++docno);
            new_sentence = 0;
            continue;
        }
        add_token(&d, tok, new_sentence);
        new_sentence = 0;
        /* IOB1: I-X continues an open X, B-X starts a new one; IOB2 alike */
        int ty = -2;
        if ((tag[0] == 'I' || tag[0] == 'B') && tag[1] == '-') ty = type_of(tag + 2);
        int cont = ty != -2 && tag[0] == 'I' && open_type == ty;
        if (open_type != -2 && !cont) { add_gold(&d, open_from, d.nt - 2, open_type); open_type = -2; }
        if (ty != -2 && !cont) { open_type = ty; open_from = d.nt - 1; }
    }
    if (open_type != -2) add_gold(&d, open_from, d.nt - 1, open_type);
    if (d.nt && (!opt->only || strstr(d.id, opt->only))) score_doc(&d, w, 0, opt, out, t);
    fclose(f);
    ndoc_free(&d);
    return 0;
}

/* ---- MEANTIME CAT XML ---- */

static const char *prop(xmlNode *n, const char *name, char *out, size_t cap)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    snprintf(out, cap, "%s", v ? (const char *)v : "");
    xmlFree(v);
    return out;
}

static int is_elem(xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* "2013-03-22" or MEANTIME's "03-02-2009" (day first) -> yyyymmdd. */
static int parse_date(const char *v)
{
    int y, m, d;
    if (sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3 && y > 999) return y * 10000 + m * 100 + d;
    if (sscanf(v, "%2d-%2d-%4d", &d, &m, &y) == 3 && y > 999) return y * 10000 + m * 100 + d;
    return 0;
}

static int load_cat(const char *path, dyad_worker *w, const eval_opts *opt, FILE *out, tally *t)
{
    xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) return -1;
    ndoc d;
    memset(&d, 0, sizeof d);
    buf_init(&d.text);
    snprintf(d.id, sizeof d.id, "%s", path);
    xmlNode *root = xmlDocGetRootElement(doc);
    /* tokens, by t_id */
    uint32_t maxid = 0;
    int *tsent = NULL;
    uint32_t *byid = NULL;  /* t_id -> token index + 1 */
    uint32_t cap = 0;
    int last_sent = -1;
    for (xmlNode *n = root ? root->children : NULL; n; n = n->next) {
        if (!is_elem(n, "token")) continue;
        char v[32];
        uint32_t id = (uint32_t)atoi(prop(n, "t_id", v, sizeof v));
        int s = atoi(prop(n, "sentence", v, sizeof v));
        xmlChar *txt = xmlNodeGetContent(n);
        add_token(&d, txt ? (const char *)txt : "", last_sent >= 0 && s != last_sent);
        xmlFree(txt);
        last_sent = s;
        if (id >= cap) {
            uint32_t nc = cap ? cap : 1024;
            while (nc <= id) nc *= 2;
            byid = realloc(byid, nc * sizeof *byid);
            tsent = realloc(tsent, nc * sizeof *tsent);
            if (!byid || !tsent) abort();
            memset(byid + cap, 0, (nc - cap) * sizeof *byid);
            cap = nc;
        }
        byid[id] = d.nt;
        tsent[id] = s;
        if (id > maxid) maxid = id;
    }
    xmlNode *marks = NULL, *rels = NULL;
    for (xmlNode *n = root ? root->children : NULL; n; n = n->next) {
        if (is_elem(n, "Markables")) marks = n;
        if (is_elem(n, "Relations")) rels = n;
    }
    /* entity types, and which entity each mention refers to */
    enum { MAXM = 1 << 16 };
    int *ent_type = calloc(MAXM, sizeof *ent_type);     /* m_id -> type + 1 */
    int *refers = calloc(MAXM, sizeof *refers);         /* mention m_id -> entity m_id */
    if (!ent_type || !refers) abort();
    int last_annotated = -1;
    for (xmlNode *n = marks ? marks->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        char v[64];
        int mid = atoi(prop(n, "m_id", v, sizeof v));
        if (is_elem(n, "ENTITY") && mid > 0 && mid < MAXM) ent_type[mid] = type_of(prop(n, "ent_type", v, sizeof v)) + 2;
        if (is_elem(n, "TIMEX3") && !strcmp(prop(n, "functionInDocument", v, sizeof v), "CREATION_TIME"))
            d.date = parse_date(prop(n, "value", v, sizeof v));
        for (xmlNode *a = n->children; a; a = a->next) {
            if (!is_elem(a, "token_anchor")) continue;
            uint32_t id = (uint32_t)atoi(prop(a, "t_id", v, sizeof v));
            if (id < cap && byid[id] && tsent[id] > last_annotated) last_annotated = tsent[id];
        }
    }
    for (xmlNode *n = rels ? rels->children : NULL; n; n = n->next) {
        if (!is_elem(n, "REFERS_TO")) continue;
        int target = 0;
        char v[32];
        for (xmlNode *c = n->children; c; c = c->next)
            if (is_elem(c, "target")) target = atoi(prop(c, "m_id", v, sizeof v));
        for (xmlNode *c = n->children; c; c = c->next) {
            int src = is_elem(c, "source") ? atoi(prop(c, "m_id", v, sizeof v)) : 0;
            if (src > 0 && src < MAXM) refers[src] = target;
        }
    }
    for (xmlNode *n = marks ? marks->children : NULL; n; n = n->next) {
        if (!is_elem(n, "ENTITY_MENTION")) continue;
        char v[64];
        prop(n, "syntactic_type", v, sizeof v);
        if (strcmp(v, "NAM") && strcmp(v, "PRE.NAM")) continue;
        int mid = atoi(prop(n, "m_id", v, sizeof v));
        int ent = mid > 0 && mid < MAXM ? refers[mid] : 0;
        int type = ent > 0 && ent < MAXM ? ent_type[ent] - 2 : -1;
        if (type < 0) continue;  /* PRO, FIN, MIX: not scored */
        uint32_t lo = UINT32_MAX, hi = 0;
        for (xmlNode *a = n->children; a; a = a->next) {
            if (!is_elem(a, "token_anchor")) continue;
            uint32_t id = (uint32_t)atoi(prop(a, "t_id", v, sizeof v));
            if (id >= cap || !byid[id]) continue;
            uint32_t k = byid[id] - 1;
            if (k < lo) lo = k;
            if (k > hi) hi = k;
        }
        if (lo <= hi) add_gold(&d, lo, hi, type);
    }
    /* the annotated extent ends with the last sentence any markable touches */
    for (uint32_t id = 0; id <= maxid && id < cap; id++)
        if (byid[id] && tsent[id] <= last_annotated && d.te[byid[id] - 1] > d.scored_end)
            d.scored_end = d.te[byid[id] - 1];
    if (d.scored_end) d.scored_end++;
    if (d.nt && (!opt->only || strstr(d.id, opt->only))) score_doc(&d, w, 1, opt, out, t);
    free(ent_type);
    free(refers);
    free(byid);
    free(tsent);
    ndoc_free(&d);
    xmlFreeDoc(doc);
    return 0;
}

/* ---- files ---- */

typedef struct files {
    char **v;
    size_t n, cap;
} files;

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

static void walk(const char *dir, files *fs)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        char path[4096];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= sizeof path) continue;
        struct stat st;
        if (stat(path, &st)) continue;
        if (S_ISDIR(st.st_mode)) { walk(path, fs); continue; }
        if (!ends_with(path, ".conll.txt") && !ends_with(path, ".conll") && !ends_with(path, ".xml")) continue;
        if (fs->n == fs->cap) {
            fs->cap = fs->cap ? fs->cap * 2 : 64;
            fs->v = realloc(fs->v, fs->cap * sizeof *fs->v);
            if (!fs->v) abort();
        }
        fs->v[fs->n++] = strdup(path);
    }
    closedir(d);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int eval_ner(const char *dir, const eval_opts *opt, FILE *out, eval_score *score)
{
    files fs = {0};
    struct stat st;
    if (stat(dir, &st)) { fprintf(stderr, "dyad: eval ner: cannot read %s\n", dir); return -1; }
    if (S_ISDIR(st.st_mode)) walk(dir, &fs);
    else {
        fs.v = malloc(sizeof *fs.v);
        fs.v[fs.n++] = strdup(dir);
    }
    if (!fs.n) { fprintf(stderr, "dyad: eval ner: no .conll.txt or .xml files under %s\n", dir); free(fs.v); return -1; }
    qsort(fs.v, fs.n, sizeof *fs.v, cmp_str);
    dyad_engine *e = dyad_engine_new();
    if (dyad_engine_load_default(e, NULL) <= 0)
        fprintf(stderr, "dyad: eval ner: dyad's own dictionaries not found (set DYAD_DATA)\n");
    dyad_engine_ready(e);
    dyad_worker *w = dyad_worker_new(e);
    tally t;
    memset(&t, 0, sizeof t);
    int bad = 0;
    for (size_t i = 0; i < fs.n; i++) {
        int rc = ends_with(fs.v[i], ".xml") ? load_cat(fs.v[i], w, opt, out, &t)
                                            : load_conll(fs.v[i], w, opt, out, &t);
        if (rc) { fprintf(stderr, "dyad: eval ner: cannot read %s\n", fs.v[i]); bad++; }
        free(fs.v[i]);
    }
    free(fs.v);
    dyad_worker_free(w);
    dyad_engine_free(e);
    xmlCleanupParser();
    memset(score, 0, sizeof *score);
    fprintf(out, "%-5s %6s %6s %6s %6s %6s %6s %6s %6s\n", "type", "gold", "found", "TP", "FP", "FN", "P", "R", "F1");
    for (int k = 0; k < T_N; k++) {
        eval_score s = {t.tp[k], t.fp[k], t.fn[k], 0, 0, 0};
        eval_finish(&s);
        fprintf(out, "%-5s %6ld %6ld %6ld %6ld %6ld %6.3f %6.3f %6.3f\n", type_names[k], t.gold[k], t.found[k], s.tp,
                s.fp, s.fn, s.precision, s.recall, s.f1);
        score->tp += s.tp;
        score->fp += s.fp;
        score->fn += s.fn;
    }
    fprintf(out, "documents %ld%s\n", t.docs, bad ? " (some files unreadable)" : "");
    eval_finish(score);
    eval_print_final(out, score);
    return t.docs ? 0 : -1;
}
