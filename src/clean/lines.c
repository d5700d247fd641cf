/* lines.c: whole-line noise (footers, share/subscribe, ads, URLs), bylines and datelines. */
#include "clean/clean_impl.h"
#include <string.h>

#define MAX_NOISE_LINE 300   /* longer lines are prose: never removed whole */

/* A trimmed line, and a lower-cased copy without trailing decoration
 * ("Read More »" -> "read more") for the pattern tests. */
typedef struct line {
    const char *s;    /* trimmed line in the blanked copy */
    size_t n;
    char low[MAX_NOISE_LINE + 1];
    size_t ln;        /* length of low */
} line;

static int is_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
static int is_alnum(int c) { return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9'); }

static void make_low(line *l)
{
    size_t n = l->n;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)l->s[i];
        l->low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    /* drop trailing punctuation, arrows, guillemets (any non-alnum byte) */
    while (n > 0 && !is_alnum(l->low[n - 1]) && l->low[n - 1] != ')') n--;
    l->low[n] = 0;
    l->ln = n;
}

static int eq(const line *l, const char *w) { return strcmp(l->low, w) == 0; }
static int starts(const line *l, const char *p) { return strncmp(l->low, p, strlen(p)) == 0; }
static int has(const line *l, const char *p) { return strstr(l->low, p) != NULL; }

static int words(const line *l)
{
    int w = 0;
    for (size_t i = 0; i < l->ln; i++)
        if (!is_space(l->low[i]) && (i == 0 || is_space(l->low[i - 1]))) w++;
    return w;
}

/* A four-digit year 19xx/20xx anywhere in the line. */
static int has_year(const line *l)
{
    for (size_t i = 0; i + 4 <= l->ln; i++) {
        const char *p = l->low + i;
        if ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0'))
            if (p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9') return 1;
    }
    return 0;
}

static int is_url_line(const line *l)
{
    if (!starts(l, "http://") && !starts(l, "https://") && !starts(l, "www.") &&
        !starts(l, "pic.twitter.com/"))
        return 0;
    for (size_t i = 0; i < l->n; i++) if (is_space(l->s[i])) return 0;
    return 1;
}

static int is_ad_line(const line *l)
{
    static const char *const w[] = {"advertisement", "advertisements", "- advertisement",
        "story continues below advertisement", "story continues below", "article continues below",
        "continue reading below", "scroll to continue with content", "sponsored content",
        "ad feedback"};
    for (size_t k = 0; k < sizeof w / sizeof *w; k++) if (eq(l, w[k])) return 1;
    return 0;
}

static int is_footer(const line *l)
{
    size_t n = l->n;
    if (eq(l, "source link") || eq(l, "source links") || eq(l, "source") ||
        eq(l, "read more") || eq(l, "read more here") || eq(l, "continue reading") ||
        eq(l, "all rights reserved"))
        return 1;
    if (starts(l, "source:") && n <= 100) return 1;
    if (starts(l, "read more by ") && n <= 80 && words(l) <= 8) return 1;
    if ((starts(l, "read more:") || starts(l, "read more at ") || starts(l, "read more on ") ||
         starts(l, "read more from ") || starts(l, "read more about ") ||
         starts(l, "read the full ") || starts(l, "continue reading ")) && n <= 200)
        return 1;
    if (starts(l, "click here") && n <= 150) return 1;
    if (n <= 200 && (starts(l, "\xc2\xa9") || (starts(l, "(c) ") && has_year(l)) ||
                     (starts(l, "copyright") && (has_year(l) || has(l, "\xc2\xa9") || has(l, "(c)"))) ||
                     has(l, "all rights reserved")))
        return 1;
    if ((starts(l, "this article was originally published") || starts(l, "this story was originally published") ||
         starts(l, "this article originally appeared") || starts(l, "this story originally appeared") ||
         starts(l, "originally published ")) && n <= 300)
        return 1;
    if ((starts(l, "reporting by ") || starts(l, "additional reporting by ") ||
         starts(l, "(reporting by ") || starts(l, "writing by ") || starts(l, "editing by ")) && n <= 300)
        return 1;
    return 0;
}

/* Is every word a share-button label ("Facebook Twitter WhatsApp Email")? */
static int share_buttons(const line *l)
{
    static const char *const w[] = {"facebook", "twitter", "x", "whatsapp", "linkedin", "email",
        "e-mail", "telegram", "reddit", "pinterest", "print", "share", "tweet", "copy", "link",
        "messenger", "pocket", "flipboard", "threads", "bluesky", "|", "-", "/"};
    size_t i = 0;
    int any = 0;
    while (i < l->ln) {
        while (i < l->ln && is_space(l->low[i])) i++;
        size_t s = i;
        while (i < l->ln && !is_space(l->low[i])) i++;
        if (i == s) break;
        size_t e = i;
        while (e > s && (l->low[e - 1] == ',' || l->low[e - 1] == ':')) e--;
        int ok = 0;
        for (size_t k = 0; k < sizeof w / sizeof *w && !ok; k++)
            ok = strlen(w[k]) == e - s && memcmp(l->low + s, w[k], e - s) == 0;
        if (!ok) return 0;
        any = 1;
    }
    return any;
}

static int is_share(const line *l)
{
    size_t n = l->n;
    if (share_buttons(l)) return 1;
    /* "Share this:", "Share this story", "Share this with Facebook" -- but
     * not "Share this information, please?" */
    if (n <= 120 && l->s[n - 1] != '?' &&
        (eq(l, "share this") || starts(l, "share this:") || starts(l, "share this with ") ||
         starts(l, "share this article") || starts(l, "share this story") ||
         starts(l, "share this post") || starts(l, "share this page") || starts(l, "share on ") ||
         starts(l, "share via ") || starts(l, "share:")))
        return 1;
    if (starts(l, "follow us") && n <= 150) return 1;
    if (starts(l, "follow ") && n <= 120 &&
        (has(l, " on twitter") || has(l, " on facebook") || has(l, " on instagram") ||
         has(l, " on x") || has(l, " on telegram") || has(l, " on linkedin") ||
         has(l, " on threads") || has(l, " on bluesky")))
        return 1;
    if ((eq(l, "subscribe") || starts(l, "subscribe to ") || starts(l, "subscribe for ") ||
         starts(l, "subscribe now") || starts(l, "sign up for ") || starts(l, "sign up to ") ||
         starts(l, "sign up now") || starts(l, "sign up here")) && n <= 150)
        return 1;
    if (starts(l, "get the latest") && has(l, "newsletter") && n <= 150) return 1;
    return 0;
}

/* ---- bylines ---- */

static int is_upper_start(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    /* a capital, or a lead byte of Latin/Greek/Cyrillic/... letters (not
     * U+2000.. punctuation such as curly quotes, nor CJK symbols) */
    return (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c != 0xE2 && c != 0xE3 && c < 0xF0);
}

static int connector(const char *s, size_t n)
{
    static const char *const w[] = {"and", "&", "|", "/", "-", "de", "da", "del", "della", "van",
        "von", "der", "den", "al", "el", "bin", "ben", "le", "la", "du", "dos", "das", "y", "di",
        "\xe2\x80\x94", "\xe2\x80\x93"};
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (strlen(w[k]) == n && memcmp(s, w[k], n) == 0) return 1;
    return 0;
}

/* Words that start prose, not a name, after "By": "By Monday, ...". */
static int not_a_name(const char *s, size_t n)
{
    static const char *const w[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December", "The", "This", "That",
        "Then", "Now", "Law", "Land", "Air", "Sea", "Far", "Contrast", "Comparison"};
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (strlen(w[k]) == n && memcmp(s, w[k], n) == 0) return 1;
    return 0;
}

/* Does s[0..n) look like a list of names ("Jane Doe and John Roe, Reuters")? */
static int names_only(const char *s, size_t n)
{
    int names = 0, first = 1;
    size_t i = 0;
    while (i < n) {
        while (i < n && is_space(s[i])) i++;
        size_t a = i;
        while (i < n && !is_space(s[i])) i++;
        size_t e = i;
        if (e == a) break;
        if (e - a > 1 && s[e - 1] == ',') e--;
        if (connector(s + a, e - a)) { first = 0; continue; }
        if (!is_upper_start(s + a) || (first && not_a_name(s + a, e - a))) return 0;
        for (size_t k = a; k < e; k++) {
            unsigned char c = (unsigned char)s[k];
            if (!(is_alnum(c) || c == '.' || c == '-' || c == '\'' || c >= 0x80)) return 0;
        }
        if (s[e - 1] == '.' && e - a > 3) return 0;  /* a sentence end, not "Jr." or "J." */
        names++;
        first = 0;
    }
    return names >= 1 && names <= 10;
}

/* "By Jane Doe" / "BY: JANE DOE, Reuters": returns the offset of the names. */
static size_t byline_names(const line *l)
{
    if (l->n > 120 || !starts(l, "by")) return 0;
    size_t i = 2;
    if (i < l->n && l->s[i] == ':') i++;
    if (i >= l->n || !is_space(l->s[i])) return 0;
    while (i < l->n && is_space(l->s[i])) i++;
    return i < l->n && names_only(l->s + i, l->n - i) ? i : 0;
}

/* ---- datelines ---- */

static int is_month(const char *s, size_t n)
{
    static const char *const m[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                    "Sep", "Sept", "Oct", "Nov", "Dec"};
    static const char *const full[] = {"January", "February", "March", "April", "June", "July",
                                       "August", "September", "October", "November", "December"};
    if (n > 0 && s[n - 1] == '.') n--;
    for (size_t k = 0; k < sizeof m / sizeof *m; k++)
        if (strlen(m[k]) == n && memcmp(s, m[k], n) == 0) return 1;
    for (size_t k = 0; k < sizeof full / sizeof *full; k++)
        if (strlen(full[k]) == n && memcmp(s, full[k], n) == 0) return 1;
    return 0;
}

/* Capitalised words separated by single spaces, at most max; returns the
 * end offset (0 if none); *caps says whether every letter is upper-case. */
static size_t cap_words(const char *s, size_t n, size_t i, int max, int *caps)
{
    size_t end = 0;
    int w = 0;
    *caps = 1;
    while (i < n && w < max && is_upper_start(s + i)) {
        size_t a = i;
        while (i < n && (is_alnum(s[i]) || s[i] == '.' || s[i] == '-' || s[i] == '\'' ||
                         (unsigned char)s[i] >= 0x80)) {
            /* only ASCII capitals count: lower case in other scripts is invisible here */
            if ((s[i] >= 'a' && s[i] <= 'z') || (unsigned char)s[i] >= 0x80) *caps = 0;
            i++;
        }
        if (i - a < 2 && !(i < n && s[i] == ' ')) break;
        if (is_month(s + a, i - a) && w > 0) { i = a; break; }
        end = i;
        w++;
        if (i + 1 < n && s[i] == ' ' && is_upper_start(s + i + 1)) i++;
        else break;
    }
    return w ? end : 0;
}

/* A date after the place: "Aug 16", "Aug. 16", "16 August". */
static size_t date_at(const char *s, size_t n, size_t i)
{
    size_t a = i;
    while (i < n && (is_alnum(s[i]) || s[i] == '.')) i++;
    if (is_month(s + a, i - a)) {
        if (i < n && s[i] == ' ') i++;
        size_t d = i;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
        return i > d && i - d <= 2 ? i : 0;
    }
    i = a;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    if (i == a || i - a > 2 || i >= n || s[i] != ' ') return 0;
    size_t m = ++i;
    while (i < n && (is_alnum(s[i]) || s[i] == '.')) i++;
    return is_month(s + m, i - m) ? i : 0;
}

/* A dash ending a dateline: - -- U+2013 U+2014; returns the offset after it. */
static size_t dash_at(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '-') return i + 1 < n && s[i + 1] == '-' ? i + 2 : i + 1;
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
        return i + 3;
    return 0;
}

/* After a dateline's dash the story goes on with a space and then a
 * capital, a digit or a quote ("KYIV (AP) — Russian forces ..."). */
static int story_follows(const char *s, size_t n, size_t e)
{
    if (e >= n || s[e] != ' ') return 0;
    while (e < n && s[e] == ' ') e++;
    return e < n && (is_upper_start(s + e) || (s[e] >= '0' && s[e] <= '9') || s[e] == '"' ||
                     (unsigned char)s[e] == 0xE2);
}

/* An agency in parentheses starting at i (after the '('): "Reuters", "AP",
 * "dpa", "AFP/Getty"; returns the offset after ')', 0 if not one. Page
 * titles like "Survival Kit (with Kids) - Site" must not pass. */
static size_t agency_at(const char *s, size_t n, size_t i)
{
    size_t a = i;
    if (i >= n || !((s[i] >= 'A' && s[i] <= 'Z') || cln_prefix(s + i, n - i, "dpa"))) return 0;
    while (i < n && i - a <= 30 && s[i] != ')') {
        char c = s[i];
        if (!((c | 32) >= 'a' && (c | 32) <= 'z') && c != ' ' && c != '.' && c != '&' && c != '-' && c != '/')
            return 0;
        i++;
    }
    return i < n && s[i] == ')' ? i + 1 : 0;
}

/* "MINSK, Aug 16 (Reuters) -", "KYIV (AP) —", "WASHINGTON —" at the start
 * of s: returns the dateline's end (after the dash), 0 if none; *place_end
 * marks the end of the place name(s). */
static size_t dateline_at(const char *s, size_t n, size_t *place_end)
{
    int caps, caps2, agency = 0;
    size_t i = cap_words(s, n, 0, 3, &caps);
    if (!i && n > 0 && s[0] == '(') {  /* "(Reuters) - ..." with no place */
        *place_end = 0;
        i = agency_at(s, n, 1);
        size_t k = i;
        while (k < n && s[k] == ' ') k++;
        size_t e = i ? dash_at(s, n, k) : 0;
        return e && story_follows(s, n, e) ? e : 0;
    }
    if (!i) return 0;
    *place_end = i;
    for (int parts = 0; parts < 2 && i + 2 < n && s[i] == ',' && s[i + 1] == ' '; parts++) {
        size_t d = date_at(s, n, i + 2);
        if (d) { i = d; continue; }
        size_t p = cap_words(s, n, i + 2, 3, &caps2);
        if (!p || parts > 0 || *place_end != i) break;
        i = *place_end = p;   /* "KYIV, Ukraine" */
    }
    if (i + 1 < n && s[i] == ' ' && s[i + 1] == '(') {
        size_t j = agency_at(s, n, i + 2);
        if (!j) return 0;
        agency = 1;
        i = j;
    }
    while (i < n && s[i] == ' ') i++;
    size_t e = dash_at(s, n, i);
    if (!e || !(caps || agency)) return 0;
    return story_follows(s, n, e) ? e : 0;
}

/* ---- the line pass ---- */

static int classify(const line *l)
{
    if (l->n > MAX_NOISE_LINE) return -1;
    if (is_url_line(l)) return CLN_MARKUP;
    if (is_ad_line(l)) return CLN_SHORTCODE;
    if (is_footer(l)) return CLN_FOOTER;
    if (is_share(l)) return CLN_SHARE;
    if (byline_names(l)) return CLN_BYLINE;
    return -1;
}

static void remove_line(cln_build *b, const line *l, cln_kind k)
{
    size_t start = (size_t)(l->s - b->t);
    cln_blank(b->t, start, start + l->n);
    cln_push(b->a, &b->lines, (uint32_t)start, (uint32_t)(start + l->n), k);
}

static void take_byline(cln_build *b, const line *l)
{
    if (*b->byline) return;
    size_t i = byline_names(l), e = l->n;
    b->byline = arena_strndup(b->a, l->s + i, e - i);
}

/* The first paragraph may open with a dateline; a title line before it
 * (no final period) is allowed, so the first two prose lines are tried. */
static void try_dateline(cln_build *b, const line *l)
{
    size_t place_end = 0;
    size_t e = dateline_at(l->s, l->n, &place_end);
    if (!e) return;
    size_t start = (size_t)(l->s - b->t);
    b->dateline = arena_strndup(b->a, l->s, place_end);
    cln_blank(b->t, start, start + e);
    cln_push(b->a, &b->lines, (uint32_t)start, (uint32_t)(start + e), CLN_DATELINE);
}

void cln_lines(cln_build *b)
{
    int prose = 0;          /* prose lines seen */
    int dateline_open = 1;  /* may the next prose line still start with a dateline? */
    size_t i = 0;
    while (i < b->n) {
        size_t e = i;
        while (e < b->n && b->t[e] != '\n') e++;
        line l;
        size_t a = i, z = e;
        while (a < z && is_space(b->t[a])) a++;
        while (z > a && is_space(b->t[z - 1])) z--;
        l.s = b->t + a;
        l.n = z - a;
        if (l.n > 0) {
            int k = -1;
            if (l.n <= MAX_NOISE_LINE) { make_low(&l); k = classify(&l); }
            if (k == CLN_BYLINE) take_byline(b, &l);
            if (k >= 0) remove_line(b, &l, (cln_kind)k);
            else {
                if (dateline_open && !*b->dateline) try_dateline(b, &l);
                prose++;
                /* a title has no final punctuation; after a real paragraph, stop */
                char last = l.s[l.n - 1];
                if (prose >= 2 || last == '.' || last == '"' || l.n > 150) dateline_open = 0;
            }
        }
        i = e + 1;
    }
}
