/* test_text.c: UTF-8 checking, tokens, norms and sentence splitting. */
#include "test.h"
#include "text/text.h"
#include "clean/clean.h"
#include <stdlib.h>

/* Analyse s into d using a fresh arena (caller frees a). */
static void analyse(arena *a, const char *s, txt_doc *d)
{
    arena_init(a, 0);
    txt_analyse(a, s, strlen(s), d);
}

/* Index of the first token whose norm is w at or after from, or -1. */
static long find_tok(const txt_doc *d, const char *w, uint32_t from)
{
    for (uint32_t i = from; i < d->ntok; i++)
        if (!strcmp(txt_norm(d, i), w)) return i;
    return -1;
}

/* Space-separated norms of all tokens, in a static buffer. */
__attribute__((noinline)) static const char *norms(const txt_doc *d)
{
    static char out[4096];
    size_t n = 0;
    out[0] = 0;
    for (uint32_t i = 0; i < d->ntok && n + 64 < sizeof out; i++)
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", i ? " " : "", txt_norm(d, i));
    return out;
}

/* Sentence k's text, in a static buffer. */
__attribute__((noinline)) static const char *sent(const txt_doc *d, uint32_t k)
{
    static char out[4096];
    if (k >= d->nsent) return "(none)";
    size_t n = d->sent[k].end - d->sent[k].start;
    if (n >= sizeof out) n = sizeof out - 1;
    memcpy(out, d->text + d->sent[k].start, n);
    out[n] = 0;
    return out;
}

/* Every structural promise of txt_doc, checked on any text. */
static void check_invariants(const txt_doc *d)
{
    uint32_t prev_end = 0;
    for (uint32_t i = 0; i < d->ntok; i++) {
        const txt_token *t = &d->tok[i];
        CHECK(t->start < t->end && t->end <= d->len);
        CHECK(t->start >= prev_end);
        prev_end = t->end;
        char buf[4096];
        size_t n = txt_fold(d->text + t->start, t->end - t->start, buf, sizeof buf);
        CHECK_INT(n, t->norm_len);
        CHECK(strcmp(buf, txt_norm(d, i)) == 0);
        CHECK(strlen(txt_norm(d, i)) == t->norm_len);
    }
    uint32_t next = 0;
    for (uint32_t s = 0; s < d->nsent; s++) {
        const txt_sentence *S = &d->sent[s];
        CHECK_INT(S->tok, next);  /* sentences partition the tokens */
        CHECK(S->ntok > 0);
        next = S->tok + S->ntok;
        CHECK(next <= d->ntok);
        CHECK_INT(S->start, d->tok[S->tok].start);
        CHECK_INT(S->end, d->tok[next - 1].end);
    }
    CHECK_INT(next, d->ntok);
}

TEST(text_possessives)
{
    arena a;
    txt_doc d;
    analyse(&a, "Russia's army, Russia\xE2\x80\x99s border, Belarus' borders and the Joneses\xE2\x80\x99 car.", &d);
    CHECK_STR(norms(&d), "RUSSIA 'S ARMY , RUSSIA 'S BORDER , BELARUS ' BORDERS AND THE JONESES ' CAR .");
    long i = find_tok(&d, "'S", 0);
    REQUIRE(i > 0);
    CHECK(d.tok[i].flags & TXT_POSS);
    CHECK_INT(d.tok[i].end - d.tok[i].start, 2);
    long j = find_tok(&d, "'S", (uint32_t)i + 1);
    REQUIRE(j > 0);
    CHECK(d.tok[j].flags & TXT_POSS);
    CHECK_INT(d.tok[j].end - d.tok[j].start, 4);   /* the curly apostrophe is 3 bytes */
    long k = find_tok(&d, "'", 0);
    REQUIRE(k > 0);
    CHECK(d.tok[k].flags & TXT_POSS);
    CHECK(!(d.tok[k].flags & TXT_QUOTE));
    CHECK_STR(txt_norm(&d, (uint32_t)k - 1), "BELARUS");
    check_invariants(&d);
    arena_free(&a);
    analyse(&a, "The U.S.'s allies and the 1990's.", &d);
    CHECK_STR(norms(&d), "THE U.S. 'S ALLIES AND THE 1990 'S .");
    CHECK(d.tok[2].flags & TXT_POSS);
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_contractions_stay_whole)
{
    arena a;
    txt_doc d;
    analyse(&a, "He didn't go, they won\xE2\x80\x99t and we can't. O'Brien said it's over; let's go.", &d);
    CHECK(find_tok(&d, "DIDN'T", 0) >= 0);
    CHECK(find_tok(&d, "WON'T", 0) >= 0);
    CHECK(find_tok(&d, "CAN'T", 0) >= 0);
    CHECK(find_tok(&d, "O'BRIEN", 0) >= 0);
    /* it's / let's: the 's is split but is not a possessive */
    long i = find_tok(&d, "IT", 0);
    REQUIRE(i >= 0);
    CHECK_STR(txt_norm(&d, (uint32_t)i + 1), "'S");
    CHECK(!(d.tok[i + 1].flags & TXT_POSS));
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_hyphens_split)
{
    arena a;
    txt_doc d;
    analyse(&a, "President Bashar al-Assad ordered a full-scale, U.S.-led, well - known -- attack.", &d);
    CHECK_STR(norms(&d), "PRESIDENT BASHAR AL ASSAD ORDERED A FULL SCALE , U.S. LED , WELL - KNOWN - ATTACK .");
    long i = find_tok(&d, "ASSAD", 0);
    REQUIRE(i > 0);
    CHECK(d.tok[i].flags & TXT_HYPHEN);
    CHECK(d.tok[i].flags & TXT_CAP);
    CHECK(!(d.tok[i - 1].flags & TXT_HYPHEN));
    long dash = find_tok(&d, "-", 0);
    REQUIRE(dash > 0);
    CHECK(d.tok[dash].flags & TXT_PUNCT);
    CHECK(!(find_tok(&d, "KNOWN", 0) >= 0 && (d.tok[find_tok(&d, "KNOWN", 0)].flags & TXT_HYPHEN)));
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_dashes_are_punct)
{
    arena a;
    txt_doc d;
    analyse(&a, "Kiev \xE2\x80\x94 and its allies \xE2\x80\x93 said so -- twice.", &d);
    CHECK_STR(norms(&d), "KIEV - AND ITS ALLIES - SAID SO - TWICE .");
    for (uint32_t i = 0; i < d.ntok; i++)
        if (!strcmp(txt_norm(&d, i), "-")) CHECK(d.tok[i].flags & TXT_PUNCT);
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_numbers)
{
    arena a;
    txt_doc d;
    analyse(&a, "About 1,000 troops, 3.5 percent, 35 kilometres and $2.5bn in 2022.", &d);
    CHECK_STR(norms(&d), "ABOUT 1,000 TROOPS , 3.5 PERCENT , 35 KILOMETRES AND $ 2.5BN IN 2022 .");
    long i = find_tok(&d, "1,000", 0);
    REQUIRE(i >= 0);
    CHECK(d.tok[i].flags & TXT_NUMBER);
    CHECK(!(d.tok[i].flags & TXT_WORD));
    CHECK(d.tok[find_tok(&d, "3.5", 0)].flags & TXT_NUMBER);
    CHECK_INT(d.nsent, 1);
    /* the final period after 2022 ends the sentence, not the number */
    CHECK(d.tok[d.ntok - 1].flags & TXT_SENT_END);
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_case_accents_and_quotes_fold)
{
    arena a;
    txt_doc d;
    analyse(&a, "C\xC3\xB4te d\xE2\x80\x99Ivoire, Z\xC3\xBCrich and Stra\xC3\x9F" "e met \xC3\x89MILE in Krak\xC3\xB3w.", &d);
    CHECK_STR(norms(&d), "COTE D'IVOIRE , ZURICH AND STRASSE MET EMILE IN KRAKOW .");
    long i = find_tok(&d, "EMILE", 0);
    REQUIRE(i >= 0);
    CHECK(d.tok[i].flags & TXT_ALLCAPS);
    CHECK(d.tok[i].flags & TXT_CAP);
    CHECK(d.tok[find_tok(&d, "ZURICH", 0)].flags & TXT_CAP);
    CHECK(!(d.tok[find_tok(&d, "ZURICH", 0)].flags & TXT_ALLCAPS));
    CHECK(!(d.tok[find_tok(&d, "MET", 0)].flags & TXT_CAP));
    char buf[64];
    CHECK_INT(txt_fold("\xE2\x80\x9CNa\xC3\xAFve\xE2\x80\x9D", 12, buf, sizeof buf), 7);
    CHECK_STR(buf, "\"NAIVE\"");
    txt_fold("\xC2\xAB" "x" "\xC2\xBB", 5, buf, sizeof buf);
    CHECK_STR(buf, "\"X\"");
    txt_fold("\xE2\x80\x94", 3, buf, sizeof buf);
    CHECK_STR(buf, "-");
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_quotes_open_close)
{
    arena a;
    txt_doc d;
    analyse(&a, "He said \"we will win,\" and \xE2\x80\x9Cnever\xE2\x80\x9D gave up \xC2\xABhere\xC2\xBB 'ok' now.", &d);
    uint32_t opens = 0, closes = 0;
    for (uint32_t i = 0; i < d.ntok; i++) {
        unsigned f = d.tok[i].flags;
        if (!(f & TXT_QUOTE)) continue;
        CHECK(!!(f & TXT_OPEN_Q) + !!(f & TXT_CLOSE_Q) == 1);
        /* an opening quote is followed by a word, a closing one preceded by one */
        if (f & TXT_OPEN_Q) { opens++; CHECK(i + 1 < d.ntok && (d.tok[i + 1].flags & TXT_WORD)); }
        else { closes++; CHECK(i > 0 && !(d.tok[i - 1].flags & TXT_QUOTE)); CHECK(d.tok[i - 1].start < d.tok[i].start); }
    }
    CHECK_INT(opens, 4);
    CHECK_INT(closes, 4);
    long q = find_tok(&d, "\"", 0);
    REQUIRE(q >= 0);
    CHECK(d.tok[q].flags & TXT_OPEN_Q);
    CHECK_STR(txt_norm(&d, (uint32_t)q + 1), "WE");
    CHECK_STR(txt_norm(&d, (uint32_t)q + 4), ",");
    CHECK(d.tok[q + 5].flags & TXT_CLOSE_Q);
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_abbreviations_keep_periods)
{
    arena a;
    txt_doc d;
    analyse(&a, "Gen. Smith of the U.S. Army met Mr. Jones of Acme Inc. and the U.N. envoy at 5 p.m. on Jan. 5, e.g. in St. Louis.", &d);
    const char *abbr[] = {"GEN.", "U.S.", "MR.", "INC.", "U.N.", "P.M.", "JAN.", "E.G.", "ST."};
    for (size_t k = 0; k < sizeof abbr / sizeof *abbr; k++) {
        long i = find_tok(&d, abbr[k], 0);
        CHECK(i >= 0);
        if (i >= 0) CHECK(d.tok[i].flags & TXT_ABBREV);
        if (i >= 0) CHECK(d.tok[i].flags & TXT_WORD);
    }
    CHECK_INT(d.nsent, 1);
    CHECK(!(d.tok[find_tok(&d, "U.S.", 0)].flags & TXT_SENT_END));
    CHECK(d.tok[find_tok(&d, "U.S.", 0)].flags & TXT_ALLCAPS);
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_sentences_survive_abbreviations)
{
    arena a;
    txt_doc d;
    analyse(&a, "Mr. Smith and Mrs. Smith met Dr. Who. Sgt. Pepper and Col. Mustard met Lt. Dan, "
                "Maj. Tom and Sen. Warren. Rep. Ocasio-Cortez, Gov. Newsom, Pres. Lincoln and "
                "Prof. Plum arrived on Sept. 3 and Oct. 4. Acme Corp. and Foo Co. Ltd. signed. "
                "It was No. 5 on the list.", &d);
    CHECK_INT(d.nsent, 5);
    CHECK_STR(sent(&d, 0), "Mr. Smith and Mrs. Smith met Dr. Who.");
    CHECK_STR(sent(&d, 1), "Sgt. Pepper and Col. Mustard met Lt. Dan, Maj. Tom and Sen. Warren.");
    CHECK_STR(sent(&d, 4), "It was No. 5 on the list.");
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_abbreviation_at_sentence_end)
{
    arena a;
    txt_doc d;
    analyse(&a, "Troops arrived in the U.S. The president said so. U.S. President Biden agreed. "
                "He works for Acme Inc. They said no. But he left.", &d);
    CHECK_INT(d.nsent, 6);
    CHECK_STR(sent(&d, 0), "Troops arrived in the U.S.");
    CHECK_STR(sent(&d, 1), "The president said so.");
    CHECK_STR(sent(&d, 2), "U.S. President Biden agreed.");
    CHECK_STR(sent(&d, 3), "He works for Acme Inc.");
    CHECK_STR(sent(&d, 4), "They said no.");
    long us = find_tok(&d, "U.S.", 0);
    REQUIRE(us >= 0);
    CHECK(d.tok[us].flags & TXT_SENT_END);
    CHECK(!(d.tok[us].flags & TXT_ABBREV));
    long us2 = find_tok(&d, "U.S.", (uint32_t)us + 1);
    REQUIRE(us2 >= 0);
    CHECK(d.tok[us2].flags & TXT_ABBREV);
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_initials)
{
    arena a;
    txt_doc d;
    analyse(&a, "J. R. R. Tolkien met George W. Bush and John F. Kennedy. Then they left.", &d);
    CHECK_INT(d.nsent, 2);
    CHECK_STR(sent(&d, 1), "Then they left.");
    long w = find_tok(&d, "W.", 0);
    REQUIRE(w >= 0);
    CHECK(d.tok[w].flags & TXT_ABBREV);
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_decimals_ellipses_and_marks)
{
    arena a;
    txt_doc d;
    analyse(&a, "Growth was 3.5 percent... or so. Was it? Yes! Really?! \xE2\x80\x9CNo\xE2\x80\xA6 never,\xE2\x80\x9D he said.", &d);
    CHECK_INT(d.nsent, 5);
    CHECK_STR(sent(&d, 0), "Growth was 3.5 percent... or so.");
    CHECK_STR(sent(&d, 1), "Was it?");
    CHECK_STR(sent(&d, 2), "Yes!");
    CHECK_STR(sent(&d, 3), "Really?!");
    CHECK_STR(sent(&d, 4), "\xE2\x80\x9CNo\xE2\x80\xA6 never,\xE2\x80\x9D he said.");
    long e = find_tok(&d, "...", 0);
    REQUIRE(e >= 0);
    CHECK_INT(d.tok[e].end - d.tok[e].start, 3);  /* one token for "..." */
    /* both marks of "?!" end the sentence */
    uint32_t last = d.sent[3].tok + d.sent[3].ntok - 1;
    CHECK(d.tok[last].flags & TXT_SENT_END);
    CHECK(d.tok[last - 1].flags & TXT_SENT_END);
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_closing_quote_belongs_to_sentence)
{
    arena a;
    txt_doc d;
    analyse(&a, "He said: \xE2\x80\x9CWe will not. We never will.\xE2\x80\x9D Then he left. "
                "She said \"Go home.\" They went (slowly.) Fine.", &d);
    CHECK_INT(d.nsent, 6);
    CHECK_STR(sent(&d, 0), "He said: \xE2\x80\x9CWe will not.");
    CHECK_STR(sent(&d, 1), "We never will.\xE2\x80\x9D");
    CHECK_STR(sent(&d, 2), "Then he left.");
    CHECK_STR(sent(&d, 3), "She said \"Go home.\"");
    CHECK_STR(sent(&d, 4), "They went (slowly.)");
    CHECK_INT(d.sent[0].quote_depth, 0);
    CHECK_INT(d.sent[1].quote_depth, 1);
    CHECK_INT(d.sent[2].quote_depth, 0);
    CHECK_INT(d.sent[3].quote_depth, 0);
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_single_quotes_span_sentences)
{
    arena a;
    txt_doc d;
    analyse(&a, "She said: 'We will fight. We will win,' and left.", &d);
    CHECK_INT(d.nsent, 2);
    CHECK_INT(d.sent[1].quote_depth, 1);
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_unclosed_quote_ends_with_paragraph)
{
    arena a;
    txt_doc d;
    /* News style: a quote running over paragraphs reopens but never closes
     * the first; the next paragraph must not start inside a quotation. */
    analyse(&a, "\xE2\x80\x9CWe will not stop. Never.\n\nThe army said so. It left.", &d);
    CHECK_INT(d.nsent, 4);
    CHECK_INT(d.sent[1].quote_depth, 1);
    CHECK_INT(d.sent[2].quote_depth, 0);
    CHECK_INT(d.sent[3].quote_depth, 0);
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_blank_line_and_headings)
{
    arena a;
    txt_doc d;
    analyse(&a, "Belarus moves troops\nMinsk said on Friday it would send troops.\n\nno period here\n\nand a new paragraph.", &d);
    CHECK_INT(d.nsent, 4);
    CHECK_STR(sent(&d, 0), "Belarus moves troops");
    CHECK_STR(sent(&d, 1), "Minsk said on Friday it would send troops.");
    CHECK_STR(sent(&d, 2), "no period here");
    CHECK_STR(sent(&d, 3), "and a new paragraph.");
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_hard_wrapped_prose_is_not_split)
{
    arena a;
    txt_doc d;
    analyse(&a,
        "Russian President Alexander Lukashenko, a key ally of Vladimir\n"
        "Putin, said in an interview with Russian state television that\n"
        "Russia and Ukraine should negotiate an end to the conflict to\n"
        "avoid the war spreading to Belarus. Lukashenko was speaking at\n"
        "length about Gen. Ivanov and the U.S.\n"
        "President's remarks. He met Mr.\n"
        "Smith.\n"
        "KEY POINTS\n"
        "- Troops moved\n"
        "- Talks stalled\n", &d);
    CHECK_INT(d.nsent, 6);
    const char *first = "Russian President Alexander Lukashenko, a key ally of Vladimir\n"
                        "Putin, said in an interview with Russian state television that\n"
                        "Russia and Ukraine should negotiate an end to the conflict to\n"
                        "avoid the war spreading to Belarus.";
    CHECK_STR(sent(&d, 0), first);
    CHECK_STR(sent(&d, 1), "Lukashenko was speaking at\nlength about Gen. Ivanov and the U.S.\nPresident's remarks.");
    CHECK_STR(sent(&d, 2), "He met Mr.\nSmith.");
    CHECK_STR(sent(&d, 3), "KEY POINTS");
    CHECK_STR(sent(&d, 4), "- Troops moved");
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_one_paragraph_per_line)
{
    arena a;
    txt_doc d;
    analyse(&a, "Troops massed at the border\nKiev said it saw no buildup.\nMinsk denied it", &d);
    CHECK_INT(d.nsent, 3);
    CHECK_STR(sent(&d, 2), "Minsk denied it");
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_invalid_utf8_breaks_words)
{
    arena a;
    txt_doc d;
    analyse(&a, "abc\xff" "def \xE2\x80 ghi \xC0\xAF jkl\xED\xA0\x80mno", &d);
    CHECK_STR(norms(&d), "ABC DEF GHI JKL MNO");
    CHECK_INT(d.nbad, 1 + 1 + 2 + 3);
    REQUIRE(d.nbad >= 2);
    CHECK_INT(d.bad[0], 3);
    CHECK_INT(d.bad[1], 8);   /* the truncated E2 80 is one error */
    uint32_t bad[16];
    const char *s = "ok\xff\xfe\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x90\x80\x80";
    CHECK_INT(txt_utf8_check(s, strlen(s), bad, 16), 2 + 4);
    CHECK_INT(bad[0], 2);
    CHECK_INT(bad[1], 3);
    CHECK_INT(txt_utf8_check("plain \xC3\xA9t\xC3\xA9", 11, NULL, 0), 0);
    CHECK_INT(txt_utf8_check("plain \xC3\xA9t\xC3\xA9", 10, NULL, 0), 1);  /* cut mid-character */
    check_invariants(&d);
    arena_free(&a);
}

TEST(text_empty_and_space_only)
{
    arena a;
    txt_doc d;
    analyse(&a, "", &d);
    CHECK_INT(d.ntok, 0);
    CHECK_INT(d.nsent, 0);
    arena_free(&a);
    analyse(&a, " \n\n\t \xC2\xA0 ", &d);
    CHECK_INT(d.ntok, 0);
    CHECK_INT(d.nsent, 0);
    arena_free(&a);
}

TEST(text_offsets_round_trip_on_mixed_text)
{
    arena a;
    txt_doc d;
    analyse(&a, "\xEF\xBB\xBF" "Caf\xC3\xA9 \xE2\x80\x9CLe Monde\xE2\x80\x9D \xEF\xAC\x81nance: "
                "\xD0\x9C\xD0\xB8\xD0\xBD\xD1\x81\xD0\xBA, 20\xC2\xB0" "C, \xE5\x8C\x97\xE4\xBA\xAC! "
                "na\xC3\xAFve co\xC3\xB6perate \xF0\x9F\x98\x80 x\xC2\xAD" "y.", &d);
    CHECK(find_tok(&d, "FINANCE", 0) >= 0);                    /* the fi ligature unfolds */
    CHECK(find_tok(&d, "\xD0\x9C\xD0\x98\xD0\x9D\xD0\xA1\xD0\x9A", 0) >= 0);  /* MINSK in Cyrillic */
    CHECK(find_tok(&d, "XY", 0) >= 0);                          /* soft hyphen is invisible */
    check_invariants(&d);
    arena_free(&a);
}

/* ---- the acceptance article ---- */

static char *read_seed(size_t *n)
{
    const char *p = test_shared_path("seed/lukashenko-interview.txt");
    if (!p) return NULL;
    FILE *f = fopen(p, "rb");
    if (!f) return NULL;
    char *s = malloc(1 << 16);
    *n = fread(s, 1, (1 << 16) - 1, f);
    s[*n] = 0;
    fclose(f);
    return s;
}

/* Index of the sentence whose text is exactly want, or -1. */
static long find_sent(const txt_doc *d, const char *want)
{
    for (uint32_t k = 0; k < d->nsent; k++)
        if (!strcmp(sent(d, k), want)) return k;
    return -1;
}

TEST(text_seed_article_sentences)
{
    size_t n;
    char *raw = read_seed(&n);
    if (!raw) SKIP("shared/seed/lukashenko-interview.txt absent");
    arena a;
    arena_init(&a, 0);
    cln_result c;
    cln_clean(&a, raw, n, &c);
    txt_doc d;
    txt_analyse(&a, c.text, c.len, &d);
    check_invariants(&d);
    /* 19 paragraphs; 5 hold two sentences and one three: 25 sentences */
    CHECK_INT(d.nsent, 25);
    for (uint32_t k = 0; k < d.nsent; k++) {
        CHECK(!strstr(sent(&d, k), "ad_"));
        CHECK(!strstr(sent(&d, k), "Source link"));
        CHECK(!strstr(sent(&d, k), "Euractiv"));
    }
    CHECK(find_sent(&d, "Russia said on Thursday it would strengthen its border defences as hundreds "
                        "of thousands of people were ordered to evacuate the western Kursk region.") >= 0);
    CHECK(find_sent(&d, "Kiev said its troops had advanced 35 kilometres into Russian territory since "
                        "last week and continued to make gains.") >= 0);
    CHECK(find_sent(&d, "Kiev said it had seen no signs of any such buildup.") >= 0);
    long s1 = find_sent(&d, "Lukashenko suggested without providing evidence that Kiev might have plans to "
                            "attack Belarus and said Minsk would not allow Ukrainian troops to \xE2\x80\x9C"
                            "trample on our country.\xE2\x80\x9D");
    CHECK(s1 >= 0);
    /* the three-sentence quote: the 2nd and 3rd start inside it */
    long q = find_sent(&d, "\xE2\x80\x9CLet\xE2\x80\x99s sit down at the negotiating table and end this fight.");
    REQUIRE(q >= 0);
    CHECK_INT(d.sent[q].quote_depth, 0);
    CHECK_STR(sent(&d, (uint32_t)q + 1), "Neither the Ukrainians, the Russians, nor the Belarusians need it.");
    CHECK_INT(d.sent[q + 1].quote_depth, 1);
    CHECK_STR(sent(&d, (uint32_t)q + 2), "They (the West) need it,\xE2\x80\x9D he said.");
    CHECK_INT(d.sent[q + 2].quote_depth, 1);
    CHECK_INT(d.sent[q + 3].quote_depth, 0);
    long w = find_sent(&d, "\xE2\x80\x9CWe don\xE2\x80\x99t want an escalation, we don\xE2\x80\x99t want a war with all of NATO.");
    REQUIRE(w >= 0);
    CHECK_STR(sent(&d, (uint32_t)w + 1), "We don\xE2\x80\x99t want that,\xE2\x80\x9D he said.");
    CHECK_INT(d.sent[w + 1].quote_depth, 1);
    /* no sentence other than those continues a quotation */
    uint32_t inside = 0;
    for (uint32_t k = 0; k < d.nsent; k++) inside += d.sent[k].quote_depth;
    CHECK_INT(inside, 3);
    /* tokens the coder relies on */
    long r = find_tok(&d, "RUSSIA", 0);
    while (r >= 0 && strcmp(txt_norm(&d, (uint32_t)r + 1), "'S")) r = find_tok(&d, "RUSSIA", (uint32_t)r + 1);
    REQUIRE(r >= 0);
    CHECK(d.tok[r + 1].flags & TXT_POSS);
    long b = find_tok(&d, "BELARUS", 0);
    while (b >= 0 && strcmp(txt_norm(&d, (uint32_t)b + 1), "'")) b = find_tok(&d, "BELARUS", (uint32_t)b + 1);
    REQUIRE(b >= 0);
    CHECK(d.tok[b + 1].flags & TXT_POSS);
    CHECK_STR(txt_norm(&d, (uint32_t)b + 2), "BORDERS");
    long fs = find_tok(&d, "FULL", 0);
    REQUIRE(fs >= 0);
    CHECK_STR(txt_norm(&d, (uint32_t)fs + 1), "SCALE");
    CHECK(find_tok(&d, "DON'T", 0) >= 0);
    long sa = find_tok(&d, "SENIOR", 0);
    REQUIRE(sa > 0);
    CHECK(d.tok[sa - 1].flags & TXT_OPEN_Q);
    CHECK(d.tok[sa + 3].flags & TXT_CLOSE_Q);
    free(raw);
    arena_free(&a);
}

TEST(text_many_short_sentences)
{
    /* more sentences than the first guess of the sentence array holds */
    static char s[4000];
    size_t n = 0;
    for (int k = 0; k < 300; k++) n += (size_t)snprintf(s + n, sizeof s - n, "Stop. ");
    arena a;
    txt_doc d;
    analyse(&a, s, &d);
    CHECK_INT(d.ntok, 600);
    CHECK_INT(d.nsent, 300);
    CHECK_STR(sent(&d, 299), "Stop.");
    check_invariants(&d);
    arena_free(&a);
}
