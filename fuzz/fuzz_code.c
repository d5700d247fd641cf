/* fuzz_code.c: libFuzzer target for the whole coding path (clean, text,
 * coder, modality) on arbitrary bytes, with a small fixed dictionary that
 * has actors, agents, compounds, patterns with $ + % ^ and special codes.
 * Every event's spans must lie inside its sentence and the text. */
#include "dyad.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static dyad_engine *engine;
static dyad_worker *worker;

static const char actors[] =
    "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nMINAS_TIRITH [GON]\nAL GORE [AGR]\nSOCCER [###]\n"
    "DENETHOR [GONGOV 900101-201231] [GON]\nG7 [USA/FRA/DEU]\n<NOUN>\nTALKS\n</NOUN>\n<ADJECTIVE>\nEVIL\n</ADJECTIVE>\n";
static const char agents[] = "TROOPS [~MIL]\nGOVERNMENT [~GOV]\nHUMAN_RIGHTS_GROUP [NGO~]\n";
static const char verbs[] =
    "<SYNSETS>\n&ARMS\n+TANKS\n+MISSILES\n</SYNSETS>\n"
    "ATTACK [190]\n- * BY_ACCIDENT [---]\n- + WAS * BY $ [193]\n- % * [190:190]\n"
    "SEND [150]\n{ SENT_ }\n- * &ARMS TO + [154]\n- * TROOPS TO ^ + [154]\nSAID [010?]\nMEET [036:036]\n"
    "FOOTBALL [###]\nCONSIDER [+++]\n";

static void write_file(const char *path, const char *s)
{
    FILE *f = fopen(path, "w");
    if (!f) abort();
    fputs(s, f);
    fclose(f);
}

static void setup(void)
{
    char a[64], g[64], v[64];
    snprintf(a, sizeof a, "/tmp/fuzz-code-%d.actors", (int)getpid());
    snprintf(g, sizeof g, "/tmp/fuzz-code-%d.agents", (int)getpid());
    snprintf(v, sizeof v, "/tmp/fuzz-code-%d.verbs", (int)getpid());
    write_file(a, actors);
    write_file(g, agents);
    write_file(v, verbs);
    engine = dyad_engine_new();
    dyad_engine_load(engine, a);
    dyad_engine_load(engine, g);
    dyad_engine_load(engine, v);
    dyad_engine_ready(engine);
    worker = dyad_worker_new(engine);
    remove(a);
    remove(g);
    remove(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine) setup();
    dyad_article a = {"fuzz", "", "", "", 20240816, (const char *)data, size, "fuzz", 0};
    dyad_result r;
    dyad_code(worker, &a, &r);
    if (r.len != size) abort();
    for (uint32_t i = 0; i < r.nevents; i++) {
        const dyad_event *e = &r.events[i];
        const dyad_span *sp[] = {&e->verb_span, &e->source_span, &e->target_span};
        for (int k = 0; k < 3; k++) {
            if (!sp[k]->end) continue;
            if (sp[k]->start > sp[k]->end || sp[k]->end > size) abort();
            if (sp[k]->start < e->sentence_span.start || sp[k]->end > e->sentence_span.end) abort();
        }
    }
    return 0;
}
