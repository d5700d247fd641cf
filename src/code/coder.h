/* coder.h: code one sentence into events with TABARI/PETRARCH semantics.
 *
 * Contract: cod_sentence() reads the tokens of one sentence of a txt_doc,
 * matches them against a compiled lexicon and appends dyad_event records
 * (allocated in the arena) for the verb patterns it can support with a
 * source and a target. It never codes from words outside the sentence, and
 * every event carries the spans and the pattern that produced it. The
 * lexicon and options are read-only, so threads may share them. */
#ifndef DYAD_CODER_H
#define DYAD_CODER_H
#include "dyad.h"
#include "lexicon/lexicon.h"
#include "text/text.h"
#include "util/arena.h"

enum { COD_BY_CLAUSE = 0, COD_BY_SENTENCE, COD_ALL };

/* Coding options; TABARI's .options commands map onto these. */
typedef struct cod_options {
    int code_by;                 /* COD_BY_* */
    int complex_verbs;           /* complex when >= n verbs (0 = off) */
    int complex_actors;          /* ... >= n actors */
    int complex_conj;            /* ... >= n conjunctions */
    int complex_noactprior;      /* ... no actor before the first verb */
    int complex_noverb;          /* ... no verb */
    int comma_off;               /* keep comma-delimited clauses */
    int comma_min, comma_max;    /* drop inner clauses of min < words <= max */
    int comma_emin, comma_emax;  /* same for the clause ending the sentence */
    int comma_bmin, comma_bmax;  /* same for the clause opening the sentence */
    int minimum_words;           /* sentences shorter than this are skipped (0 = off) */
    int convert_agents;          /* a lone agent becomes an actor */
    char default_source[DYAD_CODE_MAX]; /* "" = none */
    char default_target[DYAD_CODE_MAX];
    int default_source_prior;    /* use the default source when no actor precedes the verb */
    int default_target_after;    /* use the default target when no actor follows the verb */
    int modality;                /* detect negation/condition/future (dyad's own; off for TABARI eval) */
    int forward;                 /* a sentence-initial pronoun refers to the previous sentence's subject */
    int forward_root;            /* forward only the subject's own actor code (TABARI), not agent and all */
    int name_wins;               /* "Russian President Lukashenko": the person's own code (default on) */
    int pronoun_skip_dropped;    /* TABARI: a pronoun never refers to an actor in an eliminated
                                    comma clause */
    int keep_clause_source;      /* TABARI: a clause after a conjunction keeps the carried subject
                                    (unless an actor follows the conjunction), even when another
                                    actor stands before its verb */
    int chain_compounds;         /* TABARI: "A and B, and C and D" is one compound, not two */
    int pronoun_compound_target; /* TABARI: "The envoys of A and B presented THEIR credentials to C":
                                    the plural pronoun for a source compound led by an agent is the
                                    target (members code each other), not skipped as the source */
    int distribute_agents;       /* "soldiers from A and B": the agent goes to each member */
    int loose_agents;            /* "soldiers FROM X", "X's first deputy minister" (PETRARCH's reach) */
    int split_subordinate;       /* "If/When/After ...," and ", when ..." start clauses of their own */
    int untargeted;              /* an explicit pattern with a source but no target codes target "---" */
    int require_dyad;            /* 1: an event needs a source and a target; 0 (PETRARCH's switch):
                                    missing ones are coded "---" and lone agents as "---GOV" */
    int anonymous_agents;        /* a lone agent is an actor of unknown country: "students" -> "---EDU"
                                    (PETRARCH's convention; off in news mode, where it steals subjects) */
    int no_pronouns;             /* pronouns stay unresolved: PETRARCH takes referents only from a
                                    parser's coreference, which raw text does not carry */
    int no_complex;              /* "+++" codes mark nothing (PETRARCH does not implement them) */
    int say_subordinate;         /* a verb root coded 010 acts as a verb of saying (TABARI's "023?") */
    int max_events;              /* cap per sentence */
    struct buf *trace;           /* when set, each step is explained here (dyad explain) */
} cod_options;

/* TABARI's defaults (what its suites expect). */
void cod_options_default(cod_options *o);
/* dyad's defaults for running news: TABARI's, plus modality flags and
 * pronoun forwarding, and a clause after the last comma is kept (news puts
 * "if ..., X will attack Y" and "..., he said" there alike). */
void cod_options_news(cod_options *o);
/* Apply one TABARI .options line ("COMPLEX: VERBS[5] ...", "SET: CODE BY
 * SENTENCE", "COMMA: OFF", "DEFAULT: SOURCE [X] PRIOR" ...). Returns 0 if
 * understood or ignorable, -1 if malformed. */
int  cod_options_line(cod_options *o, const char *line);
/* Read a .options file; returns -1 if it cannot be opened. */
int  cod_options_load(cod_options *o, const char *path);

/* Why a sentence produced no events. */
enum { COD_OK = 0, COD_DISCARD = 1, COD_COMPLEX = 2, COD_SHORT = 3 };

typedef struct cod_out {
    dyad_event *ev;   /* events (arena) */
    uint32_t n, cap;
    int status;       /* COD_* for the last sentence */
    /* The previous sentence's subject, for pronoun forwarding; nfwd = 0
     * when there is none (clear it between documents). */
    char fwd[8][DYAD_CODE_MAX];
    uint8_t nfwd;
    uint8_t fwd_compound;
} cod_out;

/* Code sentence `s` of doc; events are appended to out. `date` yyyymmdd
 * resolves date-restricted actor codes. Returns events added. */
int cod_sentence(const lexicon *lx, const cod_options *o, arena *a, const txt_doc *doc,
                 uint32_t s, int date, cod_out *out);

#endif
