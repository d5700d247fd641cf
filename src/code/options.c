/* options.c: coding options and TABARI .options commands. */
#include "code/coder.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cod_options_default(cod_options *o)
{
    memset(o, 0, sizeof *o);
    o->code_by = COD_BY_CLAUSE;
    o->comma_min = 2;  o->comma_max = 10;
    o->comma_emin = 2; o->comma_emax = 10;
    o->comma_bmin = 128; o->comma_bmax = 0;
    o->max_events = 64;
    o->require_dyad = 1;
    o->forward_root = 1;
    o->name_wins = 1;
    o->pronoun_compound_target = 1;
    o->chain_compounds = 1;
    o->keep_clause_source = 1;
    o->pronoun_skip_dropped = 1;
}

void cod_options_news(cod_options *o)
{
    cod_options_default(o);
    o->modality = 1;
    o->forward = 1;
    o->forward_root = 0;
    o->pronoun_compound_target = 0;
    o->chain_compounds = 0;
    o->keep_clause_source = 0;
    o->pronoun_skip_dropped = 0;
    o->comma_emin = o->comma_emax = 0;
    o->split_subordinate = 1;
    o->untargeted = 1;
    o->say_subordinate = 1;
    o->distribute_agents = 1;
    o->loose_agents = 1;
}

/* Value of "NAME[n]" or "NAME = n" after `key` in s, or -1. */
static int number_after(const char *s, const char *key)
{
    const char *p = strstr(s, key);
    if (!p) return -1;
    p += strlen(key);
    while (*p && !isdigit((unsigned char)*p) && *p != '\n') {
        if (isalpha((unsigned char)*p)) return -1;
        p++;
    }
    return isdigit((unsigned char)*p) ? atoi(p) : -1;
}

/* Copy the code inside the first [...] after `key` into out. */
static int code_after(const char *s, const char *key, char *out, size_t cap)
{
    const char *p = strstr(s, key);
    if (!p) return 0;
    const char *b = strchr(p, '['), *e = b ? strchr(b, ']') : NULL;
    if (!b || !e) return 0;
    b++;
    while (b < e && *b == ' ') b++;
    size_t n = 0;
    while (b + n < e && b[n] != ' ' && n < cap - 1) n++;
    memcpy(out, b, n);
    out[n] = 0;
    return 1;
}

int cod_options_line(cod_options *o, const char *line)
{
    char s[512];
    size_t n = 0;
    for (const char *p = line; *p && n < sizeof s - 1; p++) {
        if (*p == '#' || (p[0] == '/' && p[1] == '/')) break;
        s[n++] = (char)toupper((unsigned char)*p);
    }
    s[n] = 0;
    char *c = s;
    while (*c == ' ' || *c == '\t') c++;
    if (!*c) return 0;
    if (!strncmp(c, "COMPLEX:", 8)) {
        int v;
        o->complex_verbs = (v = number_after(c, "VERBS")) > 0 ? v : 0;
        o->complex_actors = (v = number_after(c, "ACTORS")) > 0 ? v : 0;
        o->complex_conj = (v = number_after(c, "CONJ")) > 0 ? v : 0;
        o->complex_noactprior = strstr(c, "NOACTPRIOR") != NULL;
        o->complex_noverb = strstr(c, "NOVERB") != NULL;
        return 0;
    }
    if (!strncmp(c, "COMMA:", 6)) {
        if (strstr(c, "OFF")) { o->comma_off = 1; return 0; }
        o->comma_off = 0;
        int v;
        if ((v = number_after(c, " MIN")) >= 0) o->comma_min = v;
        if ((v = number_after(c, " MAX")) >= 0) o->comma_max = v;
        if ((v = number_after(c, "EMIN")) >= 0) o->comma_emin = v;
        if ((v = number_after(c, "EMAX")) >= 0) o->comma_emax = v;
        if ((v = number_after(c, "BMIN")) >= 0) o->comma_bmin = v;
        if ((v = number_after(c, "BMAX")) >= 0) o->comma_bmax = v;
        return 0;
    }
    if (!strncmp(c, "DEFAULT:", 8)) {
        if (strstr(c, "OFF")) {
            o->default_source[0] = o->default_target[0] = 0;
            o->default_source_prior = o->default_target_after = 0;
            return 0;
        }
        const char *t = strstr(c, "TARGET");
        if (code_after(c, "SOURCE", o->default_source, sizeof o->default_source)) {
            const char *prior = strstr(c, "PRIOR");
            o->default_source_prior = prior && (!t || prior < t);
        }
        if (code_after(c, "TARGET", o->default_target, sizeof o->default_target))
            o->default_target_after = t && strstr(t, "AFTER") != NULL;
        return 0;
    }
    if (!strncmp(c, "SET:", 4)) {
        if (strstr(c, "CODE BY SENTENCE")) o->code_by = COD_BY_SENTENCE;
        else if (strstr(c, "CODE BY CLAUSE")) o->code_by = COD_BY_CLAUSE;
        else if (strstr(c, "CODE ALL")) o->code_by = COD_ALL;
        else if (strstr(c, "MINIMUM WORDS")) { int v = number_after(c, "WORDS"); o->minimum_words = v > 0 ? v : 0; }
        else if (strstr(c, "CONVERT AGENT")) o->convert_agents = strstr(c, "TRUE") != NULL;
        return 0;
    }
    if (!strncmp(c, "FORWARD:", 8)) { o->forward = strstr(c, " OFF") == NULL; return 0; }
    /* LABEL:, OUTPUT:, NONEVENTS: affect only TABARI's own output. */
    if (strchr(c, ':')) return 0;
    return -1;
}

int cod_options_load(cod_options *o, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "~~FINISH", 8)) break;
        cod_options_line(o, line);
    }
    fclose(f);
    return 0;
}
