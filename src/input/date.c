/* date.c: rd_parse_date, the date forms articles come with. */
#include "input/input.h"

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int days_in(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

int rd_parse_date(const char *s)
{
    if (!s) return 0;
    while (*s == ' ' || *s == '\t') s++;
    int y = digits(s, 4), m, d;
    if (y < 0) return 0;
    const char *rest;
    if (s[4] == '-') { /* 2024-08-16 */
        m = digits(s + 5, 2);
        if (m < 0 || s[7] != '-') return 0;
        d = digits(s + 8, 2);
        rest = s + 10;
    } else { /* 20240816 */
        m = digits(s + 4, 2);
        d = m < 0 ? -1 : digits(s + 6, 2);
        rest = s + 8;
    }
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in(y, m)) return 0;
    /* A time of day may follow; the date is taken as written, no zone shift. */
    if (*rest == 'T' || *rest == 't' || *rest == ' ') rest = "";
    while (*rest == '\t' || *rest == '\r' || *rest == '\n') rest++;
    return *rest ? 0 : y * 10000 + m * 100 + d;
}
