/* utf8.c: UTF-8 checking, character classes and case/accent folding. */
#include "text/text_impl.h"
#include <string.h>
#include <utf8proc.h>

enum { SP = CH_SPACE, NL = CH_NL, PA = CH_PARA, AL = CH_ALPHA, DI = CH_DIGIT,
       AP = CH_APOS, DQ = CH_DQ, HY = CH_HYPHEN, PE = CH_PERIOD, OP = CH_OPEN,
       CL = CH_CLOSE, TE = CH_TERM, PU = CH_PUNCT };

const uint8_t txt_ascii_class[128] = {
    SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, NL, PA, PA, SP, SP, SP,
    SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP,
    SP, TE, DQ, PU, PU, PU, PU, AP, OP, CL, PU, PU, PU, HY, PE, PU,
    DI, DI, DI, DI, DI, DI, DI, DI, DI, DI, PU, PU, PU, PU, PU, TE,
    PU, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL,
    AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, OP, PU, CL, PU, PU,
    PU, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL,
    AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, OP, PU, CL, PU, SP,
};

size_t txt_utf8_check(const char *s, size_t n, uint32_t *bad, size_t max)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t nbad = 0, i = 0;
    while (i < n) {
        if (u[i] < 0x80) { i++; continue; }
        int32_t cp;
        int len = txt_dec(u, n, i, &cp);
        if (len < 0) {
            if (bad && nbad < max) bad[nbad] = (uint32_t)i;
            nbad++;
            len = -len;
        }
        i += (size_t)len;
    }
    return nbad;
}

/* Non-ASCII punctuation that the tokeniser treats specially. */
static int special_class(int32_t cp)
{
    switch (cp) {
    case 0x2019: case 0x02BC: return CH_APOS;
    case 0x2018: case 0x201B: case 0x2039: return CH_LSQUO;
    case 0x203A: return CH_RSQUO;
    case 0x201C: case 0x201E: case 0x201F: case 0x00AB: return CH_LDQ;
    case 0x201D: case 0x00BB: return CH_RDQ;
    case 0x2010: case 0x2011: return CH_HYPHEN;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    case 0x2E3A: case 0x2E3B: case 0xFE58: case 0xFE63: case 0xFF0D: return CH_DASH;
    case 0x2026: return CH_ELLIPSIS;
    case 0x00AD: case 0x200C: case 0x200D: case 0x2060: return CH_JOIN;
    case 0x2029: return CH_PARA;
    case 0x2028: case 0x0085: return CH_NL;
    case 0x200B: case 0xFEFF: case 0x180E: return CH_SPACE;
    case 0x203C: case 0x2047: case 0x2048: case 0x2049:
    case 0xFF01: case 0xFF1F: case 0x00A1: case 0x00BF: return CH_TERM;
    case 0xFF0E: case 0x3002: return CH_PERIOD;
    }
    return -1;
}

int txt_class(int32_t cp)
{
    if (cp < 0x80) return txt_ascii_class[cp];
    int sc = special_class(cp);
    if (sc >= 0) return sc;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
        return CH_ALPHA;
    case UTF8PROC_CATEGORY_ND: return CH_DIGIT;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return CH_MARK;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_CC:
        return CH_SPACE;
    case UTF8PROC_CATEGORY_ZP: return CH_PARA;
    case UTF8PROC_CATEGORY_CF: return CH_JOIN;  /* format chars are invisible */
    case UTF8PROC_CATEGORY_PS: return CH_OPEN;
    case UTF8PROC_CATEGORY_PE: return CH_CLOSE;
    default: return CH_PUNCT;
    }
}

int txt_is_upper(int32_t cp)
{
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    return utf8proc_isupper(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

int txt_is_lower(int32_t cp)
{
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return utf8proc_islower(cp);
}

/* Upper-case and encode one decomposed code point. */
static size_t put_upper(int32_t c, char *out)
{
    if (c == 0xDF) { out[0] = 'S'; out[1] = 'S'; return 2; }  /* no one-char upper form */
    if (c == ' ') return 0;  /* compatibility forms like U+FDFA contain spaces */
    c = utf8proc_toupper(c);
    return (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)out);
}

size_t txt_fold_cp(int32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)(cp >= 'a' && cp <= 'z' ? cp - 32 : cp);
        return 1;
    }
    switch (special_class(cp)) {
    case CH_APOS: case CH_LSQUO: case CH_RSQUO: out[0] = '\''; return 1;
    case CH_LDQ: case CH_RDQ: out[0] = '"'; return 1;
    case CH_HYPHEN: case CH_DASH: out[0] = '-'; return 1;
    case CH_ELLIPSIS: memcpy(out, "...", 3); return 3;
    case CH_JOIN: return 0;
    default: break;
    }
    /* Decompose (compatibility forms too: ligatures, full-width letters),
     * drop accents and default-ignorables, then upper-case each part. */
    utf8proc_int32_t parts[20];
    int last_bound = 0;
    utf8proc_ssize_t np = utf8proc_decompose_char(cp, parts, 20,
        UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE,
        &last_bound);
    if (np < 0 || np > 20) return put_upper(cp, out);
    size_t len = 0;
    for (utf8proc_ssize_t k = 0; k < np; k++) len += put_upper(parts[k], out + len);
    return len;
}

/* Is every character of s a dash (kind 1) or a period/ellipsis (kind 2)? */
static int run_kind(const unsigned char *s, size_t n, size_t *dots)
{
    int kind = 0;
    *dots = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int len = txt_dec(s, n, i, &cp);
        if (len < 0) return 0;
        int cl = txt_class(cp), k;
        if (cl == CH_HYPHEN || cl == CH_DASH) k = 1;
        else if (cl == CH_PERIOD || cl == CH_ELLIPSIS) { k = 2; *dots += cl == CH_PERIOD ? 1 : 3; }
        else return 0;
        if (kind && k != kind) return 0;
        kind = k;
        i += (size_t)len;
    }
    return kind;
}

size_t txt_fold_special(const unsigned char *s, size_t n, char *out)
{
    size_t dots;
    switch (run_kind(s, n, &dots)) {
    case 1: out[0] = '-'; return 1;
    case 2: if (dots >= 2) { memcpy(out, "...", 3); return 3; } return 0;
    default: return 0;
    }
}

size_t txt_fold(const char *s, size_t n, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    char tmp[TXT_FOLD_CP_MAX];
    size_t len = txt_fold_special(u, n, tmp), i = 0;
    int special = len > 0;
    if (special) { if (cap) memcpy(out, tmp, len < cap ? len : cap); }
    while (!special && i < n) {
        int32_t cp;
        int l = txt_dec(u, n, i, &cp);
        if (l < 0) { i += (size_t)-l; continue; }
        size_t k = txt_fold_cp(cp, tmp);
        for (size_t j = 0; j < k; j++, len++) if (len < cap) out[len] = tmp[j];
        i += (size_t)l;
    }
    if (len == 0 && n > 0) {  /* nothing visible: keep the raw bytes, as tokens do */
        for (; len < n; len++) if (len < cap) out[len] = s[len];
    }
    if (cap) out[len < cap ? len : cap - 1] = 0;
    return len;
}
