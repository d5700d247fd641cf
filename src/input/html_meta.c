/* html_meta.c: a page's headline, author, date, URL and site name.
 *
 * Sources, best first (publishers fill the machine-readable ones for
 * search engines and social cards, so they are more reliable than
 * anything read off the visible page):
 *   title   og:title, twitter:title, JSON-LD headline, first <h1>, <title>
 *           less its " | Site" tail
 *   author  JSON-LD author names, <meta name=author> and its cousins
 *           (article:author when not a URL, parsely-author, sailthru.author,
 *           dc.creator, byl), itemprop=author, rel=author, a byline element
 *   date    JSON-LD datePublished, article:published_time and its cousins,
 *           <time itemprop=datePublished|pubdate>, the first <time datetime>,
 *           a /yyyy/mm/dd/ in the URL (html.c then tries the visible text)
 * Each candidate slot keeps the first value of its rank; the best-ranked
 * non-empty slot wins. */
#include "input/html_impl.h"
#include "input/input.h"
#include <ctype.h>
#include <jansson.h>
#include <string.h>
#include <strings.h>

const char *hm_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (!strcasecmp((const char *)a->name, name))
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
}

void hm_add_collapsed(buf *b, const char *s, size_t n, int *space)
{
    buf_reserve(b, n);
    char *o = b->data + b->len;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) blank = 1, i++; /* NBSP */
        if (blank) {
            if (!*space) *o++ = ' ';
            *space = 1;
            continue;
        }
        *o++ = (char)c;
        *space = 0;
    }
    b->len = (size_t)(o - b->data);
    b->data[b->len] = 0;
}

void hm_trim(buf *b)
{
    size_t s = 0, e = b->len;
    while (s < e && (b->data[s] == ' ' || b->data[s] == '\n')) s++;
    while (e > s && (b->data[e - 1] == ' ' || b->data[e - 1] == '\n')) e--;
    if (s) memmove(b->data, b->data + s, e - s);
    b->len = e - s;
    if (b->cap) b->data[b->len] = 0;
}

static int invisible(const xmlNode *n)
{
    return hm_is(n, "script") || hm_is(n, "style") || hm_is(n, "template") || hm_is(n, "noscript");
}

void hm_text(const xmlNode *root, buf *b)
{
    int space = b->len == 0 || b->data[b->len - 1] == ' ';
    const xmlNode *n = root->children;
    while (n && n != root) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) hm_add_collapsed(b, (const char *)n->content, strlen((const char *)n->content), &space);
        } else if (n->type == XML_ELEMENT_NODE && n->children && !invisible(n)) {
            n = n->children;
            continue;
        }
        while (n != root && !n->next) n = n->parent;
        if (n == root) break;
        n = n->next;
    }
}

/* ---- dates written out ---- */

static const char *const months[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};

/* Month from a word starting at s (full name, 3-letter or "Sept"), with
 * its length in *len; 0 if none. */
static int month_word(const char *s, size_t n, size_t *len)
{
    size_t w = 0;
    while (w < n && isalpha((unsigned char)s[w])) w++;
    if (w < 3) return 0;
    static const char *const full[12] = {"january", "february", "march", "april", "may", "june",
                                         "july", "august", "september", "october", "november", "december"};
    for (int m = 0; m < 12; m++) {
        if (strncasecmp(s, months[m], 3)) continue;
        /* the whole word must be a prefix of the full name ("Sept", "Nov") */
        if (w > strlen(full[m]) || strncasecmp(s, full[m], w)) continue;
        *len = w;
        if (w < n && s[w] == '.') (*len)++;
        return m + 1;
    }
    return 0;
}

static int digits(const char *s, size_t n, size_t max, int *v)
{
    size_t k = 0;
    *v = 0;
    while (k < n && k < max && isdigit((unsigned char)s[k])) *v = *v * 10 + (s[k++] - '0');
    if (k < n && isdigit((unsigned char)s[k])) return 0; /* longer number */
    return (int)k;
}

static int make_date(int y, int m, int d)
{
    if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
    char s[16];
    snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
    return rd_parse_date(s);
}

static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '\n' || s[i] == '\t')) i++;
    return i;
}

/* Date beginning exactly at s[i] (i at a word or number start), or 0. */
static int date_at(const char *s, size_t n, size_t i)
{
    int y, m, d, k;
    size_t len;
    if (isdigit((unsigned char)s[i])) {
        /* 2019-11-19, 2019/11/19, 2019.11.19 */
        if ((k = digits(s + i, n - i, 4, &y)) == 4 && i + 10 <= n && (s[i + 4] == '-' || s[i + 4] == '/' || s[i + 4] == '.') &&
            s[i + 7] == s[i + 4] && digits(s + i + 5, 2, 2, &m) == 2 && digits(s + i + 8, n - i - 8, 2, &d) == 2)
            return make_date(y, m, d);
        /* 19 November 2019, 19 Nov. 2019 */
        if ((k = digits(s + i, n - i, 2, &d)) > 0) {
            size_t j = i + (size_t)k;
            if (j + 1 < n && (!strncasecmp(s + j, "st", 2) || !strncasecmp(s + j, "nd", 2) ||
                              !strncasecmp(s + j, "rd", 2) || !strncasecmp(s + j, "th", 2)))
                j += 2;
            j = skip_blanks(s, n, j);
            if (j < n && (m = month_word(s + j, n - j, &len))) {
                j = skip_blanks(s, n, j + len);
                if (digits(s + j, n - j, 4, &y) == 4) return make_date(y, m, d);
            }
        }
        return 0;
    }
    /* November 19, 2019 */
    if ((m = month_word(s + i, n - i, &len))) {
        size_t j = skip_blanks(s, n, i + len);
        if ((k = digits(s + j, n - j, 2, &d)) > 0) {
            j += (size_t)k;
            if (j + 1 < n && (!strncasecmp(s + j, "st", 2) || !strncasecmp(s + j, "nd", 2) ||
                              !strncasecmp(s + j, "rd", 2) || !strncasecmp(s + j, "th", 2)))
                j += 2;
            j = skip_blanks(s, n, j);
            if (digits(s + j, n - j, 4, &y) == 4) return make_date(y, m, d);
        }
    }
    return 0;
}

int rd_text_date(const char *s, size_t n)
{
    if (!s) return 0;
    for (size_t i = 0; i < n; i++) {
        /* only at the start of a word or number */
        if (i && isalnum((unsigned char)s[i - 1])) continue;
        if (!isalnum((unsigned char)s[i])) continue;
        int d = date_at(s, n, i);
        if (d) return d;
    }
    return 0;
}

/* A date attribute value: ISO first, written out second; placeholder
 * years ("0001-01-01") are no date. */
static int value_date(const char *v)
{
    if (!v) return 0;
    while (*v == ' ') v++;
    int d = rd_parse_date(v);
    if (d < 19000101 || d > 20991231) d = 0;
    return d ? d : rd_text_date(v, strlen(v));
}

/* /2019/11/19/ or /2019-11-19 in a URL. */
static int url_date(const char *u)
{
    for (const char *p = u ? strchr(u, '/') : NULL; p; p = strchr(p + 1, '/')) {
        int y, m, d;
        size_t n = strlen(p + 1);
        if (digits(p + 1, n, 4, &y) != 4 || n < 10) continue;
        char sep = p[5];
        if ((sep != '/' && sep != '-') || digits(p + 6, n - 5, 2, &m) != 2 || p[8] != sep ||
            digits(p + 9, n - 8, 2, &d) != 2)
            continue;
        int v = make_date(y, m, d);
        if (v) return v;
    }
    return 0;
}

/* ---- candidates ---- */

enum { T_OG, T_TWITTER, T_TITLE, T_N };
enum { A_LD, A_META, A_ITEMPROP, A_REL, A_BYLINE, A_N };
enum { D_LD, D_META, D_TIME_PUB, D_TIME, D_URL, D_N };

typedef struct meta_state {
    const char *title[T_N];     /* title candidates by rank (tree strings) */
    buf ld_title;               /* JSON-LD headline (its strings die with the JSON) */
    buf ld_author;              /* JSON-LD author names */
    buf ld_site;                /* JSON-LD publisher name */
    const char *author[A_N];    /* author candidates (tree strings) */
    const xmlNode *author_node[A_N]; /* ... or elements whose text is the author */
    int date[D_N];              /* date candidates by rank */
    const char *url;            /* canonical URL */
    const char *og_url;         /* og:url */
    const char *site;           /* og:site_name */
    const xmlNode *h1;          /* the first <h1>, whose text is a title candidate */
} meta_state;

static void set_str(const char **slot, const char *v)
{
    if (!*slot && v && *v) *slot = v;
}

static void set_date(int *slot, int d)
{
    if (!*slot && d) *slot = d;
}

/* Is t one of the article-like schema.org types? */
static int article_type(json_t *t)
{
    if (json_is_array(t)) {
        size_t i;
        json_t *v;
        json_array_foreach(t, i, v) if (article_type(v)) return 1;
        return 0;
    }
    const char *s = json_string_value(t);
    return s && (strstr(s, "Article") || strstr(s, "BlogPosting") || strstr(s, "Report") ||
                 !strcmp(s, "WebPage") || !strcmp(s, "LiveBlogPosting"));
}

static void ld_names(json_t *a, buf *out)
{
    if (json_is_array(a)) {
        size_t i;
        json_t *v;
        json_array_foreach(a, i, v) ld_names(v, out);
        return;
    }
    const char *s = json_is_string(a) ? json_string_value(a) : json_string_value(json_object_get(a, "name"));
    if (!s || !*s || strstr(s, "://") || strlen(s) > 100) return;
    if (out->len) buf_adds(out, ", ");
    buf_adds(out, s);
}

/* Walk a JSON-LD value for article objects (also inside @graph and arrays). */
static void ld_walk(json_t *v, meta_state *st, int depth)
{
    if (depth > 8) return;
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) ld_walk(e, st, depth + 1);
        return;
    }
    if (!json_is_object(v)) return;
    json_t *g = json_object_get(v, "@graph");
    if (g) ld_walk(g, st, depth + 1);
    if (!article_type(json_object_get(v, "@type"))) return;
    int page = !strcmp(json_string_value(json_object_get(v, "@type")) ? json_string_value(json_object_get(v, "@type")) : "", "WebPage");
    const char *h = json_string_value(json_object_get(v, "headline"));
    if (h && !st->ld_title.len && !page) buf_adds(&st->ld_title, h);
    json_t *au = json_object_get(v, "author");
    if (au && !st->ld_author.len) ld_names(au, &st->ld_author);
    json_t *pub = json_object_get(v, "publisher");
    const char *pn = json_string_value(json_object_get(pub, "name"));
    if (pn && !st->ld_site.len) buf_adds(&st->ld_site, pn);
    set_date(&st->date[D_LD], value_date(json_string_value(json_object_get(v, "datePublished"))));
    if (!page) set_date(&st->date[D_LD], value_date(json_string_value(json_object_get(v, "dateCreated"))));
}

static void ld_script(const xmlNode *n, meta_state *st, buf *scratch)
{
    buf_clear(scratch);
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->content) buf_adds(scratch, (const char *)c->content);
    /* Raw control characters inside strings are common in the wild and
     * invalid JSON; as whitespace they are harmless everywhere. */
    for (size_t i = 0; i < scratch->len; i++)
        if ((unsigned char)scratch->data[i] < 0x20) scratch->data[i] = ' ';
    json_t *j = json_loadb(scratch->data, scratch->len, 0, NULL);
    if (!j) return;
    ld_walk(j, st, 0);
    json_decref(j);
}

static int key_is(const char *k, const char *const *list)
{
    for (; *list; list++) if (!strcasecmp(k, *list)) return 1;
    return 0;
}

static void meta_tag(const xmlNode *n, meta_state *st)
{
    const char *c = hm_attr(n, "content");
    if (!c || !*c) return;
    static const char *const date_keys[] = {
        "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate",
        "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
        "sailthru.date", "parsely-pub-date", "article.published", "original-publish-date", "article_date_original",
        "cXenseParse:recs:publishtime", "DisplayDate", "og:published_time", "published_time", "datecreated",
        "timestamp", "pub_date", "article:published", "bt:pubDate", NULL};
    static const char *const author_keys[] = {"author", "article:author", "og:article:author", "parsely-author",
                                              "sailthru.author", "dc.creator", "dcterms.creator", "byl",
                                              "citation_author", "twitter:creator:name", NULL};
    for (int k = 0; k < 3; k++) {
        const char *key = hm_attr(n, k == 0 ? "property" : k == 1 ? "name" : "itemprop");
        if (!key) continue;
        if (!strcasecmp(key, "og:title")) set_str(&st->title[T_OG], c);
        else if (!strcasecmp(key, "twitter:title")) set_str(&st->title[T_TWITTER], c);
        else if (!strcasecmp(key, "og:site_name")) set_str(&st->site, c);
        else if (!strcasecmp(key, "og:url")) set_str(&st->og_url, c);
        else if (key_is(key, date_keys)) set_date(&st->date[D_META], value_date(c));
        else if (key_is(key, author_keys) && !strstr(c, "://") && strlen(c) < 100 && c[0] != '@')
            set_str(&st->author[A_META], c);
    }
}

/* Does class (or id) look like a byline container? */
static int byline_class(const xmlNode *n)
{
    const char *c = hm_attr(n, "class");
    if (!c) return 0;
    return strstr(c, "byline") || strstr(c, "author-name") || strstr(c, "author__name") ||
           strstr(c, "authorName") || strstr(c, "Byline");
}

void hm_collect(xmlNode *root, rd_page *pg, const char *url, buf *scratch)
{
    meta_state st;
    memset(&st, 0, sizeof st);
    buf_init(&st.ld_title);
    buf_init(&st.ld_author);
    buf_init(&st.ld_site);
    xmlNode *n = root;
    while (n) {
        int descend = 1;
        if (n->type == XML_ELEMENT_NODE) {
            const char *ip = hm_attr(n, "itemprop");
            if (hm_is(n, "meta")) meta_tag(n, &st);
            else if (hm_is(n, "link")) {
                const char *rel = hm_attr(n, "rel");
                if (rel && !strcasecmp(rel, "canonical")) set_str(&st.url, hm_attr(n, "href"));
            } else if (hm_is(n, "title")) {
                if (!st.title[T_TITLE] && n->children) set_str(&st.title[T_TITLE], (const char *)n->children->content);
                descend = 0;
            } else if (hm_is(n, "script")) {
                const char *t = hm_attr(n, "type");
                if (t && !strcasecmp(t, "application/ld+json")) ld_script(n, &st, scratch);
                descend = 0;
            } else if (hm_is(n, "style")) descend = 0;
            else if (hm_is(n, "time")) {
                const char *dt = hm_attr(n, "datetime");
                int d = value_date(dt);
                if (!dt && n->children && n->children->type == XML_TEXT_NODE && n->children->content)
                    d = rd_text_date((const char *)n->children->content, strlen((const char *)n->children->content));
                if ((ip && !strcasecmp(ip, "datePublished")) || hm_attr(n, "pubdate")) set_date(&st.date[D_TIME_PUB], d);
                set_date(&st.date[D_TIME], d);
            } else if (hm_is(n, "h1") && !st.h1) st.h1 = n;
            if (ip && !strcasecmp(ip, "author") && !hm_is(n, "meta") && !st.author_node[A_ITEMPROP])
                st.author_node[A_ITEMPROP] = n;
            if (ip && !strcasecmp(ip, "datePublished") && !hm_is(n, "meta"))
                set_date(&st.date[D_TIME_PUB], value_date(hm_attr(n, "content")));
            const char *rel = hm_attr(n, "rel");
            if (rel && !strcasecmp(rel, "author") && !st.author_node[A_REL]) st.author_node[A_REL] = n;
            if (!st.author_node[A_BYLINE] && byline_class(n)) st.author_node[A_BYLINE] = n;
        }
        if (descend && n->children && n->type == XML_ELEMENT_NODE) { n = n->children; continue; }
        if (descend && n->children && n->type == XML_DOCUMENT_NODE) { n = n->children; continue; }
        while (n && !n->next) n = n->parent;
        if (n) n = n->next;
    }

    /* title */
    buf_clear(&pg->title);
    if (st.title[T_OG]) buf_adds(&pg->title, st.title[T_OG]);
    else if (st.title[T_TWITTER]) buf_adds(&pg->title, st.title[T_TWITTER]);
    else if (st.ld_title.len) buf_adds(&pg->title, st.ld_title.data);
    else if (st.h1) hm_text(st.h1, &pg->title);
    else if (st.title[T_TITLE]) {
        /* "Headline | Site" or "Headline - Site": keep the longest part */
        const char *t = st.title[T_TITLE], *best = t;
        size_t bestn = 0;
        for (const char *p = t;;) {
            const char *q = p;
            while (*q && !((q[0] == ' ' && (q[1] == '|' || q[1] == '-' || !strncmp(q + 1, "\xe2\x80\x94", 3) ||
                                             !strncmp(q + 1, "\xe2\x80\x93", 3)) )))
                q++;
            if ((size_t)(q - p) > bestn) best = p, bestn = (size_t)(q - p);
            if (!*q) break;
            q += 2;
            while (*q && (unsigned char)*q >= 0x80) q++; /* rest of a dash */
            p = q;
        }
        int space = 1;
        hm_add_collapsed(&pg->title, best, bestn, &space);
    }
    if (!pg->title.len) buf_adds(&pg->title, "");
    {   /* collapse whitespace the meta values may hold */
        buf_clear(scratch);
        int space = 1;
        hm_add_collapsed(scratch, pg->title.data, pg->title.len, &space);
        buf_clear(&pg->title);
        buf_add(&pg->title, scratch->data, scratch->len);
        hm_trim(&pg->title);
    }

    /* author */
    buf_clear(&pg->author);
    if (st.ld_author.len) buf_adds(&pg->author, st.ld_author.data);
    else if (st.author[A_META]) buf_adds(&pg->author, st.author[A_META]);
    else {
        for (int k = A_ITEMPROP; k < A_N && !pg->author.len; k++) {
            if (!st.author_node[k]) continue;
            /* itemprop=author is often a Person with a nested name */
            const xmlNode *an = st.author_node[k];
            hm_text(an, &pg->author);
            hm_trim(&pg->author);
            if (pg->author.len > 100) buf_clear(&pg->author);
        }
    }
    if (!strncasecmp(pg->author.data ? pg->author.data : "", "by ", 3)) {
        memmove(pg->author.data, pg->author.data + 3, pg->author.len - 2);
        pg->author.len -= 3;
    }
    hm_trim(&pg->author);
    if (!pg->author.len) buf_adds(&pg->author, "");

    /* url, site, date */
    buf_clear(&pg->url);
    buf_adds(&pg->url, st.url ? st.url : st.og_url ? st.og_url : "");
    buf_clear(&pg->site);
    buf_adds(&pg->site, st.site ? st.site : st.ld_site.data ? st.ld_site.data : "");
    hm_trim(&pg->site);
    if (!pg->site.len) buf_adds(&pg->site, "");
    st.date[D_URL] = url_date(url);
    if (!st.date[D_URL]) st.date[D_URL] = url_date(pg->url.data);
    pg->date = 0;
    for (int k = 0; k < D_N && !pg->date; k++) pg->date = st.date[k];
    buf_free(&st.ld_title);
    buf_free(&st.ld_author);
    buf_free(&st.ld_site);
}
