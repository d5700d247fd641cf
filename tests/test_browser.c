/* test_browser.c: the dashboard in a real browser. Starts `dyad serve`
 * over the fixture store and has headless Chromium, driven over the
 * DevTools protocol by tests/browser.js (Node, no npm packages), load it,
 * apply a dyad filter through the form, check that the chart and table
 * changed, open an article, and save screenshots to build/dashboard.png
 * and build/article.png. Skipped, saying why, without chromium or node
 * (`sh scripts/setup.sh --test` installs them). */
#include "test.h"
#include <stdlib.h>
#include <sys/types.h>

const char *test_fixture_db(void);                                   /* test_query.c */
pid_t test_serve_start(const char *db, const char *extra, unsigned *port); /* test_serve.c */
int test_serve_stop(pid_t pid);

/* Is `prog` runnable (an absolute path, or found on PATH)? */
static int have(const char *prog)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1 && echo yes", prog);
    int st;
    char *out = test_run(cmd, &st);
    int yes = out && !strncmp(out, "yes", 3);
    free(out);
    return yes;
}

TEST(browser_dashboard_filters_by_dyad_and_shows_evidence)
{
    const char *chrome = getenv("CHROMIUM") ? getenv("CHROMIUM") : "/usr/bin/chromium";
    if (!have(chrome)) SKIP("chromium not installed (apt-get install -y chromium, or sh scripts/setup.sh --test)");
    if (!have("node")) SKIP("node not installed (apt-get install -y nodejs)");
    const char *db = test_fixture_db();
    REQUIRE(db);
    unsigned port;
    pid_t pid = test_serve_start(db, "", &port);
    REQUIRE(pid);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "node tests/browser.js http://127.0.0.1:%u/ build/dashboard.png build/article.png 2>&1",
             port);
    int st;
    char *out = test_run(cmd, &st);
    test_serve_stop(pid);
    REQUIRE(out);
    if (st != 0) printf("  %s", out);
    CHECK_INT(st, 0);
    CHECK(strstr(out, "\"ok\":true") != NULL);
    free(out);
    FILE *f = fopen("build/dashboard.png", "rb");
    CHECK(f != NULL);
    if (f) fclose(f);
}
