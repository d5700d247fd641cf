/* entity.c: names, descriptions and pronouns of an article (see entity.h).
 *
 * Passes over the article's tokens, each linear:
 *  1. gazetteer and dictionary names (longest match at each token), the
 *     pronouns, and runs of capitalised words no dictionary knows;
 *  2. the unknown runs typed from their context, or dropped;
 *  3. descriptions: an agent phrase with the name before it;
 *  4. mentions sorted, the per-token index built;
 *  5. names grouped into entities;
 *  6. pronouns and descriptions linked to entities;
 *  7. the public arrays filled. */
#include "entity/entity.h"
#include <stdlib.h>
#include <string.h>

/* LONE_REPEATS: a lone capitalised word no context types is taken for an
 * organisation once the article writes it this often (measured on MEANTIME
 * and Wikigold: 2 gains recall on news, costs precision on Wikipedia). */
enum { MAX_HITS = 16, BACK_SENTENCES = 5, MAX_RUN = 8, LONE_REPEATS = 3 };

/* A set of 32-bit hashes (open addressing, 0 = empty), in the arena. */
typedef struct hset {
    uint32_t *slot;
    uint32_t mask;
} hset;

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 16777619u; }
    return h ? h : 1;
}

static void hset_init(hset *s, arena *a, uint32_t want)
{
    uint32_t cap = 64;
    while (cap < want * 2) cap *= 2;
    s->slot = arena_calloc(a, cap * sizeof *s->slot);
    s->mask = cap - 1;
}

static void hset_add(hset *s, uint32_t h)
{
    uint32_t i = h & s->mask;
    while (s->slot[i] && s->slot[i] != h) i = (i + 1) & s->mask;
    s->slot[i] = h;
}

static int hset_has(const hset *s, uint32_t h)
{
    for (uint32_t i = h & s->mask; s->slot[i]; i = (i + 1) & s->mask)
        if (s->slot[i] == h) return 1;
    return 0;
}

typedef struct build {
    ent_doc *ed;
    arena *a;
    uint32_t cap;              /* mentions allocated */
    uint8_t *file_kind;        /* per lexicon file: ENT_PER/ENT_ORG/ENT_LOC, 0 = judge by code */
    hset capmid;               /* words written capitalised in mid-sentence somewhere */
    char countries[64][4];     /* countries the article names unambiguously */
    int ncountries;
} build;

/* ---- small token helpers ---- */

static const txt_token *tk(const ent_doc *ed, uint32_t t) { return &ed->doc->tok[t]; }
static const char *nm(const ent_doc *ed, uint32_t t) { return txt_norm(ed->doc, t); }
static int is_word(const ent_doc *ed, uint32_t t)
{
    unsigned f = tk(ed, t)->flags;
    return (f & (TXT_WORD | TXT_NUMBER)) && !(f & TXT_POSS);
}
static int is_cap(const ent_doc *ed, uint32_t t) { return is_word(ed, t) && (tk(ed, t)->flags & TXT_CAP); }
static int norm_is(const ent_doc *ed, uint32_t t, const char *w) { return !strcmp(nm(ed, t), w); }
static uint32_t sent_end(const ent_doc *ed, uint32_t s) { return ed->doc->sent[s].tok + ed->doc->sent[s].ntok; }

/* Is t the first word of its sentence or clause-initial after an opening
 * quote or a colon (where every word is capitalised)? */
static int initial(const ent_doc *ed, uint32_t t)
{
    uint32_t s0 = ed->doc->sent[ed->sent[t]].tok;
    for (uint32_t p = t; p > s0; p--) {
        const txt_token *x = tk(ed, p - 1);
        if (x->flags & TXT_OPEN_Q) return 1;
        if (x->flags & (TXT_WORD | TXT_NUMBER)) return 0;
        if (x->norm_len == 1 && (nm(ed, p - 1)[0] == ':' || nm(ed, p - 1)[0] == '-' ||
                                 nm(ed, p - 1)[0] == '(')) return 1;
    }
    return 1;
}

/* The previous/next word token in the same sentence, or UINT32_MAX. */
static uint32_t prev_word(const ent_doc *ed, uint32_t t)
{
    uint32_t s0 = ed->doc->sent[ed->sent[t]].tok;
    while (t > s0) {
        t--;
        if (is_word(ed, t)) return t;
        if (!(tk(ed, t)->flags & TXT_POSS)) return UINT32_MAX;  /* punctuation in between */
    }
    return UINT32_MAX;
}

/* ---- mentions ---- */

static ent_mention *add_mention(build *b, uint32_t tok, uint32_t ntok, int kind)
{
    ent_doc *ed = b->ed;
    ed->m = arena_grow(b->a, ed->m, ed->n, &b->cap, sizeof *ed->m);
    ent_mention *m = &ed->m[ed->n++];
    memset(m, 0, sizeof *m);
    m->tok = tok;
    m->ntok = ntok;
    m->sentence = ed->sent[tok];
    m->kind = (uint8_t)kind;
    m->entity = -1;
    m->phrase = UINT32_MAX;
    m->geo = UINT32_MAX;
    m->quoted = ed->quoted[tok];
    m->holder = "";
    return m;
}

/* ---- dictionary phrases on tokens ---- */

/* What the lexicon has at one token, found in one pass over its candidates. */
typedef struct lex_best {
    const ent_doc *ed;
    uint32_t t, end;           /* where the phrase must start, and the limit */
    uint32_t best[2];          /* longest actor [0] and agent [1] phrase, UINT32_MAX if none */
    uint32_t best_n[2];        /* their lengths in tokens */
    uint32_t best_letters[2];  /* their letters, for ties */
    int common;                /* a one-word verb, agent, noun, adjective or discard matches */
} lex_best;

/* Tokens the phrase covers from t (its words contiguous), 0 if it does not match. */
static uint32_t phrase_len(const ent_doc *ed, const lex_phrase *p, uint32_t t, uint32_t end)
{
    const lexicon *lx = ed->lx;
    uint32_t q = t;
    for (uint32_t k = 0; k < p->n; k++, q++) {
        if (q >= end || !is_word(ed, q)) return 0;
        const lex_elem *e = &lx->elems[p->first + k];
        if (e->kind != LEX_WORD || !lex_word_matches(lx, e, nm(ed, q), tk(ed, q)->norm_len)) return 0;
    }
    return q - t;
}

static void visit_phrase(void *ctx, uint32_t ph)
{
    lex_best *b = ctx;
    const lex_phrase *p = &b->ed->lx->phrases[ph];
    int slot = p->cls == LEX_ACTOR ? 0 : p->cls == LEX_AGENT ? 1 : -1;
    int common = p->n == 1 && p->cls != LEX_ACTOR && p->cls != LEX_TIME;
    if (slot < 0 && (!common || b->common)) return;
    uint32_t n = phrase_len(b->ed, p, b->t, b->end);
    if (!n) return;
    if (common) b->common = 1;
    if (slot < 0) return;
    if (n > b->best_n[slot] || (n == b->best_n[slot] && p->letters > b->best_letters[slot])) {
        b->best[slot] = ph;
        b->best_n[slot] = n;
        b->best_letters[slot] = p->letters;
    }
}

/* Look token t up in the lexicon once (phrases end with its sentence):
 * the agent phrase and the common-word flag are kept per token; returns
 * the longest actor phrase's length (0: none) and the phrase. */
static uint32_t lex_look(const ent_doc *ed, uint32_t t, uint32_t *actor)
{
    *actor = UINT32_MAX;
    if (!ed->lx || !is_word(ed, t)) { ed->common[t] = 0; return 0; }
    lex_best b = {ed, t, sent_end(ed, ed->sent[t]), {UINT32_MAX, UINT32_MAX}, {0, 0}, {0, 0}, 0};
    lex_candidates(ed->lx, nm(ed, t), tk(ed, t)->norm_len, visit_phrase, &b);
    ed->agent[t] = b.best[1];
    ed->agent_n[t] = (uint8_t)(b.best_n[1] < 255 ? b.best_n[1] : 255);
    ed->common[t] = (uint8_t)b.common;
    *actor = b.best[0];
    return b.best_n[0];
}

static const char *phrase_code(const ent_doc *ed, uint32_t ph)
{
    const char *c = lex_str(ed->lx, lex_resolve(ed->lx, &ed->lx->phrases[ph], ed->date));
    /* "---" marks a phrase that is deliberately no actor; "###"/"+++" are coder signals. */
    return (c[0] == '-' || c[0] == '#' || c[0] == '+') ? "" : c;
}

/* The kind of name a dictionary phrase gives. dyad's own files say it by
 * their names; others are judged by the code: dated codes are people's,
 * a bare country code a place, the rest organisations. */
static int phrase_kind(const build *b, uint32_t ph, uint32_t t, uint32_t n)
{
    const ent_doc *ed = b->ed;
    const lex_phrase *p = &ed->lx->phrases[ph];
    int k = p->src.file < ed->lx->nfiles ? b->file_kind[p->src.file] : 0;
    const char *code = phrase_code(ed, ph);
    if (k == ENT_LOC) {
        /* countries.dyad also holds governments by metonym ("Kremlin" RUSGOV)
         * and groups ("the West", "Western countries"): organisations. */
        if (strlen(code) > 3 || !strcmp(code, "WST")) return ENT_ORG;
        for (uint32_t q = t; q < t + n; q++)
            if (!(tk(ed, q)->flags & TXT_CAP) && !norm_is(ed, q, "THE")) return ENT_ORG;
        return ENT_LOC;
    }
    if (k) return k;
    for (uint32_t i = 0; i < p->nchoice; i++) {
        const lex_choice *c = &ed->lx->choices[p->choice0 + i];
        if (c->from != 0 || c->to != 99999999) return ENT_PER;
    }
    if (strlen(code) == 3 && ed->geo && geo_country(ed->geo, code) != UINT32_MAX) return ENT_LOC;
    return ENT_ORG;
}

/* A region-name adjective or demonym among CAMEO's regions ("European",
 * "Middle Eastern"): judged by its ending, as the dictionary has no tag. */
static int adjectival(const char *w, size_t n)
{
    static const char *const ends[] = {"AN", "ERN", "IC", "ISH", "ESE", "I"};
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t l = strlen(ends[k]);
        if (n > l + 2 && !memcmp(w + n - l, ends[k], l)) return 1;
    }
    return 0;
}

/* ---- gazetteer ---- */

static int country_named(const build *b, const char *iso3)
{
    for (int i = 0; i < b->ncountries; i++) if (!strcmp(b->countries[i], iso3)) return 1;
    return 0;
}

/* Is token t a word that says "region" ("Kursk region", "Donetsk oblast")? */
static int region_word(const ent_doc *ed, uint32_t t)
{
    static const char *const w[] = {"REGION", "REGIONS", "OBLAST", "PROVINCE", "GOVERNORATE", "STATE",
                                    "KRAI", "KRAY", "DISTRICT", "PREFECTURE", "COUNTY"};
    if (t >= ed->doc->ntok || !is_word(ed, t)) return 0;
    for (size_t k = 0; k < sizeof w / sizeof *w; k++) if (norm_is(ed, t, w[k])) return 1;
    return 0;
}

/* The best gazetteer name at t, or 0. Local (romanised) region names need
 * their country named in the article or a region word after them. Among
 * entries sharing the name, one whose country the article names wins. */
static uint32_t gaz_at(const build *b, uint32_t t, uint32_t end, geo_hit *best)
{
    const ent_doc *ed = b->ed;
    if (!ed->geo || !is_cap(ed, t)) return 0;
    geo_hit h[MAX_HITS];
    int n = geo_lookup(ed->geo, ed->doc, ed->gid, t, end, h, MAX_HITS);
    int pick = -1;
    for (int i = 0; i < n; i++) {
        const geo_entry *e = &ed->geo->entries[h[i].entry];
        if (h[i].how == GEO_N_LOCAL && !country_named(b, e->country) && !region_word(ed, t + h[i].ntok)) continue;
        if (pick < 0) { pick = i; continue; }
        if (h[i].ntok < h[pick].ntok) break;
        const geo_entry *pe = &ed->geo->entries[h[pick].entry];
        /* A region word after the name asks for the region. */
        if (region_word(ed, t + h[i].ntok) && e->feature == GEO_F_ADM1 && pe->feature != GEO_F_ADM1) pick = i;
        else if (country_named(b, e->country) && !country_named(b, pe->country) && pe->feature != GEO_F_COUNTRY)
            pick = i;
    }
    if (pick < 0) return 0;
    *best = h[pick];
    return h[pick].ntok;
}

/* Countries named unambiguously (one entry for the name), for the choices above. */
static void collect_countries(build *b)
{
    const ent_doc *ed = b->ed;
    if (!ed->geo) return;
    for (uint32_t t = 0; t < ed->doc->ntok; t++) {
        if (!ed->gid[t] || !is_cap(ed, t)) continue;
        geo_hit h[MAX_HITS];
        int n = geo_lookup(ed->geo, ed->doc, ed->gid, t, ed->doc->ntok, h, MAX_HITS);
        if (n < 1 || h[0].how == GEO_N_LOCAL || (n > 1 && h[1].ntok == h[0].ntok)) continue;
        const char *c = ed->geo->entries[h[0].entry].country;
        if (!country_named(b, c) && b->ncountries < 64) memcpy(b->countries[b->ncountries++], c, 4);
    }
}

/* ---- pronouns ---- */

static int pronoun(ent_doc *ed, uint32_t t, int *person, int *plural, int *poss)
{
    static const struct { const char *w; uint8_t person, plural, poss; } pr[] = {
        {"HE", 1, 0, 0}, {"SHE", 1, 0, 0}, {"HIS", 1, 0, 1}, {"HER", 1, 0, 1}, {"HIM", 1, 0, 0},
        {"THEY", 0, 1, 0}, {"THEIR", 0, 1, 1}, {"THEM", 0, 1, 0}, {"IT", 0, 0, 0}, {"ITS", 0, 0, 1},
    };
    if (!is_word(ed, t) || tk(ed, t)->norm_len > 5) return 0;
    for (size_t k = 0; k < sizeof pr / sizeof *pr; k++)
        if (norm_is(ed, t, pr[k].w)) {
            *person = pr[k].person;
            *plural = pr[k].plural;
            *poss = pr[k].poss;
            return 1;
        }
    return 0;
}

/* ---- unknown names ---- */

/* Is the single word at t a common word (a verb, agent, noun or adjective
 * of the dictionaries)? Then capitalised at a sentence start it is no name. */
static int common_word(const ent_doc *ed, uint32_t t)
{
    uint32_t ph;
    if (ed->common[t] == 2) lex_look(ed, t, &ph);
    return ed->common[t] == 1;
}

/* Is t a title standing before a name ("CEO Steve Jobs")? */
static int title_before_name(const ent_doc *ed, uint32_t t, uint32_t end)
{
    return (ent_word_flags(nm(ed, t)) & EW_TITLE) && t + 1 < end && is_cap(ed, t + 1);
}

/* Extend a run of capitalised words from t; returns its length. A title
 * inside ends it ("Apple | CEO Steve Jobs"); "of" goes on after a word
 * that heads organisation or place names, over a known name too
 * ("University of Texas", "Gulf of Aden"). */
static uint32_t cap_run(const ent_doc *ed, uint32_t t, uint32_t end)
{
    uint32_t q = t + 1;
    uint32_t last = t;   /* last capitalised word in the run */
    while (q < end && q - t < MAX_RUN) {
        int free_cap = is_cap(ed, q) && ed->at[q] < 0 && !(ent_word_flags(nm(ed, q)) & EW_STOP);
        if (free_cap && title_before_name(ed, q, end)) break;
        if (free_cap) { last = q++; continue; }
        if (!is_word(ed, q) && !(tk(ed, q)->norm_len == 1 && nm(ed, q)[0] == '&')) break;
        if (ed->at[q] >= 0) break;
        /* particles, "of" and "&" only inside a name: a capital must follow */
        unsigned f = ent_word_flags(nm(ed, q));
        int of = norm_is(ed, q, "OF") && (ent_word_flags(nm(ed, last)) & (EW_ORG_HEAD | EW_LOC_HEAD));
        int amp = nm(ed, q)[0] == '&';
        if (!(f & EW_CONNECT) && !of && !amp) break;
        uint32_t r = q + 1;
        if (of && r + 1 < end && norm_is(ed, r, "THE") && is_cap(ed, r + 1)) r++;
        if (r >= end || !is_cap(ed, r)) break;
        if (ed->at[r] >= 0) {
            /* a known name after "of": the run takes it whole */
            if (!of) break;
            const ent_mention *m = &ed->m[ed->at[r]];
            if (m->tok != r || m->kind == ENT_PRON) break;
            last = r + m->ntok - 1;
            q = last + 1;
            continue;
        }
        q = r;
    }
    return last - t + 1;
}

static int speech_after(const ent_doc *ed, uint32_t t)
{
    static const char *const v[] = {"SAID", "SAYS", "TOLD", "ADDED", "WROTE", "ASKED", "REPLIED", "EXPLAINED"};
    if (t >= ed->doc->ntok) return 0;
    for (size_t k = 0; k < sizeof v / sizeof *v; k++) if (norm_is(ed, t, v[k])) return 1;
    return 0;
}

/* The kind of an unknown run [t, t+n) from its context, 0 when unclear. */
static int type_run(const ent_doc *ed, uint32_t t, uint32_t n)
{
    uint32_t last = t + n - 1;
    unsigned lf = ent_word_flags(nm(ed, last)), ff = ent_word_flags(nm(ed, t));
    uint32_t pw = prev_word(ed, t);
    unsigned pf = pw != UINT32_MAX ? ent_word_flags(nm(ed, pw)) : 0;
    int of_head = 0;
    for (uint32_t q = t + 1; q < last; q++)
        if (norm_is(ed, q, "OF")) of_head = (int)ent_word_flags(nm(ed, q - 1));
    if (n > 1 && (lf & EW_ORG_SUFFIX)) return ENT_ORG;
    if (of_head & EW_ORG_HEAD) return ENT_ORG;
    if (of_head & EW_LOC_HEAD) return ENT_LOC;
    if (n > 1 && ((lf & EW_LOC_SUFFIX) || (ff & EW_LOC_PREFIX))) return ENT_LOC;
    if (pf & EW_TITLE) return ENT_PER;
    if ((ff & EW_GIVEN) && n <= 4) return ENT_PER;
    uint32_t after = last + 1;
    while (after < ed->doc->ntok && (tk(ed, after)->flags & TXT_POSS)) after++;
    int who = after + 1 < ed->doc->ntok && nm(ed, after)[0] == ',' && norm_is(ed, after + 1, "WHO");
    if (n <= 3 && (who || speech_after(ed, after))) return n == 1 && !who ? 0 : ENT_PER;
    if (n == 1 && (tk(ed, t)->flags & TXT_ALLCAPS) && tk(ed, t)->norm_len >= 3 && tk(ed, t)->norm_len <= 6)
        return ENT_ORG;
    if ((pf & EW_LOC_PREP) && n <= 2) return ENT_LOC;
    if (pw != UINT32_MAX && norm_is(ed, pw, "THE")) return ENT_ORG;
    if (n > 3) return ENT_ORG;
    if (n == 1) return 0;
    /* two or three capitalised words: a person's name, unless a word is a
     * common one ("Music Store") or in capitals ("CBS Cable") */
    for (uint32_t q = t; q <= last; q++)
        if (common_word(ed, q) || (tk(ed, q)->flags & TXT_ALLCAPS)) return ENT_ORG;
    return ENT_PER;
}

/* ---- pass 1: names and pronouns ---- */

static void find_names(build *b, uint32_t s)
{
    ent_doc *ed = b->ed;
    uint32_t end = sent_end(ed, s);
    /* A headline in capitals says nothing about names. */
    uint32_t words = 0, caps = 0;
    for (uint32_t t = ed->doc->sent[s].tok; t < end; t++)
        if (is_word(ed, t)) { words++; caps += (tk(ed, t)->flags & TXT_ALLCAPS) != 0; }
    int shouting = words > 3 && caps * 10 >= words * 7;
    /* Known names and pronouns first; they mark their tokens in ed->at so
     * that runs of unknown capitalised words stop at them. */
    for (uint32_t t = ed->doc->sent[s].tok; t < end; t++) {
        if (!is_word(ed, t)) continue;
        int person, plural, poss;
        uint32_t n = 0;
        ent_mention *m = NULL;
        geo_hit gh = {0, 0, 0};
        uint32_t gn, ln, ph = UINT32_MAX;
        if (pronoun(ed, t, &person, &plural, &poss)) {
            m = add_mention(b, t, n = 1, ENT_PRON);
            m->person = (uint8_t)person;
            m->plural = (uint8_t)plural;
            m->possessive = (uint8_t)poss;
        } else if (!(tk(ed, t)->flags & TXT_CAP) && !norm_is(ed, t, "THE") &&
                   (ent_word_flags(nm(ed, t)) & EW_STOP)) {
            /* a lower-case function word starts no name, agent or common word */
            ed->common[t] = 0;
        } else if ((gn = gaz_at(b, t, end, &gh)) | (ln = lex_look(ed, t, &ph))) {
            /* a dictionary name must show a capital */
            int capital = 0;
            for (uint32_t q = t; q < t + ln; q++) capital |= (tk(ed, q)->flags & TXT_CAP) != 0;
            if (!capital) ln = 0;
            int lkind = ln ? phrase_kind(b, ph, t, ln) : 0;
            /* "George Washington", "Mr Chad": a given name or title makes a person */
            uint32_t pw = prev_word(ed, t);
            if ((gn || lkind == ENT_LOC) && lkind != ENT_PER && pw != UINT32_MAX && pw == t - 1 && is_cap(ed, pw) && ed->at[pw] < 0 &&
                (ent_word_flags(nm(ed, pw)) & (EW_GIVEN | EW_TITLE)) && !initial(ed, t))
                gn = ln = 0;
            if (gn && (gn > ln || (gn == ln && lkind != ENT_PER))) {
                m = add_mention(b, t, n = gn, ENT_LOC);
                m->by = ENT_BY_GAZ;
                m->geo = gh.entry;
                m->adjective = gh.how == GEO_N_DEMONYM;
                m->plural = m->adjective && (ed->gid[t + gn - 1] & GEO_PLURAL);
                const char *c = gn == ln ? phrase_code(ed, ph) : "";
                if (gn == ln) m->phrase = ph;
                snprintf(m->code, sizeof m->code, "%s", c[0] ? c : ed->geo->entries[gh.entry].country);
                /* "West Jersey", "Old Goa": a direction word before the name */
                if (!m->adjective && pw != UINT32_MAX && pw == t - 1 && is_cap(ed, pw) && ed->at[pw] < 0 &&
                    (ent_word_flags(nm(ed, pw)) & EW_DIRECTION)) {
                    m->tok--;
                    m->ntok++;
                }
            } else if (ln) {
                m = add_mention(b, t, n = ln, lkind);
                m->by = ENT_BY_DICT;
                m->phrase = ph;
                snprintf(m->code, sizeof m->code, "%s", phrase_code(ed, ph));
                if (lkind == ENT_LOC && ln == 1) m->adjective = (uint8_t)adjectival(nm(ed, t), tk(ed, t)->norm_len);
                /* "the West": the article is not part of the name */
                if (ln > 1 && norm_is(ed, t, "THE")) { m->tok++; m->ntok--; }
            }
        }
        if (!m) continue;
        for (uint32_t q = m->tok; q < t + n; q++) ed->at[q] = (int32_t)(ed->n - 1);
        t += n - 1;
    }
    if (shouting) return;
    for (uint32_t t = ed->doc->sent[s].tok; t < end; t++) {
        if (ed->at[t] >= 0 || !is_cap(ed, t)) continue;
        unsigned f = ent_word_flags(nm(ed, t));
        if (f & (EW_STOP | EW_CONNECT)) continue;
        uint32_t n = cap_run(ed, t, end);
        /* a title announces a name and is not part of it -- unless the run
         * names an organisation or place ("General Motors") */
        if (title_before_name(ed, t, end) &&
            !(ent_word_flags(nm(ed, t + n - 1)) & (EW_ORG_SUFFIX | EW_LOC_SUFFIX)))
            continue;
        /* names of events, prizes and works; product names with digits */
        int skip = 0;
        for (uint32_t q = t; q < t + n; q++) {
            skip |= (ent_word_flags(nm(ed, q)) & EW_MISC) != 0;
            for (const char *c = nm(ed, q); *c && !skip; c++) skip = *c >= '0' && *c <= '9';
        }
        /* a lone initial ("F") is no name */
        if (n == 1 && tk(ed, t)->norm_len <= 2 && !(tk(ed, t)->flags & TXT_ALLCAPS)) skip = 1;
        if (skip) { t += n - 1; continue; }
        /* A lone capitalised word opening a sentence is a name only when the
         * article also writes it capitalised mid-sentence, and it is no
         * common word. */
        if (n == 1 && initial(ed, t) &&
            (!hset_has(&b->capmid, hash_bytes(nm(ed, t), tk(ed, t)->norm_len)) || common_word(ed, t)))
            continue;
        uint32_t t0 = t;
        int kind = 0;
        unsigned lf = ent_word_flags(nm(ed, t + n - 1));
        if (lf & EW_ORG_SUFFIX) {
            /* "Singapore Airlines", "Australian League of Rights", "139th Air
             * Division": the organisation takes the name or ordinal before it */
            kind = ENT_ORG;
            while (t0 > ed->doc->sent[s].tok) {
                uint32_t p = t0 - 1;
                int32_t o = ed->at[p];
                if (o >= 0 && ed->m[o].kind != ENT_PRON && ed->m[o].tok + ed->m[o].ntok == t0 && is_cap(ed, ed->m[o].tok)) {
                    t0 = ed->m[o].tok;
                    continue;
                }
                const char *w = nm(ed, p);
                if (o < 0 && w[0] >= '0' && w[0] <= '9' && is_word(ed, p) && tk(ed, p)->norm_len > 2) { t0 = p; continue; }
                break;
            }
        }
        /* the known names the run took over are gone */
        for (uint32_t q = t0; q < t + n; q++)
            if (ed->at[q] >= 0) { ed->m[ed->at[q]].kind = 0; ed->m[ed->at[q]].by = 0; }
        ent_mention *m = add_mention(b, t0, t + n - t0, kind);
        m->by = ENT_BY_CONTEXT;
        for (uint32_t q = t0; q < t + n; q++) ed->at[q] = (int32_t)(ed->n - 1);
        t += n - 1;
    }
}

static void collect_capmid(build *b)
{
    const ent_doc *ed = b->ed;
    hset_init(&b->capmid, b->a, ed->doc->ntok / 4 + 16);
    for (uint32_t t = 0; t < ed->doc->ntok; t++)
        if (is_cap(ed, t) && !initial(ed, t)) hset_add(&b->capmid, hash_bytes(nm(ed, t), tk(ed, t)->norm_len));
}

/* ---- pass 2: unknown names typed, or dropped ---- */

static void type_unknown(build *b)
{
    ent_doc *ed = b->ed;
    uint32_t k = 0;
    for (uint32_t i = 0; i < ed->n; i++) {
        ent_mention *m = &ed->m[i];
        if (m->by == ENT_BY_CONTEXT && !m->kind) m->kind = (uint8_t)type_run(ed, m->tok, m->ntok);
        m->cued = m->by == ENT_BY_CONTEXT && m->kind;
        if (m->by == ENT_BY_CONTEXT && !m->kind) {
            /* A lone word may still be a surname of a person named before or
             * after ("Minoru" after "Kojima Minoru"): decided when grouping. */
            if (m->ntok != 1) continue;
        }
        ed->m[k++] = *m;
    }
    ed->n = k;
}

/* ---- pass 3: descriptions ---- */

/* Is the agent phrase ph about one person ("leader") or a group ("troops")? */
static void agent_number(const ent_doc *ed, uint32_t t, uint32_t n, ent_mention *d)
{
    uint32_t last = t + n - 1;
    const char *w = nm(ed, last);
    size_t l = tk(ed, last)->norm_len;
    if (ent_word_flags(w) & EW_TITLE) { d->person = 1; return; }
    char tmp[64];
    if (l > 2 && l < sizeof tmp && w[l - 1] == 'S') {
        memcpy(tmp, w, l - 1);
        tmp[l - 1] = 0;
        if (ent_word_flags(tmp) & EW_TITLE) { d->plural = 1; return; }
    }
    d->plural = l > 2 && w[l - 1] == 'S';
}

/* out = a then b, cut to fit cap (an over-long code is cut, never overrun). */
static void cat2(char *out, size_t cap, const char *a, const char *b)
{
    size_t la = strnlen(a, cap - 1), lb = strnlen(b, cap - 1 - la);
    memmove(out, a, la);
    memmove(out + la, b, lb);
    out[la + lb] = 0;
}

/* Does the agent phrase [t, t+n) name a head of state ("leader",
 * "president", "head of state", "king")? */
static int head_of_state(const ent_doc *ed, uint32_t t, uint32_t n)
{
    static const char *const w[] = {"PRESIDENT", "LEADER", "RULER", "STRONGMAN", "DICTATOR", "AUTOCRAT", "KING",
                                    "QUEEN", "EMIR", "SULTAN", "MONARCH", "STATE", NULL};
    const char *last = nm(ed, t + n - 1);
    if (!strcmp(last, "STATE") && (n < 3 || !norm_is(ed, t, "HEAD"))) return 0;
    for (const char *const *p = w; *p; p++) if (!strcmp(last, *p)) return 1;
    return 0;
}

/* Join an owner's code and an agent code ("BLR" + "~GOV" = "BLRGOV";
 * "NGO~" + "SYR" = "NGOSYR"); an agent the owner already has adds nothing. */
static void join_agent(char *out, size_t cap, const char *owner, const char *agent)
{
    size_t al = strlen(agent);
    if (!al || !owner[0]) { cat2(out, cap, owner[0] ? owner : agent, ""); return; }
    int suffix = agent[0] == '~';
    char role[DYAD_CODE_MAX];
    cat2(role, al < sizeof role ? al : sizeof role, suffix ? agent + 1 : agent, "");
    if (!role[0] || (strlen(owner) > 3 && strstr(owner + 3, role))) { cat2(out, cap, owner, ""); return; }
    if (suffix) cat2(out, cap, owner, role);
    else cat2(out, cap, role, owner);
}

static void find_descriptions(build *b)
{
    ent_doc *ed = b->ed;
    uint32_t nnames = ed->n;
    /* names by their last token, to find an agent's owner */
    int32_t *name_end = arena_alloc(b->a, (ed->doc->ntok + 1) * sizeof *name_end);
    for (uint32_t t = 0; t < ed->doc->ntok; t++) name_end[t] = -1;
    int32_t *covered = arena_alloc(b->a, (ed->doc->ntok + 1) * sizeof *covered);
    for (uint32_t t = 0; t < ed->doc->ntok; t++) covered[t] = 0;
    for (uint32_t i = 0; i < nnames; i++) {
        if (ed->m[i].kind == ENT_PRON) continue;
        name_end[ed->m[i].tok + ed->m[i].ntok - 1] = (int32_t)i;
        for (uint32_t q = ed->m[i].tok; q < ed->m[i].tok + ed->m[i].ntok; q++) covered[q] = 1;
    }
    for (uint32_t s = 0; s < ed->doc->nsent; s++) {
        uint32_t end = sent_end(ed, s);
        for (uint32_t t = ed->doc->sent[s].tok; t < end; t++) {
            if (covered[t] || !is_word(ed, t)) continue;
            uint32_t ph;
            if (ed->common[t] == 2) lex_look(ed, t, &ph);
            ph = ed->agent[t];
            uint32_t n = ed->agent_n[t];
            if (!n || t + n > end) continue;
            int clash = 0;
            for (uint32_t q = t; q < t + n; q++) clash |= covered[q];
            if (clash) continue;
            /* the owner: a name right before, maybe with 's and up to two
             * modifiers ("Putin's top military generals") */
            uint32_t start = t;
            int32_t owner = -1;
            uint32_t p = t;
            for (int skip = 0; skip <= 2 && p > ed->doc->sent[s].tok; skip++) {
                uint32_t q = p - 1;
                while (q > ed->doc->sent[s].tok && (tk(ed, q)->flags & TXT_POSS)) q--;
                if (name_end[q] >= 0 && ed->m[name_end[q]].kind != ENT_PRON) { owner = name_end[q]; break; }
                if (!is_word(ed, q) || is_cap(ed, q) || (ent_word_flags(nm(ed, q)) & EW_STOP)) break;
                p = q;
            }
            if (owner >= 0) start = ed->m[owner].tok;
            uint32_t pw = start > ed->doc->sent[s].tok ? start - 1 : UINT32_MAX;
            if (pw != UINT32_MAX && (norm_is(ed, pw, "THE") || norm_is(ed, pw, "A") || norm_is(ed, pw, "AN")))
                start = pw;
            ent_mention d;
            memset(&d, 0, sizeof d);
            agent_number(ed, t, n, &d);
            char owner_code[DYAD_CODE_MAX] = "";
            if (owner >= 0) {
                const ent_mention *o = &ed->m[owner];
                /* a person's agents belong to the person's country */
                snprintf(owner_code, sizeof owner_code, "%.*s", o->kind == ENT_PER ? 3 : (int)sizeof owner_code - 1,
                         o->code);
            }
            char code[DYAD_CODE_MAX];
            join_agent(code, sizeof code, owner_code, phrase_code(ed, ph));
            ent_mention *m = add_mention(b, start, t + n - start, ENT_DESC);
            m->phrase = ph;
            m->person = d.person;
            m->plural = d.plural;
            m->of_person = owner >= 0 && ed->m[owner].kind == ENT_PER;
            m->head_of_state = d.person && head_of_state(ed, t, n);
            snprintf(m->code, sizeof m->code, "%s", code);
            t += n - 1;
        }
    }
}

/* ---- pass 4: order and index ---- */

static int cmp_mention(const void *a, const void *b)
{
    const ent_mention *x = a, *y = b;
    if (x->tok != y->tok) return x->tok < y->tok ? -1 : 1;
    if (x->ntok != y->ntok) return x->ntok > y->ntok ? -1 : 1;
    return 0;
}

static void index_mentions(ent_doc *ed)
{
    if (ed->n) qsort(ed->m, ed->n, sizeof *ed->m, cmp_mention);
    for (uint32_t t = 0; t < ed->doc->ntok; t++) ed->at[t] = -1;
    /* outer first, so inner mentions overwrite the tokens they share */
    for (uint32_t i = 0; i < ed->n; i++)
        for (uint32_t q = ed->m[i].tok; q < ed->m[i].tok + ed->m[i].ntok; q++) ed->at[q] = (int32_t)i;
}

int32_t ent_ending_at(const ent_doc *ed, uint32_t t)
{
    if (t >= ed->doc->ntok) return -1;
    int32_t i = ed->at[t];
    /* the innermost mention covering t may not end there: an outer one may */
    while (i >= 0) {
        const ent_mention *m = &ed->m[i];
        if (m->tok + m->ntok - 1 == t) return i;
        /* look for an enclosing mention that ends at t */
        int32_t j = i - 1;
        while (j >= 0 && !(ed->m[j].tok <= t && ed->m[j].tok + ed->m[j].ntok > t)) j--;
        i = j;
    }
    return -1;
}

/* ---- pass 5: entities ---- */

/* What makes two names one entity. */
typedef struct ent_key {
    uint8_t kind;     /* 1 dictionary group, 2 gazetteer entry, 3 text */
    uint32_t value;   /* phrase group / entry / hash of the words */
} ent_key;

static uint32_t words_hash(const ent_doc *ed, uint32_t t, uint32_t n)
{
    uint32_t h = 2166136261u;
    for (uint32_t q = t; q < t + n; q++) {
        const char *w = nm(ed, q);
        for (size_t i = 0; i < tk(ed, q)->norm_len; i++) { h ^= (unsigned char)w[i]; h *= 16777619u; }
        h ^= ' ';
        h *= 16777619u;
    }
    return h;
}

static ent_key key_of(const ent_doc *ed, const ent_mention *m)
{
    if (m->geo != UINT32_MAX) return (ent_key){2, m->geo};
    if (m->phrase != UINT32_MAX) return (ent_key){1, ed->lx->phrases[m->phrase].parent};
    return (ent_key){3, words_hash(ed, m->tok, m->ntok)};
}

static void group(build *b)
{
    ent_doc *ed = b->ed;
    ent_key *keys = arena_alloc(b->a, (ed->n + 1) * sizeof *keys);
    /* per entity: a person's first and last name, 0 if none */
    uint32_t *first_name = arena_calloc(b->a, (ed->n + 1) * sizeof *first_name);
    uint32_t *last_name = arena_calloc(b->a, (ed->n + 1) * sizeof *last_name);
    /* per entity found by context: votes of its mentions for each kind */
    uint16_t(*votes)[4] = arena_calloc(b->a, (ed->n + 1) * sizeof *votes);
    ed->ents = arena_calloc(b->a, (ed->n + 1) * sizeof *ed->ents);
    ed->nents = 0;
    for (uint32_t i = 0; i < ed->n; i++) {
        ent_mention *m = &ed->m[i];
        if (m->kind == ENT_PRON || m->kind == ENT_DESC) continue;
        ent_key k = key_of(ed, m);
        uint32_t w = words_hash(ed, m->tok + m->ntok - 1, 1);
        int32_t found = -1;
        for (uint32_t e = 0; e < ed->nents && found < 0; e++)
            if (keys[e].kind == k.kind && keys[e].value == k.value) found = (int32_t)e;
        if (found < 0 && m->by == ENT_BY_CONTEXT && m->ntok == 1 && m->kind != ENT_ORG) {
            /* a lone word: the first or last name of a person named before ... */
            for (uint32_t e = 0; e < ed->nents && found < 0; e++)
                if (ed->ents[e].kind == ENT_PER && (last_name[e] == w || first_name[e] == w)) found = (int32_t)e;
            /* ... or after */
            for (uint32_t j = i + 1; j < ed->n && found < 0 && !m->kind; j++) {
                const ent_mention *o = &ed->m[j];
                if (o->kind == ENT_PER && o->ntok > 1 && words_hash(ed, o->tok + o->ntok - 1, 1) == w)
                    m->kind = ENT_PER;
            }
        }
        if (found >= 0 && !m->kind) m->kind = (uint8_t)ed->ents[found].kind;
        if (!m->kind && m->by == ENT_BY_CONTEXT) {
            /* a lone word no context types: an organisation when the
             * article names it again (places and people come with cues) */
            int times = 0;
            for (uint32_t j = 0; j < ed->n && times < LONE_REPEATS; j++)
                times += ed->m[j].by == ENT_BY_CONTEXT && ed->m[j].ntok == 1 && words_hash(ed, ed->m[j].tok, 1) == w;
            if (times >= LONE_REPEATS) m->kind = ENT_ORG;
        }
        if (!m->kind) continue;  /* stays untyped: dropped below */
        if (found < 0) {
            found = (int32_t)ed->nents++;
            keys[found] = k;
            dyad_entity *e = &ed->ents[found];
            e->kind = m->kind;
            e->known = m->by != ENT_BY_CONTEXT;
        }
        if (m->kind == ENT_PER && m->ntok > 1) {
            first_name[found] = words_hash(ed, m->tok, 1);
            last_name[found] = w;
        } else if (m->kind == ENT_PER && !last_name[found]) {
            last_name[found] = w;
        }
        m->entity = found;
        if (m->cued && m->kind < 4) votes[found][m->kind]++;
        dyad_entity *e = &ed->ents[found];
        if (!e->code[0] && m->code[0]) snprintf(e->code, sizeof e->code, "%s", m->code);
    }
    /* an unknown name is one thing throughout: the kind most of its
     * mentions' contexts say (the first kind when none says any) */
    for (uint32_t e = 0; e < ed->nents; e++) {
        if (ed->ents[e].known) continue;
        int best = ed->ents[e].kind;
        for (int k = 1; k < 4; k++) if (votes[e][k] > votes[e][best]) best = k;
        ed->ents[e].kind = best;
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < ed->n; i++) {
        ent_mention *m = &ed->m[i];
        if (!m->kind) continue;
        if (m->entity >= 0 && m->kind != ENT_PRON && m->kind != ENT_DESC) m->kind = (uint8_t)ed->ents[m->entity].kind;
        ed->m[k++] = *m;
    }
    ed->n = k;
}

/* ---- pass 6: pronouns and descriptions ---- */

/* Does mention m (a name, or a resolved reference) stand for a person? */
static int is_person_ref(const ent_doc *ed, const ent_mention *m)
{
    if (m->entity < 0) return 0;
    return ed->ents[m->entity].kind == ENT_PER && (m->kind != ENT_DESC || m->person);
}

/* The antecedent of pronoun i: nearest matching mention before it in its
 * sentence, else the first in each of the sentences before (the topic). */
static int32_t antecedent(const ent_doc *ed, uint32_t i, int want_person)
{
    const ent_mention *p = &ed->m[i];
    uint32_t s = p->sentence;
    for (int32_t j = (int32_t)i - 1; j >= 0; j--) {
        const ent_mention *m = &ed->m[j];
        if (m->sentence + BACK_SENTENCES < s) break;
        if (m->quoted && !p->quoted) continue;
        if (m->kind == ENT_PRON && m->entity < 0) continue;
        int ok = want_person ? is_person_ref(ed, m)
                             : m->entity >= 0 && !m->adjective && ed->ents[m->entity].kind != ENT_PER;
        if (!ok) continue;
        if (m->sentence == s) return m->entity;
        /* an earlier sentence: its first fitting mention */
        int32_t first = j;
        for (int32_t q = j - 1; q >= 0 && ed->m[q].sentence == m->sentence; q--) {
            const ent_mention *o = &ed->m[q];
            if (o->quoted && !p->quoted) continue;
            int ok2 = want_person ? is_person_ref(ed, o)
                                  : o->entity >= 0 && !o->adjective && ed->ents[o->entity].kind != ENT_PER;
            if (ok2) first = q;
        }
        return ed->m[first].entity;
    }
    return -1;
}

/* A person with this actor code in the article: the nearest named before i, else after. */
static int32_t holder(const ent_doc *ed, uint32_t i, const char *code)
{
    int role_only = code[0] == '~';
    size_t cl = strlen(code);
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t k = 0; k < ed->n; k++) {
            uint32_t j = pass == 0 ? i - 1 - k : i + 1 + k;
            if (j >= ed->n) continue;
            const ent_mention *m = &ed->m[j];
            if (m->kind != ENT_PER || m->entity < 0) continue;
            const char *c = ed->ents[m->entity].code;
            size_t l = strlen(c);
            if (role_only ? (l >= cl - 1 && !strcmp(c + l - (cl - 1), code + 1)) : !strcmp(c, code))
                return m->entity;
        }
    }
    return -1;
}

/* The office holder the dictionaries give for a person description the
 * article names no one for: among the people (people.dyad, whose country
 * blocks list heads of state first) whose code on the date is `code`, the
 * only one -- or, for a head of state, the first. "" when they do not tell. */
static const char *dictionary_holder(const build *b, const char *code, int head)
{
    const ent_doc *ed = b->ed;
    const lexicon *lx = ed->lx;
    const char *first = "";
    int found = 0;
    for (uint32_t i = 0; lx && i < lx->nphrases && found < 2; i++) {
        const lex_phrase *p = &lx->phrases[i];
        if (p->cls != LEX_ACTOR || p->parent != i || p->src.file >= lx->nfiles || b->file_kind[p->src.file] != ENT_PER)
            continue;
        if (strcmp(lex_str(lx, lex_resolve(lx, p, ed->date)), code)) continue;
        if (!found++) first = lex_str(lx, p->text);
        if (head) break;
    }
    return found == 1 || (head && found) ? first : "";
}

static void resolve(build *b)
{
    ent_doc *ed = b->ed;
    for (uint32_t i = 0; i < ed->n; i++) {
        ent_mention *m = &ed->m[i];
        if (m->kind == ENT_PRON) m->entity = antecedent(ed, i, m->person);
        else if (m->kind == ENT_DESC && m->person && !m->of_person && m->code[0]) {
            m->entity = holder(ed, i, m->code);
            if (m->entity < 0 && m->code[0] != '~' && ed->date)
                m->holder = dictionary_holder(b, m->code, m->head_of_state);
        }
    }
}

/* ---- pass 7: public arrays ---- */

static void publish(build *b, dyad_result *out)
{
    ent_doc *ed = b->ed;
    const char *text = ed->doc->text;
    dyad_mention *pm = arena_alloc(b->a, (ed->n + 1) * sizeof *pm);
    uint32_t np = 0;
    uint32_t *best = arena_calloc(b->a, (ed->nents + 1) * sizeof *best);  /* longest name so far */
    for (uint32_t e = 0; e < ed->nents; e++) ed->ents[e].name = "";
    for (uint32_t i = 0; i < ed->n; i++) {
        const ent_mention *m = &ed->m[i];
        if (m->kind == ENT_PRON || m->kind == ENT_DESC || m->entity < 0) continue;
        dyad_entity *e = &ed->ents[m->entity];
        uint32_t s = tk(ed, m->tok)->start, t = tk(ed, m->tok + m->ntok - 1)->end;
        if (!e->nmentions) e->first_mention = np;
        e->nmentions++;
        pm[np++] = (dyad_mention){{s, t}, m->sentence, (uint32_t)m->entity, m->kind, m->adjective};
        /* The fullest name is the longest one written; a place named only by
         * its demonym takes the gazetteer's name. */
        if (m->adjective) {
            if (!e->name[0] && m->geo != UINT32_MAX) e->name = ed->geo->entries[m->geo].name;
            else if (!e->name[0]) e->name = arena_strndup(b->a, text + s, t - s);
        } else if (t - s > best[m->entity]) {
            best[m->entity] = t - s;
            e->name = arena_strndup(b->a, text + s, t - s);
        }
    }
    out->mentions = pm;
    out->nmentions = np;
    out->entities = ed->ents;
    out->nentities = ed->nents;
}

const char *ent_code(const ent_doc *ed, uint32_t i)
{
    const ent_mention *m = &ed->m[i];
    if (m->entity >= 0 && ed->ents[m->entity].code[0]) return ed->ents[m->entity].code;
    return m->code;
}

ent_doc *ent_article(const lexicon *lx, const geo_gaz *geo, arena *a, const txt_doc *doc, int date,
                     dyad_result *out)
{
    ent_doc *ed = arena_calloc(a, sizeof *ed);
    ed->doc = doc;
    ed->lx = lx;
    ed->geo = geo;
    ed->date = date;
    uint32_t nt = doc->ntok + 1;
    ed->at = arena_alloc(a, nt * sizeof *ed->at);
    ed->sent = arena_alloc(a, nt * sizeof *ed->sent);
    ed->gid = arena_calloc(a, nt * sizeof *ed->gid);
    ed->quoted = arena_calloc(a, nt);
    ed->agent = arena_alloc(a, nt * sizeof *ed->agent);
    ed->agent_n = arena_calloc(a, nt);
    ed->common = arena_alloc(a, nt);
    memset(ed->common, 2, nt);
    for (uint32_t t = 0; t < doc->ntok; t++) ed->at[t] = -1;
    int depth = 0;
    for (uint32_t s = 0; s < doc->nsent; s++)
        for (uint32_t t = doc->sent[s].tok; t < doc->sent[s].tok + doc->sent[s].ntok; t++) {
            ed->sent[t] = s;
            unsigned f = doc->tok[t].flags;
            if (f & TXT_CLOSE_Q) depth = depth > 0 ? depth - 1 : 0;
            ed->quoted[t] = depth > 0;
            if (f & TXT_OPEN_Q) depth++;
        }
    if (geo) geo_word_ids(geo, doc, ed->gid);
    build b;
    memset(&b, 0, sizeof b);
    b.ed = ed;
    b.a = a;
    b.file_kind = arena_calloc(a, (lx ? lx->nfiles : 0) + 1);
    for (uint32_t i = 0; lx && i < lx->nfiles; i++) {
        const char *slash = strrchr(lx->files[i], '/');
        const char *base = slash ? slash + 1 : lx->files[i];
        b.file_kind[i] = !strcmp(base, "people.dyad") ? ENT_PER
                         : !strcmp(base, "organisations.dyad") ? ENT_ORG
                         : !strcmp(base, "countries.dyad") ? ENT_LOC : 0;
    }
    collect_capmid(&b);
    collect_countries(&b);
    for (uint32_t s = 0; s < doc->nsent; s++) find_names(&b, s);
    type_unknown(&b);
    find_descriptions(&b);
    index_mentions(ed);
    group(&b);
    index_mentions(ed);
    resolve(&b);
    publish(&b, out);
    return ed;
}
