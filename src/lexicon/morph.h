/* morph.h: irregular English verb forms, from WordNet's exception list.
 *
 * The lexicon's ending rules (S ES ED EN ING D N, e-drop, y -> ies/ied,
 * doubled final consonant) cover regular inflection. Irregular forms
 * (send -> sent; take -> took, taken; overrun -> overran) come from
 * WordNet's verb.exc (Debian package wordnet-base), whose lines are
 * "form base [base ...]". Dictionaries never type irregular forms by hand:
 * the dyad loader asks lex_irregular_forms() for each verb root.
 *
 * Contract: the exception table is read once. lex_morph_init() loads it
 * eagerly from a given file; otherwise the first lex_irregular_forms()
 * call loads the default file (DYAD_WORDNET_VERB_EXC from the environment,
 * else /usr/share/wordnet/verb.exc) exactly once (pthread_once), so
 * lookups are thread-safe. After loading the table is read-only.
 * lex_morph_init() and lex_morph_free() must not run concurrently with
 * lookups. A missing file is not an error for lookups: they return 0 forms. */
#ifndef DYAD_MORPH_H
#define DYAD_MORPH_H

#define LEX_MORPH_DEFAULT "/usr/share/wordnet/verb.exc"
#define LEX_FORM_MAX 32   /* bytes per returned form, with NUL */

/* Load the exception list from path (NULL: the default). Replaces any table
 * loaded before. Returns the number of (form, base) pairs read, -1 when the
 * file cannot be read (the table is then empty). */
int  lex_morph_init(const char *path);

/* Irregular forms of verb `base` ("send", or a phrasal "allow for" /
 * "allow_for"): every form the exception list gives for it, in file order,
 * at most max of them, each at most LEX_FORM_MAX-1 bytes (longer ones are
 * skipped). Case-insensitive; forms come back lower-case, or upper-case when
 * base has no lower-case letter (lexicon words are upper-case). Multi-word
 * forms use '_' between words as in WordNet ("allowed_for"). Returns the
 * number of forms written; 0 when there are none or no list is loaded. */
int  lex_irregular_forms(const char *base, char forms[][LEX_FORM_MAX], int max);

/* Number of (form, base) pairs loaded (loading the default if needed). */
int  lex_morph_count(void);

/* Drop the table (the next lookup loads the default again only after a
 * new lex_morph_init(); lazy loading happens once per process). */
void lex_morph_free(void);

#endif
