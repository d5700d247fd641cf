/* coder.c: one sentence -> events, by a shallow parse and verb patterns.
 *
 * The steps follow TABARI's (manual ch. 5-7), which the suites test:
 * words -> dictionary phrases (longest match) -> nouns from determiners and
 * capitals -> actors with their agents -> compound actors -> pronouns ->
 * comma-delimited clauses dropped -> clauses at conjunctions -> for each
 * clause the first verb whose pattern gives an event with a source and a
 * target. Everything works on word indexes; no allocation per word beyond
 * one arena block per sentence. The sentence's types are in sentence.h;
 * with PETRARCH-2's coding ontology loaded, petr2.c reads verb chains,
 * passives and objects as PETRARCH-2's parse would. */
#include "code/sentence.h"
#include "code/petr2.h"
#include "code/modality.h"
#include "util/buf.h"
#include "util/wordset.h"
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* ---- word stream ---- */

/* The closed-class words the shallow parse needs, and the prepositions
 * (prep: any preposition, not only the ones with a class of their own). */
enum { P = 1 };
static const struct { const char *w; uint16_t cls; uint8_t prep; } closed_words[] = {
    {"THE", CL_DET, 0}, {"A", CL_DET, 0}, {"AN", CL_DET, 0}, {"NEITHER", CL_DET, 0}, {"EITHER", CL_DET, 0},
    {"BOTH", CL_DET, 0}, {"AND", CL_CONJ, 0}, {"BUT", CL_CONJ | CL_BUT, 0}, {"OR", CL_CONJ, 0},
    {"NOR", CL_CONJ, 0}, {"HE", CL_PRON_HE, 0}, {"SHE", CL_PRON_HE, 0}, {"IT", CL_PRON_HE, 0}, {"HIM", CL_PRON_HE, 0},
    {"ITS", CL_PRON_HIS, 0}, {"HIS", CL_PRON_HIS, 0}, {"HER", CL_PRON_HIS, 0}, {"THEY", CL_PRON_THEY, 0},
    {"THEM", CL_PRON_THEY, 0}, {"THEIR", CL_PRON_THEY, 0}, {"WAS", CL_AUX | CL_PASSIVE, 0},
    {"WERE", CL_AUX | CL_PASSIVE, 0}, {"BEEN", CL_AUX | CL_PASSIVE, 0}, {"IS", CL_AUX, 0}, {"ARE", CL_AUX, 0},
    {"BE", CL_AUX, 0}, {"BEING", CL_AUX, 0}, {"BY", CL_BY, P}, {"OF", CL_PREP, P}, {"IN", CL_PREP, P},
    {"FROM", CL_FROM, P}, {"FORMER", CL_FORMER, 0}, {"IF", CL_SUBORD, 0}, {"WHEN", CL_SUBORD, 0},
    {"AFTER", CL_SUBORD, 0}, {"BEFORE", CL_SUBORD, 0}, {"WHILE", CL_SUBORD, 0}, {"ALTHOUGH", CL_SUBORD, 0},
    {"THOUGH", CL_SUBORD, 0}, {"UNLESS", CL_SUBORD, 0}, {"UNTIL", CL_SUBORD, 0}, {"SINCE", CL_SUBORD, 0},
    {"BECAUSE", CL_SUBORD, 0}, {"AS", CL_SUBORD, 0}, {"ONCE", CL_SUBORD, 0}, {"WHETHER", CL_SUBORD, 0},
    {"TO", CL_TO, P}, {"NOT", CL_NOT, 0}, {"N'T", CL_NOT, 0}, {"NEVER", CL_NOT, 0}, {"THAT", CL_THAT, 0},
    {"ON", 0, P}, {"AT", 0, P}, {"FOR", 0, P}, {"WITH", 0, P}, {"INTO", 0, P}, {"ONTO", 0, P}, {"OVER", 0, P},
    {"UNDER", 0, P}, {"ABOUT", 0, P}, {"AGAINST", 0, P}, {"DURING", 0, P}, {"TOWARD", 0, P}, {"TOWARDS", 0, P},
    {"AMONG", 0, P}, {"BETWEEN", 0, P}, {"THROUGH", 0, P}, {"WITHOUT", 0, P}, {"ACROSS", 0, P}, {"NEAR", 0, P},
};
enum { N_CLOSED = sizeof closed_words / sizeof *closed_words };

/* One hash lookup a word instead of a scan of the list: built once. */
static wordset closed_set;
static pthread_once_t closed_once = PTHREAD_ONCE_INIT;

static void build_closed(void)
{
    static const char *words[N_CLOSED];
    for (int i = 0; i < N_CLOSED; i++) words[i] = closed_words[i].w;
    ws_build(&closed_set, words, N_CLOSED);
}

/* The closed-class entry of a normalised word, or -1. */
static int closed_entry(const char *w, uint16_t n)
{
    if (n > 8) return -1;
    pthread_once(&closed_once, build_closed);
    return ws_find(&closed_set, w);
}

/* Are the words so far all capitalised names ("GAZA CITY, Palestinian
 * Territories"), as in a dateline, unlike "He said:"? */
static int all_capitalised(const sent *S)
{
    for (int i = 0; i < S->nw; i++)
        if (S->w[i].type != W_COMMA && !(S->doc->tok[S->w[i].tok].flags & (TXT_CAP | TXT_ALLCAPS))) return 0;
    return 1;
}

static void build_words(sent *S, uint32_t t0, uint32_t nt)
{
    const txt_doc *d = S->doc;
    int letters = 0, caps = 0;
    S->nw = 0;
    for (uint32_t t = t0; t < t0 + nt && S->nw < MAX_WORDS; t++) {
        const txt_token *tk = &d->tok[t];
        const char *norm = d->norm + tk->norm;
        if (tk->flags & TXT_POSS) {
            if (S->nw) S->w[S->nw - 1].poss = 1;
            continue;
        }
        if (tk->flags & (TXT_PUNCT | TXT_QUOTE)) {
            /* "LYON: Interpol has said ...": a dateline, kept out of the
             * clause (see apply_dateline). */
            if (S->lx->npico && norm[0] == ':' && tk->norm_len == 1 && S->nw && S->nw <= 6 && !S->dateline &&
                all_capitalised(S))
                S->dateline = S->nw;
            if (!(norm[0] == ',' || norm[0] == ';') || tk->norm_len != 1) continue;
        }
        cw *x = &S->w[S->nw];
        memset(x, 0, sizeof *x);
        x->tok = t;
        x->w = norm;
        x->n = tk->norm_len;
        /* "GEN." keeps its period for abbreviations; a lone sentence period never arrives here. */
        x->head = NO;
        x->end = NO;
        x->actor = NO;
        x->phrase = UINT32_MAX;
        x->cap = (tk->flags & TXT_CAP) && S->nw > 0;
        if (tk->flags & TXT_WORD) { letters++; if (tk->flags & TXT_ALLCAPS) caps++; }
        int ce = closed_entry(norm, tk->norm_len);
        x->cls = ce < 0 ? 0 : closed_words[ce].cls;
        x->prep = ce < 0 ? 0 : closed_words[ce].prep;
        if (norm[0] == ',' || norm[0] == ';') { x->type = W_COMMA; x->w = ","; x->n = 1; }
        else if (tk->flags & TXT_NUMBER) x->type = W_NUMBER;
        S->nw++;
    }
    S->allcaps = letters > 2 && caps * 10 >= letters * 9;
}

/* ---- which lexicon words can occur in this sentence ---- */

static void ids_add(sent *S, uint32_t id)
{
    uint32_t i = id * 2654435761u & S->ids_mask;
    while (S->ids[i] && S->ids[i] != id) i = (i + 1) & S->ids_mask;
    S->ids[i] = id;
}

static int ids_has(const sent *S, uint32_t id)
{
    uint32_t i = id * 2654435761u & S->ids_mask;
    while (S->ids[i]) {
        if (S->ids[i] == id) return 1;
        i = (i + 1) & S->ids_mask;
    }
    return 0;
}

/* Collect the ids of every prefix of every word (a stem or an exact word,
 * with or without a regular ending, is a prefix of the text word), plus
 * the bases that are not prefixes (ACCUSING -> ACCUSE, CITIES -> CITY).
 * A pattern needing a word outside this set cannot match: most of the
 * thousands of patterns of a common verb are skipped with one lookup. */
static void collect_ids(sent *S, arena *ar)
{
    const strtab *t = &S->lx->str;
    size_t need = 16;
    for (int i = 0; i < S->nw; i++) need += (size_t)S->w[i].n + 2;
    uint32_t cap = 64;
    while (cap < need * 2) cap *= 2;
    S->ids = arena_calloc(ar, cap * sizeof *S->ids);
    S->ids_mask = cap - 1;
    char tmp[128];
    for (int i = 0; i < S->nw; i++) {
        const char *w = S->w[i].w;
        size_t n = S->w[i].n;
        uint32_t h = 2166136261u;
        for (size_t l = 0; l < n; l++) {
            h ^= (unsigned char)w[l];
            h *= 16777619u;
            uint32_t id = strtab_find_h(t, w, l + 1, h);
            if (id) ids_add(S, id);
        }
        if (n > 4 && n < sizeof tmp && !memcmp(w + n - 3, "ING", 3)) {
            memcpy(tmp, w, n - 3);
            tmp[n - 3] = 'E';
            uint32_t id = strtab_find(t, tmp, n - 2);
            if (id) ids_add(S, id);
        }
        if (n > 4 && n < sizeof tmp && (!memcmp(w + n - 3, "IES", 3) || !memcmp(w + n - 3, "IED", 3))) {
            memcpy(tmp, w, n - 3);
            tmp[n - 3] = 'Y';
            uint32_t id = strtab_find(t, tmp, n - 2);
            if (id) ids_add(S, id);
        }
    }
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The verb's patterns (offsets in its patorder range, in priority order)
 * whose key word occurs in the sentence. */
uint32_t cod_candidate_patterns(const sent *S, const lex_verb *v, uint32_t *out, uint32_t max)
{
    const lexicon *lx = S->lx;
    uint32_t n = 0;
    for (uint32_t k = 0; k < v->nkey; k++) {
        const struct lex_key *key = &lx->keys[v->key0 + k];
        if (key->word && !ids_has(S, key->word)) continue;
        for (uint32_t i = 0; i < key->n && n < max; i++) out[n++] = lx->keypos[key->first + i];
    }
    qsort(out, n, sizeof *out, cmp_u32);
    return n;
}

/* Could every literal word of the pattern occur in the sentence? */
static int pattern_possible(const sent *S, const lex_pattern *pt)
{
    const lex_elem *el = &S->lx->elems[pt->first];
    for (uint32_t k = 0; k < pt->n; k++)
        if (el[k].kind == LEX_WORD && !ids_has(S, el[k].word)) return 0;
    return 1;
}

/* ---- dictionary phrases ---- */

typedef struct best_ctx {
    sent *S;
    int i;             /* word where the phrase starts */
    uint32_t best;     /* best phrase so far */
    int best_end;
    uint32_t best_letters;
    int best_rank;
} best_ctx;

static int class_rank(int cls)
{
    switch (cls) {
    case LEX_ACTOR: return 6;
    case LEX_AGENT: return 5;
    case LEX_VERBROOT: return 4;
    case LEX_NOUN: return 3;
    case LEX_ADJECTIVE: return 2;
    default: return 1;
    }
}

/* Does the phrase match from word i? Returns its last word, or NO. A word
 * written with a space before the next allows a few words in between. */
static int phrase_end(const sent *S, const lex_phrase *p, int i)
{
    const lexicon *lx = S->lx;
    int pos = i;
    for (uint32_t k = 0; k < p->n; k++) {
        const lex_elem *e = &lx->elems[p->first + k];
        int adj = k == 0 || (lx->elems[p->first + k - 1].flags & LEX_ADJ_NEXT);
        int lim = adj ? pos : pos + 4;
        int found = NO;
        for (int q = pos; q <= lim && q < S->nw; q++) {
            const cw *x = &S->w[q];
            if (x->type == W_COMMA && !adj) break;
            if (lex_word_matches(lx, e, x->w, x->n)) { found = q; break; }
            /* a possessive ends a name: no gaps across it */
            if (x->poss) break;
        }
        if (found == NO) return NO;
        /* Only the last word may carry a possessive. */
        if (k + 1 < p->n && S->w[found].poss) return NO;
        pos = found + 1;
    }
    return pos - 1;
}

static void visit_phrase(void *ctx, uint32_t ph)
{
    best_ctx *b = ctx;
    const lex_phrase *p = &b->S->lx->phrases[ph];
    int end = phrase_end(b->S, p, b->i);
    if (end == NO) return;
    int rank = class_rank(p->cls);
    /* Longest first (letters, then words); ties go to actors, then agents, verbs... */
    if (b->best == UINT32_MAX || p->letters > b->best_letters ||
        (p->letters == b->best_letters && (end > b->best_end || (end == b->best_end && rank > b->best_rank))) ||
        (b->S->lx->later_wins && p->letters == b->best_letters && end == b->best_end && rank == b->best_rank &&
         p->cls == LEX_ACTOR && ph > b->best)) {
        b->best = ph;
        b->best_end = end;
        b->best_letters = p->letters;
        b->best_rank = rank;
    }
}


static void classify(sent *S)
{
    const lexicon *lx = S->lx;
    for (int i = 0; i < S->nw; i++) {
        cw *x = &S->w[i];
        if (x->type == W_COMMA || x->type == W_NUMBER) continue;
        best_ctx b = {S, i, UINT32_MAX, NO, 0, 0};
        lex_candidates(lx, x->w, x->n, visit_phrase, &b);
        if (b.best != UINT32_MAX) {
            const lex_phrase *p = &lx->phrases[b.best];
            int type = W_NULL;
            switch (p->cls) {
            case LEX_ACTOR: type = W_ACTOR; break;
            case LEX_AGENT: type = W_AGENT; break;
            case LEX_VERBROOT: type = W_VERB; break;
            case LEX_NOUN: type = W_NOUN; break;
            case LEX_ADJECTIVE: type = W_ADJ; break;
            case LEX_TIME: {
                /* Time phrases may carry the special codes too (TABARI 10.5). */
                const char *c = p->nchoice ? lex_str(lx, lx->choices[p->choice0].code) : "";
                if (!strcmp(c, "###")) S->discard = 1;
                else if (!strcmp(c, "+++")) S->complex = 1;
                type = W_TIME;
                break;
            }
            case LEX_DISCARD:
                S->discard = 1;
                type = W_NOUN;
                if (S->o->trace) buf_printf(S->o->trace, "discard phrase %s\n", lex_str(lx, p->text));
                break;
            }
            if (type == W_ACTOR) {
                uint32_t code = lex_resolve(lx, p, S->date);
                const char *c = lex_str(lx, code);
                if (!strcmp(c, "###")) S->discard = 1;
                if (S->o->trace && (c[0] == '#' || c[0] == '+'))
                    buf_printf(S->o->trace, "special code %s from %s\n", c, lex_str(lx, p->text));
                else if (!strcmp(c, "+++")) S->complex = 1;
                if (!code || c[0] == '-' || c[0] == '#' || c[0] == '+') type = W_NOUN;
            } else if (type == W_VERB) {
                const lex_verb *v = &lx->verbs[p->verb];
                /* A null-coded root with no patterns is no verb at all. */
                if ((v->code.flags & LEX_CODE_NULL) && !v->npat) type = W_NOUN;
            }
            /* Closed-class words are only taken by a phrase of two words or more. */
            if (b.best_end == i && (x->cls & (CL_DET | CL_CONJ))) goto closed;
            x->type = (uint8_t)type;
            x->phrase = b.best;
            x->end = (int16_t)b.best_end;
            for (int k = i; k <= b.best_end; k++) S->w[k].head = (int16_t)i;
            i = b.best_end;
            continue;
        }
    closed:
        if (x->cls & CL_DET) x->type = W_DETERM;
        else if (x->cls & CL_CONJ) x->type = W_CONJ;
        else if (x->cls & (CL_PRON_HE | CL_PRON_HIS | CL_PRON_THEY)) x->type = W_PRON;
        else if (x->cls & CL_AUX) x->type = W_AUX;
        else if (x->cls & CL_BY) x->type = W_BY;
        else if ((x->cls & CL_PREP) || ((x->cls & CL_FROM) && (S->o->loose_agents || lx->npico))) x->type = W_PREP;
    }
    /* Verbs used as nouns: after a determiner, capitalised mid-sentence, or
     * possessive ("donate's"). Only real verbs then carry their special codes. */
    for (int i = 0; i < S->nw; i++) {
        cw *x = &S->w[i];
        if (x->type != W_VERB || (x->head != NO && x->head != i)) continue;
        int after_det = i > 0 && S->w[i - 1].type == W_DETERM;
        if (after_det || (x->cap && !S->allcaps) || S->w[x->end].poss) { x->type = W_NOUN; continue; }
        const lex_verb *v = &lx->verbs[lx->phrases[x->phrase].verb];
        if (v->code.flags & LEX_CODE_DISCARD) S->discard = 1;
        if (v->code.flags & LEX_CODE_COMPLEX) S->complex = 1;
        if (S->o->trace && (v->code.flags & (LEX_CODE_DISCARD | LEX_CODE_COMPLEX)))
            buf_printf(S->o->trace, "special verb %s\n", lex_str(lx, v->text));
    }
}

/* ---- actors ---- */

static void add_code(cactor *a, const char *code)
{
    for (int i = 0; i < a->ncodes; i++) if (!strcmp(a->codes[i], code)) return;
    if (a->ncodes < MAX_CODES) snprintf(a->codes[a->ncodes++], DYAD_CODE_MAX, "%s", code);
}

/* Expand "GME/GMW" coded compounds into separate codes. */
static void set_codes(cactor *a, const char *code)
{
    a->ncodes = 0;
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", code);
    for (char *save = NULL, *t = strtok_r(tmp, "/", &save); t; t = strtok_r(NULL, "/", &save)) add_code(a, t);
}

/* out = a followed by b, cut to cap - 1 bytes (codes longer than that are
 * not meaningful, and a cut is better than an overflow). */
static void join_codes(char *out, size_t cap, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > cap - 1) la = cap - 1;
    if (lb > cap - 1 - la) lb = cap - 1 - la;
    memmove(out, a, la);
    memmove(out + la, b, lb);
    out[la + lb] = 0;
}

/* Combine an agent code ("~GOV" or "NGO~") with an actor code, skipping an
 * agent already present on a 3-character boundary. */
static void combine(char *out, size_t cap, const char *actor, const char *agent)
{
    size_t al = strlen(agent);
    int suffix = agent[0] == '~';
    char core[DYAD_CODE_MAX];
    snprintf(core, sizeof core, "%.*s", (int)(al - 1), suffix ? agent + 1 : agent);
    size_t cl = strlen(core), l = strlen(actor);
    for (size_t k = 0; cl && k + cl <= l; k += 3)
        if (!memcmp(actor + k, core, cl)) { join_codes(out, cap, actor, ""); return; }
    if (suffix) join_codes(out, cap, actor, core);
    else join_codes(out, cap, core, actor);
}

static const char *phrase_code(const sent *S, int word)
{
    const lex_phrase *p = &S->lx->phrases[S->w[word].phrase];
    return lex_str(S->lx, lex_resolve(S->lx, p, S->date));
}

static int is_former(const sent *S, int word)
{
    return word > 0 && (S->w[word - 1].cls & CL_FORMER);
}

/* Add the agent's code to the actor's. "Former" before the actor or the
 * agent makes the agent an elite (CAMEO's ELI), as TABARI does. */
/* An agent phrase that covers exactly words i..end ("SENATE" is an actor
 * in Phoenix, and an agent too): its phrase index, or UINT32_MAX. */
typedef struct agent_ctx { sent *S; int i, end; uint32_t found; } agent_ctx;

static void visit_agent(void *ctx, uint32_t ph)
{
    agent_ctx *c = ctx;
    const lex_phrase *p = &c->S->lx->phrases[ph];
    if (p->cls == LEX_AGENT && c->found == UINT32_MAX && phrase_end(c->S, p, c->i) == c->end) c->found = ph;
}

static uint32_t agent_reading(sent *S, int i, int end)
{
    agent_ctx c = {S, i, end, UINT32_MAX};
    lex_candidates(S->lx, S->w[i].w, S->w[i].n, visit_agent, &c);
    return c.found;
}

static void apply_agent(sent *S, cactor *a, int agent_word)
{
    const char *ag = phrase_code(S, agent_word);
    if (!ag[0] || !strchr(ag, '~')) return;
    if (is_former(S, agent_word) || is_former(S, a->core)) ag = "~ELI";
    for (int i = 0; i < a->ncodes; i++) {
        char out[DYAD_CODE_MAX];
        combine(out, sizeof out, a->codes[i], ag);
        snprintf(a->codes[i], DYAD_CODE_MAX, "%s", out);
    }
}

static void find_actors(sent *S)
{
    S->na = 0;
    for (int i = 0; i < S->nw && S->na < MAX_ACTORS; i++) {
        cw *x = &S->w[i];
        if (S->w[i].head != NO && S->w[i].head != i) continue;
        int agent_alone = x->type == W_AGENT;
        if (x->type != W_ACTOR && !agent_alone) continue;
        cactor *a = &S->a[S->na];
        memset(a, 0, sizeof *a);
        a->group = NO;
        a->lead_agent = NO;
        a->start = (int16_t)i;
        a->end = (int16_t)word_end(S, i);
        if (x->type == W_ACTOR) {
            a->core = (int16_t)i;
            set_codes(a, phrase_code(S, i));
            /* Agent before: "PRESIDENT PERES" / "ISRAELI PRESIDENT" handled below. */
            int j = a->end + 1;
            /* Agents after: "Osgiliath soldiers", "Ithilen's president", skipping
             * adjectives, and after a possessive a couple of unknown words too
             * ("Dagolath's first deputy prime minister"). */
            int loose = S->w[a->end].poss && S->o->loose_agents ? 2 : 0;
            while (j < S->nw && (S->w[j].type == W_ADJ || (S->w[j].cls & CL_FORMER) ||
                                 (loose && S->w[j].type == W_NULL && !S->w[j].cls))) {
                if (S->w[j].type == W_NULL) loose--;
                j++;
            }
            /* PETRARCH-2: "Rwanda's Senate" is Rwanda's legislature, though
             * SENATE alone is an actor (the US one). */
            if (S->lx->npico && S->w[a->end].poss && j < S->nw && S->w[j].type == W_ACTOR &&
                (S->w[j].head == NO || S->w[j].head == j)) {
                uint32_t ag = agent_reading(S, j, word_end(S, j));
                if (ag != UINT32_MAX) { S->w[j].type = W_AGENT; S->w[j].phrase = ag; }
            }
            if (j < S->nw && S->w[j].type == W_AGENT && (S->w[j].head == NO || S->w[j].head == j)) {
                int k = word_end(S, j) + 1;
                /* (PETRARCH-2 keeps the first actor of the noun phrase.) */
                if (k < S->nw && S->w[k].type == W_ACTOR && (S->w[k].head == NO || S->w[k].head == k) &&
                    S->o->name_wins && !S->lx->npico) {
                    /* "Russian President Alexander Lukashenko": the named person
                     * is the actor; the adjective before the title is only a
                     * description, and may even be wrong. */
                    a->core = (int16_t)k;
                    set_codes(a, phrase_code(S, k));
                    if (strlen(a->codes[0]) <= 3) apply_agent(S, a, j);
                    a->end = (int16_t)word_end(S, k);
                } else {
                    apply_agent(S, a, j);
                    a->end = (int16_t)word_end(S, j);
                }
            }
        } else {
            /* An agent: attach to a following actor ("PRESIDENT PERES"), or
             * "AGENT OF/IN ACTOR"; otherwise it stands alone. */
            int j = a->end + 1;
            while (j < S->nw && (S->w[j].type == W_ADJ || S->w[j].type == W_DETERM)) j++;
            /* PETRARCH-2 reads the noun phrase to its "of": "an Islamic State
             * target southwest of Baghdad" is Iraq's. */
            if (S->lx->npico) {
                int k = j;
                while (k < S->nw && k < j + 3 && !S->w[k].prep && !S->w[k].cls && !S->w[k].poss &&
                       (S->w[k].type == W_NULL || S->w[k].type == W_NOUN ||
                        (S->w[k].type == W_VERB && S->w[k].n > 3 && memcmp(S->w[k].w + S->w[k].n - 2, "ED", 2) &&
                         memcmp(S->w[k].w + S->w[k].n - 3, "ING", 3))))
                    k++;
                if (k > j && k < S->nw && S->w[k].n == 2 && !memcmp(S->w[k].w, "OF", 2)) j = k;
            }
            int via_prep = 0;
            if (j < S->nw && S->w[j].type == W_PREP) {
                via_prep = 1;
                j++;
                while (j < S->nw && S->w[j].type == W_DETERM) j++;
                /* PETRARCH-2 reads the whole noun phrase: "the mayor of the
                 * northern West Bank city" is the West Bank's. */
                if (S->lx->npico) {
                    int k = j;
                    while (k < S->nw && k < j + 2 && S->w[k].type == W_NULL && !S->w[k].cls && !S->w[k].cap) k++;
                    if (k < S->nw && S->w[k].type == W_ACTOR) j = k;
                }
            }
            if (j < S->nw && S->w[j].type == W_ACTOR && (S->w[j].head == NO || S->w[j].head == j)) {
                a->core = (int16_t)j;
                set_codes(a, phrase_code(S, j));
                apply_agent(S, a, i);
                a->end = (int16_t)word_end(S, j);
                if (via_prep) a->lead_agent = (int16_t)i;
            } else if (!S->o->require_dyad || S->o->anonymous_agents) {
                /* PETRARCH's anonymous agent: "a senior official" -> "---GOV". */
                a->core = (int16_t)i;
                const char *ag = phrase_code(S, i);
                char anon[DYAD_CODE_MAX];
                if (ag[0] == '~') join_codes(anon, sizeof anon, "---", ag + 1);
                else join_codes(anon, sizeof anon, ag, "");
                char *tilde = strchr(anon, '~');
                if (tilde) memmove(tilde, "---", 4);
                set_codes(a, anon);
            } else if (S->o->convert_agents) {
                /* TABARI keeps the agent code, connector and all ("~MIL"), so a
                 * later pass can add the country when it becomes known. */
                a->core = (int16_t)i;
                set_codes(a, phrase_code(S, i));
            } else continue;
        }
        for (int k = a->start; k <= a->end; k++) S->w[k].actor = NO;
        S->w[a->start].actor = (int16_t)S->na;
        i = a->end;
        S->na++;
        /* "Danish media and government": a second agent joined by "and" is
         * the same actor's too; the two units then form a compound. */
        int actor_word = a->core;
        if (S->o->distribute_agents && x->type == W_ACTOR && a->end > actor_word && S->na < MAX_ACTORS) {
            int c = a->end + 1;
            if (c + 1 < S->nw && S->w[c].type == W_CONJ && !(S->w[c].cls & CL_BUT) && S->w[c + 1].type == W_AGENT &&
                (S->w[c + 1].head == NO || S->w[c + 1].head == c + 1)) {
                int g = c + 1, ge = word_end(S, g);
                if (ge + 1 >= S->nw || S->w[ge + 1].type != W_ACTOR) {
                    cactor *b = &S->a[S->na];
                    memset(b, 0, sizeof *b);
                    b->group = NO;
                    b->lead_agent = NO;
                    b->start = (int16_t)g;
                    b->end = (int16_t)ge;
                    b->core = (int16_t)actor_word;
                    set_codes(b, phrase_code(S, actor_word));
                    apply_agent(S, b, g);
                    S->w[g].actor = (int16_t)S->na;
                    S->na++;
                    i = ge;
                }
            }
        }
    }
}

/* Words that may stand between members of a compound: determiners, adjectives. */
/* Words that may stand before a member of a compound: determiners and
 * adjectives; in news mode also lower-case words the dictionaries do not
 * know ("and the neighbouring Ukraine"). */
static int np_filler(const sent *S, const cw *x)
{
    if (x->type == W_DETERM || x->type == W_ADJ) return 1;
    return S->o->loose_agents && x->type == W_NULL && !x->cls && !x->cap && x->n > 2 && x->w[0] >= 'A' &&
           x->w[0] <= 'Z';
}

/* How actor m joins actor m+1 in a list: 0 not at all, 1 by a comma,
 * 2 by a conjunction (after a comma or not), with only np fillers around. */
static int join_kind(const sent *S, int m)
{
    int j = S->a[m].end + 1;
    int comma = 0, conj = 0;
    while (j < S->a[m + 1].start) {
        const cw *x = &S->w[j];
        if (x->type == W_COMMA && !comma && !conj) comma = 1;
        else if (x->type == W_CONJ && !conj && !(x->cls & CL_BUT) &&
                 /* "awful and evil": an adjective compound, not a list of actors */
                 !(j > 0 && S->w[j - 1].type == W_ADJ && j + 1 < S->nw && S->w[j + 1].type == W_ADJ))
            conj = 1;
        else if (!np_filler(S, x)) break;
        j++;
    }
    if (j != S->a[m + 1].start) return 0;
    return conj ? 2 : comma;
}

/* PETRARCH-2 parses "GAZA CITY, Palestinian Territories: Four children
 * and a man were killed" as one noun phrase: the dateline is no subject,
 * but its places are the country of an agent-only subject after it, and a
 * plain "man" (PPL) beside other agents adds nothing. */
static void apply_dateline(sent *S)
{
    char codes[MAX_CODES][DYAD_CODE_MAX];
    int n = 0;
    for (int i = 0; i < S->na; i++)
        if (S->a[i].start < S->dateline && !S->a[i].pronoun)
            for (int c = 0; c < S->a[i].ncodes && n < MAX_CODES; c++) snprintf(codes[n++], DYAD_CODE_MAX, "%s", S->a[i].codes[c]);
    for (int w = 0; w < S->dateline && w < S->nw; w++) S->w[w].dropped = 1;
    if (!n) return;
    int others = 0;
    for (int i = 0; i < S->na; i++) {
        const cactor *a = &S->a[i];
        if (a->start < S->dateline) continue;
        if (S->w[a->start].type == W_VERB) break;
        if (a->ncodes && !strncmp(a->codes[0], "---", 3) && strcmp(a->codes[0] + 3, "PPL")) others = 1;
    }
    for (int w = S->dateline; w < S->nw && S->w[w].type != W_VERB; w++) {
        if (S->w[w].actor == NO) continue;
        cactor *a = &S->a[S->w[w].actor];
        if (!a->ncodes || strncmp(a->codes[0], "---", 3)) break;   /* the subject has its own country */
        char agent[DYAD_CODE_MAX];
        snprintf(agent, sizeof agent, "%s", a->codes[0] + 3);
        a->ncodes = 0;
        if (others && !strcmp(agent, "PPL")) continue;
        for (int c = 0; c < n; c++) {
            char out[DYAD_CODE_MAX];
            join_codes(out, sizeof out, codes[c], agent);
            add_code(a, out);
        }
    }
}

/* "US and British activists": bare actors listed before an actor with
 * an agent share that agent (PETRARCH-2 reads one noun phrase). */
static void share_agents(sent *S)
{
    for (int k = 0; k < S->na; k++) {
        cactor *last = &S->a[k];
        if (last->group == NO || last->end <= last->core || last->lead_agent != NO) continue;
        if (k + 1 < S->na && S->a[k + 1].group == last->group) continue;   /* not the last member */
        int agent = last->end;
        while (agent > last->core && S->w[agent].type != W_AGENT) agent--;
        if (agent == last->core) continue;
        for (int i = 0; i < k; i++) {
            cactor *a = &S->a[i];
            if (a->group != last->group || a->end != a->core || a->pronoun) continue;
            apply_agent(S, a, S->w[agent].head != NO ? S->w[agent].head : agent);
        }
    }
}

/* PETRARCH-2 works on CoreNLP's tokens, which keep hyphenated words
 * whole: "Qaeda-linked" is no verb, "government-held" no agent and
 * "pro-Russia" no actor, unless the dictionary phrase covers the hyphen
 * ("al-Shabab"). */
static void unglue_hyphenated(sent *S)
{
    const txt_token *tok = S->doc->tok;
    for (int i = 0; i < S->nw; i++) {
        cw *x = &S->w[i];
        if (x->head != NO && x->head != i) continue;
        if (x->type != W_ACTOR && x->type != W_AGENT && x->type != W_VERB) continue;
        int e = word_end(S, i);
        int glued_before = (tok[x->tok].flags & TXT_HYPHEN) != 0;
        int glued_after = e + 1 < S->nw && (tok[S->w[e + 1].tok].flags & TXT_HYPHEN);
        if (glued_before || glued_after) x->type = W_NULL;
    }
}

static void find_compounds(sent *S)
{
    for (int k = 0; k + 1 < S->na; k++) {
        /* Grow a list k, k+1, ... joined by "," or "AND"/"OR"; the last join must be a conjunction. */
        int last = k, saw_conj = 0;
        int m = k;
        while (m + 1 < S->na) {
            int kind = join_kind(S, m);
            if (!kind) break;
            m++;
            if (kind == 2) {
                saw_conj = 1;
                /* "... and the evil Arnor awful Gondor": members joined by nothing but adjectives. */
                while (m + 1 < S->na) {
                    int q = S->a[m].end + 1;
                    while (q < S->a[m + 1].start && np_filler(S, &S->w[q])) q++;
                    if (q != S->a[m + 1].start || q == S->a[m].end + 1) break;
                    m++;
                }
                last = m;
                /* TABARI: "between A and B, and C and D" is one list (pairs
                 * joined by a conjunction; "A and B, and C the chief" is not). */
                if (!S->o->chain_compounds || m + 2 >= S->na || join_kind(S, m) != 2 || join_kind(S, m + 1) != 2)
                    break;
                m++; /* C; the loop joins D */
            }
        }
        if (!saw_conj) continue;
        /* A group is named by its first member's first word: stable under re-sorting. */
        for (int i = k; i <= last; i++) S->a[i].group = S->a[k].start;
        for (int j = S->a[k].start; j <= S->a[last].end; j++)
            if (S->w[j].type == W_CONJ || S->w[j].type == W_COMMA) S->w[j].protect = 1;
        /* "Soldiers from Gondor and Rohan": the agent belongs to every member
         * (TABARI keeps it on the first only). */
        if (S->o->distribute_agents && S->a[k].lead_agent != NO)
            for (int i = k + 1; i <= last; i++)
                if (S->a[i].lead_agent == NO && S->a[i].core == S->a[i].start) {
                    int before = S->a[i].ncodes ? (int)strlen(S->a[i].codes[0]) : 0;
                    apply_agent(S, &S->a[i], S->a[k].lead_agent);
                    if (S->a[i].ncodes && (int)strlen(S->a[i].codes[0]) != before) S->a[i].lead_agent = S->a[k].lead_agent;
                }
        k = last;
    }
    /* Compound noun and adjective phrases also keep their conjunctions. */
    for (int i = 1; i + 1 < S->nw; i++) {
        cw *x = &S->w[i];
        if (x->type != W_CONJ || x->protect) continue;
        const cw *p = &S->w[i - 1];
        int j = i + 1;
        while (j < S->nw && S->w[j].type == W_ADJ) j++;
        if (j >= S->nw) continue;
        int pt = S->w[p->head != NO ? p->head : i - 1].type;
        if ((pt == W_NOUN && S->w[j].type == W_NOUN) || (pt == W_ADJ && S->w[i + 1].type == W_ADJ))
            x->protect = 1;
    }
}

/* A pronoun before any actor takes the previous sentence's subject. */
static int forward_pronoun(sent *S, int i, const cod_out *ctx)
{
    cw *x = &S->w[i];
    if (!S->o->forward || !ctx || !ctx->nfwd) return 0;
    if (S->na && S->a[0].start < i) return 0;
    int plural = (x->cls & CL_PRON_THEY) != 0;
    if (plural != ctx->fwd_compound && !S->o->forward_root) return 0;
    cactor *a = &S->a[S->na];
    memset(a, 0, sizeof *a);
    a->start = a->end = a->core = (int16_t)i;
    a->group = NO;
    a->pronoun = 1;
    for (int c = 0; c < ctx->nfwd; c++) add_code(a, ctx->fwd[c]);
    x->actor = (int16_t)S->na++;
    return 1;
}

/* An actor a pronoun may refer to: TABARI does not look inside an
 * eliminated comma clause (suite record COMMA-02C). */
static int antecedent_ok(const sent *S, int k)
{
    /* (A dateline is never an antecedent.) */
    return !((S->o->pronoun_skip_dropped || S->a[k].start < S->dateline) && S->w[S->a[k].start].dropped);
}

/* Pronouns become actors copying their antecedent's codes (TABARI's rules). */
static void resolve_pronouns(sent *S, const cod_out *ctx)
{
    int n0 = S->na;
    for (int i = 0; i < S->nw && S->na < MAX_ACTORS; i++) {
        cw *x = &S->w[i];
        if (x->type == W_PRON && forward_pronoun(S, i, ctx)) continue;
        if (x->type != W_PRON || !n0) continue;
        int ante = NO, first = NO;
        for (int k = 0; k < n0 && first == NO; k++) if (antecedent_ok(S, k)) first = k;
        if (x->cls & CL_PRON_HE) ante = first;
        else if (x->cls & CL_PRON_HIS) {
            /* first actor prior: the earliest one */
            for (int k = 0; k < n0; k++) if (S->a[k].end < i && antecedent_ok(S, k)) { ante = k; break; }
        } else {
            for (int k = 0; k < n0 && ante == NO; k++) if (S->a[k].group != NO && antecedent_ok(S, k)) ante = k;
            if (ante == NO) ante = first;
        }
        if (ante == NO || S->a[ante].start == i) continue;
        /* HE/SHE/IT refer back: an antecedent after the pronoun is not one. */
        if (S->a[ante].start > i) continue;
        cactor *a = &S->a[S->na];
        *a = S->a[ante];
        a->start = a->end = a->core = (int16_t)i;
        a->pronoun = 1;
        a->group = NO;
        if (S->a[ante].group != NO && (x->cls & CL_PRON_THEY)) {
            a->ncodes = 0;
            for (int k = 0; k < n0; k++)
                if (S->a[k].group == S->a[ante].group)
                    for (int c = 0; c < S->a[k].ncodes; c++) add_code(a, S->a[k].codes[c]);
        }
        x->actor = (int16_t)S->na;
        S->na++;
    }
    /* Keep actors in text order. */
    for (int i = 1; i < S->na; i++) {
        cactor t = S->a[i];
        int j = i - 1;
        while (j >= 0 && S->a[j].start > t.start) { S->a[j + 1] = S->a[j]; j--; }
        S->a[j + 1] = t;
    }
    for (int i = 0; i < S->nw; i++) S->w[i].actor = NO;
    for (int i = 0; i < S->na; i++) S->w[S->a[i].start].actor = (int16_t)i;
}

static int members(const sent *S, int ai, int *out);

/* ---- explanation ---- */

static const char *const type_names[] = {"", "actor", "agent", "verb", "noun", "adj", "det", "conj", "pron",
                                         "aux", "by", "comma", "num", "time", "prep", "inner"};

static void trace_words(const sent *S)
{
    buf *b = S->o->trace;
    buf_adds(b, "words:");
    for (int i = 0; i < S->nw; i++) {
        const cw *x = &S->w[i];
        buf_printf(b, " %s%.*s", x->dropped ? "~" : "", (int)x->n, x->w);
        if (x->type && (x->head == NO || x->head == i)) buf_printf(b, "/%s", type_names[x->type]);
        if (x->protect) buf_adds(b, "/in-compound");
    }
    buf_adds(b, "\nactors:");
    for (int i = 0; i < S->na; i++) {
        const cactor *a = &S->a[i];
        buf_printf(b, " [%d-%d", a->start, a->end);
        for (int c = 0; c < a->ncodes; c++) buf_printf(b, " %s", a->codes[c]);
        if (a->group != NO) buf_printf(b, " group %d", a->group);
        if (a->pronoun) buf_adds(b, " pronoun");
        buf_adds(b, "]");
    }
    buf_adds(b, "\n");
}

/* ---- comma-delimited clauses ---- */

/* "... Kiev soldiers overran Russia's border, when ...": in news mode a
 * subordinating word inside the sentence starts a clause ("as well as",
 * "such as", "as long as" do not). */
static void mark_subordinate_clauses(sent *S)
{
    if (!S->o->split_subordinate) return;
    for (int i = 1; i + 1 < S->nw; i++) {
        cw *x = &S->w[i];
        if (!(x->cls & CL_SUBORD) || x->head != NO) continue;
        /* Only ", when ..." and "after accusing ..." (a participle follows):
         * "after a 12-year rift" is a phrase, not a clause. */
        const cw *nx = &S->w[i + 1];
        int participle = nx->n > 4 && !memcmp(nx->w + nx->n - 3, "ING", 3);
        if (S->w[i - 1].type != W_COMMA && !participle) continue;
        if (x->n == 2 && !memcmp(x->w, "AS", 2)) {
            const cw *pv = &S->w[i - 1];
            if ((nx->n == 4 && (!memcmp(nx->w, "WELL", 4) || !memcmp(nx->w, "LONG", 4) || !memcmp(nx->w, "SOON", 4) ||
                                !memcmp(nx->w, "MUCH", 4))) ||
                (pv->n == 4 && !memcmp(pv->w, "SUCH", 4)) || (pv->n == 2 && !memcmp(pv->w, "AS", 2)))
                continue;
        }
        x->clause_break = 1;
    }
}

/* Does an actor come before the first verb in words [from, to]? */
static int has_own_subject(const sent *S, int from, int to)
{
    for (int i = from; i <= to; i++) {
        if (S->w[i].type == W_VERB && (S->w[i].head == NO || S->w[i].head == i)) return 0;
        if (S->w[i].actor != NO) return 1;
    }
    return 0;
}

static void drop_comma_clauses(sent *S)
{
    const cod_options *o = S->o;
    /* "If Rohan moves, Arnor will attack": the opening clause is a clause of
     * its own, so the subject of the main clause is found after the comma. */
    if (o->split_subordinate && S->nw && (S->w[0].cls & CL_SUBORD)) {
        int c = 0;
        while (c < S->nw && !(S->w[c].type == W_COMMA && !S->w[c].protect)) c++;
        if (c < S->nw - 1) S->w[c].clause_break = 1;
    }
    if (o->comma_off) return;
    int commas[MAX_WORDS], nc = 0;
    for (int i = 0; i < S->nw; i++)
        if (S->w[i].type == W_COMMA && !S->w[i].protect) commas[nc++] = i;
    if (!nc) return;
    int consumed = 0; /* the comma closing a dropped clause cannot open the next one */
    for (int k = 0; k <= nc; k++) {
        if (consumed) {
            consumed = 0;
            /* "X restored ties, five years after ..., a Bree official said": a
             * closing clause with a subject of its own is its own clause; the
             * comma before it stays as its start ("X, the foe, said" has none). */
            if (o->split_subordinate && k == nc && has_own_subject(S, commas[k - 1] + 1, S->nw - 1)) {
                S->w[commas[k - 1]].dropped = 0;
                S->w[commas[k - 1]].clause_break = 1;
            }
            continue;
        }
        int from = k ? commas[k - 1] + 1 : 0;
        int to = k < nc ? commas[k] - 1 : S->nw - 1;
        int words = to - from + 1;
        int lo, hi;
        if (k == 0) { lo = o->comma_bmin; hi = o->comma_bmax; }
        else if (k == nc) { lo = o->comma_emin; hi = o->comma_emax; }
        else { lo = o->comma_min; hi = o->comma_max; }
        /* News mode keeps ", when ... ," : a clause of its own, not an aside;
         * and the closing ", the agency said" is a clause of its own too. */
        int subordinate_clause = o->split_subordinate && from < S->nw && S->w[from].clause_break;
        if (o->split_subordinate && k == nc && k > 0 && !(words > lo && words <= hi)) {
            for (int i = from; i <= to; i++)
                if (S->w[i].type == W_VERB) { S->w[commas[k - 1]].clause_break = 1; break; }
        }
        if (words > lo && words <= hi && !subordinate_clause) {
            for (int i = from; i <= to; i++) S->w[i].dropped = 1;
            /* The comma that opens the clause goes with it. */
            /* The commas around it go with it: "X, the state's foe, said" reads "X said". */
            if (k) S->w[commas[k - 1]].dropped = 1;
            if (k && k < nc) { consumed = 1; S->w[commas[k]].dropped = 1; }
        }
    }
}

/* ---- pattern matching ---- */

typedef struct binding {
    int source, target, compound;   /* actor indexes, NO when unbound */
} binding;

typedef struct mctx {
    const sent *S;
    const int *act;     /* active word indexes */
    int lo, hi;         /* range (positions in act) the pattern may use */
    int vpos, vend;     /* verb's first and last positions */
    const lex_elem *el;
    int ne;
    binding b;
    int endpos;         /* last position used, for the match span */
    int kv;             /* index of the verb element */
    int carried;        /* the clause's subject carried from an earlier clause, NO if none */
    int lit[32];        /* position each literal element matched (elements < 32) */
} mctx;

static int actor_at(const mctx *m, int pos)
{
    return m->S->w[m->act[pos]].actor;
}

/* Position after the actor starting at pos. */
static int after_actor(const mctx *m, int pos, int actor)
{
    int end = m->S->a[actor].end;
    while (pos <= m->hi && m->act[pos] <= end) pos++;
    return pos;
}

/* Elements after the verb, forward from pos. */
/* A word with a possessive ("plan's") is not the exact word PLAN_, unless
 * the element takes regular endings. */
static int word_matches(const mctx *m, const lex_elem *e, const cw *x)
{
    if (x->poss && e->how == LEX_EXACT && !(e->flags & LEX_ENDS)) return 0;
    return lex_word_matches(m->S->lx, e, x->w, x->n);
}

static int match_post(mctx *m, int j, int pos, int adjacent)
{
    if (j == m->ne) return 1;
    const lex_elem *e = &m->el[j];
    int last = adjacent ? pos : m->hi;
    for (int p = pos; p <= last && p <= m->hi; p++) {
        if (e->kind == LEX_WORD) {
            const cw *x = &m->S->w[m->act[p]];
            if (!word_matches(m, e, x)) continue;
            int save = m->endpos;
            if (p > m->endpos) m->endpos = p;
            if (j < 32) m->lit[j] = p;
            if (match_post(m, j + 1, p + 1, e->flags & LEX_ADJ_NEXT)) return 1;
            m->endpos = save;
        } else {
            int ai = actor_at(m, p);
            if (ai == NO) continue;
            if (e->kind == LEX_COMPOUND && m->S->a[ai].group == NO) continue;
            binding saved = m->b;
            if (e->kind == LEX_SOURCE) m->b.source = ai;
            else if (e->kind == LEX_TARGET) m->b.target = ai;
            else if (e->kind == LEX_COMPOUND) m->b.compound = ai;
            if (match_post(m, j + 1, after_actor(m, p, ai), e->flags & LEX_ADJ_NEXT)) return 1;
            m->b = saved;
            /* '$'/'+' take the first actor found: do not try later ones. */
            if (e->kind != LEX_SKIP) return 0;
        }
    }
    return 0;
}

/* Elements before the verb, backward from it: each is found before the
 * one after it, nearest first (TABARI: "+ WAS * BY $" takes the actor
 * closest before WAS). `limit` is the position of the element after. */
static int match_pre(mctx *m, int j, int limit, int adjacent)
{
    if (j < 0) return match_post(m, m->kv + 1, m->vend + 1, m->el[m->kv].flags & LEX_ADJ_NEXT);
    const lex_elem *e = &m->el[j];
    /* "... and has called for talks": a leading '$' with no actor left in
     * the clause is the subject carried over from the clause before. */
    if (j == 0 && e->kind == LEX_SOURCE && m->carried != NO && !adjacent) {
        int any = 0;
        for (int p = m->lo; p < limit && !any; p++) any = actor_at(m, p) != NO;
        if (!any) {
            m->b.source = m->carried;
            return match_pre(m, -1, limit, 0);
        }
    }
    int next_adj = j > 0 && (m->el[j - 1].flags & LEX_ADJ_NEXT);
    for (int p = limit - 1; p >= m->lo && (!adjacent || p == limit - 1 || e->kind != LEX_WORD); p--) {
        if (e->kind == LEX_WORD) {
            const cw *x = &m->S->w[m->act[p]];
            if (!word_matches(m, e, x)) continue;
            if (j < 32) m->lit[j] = p;
            if (match_pre(m, j - 1, p, next_adj)) return 1;
        } else {
            int ai = actor_at(m, p);
            if (ai == NO) { if (adjacent && p < limit - 1) return 0; continue; }
            int end = after_actor(m, p, ai);
            if (end > limit || (adjacent && end != limit)) continue;
            if (e->kind == LEX_COMPOUND && m->S->a[ai].group == NO) continue;
            binding saved = m->b;
            if (e->kind == LEX_SOURCE) m->b.source = ai;
            else if (e->kind == LEX_TARGET) m->b.target = ai;
            else if (e->kind == LEX_COMPOUND) m->b.compound = ai;
            if (match_pre(m, j - 1, p, next_adj)) return 1;
            m->b = saved;
            if (e->kind != LEX_SKIP) return 0;
        }
    }
    return 0;
}

/* PETRARCH-2 matches a pattern's words after the verb in its object and
 * the phrases attached to it: the words it skips may not hold a verb or a
 * preposition the pattern does not name ("made his remarks in Doha at the
 * start of a regional trip" is no "* TRIP"). */
static int object_adjacent(const mctx *m)
{
    int prev = m->vend;
    for (int j = m->kv + 1; j < m->ne && j < 32; j++) {
        if (m->el[j].kind != LEX_WORD) continue;
        for (int p = prev + 1; p < m->lit[j]; p++) {
            const cw *x = &m->S->w[m->act[p]];
            if ((x->type == W_VERB && (x->head == NO || x->head == m->act[p])) || x->prep) return 0;
        }
        prev = m->lit[j];
    }
    return 1;
}

static int match_pattern(mctx *m)
{
    m->kv = 0;
    while (m->kv < m->ne && m->el[m->kv].kind != LEX_VERB) m->kv++;
    if (m->kv == m->ne) return 0;
    m->endpos = m->vend;
    return match_pre(m, m->kv - 1, m->vpos, m->kv > 0 && (m->el[m->kv - 1].flags & LEX_ADJ_NEXT));
}

/* ---- events ---- */


static dyad_span word_span(const sent *S, int from, int to)
{
    const txt_token *t = S->doc->tok;
    uint32_t tf = S->w[from].tok, tt = S->w[to].tok;
    return (dyad_span){t[tf].start, t[tt].end};
}

static dyad_event *new_event(cod_out *out, arena *ar)
{
    out->ev = arena_grow(ar, out->ev, out->n, &out->cap, sizeof *out->ev);
    dyad_event *e = &out->ev[out->n++];
    memset(e, 0, sizeof *e);
    return e;
}

/* Members (actor indexes) of the unit an actor belongs to. */
static int members(const sent *S, int ai, int *out)
{
    if (ai == NO) return 0;
    if (S->a[ai].group == NO || ai == S->alone) { out[0] = ai; return 1; }
    int n = 0;
    for (int i = 0; i < S->na && n < MAX_ACTORS; i++) if (S->a[i].group == S->a[ai].group) out[n++] = i;
    return n;
}

typedef struct emit_ctx {
    sent *S;
    arena *ar;
    cod_out *out;
    uint32_t sentence;
    dyad_span sspan;
    int added;
} emit_ctx;

static void emit_one(emit_ctx *E, const pending *pd, const char *src, const char *tgt, int sa, int ta,
                     const char *code)
{
    sent *S = E->S;
    if (!strcmp(src, tgt)) return;
    /* The same event twice from one verb (compound expansion) counts once;
     * two verbs of one sentence may report two events. */
    dyad_span vs = word_span(S, pd->verbw, word_end(S, pd->verbw));
    for (uint32_t i = E->out->n - (uint32_t)E->added; i < E->out->n; i++) {
        const dyad_event *o = &E->out->ev[i];
        if (!strcmp(o->source, src) && !strcmp(o->target, tgt) && !strcmp(o->code, code) &&
            (!S->o->split_subordinate || o->verb_span.start == vs.start || S->lx->npico))
            return;
    }
    if (E->added >= S->o->max_events) return;
    dyad_event *e = new_event(E->out, E->ar);
    E->added++;
    e->sentence = E->sentence;
    snprintf(e->source, sizeof e->source, "%s", src);
    snprintf(e->target, sizeof e->target, "%s", tgt);
    snprintf(e->code, sizeof e->code, "%s", code);
    e->sentence_span = E->sspan;
    if (sa != NO) e->source_span = word_span(S, S->a[sa].start, S->a[sa].end);
    if (ta != NO) e->target_span = word_span(S, S->a[ta].start, S->a[ta].end);
    e->verb_span = word_span(S, pd->verbw, word_end(S, pd->verbw));
    e->date = S->date;
    const lexicon *lx = S->lx;
    if (pd->pattern != UINT32_MAX) {
        e->pattern = lex_str(lx, lx->patterns[pd->pattern].text);
        e->pattern_origin = lx->files[lx->patterns[pd->pattern].src.file];
    } else {
        const lex_verb *v = &lx->verbs[lx->phrases[S->w[pd->verbw].phrase].verb];
        e->pattern = lex_str(lx, v->text);
        e->pattern_origin = lx->files[v->src.file];
    }
}

static void emit(emit_ctx *E, const pending *pd)
{
    sent *S = E->S;
    const cod_options *o = S->o;
    int src[MAX_ACTORS], tgt[MAX_ACTORS], ns, nt;
    if (pd->compound != NO) {
        /* '%': members with each other, both ways; with a paired code the
         * first-named gets the main code and the other the paired one. */
        int m[MAX_ACTORS];
        int nm = members(S, pd->compound, m);
        int paired = pd->code.flags & LEX_CODE_PAIRED;
        for (int i = 0; i < nm; i++)
            for (int j = paired || (pd->self_compound && !S->lx->npico) ? i + 1 : 0; j < nm; j++)
                for (int ci = 0; ci < S->a[m[i]].ncodes; ci++)
                    for (int cj = 0; cj < S->a[m[j]].ncodes; cj++) {
                        if (i == j) continue;
                        const char *s = S->a[m[i]].codes[ci], *t = S->a[m[j]].codes[cj];
                        emit_one(E, pd, s, t, m[i], m[j], pd->code.code);
                        if (paired) emit_one(E, pd, t, s, m[j], m[i], pd->code.pair);
                    }
        return;
    } else {
        if (pd->source_alone) { src[0] = pd->source; ns = 1; }
        else ns = members(S, pd->source, src);
        nt = members(S, pd->target, tgt);
    }
    const char *dsrc = ns ? NULL : o->default_source[0] ? o->default_source : pd->untargeted ? "---" : NULL;
    const char *dtgt = nt ? NULL : o->default_target[0] ? o->default_target : pd->untargeted ? "---" : NULL;
    if ((!ns && !dsrc) || (!nt && !dtgt)) return;
    for (int i = 0; i < (ns ? ns : 1); i++)
        for (int ci = 0; ci < (ns ? S->a[src[i]].ncodes : 1); ci++)
            for (int j = 0; j < (nt ? nt : 1); j++)
                for (int cj = 0; cj < (nt ? S->a[tgt[j]].ncodes : 1); cj++) {
                    int sa = ns ? src[i] : NO, ta = nt ? tgt[j] : NO;
                    if (sa != NO && sa == ta) continue;
                    const char *s = ns ? S->a[sa].codes[ci] : dsrc;
                    const char *t = nt ? S->a[ta].codes[cj] : dtgt;
                    emit_one(E, pd, s, t, sa, ta, pd->code.code);
                    /* (PETRARCH-2 never makes the missing "---" side a source.) */
                    if ((pd->code.flags & LEX_CODE_PAIRED) && (nt || !S->lx->npico)) emit_one(E, pd, t, s, ta, sa, pd->code.pair);
                }
}

/* ---- the sentence ---- */

int cod_first_actor(const sent *S, int from, int to, int skip_codes_of)
{
    for (int i = 0; i < S->na; i++) {
        const cactor *a = &S->a[i];
        if (a->start < from || a->start > to || S->w[a->start].dropped) continue;
        if (skip_codes_of != NO) {
            /* Distinct from the reference's whole unit: a compound's members
             * and a pronoun standing for them count as the same actor. */
            int unit[MAX_ACTORS];
            int nu = members(S, skip_codes_of, unit);
            int same = 1;
            for (int c = 0; c < a->ncodes && same; c++) {
                int found = 0;
                for (int u = 0; u < nu && !found; u++)
                    for (int d = 0; d < S->a[unit[u]].ncodes; d++)
                        if (!strcmp(a->codes[c], S->a[unit[u]].codes[d])) found = 1;
                if (!found) same = 0;
            }
            if (same) continue;
            if (a->group != NO && a->group == S->a[skip_codes_of].group && skip_codes_of != S->alone) continue;
        }
        return i;
    }
    return NO;
}

/* TABARI's quirk (suite record COMPOUND-24): in "The ambassadors of A, B
 * and C presented THEIR credentials to D" the pronoun points at the
 * compound's first actor word while the source starts at its agent, so the
 * "same as the source" check misses and THEIR is the target: the members
 * code each other. The first actor in [from, to] when it is such a plural
 * pronoun, else NO; without a leading agent ("A and B urged C to assist
 * THEM") the pronoun is the source itself and skipped. */
static int compound_pronoun_after(const sent *S, int from, int to, int source)
{
    int k = cod_first_actor(S, from, to, NO);
    if (k == NO || source == NO || S->a[source].group == NO || !S->a[k].pronoun) return NO;
    if (!(S->w[S->a[k].start].cls & CL_PRON_THEY) || S->a[k].ncodes < 2) return NO;
    int unit[MAX_ACTORS];
    members(S, source, unit);
    return S->a[unit[0]].start < S->a[unit[0]].core ? k : NO;
}

/* The actor closest before word `to` (not before `from`), distinct from ref. */
static int nearest_actor_before(const sent *S, int from, int to, int ref)
{
    int best = NO;
    for (int f = from; f <= to; f++) {
        int k = cod_first_actor(S, f, to, ref);
        if (k == NO) break;
        best = k;
        f = S->a[k].start;
    }
    return best;
}

static int passive_at(const sent *S, const int *act, int na, int vpos, int vend)
{
    int aux = 0;
    for (int k = 1; k <= 2 && vpos - k >= 0; k++) {
        const cw *x = &S->w[act[vpos - k]];
        if (x->cls & CL_PASSIVE) aux = 1;
    }
    /* "was opposed earlier by": one unknown word may stand before BY. */
    if (!aux || vend + 1 >= na) return 0;
    if (S->w[act[vend + 1]].type == W_BY) return 1;
    return vend + 2 < na && S->w[act[vend + 1]].type == W_NULL && !S->w[act[vend + 1]].cls &&
           S->w[act[vend + 1]].actor == NO && S->w[act[vend + 2]].type == W_BY;
}

/* The last verb of saying (a subordinate-coded root, as TABARI's SAID
 * [023?]) among positions [lo, q) of the clause; its word, or NO. */
static int last_speech_verb(const sent *S, const int *act, int lo, int q)
{
    for (int p = q - 1; p >= lo; p--) {
        const cw *x = &S->w[act[p]];
        if (x->type != W_VERB || (x->head != NO && x->head != act[p])) continue;
        const lex_verb *v = &S->lx->verbs[S->lx->phrases[x->phrase].verb];
        if ((v->code.flags & LEX_CODE_SUBORD) || (S->o->say_subordinate && !strcmp(v->code.code, "010")))
            return act[p];
    }
    return NO;
}

/* "... five years after Calenardhon crowds burned down its embassy": a
 * verb right after "SUBORDINATOR [the] ACTOR [noun]" has that actor as its
 * subject, not the main clause's (news mode). "as" is left out: "as well
 * as", "such as" join actors. Returns the actor, or NO. */
static int subordinate_subject(const sent *S, const int *act, int lo, int q)
{
    int p = q - 1;
    if (p >= lo && S->w[act[p]].type == W_NULL && !S->w[act[p]].cls && S->w[act[p]].actor == NO &&
        S->w[act[p]].head == NO)
        p--;
    if (p < lo) return NO;
    int h = S->w[act[p]].head != NO ? S->w[act[p]].head : act[p];
    int ai = NO;
    for (int k = 0; k < S->na; k++)
        if (S->a[k].start <= h && h <= S->a[k].end && S->a[k].end == act[p]) ai = k;
    if (ai == NO) return NO;
    while (p >= lo && act[p] >= S->a[ai].start) p--;
    while (p >= lo && S->w[act[p]].type == W_DETERM) p--;
    if (p < lo) return NO;
    const cw *x = &S->w[act[p]];
    if (!(x->cls & CL_SUBORD) || x->head != NO || (x->n == 2 && !memcmp(x->w, "AS", 2))) return NO;
    return ai;
}

/* Is a subject pronoun (he, she, it, they) right before the verb at
 * position q, past auxiliaries and an adverb ("he has also said"), and
 * opening its clause (after a comma or a conjunction)? In "X indicated it
 * would act" the pronoun is X again. */
static int pronoun_subject(const sent *S, const int *act, int lo, int q)
{
    int p = q - 1;
    for (int skipped = 0; p >= lo && skipped <= 2; p--, skipped++) {
        const cw *x = &S->w[act[p]];
        if (x->type == W_PRON) break;
        if (x->type != W_AUX && !(x->type == W_NULL && !x->cls && !x->cap)) return 0;
    }
    if (p < lo || S->w[act[p]].type != W_PRON) return 0;
    const cw *x = &S->w[act[p]];
    if (!(x->cls & CL_PRON_HE) && !(x->n == 4 && !memcmp(x->w, "THEY", 4))) return 0;
    return p == 0 || S->w[act[p - 1]].type == W_COMMA || S->w[act[p - 1]].type == W_CONJ;
}

/* Remember this sentence's subject (its first actor, if before a verb). */
static void set_forward(const sent *S, const int *act, int na, cod_out *out)
{
    out->nfwd = 0;
    int first_verb = NO;
    for (int p = 0; p < na && first_verb == NO; p++)
        if (S->w[act[p]].type == W_VERB) first_verb = act[p];
    if (first_verb == NO || !S->na || S->a[0].start > first_verb) return;
    int unit[MAX_ACTORS];
    int nu = members(S, 0, unit);
    if (S->o->forward_root) {
        /* TABARI forwards the first actor's own code, without its agent,
         * and a compound as its first member. */
        const cactor *a = &S->a[0];
        /* Its "secondary forwarding" (manual 8.4; suite FRWD-*): after a
         * forwarded pronoun the next sentence gets the first actor named
         * in this one, wherever it stands. */
        for (int k = 1; a->pronoun && k < S->na; k++)
            if (!S->a[k].pronoun) a = &S->a[k];
        if (a->pronoun) {
            for (int c = 0; c < a->ncodes && out->nfwd < 8; c++)
                snprintf(out->fwd[out->nfwd++], DYAD_CODE_MAX, "%s", a->codes[c]);
        } else {
            snprintf(out->fwd[0], DYAD_CODE_MAX, "%s", phrase_code(S, a->core));
            out->nfwd = 1;
        }
        out->fwd_compound = 0;
        return;
    }
    for (int u = 0; u < nu; u++)
        for (int c = 0; c < S->a[unit[u]].ncodes && out->nfwd < 8; c++)
            snprintf(out->fwd[out->nfwd++], DYAD_CODE_MAX, "%s", S->a[unit[u]].codes[c]);
    out->fwd_compound = nu > 1 || (S->a[0].pronoun && S->a[0].ncodes > 1);
}

int cod_sentence(const lexicon *lx, const cod_options *o, arena *ar, const txt_doc *doc,
                 uint32_t s, int date, cod_out *out)
{
    sent *S = arena_alloc(ar, sizeof *S);
    memset(S, 0, offsetof(sent, w));
    S->alone = NO;
    S->lx = lx; S->o = o; S->doc = doc; S->date = date;
    const txt_sentence *ts = &doc->sent[s];
    out->status = COD_OK;
    build_words(S, ts->tok, ts->ntok);
    if (!S->nw) return 0;
    if (o->minimum_words && S->nw < o->minimum_words) { out->status = COD_SHORT; return 0; }
    collect_ids(S, ar);
    classify(S);
    if (lx->npico) unglue_hyphenated(S);
    find_actors(S);
    find_compounds(S);
    if (lx->npico) share_agents(S);
    if (S->dateline) apply_dateline(S);
    mark_subordinate_clauses(S);
    drop_comma_clauses(S);
    if (!o->no_pronouns) resolve_pronouns(S, out);
    if (o->trace) trace_words(S);
    if (S->discard) { if (o->trace) buf_adds(o->trace, "discarded: a discard phrase\n"); out->status = COD_DISCARD; return 0; }

    /* Active words and clause boundaries. */
    int act[MAX_WORDS], na = 0;
    for (int i = 0; i < S->nw; i++) if (!S->w[i].dropped) act[na++] = i;
    int nverbs = 0, nconj = 0, first_verb = NO;
    for (int p = 0; p < na; p++) {
        const cw *x = &S->w[act[p]];
        /* A null-coded root only codes through a pattern: not a verb for the complexity rules. */
        if (x->type == W_VERB && (x->head == NO || x->head == act[p]) &&
            !(lx->verbs[lx->phrases[x->phrase].verb].code.flags & LEX_CODE_NULL)) {
            nverbs++;
            if (first_verb == NO) first_verb = act[p];
        }
        if (x->type == W_CONJ && !x->protect) nconj++;
    }
    const char *why = NULL;
    if (S->complex && !o->no_complex) why = "a complex (+++) phrase";
    else if (o->complex_verbs && nverbs >= o->complex_verbs) why = "too many verbs";
    else if (o->complex_conj && nconj >= o->complex_conj) why = "too many conjunctions";
    else if (o->complex_actors && S->na >= o->complex_actors) why = "too many actors";
    else if (o->complex_noverb && !nverbs) why = "no verb";
    else if (o->complex_noactprior && first_verb != NO && cod_first_actor(S, 0, first_verb - 1, NO) == NO)
        why = "no actor before the first verb";
    if (why) {
        if (o->trace) buf_printf(o->trace, "complex: %s (%d verbs, %d conjunctions)\n", why, nverbs, nconj);
        out->status = COD_COMPLEX;
        return 0;
    }

    emit_ctx E = {S, ar, out, s, {ts->start, ts->end}, 0};
    uint32_t *cand = arena_alloc(ar, MAX_CANDIDATES * sizeof *cand);
    pending found[64];
    int nfound = 0;
    int carried_source = NO;
    int clause_lo = 0;
    int verb_before = 0; /* an earlier clause has a verb: a clause of its own, not a phrase */
    int any_event = 0;
    int petr2 = lx->npico > 0;
    chain carry = {0, 0, NO, NO, NO, NO, 0};   /* a fold the next conjunct shares ("attacked Iraq and taken Mosul") */
    for (int p = 0; p <= na; p++) {
        int boundary = p == na || (S->w[act[p]].type == W_CONJ && !S->w[act[p]].protect) ||
                       S->w[act[p]].clause_break;
        if (!boundary) continue;
        int clause_hi = p - 1;
        /* Source of this clause: an actor right after the conjunction, else the carried one. */
        int clause_source = carried_source;
        if (clause_lo > 0 && clause_lo <= clause_hi) {
            int q = clause_lo;
            while (q <= clause_hi && S->w[act[q]].type == W_DETERM) q++;
            if (q <= clause_hi && S->w[act[q]].actor != NO) clause_source = S->w[act[q]].actor;
        }
        pending subord = {0};
        int have_subord = 0, clause_done = 0;
        chain ch = {0, 0, NO, NO, NO, NO, 0};
        /* PETRARCH-2: a conjunct with no subject of its own stays under the
         * verb that governed the one before ("claimed that ISIL had attacked
         * Iraq and taken the city"). */
        if (carry.on && clause_lo > 0 && clause_lo <= clause_hi && S->w[act[clause_lo - 1]].type == W_CONJ &&
            S->w[act[clause_lo]].actor == NO) {
            for (int r = clause_lo; r <= clause_hi; r++)
                if (is_verb_at(S, act[r])) {
                    ch = carry;
                    ch.conjunct = 1;
                    ch.pos = r;
                    ch.end = act[clause_lo - 1];
                    break;
                }
        }
        carry.on = 0;
        /* ", offering further support": PETRARCH-2 reads such a clause as
         * part of the verb phrase before it, coded only when that has no event. */
        int participial = 0;
        if (petr2 && clause_lo > 0 && clause_lo <= clause_hi && S->w[act[clause_lo - 1]].type == W_COMMA) {
            const cw *f = &S->w[act[clause_lo]];
            participial = f->type == W_VERB && f->n > 4 && !memcmp(f->w + f->n - 3, "ING", 3);
        }
        for (int q = clause_lo; q <= clause_hi && !clause_done; q++) {
            int wi = act[q];
            const cw *x = &S->w[wi];
            if (x->type != W_VERB || (x->head != NO && x->head != wi)) continue;
            int vend = q;
            while (vend + 1 <= clause_hi && act[vend + 1] <= x->end) vend++;
            /* Pattern range: the comma-free stretch around the verb. */
            int lo = q, hi = vend;
            while (lo > clause_lo && S->w[act[lo - 1]].type != W_COMMA) lo--;
            while (hi < clause_hi && S->w[act[hi + 1]].type != W_COMMA) hi++;
            const lex_verb *v = &lx->verbs[lx->phrases[x->phrase].verb];
            if (ch.on && q > ch.pos) ch.on = 0;
            if (petr2) {
                int subj, low = p2_governed_verb(S, act, vend, clause_hi, &v->code, &subj);
                if (low != NO) {
                    int32_t val = (v->code.flags & LEX_CODE_NULL) || !v->code.code[0] ? 0 : lex_pico_of(lx, v->code.code);
                    if (val == LEX_PICO_NONE) val = 0;
                    if (!ch.on) {
                        ch.on = 1;
                        ch.value = val;
                        ch.source = cod_first_actor(S, clause_lo ? act[clause_lo] : 0, wi - 1, NO);
                        if (ch.source == NO) ch.source = clause_source;
                    } else {
                        ch.value = lex_pico_combine(ch.value, val);
                    }
                    ch.end = act[vend];
                    ch.subject = subj;
                    ch.pos = low;
                    if (o->trace)
                        buf_printf(o->trace, "chain: %.*s governs %.*s (value 0x%X)\n", (int)x->n, x->w,
                                   (int)S->w[act[low]].n, S->w[act[low]].w, (unsigned)ch.value);
                    q = low - 1;   /* go on at the governed verb */
                    continue;
                }
            }
            /* PETRARCH-2 reads a verb form after a determiner as a noun
             * ("the chemical attacks", "a mortar bomb"). */
            if (petr2 && (p2_in_noun_phrase(S, act, clause_lo, q) || p2_attributive(S, act, clause_lo, clause_hi, q))) continue;
            /* "X alleged that France was aware ...": a verb of saying whose
             * object is a clause with no coded verb targets its subject. */
            int clause_object = NO;
            if (petr2 && p2_takes_clause(&v->code) && vend + 1 <= clause_hi) {
                const cw *n1 = &S->w[act[vend + 1]];
                if ((n1->cls & CL_THAT) || n1->type == W_PRON || n1->type == W_DETERM || n1->actor != NO) {
                    int r = vend + 1;
                    while (r <= clause_hi && S->w[act[r]].actor == NO && !is_verb_at(S, act[r])) r++;
                    /* "... said he was unaware": the speaker on himself, no event. */
                    if (r > clause_hi || S->w[act[r]].actor == NO || S->a[S->w[act[r]].actor].pronoun) continue;
                    clause_object = S->w[act[r]].actor;
                }
            }
            int chained = ch.on && q == ch.pos;
            pending pd = {wi, NO, NO, NO, v->code, UINT32_MAX, 0, 0, 0, 0, 0, participial};
            int designated = 0, source_carried = 0, source_subordinate = 0;
            int used[32], nused = 0;   /* words the pattern's own words took (PETRARCH-2) */
            uint32_t ncand = cod_candidate_patterns(S, v, cand, MAX_CANDIDATES);
            for (uint32_t c = 0; c < ncand; c++) {
                uint32_t pi = lx->patorder[v->pat0 + cand[c]];
                const lex_pattern *pt = &lx->patterns[pi];
                if (!pattern_possible(S, pt) || (o->no_complex && (pt->code.flags & LEX_CODE_COMPLEX))) continue;
                mctx m = {S, act, lo, hi, q, vend, &lx->elems[pt->first], (int)pt->n, {NO, NO, NO}, q, 0,
                          clause_lo > 0 ? clause_source : NO, {0}};
                if (!match_pattern(&m)) continue;
                if (petr2 && !object_adjacent(&m)) continue;
                pd.code = pt->code;
                pd.pattern = pi;
                pd.source = m.b.source;
                pd.target = m.b.target;
                pd.compound = m.b.compound;
                designated = m.b.source != NO || m.b.target != NO || m.b.compound != NO;
                for (int j = 0; j < m.ne && j < 32; j++)
                    if (m.el[j].kind == LEX_WORD && j != m.kv) used[nused++] = act[m.lit[j]];
                break;
            }
            if (petr2 && pd.pattern == UINT32_MAX && p2_passive(S, act, clause_lo, clause_hi, q)) {
                uint32_t pi = p2_passive_subject_pattern(S, v, act, clause_lo, q, cand);
                if (pi != UINT32_MAX) { pd.pattern = pi; pd.code = lx->patterns[pi].code; }
            }
            /* PETRARCH-2's [A:B]: B is the code in the passive voice, and
             * [:B] a verb whose subject is the target ("received
             * assurances from"). In the active voice both events stand. */
            char passive_code[8] = "";
            int passive_only = 0;
            if (petr2 && (pd.code.flags & LEX_CODE_PAIRED) && strcmp(pd.code.code, pd.code.pair)) {
                snprintf(passive_code, sizeof passive_code, "%s", pd.code.pair);
                if (pd.code.flags & LEX_CODE_NULL) {
                    pd.code.flags &= (uint8_t)~LEX_CODE_PAIRED;
                    passive_only = 1;
                    pd.code.flags &= (uint8_t)~LEX_CODE_NULL;
                    snprintf(pd.code.code, sizeof pd.code.code, "%s", passive_code);
                }
            }
            if (pd.code.flags & LEX_CODE_DISCARD) { out->status = COD_DISCARD; out->n -= (uint32_t)E.added; return 0; }
            if ((pd.code.flags & LEX_CODE_COMPLEX) && o->no_complex) continue;
            if (pd.code.flags & LEX_CODE_COMPLEX) { out->status = COD_COMPLEX; out->n -= (uint32_t)E.added; return 0; }
            if (pd.code.flags & LEX_CODE_NULL || !pd.code.code[0]) continue;
            /* "plans to send troops": a bare verb followed by "to" and another
             * verb gives way to that verb (modality marks it future). An unknown
             * lower-case word after "to" is most often a verb the dictionaries
             * lack ("proposed to take up the issue with Y"): Y is not the target. */
            if (o->split_subordinate && pd.pattern == UINT32_MAX && vend + 1 <= clause_hi) {
                const cw *last = &S->w[act[vend]], *t1 = &S->w[act[vend + 1]];
                int to_last = last->n == 2 && !memcmp(last->w, "TO", 2);
                if (to_last && t1->type == W_VERB) continue;
                if (vend + 2 <= clause_hi && t1->n == 2 && !memcmp(t1->w, "TO", 2)) {
                    const cw *t2 = &S->w[act[vend + 2]];
                    if (t2->type == W_VERB || (t2->type == W_NULL && !t2->cls && !t2->cap && t2->actor == NO)) continue;
                }
            }
            /* A bare "make a statement" (010) from a verb of saying is what
             * TABARI's SAID [010?] is: coded only when nothing else is. */
            if (o->say_subordinate && pd.pattern == UINT32_MAX && !strcmp(pd.code.code, "010"))
                pd.code.flags |= LEX_CODE_SUBORD;
            /* Default source and target. */
            if (clause_object != NO && pd.target == NO) pd.target = clause_object;
            if (pd.compound == NO) {
                if (pd.source == NO && chained) {
                    /* The governed verb's own subject, if any, stands between the verbs. */
                    pd.source = ch.subject != NO ? ch.subject : cod_first_actor(S, ch.end + 1, wi - 1, NO);
                } else if (pd.source == NO) {
                    /* The first actor before the verb in this clause; failing that,
                     * the subject carried over from the clause before. */
                    int from = clause_lo ? act[clause_lo] : 0;
                    /* Reported speech: in "X said Y attacked Z" the attack is Y's,
                     * so look for the subject after the last verb of saying. */
                    int said = last_speech_verb(S, act, clause_lo, q);
                    if (said != NO && cod_first_actor(S, said + 1, wi - 1, pd.target) != NO) from = said + 1;
                    int before = cod_first_actor(S, from, wi - 1, pd.target);
                    if (o->split_subordinate) {
                        int sub = subordinate_subject(S, act, clause_lo, q);
                        if (sub != NO && sub != pd.target) { before = sub; source_subordinate = 1; }
                    }
                    /* "..., he said": an unresolved pronoun is the verb's subject,
                     * so no other actor is; the source stays unknown. */
                    int unknown = o->no_pronouns && pronoun_subject(S, act, clause_lo, q);
                    if (unknown) before = NO;
                    /* TABARI (manual 7.6) keeps the subject across a conjunction
                     * unless an actor follows it: "X launched a bombing and shelling
                     * of Y after raids on Z" gives X the raids. */
                    if (o->keep_clause_source && verb_before && clause_source != NO) before = NO;
                    if (before == NO && clause_source != NO && !unknown) { before = clause_source; source_carried = 1; }
                    /* TABARI is greedy: with no actor before the verb it looks after
                     * it, unless a default source is to take that place (PRIOR). */
                    if (before == NO && !unknown && !petr2 && !(o->default_source_prior && o->default_source[0])) {
                        before = cod_first_actor(S, act[vend] + 1, act[clause_hi], pd.target);
                        /* A source taken from after the verb is that actor alone, not
                         * its compound: the next member can be the target (TABARI). */
                        if (before != NO && S->a[before].group != NO) pd.source_alone = 1;
                    }
                    pd.source = before;
                }
                S->alone = pd.source_alone ? pd.source : NO;
                if (pd.target == NO && chained) {
                    int ref = pd.source != NO ? pd.source : ch.source;
                    pd.target = p2_object_after(S, act[vend] + 1, act[clause_hi], ref, used, nused);
                } else if (pd.target == NO && petr2 && p2_self_object(S, act, vend, clause_hi, pd.source)) {
                    continue;   /* "made his remarks in Doha": the object is the subject's own */
                } else if (pd.target == NO) {
                    /* PETRARCH-2: the object is not a word of the pattern
                     * ("conducting {military exercises} in Alaska"). */
                    int after = petr2 ? p2_object_after(S, act[vend] + 1, act[clause_hi], pd.source, used, nused)
                                      : cod_first_actor(S, act[vend] + 1, act[clause_hi], pd.source);
                    if (o->pronoun_compound_target) {
                        int t = compound_pronoun_after(S, act[vend] + 1, act[clause_hi], pd.source);
                        if (t != NO) after = t;
                    }
                    if (after != NO && pd.source != NO && S->a[after].start < S->a[pd.source].start &&
                        S->a[pd.source].start > wi) after = NO;
                    if (after != NO && pd.source != NO && S->a[after].start <= S->a[pd.source].start) {
                        int again = cod_first_actor(S, S->a[pd.source].end + 1, act[clause_hi], pd.source);
                        after = again;
                    }
                    /* A subordinate clause's target is not in the main clause before it. */
                    if (after == NO && !(o->default_target_after && o->default_target[0]) && !source_subordinate)
                        after = nearest_actor_before(S, act[clause_lo], wi - 1, pd.source);
                    /* A compound acting on itself only when it is this clause's own subject. */
                    if (after == NO && pd.source != NO && S->a[pd.source].group != NO && !source_carried &&
                        !(o->default_target_after && o->default_target[0])) {
                        pd.compound = pd.source;
                        pd.self_compound = 1;
                    }
                    pd.target = after;
                }
                S->alone = NO;
                if (petr2) {
                    if (passive_only || (!designated && p2_passive(S, act, clause_lo, clause_hi, q))) {
                        /* The subject is the target; no by/from/in actor, no event. */
                        int by = p2_agent_phrase_actor(S, act, vend, clause_hi);
                        if (by == NO) continue;
                        int from = chained ? ch.end + 1 : clause_lo ? act[clause_lo] : 0;
                        pd.target = cod_first_actor(S, from, wi - 1, by);
                        if (pd.target == NO) pd.target = cod_first_actor(S, act[vend] + 1, act[clause_hi], by);
                        pd.source = by;
                        pd.passive = 1;

                        if (passive_code[0]) snprintf(pd.code.code, sizeof pd.code.code, "%s", passive_code);
                        pd.code.flags &= (uint8_t)~LEX_CODE_PAIRED;
                    }
                } else if (!designated && passive_at(S, act, na, q, vend)) {
                    int t = pd.source; pd.source = pd.target; pd.target = t;
                    pd.passive = 1;
                }
            }
            if (petr2 && pd.compound == NO) {
                int32_t low = lex_pico_of(lx, pd.code.code);
                int neg = low != LEX_PICO_NONE && p2_negated_before(S, act, clause_lo, q);
                if (neg) { low -= 0xFFFF; pd.negation_coded = 1; }
                if (chained) {
                    ch.on = 0;
                    int low_source = pd.source;
                    if (o->trace) buf_printf(o->trace, "fold: lower %s (0x%X%s) source %d target %d\n", pd.code.code,
                                             (unsigned)low, neg ? ", negated" : "", pd.source, pd.target);
                    if (low == LEX_PICO_NONE || !p2_chain_fold(S, &ch, &pd, low, neg)) {
                        if (o->trace) buf_adds(o->trace, "fold: the pair has no code\n");
                        clause_done = 1;
                        continue;
                    }
                    if (o->trace) buf_printf(o->trace, "fold: %s source %d target %d\n", pd.code.code, pd.source, pd.target);
                    carry = ch;
                    carry.on = 1;
                    carry.subject = low_source;
                    /* "Brazil and the United States are seeking to deepen a
                     * partnership": a compound with no target acts on itself. */
                    if (pd.target == NO && pd.source != NO && S->a[pd.source].group != NO) {
                        pd.compound = pd.source;
                        pd.self_compound = 1;
                    }
                } else if (neg) {
                    const char *c = lex_pico_cameo(lx, low);
                    if (!c) continue;   /* PETRARCH-2 codes no negated event it has no code for */
                    snprintf(pd.code.code, sizeof pd.code.code, "%s", c);
                }
            }
            /* An event without a target only from a pattern written for it
             * ("strengthen its border defences"), never from a bare verb. */
            if (pd.compound == NO && pd.target == NO && !o->default_target[0] && o->untargeted &&
                pd.pattern != UINT32_MAX && pd.source != NO && !(pd.code.flags & LEX_CODE_SUBORD))
                pd.untargeted = 1;
            if ((!o->require_dyad || (petr2 && pd.pattern != UINT32_MAX && !source_carried && !(chained && ch.conjunct))) &&
                pd.compound == NO &&
                (petr2 ? pd.source != NO : (pd.source != NO || pd.target != NO)))
                pd.untargeted = 1; /* PETRARCH: the missing side is coded "---" (PETRARCH-2: the target only) */
            if (pd.compound == NO && ((pd.source == NO && !o->default_source[0] && !pd.untargeted) ||
                                      (pd.target == NO && !o->default_target[0] && !pd.untargeted)))
                continue;
            /* Without require_dyad (PETRARCH), a verb of saying is coded too:
             * "X welcomed ..., the news agency said" gives both events. */
            if ((pd.code.flags & LEX_CODE_SUBORD) && o->require_dyad) {
                if (!have_subord) { subord = pd; have_subord = 1; }
                continue;
            }
            if (nfound < 64) found[nfound++] = pd;
            if (pd.source != NO) carried_source = pd.source;
            if (o->code_by != COD_ALL) clause_done = 1;
        }
        if (!clause_done && have_subord && o->code_by == COD_BY_CLAUSE && nfound < 64) {
            found[nfound++] = subord;
            clause_done = 1;
        } else if (!clause_done && have_subord && nfound < 64 && o->code_by != COD_BY_CLAUSE) {
            subord.code.flags |= LEX_CODE_SUBORD;
            found[nfound++] = subord;
        }
        if (clause_done) any_event = 1;
        if (!any_event && carried_source == NO) {
            int f = cod_first_actor(S, act[clause_lo < na ? clause_lo : 0], act[clause_hi >= 0 ? clause_hi : 0], NO);
            if (f != NO) carried_source = f;
        }
        for (int q = clause_lo; q <= clause_hi; q++) verb_before |= S->w[act[q]].type == W_VERB;
        clause_lo = p + 1;
        if (o->code_by == COD_BY_SENTENCE && nfound) break;
    }
    set_forward(S, act, na, out);
    /* Subordinate events survive only when nothing else was found. */
    int nonsub = 0, dominant = 0, main_clause = 0;
    for (int i = 0; i < nfound; i++) {
        if (!found[i].participial) main_clause = 1;
        if (!(found[i].code.flags & LEX_CODE_SUBORD)) nonsub = 1;
        if (found[i].code.flags & LEX_CODE_DOMINANT) dominant = 1;
    }
    for (int i = 0; i < nfound; i++) {
        /* (News mode judges "said" by the whole sentence, whatever its clauses.) */
        if (nonsub && (found[i].code.flags & LEX_CODE_SUBORD) && o->require_dyad &&
            (o->code_by != COD_BY_CLAUSE || o->split_subordinate))
            continue;
        if (dominant && !(found[i].code.flags & LEX_CODE_DOMINANT)) continue;
        if (found[i].participial && main_clause) continue;
        uint32_t before = out->n;
        emit(&E, &found[i]);
        if (o->modality && out->n > before) {
            cod_modality(doc, ts, out->ev + before, out->n - before);
            if (found[i].negation_coded)
                for (uint32_t k = before; k < out->n; k++) out->ev[k].negated = 0;
        }
    }
    return E.added;
}
