/* lexicon.h: dictionaries (actors, agents, verbs and their patterns,
 * synsets, nouns, adjectives, discards) compiled for fast matching.
 *
 * Every dictionary format dyad reads (its own, TABARI's, PETRARCH's) is
 * parsed by a loader into the same model, through the lex_add_* builder
 * calls; lex_compile() then sorts and indexes it. After compiling, the
 * lexicon is read-only and can be shared by any number of coder threads.
 *
 * Phrase syntax (TABARI's, which PETRARCH inherits): words in upper case;
 * a word followed by '_' must match exactly (regular endings allowed on the
 * last word of an actor/agent/noun phrase or a verb form) and, unless the
 * '_' is followed by a blank, the next word must follow it immediately; a word followed by a space is a stem (prefix
 * match) and the next word may come after intervening words; "WORD~_" is a
 * stem that must be followed immediately; "WORD=" matches exactly with no
 * endings. Hyphens become '_'. In verb patterns: '*' the verb, '$' source,
 * '+' target, '%' compound (both), '^' skip one actor, '&NAME' a synset,
 * "{ A | B }" alternatives. Loaders expand synsets and alternatives so the
 * compiled patterns are flat sequences.
 *
 * Errors: every builder call that can fail takes a lex_src (file, line) and
 * records a message naming them; loading goes on with the next entry. */
#ifndef DYAD_LEXICON_H
#define DYAD_LEXICON_H
#include <stddef.h>
#include <stdint.h>
#include "util/strtab.h"
#include "util/buf.h"

/* How one dictionary word matches a text word. */
enum {
    LEX_STEM   = 0,  /* prefix of the text word */
    LEX_EXACT  = 1,  /* equal, or equal plus a regular ending when LEX_ENDS */
};
enum {
    LEX_ADJ_NEXT = 1 << 0,  /* the next element must follow immediately */
    LEX_ENDS     = 1 << 1,  /* regular endings allowed (S, 'S; verbs: S ED ES EN ING D) */
    LEX_VERBENDS = 1 << 2,  /* the endings are verb endings */
    LEX_NOENDS   = 1 << 3,  /* written WORD=: never add endings */
};

/* Element kinds in a compiled phrase or pattern. */
typedef enum lex_kind {
    LEX_WORD = 0,   /* a dictionary word */
    LEX_VERB,       /* '*': where the verb stands */
    LEX_SOURCE,     /* '$' */
    LEX_TARGET,     /* '+' */
    LEX_COMPOUND,   /* '%' */
    LEX_SKIP,       /* '^' */
} lex_kind;

typedef struct lex_elem {
    uint32_t word;    /* strtab id of the word (LEX_WORD), else 0 */
    uint8_t kind;     /* lex_kind */
    uint8_t how;      /* LEX_STEM or LEX_EXACT */
    uint8_t flags;    /* LEX_ADJ_NEXT, LEX_ENDS ... */
    uint8_t len;      /* letters in the word (for pattern length ordering) */
} lex_elem;

/* Where an entry came from, for messages and for "why" output. */
typedef struct lex_src {
    uint32_t file;    /* index in lexicon.files */
    uint32_t line;    /* 1-based line */
} lex_src;

/* One dated choice of code for an actor: used when from <= date <= to. */
typedef struct lex_choice {
    uint32_t code;    /* strtab id of the code text, e.g. "BLRGOV", "---", "GME/GMW" */
    int from, to;     /* yyyymmdd bounds, inclusive; 0 and 99999999 when open */
} lex_choice;

typedef enum lex_class {
    LEX_ACTOR = 1, LEX_AGENT, LEX_VERBROOT, LEX_NOUN, LEX_ADJECTIVE, LEX_TIME, LEX_DISCARD,
} lex_class;

/* A phrase that names an actor, agent, noun, adjective, verb form, time
 * shift or discard. Its words are elems[first .. first+n). */
typedef struct lex_phrase {
    uint32_t first, n;    /* range in lexicon.elems */
    uint8_t cls;          /* lex_class */
    uint32_t choice0;     /* actors: range in lexicon.choices; agents/time: one choice */
    uint16_t nchoice;
    uint32_t verb;        /* LEX_VERBROOT: index in lexicon.verbs */
    uint32_t parent;      /* actors: index of the first phrase of its synonym group */
    uint32_t text;        /* strtab id of the phrase as written */
    uint32_t letters;     /* letters in the phrase, for longest-first ordering */
    lex_src src;
} lex_phrase;

/* Flags of an event code. */
enum {
    LEX_CODE_NULL = 1 << 0,     /* "---": matches, codes nothing */
    LEX_CODE_DISCARD = 1 << 1,  /* "###": discard the sentence */
    LEX_CODE_COMPLEX = 1 << 2,  /* "+++": sentence too complex */
    LEX_CODE_SUBORD = 1 << 3,   /* "023?": only when nothing else */
    LEX_CODE_DOMINANT = 1 << 4, /* "111!": wins over others */
    LEX_CODE_PAIRED = 1 << 5,   /* "032:033": also the reverse event */
};

typedef struct lex_code {
    char code[8];     /* main event code, "" for null/discard/complex */
    char pair[8];     /* paired reverse code when LEX_CODE_PAIRED */
    uint8_t flags;    /* LEX_CODE_* */
} lex_code;

/* A verb pattern: elements before and after the '*'. */
typedef struct lex_pattern {
    uint32_t first, n;    /* elements in lexicon.elems, including the LEX_VERB one */
    uint32_t verb_at;     /* index (0-based, within the pattern) of the LEX_VERB element */
    uint32_t verb;        /* owning verb, index in lexicon.verbs */
    uint8_t from_synset;  /* expanded from a synset: loses ties to literal patterns */
    uint32_t letters;     /* matching priority: longer first */
    lex_code code;
    uint32_t text;        /* strtab id of the pattern as written */
    lex_src src;
} lex_pattern;

/* A verb root with its forms (phrases of class LEX_VERBROOT) and patterns. */
typedef struct lex_verb {
    lex_code code;        /* the root's own code (may be null "---") */
    uint32_t pat0, npat;  /* after lex_compile: range in lexicon.patorder, longest first */
    uint32_t key0, nkey;  /* after lex_compile: range in lexicon.keys (patterns by key word) */
    uint32_t text;        /* strtab id of the root as written */
    lex_src src;
} lex_verb;

typedef struct lex_synset {
    uint32_t name;        /* strtab id of "&NAME" */
    uint32_t *members;    /* strtab ids of member texts, as written */
    uint32_t n, cap;
} lex_synset;

/* First-word index entry: phrases whose first word is `word`. */
typedef struct lex_index {
    uint32_t *slot_word;  /* open addressing on word id; 0 = empty */
    uint32_t *slot_first; /* index into list of the bucket's first phrase */
    uint32_t *slot_n;     /* phrases in the bucket */
    uint32_t *list;       /* phrase indexes grouped by first word, longest first */
    uint32_t mask;
    uint8_t stem_lens[64];/* stem_lens[k] = 1 when some stem key has length k */
} lex_index;

/* One PETRARCH-2 ontology entry (pico.h): a CAMEO code and its value. */
typedef struct lex_pico {
    char cameo[8];
    int32_t value;
} lex_pico;

/* A PETRARCH-2 verb transformation, "~ a (b c LOWER) UPPER = d e CODE". */
typedef struct lex_xform {
    char upper[8], lower[8];   /* the verbs' codes (CAMEO); lower "" = any verb (Q) */
    char up_src;               /* variable of the upper source, usually 'a' */
    char low_src, low_tgt;     /* variables of the lower event: a letter, '.' any, '_' none */
    char res_src, res_tgt;     /* variables of the result */
    char code[8];              /* result code; "Q" = the lower event's */
    int32_t upper_v, lower_v;  /* the verbs' ontology values, set by lex_compile */
    lex_src src;
} lex_xform;

typedef struct lexicon {
    strtab str;           /* every word, code and text */
    lex_elem *elems; uint32_t nelems, celems;
    lex_phrase *phrases; uint32_t nphrases, cphrases;
    lex_choice *choices; uint32_t nchoices, cchoices;
    lex_verb *verbs; uint32_t nverbs, cverbs;
    lex_pattern *patterns; uint32_t npatterns, cpatterns;
    uint32_t *patorder;   /* pattern indexes grouped by verb, longest first */
    /* Patterns of each verb grouped by their key word (the longest literal
     * word; 0 = none), so a sentence only tries the groups whose key word
     * it contains. keys[k] covers keypos[first .. first+n), which are
     * offsets into the verb's patorder range, ascending. */
    struct lex_key { uint32_t word, first, n; } *keys;
    uint32_t nkeys;
    uint32_t *keypos;
    lex_synset *synsets; uint32_t nsynsets, csynsets;
    char **files; uint32_t nfiles;
    lex_index exact_ix;   /* phrases whose first word is exact, keyed by the word */
    lex_index stem_ix;    /* phrases whose first word is a stem, keyed by the stem */
    lex_pico *pico; uint32_t npico, cpico;       /* PETRARCH-2 ontology; none = plain codes */
    lex_pico *pico_sorted; uint32_t npico_sorted; /* after lex_compile: one entry a code, by code */
    lex_xform *xforms; uint32_t nxforms, cxforms; /* PETRARCH-2 verb transformations */
    buf errors;           /* one message per line: "file:line: what" */
    uint32_t nerrors;
    int compiled;
    int later_wins;       /* of two equal actor phrases the later is used (PETRARCH's dictionaries) */
} lexicon;

lexicon *lex_new(void);
void     lex_free(lexicon *lx);

/* Register a file name for lex_src; returns its index. */
uint32_t lex_file(lexicon *lx, const char *path);
void     lex_error(lexicon *lx, lex_src src, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Parse "[CODE]" blocks text such as "[USAGOV 930206-010114] [USA]" or
 * "[HOB <950601]" (TABARI/PETRARCH) or dyad's "USAGOV 1993-02-06..2001-01-14"
 * into choices appended to the lexicon; returns the number added (0 on error,
 * reported). */
int lex_parse_choices(lexicon *lx, const char *s, lex_src src, uint32_t *first);
/* Parse an event code "023", "023?", "032:033", "---", "###", "+++", "111!". */
int lex_parse_code(const char *s, lex_code *out);
/* A date as the dictionaries write it: YYMMDD (TABARI's, years up to 30
 * in this century), YYYYMMDD or YYYY-MM-DD -> yyyymmdd in *out; 0, or -1
 * if it is none. */
int lex_parse_date(const char *s, size_t n, int *out);

/* Add a phrase (TABARI syntax). For LEX_ACTOR and LEX_AGENT the code
 * choices are [choice0, choice0+nchoice). Returns the phrase index, or
 * UINT32_MAX on a syntax error (reported). */
uint32_t lex_add_phrase(lexicon *lx, lex_class cls, const char *text, uint32_t choice0,
                        uint16_t nchoice, lex_src src);
/* Mark actor phrase `syn` as a synonym of group head `parent`. */
void     lex_set_parent(lexicon *lx, uint32_t syn, uint32_t parent);

/* Verbs: a root (with its code), more forms, and patterns. */
uint32_t lex_add_verb(lexicon *lx, const char *root, const lex_code *code, lex_src src);
int      lex_add_verb_form(lexicon *lx, uint32_t verb, const char *form, lex_src src);
/* Pattern text like "$ * TO + " (without the leading '-' and the code);
 * synsets and {|} alternatives are expanded. With LEX_PAT_ENDINGS, exact
 * words also match with regular endings (dyad's own format). Returns the
 * number of flat patterns added. */
enum { LEX_PAT_ENDINGS = 1 };
int      lex_add_pattern(lexicon *lx, uint32_t verb, const char *pattern, const lex_code *code,
                         lex_src src, unsigned flags);
/* Synsets: "&NAME" and one member text (which may use earlier synsets). */
int      lex_add_synset_member(lexicon *lx, const char *name, const char *member, lex_src src);

/* Sort patterns, build indexes. Call once after loading. */
void     lex_compile(lexicon *lx);

/* Does text word w (normalised, NUL-terminated, length n) match element e? */
int      lex_word_matches(const lexicon *lx, const lex_elem *e, const char *w, size_t n);

/* Call fn(phrase index) for each phrase whose first word could match text
 * word w: exact-keyed ones and stem-keyed ones. Order: longer phrases first
 * within each index. */
typedef void (*lex_visit_fn)(void *ctx, uint32_t phrase);
void     lex_candidates(const lexicon *lx, const char *w, size_t n, lex_visit_fn fn, void *ctx);

/* Resolve an actor/agent phrase's code for a date (yyyymmdd; 0 = undated:
 * the undated default, else the first choice). Returns strtab id or 0. */
uint32_t lex_resolve(const lexicon *lx, const lex_phrase *p, int date);

static inline const char *lex_str(const lexicon *lx, uint32_t id) { return id ? strtab_str(&lx->str, id) : ""; }

#endif
