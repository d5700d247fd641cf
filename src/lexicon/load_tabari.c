/* load_tabari.c: TABARI 0.8 .actors, .agents and .verbs dictionaries. */
#include "lexicon/load.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Strip the ";comment", trailing blanks and CR; returns the trimmed start. */
static char *trim_line(char *line)
{
    char *semi = strchr(line, ';');
    if (semi) *semi = 0;
    size_t n = strlen(line);
    while (n && isspace((unsigned char)line[n - 1])) line[--n] = 0;
    while (*line == ' ' || *line == '\t') line++;
    return line;
}

static int is_comment(const char *raw)
{
    return raw[0] == '#' || raw[0] == '/' || (raw[0] == '<' && raw[1] == '!');
}

/* Split "PHRASE [codes]" into the phrase (trimmed, in place) and a copy of
 * the code part ("" if none). */
static char *split_code(char *s, char *codes, size_t cap)
{
    char *b = strchr(s, '[');
    codes[0] = 0;
    if (b) { snprintf(codes, cap, "%s", b); *b = 0; }
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) s[--n] = 0;
    return s;
}

typedef struct reader {
    FILE *f;
    char *line;
    size_t cap;
    lex_src src;
} reader;

static int open_reader(lexicon *lx, reader *r, const char *path)
{
    r->f = fopen(path, "r");
    r->line = NULL;
    r->cap = 0;
    r->src.file = lex_file(lx, path);
    r->src.line = 0;
    if (!r->f) { lex_error(lx, r->src, "cannot open dictionary"); return -1; }
    return 0;
}

static char *next_line(reader *r)
{
    ssize_t n = getline(&r->line, &r->cap, r->f);
    if (n < 0) return NULL;
    r->src.line++;
    while (n && (r->line[n - 1] == '\n' || r->line[n - 1] == '\r')) r->line[--n] = 0;
    return r->line;
}

static void close_reader(reader *r)
{
    if (r->f) fclose(r->f);
    free(r->line);
}

/* Actors and agents share the format; agents carry "~" codes. A phrase may
 * stand alone with its code, or head a group of "+synonym" lines followed
 * by indented "[code]" lines that apply to the whole group. */
static int load_actor_like(lexicon *lx, const char *path, lex_class cls)
{
    reader r;
    if (open_reader(lx, &r, path)) return -1;
    int added = 0;
    lex_class section = cls;
    uint32_t group[4096];
    uint32_t ngroup = 0;
    char *raw;
    while ((raw = next_line(&r))) {
        if (!strncmp(raw, "~~FINISH", 8)) break;
        if (is_comment(raw) || !*raw) continue;
        int indented = raw[0] == ' ' || raw[0] == '\t';
        char *s = trim_line(raw);
        if (!*s) continue;
        if (!strcmp(s, "<NOUN>")) { section = LEX_NOUN; continue; }
        if (!strcmp(s, "<ADJECTIVE>")) { section = LEX_ADJECTIVE; continue; }
        if (!strcmp(s, "</NOUN>") || !strcmp(s, "</ADJECTIVE>")) { section = cls; continue; }
        if (section != cls) {
            if (lex_add_phrase(lx, section, s, 0, 0, r.src) != UINT32_MAX) added++;
            continue;
        }
        if (indented && s[0] == '[') {
            /* A date-restricted code line for the current group. */
            uint32_t first;
            int n = lex_parse_choices(lx, s, r.src, &first);
            if (!ngroup) { lex_error(lx, r.src, "code line with no phrase before it"); continue; }
            for (uint32_t i = 0; i < ngroup && n > 0; i++) {
                lex_phrase *p = &lx->phrases[group[i]];
                if (!p->nchoice) p->choice0 = first;
                /* Choices of one group are contiguous: extend the range. */
                p->nchoice = (uint16_t)(lx->nchoices - p->choice0);
            }
            continue;
        }
        int synonym = s[0] == '+';
        if (synonym) s++;
        char codes[1024];
        char *phrase = split_code(s, codes, sizeof codes);
        uint32_t first = 0;
        int n = 0;
        if (*codes) {
            n = lex_parse_choices(lx, codes, r.src, &first);
            if (!n) continue;
        }
        if (strlen(phrase) < 2) { lex_error(lx, r.src, "phrase missing or too short"); continue; }
        uint32_t ph = lex_add_phrase(lx, cls, phrase, first, (uint16_t)n, r.src);
        if (ph == UINT32_MAX) continue;
        added++;
        if (synonym && ngroup) {
            lex_set_parent(lx, ph, group[0]);
            if (!n && lx->phrases[group[0]].nchoice) {
                lx->phrases[ph].choice0 = lx->phrases[group[0]].choice0;
                lx->phrases[ph].nchoice = lx->phrases[group[0]].nchoice;
            }
            if (ngroup < 4096) group[ngroup++] = ph;
        } else {
            ngroup = 0;
            group[ngroup++] = ph;
        }
    }
    close_reader(&r);
    return added;
}

int lex_load_tabari_actors(lexicon *lx, const char *path) { return load_actor_like(lx, path, LEX_ACTOR); }
int lex_load_tabari_agents(lexicon *lx, const char *path) { return load_actor_like(lx, path, LEX_AGENT); }

int lex_load_tabari_verbs(lexicon *lx, const char *path)
{
    reader r;
    if (open_reader(lx, &r, path)) return -1;
    enum { MAIN, SYNSETS, TIME } section = MAIN;
    int added = 0;
    uint32_t verb = UINT32_MAX;
    char synset[128] = "";
    char *raw;
    while ((raw = next_line(&r))) {
        if (!strncmp(raw, "~~FINISH", 8)) break;
        if (is_comment(raw) || !*raw) continue;
        char *s = trim_line(raw);
        if (!*s) continue;
        if (!strcmp(s, "<SYNSETS>")) { section = SYNSETS; continue; }
        if (!strcmp(s, "</SYNSETS>")) { section = MAIN; continue; }
        if (!strcmp(s, "<TIME>")) { section = TIME; continue; }
        if (!strcmp(s, "</TIME>")) { section = MAIN; continue; }
        if (section == SYNSETS) {
            if (s[0] == '&') {
                snprintf(synset, sizeof synset, "%s", s);
                lex_add_synset_member(lx, synset, NULL, r.src);
            } else if (s[0] == '+' && synset[0]) {
                if (!lex_add_synset_member(lx, synset, s + 1, r.src)) added++;
            } else lex_error(lx, r.src, "synset line must start with & or +");
            continue;
        }
        char codes[1024];
        char *phrase = split_code(s, codes, sizeof codes);
        if (section == TIME) {
            /* Time shifts are date arithmetic for the whole record; kept as
             * phrases so the coder can find them (patterns not supported). */
            if (phrase[0] == '-') continue;
            uint32_t first = 0;
            int n = *codes ? lex_parse_choices(lx, codes, r.src, &first) : 0;
            if (lex_add_phrase(lx, LEX_TIME, phrase, first, (uint16_t)n, r.src) != UINT32_MAX) added++;
            continue;
        }
        if (s[0] == '{') {
            if (verb == UINT32_MAX) { lex_error(lx, r.src, "verb forms before any verb"); continue; }
            char *e = strchr(s, '}');
            if (e) *e = 0;
            for (char *tok = strtok(s + 1, " \t"); tok; tok = strtok(NULL, " \t"))
                if (!lex_add_verb_form(lx, verb, tok, r.src)) added++;
            continue;
        }
        if (s[0] == '-' && (s[1] == ' ' || s[1] == '\t' || s[1] == '*' || s[1] == '$' || s[1] == '+' || s[1] == '%')) {
            if (verb == UINT32_MAX) { lex_error(lx, r.src, "pattern before any verb"); continue; }
            lex_code code;
            if (!*codes || lex_parse_code(codes, &code)) { lex_error(lx, r.src, "pattern without a valid [code]"); continue; }
            added += lex_add_pattern(lx, verb, phrase + 1, &code, r.src, 0);
            continue;
        }
        lex_code code;
        if (!*codes || lex_parse_code(codes, &code)) { lex_error(lx, r.src, "verb without a valid [code]"); verb = UINT32_MAX; continue; }
        verb = lex_add_verb(lx, phrase, &code, r.src);
        if (verb != UINT32_MAX) added++;
    }
    close_reader(&r);
    return added;
}
