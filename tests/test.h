/* test.h: dyad's tiny test harness. TEST(name) { ... } registers a test;
 * CHECK(cond) records a failure and goes on; REQUIRE(cond) stops the test;
 * SKIP("why") skips it (say why: e.g. peer data absent). The runner prints
 * one line per failure and ends with "N passed, N failed, N skipped". */
#ifndef DYAD_TEST_H
#define DYAD_TEST_H
#include <stdio.h>
#include <string.h>

typedef struct test_case {
    const char *name;
    void (*fn)(void);
    struct test_case *next;
} test_case;

void test_register(test_case *t);
void test_fail(const char *file, int line, const char *expr);
void test_skip(const char *why);
int  test_failed_now(void);
/* Path of the peers' shared folder (DYAD_SHARED, else ../shared), or NULL when absent. */
const char *test_shared(void);
/* Path of a file under shared/, in a static buffer; NULL when absent. */
const char *test_shared_path(const char *rel);
/* Path of the dyad binary under test (DYAD env, else build/dyad). */
const char *test_dyad_bin(void);
/* Write data to a temp file under build/test-tmp (removed at exit); returns its path. */
const char *test_tmp_file(const char *name, const void *data, size_t n);
/* Run a shell command, capture stdout into a malloc'ed string; *status gets exit code. */
char *test_run(const char *cmd, int *status);

#define TEST(name) \
    static void test_##name(void); \
    static test_case tc_##name = {#name, test_##name, 0}; \
    __attribute__((constructor)) static void reg_##name(void) { test_register(&tc_##name); } \
    static void test_##name(void)

#define CHECK(c) do { if (!(c)) test_fail(__FILE__, __LINE__, #c); } while (0)
#define REQUIRE(c) do { if (!(c)) { test_fail(__FILE__, __LINE__, #c); return; } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
    if (!a_ || !b_ || strcmp(a_, b_)) { char m_[512]; \
        snprintf(m_, sizeof m_, "%s == %s (\"%s\" vs \"%s\")", #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
        test_fail(__FILE__, __LINE__, m_); } } while (0)
#define CHECK_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
    if (a_ != b_) { char m_[256]; snprintf(m_, sizeof m_, "%s == %s (%lld vs %lld)", #a, #b, a_, b_); \
        test_fail(__FILE__, __LINE__, m_); } } while (0)
#define SKIP(why) do { test_skip(why); return; } while (0)

#endif
