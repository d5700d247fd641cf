/* inline.c: blank shortcodes ([ad_1], [caption]...[/caption]), HTML tags and &nbsp;. */
#include "clean/clean_impl.h"
#include <string.h>

#define MAX_TAG 1000        /* longest shortcode/tag we accept, bytes */
#define MAX_PAIRED 8192     /* how far a [caption] may look for its [/caption] */
#define MAX_SCRIPT 65536    /* how far a <script> may look for its </script> */
#define MAX_MISSES 64       /* failed closing-tag searches per text: a hostile
                               input of many unclosed tags stays linear */

static int is_alpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }

int cln_prefix(const char *s, size_t n, const char *p)
{
    size_t i = 0;
    for (; p[i]; i++) {
        if (i >= n) return 0;
        int c = (unsigned char)s[i], d = (unsigned char)p[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c != d) return 0;
    }
    return 1;
}

static int name_is(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && cln_prefix(s, n, w);
}

/* Shortcodes scrapers leave behind. Only these are removed: a bracketed
 * editorial insertion like "[the West]" is prose. Returns 2 for the ones
 * whose content is noise too (removed up to the closing tag), 1 else. */
static int shortcode_kind(const char *s, size_t n)
{
    static const char *const paired[] = {"caption", "wp_caption", "embed", "video", "audio",
                                         "playlist", "gallery", "tweet"};
    static const char *const single[] = {"ad", "ads", "adsense", "advert", "advertisement",
        "related", "related_posts", "contact-form", "contact-form-7", "wpforms", "mc4wp_form",
        "newsletter", "youtube", "instagram", "twitter", "facebook", "sharethis", "social_warfare"};
    for (size_t k = 0; k < sizeof paired / sizeof *paired; k++) if (name_is(s, n, paired[k])) return 2;
    for (size_t k = 0; k < sizeof single / sizeof *single; k++) if (name_is(s, n, single[k])) return 1;
    if (n > 3 && cln_prefix(s, n, "ad_")) {  /* ad_1, ad_2 ... */
        for (size_t i = 3; i < n; i++) if (!is_digit(s[i])) return 0;
        return 1;
    }
    /* page-builder wrappers: their content is prose, only the tags go */
    if (cln_prefix(s, n, "vc_") || cln_prefix(s, n, "et_pb_") || cln_prefix(s, n, "td_")) return 1;
    return 0;
}

/* Length of a bracketed/angled tag at s[i] ('[' or '<'): an optional '/',
 * a name, then attributes up to the closer on the same line. 0 if none.
 * *name and *nlen give the name, *closing whether it starts with '/'. */
static size_t tag_at(const char *t, size_t n, size_t i, char close, const char **name,
                     size_t *nlen, int *closing)
{
    size_t j = i + 1;
    *closing = j < n && t[j] == '/';
    j += (size_t)*closing;
    size_t ns = j;
    while (j < n && j - ns < 40 && (is_alpha(t[j]) || is_digit(t[j]) || t[j] == '_' || t[j] == '-')) j++;
    if (j == ns || !is_alpha(t[ns])) return 0;
    *name = t + ns;
    *nlen = j - ns;
    if (j < n && t[j] != close && t[j] != ' ' && t[j] != '\t' && t[j] != '/') return 0;
    while (j < n && j - i < MAX_TAG && t[j] != close && t[j] != '\n' && t[j] != '[' && t[j] != '<') j++;
    return j < n && t[j] == close ? j + 1 - i : 0;
}

/* Find the closing tag "[/name]" (open '[') or "</name>" (open '<') at or
 * after `from`, within lim bytes; returns the offset after it, 0 if absent. */
static size_t find_close(const char *t, size_t n, size_t from, size_t lim, char open,
                         const char *name, size_t nlen)
{
    char close = open == '[' ? ']' : '>';
    lim = from + lim < n ? from + lim : n;
    for (size_t j = from; j + nlen + 3 <= lim; j++) {
        if (t[j] != open || t[j + 1] != '/') continue;
        size_t k = 0;
        while (k < nlen && ((t[j + 2 + k] | 32) == (name[k] | 32))) k++;
        if (k == nlen && t[j + 2 + nlen] == close) return j + nlen + 3;
    }
    return 0;
}

static size_t shortcode(cln_build *b, size_t i)
{
    const char *name;
    size_t nlen;
    int closing;
    size_t len = tag_at(b->t, b->n, i, ']', &name, &nlen, &closing);
    if (!len) return 0;
    int kind = shortcode_kind(name, nlen);
    if (!kind) return 0;
    size_t end = i + len;
    if (kind == 2 && !closing && b->close_misses < MAX_MISSES) {
        size_t c = find_close(b->t, b->n, end, MAX_PAIRED, '[', name, nlen);
        if (c) end = c;
        else b->close_misses++;
    }
    return end - i;
}

/* HTML elements whose tags are markup noise in text; script/style take
 * their content with them. */
static int html_kind(const char *s, size_t n)
{
    static const char *const tags[] = {"p", "br", "div", "span", "a", "strong", "em", "b", "i",
        "u", "img", "figure", "figcaption", "iframe", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
        "ol", "li", "blockquote", "hr", "table", "tr", "td", "th", "tbody", "thead", "section",
        "article", "header", "footer", "sup", "sub", "small", "source", "picture", "noscript",
        "center", "font", "meta", "link", "nav", "aside", "main", "time", "label", "button"};
    if (name_is(s, n, "script") || name_is(s, n, "style")) return 2;
    for (size_t k = 0; k < sizeof tags / sizeof *tags; k++) if (name_is(s, n, tags[k])) return 1;
    return 0;
}

static size_t html_tag(cln_build *b, size_t i)
{
    const char *name;
    size_t nlen;
    int closing;
    size_t len = tag_at(b->t, b->n, i, '>', &name, &nlen, &closing);
    if (!len) return 0;
    int kind = html_kind(name, nlen);
    if (!kind) return 0;
    if (kind == 2 && !closing && b->close_misses < MAX_MISSES) {
        size_t c = find_close(b->t, b->n, i + len, MAX_SCRIPT, '<', name, nlen);
        if (c) return c - i;
        b->close_misses++;
    }
    return len;
}

static size_t entity(const cln_build *b, size_t i)
{
    static const char *const sp[] = {"&nbsp;", "&#160;", "&#xa0;"};
    for (size_t k = 0; k < 3; k++)
        if (cln_prefix(b->t + i, b->n - i, sp[k])) return 6;
    return 0;
}

void cln_inline(cln_build *b)
{
    for (size_t i = 0; i < b->n; i++) {
        char c = b->t[i];
        if (c != '[' && c != '<' && c != '&') continue;
        size_t len = 0;
        cln_kind kind = CLN_MARKUP;
        if (c == '[') { len = shortcode(b, i); kind = CLN_SHORTCODE; }
        else if (c == '<') len = html_tag(b, i);
        else len = entity(b, i);
        if (!len) continue;
        cln_blank(b->t, i, i + len);
        cln_push(b->a, &b->inl, (uint32_t)i, (uint32_t)(i + len), kind);
        i += len - 1;
    }
}
