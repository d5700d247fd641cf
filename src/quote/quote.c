/* quote.c: quotations, reported speech and their speakers (see quote.h).
 *
 * 1. Stretches between matching quotation marks are collected, paragraph
 *    by paragraph (a paragraph that ends inside a quotation continues it
 *    when the next one opens with a mark).
 * 2. Each is given a frame: the speaker and verb right after the closing
 *    mark ("," he said / said X / according to X), else the verb of saying
 *    before it in its sentence whose subject is known, else the speaker of
 *    the quotation just before it. A stretch whose frame is the previous
 *    stretch's ("Part one," he said, "part two.") joins it.
 * 3. Each verb of saying with a subject and a reported clause that is not
 *    just a quotation gives an indirect quotation.
 * Subjects are found backwards from the verb over adverbs and auxiliaries,
 * appositions between commas, and coordination ("X reiterated ... and said
 * ..." is X's). */
#include "quote/quote.h"
#include "util/buf.h"
#include <stdlib.h>
#include <string.h>

enum {
    SV_CONTENT = 1 << 0,     /* reports a clause: "said (that) ..." */
    SV_ADDRESSEE = 1 << 1,   /* an addressee first: "told reporters (that) ..." */
    SV_OF = 1 << 2,          /* "accused X of ..." */
    SV_QUOTE_ONLY = 1 << 3,  /* only frames quotations: "called the conflict a "common war"" */
    SV_PARTICIPLE = 1 << 4,  /* "..., saying ...": the clause's subject speaks */
    SV_THAT = 1 << 5,        /* reports a clause only with "that" ("confirmed that ..."); without, its
                                object is a thing ("confirmed the attack", "reiterated allegations") */
};

typedef struct speech_verb {
    const char *w;       /* normalised form */
    const char *lemma;   /* dictionary form */
    unsigned flags;      /* SV_* */
} speech_verb;

/* Sorted (byte order) for bsearch; tests/test_quote.c checks the order. */
static const speech_verb verbs[] = {
    {"ACCUSED", "accuse", SV_CONTENT | SV_OF},
    {"ACCUSES", "accuse", SV_CONTENT | SV_OF},
    {"ACKNOWLEDGED", "acknowledge", SV_CONTENT | SV_THAT},
    {"ACKNOWLEDGES", "acknowledge", SV_CONTENT | SV_THAT},
    {"ADD", "add", SV_CONTENT},
    {"ADDED", "add", SV_CONTENT},
    {"ADDS", "add", SV_CONTENT},
    {"ADMIT", "admit", SV_CONTENT | SV_THAT},
    {"ADMITS", "admit", SV_CONTENT | SV_THAT},
    {"ADMITTED", "admit", SV_CONTENT | SV_THAT},
    {"ALLEGED", "allege", SV_CONTENT | SV_THAT},
    {"ALLEGES", "allege", SV_CONTENT | SV_THAT},
    {"ANNOUNCED", "announce", SV_CONTENT | SV_THAT},
    {"ANNOUNCES", "announce", SV_CONTENT | SV_THAT},
    {"ARGUED", "argue", SV_CONTENT},
    {"ARGUES", "argue", SV_CONTENT},
    {"ASKED", "ask", SV_CONTENT},
    {"ASKS", "ask", SV_CONTENT},
    {"ASSERTED", "assert", SV_CONTENT},
    {"ASSERTS", "assert", SV_CONTENT},
    {"ASSURED", "assure", SV_CONTENT | SV_ADDRESSEE},
    {"ASSURES", "assure", SV_CONTENT | SV_ADDRESSEE},
    {"BOASTED", "boast", SV_CONTENT},
    {"CALLED", "call", SV_QUOTE_ONLY},
    {"CALLS", "call", SV_QUOTE_ONLY},
    {"CLAIMED", "claim", SV_CONTENT},
    {"COMMENTED", "comment", SV_CONTENT | SV_THAT},
    {"COMPLAINED", "complain", SV_CONTENT},
    {"COMPLAINS", "complain", SV_CONTENT},
    {"CONCEDED", "concede", SV_CONTENT},
    {"CONFIRMED", "confirm", SV_CONTENT | SV_THAT},
    {"CONFIRMS", "confirm", SV_CONTENT | SV_THAT},
    {"DECLARED", "declare", SV_CONTENT},
    {"DECLARES", "declare", SV_CONTENT},
    {"DENIED", "deny", SV_CONTENT | SV_THAT},
    {"DENIES", "deny", SV_CONTENT | SV_THAT},
    {"DESCRIBED", "describe", SV_QUOTE_ONLY},
    {"DESCRIBES", "describe", SV_QUOTE_ONLY},
    {"DUBBED", "dub", SV_QUOTE_ONLY},
    {"EMPHASISED", "emphasise", SV_CONTENT},
    {"EMPHASISES", "emphasise", SV_CONTENT},
    {"EMPHASIZED", "emphasise", SV_CONTENT},
    {"EMPHASIZES", "emphasise", SV_CONTENT},
    {"EXPLAINED", "explain", SV_CONTENT},
    {"EXPLAINS", "explain", SV_CONTENT},
    {"INFORMED", "inform", SV_CONTENT | SV_ADDRESSEE},
    {"INSISTED", "insist", SV_CONTENT},
    {"INSISTS", "insist", SV_CONTENT},
    {"LABELED", "label", SV_QUOTE_ONLY},
    {"LABELLED", "label", SV_QUOTE_ONLY},
    {"MAINTAINED", "maintain", SV_CONTENT},
    {"NOTED", "note", SV_CONTENT},
    {"PREDICTED", "predict", SV_CONTENT | SV_THAT},
    {"PROCLAIMED", "proclaim", SV_CONTENT},
    {"PROMISED", "promise", SV_CONTENT | SV_THAT},
    {"PROMISES", "promise", SV_CONTENT | SV_THAT},
    {"RECALLED", "recall", SV_CONTENT | SV_THAT},
    {"REITERATED", "reiterate", SV_CONTENT | SV_THAT},
    {"REITERATES", "reiterate", SV_CONTENT | SV_THAT},
    {"REMARKED", "remark", SV_CONTENT},
    {"REPLIED", "reply", SV_CONTENT},
    {"RESPONDED", "respond", SV_CONTENT},
    {"REVEALED", "reveal", SV_CONTENT | SV_THAT},
    {"SAID", "say", SV_CONTENT},
    {"SAY", "say", SV_CONTENT},
    {"SAYING", "say", SV_CONTENT | SV_PARTICIPLE},
    {"SAYS", "say", SV_CONTENT},
    {"STATED", "state", SV_CONTENT},
    {"STRESSED", "stress", SV_CONTENT},
    {"STRESSES", "stress", SV_CONTENT},
    {"SUGGESTED", "suggest", SV_CONTENT},
    {"SUGGESTS", "suggest", SV_CONTENT},
    {"TELLS", "tell", SV_CONTENT | SV_ADDRESSEE},
    {"TERMED", "term", SV_QUOTE_ONLY},
    {"THREATENED", "threaten", SV_CONTENT},
    {"TOLD", "tell", SV_CONTENT | SV_ADDRESSEE},
    {"TWEETED", "tweet", SV_CONTENT},
    {"URGED", "urge", SV_CONTENT | SV_ADDRESSEE},
    {"URGES", "urge", SV_CONTENT | SV_ADDRESSEE},
    {"VOWED", "vow", SV_CONTENT},
    {"VOWS", "vow", SV_CONTENT},
    {"WARNED", "warn", SV_CONTENT},
    {"WARNS", "warn", SV_CONTENT},
    {"WRITES", "write", SV_CONTENT},
    {"WROTE", "write", SV_CONTENT},
};

static int cmp_verb(const void *k, const void *e) { return strcmp(k, ((const speech_verb *)e)->w); }

static const speech_verb *sv_lookup(const char *w)
{
    return bsearch(w, verbs, sizeof verbs / sizeof *verbs, sizeof *verbs, cmp_verb);
}

const char *quo_speech_verb(const char *norm)
{
    const speech_verb *v = sv_lookup(norm);
    return v ? v->lemma : NULL;
}

enum { MAX_PARTS = 16, APPOSITION_MAX = 30, THAT_WINDOW = 12 };

/* A stretch of words between quotation marks. */
typedef struct stretch {
    uint32_t open;       /* token of the opening mark */
    uint32_t close;      /* token of the closing mark; UINT32_MAX when the paragraph ended first */
    uint32_t t0, t1;     /* the words: tokens [t0, t1) */
    uint8_t continues;   /* continues the stretch before it (next paragraph of one quotation) */
} stretch;

/* Who said something, and with what verb. */
typedef struct frame {
    int32_t speaker;     /* mention, -1 if none */
    uint32_t verb;       /* token of the verb of saying, UINT32_MAX if none */
    const char *lemma;   /* "say", "according to"; "" if none */
} frame;

typedef struct qctx {
    const ent_doc *ed;
    const txt_doc *d;
    arena *a;
    uint8_t *para;       /* per token: first of a paragraph */
    uint8_t *framed;     /* per token: a verb already used as the frame of a direct quotation */
    dyad_quote *q;       /* output */
    uint32_t nq, cq;
} qctx;

static const txt_token *tk(const qctx *c, uint32_t t) { return &c->d->tok[t]; }
static const char *nm(const qctx *c, uint32_t t) { return txt_norm(c->d, t); }
static int is(const qctx *c, uint32_t t, const char *w) { return t < c->d->ntok && !strcmp(nm(c, t), w); }
static int punct(const qctx *c, uint32_t t, char ch)
{
    return t < c->d->ntok && (tk(c, t)->flags & TXT_PUNCT) && nm(c, t)[0] == ch && tk(c, t)->norm_len == 1;
}
static int word(const qctx *c, uint32_t t)
{
    return t < c->d->ntok && (tk(c, t)->flags & (TXT_WORD | TXT_NUMBER)) && !(tk(c, t)->flags & TXT_POSS);
}
static uint32_t sent_of(const qctx *c, uint32_t t) { return c->ed->sent[t]; }
static uint32_t s_first(const qctx *c, uint32_t s) { return c->d->sent[s].tok; }
static uint32_t s_end(const qctx *c, uint32_t s) { return c->d->sent[s].tok + c->d->sent[s].ntok; }

/* The verb of saying at t (outside quotation marks), or NULL. */
static const speech_verb *verb_at(const qctx *c, uint32_t t)
{
    if (!word(c, t) || c->ed->quoted[t] || tk(c, t)->norm_len > 14) return NULL;
    return sv_lookup(nm(c, t));
}

/* Words that may stand between a subject and its verb. */
static int adverbial(const qctx *c, uint32_t t)
{
    static const char *const w[] = {"HAS", "HAVE", "HAD", "IS", "WAS", "WERE", "ARE", "WILL", "WOULD", "DID",
                                    "DOES", "DO", "ALSO", "LATER", "AGAIN", "PREVIOUSLY", "REPORTEDLY",
                                    "EARLIER", "THEN", "FURTHER", "REPEATEDLY", "RECENTLY", "ONCE", "JUST",
                                    "ALREADY", "STILL", "HAS", "OFTEN", "NOW", "ONLY", "FIRST", "ALWAYS", NULL};
    if (!word(c, t)) return 0;
    const char *s = nm(c, t);
    size_t n = tk(c, t)->norm_len;
    if (n > 4 && !strcmp(s + n - 2, "LY") && !(tk(c, t)->flags & TXT_CAP)) return 1;
    for (const char *const *p = w; *p; p++) if (!strcmp(s, *p)) return 1;
    return 0;
}

/* A mention that can speak: a name (not a demonym), a pronoun for a person
 * or group, a description. */
static int can_speak(const qctx *c, int32_t i)
{
    if (i < 0) return 0;
    const ent_mention *m = &c->ed->m[i];
    if (m->kind == ENT_PRON) return !m->possessive && (m->person || m->plural || !strcmp(m->code, ""));
    if (m->kind == ENT_LOC && m->adjective) return 0;
    return 1;
}

/* The speaking mention that opens the phrase at t: of the mentions starting
 * there (or at a "the" there, as descriptions do), the outermost that can
 * speak; -1 if none. Mentions are sorted by start, longest first. */
static int32_t mention_from(const qctx *c, uint32_t t, uint32_t end)
{
    uint32_t from = t;
    if (is(c, t, "THE") && t + 1 < end) t++;
    if (t >= end) return -1;
    int32_t best = -1;
    for (int32_t j = c->ed->at[t]; j >= 0; j--) {
        const ent_mention *m = &c->ed->m[j];
        if (m->tok < from) break;
        if (m->tok + m->ntok > t && can_speak(c, j)) best = j;
    }
    return best;
}

static int32_t find_subject(const qctx *c, uint32_t v, int depth);

/* The subject of the verb of saying before v in its sentence (for "... and
 * said"), else the sentence's first speaking mention. */
static int32_t coordinated_subject(const qctx *c, uint32_t j, int depth)
{
    uint32_t s0 = s_first(c, sent_of(c, j));
    for (uint32_t p = j; p > s0; p--)
        if (verb_at(c, p - 1)) {
            int32_t m = find_subject(c, p - 1, depth + 1);
            if (m >= 0) return m;
        }
    for (uint32_t p = s0; p < j; p++) {
        int32_t m = c->ed->at[p];
        if (m >= 0 && !c->ed->quoted[p] && can_speak(c, m)) return m;
    }
    return -1;
}

/* The subject of the verb at v: the mention ending right before it, past
 * adverbs, auxiliaries and an apposition; -1 if none. */
static int32_t find_subject(const qctx *c, uint32_t v, int depth)
{
    if (depth > 3) return -1;
    uint32_t s0 = s_first(c, sent_of(c, v));
    if (v <= s0) return -1;
    uint32_t j = v - 1;
    for (int appos = 0; appos < 3; appos++) {
        while (j > s0 && adverbial(c, j)) j--;
        if (is(c, j, "AND") || is(c, j, "BUT") || is(c, j, "OR")) return coordinated_subject(c, j, depth);
        if (punct(c, j, ',') || punct(c, j, ')') || (tk(c, j)->flags & TXT_PUNCT && nm(c, j)[0] == '-')) {
            /* ", a key ally of Vladimir Putin," -- back to the comma that opens it */
            uint32_t k = j;
            char closer = nm(c, j)[0];
            char opener = closer == ')' ? '(' : closer;
            while (k > s0 && j - k < APPOSITION_MAX) {
                k--;
                if (punct(c, k, opener) || (opener == '-' && (tk(c, k)->flags & TXT_PUNCT) && nm(c, k)[0] == '-'))
                    break;
            }
            if (k <= s0 || k == j || j - k >= APPOSITION_MAX) return -1;
            j = k - 1;
            continue;
        }
        break;
    }
    int32_t m = ent_ending_at(c->ed, j);
    /* "Lukashenko's spokesman": a description ending here covers it too */
    return can_speak(c, m) ? m : -1;
}

/* ---- reported clauses ---- */

static int starts_clause(const qctx *c, uint32_t t)
{
    static const char *const w[] = {"IT", "HE", "SHE", "THEY", "WE", "I", "THERE", "THE", "A", "AN", "ANY",
                                    "THIS", "THESE", "THOSE", "ITS", "HIS", "HER", "THEIR", "NO", "ALL", NULL};
    for (const char *const *p = w; *p; p++) if (is(c, t, *p)) return 1;
    return 0;
}

static int preposition(const qctx *c, uint32_t t)
{
    static const char *const w[] = {"ON", "IN", "AT", "DURING", "AFTER", "BEFORE", "WITH", "VIA", "THROUGH",
                                    "LATE", "EARLIER", "LAST", "THIS", "WITHOUT", "TO", "FROM", "OVER", NULL};
    for (const char *const *p = w; *p; p++) if (is(c, t, *p)) return 1;
    return 0;
}

/* The reported clause of the verb at v: [*c0, *c1); empty when none.
 * Returns 1 when "that" introduces it. */
static int clause_of(const qctx *c, uint32_t v, const speech_verb *sv, uint32_t *c0, uint32_t *c1)
{
    int that = 0;
    uint32_t end = s_end(c, sent_of(c, v));
    uint32_t t = v + 1;
    /* "said on Thursday it would", "said in an interview ... that" */
    if (sv->flags & SV_OF) {
        uint32_t k = t;
        while (k < end && k - t < 8 && !is(c, k, "OF")) k++;
        if (k < end && is(c, k, "OF")) t = k + 1;
    } else if (sv->flags & SV_ADDRESSEE) {
        int32_t m = mention_from(c, t, end);
        if (m >= 0) t = c->ed->m[m].tok + c->ed->m[m].ntok;
        else if (word(c, t) && !is(c, t, "THAT")) t++;
    }
    if (is(c, t, "THAT")) { t++; that = 1; }
    else if (t < end && preposition(c, t)) {
        uint32_t k = t;
        while (k < end && k - t < THAT_WINDOW && !is(c, k, "THAT") && !(tk(c, k)->flags & TXT_OPEN_Q)) k++;
        if (k < end && is(c, k, "THAT")) { t = k + 1; that = 1; }
        else {
            /* skip the phrase: the preposition, its first word, up to a clause start */
            t += 2;
            while (t < end && t - v < 7 && word(c, t) && !starts_clause(c, t)) t++;
        }
    }
    while (t < end && (punct(c, t, ',') || punct(c, t, ':'))) t++;
    uint32_t e = t;
    while (e < end) {
        if (is(c, e, "ACCORDING") && is(c, e + 1, "TO")) break;
        if ((is(c, e, "AND") || is(c, e, "BUT")) && e + 1 < end && verb_at(c, e + 1)) break;
        e++;
    }
    /* leave out the final punctuation and a comma before a cut */
    while (e > t && (tk(c, e - 1)->flags & TXT_PUNCT) && !(tk(c, e - 1)->flags & TXT_QUOTE)) e--;
    *c0 = t;
    *c1 = e;
    return that;
}

/* ---- frames of quotations ---- */

/* "," he said / said X / X, a spokesman, said / according to X: right
 * after the closing mark at q, in its sentence. */
static frame after_frame(const qctx *c, uint32_t q)
{
    frame f = {-1, UINT32_MAX, ""};
    if (q == UINT32_MAX) return f;
    uint32_t end = s_end(c, sent_of(c, q));
    uint32_t t = q + 1;
    while (t < end && (punct(c, t, ',') || (tk(c, t)->flags & TXT_CLOSE_Q))) t++;
    if (t >= end) return f;
    const speech_verb *sv = verb_at(c, t);
    if (sv) {
        f.speaker = mention_from(c, t + 1, end);
        if (f.speaker >= 0) { f.verb = t; f.lemma = sv->lemma; }
        return f;
    }
    if (is(c, t, "ACCORDING") && is(c, t + 1, "TO")) {
        f.speaker = mention_from(c, t + 2, end);
        if (f.speaker >= 0) { f.verb = t; f.lemma = "according to"; }
        return f;
    }
    int32_t m = mention_from(c, t, end);
    if (m < 0) return f;
    uint32_t k = c->ed->m[m].tok + c->ed->m[m].ntok;
    while (k < end && (tk(c, k)->flags & TXT_POSS)) k++;
    if (punct(c, k, ',')) {
        /* an apposition: ", a spokesman for the ministry," */
        uint32_t j = k + 1;
        while (j < end && j - k < APPOSITION_MAX && !punct(c, j, ',')) j++;
        if (j < end && punct(c, j, ',')) k = j + 1;
    }
    while (k < end && adverbial(c, k)) k++;
    sv = verb_at(c, k);
    if (!sv) return f;
    f.speaker = m;
    f.verb = k;
    f.lemma = sv->lemma;
    return f;
}

/* The verb of saying before the opening mark at q in its sentence, whose
 * subject is known. */
static frame before_frame(const qctx *c, uint32_t q)
{
    frame f = {-1, UINT32_MAX, ""};
    uint32_t s0 = s_first(c, sent_of(c, q));
    for (uint32_t t = q; t > s0; t--) {
        const speech_verb *sv = verb_at(c, t - 1);
        if (!sv) continue;
        int32_t m = find_subject(c, t - 1, 0);
        if (m < 0) continue;
        f.speaker = m;
        f.verb = t - 1;
        f.lemma = sv->lemma;
        break;
    }
    return f;
}

/* ---- output ---- */

static dyad_quote *new_quote(qctx *c)
{
    c->q = arena_grow(c->a, c->q, c->nq, &c->cq, sizeof *c->q);
    dyad_quote *q = &c->q[c->nq++];
    memset(q, 0, sizeof *q);
    q->speaker = q->speaker_name = q->verb = q->text = "";
    q->speaker_entity = -1;
    return q;
}

/* Set the speaker fields of q from frame f. */
static void set_speaker(const qctx *c, dyad_quote *q, frame f)
{
    if (f.verb != UINT32_MAX) {
        q->verb_span = (dyad_span){tk(c, f.verb)->start, tk(c, f.verb)->end};
        if (!strcmp(f.lemma, "according to") && f.verb + 1 < c->d->ntok) q->verb_span.end = tk(c, f.verb + 1)->end;
        q->verb = f.lemma;
    }
    if (f.speaker < 0) return;
    const ent_mention *m = &c->ed->m[f.speaker];
    uint32_t s = tk(c, m->tok)->start, e = tk(c, m->tok + m->ntok - 1)->end;
    q->speaker_span = (dyad_span){s, e};
    q->speaker = arena_strndup(c->a, c->d->text + s, e - s);
    int32_t ent = ent_of(c->ed, (uint32_t)f.speaker);
    q->speaker_entity = ent;
    if (ent >= 0) q->speaker_name = c->ed->ents[ent].name;
    else q->speaker_name = m->holder;  /* "the Belarusian leader", named by the dictionaries */
    snprintf(q->speaker_code, sizeof q->speaker_code, "%s", ent_code(c->ed, (uint32_t)f.speaker));
}

/* The words of parts [t0, t1), joined by one space, line breaks folded,
 * without a trailing comma inside the marks. */
static const char *join_parts(qctx *c, const uint32_t (*parts)[2], int n)
{
    buf b;
    buf_init(&b);
    for (int i = 0; i < n; i++) {
        if (parts[i][0] >= parts[i][1]) continue;
        uint32_t s = tk(c, parts[i][0])->start, e = tk(c, parts[i][1] - 1)->end;
        if (b.len) buf_addc(&b, ' ');
        for (uint32_t k = s; k < e; k++) {
            char ch = c->d->text[k];
            if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
            if (ch == ' ' && b.len && b.data[b.len - 1] == ' ') continue;
            buf_addc(&b, ch);
        }
    }
    while (b.len && (b.data[b.len - 1] == ',' || b.data[b.len - 1] == ' ')) b.len--;
    const char *out = arena_strndup(c->a, b.data ? b.data : "", b.len);
    buf_free(&b);
    return out;
}

/* ---- stretches ---- */

static int family(const qctx *c, uint32_t t) { return nm(c, t)[0]; }

static uint32_t collect(qctx *c, stretch *st, uint32_t max)
{
    uint32_t n = 0, open = UINT32_MAX;
    int fam = 0, depth = 0;
    uint8_t cont = 0;  /* the stretch being read continues the one before */
    for (uint32_t t = 0; t < c->d->ntok; t++) {
        unsigned f = tk(c, t)->flags;
        if (open != UINT32_MAX && c->para[t]) {
            /* A paragraph ends inside the quotation; it goes on when the
             * next paragraph opens with the same mark. */
            st[n++] = (stretch){open, UINT32_MAX, open + 1, t, cont};
            if (n == max) return n;
            if ((f & TXT_OPEN_Q) && family(c, t) == fam) { open = t; depth = 1; cont = 1; continue; }
            open = UINT32_MAX;
        }
        if (open == UINT32_MAX) {
            if (f & TXT_OPEN_Q) { open = t; fam = family(c, t); depth = 1; cont = 0; }
            continue;
        }
        /* marks of the other kind are quotations inside this one */
        if (!(f & TXT_QUOTE) || family(c, t) != fam) continue;
        if (f & TXT_OPEN_Q) depth++;
        else if ((f & TXT_CLOSE_Q) && --depth == 0) {
            st[n++] = (stretch){open, t, open + 1, t, cont};
            open = UINT32_MAX;
            if (n == max) return n;
        }
    }
    if (open != UINT32_MAX && n < max) st[n++] = (stretch){open, UINT32_MAX, open + 1, c->d->ntok, cont};
    return n;
}

/* Is the stretch a full sentence or more (a direct quotation) rather than
 * a fragment ("trample on our country", scare quotes)? */
static int full_quote(const qctx *c, const uint32_t (*parts)[2], int n)
{
    uint32_t words = 0;
    for (int i = 0; i < n; i++)
        for (uint32_t t = parts[i][0]; t < parts[i][1]; t++) words += word(c, t);
    if (n > 1 || words >= 8) return 1;
    /* a sentence: capitalised, or a clause with its subject ("we would have no choice") */
    static const char *const subjects[] = {"I", "WE", "YOU", "HE", "SHE", "IT", "THEY", "THERE", NULL};
    int subject = 0;
    for (const char *const *p = subjects; *p && !subject; p++) subject = is(c, parts[0][0], *p);
    return words >= 3 && ((tk(c, parts[0][0])->flags & TXT_CAP) || subject);
}

static void direct_quotes(qctx *c)
{
    uint32_t max = c->d->ntok / 2 + 2;
    stretch *st = arena_calloc(c->a, (max + 1) * sizeof *st);
    uint32_t n = collect(c, st, max);
    frame prev_after = {-1, UINT32_MAX, ""};
    int32_t prev_q = -1;             /* last quotation emitted */
    uint32_t prev_end = 0;           /* its last token */
    for (uint32_t i = 0; i < n;) {
        /* a quotation: this stretch and those continuing it */
        uint32_t parts[MAX_PARTS][2];
        int np = 0;
        uint32_t j = i;
        do {
            if (np < MAX_PARTS) { parts[np][0] = st[j].t0; parts[np][1] = st[j].t1; np++; }
            j++;
        } while (j < n && st[j].continues);
        uint32_t open = st[i].open, close = st[j - 1].close;
        frame bf = before_frame(c, open);
        /* "Part one," he said, "part two.": the frame of the previous stretch */
        if (prev_q >= 0 && bf.verb != UINT32_MAX && bf.verb == prev_after.verb && prev_after.verb > prev_end) {
            dyad_quote *q = &c->q[prev_q];
            uint32_t whole[1][2] = {{parts[0][0], parts[np - 1][1]}};
            const char *more = join_parts(c, (const uint32_t (*)[2])whole, 1);
            buf b;
            buf_init(&b);
            buf_adds(&b, q->text);
            if (b.len) buf_addc(&b, ' ');
            buf_adds(&b, more);
            q->text = arena_strndup(c->a, b.data, b.len);
            buf_free(&b);
            q->span.end = tk(c, parts[np - 1][1] > parts[np - 1][0] ? parts[np - 1][1] - 1 : parts[np - 1][0])->end;
            q->kind = DYAD_QUOTE_DIRECT;
            c->framed[bf.verb] = 1;
            prev_end = parts[np - 1][1];
            i = j;
            continue;
        }
        frame af = after_frame(c, close);
        frame f = af.speaker >= 0 ? af : bf;
        int full = full_quote(c, (const uint32_t (*)[2])parts, np);
        if (f.speaker < 0 && full && prev_q >= 0) {
            /* alone in its sentence: the speaker of the quotation just before,
             * in this paragraph or the one before */
            uint32_t paras = 0;
            for (uint32_t t = prev_end; t <= open && paras < 3; t++) paras += c->para[t];
            if (paras <= 1) {
                f.speaker = -2;  /* copied below */
            }
        }
        if (f.speaker == -1 && !full) { i = j; continue; }  /* a scare quote no one says */
        if (parts[0][0] >= parts[np - 1][1]) { i = j; continue; }  /* empty marks */
        dyad_quote *q = new_quote(c);
        q->kind = full ? DYAD_QUOTE_DIRECT : DYAD_QUOTE_PARTIAL;
        q->span = (dyad_span){tk(c, parts[0][0])->start, tk(c, parts[np - 1][1] - 1)->end};
        q->text = join_parts(c, (const uint32_t (*)[2])parts, np);
        q->sentence = sent_of(c, parts[0][0]);
        if (f.speaker == -2) {
            const dyad_quote *p = &c->q[prev_q];
            q->speaker_span = p->speaker_span;
            q->speaker = p->speaker;
            q->speaker_name = p->speaker_name;
            memcpy(q->speaker_code, p->speaker_code, sizeof q->speaker_code);
            q->speaker_entity = p->speaker_entity;
        } else {
            set_speaker(c, q, f);
        }
        /* a verb that frames a quotation opening its clause reports no other clause */
        if (bf.verb != UINT32_MAX && f.verb == bf.verb) {
            uint32_t k = bf.verb + 1;
            while (k < open && (punct(c, k, ',') || punct(c, k, ':') || is(c, k, "THAT"))) k++;
            if (k == open) c->framed[bf.verb] = 1;
        }
        if (af.verb != UINT32_MAX) c->framed[af.verb] = 1;
        prev_q = (int32_t)(c->nq - 1);
        prev_after = af;
        prev_end = close == UINT32_MAX ? parts[np - 1][1] : close;
        i = j;
    }
}

/* ---- indirect speech ---- */

static void indirect(qctx *c)
{
    for (uint32_t v = 0; v < c->d->ntok; v++) {
        const speech_verb *sv = verb_at(c, v);
        if (!sv || !(sv->flags & SV_CONTENT) || c->framed[v]) continue;
        int32_t subj = find_subject(c, v, 0);
        if (subj < 0) continue;
        uint32_t c0, c1;
        int that = clause_of(c, v, sv, &c0, &c1);
        if (c0 < c1 && (sv->flags & SV_THAT) && !that) continue;
        if (c0 >= c1) {
            /* "..., he said." -- the clause comes first */
            uint32_t st = c->ed->m[subj].tok;
            uint32_t s0 = s_first(c, sent_of(c, v));
            if (st <= s0 + 1 || !punct(c, st - 1, ',') || (tk(c, st - 2)->flags & TXT_QUOTE)) continue;
            c0 = s0;
            c1 = st - 1;
        }
        /* only words? at least two of them */
        uint32_t words = 0;
        for (uint32_t t = c0; t < c1; t++) words += word(c, t);
        if (words < 2) continue;
        dyad_quote *q = new_quote(c);
        q->kind = DYAD_QUOTE_INDIRECT;
        q->span = (dyad_span){tk(c, c0)->start, tk(c, c1 - 1)->end};
        uint32_t part[1][2] = {{c0, c1}};
        q->text = join_parts(c, (const uint32_t (*)[2])part, 1);
        q->sentence = sent_of(c, c0);
        set_speaker(c, q, (frame){subj, v, sv->lemma});
    }
}

static int cmp_quote(const void *a, const void *b)
{
    const dyad_quote *x = a, *y = b;
    if (x->span.start != y->span.start) return x->span.start < y->span.start ? -1 : 1;
    return x->kind - y->kind;
}

void quo_article(const ent_doc *ed, arena *a, dyad_result *out)
{
    qctx c;
    memset(&c, 0, sizeof c);
    c.ed = ed;
    c.d = ed->doc;
    c.a = a;
    uint32_t nt = c.d->ntok + 1;
    c.para = arena_calloc(a, nt);
    c.framed = arena_calloc(a, nt);
    /* A paragraph starts with a sentence that follows a line break. */
    for (uint32_t s = 0; s < c.d->nsent; s++) {
        uint32_t t = c.d->sent[s].tok;
        if (!t) { c.para[t] = 1; continue; }
        for (uint32_t k = c.d->tok[t - 1].end; k < c.d->tok[t].start; k++)
            if (c.d->text[k] == '\n') { c.para[t] = 1; break; }
    }
    direct_quotes(&c);
    indirect(&c);
    if (c.nq) qsort(c.q, c.nq, sizeof *c.q, cmp_quote);
    out->quotes = c.q;
    out->nquotes = c.nq;
}
