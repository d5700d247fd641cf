/* eval_tabari.c: TABARI's validation suite (Validate.text + Validate.project),
 * run as TABARI's own V)alidate mode does: per-record { OPTION: ... } lines
 * change the options, {+++} {---} {###} records expect no event, and
 * a -{ ... } entry stops the checking: events coded beyond those listed
 * before it are not errors (manual 10.1: it comments out a check, or spares
 * listing every event of a compound). */
#include "eval/eval.h"
#include "code/coder.h"
#include "lexicon/load.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/buf.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


/* Value of "<tag> value" in the project file. */
static int project_field(const char *proj, const char *tag, const char *dir, char *out, size_t cap)
{
    const char *p = strstr(proj, tag);
    if (!p) return -1;
    p += strlen(tag);
    while (*p == ' ' || *p == '\t') p++;
    size_t n = 0;
    while (p[n] && !isspace((unsigned char)p[n])) n++;
    snprintf(out, cap, "%s/%.*s", dir, (int)n, p);
    return 0;
}

/* Parse "{ SRC / TGT / CODE }" into t; returns 0 on success. */
static int parse_eval_event(const char *s, size_t n, eval_event *t)
{
    char tmp[256];
    if (n >= sizeof tmp) return -1;
    memcpy(tmp, s, n);
    tmp[n] = 0;
    char *parts[3];
    int k = 0;
    for (char *save = NULL, *q = strtok_r(tmp, "/", &save); q && k < 3; q = strtok_r(NULL, "/", &save)) parts[k++] = q;
    if (k != 3) return -1;
    char *dst[3] = {t->s, t->t, t->c};
    size_t cap[3] = {sizeof t->s, sizeof t->t, sizeof t->c};
    for (int i = 0; i < 3; i++) {
        char *a = parts[i];
        while (isspace((unsigned char)*a)) a++;
        size_t l = strlen(a);
        while (l && isspace((unsigned char)a[l - 1])) a[--l] = 0;
        snprintf(dst[i], cap[i], "%s", a);
    }
    t->used = 0;
    return 0;
}

typedef struct record {
    eval_record g;          /* the gold events */
    char id[64];
    int date;
    char *text;             /* record text, NUL-terminated (in the file buffer) */
    char options[8][256]; int noptions;
} record;

/* Is line s a record header ("950101  DEMO-01")? */
static int is_header(const char *s)
{
    for (int i = 0; i < 6; i++) if (!isdigit((unsigned char)s[i])) return 0;
    return s[6] == ' ' || s[6] == '\t';
}

/* The next record header line after s, or NULL. */
static char *next_header(char *s)
{
    for (char *l = strchr(s, '\n'); l; l = strchr(l + 1, '\n'))
        if (is_header(l + 1)) return l + 1;
    return NULL;
}

static int tabari_date(const char *s)
{
    int v = atoi(s);
    int yy = v / 10000;
    return v + (yy <= 30 ? 20000000 : 19000000);
}

/* Parse the comment part of a record. */
static void parse_comment(record *r, const char *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (c[i] != '{') continue;
        size_t j = i + 1;
        while (j < n && c[j] != '}') j++;
        /* Some option records never close their brace: take the rest. */
        const char *in = c + i + 1;
        size_t len = j - i - 1;
        while (len && isspace((unsigned char)*in)) { in++; len--; }
        while (len && isspace((unsigned char)in[len - 1])) len--;
        int negated = i > 0 && c[i - 1] == '-';
        if (negated) { r->g.open = 1; i = j; continue; }
        if (len >= 7 && !strncmp(in, "OPTION:", 7)) {
            if (r->noptions < 8) snprintf(r->options[r->noptions++], sizeof r->options[0], "%.*s", (int)(len - 7), in + 7);
        } else if (len == 3 && (!strncmp(in, "+++", 3) || !strncmp(in, "---", 3) || !strncmp(in, "###", 3))) {
            r->g.none = 1;
        } else {
            eval_event t;
            if (!parse_eval_event(in, len, &t) && r->g.nwant < 32) r->g.want[r->g.nwant++] = t;
        }
        i = j;
    }
}

/* Code a record's text as one sentence, as TABARI does. */
static int code_record(const lexicon *lx, const cod_options *o, arena *ar, const char *text, int date, cod_out *out)
{
    txt_doc doc;
    txt_analyse(ar, text, strlen(text), &doc);
    if (!doc.ntok) return 0;
    txt_sentence *one = arena_alloc(ar, sizeof *one);
    one->start = doc.tok[0].start;
    one->end = doc.tok[doc.ntok - 1].end;
    one->tok = 0;
    one->ntok = doc.ntok;
    one->quote_depth = 0;
    doc.sent = one;
    doc.nsent = 1;
    return cod_sentence(lx, o, ar, &doc, 0, date, out);
}

int eval_tabari(const char *dir, const eval_opts *opt, FILE *outf, eval_score *score)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char path[1024];
    snprintf(path, sizeof path, "%s/Validate.project", dir);
    char *proj = eval_slurp(path);
    if (!proj) { fprintf(stderr, "dyad: eval tabari: cannot read %s\n", path); return -1; }
    char actors[1024], verbs[1024], agents[1024], options[1024], textf[1024];
    if (project_field(proj, "<actorsfile>", dir, actors, sizeof actors) ||
        project_field(proj, "<verbsfile>", dir, verbs, sizeof verbs) ||
        project_field(proj, "<textfile>", dir, textf, sizeof textf)) {
        fprintf(stderr, "dyad: eval tabari: %s lacks <actorsfile>, <verbsfile> or <textfile>\n", path);
        free(proj);
        return -1;
    }
    int has_agents = !project_field(proj, "<agentsfile>", dir, agents, sizeof agents);
    int has_options = !project_field(proj, "<optionsfile>", dir, options, sizeof options);
    free(proj);

    lexicon *lx = lex_new();
    lex_load_tabari_actors(lx, actors);
    if (has_agents) lex_load_tabari_agents(lx, agents);
    lex_load_tabari_verbs(lx, verbs);
    lex_compile(lx);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double load_s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (lx->nerrors && opt->verbose) fprintf(outf, "dictionary messages:\n%s", lx->errors.data);
    cod_options o;
    cod_options_default(&o);
    o.minimum_words = 8; /* TABARI's default (manual 8.2.3) */
    if (has_options && cod_options_load(&o, options)) fprintf(stderr, "dyad: eval tabari: cannot read %s\n", options);

    char *text = eval_slurp(textf);
    if (!text) { fprintf(stderr, "dyad: eval tabari: cannot read %s\n", textf); lex_free(lx); return -1; }
    arena ar;
    arena_init(&ar, 1 << 16);
    eval_cats cats = {0};
    memset(score, 0, sizeof *score);
    char *p = text;
    int records = 0, exact = 0;
    cod_out fwd = {0};
    char fwd_story[64] = "";
    long fwd_sent = -10;
    while (*p) {
        /* A header line: six digits, blanks, an id. */
        char *line_end = strchr(p, '\n');
        if (!line_end) line_end = p + strlen(p);
        if (!(line_end - p > 8 && is_header(p))) {
            p = *line_end ? line_end + 1 : line_end;
            continue;
        }
        record r;
        memset(&r, 0, sizeof r);
        r.date = tabari_date(p);
        const char *idp = p + 6;
        while (*idp == ' ' || *idp == '\t') idp++;
        size_t idn = 0;
        while (idp + idn < line_end && !isspace((unsigned char)idp[idn])) idn++;
        snprintf(r.id, sizeof r.id, "%.*s", (int)idn, idp);
        char *body = *line_end ? line_end + 1 : line_end;
        char *open = strstr(body, "/*");
        if (!open) break;
        char *close = strstr(open, "*/");
        if (!close) break;
        /* A comment left unclosed ends where the next record begins. */
        char *next = next_header(open + 2);
        char *end = next && next < close ? next : close;
        *open = 0;
        r.text = body;
        parse_comment(&r, open + 2, (size_t)(end - open - 2));
        p = end == close ? close + 2 : end;
        /* Flatten the text: TABARI reads records as one line; "\n" marks are display only. */
        for (char *q = r.text; *q; q++) if (*q == '\n' || *q == '\r' || *q == '\t') *q = ' ';
        for (int i = 0; i < r.noptions; i++) cod_options_line(&o, r.options[i]);
        if (!strcmp(r.id, "FINAL-01")) break;
        if (opt->only && !strstr(r.id, opt->only)) continue;
        int only_options = r.noptions && !r.g.nwant && !r.g.none && !r.g.open;
        if (only_options) continue;
        if (!r.g.nwant && !r.g.none && !r.g.open) continue; /* nothing to check */
        char cat[32];
        snprintf(cat, sizeof cat, "%.31s", r.id);
        char *dash = strchr(cat, '-');
        if (dash) *dash = 0;
        cod_out out = {0};
        /* Pronoun forwarding joins consecutive sentences of one story:
         * ids "STORY-N" and "STORY-N+1". */
        char story[64];
        long sentno = 0;
        snprintf(story, sizeof story, "%s", r.id);
        char *lastdash = strrchr(story, '-');
        if (lastdash) { sentno = atol(lastdash + 1); *lastdash = 0; }
        if (fwd.nfwd && !strcmp(story, fwd_story) && sentno == fwd_sent + 1) {
            memcpy(out.fwd, fwd.fwd, sizeof out.fwd);
            out.nfwd = fwd.nfwd;
            out.fwd_compound = fwd.fwd_compound;
        }
        arena_reset(&ar);
        buf trace;
        buf_init(&trace);
        o.trace = opt->verbose ? &trace : NULL;
        code_record(lx, &o, &ar, r.text, r.date, &out);
        o.trace = NULL;
        memcpy(fwd.fwd, out.fwd, sizeof fwd.fwd);
        fwd.nfwd = out.nfwd;
        fwd.fwd_compound = out.fwd_compound;
        snprintf(fwd_story, sizeof fwd_story, "%s", story);
        fwd_sent = sentno;
        r.g.id = r.id;
        r.g.text = r.text;
        r.g.category = cat;
        records++;
        eval_score_record(&r.g, out.ev, out.n, out.status, trace.data, &cats, score, &exact, opt->verbose, outf);
        buf_free(&trace);
    }
    eval_report(outf, &cats, score, records, exact, load_s, &t1);
    arena_free(&ar);
    free(text);
    lex_free(lx);
    return 0;
}
