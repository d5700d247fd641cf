/* load_auto.c: pick a dictionary loader from a file's name and content
 * (lex_load_auto), read files whole (lex_read_file), and check a
 * dictionary for `dyad dict check` (lex_check_file). */
#include "lexicon/load.h"
#include "lexicon/load_mem.h"
#include "lexicon/check.h"
#include "lexicon/pico.h"
#include "dyad.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *lex_read_file(const char *path, size_t *len)
{
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *data = malloc(cap);
    if (!data) { fclose(f); return NULL; }
    for (;;) {
        if (cap - n < 2) {
            char *d = realloc(data, cap * 2);
            if (!d) { free(data); fclose(f); return NULL; }
            data = d;
            cap *= 2;
        }
        size_t got = fread(data + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    int err = ferror(f);
    fclose(f);
    if (err) { free(data); return NULL; }
    data[n] = 0;
    *len = n;
    return data;
}

int lex_load_path(lexicon *lx, const char *path, lex_mem_loader fn)
{
    size_t len;
    char *data = lex_read_file(path, &len);
    if (!data) {
        lex_error(lx, (lex_src){lex_file(lx, path), 0}, "cannot read dictionary");
        return -1;
    }
    int n = fn(lx, path, data, len);
    free(data);
    return n;
}

/* ---- format detection ---- */

typedef enum {
    F_UNKNOWN, F_SKIP, F_TAB_ACTORS, F_TAB_AGENTS, F_TAB_VERBS,
    F_PET_ACTORS, F_PET_AGENTS, F_PET_DISCARDS, F_PET_VERBS, F_DYAD, F_PICO,
} format;

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && !strcmp(s + n - k, suf);
}

static format by_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char low[512];
    size_t k = 0;
    for (; base[k] && k < sizeof low - 1; k++) low[k] = (char)tolower((unsigned char)base[k]);
    low[k] = 0;
    if (ends_with(low, ".dyad")) return F_DYAD;
    if (ends_with(low, ".actors")) return F_TAB_ACTORS;
    if (ends_with(low, ".agents")) return F_TAB_AGENTS;
    if (ends_with(low, ".verbs")) return F_TAB_VERBS;
    if (ends_with(low, ".options")) return F_SKIP;
    if (ends_with(low, ".txt")) {
        if (strstr(low, "ontology")) return F_PICO;
        if (strstr(low, "discard")) return F_PET_DISCARDS;
        if (strstr(low, "agent")) return F_PET_AGENTS;
        if (strstr(low, "verb") || strstr(low, "cameo")) return F_PET_VERBS;
        if (strstr(low, "actor")) return F_PET_ACTORS;
    }
    return F_UNKNOWN;
}

/* Guess from the first lines of the text. */
static format by_content(const char *data, size_t len)
{
    int dyad = 0, headers = 0, patterns = 0, tilde = 0, codes = 0, petr = 0, tabari = 0, lines = 0;
    const char *p = data, *end = data + len;
    while (p < end && lines < 4000) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        char line[512];
        size_t n = (size_t)(e - p) < sizeof line - 1 ? (size_t)(e - p) : sizeof line - 1;
        memcpy(line, p, n);
        line[n] = 0;
        p = nl ? nl + 1 : end;
        lines++;
        char *s = line;
        int indented = *s == ' ' || *s == '\t';
        while (*s == ' ' || *s == '\t') s++;
        size_t sl = strlen(s);
        while (sl && isspace((unsigned char)s[sl - 1])) s[--sl] = 0;
        if (!*s || *s == '#') continue;
        if (!strncmp(s, "<!--", 4)) { petr++; continue; }
        if (*s == '[' && s[sl - 1] == ']' && !indented) {
            static const char *secs[] = {"[actors]", "[agents]", "[synsets]", "[verbs]", "[nouns]", "[adjectives]", "[discards]"};
            for (size_t i = 0; i < sizeof secs / sizeof *secs; i++)
                if (!strcmp(s, secs[i])) dyad++;
            continue;
        }
        if (!strncmp(s, "<SYNSETS>", 9) || !strncmp(s, "<NOUN>", 6) || !strncmp(s, "~~FINISH", 8)) tabari++;
        if (!strncmp(s, "---", 3) && strchr(s, '[')) headers++;
        else if (s[0] == '-' && strchr(s, '[')) patterns++;
        if (s[0] == '!' && strchr(s, '=')) petr++;
        const char *b = strchr(s, '[');
        if (b) {
            const char *c = b + 1;
            while (*c == ' ') c++;
            if (*c == '~' || strstr(b, "~]")) tilde++;
            else if (isalpha((unsigned char)*c)) codes++;
        }
        if (strchr(s, '{') && strchr(s, '}') && tilde) petr++;
    }
    if (dyad) return F_DYAD;
    if (headers) return F_PET_VERBS;
    if (patterns) return F_TAB_VERBS;
    if (tilde && tilde >= codes) return petr > tabari ? F_PET_AGENTS : F_TAB_AGENTS;
    if (codes) return petr > tabari ? F_PET_ACTORS : F_TAB_ACTORS;
    return F_UNKNOWN;
}

int lex_load_auto(lexicon *lx, const char *path)
{
    format f = by_name(path);
    if (f == F_SKIP) return 0;   /* .options belong to the coder, not the lexicon */
    if (f == F_UNKNOWN) {
        size_t len;
        char *data = lex_read_file(path, &len);
        if (!data) {
            lex_error(lx, (lex_src){lex_file(lx, path), 0}, "cannot read dictionary");
            return -1;
        }
        f = lex_pico_sniff(data, len) ? F_PICO : by_content(data, len);
        free(data);
        if (f == F_UNKNOWN) {
            lex_error(lx, (lex_src){lex_file(lx, path), 1},
                      "unknown dictionary format: name it *.dyad (dyad), *.actors, *.agents, *.verbs (TABARI) "
                      "or *actors*.txt, *agents*.txt, *discards*.txt, *verbs*.txt, *Ontology*.txt (PETRARCH)");
            return -1;
        }
    }
    switch (f) {
    case F_TAB_ACTORS: return lex_load_tabari_actors(lx, path);
    case F_TAB_AGENTS: return lex_load_tabari_agents(lx, path);
    case F_TAB_VERBS: return lex_load_tabari_verbs(lx, path);
    case F_PET_ACTORS: return lex_load_petrarch_actors(lx, path);
    case F_PET_AGENTS: return lex_load_petrarch_agents(lx, path);
    case F_PET_DISCARDS: return lex_load_petrarch_discards(lx, path);
    case F_PET_VERBS: return lex_load_petrarch_verbs(lx, path);
    case F_DYAD: return lex_load_dyad(lx, path);
    case F_PICO: return lex_load_pico(lx, path);
    default: return 0;
    }
}

/* ---- checking ---- */

typedef struct key { uint64_t h; uint32_t ph; } key;

static int cmp_key(const void *a, const void *b)
{
    const key *x = a, *y = b;
    if (x->h != y->h) return x->h < y->h ? -1 : 1;
    return x->ph < y->ph ? -1 : x->ph > y->ph;
}

static uint64_t phrase_hash(const lexicon *lx, const lex_phrase *p)
{
    uint64_t h = 1469598103934665603ull ^ p->cls;
    for (uint32_t i = 0; i < p->n; i++) {
        const lex_elem *e = &lx->elems[p->first + i];
        uint64_t v = (uint64_t)e->word << 24 | (uint64_t)e->kind << 16 | (uint64_t)e->how << 8 |
                     (uint64_t)(e->flags & LEX_ADJ_NEXT);
        h = (h ^ v) * 1099511628211ull;
    }
    return h;
}

static int same_words(const lexicon *lx, const lex_phrase *a, const lex_phrase *b)
{
    if (a->cls != b->cls || a->n != b->n) return 0;
    for (uint32_t i = 0; i < a->n; i++) {
        const lex_elem *x = &lx->elems[a->first + i], *y = &lx->elems[b->first + i];
        if (x->word != y->word || x->kind != y->kind || x->how != y->how ||
            (x->flags & LEX_ADJ_NEXT) != (y->flags & LEX_ADJ_NEXT))
            return 0;
    }
    return 1;
}

static int same_choices(const lexicon *lx, const lex_phrase *a, const lex_phrase *b)
{
    if (a->nchoice != b->nchoice) return 0;
    for (uint32_t i = 0; i < a->nchoice; i++) {
        const lex_choice *x = &lx->choices[a->choice0 + i], *y = &lx->choices[b->choice0 + i];
        if (x->code != y->code || x->from != y->from || x->to != y->to) return 0;
    }
    return 1;
}

static void codes_text(const lexicon *lx, const lex_phrase *p, char *out, size_t cap)
{
    size_t k = 0;
    out[0] = 0;
    for (uint32_t i = 0; i < p->nchoice && k < cap - 1; i++) {
        int n = snprintf(out + k, cap - k, "%s%s", i ? " " : "", lex_str(lx, lx->choices[p->choice0 + i].code));
        if (n < 0) break;
        k += (size_t)n;
    }
}

static const char *file_of(const lexicon *lx, lex_src s)
{
    return s.file < lx->nfiles ? lx->files[s.file] : "?";
}

static int warn(buf *m, const lexicon *lx, lex_src s, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int warn(buf *m, const lexicon *lx, lex_src s, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    buf_printf(m, "%s:%u: warning: %s\n", file_of(lx, s), s.line, msg);
    return 1;
}

/* Does an actor code start with a 3-letter code (each part of "A/B")? */
static int actor_code_ok(const char *c)
{
    if (!strcmp(c, "---")) return 1;
    for (const char *p = c;;) {
        for (int i = 0; i < 3; i++) if (!isupper((unsigned char)p[i])) return 0;
        p = strchr(p, '/');
        if (!p) return 1;
        p++;
    }
}

static int cameo_ok(const char *c)
{
    size_t n = strlen(c);
    if (n < 2 || n > 4) return 0;
    for (size_t i = 0; i < n; i++) if (!isdigit((unsigned char)c[i])) return 0;
    return dyad_cameo_lookup(c) != NULL;
}

static int code_ok(const lex_code *c)
{
    if (c->flags & (LEX_CODE_DISCARD | LEX_CODE_COMPLEX)) return 1;
    if (!(c->flags & LEX_CODE_NULL) && !cameo_ok(c->code)) return 0;
    if ((c->flags & LEX_CODE_PAIRED) && !cameo_ok(c->pair)) return 0;
    return 1;
}

static void code_str(const lex_code *c, char *out, size_t cap)
{
    if (c->flags & LEX_CODE_NULL) snprintf(out, cap, "---%s%s", (c->flags & LEX_CODE_PAIRED) ? ":" : "", c->pair);
    else if (c->flags & LEX_CODE_PAIRED) snprintf(out, cap, "%s:%s", c->code, c->pair);
    else snprintf(out, cap, "%s", c->code);
}

static int fmt_date(int d, char *out, size_t cap)
{
    return snprintf(out, cap, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
}

static int check_warnings(const lexicon *lx, buf *m)
{
    int nw = 0;
    char a[64], b[64];
    /* The same phrase with different codes. */
    key *keys = malloc((lx->nphrases + 1) * sizeof *keys);
    if (!keys) abort();
    uint32_t nk = 0;
    for (uint32_t i = 0; i < lx->nphrases; i++) {
        const lex_phrase *p = &lx->phrases[i];
        if (p->cls == LEX_ACTOR || p->cls == LEX_AGENT) keys[nk++] = (key){phrase_hash(lx, p), i};
    }
    qsort(keys, nk, sizeof *keys, cmp_key);
    for (uint32_t i = 0; i < nk; i++) {
        for (uint32_t j = i; j-- > 0 && keys[j].h == keys[i].h;) {
            const lex_phrase *x = &lx->phrases[keys[j].ph], *y = &lx->phrases[keys[i].ph];
            if (!same_words(lx, x, y)) continue;
            if (!same_choices(lx, x, y)) {
                char cx[128], cy[128];
                codes_text(lx, x, cx, sizeof cx);
                codes_text(lx, y, cy, sizeof cy);
                nw += warn(m, lx, y->src, "\"%s\" is also at %s:%u (%s) with %s", lex_str(lx, y->text),
                           file_of(lx, x->src), x->src.line, cx, cy);
            }
            break;
        }
    }
    free(keys);
    /* Actor codes and date ranges, once per range of choices. */
    uint8_t *seen = calloc(lx->nchoices + 1, 1);
    if (!seen) abort();
    for (uint32_t i = 0; i < lx->nphrases; i++) {
        const lex_phrase *p = &lx->phrases[i];
        if ((p->cls != LEX_ACTOR && p->cls != LEX_AGENT) || !p->nchoice || p->choice0 >= lx->nchoices) continue;
        if (seen[p->choice0]) continue;
        seen[p->choice0] = 1;
        for (uint32_t k = 0; k < p->nchoice && p->choice0 + k < lx->nchoices; k++) {
            const lex_choice *c = &lx->choices[p->choice0 + k];
            const char *code = lex_str(lx, c->code);
            if (p->cls == LEX_ACTOR && !actor_code_ok(code))
                nw += warn(m, lx, p->src, "actor code %s does not start with a 3-letter code", code);
            if (c->from > c->to) {
                fmt_date(c->from, a, sizeof a);
                fmt_date(c->to, b, sizeof b);
                nw += warn(m, lx, p->src, "date range %s..%s of %s ends before it starts", a, b, code);
            }
            int dated = c->from != 0 || c->to != 99999999;
            for (uint32_t l = 0; dated && l < k; l++) {
                const lex_choice *d = &lx->choices[p->choice0 + l];
                if ((d->from == 0 && d->to == 99999999) || d->code == c->code) continue;
                /* Ranges that share one boundary day, or where one holds the
                 * other (the first listed wins), are written on purpose. */
                int lo = c->from > d->from ? c->from : d->from, hi = c->to < d->to ? c->to : d->to;
                int nested = (c->from >= d->from && c->to <= d->to) || (d->from >= c->from && d->to <= c->to);
                if (lo < hi && !nested) {
                    nw += warn(m, lx, p->src, "date ranges of %s and %s overlap", lex_str(lx, d->code), code);
                    break;
                }
            }
        }
    }
    free(seen);
    /* Event codes. */
    for (uint32_t v = 0; v < lx->nverbs; v++) {
        const lex_verb *vb = &lx->verbs[v];
        if (code_ok(&vb->code)) continue;
        code_str(&vb->code, a, sizeof a);
        nw += warn(m, lx, vb->src, "verb %s has code %s, not a CAMEO code", lex_str(lx, vb->text), a);
    }
    lex_src last = {UINT32_MAX, 0};
    for (uint32_t i = 0; i < lx->npatterns; i++) {
        const lex_pattern *pt = &lx->patterns[i];
        if (code_ok(&pt->code)) continue;
        if (pt->src.file == last.file && pt->src.line == last.line) continue;
        last = pt->src;
        code_str(&pt->code, a, sizeof a);
        nw += warn(m, lx, pt->src, "pattern \"%s\" has code %s, not a CAMEO code", lex_str(lx, pt->text), a);
    }
    return nw;
}

int lex_check_file(const char *path, buf *messages)
{
    lexicon *lx = lex_new();
    int n = lex_load_auto(lx, path);
    lex_compile(lx);
    if (lx->errors.len) buf_add(messages, lx->errors.data, lx->errors.len);
    int nw = n >= 0 ? check_warnings(lx, messages) : 0;
    int ne = (int)lx->nerrors;
    if (n >= 0) buf_printf(messages, "%s: %d entries, %d errors, %d warnings\n", path, n, ne, nw);
    lex_free(lx);
    return n < 0 ? -1 : ne;
}
