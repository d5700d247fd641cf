/* main.c: test runner. Usage: dyad-tests [substring] runs the tests whose
 * name contains substring (all by default). */
#include "test.h"
#include <stdlib.h>
#include <sys/stat.h>

static test_case *all;
static int cur_failed, cur_skipped;
static const char *cur_name;

void test_register(test_case *t) { t->next = all; all = t; }

void test_fail(const char *file, int line, const char *expr)
{
    printf("FAIL %s (%s:%d): %s\n", cur_name, file, line, expr);
    cur_failed = 1;
}

void test_skip(const char *why)
{
    printf("SKIP %s: %s\n", cur_name, why);
    cur_skipped = 1;
}

int test_failed_now(void) { return cur_failed; }

const char *test_shared(void)
{
    const char *s = getenv("DYAD_SHARED");
    if (!s) s = "../shared";
    struct stat st;
    return stat(s, &st) == 0 ? s : NULL;
}

const char *test_shared_path(const char *rel)
{
    static char path[4][1024];
    static int which;
    const char *s = test_shared();
    if (!s) return NULL;
    char *p = path[which++ & 3];
    snprintf(p, 1024, "%s/%s", s, rel);
    struct stat st;
    return stat(p, &st) == 0 ? p : NULL;
}

const char *test_dyad_bin(void)
{
    const char *s = getenv("DYAD");
    return s ? s : "build/dyad";
}

char *test_run(const char *cmd, int *status)
{
    FILE *f = popen(cmd, "r");
    if (!f) { *status = -1; return NULL; }
    size_t cap = 4096, len = 0;
    char *out = malloc(cap);
    size_t n;
    while ((n = fread(out + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) { cap *= 2; out = realloc(out, cap); }
    }
    out[len] = 0;
    int st = pclose(f);
    *status = (st >= 0 && (st & 0x7f) == 0) ? (st >> 8) & 0xff : -1;
    return out;
}

int main(int argc, char **argv)
{
    /* Registration pushes onto a list; reverse it to keep file order. */
    test_case *rev = NULL;
    while (all) { test_case *n = all->next; all->next = rev; rev = all; all = n; }
    int passed = 0, failed = 0, skipped = 0;
    for (test_case *t = rev; t; t = t->next) {
        if (argc > 1 && !strstr(t->name, argv[1])) continue;
        cur_name = t->name;
        cur_failed = cur_skipped = 0;
        t->fn();
        if (cur_failed) failed++;
        else if (cur_skipped) skipped++;
        else passed++;
        fflush(stdout);
    }
    printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed ? 1 : 0;
}
