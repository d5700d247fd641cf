/* entity.h: people, organisations and places named in an article, and what
 * its pronouns and descriptions ("he", "the Belarusian leader") refer to.
 *
 * Contract: ent_article() reads the tokens of an analysed article and finds
 *  - names the dictionaries know (actor phrases of the lexicon, typed by the
 *    dictionary they come from: people.dyad persons, organisations.dyad
 *    organisations, countries.dyad places or, for non-state codes such as
 *    WST, groups; other dictionaries by their codes) and places the
 *    gazetteer knows (geo.h), demonyms included;
 *  - names no dictionary knows: runs of capitalised words typed by their
 *    context (a title before them, a given name, an organisation or place
 *    word in them, a preposition of place before them); they are kept with
 *    their text and code "" so users can add them;
 *  - descriptions (an agent phrase of the lexicon with the country or actor
 *    it belongs to: "the Belarusian leader" = BLRGOV, "Kiev soldiers" =
 *    UKRMIL) and the pronouns he/she/they/it;
 * and links mentions of one entity ("Alexander Lukashenko" ... "Lukashenko"),
 * a pronoun to the person or group it most likely means (the nearest
 * unquoted mention in its sentence, else the first of the sentences
 * before), and a person description to the person of the article with the
 * same actor code (the office holder on the article's date, as far as the
 * dictionaries' dated codes tell).
 * It fills dyad_result.entities and .mentions (names only) and returns the
 * ent_doc that later stages (places, quotations) read. Everything lives in
 * the arena; nothing is allocated per token. The lexicon and gazetteer are
 * only read. */
#ifndef DYAD_ENTITY_H
#define DYAD_ENTITY_H
#include <stddef.h>
#include <stdint.h>
#include "dyad.h"
#include "geo/geo.h"
#include "lexicon/lexicon.h"
#include "text/text.h"
#include "util/arena.h"

/* Mention kinds: names use the public DYAD_ENT_* values. */
enum { ENT_PER = DYAD_ENT_PERSON, ENT_ORG = DYAD_ENT_ORG, ENT_LOC = DYAD_ENT_PLACE, ENT_PRON = 8, ENT_DESC = 9 };

/* What found a name. */
enum { ENT_BY_DICT = 1, ENT_BY_GAZ = 2, ENT_BY_CONTEXT = 3 };

typedef struct ent_mention {
    uint32_t tok, ntok;        /* tokens [tok, tok + ntok) */
    uint32_t sentence;         /* its sentence */
    uint8_t kind;              /* ENT_* */
    uint8_t by;                /* ENT_BY_* for names, 0 otherwise */
    uint8_t adjective;         /* a demonym standing for a place ("Belarusian") */
    uint8_t plural;            /* "they", "troops", "Ukrainians" */
    uint8_t person;            /* refers to one person ("he", "the Belarusian leader") */
    uint8_t possessive;        /* "his", "its", "their" */
    uint8_t quoted;            /* inside quotation marks */
    uint8_t cued;              /* an unknown name whose kind its own context gave (not a default) */
    uint8_t of_person;         /* a description owned by a person ("Putin's spokesman"): never that person */
    uint8_t head_of_state;     /* a description naming a head of state ("the Belarusian leader") */
    int32_t entity;            /* index in entities, -1 when unresolved */
    uint32_t phrase;           /* lexicon actor (or agent, for descriptions) phrase, UINT32_MAX if none */
    uint32_t geo;              /* gazetteer entry, UINT32_MAX if none */
    char code[DYAD_CODE_MAX];  /* actor code on the article's date; "" unknown */
    const char *holder;        /* a person description no article name resolves: the office holder
                                  the dictionaries give for the date ("" if they do not tell) */
} ent_mention;

typedef struct ent_doc {
    const txt_doc *doc;        /* the analysed article */
    const lexicon *lx;         /* dictionaries (read only) */
    const geo_gaz *geo;        /* gazetteer (read only) */
    int date;                  /* article date yyyymmdd, 0 unknown */
    ent_mention *m;            /* mentions in text order (names, pronouns, descriptions) */
    uint32_t n;
    int32_t *at;               /* per token: the innermost mention covering it, -1 */
    uint32_t *sent;            /* per token: its sentence */
    uint32_t *gid;             /* per token: gazetteer word id (geo_word_ids) */
    uint8_t *quoted;           /* per token: inside quotation marks */
    uint32_t *agent;           /* per token: longest agent phrase of the lexicon starting there, UINT32_MAX none */
    uint8_t *agent_n;          /* per token: its length in tokens */
    uint8_t *common;           /* per token: 1 a common word of the dictionaries, 0 not, 2 not looked up yet */
    dyad_entity *ents;         /* entities, first-mention order (the public array) */
    uint32_t nents;
} ent_doc;

/* Find and link the article's entities; fills out->entities/mentions. */
ent_doc *ent_article(const lexicon *lx, const geo_gaz *geo, arena *a, const txt_doc *doc, int date,
                     dyad_result *out);

/* The entity mention i names or refers to, -1 if none. */
static inline int32_t ent_of(const ent_doc *ed, uint32_t i) { return ed->m[i].entity; }

/* Actor code for mention i: its entity's, else its own ("" if none). */
const char *ent_code(const ent_doc *ed, uint32_t i);

/* The mention ending exactly at token t (the innermost), -1 if none. */
int32_t ent_ending_at(const ent_doc *ed, uint32_t t);

/* The closed word lists (words.c): flags of a normalised word. */
enum {
    EW_STOP = 1 << 0,        /* function/calendar word: never starts a name */
    EW_TITLE = 1 << 1,       /* title or role before a person's name */
    EW_GIVEN = 1 << 2,       /* common given name */
    EW_ORG_SUFFIX = 1 << 3,  /* last word of organisation names ("Bank", "Inc.") */
    EW_ORG_HEAD = 1 << 4,    /* "X of ..." organisations ("Bank of England") */
    EW_LOC_SUFFIX = 1 << 5,  /* last word of place names ("River") */
    EW_LOC_HEAD = 1 << 6,    /* "X of ..." places ("Gulf of Aden") */
    EW_LOC_PREFIX = 1 << 7,  /* first word of place names ("Mount") */
    EW_LOC_PREP = 1 << 8,    /* a name after it is a place ("in", "near") */
    EW_CONNECT = 1 << 9,     /* lower-case particle inside names ("bin", "van") */
    EW_MISC = 1 << 10,       /* heads names of events, prizes, works: "Battle of ...", "World Cup" */
    EW_DIRECTION = 1 << 11,  /* direction or age before a place name: "West", "Old", "Upper" */
};
typedef struct ent_word {
    const char *w;           /* normalised form */
    unsigned flags;          /* EW_* */
} ent_word;
extern const ent_word ent_words[];
extern const size_t ent_nwords;
unsigned ent_word_flags(const char *w);

#endif
