/* query.c: filters, SQL assembly and result writers (see query.h). */
#include "store/query.h"
#include "input/input.h"
#include "output/output.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static int fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

void qry_init(qry_filter *f)
{
    memset(f, 0, sizeof *f);
    for (int i = 0; i < QRY_NFLAGS; i++) f->flag[i] = -1;
    f->limit = 50;
    f->by = QRY_DAY;
    f->format = QRY_JSON;
}

/* ---- values ---- */

/* An actor code: letters and digits (upper-cased), "---" for none, a
 * trailing '*' for a prefix; three characters are a prefix by themselves. */
static int parse_actor(const char *v, size_t n, qry_actor *a, char *err, size_t errlen)
{
    qry_actor out = {{0}, 0};
    if (n && v[n - 1] == '*') { out.prefix = 1; n--; }
    if (!n || n >= DYAD_CODE_MAX) return fail(err, errlen, "an actor code has 1 to %d letters", DYAD_CODE_MAX - 1);
    int none = n == 3 && !memcmp(v, "---", 3);
    for (size_t i = 0; i < n && !none; i++) {
        unsigned char c = (unsigned char)v[i];
        if (!isalnum(c)) return fail(err, errlen, "an actor code has only letters and digits (CAMEO: USA, USAGOV)");
        out.code[i] = (char)toupper(c);
    }
    if (none) memcpy(out.code, "---", 4);
    else if (n == 3) out.prefix = 1;
    *a = out;
    return 0;
}

static int set_actor_key(qry_actor *a, const char *v, char *err, size_t errlen)
{
    return parse_actor(v, strlen(v), a, err, errlen);
}

/* "A,B" either way round, "A>B" directed; '-', ':' and '/' separate too. */
static int set_dyad(qry_filter *f, const char *v, char *err, size_t errlen)
{
    size_t n = strlen(v), cut = n;
    int directed = 0;
    for (size_t i = 0; i < n && cut == n; i++) {
        if (v[i] == '>') { cut = i; directed = 1; }
        else if (v[i] == ',' || v[i] == ':' || v[i] == '/') cut = i;
        /* '-' separates unless it belongs to "---" (no actor) */
        else if (v[i] == '-' && i > 0 && v[i - 1] != '-' && i + 1 < n && v[i + 1] != '-') cut = i;
    }
    if (cut == n) return fail(err, errlen, "a dyad is two actor codes: A,B (either way) or A>B");
    qry_actor d[2];
    if (parse_actor(v, cut, &d[0], err, errlen) || parse_actor(v + cut + 1, n - cut - 1, &d[1], err, errlen))
        return -1;
    f->dyad[0] = d[0];
    f->dyad[1] = d[1];
    f->directed = directed;
    return 0;
}

static int set_code(qry_filter *f, const char *v, char *err, size_t errlen)
{
    size_t n = strlen(v);
    int prefix = n && v[n - 1] == '*';
    if (prefix) n--;
    if (n < (prefix ? 1u : 2u) || n > 4) return fail(err, errlen, "a CAMEO code has 2 to 4 digits (190, 0251, 19*)");
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)v[i])) return fail(err, errlen, "a CAMEO code has only digits");
    memcpy(f->code, v, n);
    f->code[n] = 0;
    f->code_prefix = prefix;
    return 0;
}

static int set_root(qry_filter *f, const char *v, char *err, size_t errlen)
{
    if (strlen(v) != 2 || !isdigit((unsigned char)v[0]) || !isdigit((unsigned char)v[1]))
        return fail(err, errlen, "a CAMEO root is two digits (01..20)");
    memcpy(f->root, v, 3);
    return 0;
}

static int set_quad(qry_filter *f, const char *v, char *err, size_t errlen)
{
    static const struct { const char *name; unsigned bits; } names[] = {
        {"verbal-coop", 1u << 1}, {"material-coop", 1u << 2}, {"verbal-conflict", 1u << 3},
        {"material-conflict", 1u << 4}, {"cooperation", 1u << 1 | 1u << 2}, {"conflict", 1u << 3 | 1u << 4},
    };
    unsigned bits = 0;
    const char *p = v;
    while (*p) {
        size_t n = strcspn(p, ",");
        unsigned b = 0;
        if (n == 1 && p[0] >= '1' && p[0] <= '4') b = 1u << (p[0] - '0');
        for (size_t i = 0; i < sizeof names / sizeof *names && !b; i++)
            if (strlen(names[i].name) == n && !strncmp(p, names[i].name, n)) b = names[i].bits;
        if (!b) return fail(err, errlen, "a quad class is 1..4, a list (3,4), cooperation or conflict");
        bits |= b;
        p += n;
        if (*p) p++;
    }
    f->quads = bits;
    return 0;
}

static int set_plover(qry_filter *f, const char *v, char *err, size_t errlen)
{
    size_t n = strlen(v);
    if (!n || n >= sizeof f->plover) return fail(err, errlen, "a PLOVER type is a word (CONSULT, ASSAULT...)");
    for (size_t i = 0; i < n; i++) {
        if (!isalpha((unsigned char)v[i]) && v[i] != '_') return fail(err, errlen, "a PLOVER type is a word");
        f->plover[i] = (char)toupper((unsigned char)v[i]);
    }
    f->plover[n] = 0;
    return 0;
}

/* YYYY-MM-DD (or YYYYMMDD); YYYY-MM and YYYY stand for their first day
 * (from) or a bound past their last (to). */
static int parse_date(const char *v, int upper, int *out, char *err, size_t errlen)
{
    int d = rd_parse_date(v);
    if (!d) {
        size_t n = strlen(v);
        int y, m = 0;
        char tail;
        if (n == 4 && sscanf(v, "%4d%c", &y, &tail) == 1 && y > 0) d = y * 10000 + (upper ? 1231 : 101);
        else if (n == 7 && sscanf(v, "%4d-%2d%c", &y, &m, &tail) == 2 && y > 0 && m >= 1 && m <= 12)
            d = y * 10000 + m * 100 + (upper ? 31 : 1);
    }
    if (!d) return fail(err, errlen, "a date is YYYY-MM-DD (or YYYY-MM, YYYY)");
    *out = d;
    return 0;
}

static int set_from(qry_filter *f, const char *v, char *err, size_t n) { return parse_date(v, 0, &f->from, err, n); }
static int set_to(qry_filter *f, const char *v, char *err, size_t n) { return parse_date(v, 1, &f->to, err, n); }

static int set_string(char *dst, size_t cap, const char *v, const char *what, char *err, size_t errlen)
{
    size_t n = strlen(v);
    if (n >= cap) return fail(err, errlen, "%s is longer than %zu bytes", what, cap - 1);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)v[i] < 0x20) return fail(err, errlen, "%s has a control character", what);
    memcpy(dst, v, n + 1);
    return 0;
}

static int set_place(qry_filter *f, const char *v, char *err, size_t n)
{
    return set_string(f->place, sizeof f->place, v, "place", err, n);
}

static int set_article(qry_filter *f, const char *v, char *err, size_t n)
{
    return set_string(f->article, sizeof f->article, v, "article", err, n);
}

/* A byte that belongs to a word for the text index: ASCII letters and
 * digits, and every byte of a multi-byte UTF-8 character. */
static int word_byte(unsigned char c) { return isalnum(c) || c >= 0x80; }

static int set_text(qry_filter *f, const char *v, char *err, size_t errlen)
{
    if (set_string(f->text, sizeof f->text, v, "q", err, errlen)) return -1;
    for (const char *p = v; *p; p++)
        if (word_byte((unsigned char)*p)) return 0;
    f->text[0] = 0;
    return fail(err, errlen, "q has no word to search for");
}

static int parse_int(const char *v, long lo, long hi, long *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < lo || n > hi) return -1;
    *out = n;
    return 0;
}

static int set_group(qry_filter *f, const char *v, char *err, size_t errlen)
{
    long n;
    if (parse_int(v, 1, 0x7fffffffL, &n)) return fail(err, errlen, "group is an event group number");
    f->group = n;
    return 0;
}

static int set_limit(qry_filter *f, const char *v, char *err, size_t errlen)
{
    long n;
    if (parse_int(v, 1, 10000, &n)) return fail(err, errlen, "limit is 1..10000");
    f->limit = (int)n;
    return 0;
}

static int set_offset(qry_filter *f, const char *v, char *err, size_t errlen)
{
    long n;
    if (parse_int(v, 0, 100000000, &n)) return fail(err, errlen, "offset is 0..100000000");
    f->offset = (int)n;
    return 0;
}

static int set_by(qry_filter *f, const char *v, char *err, size_t errlen)
{
    if (!strcmp(v, "day")) f->by = QRY_DAY;
    else if (!strcmp(v, "week")) f->by = QRY_WEEK;
    else if (!strcmp(v, "month")) f->by = QRY_MONTH;
    else return fail(err, errlen, "by is day, week or month");
    return 0;
}

static int set_format(qry_filter *f, const char *v, char *err, size_t errlen)
{
    qry_format k = qry_format_parse(v);
    if (k == QRY_NFORMATS) return fail(err, errlen, "format is json, csv or table");
    f->format = k;
    return 0;
}

static int parse_flag(const char *v)
{
    static const char *const on[] = {"1", "yes", "true", "on", "only"};
    static const char *const off[] = {"0", "no", "false", "off", "exclude"};
    for (size_t i = 0; i < 5; i++) {
        if (!strcmp(v, on[i])) return 1;
        if (!strcmp(v, off[i])) return 0;
    }
    return -1;
}

/* The keys, in the order of query.h; flags are handled by name below. */
typedef int (*qry_setter)(qry_filter *f, const char *v, char *err, size_t errlen);
static int set_actor(qry_filter *f, const char *v, char *e, size_t n) { return set_actor_key(&f->actor, v, e, n); }
static int set_source(qry_filter *f, const char *v, char *e, size_t n) { return set_actor_key(&f->source, v, e, n); }
static int set_target(qry_filter *f, const char *v, char *e, size_t n) { return set_actor_key(&f->target, v, e, n); }

static const struct {
    const char *key;  /* as in URLs; "--key" on command lines */
    qry_setter set;   /* checks and stores a value */
} keys[] = {
    {"actor", set_actor}, {"dyad", set_dyad}, {"source", set_source}, {"target", set_target},
    {"code", set_code}, {"root", set_root}, {"quad", set_quad}, {"plover", set_plover},
    {"from", set_from}, {"to", set_to}, {"place", set_place}, {"q", set_text},
    {"article", set_article}, {"group", set_group}, {"by", set_by}, {"limit", set_limit},
    {"offset", set_offset}, {"format", set_format},
};
static const char *const flag_keys[QRY_NFLAGS] = {"negated", "conditional", "future", "hedged", "reported"};

/* Unset a key (an empty value): back to the qry_init state. */
static void unset(qry_filter *f, const char *key)
{
    qry_filter d;
    qry_init(&d);
#define RESET(field) memcpy(&f->field, &d.field, sizeof f->field)
    if (!strcmp(key, "actor")) RESET(actor);
    else if (!strcmp(key, "dyad")) { RESET(dyad); RESET(directed); }
    else if (!strcmp(key, "source")) RESET(source);
    else if (!strcmp(key, "target")) RESET(target);
    else if (!strcmp(key, "code")) { RESET(code); RESET(code_prefix); }
    else if (!strcmp(key, "root")) RESET(root);
    else if (!strcmp(key, "quad")) RESET(quads);
    else if (!strcmp(key, "plover")) RESET(plover);
    else if (!strcmp(key, "from")) RESET(from);
    else if (!strcmp(key, "to")) RESET(to);
    else if (!strcmp(key, "place")) RESET(place);
    else if (!strcmp(key, "q")) RESET(text);
    else if (!strcmp(key, "article")) RESET(article);
    else if (!strcmp(key, "group")) RESET(group);
    else if (!strcmp(key, "by")) RESET(by);
    else if (!strcmp(key, "limit")) RESET(limit);
    else if (!strcmp(key, "offset")) RESET(offset);
    else if (!strcmp(key, "format")) RESET(format);
    else if (!strcmp(key, "factual")) for (int i = 0; i < QRY_REPORTED; i++) f->flag[i] = -1;
    else for (int i = 0; i < QRY_NFLAGS; i++) if (!strcmp(key, flag_keys[i])) f->flag[i] = -1;
#undef RESET
}

int qry_is_key(const char *key)
{
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!strcmp(key, keys[i].key)) return 1;
    for (int i = 0; i < QRY_NFLAGS; i++)
        if (!strcmp(key, flag_keys[i])) return 1;
    return !strcmp(key, "factual");
}

int qry_set(qry_filter *f, const char *key, const char *value, char *err, size_t errlen)
{
    if (!qry_is_key(key)) return fail(err, errlen, "unknown filter '%.40s'", key);
    if (!value[0]) { unset(f, key); return 0; }
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!strcmp(key, keys[i].key)) return keys[i].set(f, value, err, errlen);
    int on = parse_flag(value);
    if (on < 0) return fail(err, errlen, "%.40s is 1 or 0 (yes or no)", key);
    if (!strcmp(key, "factual")) {
        for (int i = 0; i < QRY_REPORTED; i++) f->flag[i] = on ? 0 : -1;
        return 0;
    }
    for (int i = 0; i < QRY_NFLAGS; i++)
        if (!strcmp(key, flag_keys[i])) f->flag[i] = (signed char)on;
    return 0;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Percent-decode s[0..n) into out (cap bytes, NUL-terminated); -1 if it
 * doesn't fit, has a bad escape, or decodes to a NUL byte. */
static int url_decode(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (c == '+') c = ' ';
        else if (c == '%') {
            if (i + 2 >= n) return -1;
            int a = hexval((unsigned char)s[i + 1]), b = hexval((unsigned char)s[i + 2]);
            if (a < 0 || b < 0 || (a | b) == 0) return -1; /* %00 would cut the string */
            c = a * 16 + b;
            i += 2;
        }
        if (o + 1 >= cap) return -1;
        out[o++] = (char)c;
    }
    out[o] = 0;
    return 0;
}

int qry_parse_query(qry_filter *f, const char *qs, size_t len, char *err, size_t errlen)
{
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && qs[end] != '&' && qs[end] != ';') end++;
        if (end > i) {
            const char *eq = memchr(qs + i, '=', end - i);
            size_t kn = eq ? (size_t)(eq - (qs + i)) : end - i;
            char key[32], value[QRY_TEXT_MAX * 2];
            if (url_decode(qs + i, kn, key, sizeof key))
                return fail(err, errlen, "bad parameter name in the query string");
            const char *v = eq ? eq + 1 : qs + end;
            if (url_decode(v, (size_t)(qs + end - v), value, sizeof value))
                return fail(err, errlen, "bad or too long value for '%.31s'", key);
            if (qry_set(f, key, value, err, errlen)) return -1;
        }
        i = end + 1;
    }
    return 0;
}

static const char *const kind_names[QRY_NKINDS] = {"events", "groups", "series", "countries",
                                                   "dyads", "places", "totals"};
static const char *const format_names[QRY_NFORMATS] = {"json", "csv", "table"};

const char *qry_kind_name(qry_kind k) { return k < QRY_NKINDS ? kind_names[k] : "?"; }

qry_kind qry_kind_parse(const char *name)
{
    for (int k = 0; k < QRY_NKINDS; k++)
        if (!strcmp(name, kind_names[k])) return (qry_kind)k;
    return QRY_NKINDS;
}

qry_format qry_format_parse(const char *name)
{
    for (int k = 0; k < QRY_NFORMATS; k++)
        if (!strcmp(name, format_names[k])) return (qry_format)k;
    return QRY_NFORMATS;
}

/* ---- SQL assembly ---- */

#define MAX_BINDS 48
#define MAX_OWN 8

/* A statement being assembled: its text and the values to bind, in order. */
typedef struct qry_sql {
    buf sql;                                /* the SQL text, '?' for every value */
    int nbind;                              /* values so far */
    struct {
        const char *s;                      /* text value, or NULL for an integer */
        int64_t i;                          /* integer value */
    } bind[MAX_BINDS];
    char own[MAX_OWN][QRY_TEXT_MAX * 4];    /* strings made here (prefix bounds, the FTS query) */
    int nown;                               /* own[] used */
} qry_sql;

static void add(qry_sql *q, const char *s) { buf_adds(&q->sql, s); }

static void bind_s(qry_sql *q, const char *s)
{
    if (q->nbind < MAX_BINDS) q->bind[q->nbind++].s = s;
}

static void bind_i(qry_sql *q, int64_t i)
{
    if (q->nbind < MAX_BINDS) {
        q->bind[q->nbind].s = NULL;
        q->bind[q->nbind++].i = i;
    }
}

static char *own(qry_sql *q)
{
    return q->nown < MAX_OWN ? q->own[q->nown++] : q->own[MAX_OWN - 1];
}

/* "t.col = ?" or, for a prefix, "t.col >= ? AND t.col < ?" (the range
 * lets the index serve it, where LIKE would not). */
static void cond_prefix(qry_sql *q, const char *t, const char *col, const char *value, int prefix)
{
    buf_printf(&q->sql, prefix ? "(%s.%s >= ? AND %s.%s < ?)" : "%s.%s = ?", t, col, t, col);
    bind_s(q, value);
    if (prefix) {
        char *hi = own(q);
        size_t n = strlen(value);
        memcpy(hi, value, n + 1);
        if (n) hi[n - 1] = (char)(hi[n - 1] + 1); /* codes are ASCII letters and digits */
        bind_s(q, hi);
    }
}

static void cond_actor(qry_sql *q, const char *t, const char *col, const qry_actor *a)
{
    /* a country: the store's by-country indexes answer this equality */
    if (a->prefix && strlen(a->code) == 3) {
        buf_printf(&q->sql, "substr(%s.%s, 1, 3) = ?", t, col);
        bind_s(q, a->code);
        return;
    }
    cond_prefix(q, t, col, a->code, a->prefix);
}

/* Words of the text as an FTS5 query: each word quoted (so no user text is
 * FTS syntax), all required; "word*" keeps its prefix star. */
static const char *fts_query(qry_sql *q, const char *text)
{
    char *out = own(q);
    size_t o = 0, cap = sizeof q->own[0];
    for (const char *p = text; *p;) {
        if (!word_byte((unsigned char)*p)) { p++; continue; }
        const char *w = p;
        while (*p && word_byte((unsigned char)*p)) p++;
        size_t n = (size_t)(p - w);
        if (o + n + 5 >= cap) break;
        if (o) out[o++] = ' ';
        out[o++] = '"';
        memcpy(out + o, w, n);
        o += n;
        out[o++] = '"';
        if (*p == '*') out[o++] = '*';
    }
    out[o] = 0;
    return out;
}

/* Does f name actors (or one article, one group)? Then their indexes are
 * the way in, and dates must not tempt SQLite (which has no statistics
 * here) into walking the date index instead: see date_col. */
static int has_actor_conds(const qry_filter *f)
{
    return f->actor.code[0] || f->dyad[0].code[0] || f->source.code[0] || f->target.code[0] || f->article[0] ||
           f->group;
}

/* The date column of t for conditions and ordering: "+t.date" (the unary
 * plus keeps SQLite off the date index) when actors select the rows. */
static const char *date_col(const qry_filter *f, const char *t)
{
    static _Thread_local char out[16];
    snprintf(out, sizeof out, "%s%s.date", has_actor_conds(f) ? "+" : "", t);
    return out;
}

/* Conditions on the columns events and event_groups share, for alias t. */
static void where_common(qry_sql *q, const qry_filter *f, const char *t)
{
    if (f->actor.code[0]) {
        add(q, " AND (");
        cond_actor(q, t, "source", &f->actor);
        add(q, " OR ");
        cond_actor(q, t, "target", &f->actor);
        add(q, ")");
    }
    if (f->dyad[0].code[0]) {
        add(q, " AND ((");
        cond_actor(q, t, "source", &f->dyad[0]);
        add(q, " AND ");
        cond_actor(q, t, "target", &f->dyad[1]);
        add(q, ")");
        if (!f->directed) {
            add(q, " OR (");
            cond_actor(q, t, "source", &f->dyad[1]);
            add(q, " AND ");
            cond_actor(q, t, "target", &f->dyad[0]);
            add(q, ")");
        }
        add(q, ")");
    }
    if (f->source.code[0]) { add(q, " AND "); cond_actor(q, t, "source", &f->source); }
    if (f->target.code[0]) { add(q, " AND "); cond_actor(q, t, "target", &f->target); }
    if (f->code[0]) { add(q, " AND "); cond_prefix(q, t, "code", f->code, f->code_prefix); }
    if (f->root[0]) { buf_printf(&q->sql, " AND %s.root = ?", t); bind_s(q, f->root); }
    if (f->quads) {
        buf_printf(&q->sql, " AND %s.quad IN (", t);
        int first = 1;
        for (int k = 1; k <= 4; k++)
            if (f->quads & (1u << k)) { add(q, first ? "?" : ",?"); bind_i(q, k); first = 0; }
        add(q, ")");
    }
    if (f->plover[0]) { buf_printf(&q->sql, " AND %s.plover = ?", t); bind_s(q, f->plover); }
    if (f->from) { buf_printf(&q->sql, " AND %s >= ?", date_col(f, t)); bind_i(q, f->from); }
    /* event_groups keeps 0 for an unknown date: not "before" anything */
    if (f->to) { buf_printf(&q->sql, " AND %s <= ? AND %s > 0", date_col(f, t), date_col(f, t)); bind_i(q, f->to); }
    static const char *const cols[QRY_REPORTED] = {"negated", "conditional", "future", "hedged"};
    for (int i = 0; i < QRY_REPORTED; i++)
        if (f->flag[i] >= 0) { buf_printf(&q->sql, " AND %s.%s = ?", t, cols[i]); bind_i(q, f->flag[i]); }
}

/* Is any condition set that only a mention (events e) can answer? */
static int has_mention_conds(const qry_filter *f)
{
    return f->flag[QRY_REPORTED] >= 0 || f->text[0] || f->article[0] || f->place[0] || f->group;
}

/* Conditions only mentions answer: on events e. */
static void where_mention(qry_sql *q, const qry_filter *f)
{
    if (f->flag[QRY_REPORTED] >= 0) { add(q, " AND e.reported = ?"); bind_i(q, f->flag[QRY_REPORTED]); }
    if (f->text[0]) {
        add(q, " AND e.article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
        bind_s(q, fts_query(q, f->text));
    }
    if (f->article[0]) {
        add(q, " AND e.article IN (SELECT rowid FROM articles WHERE id = ? UNION ALL"
               " SELECT article FROM copies WHERE id = ?)");
        bind_s(q, f->article);
        bind_s(q, f->article);
    }
    if (f->place[0]) {
        add(q, " AND e.rowid IN (SELECT event FROM places WHERE event IS NOT NULL AND (country = upper(?)"
               " OR adm1 = upper(?) OR instr(lower(name), lower(?)) > 0))");
        bind_s(q, f->place);
        bind_s(q, f->place);
        bind_s(q, f->place);
    }
    if (f->group) { add(q, " AND e.grp = ?"); bind_i(q, f->group); }
}

/* " WHERE ..." for a query over events e. */
static void where_events(qry_sql *q, const qry_filter *f)
{
    add(q, " WHERE 1");
    where_common(q, f, "e");
    where_mention(q, f);
}

/* " WHERE ..." for a query over event_groups g: mention conditions become
 * "the group has a mention that ...". */
static void where_groups(qry_sql *q, const qry_filter *f)
{
    add(q, " WHERE 1");
    where_common(q, f, "g");
    if (has_mention_conds(f)) {
        add(q, " AND g.id IN (SELECT e.grp FROM events e WHERE 1");
        where_mention(q, f);
        add(q, ")");
    }
}

static void limit(qry_sql *q, const qry_filter *f)
{
    if (f->limit <= 0) return; /* only programs set 0: no limit (exports) */
    add(q, " LIMIT ? OFFSET ?");
    bind_i(q, f->limit);
    bind_i(q, f->offset);
}

/* The period a yyyymmdd integer d falls in, as text. */
static const char *const period_sql[] = {
    [QRY_DAY] = "printf('%04d-%02d-%02d', d / 10000, d / 100 % 100, d % 100)",
    [QRY_WEEK] = "date(printf('%04d-%02d-%02d', d / 10000, d / 100 % 100, d % 100), '-6 days', 'weekday 1')",
    [QRY_MONTH] = "printf('%04d-%02d', d / 10000, d / 100 % 100)",
};

static const char events_cols[] =
    "SELECT e.rowid AS id, e.date AS date, e.source AS source, e.target AS target, e.code AS code,"
    " cameo_name(e.code) AS name, e.root AS root, e.quad AS quad, e.goldstein AS goldstein,"
    " e.plover AS plover, e.negated AS negated, e.conditional AS conditional, e.future AS future,"
    " e.hedged AS hedged, e.reported AS reported, e.source_text AS source_text,"
    " e.verb_text AS verb_text, e.target_text AS target_text, e.sentence AS sentence,"
    " a.id AS article, a.title AS title, a.source AS outlet, a.url AS url, e.grp AS event_group,"
    " g.num_mentions AS num_mentions, g.num_sources AS num_sources, g.num_articles AS num_articles"
    " FROM events e JOIN articles a ON a.rowid = e.article LEFT JOIN event_groups g ON g.id = e.grp";

static const char groups_cols[] =
    "SELECT g.id AS id, g.date AS date, g.source AS source, g.target AS target, g.code AS code,"
    " cameo_name(g.code) AS name, g.root AS root, g.quad AS quad, g.goldstein AS goldstein,"
    " g.plover AS plover, g.negated AS negated, g.conditional AS conditional, g.future AS future,"
    " g.hedged AS hedged, g.num_mentions AS num_mentions, g.num_sources AS num_sources,"
    " g.num_articles AS num_articles,"
    " (SELECT a.url FROM events e JOIN articles a ON a.rowid = e.article WHERE e.rowid = g.first_event) AS url"
    " FROM event_groups g";

/* Per-country counts: each event counts for its source's country and, if
 * another, its target's; "---" (no actor) is no country. Grouped by the
 * whole code first, which walks the covering index in order (no sorting
 * of every group), then by country over those few rows. */
static void countries_side(qry_sql *q, const qry_filter *f, const char *side, const char *other)
{
    buf_printf(&q->sql,
               "SELECT substr(code, 1, 3) AS country, sum(n) AS n, sum(gs) AS gs, sum(gn) AS gn,"
               " sum(conflict) AS conflict, sum(coop) AS coop FROM ("
               "SELECT g.%s AS code, count(*) AS n, sum(g.goldstein) AS gs,"
               " count(g.goldstein) AS gn, sum(g.quad >= 3) AS conflict, sum(g.quad <= 2) AS coop"
               " FROM event_groups g",
               side);
    where_groups(q, f);
    buf_printf(&q->sql, " AND g.%s <> '---'", side);
    if (other) buf_printf(&q->sql, " AND substr(g.%s, 1, 3) <> substr(g.%s, 1, 3)", other, side);
    buf_printf(&q->sql, " GROUP BY g.%s) GROUP BY 1", side);
}

static void build(qry_sql *q, qry_kind kind, const qry_filter *f)
{
    switch (kind) {
    case QRY_EVENTS:
        /* the page's rowids first, from the covering indexes alone; then
         * only those rows, with their articles and groups */
        add(q, events_cols);
        add(q, " JOIN (SELECT e.rowid AS eid FROM events e");
        where_events(q, f);
        buf_printf(&q->sql, " ORDER BY %s DESC, e.rowid DESC", date_col(f, "e"));
        limit(q, f);
        add(q, ") k ON e.rowid = k.eid ORDER BY e.date DESC, e.rowid DESC");
        break;
    case QRY_GROUPS:
        add(q, groups_cols);
        where_groups(q, f);
        buf_printf(&q->sql, " ORDER BY %s DESC, g.num_mentions DESC, g.id DESC", date_col(f, "g"));
        limit(q, f);
        break;
    case QRY_SERIES:
        /* by day first (few rows), then into weeks or months */
        buf_printf(&q->sql,
                   "SELECT %s AS period, sum(n) AS events, sum(m) AS mentions, sum(q1) AS verbal_coop,"
                   " sum(q2) AS material_coop, sum(q3) AS verbal_conflict, sum(q4) AS material_conflict,"
                   " round(sum(gs) / nullif(sum(gn), 0), 2) AS goldstein FROM ("
                   "SELECT g.date AS d, count(*) AS n, sum(g.num_mentions) AS m, sum(g.quad = 1) AS q1,"
                   " sum(g.quad = 2) AS q2, sum(g.quad = 3) AS q3, sum(g.quad = 4) AS q4,"
                   " sum(g.goldstein) AS gs, count(g.goldstein) AS gn FROM event_groups g",
                   period_sql[f->by]);
        where_groups(q, f);
        buf_printf(&q->sql, " AND %s > 0 GROUP BY g.date) GROUP BY period ORDER BY period", date_col(f, "g"));
        break;
    case QRY_COUNTRIES:
        add(q, "SELECT country, sum(n) AS events, sum(conflict) AS conflict, sum(coop) AS cooperation,"
               " round(sum(gs) / nullif(sum(gn), 0), 2) AS goldstein FROM (");
        countries_side(q, f, "source", NULL);
        add(q, " UNION ALL ");
        countries_side(q, f, "target", "source");
        add(q, ") GROUP BY country ORDER BY events DESC, country LIMIT 400");
        break;
    case QRY_DYADS:
        add(q, "SELECT g.source AS source, g.target AS target, count(*) AS events,"
               " sum(g.num_mentions) AS mentions, sum(g.quad >= 3) AS conflict,"
               " round(avg(g.goldstein), 2) AS goldstein FROM event_groups g");
        where_groups(q, f);
        add(q, " AND g.source <> '---' AND g.target <> '---' GROUP BY g.source, g.target"
               " ORDER BY events DESC, mentions DESC, g.source, g.target");
        limit(q, f);
        break;
    case QRY_PLACES:
        add(q, "SELECT p.name AS name, p.country AS country, round(avg(p.lat), 4) AS lat,"
               " round(avg(p.lon), 4) AS lon, count(DISTINCT e.grp) AS events,"
               " round(avg(e.goldstein), 2) AS goldstein"
               " FROM places p JOIN events e ON e.rowid = p.event");
        where_events(q, f);
        add(q, " AND p.lat IS NOT NULL GROUP BY p.name, p.country ORDER BY events DESC LIMIT 1000");
        break;
    case QRY_TOTALS:
    case QRY_NKINDS:
        add(q, "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM copies) AS copies,"
               " (SELECT count(*) FROM events) AS mentions, (SELECT count(*) FROM event_groups) AS events,"
               " (SELECT min(date) FROM event_groups WHERE date > 0) AS first_date,"
               " (SELECT max(date) FROM event_groups) AS last_date");
        break;
    }
}

/* Prepare q's SQL on db and bind its values; frees q. */
static sqlite3_stmt *finish(sqlite3 *db, qry_sql *q, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, q->sql.data, (int)q->sql.len, &st, NULL) != SQLITE_OK) {
        fail(err, errlen, "%s", sqlite3_errmsg(db));
        st = NULL;
    }
    for (int i = 0; st && i < q->nbind; i++) {
        /* SQLITE_TRANSIENT: the own[] strings die with q */
        if (q->bind[i].s) sqlite3_bind_text(st, i + 1, q->bind[i].s, -1, SQLITE_TRANSIENT);
        else sqlite3_bind_int64(st, i + 1, q->bind[i].i);
    }
    buf_free(&q->sql);
    free(q);
    return st;
}

static qry_sql *new_sql(void)
{
    qry_sql *q = calloc(1, sizeof *q);
    if (!q) abort();
    buf_init(&q->sql);
    return q;
}

sqlite3_stmt *qry_prepare(sqlite3 *db, qry_kind kind, const qry_filter *f, char *err, size_t errlen)
{
    qry_sql *q = new_sql();
    build(q, kind, f);
    return finish(db, q, err, errlen);
}

sqlite3_stmt *qry_prepare_custom(sqlite3 *db, int over_groups, const char *select_from, const qry_filter *f,
                                 const char *tail, char *err, size_t errlen)
{
    qry_sql *q = new_sql();
    add(q, select_from);
    if (over_groups) where_groups(q, f);
    else where_events(q, f);
    add(q, tail);
    return finish(db, q, err, errlen);
}

/* ---- writers ---- */

int qry_flush(qry_sink *out)
{
    if (out->f && out->b.len) {
        if (fwrite(out->b.data, 1, out->b.len, out->f) != out->b.len) out->failed = 1;
        buf_clear(&out->b);
    }
    return out->failed ? -1 : 0;
}

static void maybe_flush(qry_sink *out)
{
    if (out->f && out->b.len > (64u << 10)) qry_flush(out);
}

static void json_value(buf *b, sqlite3_stmt *st, int i)
{
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: buf_printf(b, "%lld", (long long)sqlite3_column_int64(st, i)); break;
    case SQLITE_FLOAT: buf_printf(b, "%.10g", sqlite3_column_double(st, i)); break;
    case SQLITE_NULL: buf_adds(b, "null"); break;
    default: {
        const char *s = (const char *)sqlite3_column_text(st, i);
        out_json_text(b, s ? s : "", (size_t)sqlite3_column_bytes(st, i));
    }
    }
}

/* The current row as a JSON object. */
static void json_row(buf *b, sqlite3_stmt *st)
{
    int n = sqlite3_column_count(st);
    buf_addc(b, '{');
    for (int i = 0; i < n; i++) {
        if (i) buf_addc(b, ',');
        const char *name = sqlite3_column_name(st, i);
        buf_json_str(b, name, strlen(name));
        buf_addc(b, ':');
        json_value(b, st, i);
    }
    buf_addc(b, '}');
}

/* One CSV field: quoted when it holds a comma, quote or line break. */
static void csv_field(buf *b, const char *s, size_t n)
{
    if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\n', n) && !memchr(s, '\r', n)) {
        buf_add(b, s, n);
        return;
    }
    buf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') buf_addc(b, '"');
        buf_addc(b, s[i]);
    }
    buf_addc(b, '"');
}

/* The value of column i as plain text (for CSV and tables), appended to b. */
static void text_value(buf *b, sqlite3_stmt *st, int i)
{
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_NULL: break;
    case SQLITE_FLOAT: buf_printf(b, "%.10g", sqlite3_column_double(st, i)); break;
    default: buf_add(b, sqlite3_column_text(st, i), (size_t)sqlite3_column_bytes(st, i));
    }
}

#define TABLE_CELL_MAX 40 /* bytes shown per cell in a table */

/* A table for people: every cell kept (rows are few: lists have a limit),
 * then printed in columns padded to the widest cell. */
typedef struct table {
    buf cells;        /* every cell, NUL-terminated, row after row */
    size_t width[64]; /* display width per column (bytes, cut at TABLE_CELL_MAX) */
    int ncol;         /* columns (at most 64) */
} table;

/* Display width of a UTF-8 cell: characters, not bytes. */
static size_t cell_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++) w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void table_cell(table *t, int col, const char *s, size_t n)
{
    size_t start = t->cells.len;
    if (n > TABLE_CELL_MAX) {
        n = TABLE_CELL_MAX;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80) n--; /* not inside a character */
    }
    for (size_t i = 0; i < n; i++) buf_addc(&t->cells, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    buf_addc(&t->cells, 0);
    size_t w = cell_width(t->cells.data + start);
    if (col < 64 && w > t->width[col]) t->width[col] = w;
}

static void table_print(table *t, qry_sink *out, long rows)
{
    const char *c = t->cells.data;
    for (long r = 0; r <= rows; r++) {
        for (int i = 0; i < t->ncol; i++) {
            size_t w = cell_width(c);
            buf_adds(&out->b, c);
            c += strlen(c) + 1;
            if (i + 1 < t->ncol)
                for (size_t k = w; k < t->width[i < 64 ? i : 63] + 2; k++) buf_addc(&out->b, ' ');
        }
        buf_addc(&out->b, '\n');
        if (r == 0) { /* a rule under the header */
            for (int i = 0; i < t->ncol; i++) {
                for (size_t k = 0; k < t->width[i < 64 ? i : 63]; k++) buf_addc(&out->b, '-');
                if (i + 1 < t->ncol) buf_adds(&out->b, "  ");
            }
            buf_addc(&out->b, '\n');
        }
        maybe_flush(out);
    }
}

long qry_write(sqlite3_stmt *st, qry_format fmt, qry_sink *out, char *err, size_t errlen)
{
    int n = sqlite3_column_count(st);
    long rows = 0;
    table t = {.ncol = n};
    buf cell;
    buf_init(&cell);
    buf_init(&t.cells);
    if (fmt == QRY_JSON) buf_addc(&out->b, '[');
    for (int i = 0; i < n; i++) {
        const char *name = sqlite3_column_name(st, i);
        if (fmt == QRY_CSV) {
            if (i) buf_addc(&out->b, ',');
            csv_field(&out->b, name, strlen(name));
        } else if (fmt == QRY_TABLE) table_cell(&t, i, name, strlen(name));
    }
    if (fmt == QRY_CSV) buf_addc(&out->b, '\n');
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (fmt == QRY_JSON) {
            if (rows) buf_addc(&out->b, ',');
            json_row(&out->b, st);
        } else {
            for (int i = 0; i < n; i++) {
                buf_clear(&cell);
                text_value(&cell, st, i);
                if (fmt == QRY_TABLE) table_cell(&t, i, cell.data ? cell.data : "", cell.len);
                else {
                    if (i) buf_addc(&out->b, ',');
                    csv_field(&out->b, cell.data ? cell.data : "", cell.len);
                }
            }
            if (fmt == QRY_CSV) buf_addc(&out->b, '\n');
        }
        rows++;
        maybe_flush(out);
    }
    if (fmt == QRY_JSON) buf_addc(&out->b, ']');
    if (fmt == QRY_TABLE) table_print(&t, out, rows);
    buf_free(&cell);
    buf_free(&t.cells);
    if (rc != SQLITE_DONE) {
        sqlite3 *db = sqlite3_db_handle(st);
        fail(err, errlen, "%s", rc == SQLITE_INTERRUPT ? "interrupted" : sqlite3_errmsg(db));
        sqlite3_reset(st);
        return -1;
    }
    sqlite3_reset(st);
    return rows;
}

long qry_run(sqlite3 *db, qry_kind kind, const qry_filter *f, qry_format fmt, qry_sink *out, char *err,
             size_t errlen)
{
    sqlite3_stmt *st = qry_prepare(db, kind, f, err, errlen);
    if (!st) return -1;
    long n = qry_write(st, fmt, out, err, errlen);
    sqlite3_finalize(st);
    return n;
}

/* ---- one article ---- */

/* The rows of sql (one integer parameter: the article's rowid) as a JSON
 * array, or as one object (or null) when `single`. 0 or -1. */
static int json_part(sqlite3 *db, buf *b, const char *sql, int64_t rowid, int single, char *err, size_t errlen)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return fail(err, errlen, "%s", sqlite3_errmsg(db));
    sqlite3_bind_int64(st, 1, rowid);
    int rc, rows = 0;
    if (!single) buf_addc(b, '[');
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (rows++) buf_addc(b, ',');
        json_row(b, st);
        if (single) break;
    }
    if (single && !rows) buf_adds(b, "null");
    if (!single) buf_addc(b, ']');
    int bad = rc != SQLITE_DONE && rc != SQLITE_ROW;
    if (bad) fail(err, errlen, "%s", rc == SQLITE_INTERRUPT ? "interrupted" : sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return bad ? -1 : 0;
}

int qry_article(sqlite3 *db, const char *id, qry_sink *out, char *err, size_t errlen)
{
    static const struct {
        const char *key;  /* member of the answer */
        const char *sql;  /* its rows, ?1 = the article's rowid */
    } parts[] = {
        {"article", "SELECT id, url, source AS outlet, title, date, byline, dateline, text"
                    " FROM articles WHERE rowid = ?1"},
        {"events", "SELECT e.rowid AS id, e.sentence AS sentence, e.date AS date, e.source AS source,"
                   " e.target AS target, e.code AS code, cameo_name(e.code) AS name, e.quad AS quad,"
                   " e.goldstein AS goldstein, e.plover AS plover, e.negated AS negated,"
                   " e.conditional AS conditional, e.future AS future, e.hedged AS hedged,"
                   " e.reported AS reported, e.source_text AS source_text, e.verb_text AS verb_text,"
                   " e.target_text AS target_text,"
                   " json_extract(e.spans, '$.sentence[0]') AS sentence_start,"
                   " json_extract(e.spans, '$.sentence[1]') AS sentence_end,"
                   " json_extract(e.spans, '$.source[0]') AS source_start,"
                   " json_extract(e.spans, '$.source[1]') AS source_end,"
                   " json_extract(e.spans, '$.target[0]') AS target_start,"
                   " json_extract(e.spans, '$.target[1]') AS target_end,"
                   " json_extract(e.spans, '$.verb[0]') AS verb_start,"
                   " json_extract(e.spans, '$.verb[1]') AS verb_end,"
                   " e.pattern AS pattern, e.grp AS event_group, g.num_mentions AS num_mentions,"
                   " g.num_sources AS num_sources, g.num_articles AS num_articles"
                   " FROM events e LEFT JOIN event_groups g ON g.id = e.grp"
                   " WHERE e.article = ?1 ORDER BY e.sentence, e.rowid"},
        {"sentences", "SELECT idx, start, \"end\" FROM sentences WHERE article = ?1 ORDER BY idx"},
        {"quotations", "SELECT sentence, kind, speaker, speaker_name, speaker_code, verb, start, \"end\","
                       " speaker_start, speaker_end, text FROM quotations WHERE article = ?1 ORDER BY start"},
        {"places", "SELECT sentence, event, name, country, adm1, type, feature, lat, lon, start, \"end\""
                   " FROM places WHERE article = ?1 ORDER BY start"},
        {"copies", "SELECT id, source AS outlet, url, date FROM copies WHERE article = ?1 ORDER BY rowid"},
    };
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT rowid FROM articles WHERE id = ?1 UNION ALL"
                               " SELECT article FROM copies WHERE id = ?1 LIMIT 1", -1, &st, NULL) != SQLITE_OK)
        return fail(err, errlen, "%s", sqlite3_errmsg(db));
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    int64_t rowid = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail(err, errlen, "%s", sqlite3_errmsg(db));
    if (!rowid) return 0;
    buf_addc(&out->b, '{');
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        buf_printf(&out->b, "%s\"%s\":", i ? "," : "", parts[i].key);
        if (json_part(db, &out->b, parts[i].sql, rowid, i == 0, err, errlen)) return -1;
    }
    buf_addc(&out->b, '}');
    return 1;
}
