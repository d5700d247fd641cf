/* clean.c: cln_clean: copy the text, blank its noise, list what was removed. */
#include "clean/clean_impl.h"
#include <string.h>

const char *cln_kind_name(cln_kind k)
{
    switch (k) {
    case CLN_SHORTCODE: return "shortcode";
    case CLN_FOOTER: return "footer";
    case CLN_SHARE: return "share";
    case CLN_BYLINE: return "byline";
    case CLN_DATELINE: return "dateline";
    case CLN_MARKUP: return "markup";
    }
    return "?";
}

void cln_push(arena *a, cln_list *l, uint32_t start, uint32_t end, cln_kind kind)
{
    /* adjacent pieces of the same kind ("</p><p>") make one region */
    if (l->n && l->v[l->n - 1].end == start && l->v[l->n - 1].kind == kind) {
        l->v[l->n - 1].end = end;
        return;
    }
    l->v = arena_grow(a, l->v, l->n, &l->cap, sizeof *l->v);
    l->v[l->n++] = (cln_noise){start, end, kind};
}

void cln_blank(char *t, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++)
        if (t[i] != '\n') t[i] = ' ';
}

/* Merge the inline and line lists (each in text order) into one; inline
 * regions inside a removed line are dropped, the line covers them. */
static void merge(cln_build *b, cln_result *out)
{
    const cln_list *x = &b->inl, *y = &b->lines;
    out->noise = arena_alloc(b->a, (x->n + y->n + 1) * sizeof *out->noise);
    out->nnoise = 0;
    uint32_t i = 0, j = 0;
    while (i < x->n || j < y->n) {
        const cln_noise *p;
        if (j >= y->n || (i < x->n && x->v[i].start < y->v[j].start)) p = &x->v[i++];
        else p = &y->v[j++];
        if (out->nnoise && p->end <= out->noise[out->nnoise - 1].end) continue;
        out->noise[out->nnoise++] = *p;
    }
}

int cln_clean(arena *a, const char *text, size_t len, cln_result *out)
{
    if (!text) len = 0;
    cln_build b;
    memset(&b, 0, sizeof b);
    b.a = a;
    b.n = len;
    b.t = arena_strndup(a, text ? text : "", len);
    b.byline = "";
    b.dateline = "";
    cln_inline(&b);
    cln_lines(&b);
    out->text = b.t;
    out->len = len;
    merge(&b, out);
    out->byline = b.byline;
    out->dateline = b.dateline;
    return 0;
}
