/* html.c: the article body of a web page (see html.h for the contract).
 *
 * How the body is found (a readability/boilerpipe-style scorer over
 * libxml2's tree):
 *  1. Walk the tree once. Never-content elements (script, style, nav,
 *     aside, forms' controls, iframes, hidden elements) are skipped with
 *     their subtree, and so are elements whose class/id words say
 *     boilerplate (share, social, comment, related, newsletter, ad, promo,
 *     cookie, breadcrumb... and, unless a content word such as "article",
 *     "body" or "content" is there too, sidebar, menu, header, footer...).
 *     The visible text is cut into blocks at block-level element
 *     boundaries and <br>; each block knows its innermost block element,
 *     its length, its words and how much of it is link text.
 *  2. Blocks are classed: good (a real paragraph: enough words, little
 *     link text), bad (mostly links: menus, related-article lists) or
 *     neutral (short lines: headings, captions, bylines).
 *  3. Every element gets the good and the bad text of its subtree; the
 *     container is the element with the most good text net of the bad
 *     (text density against link density), a content-like class/id
 *     tipping close calls. Articles cut into several sibling blocks by
 *     ads or pictures are kept whole because their common parent scores
 *     higher than any part.
 *  4. The body is the container's blocks less link-dense ones and
 *     boilerplate lines ("Advertisement", "Share this"), trimmed of the
 *     non-paragraph lines before its first and after its last paragraph
 *     (bylines, timestamps, "read more" trails), headline excluded.
 * If the class/id rules left less than a paragraph (pages that wrap their
 * article in a "sidebar-layout" or similar), step 1 is redone without
 * them. */
#include "input/html_impl.h"
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NOINDEX UINT32_MAX

/* What an element is to the extractor. */
enum {
    TK_INLINE = 0, /* text-level: span, em, b, ... (also unknown tags) */
    TK_LINK,       /* <a>: its text is link text */
    TK_BREAK,      /* <br>: ends a block */
    TK_BLOCK,      /* div, section and other block containers */
    TK_PARA,       /* <p> */
    TK_HEAD,       /* h1..h6 */
    TK_ITEM,       /* li, dt, dd */
    TK_CELL,       /* td, th */
    TK_QUOTE,      /* blockquote, pre */
    TK_CONTENT,    /* article, main: a container that says it is content */
    TK_DROP,       /* never content: skipped with its subtree */
};

typedef struct tag_kind {
    const char *name; /* lowercase tag name */
    unsigned char kind; /* TK_* */
} tag_kind;

/* Sorted by name for bsearch. */
static const tag_kind tags[] = {
    {"a", TK_LINK},          {"address", TK_BLOCK},  {"applet", TK_DROP},    {"article", TK_CONTENT},
    {"aside", TK_DROP},      {"audio", TK_DROP},     {"blockquote", TK_QUOTE}, {"body", TK_BLOCK},
    {"br", TK_BREAK},        {"button", TK_DROP},    {"canvas", TK_DROP},    {"center", TK_BLOCK},
    {"dd", TK_ITEM},         {"details", TK_BLOCK},  {"dialog", TK_DROP},    {"dir", TK_BLOCK},
    {"div", TK_BLOCK},       {"dl", TK_BLOCK},       {"dt", TK_ITEM},        {"embed", TK_DROP},
    {"fieldset", TK_BLOCK},  {"figcaption", TK_DROP}, {"figure", TK_DROP}, {"footer", TK_DROP},
    {"form", TK_BLOCK},      {"frame", TK_DROP},     {"frameset", TK_DROP},  {"h1", TK_HEAD},
    {"h2", TK_HEAD},         {"h3", TK_HEAD},        {"h4", TK_HEAD},        {"h5", TK_HEAD},
    {"h6", TK_HEAD},         {"head", TK_DROP},      {"header", TK_BLOCK},   {"hgroup", TK_BLOCK},
    {"hr", TK_BREAK},        {"html", TK_BLOCK},     {"iframe", TK_DROP},    {"input", TK_DROP},
    {"label", TK_DROP},      {"legend", TK_BLOCK},   {"li", TK_ITEM},        {"link", TK_DROP},
    {"main", TK_CONTENT},    {"map", TK_DROP},       {"menu", TK_DROP},      {"meta", TK_DROP},
    {"nav", TK_DROP},        {"noscript", TK_DROP},  {"object", TK_DROP},    {"ol", TK_BLOCK},
    {"option", TK_DROP},     {"p", TK_PARA},         {"picture", TK_DROP},   {"pre", TK_QUOTE},
    {"script", TK_DROP},     {"section", TK_BLOCK},  {"select", TK_DROP},    {"source", TK_DROP},
    {"style", TK_DROP},      {"summary", TK_BLOCK},  {"svg", TK_DROP},       {"table", TK_BLOCK},
    {"tbody", TK_BLOCK},     {"td", TK_CELL},        {"template", TK_DROP},  {"textarea", TK_DROP},
    {"tfoot", TK_BLOCK},     {"th", TK_CELL},        {"thead", TK_BLOCK},    {"title", TK_DROP},
    {"tr", TK_BLOCK},        {"ul", TK_BLOCK},       {"video", TK_DROP},
};

static int tag_cmp(const void *k, const void *e)
{
    return strcmp((const char *)k, ((const tag_kind *)e)->name);
}

static int tag_of(const xmlNode *n)
{
    const tag_kind *t = bsearch(n->name, tags, sizeof tags / sizeof tags[0], sizeof tags[0], tag_cmp);
    return t ? t->kind : TK_INLINE;
}

/* ---- class and id words ---- */

enum {
    CW_POS = 1,   /* content-like: article, body, content, story ... */
    CW_SOFT = 2,  /* boilerplate-like unless a content word is there too */
    CW_HARD = 4,  /* boilerplate whatever else is said */
    CW_NEG = 8,   /* lowers the container score, never drops */
    CW_STOP = 16, /* a word that merely starts like a pattern: no verdict */
    CW_BODY = 32, /* itemprop="articleBody": the publisher marked the body */
};

typedef struct class_word {
    const char *w;        /* the word, lowercase */
    unsigned char flags;  /* CW_* */
    unsigned char prefix; /* 1: matches words starting with w; 0: whole word */
} class_word;

/* Checked in order; a word takes the first entry it matches, so the
 * exceptions (CW_STOP) come before the patterns they would match. */
static const class_word class_words[] = {
    {"commentary", CW_STOP, 0}, {"address", CW_STOP, 0}, {"adapt", CW_STOP, 1}, {"header-image", CW_STOP, 0},
    {"share", CW_HARD, 1}, {"sharing", CW_HARD, 1}, {"social", CW_HARD, 1}, {"comment", CW_HARD, 1},
    {"disqus", CW_HARD, 1}, {"related", CW_HARD, 1}, {"recommend", CW_HARD, 1}, {"newsletter", CW_HARD, 1},
    {"subscri", CW_HARD, 1}, {"signup", CW_HARD, 1}, {"promo", CW_HARD, 1}, {"advert", CW_HARD, 1},
    {"ad", CW_HARD, 0}, {"ads", CW_HARD, 0}, {"adsense", CW_HARD, 1}, {"adslot", CW_HARD, 1},
    {"adunit", CW_HARD, 1}, {"adsbygoogle", CW_HARD, 1}, {"adwrap", CW_HARD, 1}, {"dfp", CW_HARD, 0},
    {"outbrain", CW_HARD, 1}, {"taboola", CW_HARD, 1}, {"zergnet", CW_HARD, 1}, {"cookie", CW_HARD, 1},
    {"consent", CW_HARD, 1}, {"gdpr", CW_HARD, 1}, {"popup", CW_HARD, 1}, {"modal", CW_HARD, 1},
    {"breadcrumb", CW_HARD, 1}, {"pagination", CW_HARD, 1}, {"pager", CW_HARD, 0}, {"sponsor", CW_HARD, 1},
    {"trending", CW_HARD, 1}, {"popular", CW_HARD, 1}, {"mostread", CW_HARD, 1}, {"tags", CW_HARD, 0},
    {"taglist", CW_HARD, 1}, {"skip", CW_HARD, 1}, {"print", CW_HARD, 0}, {"toolbar", CW_HARD, 1}, {"tools", CW_HARD, 0},
    {"sidebar", CW_SOFT, 1}, {"nav", CW_SOFT, 1}, {"menu", CW_SOFT, 1}, {"header", CW_SOFT, 1},
    {"masthead", CW_SOFT, 1}, {"banner", CW_SOFT, 1}, {"footer", CW_SOFT, 1}, {"widget", CW_SOFT, 1},
    {"rail", CW_SOFT, 0}, {"more", CW_SOFT, 0}, {"aside", CW_SOFT, 1}, {"community", CW_SOFT, 1}, {"shoutbox", CW_SOFT, 1},
    {"skyscraper", CW_SOFT, 1}, {"remark", CW_SOFT, 1}, {"replies", CW_SOFT, 1}, {"rss", CW_SOFT, 0},
    {"combx", CW_SOFT, 1}, {"supplemental", CW_SOFT, 1}, {"agegate", CW_SOFT, 1}, {"extra", CW_SOFT, 0},
    {"article", CW_POS, 1}, {"body", CW_POS, 1}, {"content", CW_POS, 1}, {"entry", CW_POS, 1},
    {"main", CW_POS, 1}, {"post", CW_POS, 1}, {"story", CW_POS, 1}, {"text", CW_POS, 1},
    {"blog", CW_POS, 1}, {"prose", CW_POS, 1}, {"hentry", CW_POS, 0}, {"paragraph", CW_POS, 1},
    {"richtext", CW_POS, 1},
    {"caption", CW_HARD, 1}, {"credit", CW_NEG, 1}, {"meta", CW_NEG, 0}, {"media", CW_NEG, 0},
    {"footnote", CW_NEG, 1}, {"contact", CW_NEG, 1}, {"shopping", CW_NEG, 1}, {"byline", CW_NEG, 1},
};

/* Verdict of one word w[0..n) (lowercase). */
static unsigned word_flags(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof class_words / sizeof class_words[0]; i++) {
        const class_word *c = &class_words[i];
        if (c->w[0] != w[0]) continue;
        size_t k = strlen(c->w);
        if (c->prefix ? n >= k && !memcmp(w, c->w, k) : n == k && !memcmp(w, c->w, k)) return c->flags;
    }
    return 0;
}

/* Whole class names that hide an element (a word such as "hidden" alone
 * says too little: "field-label-hidden" hides a label, not the field). */
static int hiding_class(const char *s)
{
    static const char *const names[] = {"hidden", "element-hidden", "sr-only", "visually-hidden", "visuallyhidden",
                                        "screen-reader-text", "screen-reader-only", "u-hidden", "hide", "is-hidden",
                                        "d-none", "invisible", NULL};
    for (const char *p = s; *p;) {
        while (*p == ' ') p++;
        size_t n = strcspn(p, " ");
        for (const char *const *h = names; *h; h++)
            if (n == strlen(*h) && !strncasecmp(p, *h, n)) return 1;
        p += n;
    }
    return 0;
}

/* Union of the verdicts of the words of class and id (split at anything
 * not a letter or digit; camelCase split too: "shareBar" -> share, bar). */
static unsigned class_flags(const xmlNode *n)
{
    unsigned f = 0;
    for (int k = 0; k < 2; k++) {
        const char *s = hm_attr(n, k ? "id" : "class");
        if (!s) continue;
        if (!k && hiding_class(s)) f |= CW_HARD;
        char w[32];
        size_t len = 0;
        for (const char *p = s;; p++) {
            unsigned char c = (unsigned char)*p;
            int upper = c >= 'A' && c <= 'Z';
            if (!isalnum(c) || (upper && len && islower((unsigned char)p[-1]))) {
                if (len && len < sizeof w) f |= word_flags(w, len) & ~CW_STOP;
                len = 0;
                if (!c) break;
                if (!upper) continue;
            }
            if (len < sizeof w) w[len] = (char)tolower(c);
            len++;
        }
    }
    return f;
}

/* display:none, visibility:hidden, the hidden attribute. */
static int hidden(const xmlNode *n)
{
    if (hm_attr(n, "hidden")) return 1;
    const char *st = hm_attr(n, "style");
    if (!st) return 0;
    for (const char *p = st; (p = strchr(p, ':')); p++) {
        const char *v = p + 1;
        while (*v == ' ') v++;
        if (!strncasecmp(v, "none", 4) || !strncasecmp(v, "hidden", 6)) {
            /* the property name before the colon */
            const char *k = p;
            while (k > st && k[-1] == ' ') k--;
            if ((k - st >= 7 && !strncasecmp(k - 7, "display", 7)) || (k - st >= 10 && !strncasecmp(k - 10, "visibility", 10)))
                return 1;
        }
    }
    return 0;
}

/* ---- the walk ---- */

typedef struct hnode {
    uint32_t parent;  /* index of the parent element (NOINDEX for the root) */
    uint32_t end;     /* one past the index of its last descendant */
    uint32_t owner;   /* innermost block-level element at or above it */
    uint32_t good;    /* bytes of good blocks in its subtree */
    uint32_t bad;     /* bytes of link text and bad blocks in its subtree */
    uint8_t kind;     /* TK_* */
    uint8_t link;     /* inside an <a> */
    uint8_t flags;    /* class/id verdict, CW_* */
    uint8_t drop;     /* left out with its subtree (drop_marks) */
} hnode;

enum { B_NEUTRAL, B_GOOD, B_BAD, B_DROPPED };

typedef struct hblock {
    uint32_t start, end; /* bytes of x->flat */
    uint32_t owner;      /* innermost block-level element holding the text */
    uint32_t link;       /* bytes of it inside links */
    uint32_t words;      /* words (runs of non-blanks) */
    uint8_t kind;        /* TK_* of the owner */
    uint8_t cls;         /* B_* */
} hblock;

struct rd_html {
    rd_page page;        /* what the last call extracted */
    hnode *nodes;        /* elements kept by the walk, in document order */
    size_t nnodes, ncap; /* used and allocated */
    hblock *blocks;      /* text blocks, in document order */
    size_t nblocks, bcap;/* used and allocated */
    buf flat;            /* the blocks' collapsed text, back to back */
    buf scratch;         /* working space for metadata */
    int space;           /* flat ends in a collapsed blank (or a block start) */
    uint32_t cur_start;  /* where the open block starts in flat */
    uint32_t cur_link;   /* link bytes in the open block */
    uint32_t cur_owner;  /* owner of the open block, NOINDEX before its first text */
};

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return p;
    size_t c = *cap ? *cap : 256;
    while (c < need) c *= 2;
    p = realloc(p, c * size);
    if (!p) abort();
    *cap = c;
    return p;
}

static void flush_block(rd_html *x)
{
    /* drop the trailing blank */
    if (x->flat.len > x->cur_start && x->flat.data[x->flat.len - 1] == ' ') x->flat.len--;
    if (x->flat.len > x->cur_start && x->cur_owner != NOINDEX) {
        x->blocks = grow(x->blocks, &x->bcap, x->nblocks + 1, sizeof *x->blocks);
        hblock *b = &x->blocks[x->nblocks++];
        b->start = x->cur_start;
        b->end = (uint32_t)x->flat.len;
        b->owner = x->cur_owner;
        b->link = x->cur_link;
        b->kind = x->nodes[x->cur_owner].kind;
        b->cls = B_NEUTRAL;
        /* Words are runs of non-blanks; scripts written without spaces
         * (CJK, 3-byte UTF-8 from U+3000 on) count a word per two characters. */
        uint32_t w = 0, wide = 0;
        for (uint32_t i = b->start; i < b->end; i++) {
            unsigned char ch = (unsigned char)x->flat.data[i];
            w += ch != ' ' && (i == b->start || x->flat.data[i - 1] == ' ');
            wide += ch >= 0xE3 && ch <= 0xED;
        }
        b->words = w + wide / 2;
    } else {
        x->flat.len = x->cur_start;
    }
    x->cur_start = (uint32_t)x->flat.len;
    x->cur_link = 0;
    x->cur_owner = NOINDEX;
    x->space = 1;
}

/* Cut the document into blocks. Never-content tags, hidden elements and
 * inline elements with a boilerplate class are skipped here; block-level
 * elements' class verdicts wait for drop_marks(), which can see how much
 * text they hold. */
static void walk(rd_html *x, xmlNode *root)
{
    x->nnodes = x->nblocks = 0;
    buf_clear(&x->flat);
    x->cur_start = 0;
    x->cur_link = 0;
    x->cur_owner = NOINDEX;
    x->space = 1;
    uint32_t cur = NOINDEX; /* element whose children are being walked */
    xmlNode *n = root;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            int kind = tag_of(n);
            unsigned fl = kind == TK_DROP ? 0 : class_flags(n);
            int drop = kind == TK_DROP || hidden(n);
            if (kind < TK_BLOCK && (fl & CW_HARD)) drop = 1;
            if (hm_is(n, "header")) fl |= CW_SOFT; /* page or article header: title, byline, share bar */
            const char *ip = kind == TK_DROP ? NULL : hm_attr(n, "itemprop");
            if (ip && !strcasecmp(ip, "articleBody")) fl |= CW_BODY;
            if (!drop) {
                if (kind >= TK_BREAK) flush_block(x);
                if (kind != TK_BREAK) {
                    x->nodes = grow(x->nodes, &x->ncap, x->nnodes + 1, sizeof *x->nodes);
                    uint32_t i = (uint32_t)x->nnodes++;
                    hnode *h = &x->nodes[i];
                    h->parent = cur;
                    h->end = i + 1;
                    h->kind = (uint8_t)kind;
                    h->flags = (uint8_t)fl;
                    h->good = h->bad = 0;
                    h->drop = 0;
                    const hnode *p = cur == NOINDEX ? NULL : &x->nodes[cur];
                    h->link = kind == TK_LINK || (p && p->link);
                    h->owner = kind >= TK_BLOCK || !p ? i : p->owner;
                    if (n->children) { cur = i; descend = 1; }
                }
            }
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content && cur != NOINDEX) {
            size_t before = x->flat.len;
            hm_add_collapsed(&x->flat, (const char *)n->content, strlen((const char *)n->content), &x->space);
            size_t added = x->flat.len - before;
            if (added && x->cur_owner == NOINDEX && x->flat.len > x->cur_start)
                x->cur_owner = x->nodes[cur].owner;
            if (x->nodes[cur].link) x->cur_link += (uint32_t)added;
        } else if (n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE) {
            if (n->children) { n = n->children; continue; }
        }
        if (descend) { n = n->children; continue; }
        /* next node: a sibling, else leave elements upwards */
        while (n && !n->next) {
            n = n->parent;
            if (!n || n == root->parent) { n = NULL; break; }
            if (n->type == XML_ELEMENT_NODE && cur != NOINDEX) {
                hnode *h = &x->nodes[cur];
                h->end = (uint32_t)x->nnodes;
                if (h->kind >= TK_BLOCK) flush_block(x);
                cur = h->parent;
            }
        }
        if (n) n = n->next;
    }
    flush_block(x);
}

/* ---- scoring ---- */

static void classify(rd_html *x)
{
    for (size_t i = 0; i < x->nblocks; i++) {
        hblock *b = &x->blocks[i];
        uint32_t len = b->end - b->start;
        double ld = len ? (double)b->link / len : 0;
        if (ld >= 0.5) b->cls = B_BAD;
        else if (b->words >= 10 && ld < 0.3 && b->kind != TK_ITEM && b->kind != TK_HEAD) b->cls = B_GOOD;
        else if (b->words >= 20 && ld < 0.2) b->cls = B_GOOD;
        else b->cls = B_NEUTRAL;
    }
}

/* Every element's good and bad text, dropped blocks left out. */
static void sums(rd_html *x)
{
    for (size_t i = 0; i < x->nnodes; i++) x->nodes[i].good = x->nodes[i].bad = 0;
    for (size_t i = 0; i < x->nblocks; i++) {
        const hblock *b = &x->blocks[i];
        if (b->cls == B_DROPPED) continue;
        uint32_t len = b->end - b->start;
        uint32_t good = b->cls == B_GOOD ? len - b->link : 0;
        uint32_t bad = b->cls == B_BAD ? len : b->link;
        for (uint32_t e = b->owner; e != NOINDEX; e = x->nodes[e].parent) {
            x->nodes[e].good += good;
            x->nodes[e].bad += bad;
        }
    }
}

/* Block-level elements whose class/id says boilerplate are dropped with
 * their subtree, unless they hold most of the page's paragraph text: a
 * "header-style-2" or "has-sidebar" wrapper around the whole page says
 * something about the layout, not about the text in it. */
static void drop_marks(rd_html *x, int strict)
{
    if (!strict)
        for (size_t i = 0; i < x->nnodes; i++) x->nodes[i].drop = 0;
    if (!x->nnodes || !strict) return;
    uint32_t total = x->nodes[0].good;
    int any = 0; /* any element dropped */
    for (size_t i = 0; i < x->nnodes; i++) {
        hnode *h = &x->nodes[i];
        unsigned fl = h->flags;
        int own = (fl & CW_HARD) || ((fl & CW_SOFT) && !(fl & CW_POS));
        if (h->kind == TK_CONTENT || i == 0) own = 0;
        if (own && !(fl & CW_HARD) && (double)h->good > 0.5 * total) own = 0;
        h->drop = own || (h->parent != NOINDEX && x->nodes[h->parent].drop);
        any |= h->drop;
    }
    if (!any) return;
    for (size_t i = 0; i < x->nblocks; i++)
        if (x->nodes[x->blocks[i].owner].drop) x->blocks[i].cls = B_DROPPED;
    sums(x);
}

/* The element with the most good text net of the bad. */
static uint32_t container(const rd_html *x)
{
    uint32_t best = NOINDEX;
    double best_score = 0;
    for (uint32_t i = 0; i < x->nnodes; i++) {
        const hnode *h = &x->nodes[i];
        if (h->kind < TK_BLOCK || !h->good || h->drop) continue;
        double s = (double)h->good - 1.0 * h->bad;
        if (h->flags & CW_POS) s += 0.05 * h->good;
        if (h->flags & CW_NEG) s -= 0.2 * h->good;
        if (h->kind == TK_CONTENT) s += 0.05 * h->good;
        if (h->flags & CW_BODY) s += h->good;
        if (best == NOINDEX || s >= best_score) best = i, best_score = s;
    }
    return best;
}

/* Short lines that are page furniture wherever they stand. */
static int furniture(const char *s, size_t n, uint32_t words)
{
    static const char *const lines[] = {
        "advertisement", "advertising", "sponsored", "share", "share this", "share this article", "share on",
        "tweet", "email", "print", "read more", "continue reading", "related", "related articles",
        "related stories", "subscribe", "sign up", "click here", "follow us", "comments", "loading",
        "more", "see also", "read next", "recommended", "image", "photo", "watch", "listen", NULL};
    if (words > 6) return 0;
    for (const char *const *l = lines; *l; l++) {
        size_t k = strlen(*l);
        if (n >= k && !strncasecmp(s, *l, k) && (n == k || !isalpha((unsigned char)s[k]))) return 1;
    }
    return 0;
}

/* "By Jane Doe", "Nov. 19, 2019 8:03 am ET", "Updated 10:02": the
 * byline and timestamp lines articles open with (kept as metadata). */
static int byline_or_time(const char *s, size_t n, uint32_t words)
{
    if (words > 8) return 0;
    if ((n == 2 || (n > 3 && s[2] == ' ')) && !strncasecmp(s, "by", 2)) return 1;
    if (n > 8 && (!strncasecmp(s, "updated", 7) || !strncasecmp(s, "published", 9) || !strncasecmp(s, "posted", 6)))
        return 1;
    return rd_text_date(s, n) != 0;
}

static int same_text(const char *a, size_t n, const buf *b)
{
    return n && n == b->len && !memcmp(a, b->data, n);
}

/* Build the body from the container's blocks; returns its length. */
static size_t body(rd_html *x, uint32_t c)
{
    rd_page *pg = &x->page;
    buf_clear(&pg->text);
    if (c == NOINDEX) return 0;
    uint32_t lo = c, hi = x->nodes[c].end;
    size_t first = x->nblocks, last = 0;
    for (size_t i = 0; i < x->nblocks; i++) {
        const hblock *b = &x->blocks[i];
        if (b->owner < lo || b->owner >= hi || b->cls != B_GOOD) continue;
        if (first == x->nblocks) first = i;
        last = i;
    }
    if (first == x->nblocks) return 0;
    /* A heading or a short lead-in right before the first paragraph
     * belongs to the article (a subtitle, a dateline); further up are
     * bylines and timestamps. */
    for (size_t i = first; i < x->nblocks && i <= last; i++) {
        const hblock *b = &x->blocks[i];
        if (b->owner < lo || b->owner >= hi || b->cls == B_BAD || b->cls == B_DROPPED) continue;
        const char *s = x->flat.data + b->start;
        size_t n = b->end - b->start;
        if (b->cls != B_GOOD && (furniture(s, n, b->words) || byline_or_time(s, n, b->words))) continue;
        if (same_text(s, n, &pg->title)) continue;
        if (pg->text.len) buf_adds(&pg->text, "\n\n");
        buf_add(&pg->text, s, n);
    }
    return pg->text.len;
}

/* A date in the visible text around the start of the article. */
static int visible_date(const rd_html *x, uint32_t c)
{
    if (c == NOINDEX) return 0;
    size_t i = 0;
    while (i < x->nblocks && x->blocks[i].owner < c) i++;
    size_t from = i > 8 ? i - 8 : 0;
    for (size_t k = from; k < x->nblocks && k < i + 8; k++) {
        const hblock *b = &x->blocks[k];
        if (b->words > 30) continue;
        int d = rd_text_date(x->flat.data + b->start, b->end - b->start);
        if (d) return d;
    }
    return 0;
}

/* ---- entry points ---- */

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void init_libxml(void)
{
    xmlInitParser();
    xmlThrDefSetGenericErrorFunc(NULL, quiet);
}

rd_html *rd_html_new(void)
{
    pthread_once(&init_once, init_libxml);
    rd_html *x = calloc(1, sizeof *x);
    if (!x) abort();
    rd_page *p = &x->page;
    buf *bs[] = {&p->text, &p->title, &p->author, &p->url, &p->site, &x->flat, &x->scratch};
    for (size_t i = 0; i < sizeof bs / sizeof bs[0]; i++) {
        buf_init(bs[i]);
        buf_adds(bs[i], ""); /* always a valid C string */
    }
    return x;
}

void rd_html_free(rd_html *x)
{
    if (!x) return;
    rd_page *p = &x->page;
    buf *bs[] = {&p->text, &p->title, &p->author, &p->url, &p->site, &x->flat, &x->scratch};
    for (size_t i = 0; i < sizeof bs / sizeof bs[0]; i++) buf_free(bs[i]);
    free(x->nodes);
    free(x->blocks);
    free(x);
}

/* Markup, not binary data or another text format: the first non-blank
 * byte (after a BOM) opens a tag, a comment or a doctype, and no NUL
 * byte shows in the first kilobytes. */
static const char *not_html(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) i = 3;
    else if (n >= 2 && ((unsigned char)s[0] == 0xFF || (unsigned char)s[0] == 0xFE)) return NULL; /* UTF-16 BOM */
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' || s[i] == '\f')) i++;
    if (i == n) return "empty page";
    if (s[i] != '<' || i + 1 == n) return "does not start with markup";
    char c = s[i + 1];
    if (!(isalpha((unsigned char)c) || c == '!' || c == '?')) return "does not start with markup";
    if (memchr(s, 0, n < 4096 ? n : 4096)) return "binary data (NUL bytes)";
    return NULL;
}

int rd_html_extract(rd_html *x, const char *html, size_t n, const char *charset, const char *url,
                    const rd_page **out, char *why, size_t whylen)
{
    rd_page *pg = &x->page;
    buf *bs[] = {&pg->text, &pg->title, &pg->author, &pg->url, &pg->site};
    for (size_t i = 0; i < sizeof bs / sizeof bs[0]; i++) { buf_clear(bs[i]); buf_adds(bs[i], ""); }
    pg->date = 0;
    *out = pg;
    const char *bad = not_html(html, n);
    if (!bad && n > INT32_MAX) bad = "page too large";
    if (bad) {
        snprintf(why, whylen, "not HTML: %s", bad);
        return -1;
    }
    /* Errors are silenced per thread: libxml2 keeps the handler in
     * thread-local state. */
    xmlSetGenericErrorFunc(NULL, quiet);
    const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                     HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlReadMemory(html, (int)n, NULL, charset && *charset ? charset : NULL, opts);
    if (!doc && charset && *charset) doc = htmlReadMemory(html, (int)n, NULL, NULL, opts); /* unknown charset */
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        if (doc) xmlFreeDoc(doc);
        snprintf(why, whylen, "not HTML: no document could be parsed");
        return -1;
    }
    hm_collect(root, pg, url ? url : "", &x->scratch);
    walk(x, root);
    classify(x);
    uint32_t c = NOINDEX;
    for (int strict = 1; strict >= 0; strict--) {
        if (!strict) classify(x); /* undo the drops */
        sums(x);
        drop_marks(x, strict);
        c = container(x);
        /* Class rules that left less than a paragraph misread the page. */
        if (body(x, c) >= 200) break;
    }
    if (!pg->date) pg->date = visible_date(x, c);
    xmlFreeDoc(doc);
    return 0;
}
