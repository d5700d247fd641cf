/* place.c: the places an article names, and each event's place (see geo.h).
 *
 * Place mentions come from the entity stage (gazetteer names, and the
 * country names of the dictionaries). This file widens them into the
 * expressions news uses -- "Russia's western border", "its southern border
 * with Ukraine", "the Russia-Belarus border", "the western Kursk region",
 * "Russian territory" -- and picks for each event the place of its clause:
 * the place nearest the verb in the event's sentence, not inside the
 * source actor's words, a specific place (city, region, border) before a
 * whole country; the dateline's place when the sentence names none. */
#include "geo/geo.h"
#include "entity/entity.h"
#include <math.h>
#include <string.h>

static const txt_token *tk(const ent_doc *ed, uint32_t t) { return &ed->doc->tok[t]; }
static int word_is(const ent_doc *ed, uint32_t t, const char *const *list)
{
    if (t >= ed->doc->ntok) return 0;
    const char *w = txt_norm(ed->doc, t);
    for (; *list; list++) if (!strcmp(w, *list)) return 1;
    return 0;
}

static const char *const directions[] = {
    "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "NORTHEASTERN", "NORTHWESTERN", "SOUTHEASTERN",
    "SOUTHWESTERN", "CENTRAL", "NORTH", "SOUTH", "EAST", "WEST", "NORTHEAST", "NORTHWEST", "SOUTHEAST",
    "SOUTHWEST", "FAR", "ENTIRE", "WHOLE", "COMMON", "SHARED", "STATE", "NATIONAL", NULL};
static const char *const border_words[] = {"BORDER", "BORDERS", "FRONTIER", "FRONTIERS", "BORDERLAND", NULL};
static const char *const territory_words[] = {"TERRITORY", "TERRITORIES", "SOIL", "AIRSPACE", "LAND", "LANDS",
                                              "WATERS", "SIDE", NULL};
static const char *const region_words[] = {"REGION", "REGIONS", "OBLAST", "PROVINCE", "GOVERNORATE", "STATE",
                                           "KRAI", "DISTRICT", "PREFECTURE", "COUNTY", "AREA", NULL};

/* Skip possessive tokens after a name. */
static uint32_t after_poss(const ent_doc *ed, uint32_t t, int *poss)
{
    *poss = 0;
    while (t < ed->doc->ntok && (tk(ed, t)->flags & TXT_POSS)) { t++; *poss = 1; }
    return t;
}

/* Skip direction adjectives ("western", "southern") from t. */
static uint32_t skip_directions(const ent_doc *ed, uint32_t t, uint32_t end)
{
    while (t < end && word_is(ed, t, directions)) t++;
    return t;
}

/* The country a mention stands for ("RUS"), via its gazetteer entry or
 * its actor code; "" when none. */
static const char *mention_country(const geo_gaz *g, const ent_doc *ed, uint32_t i, char out[4])
{
    const ent_mention *m = &ed->m[i];
    out[0] = 0;
    if (m->geo != UINT32_MAX) { memcpy(out, g->entries[m->geo].country, 4); return out; }
    const char *c = ent_code(ed, i);
    if (strlen(c) >= 3) {
        char iso[4] = {c[0], c[1], c[2], 0};
        if (geo_country(g, iso) != UINT32_MAX) memcpy(out, iso, 4);
    }
    return out;
}

typedef struct places {
    dyad_place *p;
    uint32_t n, cap;
    arena *a;
} places;

static dyad_place *add_place(places *ps)
{
    ps->p = arena_grow(ps->a, ps->p, ps->n, &ps->cap, sizeof *ps->p);
    dyad_place *p = &ps->p[ps->n++];
    memset(p, 0, sizeof *p);
    return p;
}

static dyad_span tok_span(const ent_doc *ed, uint32_t t0, uint32_t t1)
{
    return (dyad_span){tk(ed, t0)->start, tk(ed, t1 - 1)->end};
}

/* Start of the expression: "the" and direction words before the name. */
static uint32_t expr_start(const ent_doc *ed, uint32_t t, uint32_t s0)
{
    while (t > s0 && word_is(ed, t - 1, directions)) t--;
    static const char *const the[] = {"THE", NULL};
    if (t > s0 && word_is(ed, t - 1, the)) t--;
    return t;
}

/* A border after token t ("'s western border", "border with Ukraine"):
 * fills the place and returns 1. */
static int border_after(const geo_gaz *g, const ent_doc *ed, uint32_t t, uint32_t end, dyad_place *pl,
                        uint32_t *stop)
{
    uint32_t q = skip_directions(ed, t, end);
    if (!word_is(ed, q, border_words)) return 0;
    q++;
    static const char *const with[] = {"WITH", NULL};
    if (q + 1 < end && word_is(ed, q, with) && ed->at[q + 1] >= 0) {
        int32_t o = ed->at[q + 1];
        char c[4];
        if (ed->m[o].kind == ENT_LOC && mention_country(g, ed, (uint32_t)o, c)[0]) {
            memcpy(pl->border_with, c, 4);
            q = ed->m[o].tok + ed->m[o].ntok;
        }
    }
    pl->feature = "border";
    *stop = q;
    return 1;
}

void geo_article(const geo_gaz *g, const ent_doc *ed, arena *a, dyad_result *out)
{
    places ps = {NULL, 0, 0, a};
    for (uint32_t i = 0; g && i < ed->n; i++) {
        const ent_mention *m = &ed->m[i];
        uint32_t s0 = ed->doc->sent[m->sentence].tok;
        uint32_t end = s0 + ed->doc->sent[m->sentence].ntok;
        uint32_t after = m->tok + m->ntok;
        char country[4];
        dyad_place pl;
        memset(&pl, 0, sizeof pl);
        uint32_t first = m->tok, stop = after;
        if (m->kind == ENT_PRON && m->possessive && !m->plural && !m->person) {
            /* "its southern border with Ukraine": the country "its" stands for */
            if (m->entity < 0 || !border_after(g, ed, after, end, &pl, &stop)) continue;
            const char *c = ed->ents[m->entity].code;
            char iso[4] = {c[0], c[1], c[2], 0};
            uint32_t ce = strlen(c) >= 3 ? geo_country(g, iso) : UINT32_MAX;
            if (ce == UINT32_MAX) continue;
            geo_fill(g, ce, &pl.geo);
        } else if (m->kind == ENT_LOC) {
            if (!mention_country(g, ed, i, country)[0]) continue;
            int poss;
            uint32_t q = after_poss(ed, after, &poss);
            uint32_t entry = m->geo != UINT32_MAX ? m->geo : geo_country(g, country);
            if (entry == UINT32_MAX) continue;
            const geo_entry *e = &g->entries[entry];
            /* "the Russia-Belarus border": two names joined by a hyphen */
            if (!poss && q < end && (tk(ed, q)->flags & TXT_HYPHEN) && ed->at[q] >= 0 &&
                ed->m[ed->at[q]].kind == ENT_LOC) {
                int32_t o = ed->at[q];
                char c2[4];
                uint32_t q2 = ed->m[o].tok + ed->m[o].ntok;
                if (mention_country(g, ed, (uint32_t)o, c2)[0] && border_after(g, ed, q2, end, &pl, &stop)) {
                    if (!pl.border_with[0]) memcpy(pl.border_with, c2, 4);
                    geo_fill(g, geo_country(g, country), &pl.geo);
                    first = expr_start(ed, m->tok, s0);
                    goto emit;
                }
            }
            if (border_after(g, ed, q, end, &pl, &stop)) {
                geo_fill(g, geo_country(g, country), &pl.geo);
                first = expr_start(ed, m->tok, s0);
            } else if (m->adjective) {
                /* a demonym is a place only with a word of land after it */
                uint32_t r = skip_directions(ed, after, end);
                if (!word_is(ed, r, territory_words)) continue;
                geo_fill(g, geo_country(g, country), &pl.geo);
                pl.feature = "territory";
                stop = r + 1;
            } else {
                geo_fill(g, entry, &pl.geo);
                if (e->feature == GEO_F_COUNTRY) pl.feature = "country";
                else if (e->feature == GEO_F_ADM1) pl.feature = "region";
                else pl.feature = e->capital ? "capital" : "city";
                /* "the western Kursk region": the region itself */
                if (word_is(ed, after, region_words) || e->feature == GEO_F_ADM1) {
                    if (word_is(ed, after, region_words)) {
                        stop = after + 1;
                        if (e->feature == GEO_F_CITY && e->adm1[0]) {
                            /* "Kursk region" when only the city matched */
                            for (uint32_t k = 0; k < g->nentries; k++)
                                if (g->entries[k].feature == GEO_F_ADM1 && !strcmp(g->entries[k].adm1, e->adm1)) {
                                    geo_fill(g, k, &pl.geo);
                                    break;
                                }
                        }
                        pl.feature = "region";
                    }
                    first = expr_start(ed, m->tok, s0);
                }
            }
        } else {
            continue;
        }
    emit:;
        dyad_place *p = add_place(&ps);
        *p = pl;
        p->span = tok_span(ed, first, stop);
        p->name_span = tok_span(ed, m->tok, after);
        p->sentence = m->sentence;
    }
    out->places = ps.p;
    out->nplaces = ps.n;

    /* Each event's place. */
    dyad_geo dateline = {0};
    dateline.name = "";
    if (g && out->dateline && out->dateline[0]) {
        txt_doc d;
        txt_analyse(a, out->dateline, strlen(out->dateline), &d);
        uint32_t *ids = arena_calloc(a, (d.ntok + 1) * sizeof *ids);
        geo_word_ids(g, &d, ids);
        geo_hit h[4];
        if (d.ntok && geo_lookup(g, &d, ids, 0, d.ntok, h, 4) > 0) geo_fill(g, h[0].entry, &dateline);
    }
    dyad_event *ev = (dyad_event *)out->events;
    for (uint32_t k = 0; k < out->nevents; k++) {
        dyad_event *e = &ev[k];
        /* the clause as far as the event tells it: its source, verb and target */
        uint32_t lo = e->verb_span.start, hi = e->verb_span.end;
        const dyad_span *sp[2] = {&e->source_span, &e->target_span};
        for (int j = 0; j < 2; j++)
            if (sp[j]->end) {
                if (sp[j]->start < lo) lo = sp[j]->start;
                if (sp[j]->end > hi) hi = sp[j]->end;
            }
        int best = -1;
        long best_score = 0;
        /* pass 0: a place inside the clause, the most specific, nearest the
         * verb; pass 1: anywhere in the sentence; pass 2: even the source's */
        for (int pass = 0; pass < 3 && best < 0; pass++) {
            for (uint32_t i = 0; i < ps.n; i++) {
                const dyad_place *p = &ps.p[i];
                if (p->sentence != e->sentence) continue;
                /* the source's own words ("Kiev soldiers") say who, not where */
                int in_source = e->source_span.end && p->name_span.start >= e->source_span.start &&
                                p->name_span.end <= e->source_span.end;
                if (in_source && pass < 2) continue;
                if (pass == 0 && (p->span.end <= lo || p->span.start >= hi)) continue;
                long d = p->span.start >= e->verb_span.end ? (long)(p->span.start - e->verb_span.end)
                                                           : 2L * (long)(e->verb_span.start - p->span.end);
                if (d < 0) d = 0;
                if (p->geo.type == DYAD_GEO_COUNTRY && strcmp(p->feature, "border")) d += pass == 0 ? 100000 : 60;
                if (best < 0 || d < best_score) { best = (int)i; best_score = d; }
            }
        }
        if (best >= 0) {
            e->geo = ps.p[best].geo;
            e->geo_span = ps.p[best].span;
        } else if (dateline.type) {
            e->geo = dateline;
        } else {
            memset(&e->geo, 0, sizeof e->geo);
            e->geo.name = "";
            e->geo.lat = e->geo.lon = NAN;
        }
    }
}
