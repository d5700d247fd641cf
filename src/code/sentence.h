/* sentence.h: the coder's view of one sentence: its words with their
 * classes, the actor units found on them, and an event being built.
 *
 * Private to src/code: coder.c builds a sentence and codes it; petr2.c
 * reads it for PETRARCH-2's verb chains. Everything works on word
 * indexes (w[]) and on positions in the list of active words (act[]). */
#ifndef DYAD_SENTENCE_H
#define DYAD_SENTENCE_H
#include "code/coder.h"
#include <stdint.h>

enum { MAX_WORDS = 400, MAX_ACTORS = 96, MAX_CODES = 8, MAX_CANDIDATES = 8192, NO = -1 };

enum wtype { W_NULL, W_ACTOR, W_AGENT, W_VERB, W_NOUN, W_ADJ, W_DETERM, W_CONJ, W_PRON,
             W_AUX, W_BY, W_COMMA, W_NUMBER, W_TIME, W_PREP, W_INNER };

typedef struct cw {
    uint32_t tok;        /* first token of the word */
    const char *w;       /* normalised form */
    uint16_t n;          /* its length */
    uint8_t type;        /* enum wtype, for the word that starts a phrase or stands alone */
    uint8_t cap;         /* capitalised in mid-sentence */
    uint8_t poss;        /* followed by a possessive 's */
    uint8_t dropped;     /* inside an eliminated comma clause */
    uint8_t protect;     /* conjunction/comma inside a compound: not a clause break */
    uint16_t cls;        /* closed-class word flags (CL_*), computed once */
    uint8_t clause_break; /* a comma or subordinator that starts a new clause (news mode) */
    uint8_t prep;        /* a preposition (any, not only the closed-class ones the parse uses) */
    int16_t head;        /* start word of the phrase covering this word, NO if none */
    int16_t end;         /* for a phrase start: its last word */
    int16_t actor;       /* index in actors of the actor unit starting here, NO if none */
    uint32_t phrase;     /* matched phrase (phrase start only) */
} cw;

typedef struct cactor {
    int16_t start, end;              /* words covered, agents included */
    int16_t core;                    /* the actor (or pronoun) word */
    int16_t group;                   /* compound group id (first member's first word), NO if single */
    int16_t lead_agent;              /* agent word before the actor ("soldiers from X"), NO if none */
    uint8_t ncodes;
    uint8_t pronoun;
    char codes[MAX_CODES][DYAD_CODE_MAX];
} cactor;

/* One sentence being coded. The scalars come first: only they are zeroed
 * per sentence, the big arrays are filled as far as nw and na say. */
typedef struct sent {
    const lexicon *lx;
    const cod_options *o;
    const txt_doc *doc;
    int nw;                  /* words in w */
    int na;                  /* actor units in a */
    int allcaps;             /* the text is all upper case: no capital-letter nouns */
    int discard, complex;    /* a ### or +++ phrase was seen */
    int date;                /* yyyymmdd for date-restricted codes */
    int alone;               /* an actor to be taken without its compound (greedy source), NO if none */
    int dateline;            /* PETRARCH-2: words before a leading "PLACE:" dateline, 0 if none */
    uint32_t *ids;           /* every lexicon string some word could match (open addressing, 0 = empty) */
    uint32_t ids_mask;
    cw w[MAX_WORDS];
    cactor a[MAX_ACTORS];
} sent;

/* Closed-class words the shallow parse needs, looked up once per word. */
enum {
    CL_DET = 1 << 0, CL_CONJ = 1 << 1, CL_PRON_HE = 1 << 2, CL_PRON_HIS = 1 << 3, CL_PRON_THEY = 1 << 4,
    CL_AUX = 1 << 5, CL_PASSIVE = 1 << 6, CL_BY = 1 << 7, CL_PREP = 1 << 8, CL_FORMER = 1 << 9,
    CL_SUBORD = 1 << 10, CL_BUT = 1 << 11, CL_FROM = 1 << 12, CL_TO = 1 << 13, CL_NOT = 1 << 14,
    CL_THAT = 1 << 15,
};

typedef struct pending {
    int verbw;            /* word of the verb */
    int source, target;   /* actor indexes, NO = none/default */
    int compound;         /* % binding */
    lex_code code;
    uint32_t pattern;     /* pattern index or UINT32_MAX for the root */
    int passive;
    int self_compound;    /* no target: the compound source acts on itself, in order */
    int untargeted;       /* coded with target "---" (news mode, explicit patterns only) */
    int source_alone;     /* the source is one member of its compound, not the whole */
    int negation_coded;   /* PETRARCH-2: "not" is already in the code (121, 124...) */
    int participial;      /* PETRARCH-2: from a ", doing ..." clause: only if nothing else */
} pending;

/* The last word of the phrase starting at word i (i itself if none). */
static inline int word_end(const sent *S, int i) { return S->w[i].end != NO ? S->w[i].end : i; }

/* Is word w a verb (the first word of its phrase)? */
static inline int is_verb_at(const sent *S, int w)
{
    const cw *x = &S->w[w];
    return x->type == W_VERB && (x->head == NO || x->head == w);
}

/* The first actor starting in words [from, to], not dropped and, when
 * skip_codes_of is not NO, other than that actor's unit; NO if none. */
int cod_first_actor(const sent *S, int from, int to, int skip_codes_of);

/* Indexes (into the verb's patorder range) of the patterns of v whose key
 * words the sentence has, ascending; at most max. */
uint32_t cod_candidate_patterns(const sent *S, const lex_verb *v, uint32_t *out, uint32_t max);

#endif
