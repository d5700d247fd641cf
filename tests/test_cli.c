/* test_cli.c: the dyad command as a user runs it. */
#include "test.h"
#include <stdlib.h>
#include <string.h>

static char *run(const char *args, int *status)
{
    size_t n = strlen(test_dyad_bin()) + strlen(args) + 2;
    char *cmd = malloc(n);
    snprintf(cmd, n, "%s %s", test_dyad_bin(), args);
    char *out = test_run(cmd, status);
    free(cmd);
    return out;
}

TEST(cli_help_and_usage_errors)
{
    int st;
    char *out = run("--help", &st);
    CHECK_INT(st, 0);
    CHECK(out && strstr(out, "usage: dyad COMMAND"));
    free(out);
    out = run("code --help", &st);
    CHECK_INT(st, 0);
    CHECK(out && strstr(out, "--date"));
    free(out);
    out = run("frobnicate 2>&1", &st);
    CHECK_INT(st, 2);
    CHECK(out && strstr(out, "unknown command"));
    free(out);
    out = run("code --date 2024-13-45 x.txt 2>&1", &st);
    CHECK_INT(st, 2);
    free(out);
}

static const char toy_actors[] = "ARNOR [ARN]\nGONDOR [GON]\n";
static const char toy_verbs[] = "ATTACK [190]\n";

/* "--no-default-dict --dict A --dict V" for the toy dictionaries, in a static buffer. */
static const char *toy_dict_args(void)
{
    static char args[1024];
    const char *a = test_tmp_file("cli.actors", toy_actors, sizeof toy_actors - 1);
    const char *v = test_tmp_file("cli.verbs", toy_verbs, sizeof toy_verbs - 1);
    snprintf(args, sizeof args, "--no-default-dict --dict %s --dict %s", a, v);
    return args;
}

/* Code article text into a fresh database and run sqlite3 `sql` on it. */
static char *code_into_db(const char *name, const char *text, const char *sql, int *status)
{
    const char *f = test_tmp_file(name, text, strlen(text));
    char db[512];
    snprintf(db, sizeof db, "%.500s.db", f);
    remove(db);
    char args[8192];
    snprintf(args, sizeof args,
             "code --quiet %s --date 2024-08-16 --db %s %s > /dev/null && "
             "%s code --quiet %s --date 2024-08-16 --db %s %s > /dev/null && sqlite3 %s \"%s\"",
             toy_dict_args(), db, f, test_dyad_bin(), toy_dict_args(), db, f, db, sql);
    char *out = run(args, status);
    remove(db);
    return out;
}

TEST(cli_bad_jsonl_line_is_reported_and_the_rest_coded)
{
    static const char feed[] =
        "{\"id\":\"one\",\"date\":\"2024-08-16\",\"text\":\"Arnor attacked Gondor on Friday.\"}\n"
        "{\"id\":\"two\",\"text\":\"broken \n"
        "{\"id\":\"three\",\"date\":\"2024-08-17\",\"text\":\"Gondor attacked Arnor.\"}\n";
    const char *f = test_tmp_file("cli-feed.jsonl", feed, sizeof feed - 1);
    char args[2048];
    snprintf(args, sizeof args, "code %s %s 2>&1", toy_dict_args(), f);
    int st;
    char *out = run(args, &st);
    REQUIRE(out);
    CHECK_INT(st, 1);
    CHECK(strstr(out, "cli-feed.jsonl:2:") != NULL);           /* the bad line, by file and line */
    CHECK(strstr(out, "\"doc\":\"one\"") != NULL);              /* before it: coded */
    CHECK(strstr(out, "\"doc\":\"three\"") != NULL);            /* after it: coded */
    CHECK(strstr(out, "\"source\":\"GON\"") != NULL);
    CHECK(strstr(out, "\"date\":\"2024-08-17\"") != NULL);
    free(out);
}

TEST(cli_tsv_output_and_stdin)
{
    char args[4096];
    snprintf(args, sizeof args,
             "code --quiet %s --out tsv --date 2024-08-16 - < /dev/null; "
             "echo 'Arnor attacked Gondor.' | %s code --quiet %s --out tsv --format text --date 2024-08-16 -",
             toy_dict_args(), test_dyad_bin(), toy_dict_args());
    int st;
    char *out = run(args, &st);
    REQUIRE(out);
    CHECK_INT(st, 0);
    CHECK(strstr(out, "20240816\tARN\tGON\t190\t") != NULL);
    free(out);
}

TEST(cli_database_written_and_not_duplicated)
{
    int st;
    /* Coded twice into the same database: stored once. */
    char *out = code_into_db("cli3-article.txt", "Arnor attacked Gondor on Friday.\n",
                             "SELECT count(*) FROM articles; SELECT source, target, code FROM events;", &st);
    REQUIRE(out);
    CHECK_INT(st, 0);
    CHECK(strncmp(out, "1\n", 2) == 0);
    CHECK(strstr(out, "ARN|GON|190") != NULL);
    free(out);
}

TEST(cli_eval_tabari_last_line)
{
    const char *dir = test_shared_path("peers/tabari-validation");
    if (!dir) SKIP("../shared/peers/tabari-validation absent");
    char args[1024];
    snprintf(args, sizeof args, "eval tabari %s | tail -1", dir);
    int st;
    char *out = run(args, &st);
    REQUIRE(out);
    CHECK(strncmp(out, "F1 0.", 5) == 0);
    CHECK(strstr(out, "precision") && strstr(out, "(TP "));
    free(out);
}

TEST(cli_dict_check_names_file_and_line)
{
    static const char bad[] = "ARNOR [ARN]\nGONDOR [GON\n";
    const char *f = test_tmp_file("bad.actors", bad, sizeof bad - 1);
    char args[1024];
    snprintf(args, sizeof args, "dict check %s 2>&1", f);
    int st;
    char *out = run(args, &st);
    REQUIRE(out);
    CHECK_INT(st, 1);
    CHECK(strstr(out, "bad.actors:2:") != NULL);
    free(out);
}

TEST(cli_database_keeps_noise_and_byline_as_metadata)
{
    int st;
    char *out = code_into_db("cli4-article.txt", "By Jane Roe\n[ad_1]\nArnor attacked Gondor on Friday.\nSource link\n",
                             "SELECT kind || '=' || text FROM noise ORDER BY start; SELECT byline FROM articles;"
                             " SELECT count(*) FROM events;", &st);
    REQUIRE(out);
    CHECK_INT(st, 0);
    CHECK(strstr(out, "shortcode=[ad_1]") != NULL);
    CHECK(strstr(out, "footer=Source link") != NULL);
    CHECK(strstr(out, "\nJane Roe\n") != NULL);
    CHECK(strstr(out, "\n1\n") != NULL); /* the one real event, nothing from the noise */
    free(out);
}

/* Every record of the result (quotations, places, dates, entities), not
 * only the events, survives the threaded pipeline unchanged. */
TEST(cli_articles_same_with_threads)
{
    test_tmp_file("articles-0.jsonl", "", 0); /* makes build/test-tmp */
    char args[2048];
    snprintf(args, sizeof args,
             "code --quiet --articles --threads 1 --date 2024-08-16 examples/*.txt examples/*.jsonl examples/*.jsonl"
             " > build/test-tmp/articles-1.jsonl && %s code --quiet --articles --threads 3 --date 2024-08-16"
             " examples/*.txt examples/*.jsonl examples/*.jsonl > build/test-tmp/articles-3.jsonl &&"
             " cmp build/test-tmp/articles-1.jsonl build/test-tmp/articles-3.jsonl && grep -c quotations"
             " build/test-tmp/articles-3.jsonl",
             test_dyad_bin());
    int st;
    char *out = run(args, &st);
    REQUIRE(out);
    CHECK_INT(st, 0);
    CHECK(atoi(out) >= 8);
    free(out);
}

/* --events-only codes the same events, without names, places, quotations
 * and amounts around them. */
TEST(cli_events_only_same_events)
{
    int st;
    char *all = run("code --quiet --out tsv --date 2024-08-16 examples/*.txt", &st);
    REQUIRE(all);
    CHECK_INT(st, 0);
    char *only = run("code --quiet --out tsv --events-only --date 2024-08-16 examples/*.txt", &st);
    REQUIRE(only);
    CHECK_INT(st, 0);
    CHECK(strlen(all) > 100);
    CHECK_STR(only, all);
    free(all);
    free(only);
    char *art = run("code --quiet --articles --events-only --date 2024-08-16 examples/*.txt", &st);
    REQUIRE(art);
    CHECK(strstr(art, "\"events\":[{") != NULL);
    CHECK(strstr(art, "\"quotations\":[{") == NULL);
    CHECK(strstr(art, "\"persons\":[{") == NULL);
    free(art);
    art = run("code --quiet --articles --date 2024-08-16 examples/*.txt", &st);
    REQUIRE(art);
    CHECK(strstr(art, "\"quotations\":[{") != NULL);
    free(art);
}
