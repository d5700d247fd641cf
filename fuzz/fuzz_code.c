/* fuzz_code.c: libFuzzer target for the whole coding path (clean, text,
 * coder, modality) on arbitrary bytes, with a small fixed dictionary that
 * has actors, agents, compounds, patterns with $ + % ^ and special codes;
 * inputs with an odd first byte go to a second engine with PETRARCH-2
 * dictionaries and its coding ontology (verb chains, transformations,
 * passives, datelines). Every event's spans must lie inside its sentence
 * and the text. */
#include "dyad.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static dyad_engine *engine, *engine2;
static dyad_worker *worker, *worker2;

static const char actors[] =
    "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nMINAS_TIRITH [GON]\nAL GORE [AGR]\nSOCCER [###]\n"
    "DENETHOR [GONGOV 900101-201231] [GON]\nG7 [USA/FRA/DEU]\n<NOUN>\nTALKS\n</NOUN>\n<ADJECTIVE>\nEVIL\n</ADJECTIVE>\n";
static const char agents[] = "TROOPS [~MIL]\nGOVERNMENT [~GOV]\nHUMAN_RIGHTS_GROUP [NGO~]\n";
static const char verbs[] =
    "<SYNSETS>\n&ARMS\n+TANKS\n+MISSILES\n</SYNSETS>\n"
    "ATTACK [190]\n- * BY_ACCIDENT [---]\n- + WAS * BY $ [193]\n- % * [190:190]\n"
    "SEND [150]\n{ SENT_ }\n- * &ARMS TO + [154]\n- * TROOPS TO ^ + [154]\nSAID [010?]\nMEET [036:036]\n"
    "FOOTBALL [###]\nCONSIDER [+++]\n";

static const char petr_actors[] = "ARNOR_ [ARN]\nGONDOR_ [GON]\nMINAS_TIRITH_ [GONCAP]\nELESSAR_ [GONGOV]\n+KING_ELESSAR_\n";
static const char petr_agents[] = "SOLDIERS [~MIL]\nCHILDREN [~CVL]\nMAN [~PPL]\nCOUNCIL [~LEG]\n";
static const char petr_verbs[] =
    "--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n--- WANT [030] ---\nWANT\n--- ASK [020] ---\nASK\n"
    "--- GET [---] ---\nRECEIVE\n- * ASSURANCE [:030]\n--- AID [070] ---\nHELP\n- * SUPPORT [051]\n"
    "- * SUPPORT [060]\n--- FIGHT [190] ---\nATTACK\nKILL\n--- MEET [040] ---\nMEET {MEETS MET MEETING}\n"
    "- * TALKS [046:046]\n- * SUMMIT [042:043]\n"
    "~ a (a b ATTACK) SAY = a b 015\n~ a (b . ATTACK) SAY = a b 112\n~ a (a b Q) SAY = a b Q\n"
    "~ a (b . ATTACK) WANT = a b 021\n";
static const char ontology[] = "010:0x1000\n015:0x10a0\n020:0x2000\n021:0x2070\n023:0x2040\n030:0x3000\n"
                               "033:0x3040\n040:0xB000\n042:0xB002\n046:0xB010\n060:0x0070\n070:0x0040\n"
                               "112:0x70a0\n121:-0xFFFF+0x0070\n190:0x00A0\n";

static void write_file(const char *path, const char *s)
{
    FILE *f = fopen(path, "w");
    if (!f) abort();
    fputs(s, f);
    fclose(f);
}

/* An engine with the dictionaries given as (file suffix, text) pairs. */
static dyad_engine *engine_with(const char *const *files, int n)
{
    dyad_engine *e = dyad_engine_new();
    for (int i = 0; i < n; i++) {
        char path[96];
        snprintf(path, sizeof path, "/tmp/fuzz-code-%d-%s", (int)getpid(), files[2 * i]);
        write_file(path, files[2 * i + 1]);
        dyad_engine_load(e, path);
        remove(path);
    }
    dyad_engine_ready(e);
    return e;
}

static void setup(void)
{
    static const char *const tabari[] = {"toy.actors", actors, "toy.agents", agents, "toy.verbs", verbs};
    static const char *const petr2[] = {"toy.actors.txt", petr_actors, "toy.agents.txt", petr_agents,
                                        "toy.verbs.txt", petr_verbs, "toy.ontology.txt", ontology};
    engine = engine_with(tabari, 3);
    worker = dyad_worker_new(engine);
    engine2 = engine_with(petr2, 4);
    worker2 = dyad_worker_new(engine2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine) setup();
    dyad_article a = {"fuzz", "", "", "", 20240816, (const char *)data, size, "fuzz", 0};
    dyad_result r;
    dyad_code(size && (data[0] & 1) ? worker2 : worker, &a, &r);
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
