/* sentence.c: sentence boundaries over the token stream, and txt_analyse. */
#include "text/text_impl.h"
#include <string.h>

/* How a token can start a sentence. */
enum { S_LOWER, S_UPPER, S_DIGIT, S_OPENQ, S_OPENB, S_CONT, S_OTHER };
/* What kind of sentence end a token is. */
enum { T_NONE, T_STRONG, T_SOFT, T_INITIAL, T_TITLE };

typedef struct splitter {
    const txt_build *b;
    int wrapped;       /* newlines inside sentences seen: hard-wrapped prose */
    uint32_t wrap_w;   /* longest such line, bytes */
} splitter;

static int start_kind(const txt_build *b, uint32_t i)
{
    const txt_token *t = &b->tok[i];
    if (t->flags & TXT_OPEN_Q) return S_OPENQ;
    if (b->aux[i] == PX_OPEN) return S_OPENB;
    if (t->flags & (TXT_WORD | TXT_NUMBER | TXT_POSS)) {
        int32_t cp;
        if (txt_dec(b->s, b->n, t->start, &cp) < 0) return S_OTHER;
        if (cp >= '0' && cp <= '9') return S_DIGIT;
        if (txt_is_lower(cp)) return S_LOWER;
        return txt_class(cp) == CH_DIGIT ? S_DIGIT : S_UPPER;  /* uncased scripts too */
    }
    if (b->aux[i] == PX_COMMA || b->aux[i] == PX_CLOSE || (t->flags & TXT_CLOSE_Q)) return S_CONT;
    char c = b->s[t->start];
    return c == ':' || c == '%' ? S_CONT : S_OTHER;
}

static int term_kind(const txt_build *b, uint32_t t)
{
    switch (b->aux[t]) {
    case PX_PERIOD: case PX_TERM: return T_STRONG;
    case PX_ELLIPSIS: case AB_ABBR: case AB_ACRONYM: case AB_NUMREF: return T_SOFT;
    case AB_INITIAL: return T_INITIAL;
    case AB_TITLE: return T_TITLE;
    default: return T_NONE;
    }
}

static int is_closer(const txt_build *b, uint32_t i)
{
    return (b->tok[i].flags & TXT_CLOSE_Q) || b->aux[i] == PX_CLOSE;
}

/* The token that would end a sentence just before token i: i-1, or the
 * terminal before closing quotes/brackets ('country."' ends at the '.'). */
static uint32_t find_term(const txt_build *b, uint32_t i, uint32_t from)
{
    uint32_t k = i - 1;
    while (k > from && is_closer(b, k) && !(b->gap[k] & G_NL)) k--;
    return k;
}

/* After an abbreviation, a new sentence starts only with a capitalised
 * common opener: "in the U.S. The president" vs "U.S. President". */
static int opener_follows(const txt_build *b, uint32_t i, unsigned minlen)
{
    const txt_token *t = &b->tok[i];
    if (!(t->flags & TXT_WORD) || !(t->flags & TXT_CAP) || t->norm_len < minlen) return 0;
    return txt_is_opener(b->norm + t->norm, t->norm_len);
}

/* Lower-case words that cannot end a line of unwrapped text. */
static int is_function_word(const txt_build *b, uint32_t i)
{
    static const char *const w[] = {"AND", "OR", "BUT", "NOR", "OF", "THE", "A", "AN", "TO",
        "IN", "ON", "AT", "FOR", "WITH", "BY", "FROM", "AS", "THAT", "WHICH", "WHO", "THAN"};
    const txt_token *t = &b->tok[i];
    if (!(t->flags & TXT_WORD) || (t->flags & TXT_CAP)) return 0;
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (strcmp(b->norm + t->norm, w[k]) == 0) return 1;
    return 0;
}

/* In text with one paragraph per line, does the line ending at token
 * last still go on (a comma, a title, "and" at the end)? */
static int line_continues(const txt_build *b, uint32_t last, int tk)
{
    const txt_token *t = &b->tok[last];
    return tk == T_TITLE || tk == T_INITIAL || b->aux[last] == PX_COMMA ||
           b->aux[last] == PX_DASH || b->aux[last] == PX_OPEN || (t->flags & TXT_OPEN_Q) ||
           is_function_word(b, last);
}

static int is_bullet(const txt_build *b, uint32_t i)
{
    const txt_token *t = &b->tok[i];
    const char *nm = b->norm + t->norm;
    if (b->aux[i] == PX_DASH || !strcmp(nm, "*") || !strcmp(nm, "\xE2\x80\xA2") || !strcmp(nm, "\xC2\xB7"))
        return 1;
    if (!(t->flags & TXT_NUMBER) || i + 1 >= b->ntok || b->gap[i + 1]) return 0;
    return b->aux[i + 1] == PX_PERIOD || b->s[b->tok[i + 1].start] == ')';
}

/* In wrapped text, a line [ls, end) with no final punctuation still ends
 * its sentence when it looks like a heading: all capitals, or clearly
 * shorter than the wrapping width. */
static int heading_line(const splitter *sp, uint32_t ls, uint32_t end)
{
    const txt_build *b = sp->b;
    int words = 0, caps = 1;
    for (uint32_t k = ls; k < end; k++) {
        if (!(b->tok[k].flags & TXT_WORD)) continue;
        words++;
        if (!(b->tok[k].flags & TXT_ALLCAPS) && b->tok[k].norm_len > 1) caps = 0;
    }
    if (words && caps) return 1;
    uint32_t w = b->tok[end - 1].end - b->tok[ls].start;
    return (uint64_t)w * 10 < (uint64_t)sp->wrap_w * 6;
}

/* Is there a sentence boundary between tokens i-1 and i? from is the
 * current sentence's first token, ls the first token of i-1's line. */
static int boundary(const splitter *sp, uint32_t i, uint32_t from, uint32_t ls)
{
    const txt_build *b = sp->b;
    uint8_t g = b->gap[i];
    if (g & G_PARA) return 1;
    int ax = b->aux[i];
    if (is_closer(b, i) || ax == PX_TERM || ax == PX_PERIOD || ax == PX_ELLIPSIS) return 0;
    uint32_t t = find_term(b, i, from);
    int tk = term_kind(b, t), sk = start_kind(b, i);
    if (g & G_NL) {
        if (!sp->wrapped) return !line_continues(b, i - 1, tk);
        if (tk == T_NONE) return sk != S_LOWER && (is_bullet(b, i) || heading_line(sp, ls, i));
    }
    switch (tk) {
    case T_STRONG: return sk != S_LOWER && sk != S_CONT;
    case T_SOFT: return opener_follows(b, i, 1);
    case T_INITIAL: return opener_follows(b, i, 2);
    default: return 0;
    }
}

/* Hard-wrapped prose shows itself by lines that stop without final
 * punctuation and go on in lower case; their length is the wrap width. */
static void detect_wrap(splitter *sp)
{
    const txt_build *b = sp->b;
    uint32_t ls = 0;
    for (uint32_t i = 1; i < b->ntok; i++) {
        if (!(b->gap[i] & G_NL)) continue;
        if (!(b->gap[i] & G_PARA) && term_kind(b, find_term(b, i, ls)) == T_NONE &&
            start_kind(b, i) == S_LOWER) {
            sp->wrapped = 1;
            uint32_t w = b->tok[i - 1].end - b->tok[ls].start;
            if (w > sp->wrap_w) sp->wrap_w = w;
        }
        ls = i;
    }
}

/* Close sentence [from, end): flag its final punctuation. */
static void finish(txt_build *b, txt_doc *doc, uint32_t from, uint32_t end, int depth)
{
    if (doc->nsent == b->scap) {  /* grow by copying, as token arrays do */
        uint32_t cap = b->scap * 2;
        txt_sentence *v = arena_alloc(b->a, cap * sizeof *v);
        memcpy(v, doc->sent, doc->nsent * sizeof *v);
        doc->sent = v;
        b->scap = cap;
    }
    txt_sentence *s = &doc->sent[doc->nsent++];
    s->start = b->tok[from].start;
    s->end = b->tok[end - 1].end;
    s->tok = from;
    s->ntok = end - from;
    s->quote_depth = depth > 0;
    uint32_t t = find_term(b, end, from);
    if (term_kind(b, t) == T_NONE) return;
    b->tok[t].flags |= TXT_SENT_END;
    /* "?!": every mark of the final run ends the sentence */
    while (t > from && b->gap[t] == 0 && (b->aux[t - 1] == PX_TERM || b->aux[t - 1] == PX_PERIOD))
        b->tok[--t].flags |= TXT_SENT_END;
}

void txt_sentences(txt_build *b, txt_doc *doc)
{
    splitter sp = {b, 0, 0};
    b->scap = b->ntok / 16 + 4;  /* news averages 20-30 tokens a sentence */
    doc->sent = arena_alloc(b->a, b->scap * sizeof *doc->sent);
    doc->nsent = 0;
    if (b->ntok == 0) return;
    detect_wrap(&sp);
    uint32_t from = 0, ls = 0;
    int depth = 0, sdepth = 0;
    for (uint32_t i = 0; i < b->ntok; i++) {
        if (i > 0 && boundary(&sp, i, from, ls)) {
            finish(b, doc, from, i, sdepth);
            if (b->gap[i] & G_NL) depth = 0;  /* an unclosed quote ends with its paragraph */
            from = i;
            sdepth = depth;
        }
        if (b->gap[i] & G_NL) ls = i;
        unsigned f = b->tok[i].flags;
        if (f & TXT_OPEN_Q) depth++;
        else if ((f & TXT_CLOSE_Q) && depth > 0) depth--;
    }
    finish(b, doc, from, b->ntok, sdepth);
    /* Abbreviations keep their period; those not ending a sentence say so. */
    for (uint32_t i = 0; i < b->ntok; i++)
        if (b->aux[i] >= AB_TITLE && b->aux[i] <= AB_NUMREF && !(b->tok[i].flags & TXT_SENT_END))
            b->tok[i].flags |= TXT_ABBREV;
}

int txt_analyse(arena *a, const char *text, size_t len, txt_doc *doc)
{
    if (!text) len = 0;
    if (len > UINT32_MAX - 1) len = UINT32_MAX - 1;  /* offsets are 32-bit */
    txt_build b;
    memset(&b, 0, sizeof b);
    b.a = a;
    b.s = (const unsigned char *)(text ? text : "");
    b.n = len;
    b.cap = (uint32_t)(len / 4 + 16);
    b.tok = arena_alloc(a, b.cap * sizeof *b.tok);
    b.gap = arena_alloc(a, b.cap);
    b.aux = arena_alloc(a, b.cap);
    b.ncap = len + 64;
    b.norm = arena_alloc(a, b.ncap);
    txt_tokenise(&b);
    doc->text = (const char *)b.s;
    doc->len = len;
    txt_sentences(&b, doc);
    doc->tok = b.tok;
    doc->ntok = b.ntok;
    doc->norm = b.norm;
    doc->bad = b.bad ? b.bad : arena_alloc(a, sizeof *doc->bad);
    doc->nbad = b.nbad;
    return 0;
}
