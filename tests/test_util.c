/* test_util.c: arena, buf and strtab. */
#include "test.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/strtab.h"
#include "util/wordset.h"
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

TEST(arena_alignment_and_reset)
{
    arena a;
    arena_init(&a, 128);
    char *p = arena_alloc(&a, 3);
    char *q = arena_alloc(&a, 5);
    CHECK(((uintptr_t)p & 15) == 0);
    CHECK(((uintptr_t)q & 15) == 0);
    CHECK(q != p);
    char *big = arena_alloc(&a, 10000); /* larger than a chunk */
    big[9999] = 1;
    CHECK_STR(arena_strndup(&a, "hello world", 5), "hello");
    arena_reset(&a);
    CHECK_INT(a.used_total, 0);
    arena_free(&a);
}

TEST(buf_json_escapes)
{
    buf b;
    buf_init(&b);
    buf_json_str(&b, "a\"b\\c\nd\x01", 8);
    CHECK_STR(b.data, "\"a\\\"b\\\\c\\nd\\u0001\"");
    buf_clear(&b);
    buf_printf(&b, "%d-%s", 42, "x");
    CHECK_STR(b.data, "42-x");
    buf_free(&b);
}

TEST(strtab_interns_and_grows)
{
    strtab t;
    strtab_init(&t);
    uint32_t a = strtab_intern(&t, "ARNOR", 5);
    uint32_t b = strtab_intern(&t, "GONDOR", 6);
    CHECK(a != b);
    CHECK_INT(strtab_intern(&t, "ARNOR", 5), a);
    CHECK_INT(strtab_find(&t, "ARNO", 4), 0);
    char w[16];
    for (int i = 0; i < 5000; i++) { int n = snprintf(w, sizeof w, "W%d", i); strtab_intern(&t, w, (size_t)n); }
    CHECK_INT(strtab_find(&t, "W4999", 5), 5002);
    CHECK_STR(strtab_str(&t, b), "GONDOR");
    strtab_free(&t);
}

TEST(wordset_finds_positions)
{
    /* Enough words to make the table grow and probe. */
    static char store[200][8];
    const char *words[200];
    for (int i = 0; i < 200; i++) {
        snprintf(store[i], sizeof store[i], "W%d", i * 7);
        words[i] = store[i];
    }
    wordset s;
    ws_build(&s, words, 200);
    for (int i = 0; i < 200; i++) CHECK_INT(ws_find(&s, words[i]), i);
    CHECK_INT(ws_find(&s, "W1"), -1);
    CHECK_INT(ws_find(&s, ""), -1);
    CHECK(ws_has(&s, "W7") && !ws_has(&s, "W8"));
    free(s.slot);
    free(s.index);
}
