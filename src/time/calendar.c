/* calendar.c: day arithmetic and the TimeML values written from it.
 *
 * Days are counted from 1970-01-01 in the proleptic Gregorian calendar
 * (H. Hinnant's civil-from-days algorithms), so "two days ago", ISO weeks
 * and month lengths are plain integer arithmetic with no time zone and no
 * libc time functions (which depend on the locale and on time_t's range). */
#include "time/time_impl.h"
#include <stdio.h>
#include <string.h>

long tim_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void tim_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int tim_wday(long z)
{
    /* 1970-01-01 was a Thursday (ISO 4). */
    long w = (z % 7 + 7 + 3) % 7;
    return (int)w + 1;
}

void tim_iso_week(long z, int *year, int *week)
{
    /* An ISO week belongs to the year its Thursday is in. */
    long thu = z - (tim_wday(z) - 1) + 3;
    int y, m, d;
    tim_civil(thu, &y, &m, &d);
    *year = y;
    *week = (int)((thu - tim_days(y, 1, 1)) / 7 + 1);
}

int tim_month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

long tim_from_ymd(int ymd)
{
    int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    if (ymd <= 0 || y < 1 || y > 9999 || d < 1 || d > tim_month_days(y, m)) return TIM_NODAY;
    return tim_days(y, m, d);
}

static const char *const season_code[5] = {"", "SP", "SU", "FA", "WI"};

void tim_write(char *out, int g, long z, int part, int *date)
{
    int y = 0, m = 0, d = 0;
    *date = 0;
    if (z != TIM_NODAY) tim_civil(z, &y, &m, &d);
    /* Only four-digit years make TimeML values; anything else is unknown. */
    if (z == TIM_NODAY || y < 1 || y > 9999) {
        static const char *const unknown[] = {
            [TG_DAY] = "XXXX-XX-XX", [TG_WEEK] = "XXXX-WXX", [TG_WEEKEND] = "XXXX-WXX-WE",
            [TG_MONTH] = "XXXX-XX", [TG_QUARTER] = "XXXX-QX", [TG_HALF] = "XXXX-HX",
            [TG_SEASON] = "XXXX-XX", [TG_YEAR] = "XXXX", [TG_DECADE] = "XXX", [TG_CENTURY] = "XX"};
        strcpy(out, unknown[g]);
        if (g == TG_QUARTER && part >= 1 && part <= 4) out[6] = (char)('0' + part);
        if (g == TG_HALF && part >= 1 && part <= 2) out[6] = (char)('0' + part);
        if (g == TG_SEASON && part >= 1 && part <= 4) memcpy(out + 5, season_code[part], 2);
        return;
    }
    int wy, w;
    switch (g) {
    case TG_DAY:
        snprintf(out, TIM_VALUE_MAX, "%04d-%02d-%02d", y, m, d);
        *date = y * 10000 + m * 100 + d;
        break;
    case TG_WEEK:
    case TG_WEEKEND: {
        tim_iso_week(z, &wy, &w);
        snprintf(out, TIM_VALUE_MAX, g == TG_WEEK ? "%04d-W%02d" : "%04d-W%02d-WE", wy, w);
        int my, mm, md;
        tim_civil(z - (tim_wday(z) - 1), &my, &mm, &md);
        *date = my * 10000 + mm * 100 + md;
        if (g == TG_WEEKEND) {
            tim_civil(z - (tim_wday(z) - 1) + 5, &my, &mm, &md);
            *date = my * 10000 + mm * 100 + md;
        }
        break;
    }
    case TG_MONTH:
        snprintf(out, TIM_VALUE_MAX, "%04d-%02d", y, m);
        *date = y * 10000 + m * 100 + 1;
        break;
    case TG_QUARTER:
        snprintf(out, TIM_VALUE_MAX, "%04d-Q%d", y, part);
        *date = y * 10000 + ((part - 1) * 3 + 1) * 100 + 1;
        break;
    case TG_HALF:
        snprintf(out, TIM_VALUE_MAX, "%04d-H%d", y, part);
        *date = y * 10000 + (part == 2 ? 7 : 1) * 100 + 1;
        break;
    case TG_SEASON:
        snprintf(out, TIM_VALUE_MAX, "%04d-%s", y, season_code[part]);
        /* spring starts in March, summer June, autumn September, winter December */
        *date = y * 10000 + (part * 3) * 100 + 1;
        break;
    case TG_YEAR:
        snprintf(out, TIM_VALUE_MAX, "%04d", y);
        *date = y * 10000 + 101;
        break;
    case TG_DECADE:
        snprintf(out, TIM_VALUE_MAX, "%03d", y / 10);
        break;
    default: /* TG_CENTURY */
        snprintf(out, TIM_VALUE_MAX, "%02d", y / 100);
        break;
    }
}

int tim_value_day(const char *v)
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? v[i] != '-' : (v[i] < '0' || v[i] > '9')) return 0;
    if (v[10] && v[10] != 'T') return 0;
    int d = ((v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0')) * 10000 +
            ((v[5] - '0') * 10 + (v[6] - '0')) * 100 + (v[8] - '0') * 10 + (v[9] - '0');
    return tim_from_ymd(d) == TIM_NODAY ? 0 : d;
}

void tim_write_duration(char *out, double count, int unit)
{
    static const char letter[] = {[TU_SECOND] = 'S', [TU_MINUTE] = 'M', [TU_HOUR] = 'H', [TU_DAY] = 'D',
                                  [TU_WEEK] = 'W', [TU_FORTNIGHT] = 'W', [TU_MONTH] = 'M', [TU_QUARTER] = 'Q',
                                  [TU_YEAR] = 'Y', [TU_DECADE] = 'Y', [TU_CENTURY] = 'Y', [TU_WEEKEND] = 'D'};
    const char *t = unit >= TU_SECOND && unit <= TU_HOUR ? "T" : "";
    if (unit < TU_SECOND || unit > TU_WEEKEND) unit = TU_DAY;
    /* Decades and centuries are written in years ("a decade" is P10Y), as
     * the TimeML corpora annotate them; a fortnight is two weeks. */
    double mult = unit == TU_DECADE ? 10 : unit == TU_CENTURY ? 100 : unit == TU_FORTNIGHT ? 2 : 1;
    if (count < 0) { snprintf(out, TIM_VALUE_MAX, "P%sX%c", t, letter[unit]); return; }
    /* "half an hour" is PT30M, "a minute and a half" PT90S: a fraction of a
     * time unit is written in the next smaller one */
    if ((unit == TU_HOUR || unit == TU_MINUTE) && count != (double)(long)count) {
        count *= 60;
        unit = unit == TU_HOUR ? TU_MINUTE : TU_SECOND;
    }
    double v = count * mult;
    if (v > 1e6) v = 1e6;  /* keeps the value short; no real text says more */
    if (v == (double)(long)v) snprintf(out, TIM_VALUE_MAX, "P%s%ld%c", t, (long)v, letter[unit]);
    else snprintf(out, TIM_VALUE_MAX, "P%s%.1f%c", t, v, letter[unit]);
}

/* ---- checking values (independent of how they are written above) ---- */

/* n characters of digits or X. */
static int dx(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || s[i] == 'X')) return 0;
    return 1;
}

/* A time after T: MO/AF/EV/NI, hh, hh:mm, then an optional Z. */
static int time_ok(const char *s)
{
    if (!strncmp(s, "MO", 2) || !strncmp(s, "AF", 2) || !strncmp(s, "EV", 2) || !strncmp(s, "NI", 2)) s += 2;
    else {
        if (!dx(s, 2)) return 0;
        s += 2;
        if (*s == ':') {
            if (!dx(s + 1, 2)) return 0;
            s += 3;
        }
    }
    if (*s == 'Z') s++;
    return *s == 0;
}

static int duration_ok(const char *s)
{
    s++; /* P */
    int t = *s == 'T';
    if (t) s++;
    if (*s == 'X') s++;
    else {
        int digits = 0;
        while (*s >= '0' && *s <= '9') { s++; digits++; }
        if (*s == '.') {
            s++;
            if (!(*s >= '0' && *s <= '9')) return 0;
            while (*s >= '0' && *s <= '9') s++;
        }
        if (!digits) return 0;
    }
    if (!*s || s[1]) return 0;
    return strchr(t ? "HMS" : "YQMWD", *s) != NULL;
}

int tim_value_ok(const char *v)
{
    if (!v || !*v) return 0;
    if (!strcmp(v, "PRESENT_REF") || !strcmp(v, "PAST_REF") || !strcmp(v, "FUTURE_REF")) return 1;
    if (v[0] == 'P') return duration_ok(v);
    size_t n = strlen(v);
    if ((n == 2 || n == 3) && dx(v, (int)n)) return 1;  /* century, decade */
    if (n < 4 || !dx(v, 4)) return 0;
    const char *s = v + 4;
    if (!*s) return 1;
    if (*s++ != '-') return 0;
    if (!strcmp(s, "SP") || !strcmp(s, "SU") || !strcmp(s, "FA") || !strcmp(s, "WI")) return 1;
    if (s[0] == 'W') {
        if (!dx(s + 1, 2)) return 0;
        s += 3;
        if (!*s) return 1;
        if (*s++ != '-') return 0;
        if (!strcmp(s, "WE")) return 1;
        if (!((*s >= '1' && *s <= '7') || *s == 'X')) return 0;
        s++;
        return !*s || (*s == 'T' && time_ok(s + 1));
    }
    if ((s[0] == 'Q' && s[1] >= '1' && s[1] <= '4') || (s[0] == 'Q' && s[1] == 'X') ||
        (s[0] == 'H' && (s[1] == '1' || s[1] == '2' || s[1] == 'X')))
        return !s[2];
    if (!dx(s, 2)) return 0;
    s += 2;
    if (!*s) return 1;
    if (*s++ != '-' || !dx(s, 2)) return 0;
    s += 2;
    return !*s || (*s == 'T' && time_ok(s + 1));
}
