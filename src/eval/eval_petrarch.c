/* eval_petrarch.c: PETRARCH unit-test / GSR records (<Sentence> with
 * <EventCoding> and <Text>), coded from the raw <Text> only. The files are
 * read with a tolerant scanner because the GSR file is not well-formed XML
 * (self-closing <Sentence .../> followed by </Sentence>). */
#include "eval/eval.h"
#include "code/coder.h"
#include "lexicon/load.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/buf.h"
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


/* Attribute value of name="..." inside tag[0..n), copied into out. */
static int attr(const char *tag, size_t n, const char *name, char *out, size_t cap)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i + nl < n; i++) {
        if (strncmp(tag + i, name, nl) || (i && isalnum((unsigned char)tag[i - 1]))) continue;
        size_t j = i + nl;
        while (j < n && tag[j] == ' ') j++;
        if (j >= n || tag[j] != '=') continue;
        j++;
        while (j < n && tag[j] == ' ') j++;
        if (j >= n || tag[j] != '"') continue;
        size_t k = j + 1;
        while (k < n && tag[k] != '"') k++;
        snprintf(out, cap, "%.*s", (int)(k - j - 1), tag + j + 1);
        return 1;
    }
    return 0;
}

/* Dictionaries named in the file's <Environment>, looked up beside it. */
static void environment_dicts(const char *xml, const char *dir, lexicon *lx)
{
    static const struct { const char *tag; int (*load)(lexicon *, const char *); } kinds[] = {
        {"<Verbfile>", lex_load_petrarch_verbs}, {"<Actorfile>", lex_load_petrarch_actors},
        {"<Agentfile>", lex_load_petrarch_agents}, {"<Discardfile>", lex_load_petrarch_discards}};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        const char *p = strstr(xml, kinds[k].tag);
        if (!p) continue;
        p += strlen(kinds[k].tag);
        const char *e = strchr(p, '<');
        if (!e) continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%.*s", dir, (int)(e - p), p);
        kinds[k].load(lx, path);
    }
}

static void flatten(char *s)
{
    for (; *s; s++) if (*s == '\n' || *s == '\r' || *s == '\t') *s = ' ';
}

/* <Config option="require_dyad" value="false"> records between two
 * sentences switch PETRARCH's options, as its validator does. */
static void apply_configs(const char *from, const char *to, cod_options *o)
{
    for (const char *c = from; (c = strstr(c, "<Config ")) && c < to; c++) {
        const char *e = strchr(c, '>');
        if (!e || e > to) break;
        char opt[64], val[16];
        if (!attr(c, (size_t)(e - c), "option", opt, sizeof opt) || !attr(c, (size_t)(e - c), "value", val, sizeof val))
            continue;
        if (!strcmp(opt, "require_dyad")) { o->require_dyad = !(val[0] == 'f' || val[0] == 'F'); continue; }
        /* The comma-clause lengths are PETRARCH's as they are TABARI's. */
        static const struct { const char *name; size_t off; } commas[] = {
            {"comma_min", offsetof(cod_options, comma_min)},   {"comma_max", offsetof(cod_options, comma_max)},
            {"comma_emin", offsetof(cod_options, comma_emin)}, {"comma_emax", offsetof(cod_options, comma_emax)},
            {"comma_bmin", offsetof(cod_options, comma_bmin)}, {"comma_bmax", offsetof(cod_options, comma_bmax)}};
        for (size_t k = 0; k < sizeof commas / sizeof *commas; k++)
            if (!strcmp(opt, commas[k].name)) *(int *)((char *)o + commas[k].off) = atoi(val);
    }
}

/* A record's date as yyyymmdd, read as PETRARCH's dictionaries write
 * dates (six digits are yymmdd); 0 if it has none. */
static int record_date(const char *s)
{
    int d;
    return lex_parse_date(s, strlen(s), &d) ? 0 : d;
}

int eval_petrarch(const char *records, const char *const *dicts, int ndicts, const eval_opts *opt, FILE *outf,
                  eval_score *score)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char *xml = eval_slurp(records);
    if (!xml) { fprintf(stderr, "dyad: eval petrarch: cannot read %s\n", records); return -1; }
    lexicon *lx = lex_new();
    if (ndicts) {
        for (int i = 0; i < ndicts; i++)
            if (lex_load_auto(lx, dicts[i]) < 0) fprintf(stderr, "dyad: eval petrarch: cannot read %s\n", dicts[i]);
    } else {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s", records);
        char *slash = strrchr(dir, '/');
        if (slash) *slash = 0; else snprintf(dir, sizeof dir, ".");
        environment_dicts(xml, dir, lx);
    }
    lex_compile(lx);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double load_s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (lx->nerrors && opt->verbose) fprintf(outf, "dictionary messages: %u\n", lx->nerrors);
    cod_options o;
    cod_options_news(&o);
    o.modality = 0; /* the suite codes plain events; flags would not change them */
    o.untargeted = 0;
    o.anonymous_agents = 1; /* PETRARCH codes a lone agent as "---GOV", "---EDU" */
    /* PETRARCH-1's coreference comes from CoreNLP, not from the text;
     * PETRARCH-2 (the ontology loaded) finds antecedents in its own tree. */
    o.no_pronouns = lx->npico == 0;
    o.no_complex = 1;       /* "+++" is "currently not implemented" (its DEMO-04) */
    arena ar;
    arena_init(&ar, 1 << 16);
    eval_cats cats = {0};
    memset(score, 0, sizeof *score);
    int records_n = 0, exact = 0;
    const char *p = xml;
    const char *seen = xml; /* <Config> records up to here are applied */
    /* Skip the big comment header and any commented-out records. */
    while ((p = strstr(p, "<Sentence "))) {
        apply_configs(seen, p, &o);
        seen = p;
        const char *tag_end = strchr(p, '>');
        if (!tag_end) break;
        const char *next = strstr(tag_end, "<Sentence ");
        const char *stop = next ? next : p + strlen(p);
        char id[64] = "", cat[32] = "", date[16] = "";
        attr(p, (size_t)(tag_end - p), "id", id, sizeof id);
        attr(p, (size_t)(tag_end - p), "category", cat, sizeof cat);
        attr(p, (size_t)(tag_end - p), "date", date, sizeof date);
        eval_record g;
        memset(&g, 0, sizeof g);
        int error = 0;
        for (const char *q = tag_end; (q = strstr(q, "<EventCoding")) && q < stop; q++) {
            const char *qe = strchr(q, '>');
            if (!qe) break;
            size_t n = (size_t)(qe - q);
            char v[16];
            if (attr(q, n, "noevents", v, sizeof v)) { g.none = 1; continue; }
            if (attr(q, n, "error", v, sizeof v)) { error = 1; continue; }
            eval_event *w = &g.want[g.nwant];
            if (g.nwant < 32 && attr(q, n, "sourcecode", w->s, sizeof w->s) &&
                attr(q, n, "targetcode", w->t, sizeof w->t) && attr(q, n, "eventcode", w->c, sizeof w->c)) {
                w->used = 0;
                g.nwant++;
            }
        }
        const char *t0 = strstr(tag_end, "<Text>");
        const char *t1 = t0 ? strstr(t0, "</Text>") : NULL;
        p = stop;
        if (!t0 || !t1 || t0 > stop || error || (!g.nwant && !g.none)) continue;
        if (opt->only && !strstr(id, opt->only)) continue;
        char *text = strndup(t0 + 6, (size_t)(t1 - t0 - 6));
        flatten(text);
        arena_reset(&ar);
        txt_doc doc;
        txt_analyse(&ar, text, strlen(text), &doc);
        cod_out out = {0};
        buf trace;
        buf_init(&trace);
        o.trace = opt->verbose ? &trace : NULL;
        if (doc.ntok) {
            /* One record is one sentence, as in PETRARCH. */
            txt_sentence *one = arena_alloc(&ar, sizeof *one);
            *one = (txt_sentence){doc.tok[0].start, doc.tok[doc.ntok - 1].end, 0, doc.ntok, 0};
            doc.sent = one;
            doc.nsent = 1;
            cod_sentence(lx, &o, &ar, &doc, 0, record_date(date), &out);
        }
        o.trace = NULL;
        g.id = id;
        g.text = text;
        g.category = cat;
        records_n++;
        eval_score_record(&g, out.ev, out.n, out.status, trace.data, &cats, score, &exact, opt->verbose, outf);
        buf_free(&trace);
        free(text);
    }
    eval_report(outf, &cats, score, records_n, exact, load_s, &t1);
    arena_free(&ar);
    free(xml);
    lex_free(lx);
    return 0;
}
