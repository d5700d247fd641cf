/* export.c: GDELT 2.0 events and mentions, PLOVER JSON Lines, CSV (see export.h). */
#include "store/export.h"
#include "output/output.h"
#include "util/buf.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Our own list of the GDELT 2.0 event table's columns, in file order
 * (after the GDELT 2.0 codebook's field list). */
const char *const exp_gdelt_columns[] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL", NULL,
};

const char *const exp_gdelt_mention_columns[] = {
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras", NULL,
};

static const char *const format_names[EXP_NFORMATS] = {"gdelt", "mentions", "plover", "csv"};

const char *exp_format_name(exp_format f) { return f < EXP_NFORMATS ? format_names[f] : "?"; }

exp_format exp_format_parse(const char *name)
{
    for (int i = 0; i < EXP_NFORMATS; i++)
        if (!strcmp(name, format_names[i])) return (exp_format)i;
    return EXP_NFORMATS;
}

static int fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

/* ---- actor codes ---- */

/* Three-letter pieces of CAMEO actor codes, by kind (CAMEO manual 1.1b3,
 * chapter 3): states (ISO 3166-1 alpha-3 from Debian's iso-codes, plus
 * CAMEO's Kosovo), regions, religions, and role/type and generic
 * international codes. A piece in none of them is a known group's code. */
static const char countries[] =
    "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR "
    "BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG "
    "COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH "
    "FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY "
    "HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM "
    "KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL "
    "MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR "
    "NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU "
    "SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA "
    "TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB "
    "VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE KSV "
    /* regions */
    "AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF WAF WST ";
static const char religions[] =
    "ATH BAH BUD CHR CON HIN JAN JEW MOS SIK TAO ZRO DRZ ITH SHN SHI SUN CTH ORT PRO ALE MRM ";
static const char types[] =
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL REF LAB LEG HLH AGR ELI ENV HRI MOD RAD UAF "
    "INS SEP IGO NGO NGM MNC IMG INT UIS ";

/* Is the 3-letter piece p one of the words of list? */
static int in_list(const char *list, const char *p)
{
    for (const char *l = list; *l; l += 4)
        if (!memcmp(l, p, 3)) return 1;
    return 0;
}

void exp_actor_parts(const char *code, exp_actor *out)
{
    memset(out, 0, sizeof *out);
    size_t n = strlen(code);
    if (n < 3 || !strcmp(code, "---")) return;
    int nrel = 0, ntype = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        const char *p = code + i;
        char *slot = NULL;
        if (!out->country[0] && in_list(countries, p)) slot = out->country;
        else if (in_list(types, p)) slot = ntype < 3 ? out->type[ntype++] : NULL;
        else if (in_list(religions, p)) slot = nrel < 2 ? out->religion[nrel++] : NULL;
        else if (!out->group[0] && !in_list(countries, p)) slot = out->group;
        if (slot) memcpy(slot, p, 3);
    }
}

/* ---- fields ---- */

static void tsv_text(buf *b, sqlite3_stmt *st, int col)
{
    const char *s = (const char *)sqlite3_column_text(st, col);
    if (s) buf_tsv_field(b, s, (size_t)sqlite3_column_bytes(st, col));
}

static void tsv_int(buf *b, sqlite3_stmt *st, int col)
{
    if (sqlite3_column_type(st, col) != SQLITE_NULL) buf_printf(b, "%lld", (long long)sqlite3_column_int64(st, col));
}

/* Unix time as GDELT's YYYYMMDDHHMMSS (UTC); nothing for none. */
static void tsv_stamp(buf *b, sqlite3_stmt *st, int col)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL) return;
    time_t t = (time_t)sqlite3_column_int64(st, col);
    struct tm tm;
    if (!gmtime_r(&t, &tm)) return;
    buf_printf(b, "%04d%02d%02d%02d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
               tm.tm_min, tm.tm_sec);
}

/* The actor columns of one side: code, name (upper-cased), country,
 * known group, ethnic (never), religion 1-2, type 1-3. */
static void tsv_actor(buf *b, sqlite3_stmt *st, int code_col, int name_col)
{
    const char *code = (const char *)sqlite3_column_text(st, code_col);
    if (!code || !strcmp(code, "---")) {
        buf_adds(b, "\t\t\t\t\t\t\t\t\t\t");
        return;
    }
    exp_actor p;
    exp_actor_parts(code, &p);
    buf_tsv_field(b, code, strlen(code));
    buf_addc(b, '\t');
    size_t at = b->len;
    tsv_text(b, st, name_col);
    for (size_t i = at; i < b->len; i++)
        if (b->data[i] >= 'a' && b->data[i] <= 'z') b->data[i] = (char)(b->data[i] - 'a' + 'A');
    buf_printf(b, "\t%s\t%s\t\t%s\t%s\t%s\t%s\t%s\t", p.country, p.group, p.religion[0], p.religion[1],
               p.type[0], p.type[1], p.type[2]);
}

/* ---- GDELT events ---- */

static const char gdelt_select[] =
    "SELECT g.id, g.date, g.source, g.target, g.code, g.root, g.quad, g.goldstein, g.num_mentions,"
    " g.num_sources, g.num_articles, e.source_text, e.target_text, e.sentence, a.added, a.url, a.id,"
    " p.name, p.country, p.lat, p.lon, p.type, p.adm1"
    " FROM event_groups g LEFT JOIN events e ON e.rowid = g.first_event"
    " LEFT JOIN articles a ON a.rowid = e.article"
    " LEFT JOIN places p ON p.rowid = (SELECT rowid FROM places WHERE event = g.first_event LIMIT 1)";

static void gdelt_row(buf *b, sqlite3_stmt *st)
{
    int date = sqlite3_column_int(st, 1);
    int y = date / 10000, m = date / 100 % 100, d = date % 100;
    buf_printf(b, "%lld\t%d\t%d\t%d\t%.4f\t", (long long)sqlite3_column_int64(st, 0), date, date / 100, y,
               y + (m * 30 + d) / 365.0);
    tsv_actor(b, st, 2, 11);
    tsv_actor(b, st, 3, 12);
    /* IsRootEvent, EventCode, EventBaseCode, EventRootCode */
    const char *code = (const char *)sqlite3_column_text(st, 4);
    size_t cn = code ? strlen(code) : 0;
    buf_printf(b, "%d\t", sqlite3_column_type(st, 13) != SQLITE_NULL && sqlite3_column_int(st, 13) == 0);
    tsv_text(b, st, 4);
    buf_addc(b, '\t');
    if (cn) buf_add(b, code, cn > 3 ? 3 : cn);
    buf_addc(b, '\t');
    if (sqlite3_column_type(st, 5) != SQLITE_NULL) tsv_text(b, st, 5);
    else if (cn) buf_add(b, code, cn > 2 ? 2 : cn);
    buf_addc(b, '\t');
    tsv_int(b, st, 6);
    buf_addc(b, '\t');
    if (sqlite3_column_type(st, 7) != SQLITE_NULL) buf_printf(b, "%.1f", sqlite3_column_double(st, 7));
    buf_addc(b, '\t');
    for (int c = 8; c <= 10; c++) { tsv_int(b, st, c); buf_addc(b, '\t'); }
    buf_addc(b, '\t');                   /* AvgTone: no tone */
    buf_adds(b, "\t\t\t\t\t\t\t\t");     /* Actor1Geo_* */
    buf_adds(b, "\t\t\t\t\t\t\t\t");     /* Actor2Geo_* */
    if (sqlite3_column_type(st, 17) != SQLITE_NULL) {
        /* dyad's place types are GDELT's (1 country ... 5 world state) */
        tsv_int(b, st, 21);
        buf_addc(b, '\t');
        tsv_text(b, st, 17);
        buf_addc(b, '\t');
        tsv_text(b, st, 18);
        buf_addc(b, '\t');
        tsv_text(b, st, 22);
        buf_adds(b, "\t\t");
        for (int c = 19; c <= 20; c++) {
            if (sqlite3_column_type(st, c) != SQLITE_NULL) buf_printf(b, "%.4f", sqlite3_column_double(st, c));
            buf_addc(b, '\t');
        }
        buf_addc(b, '\t');
    } else buf_adds(b, "\t\t\t\t\t\t\t\t");
    tsv_stamp(b, st, 14);
    buf_addc(b, '\t');
    if (sqlite3_column_bytes(st, 15)) tsv_text(b, st, 15);
    else tsv_text(b, st, 16);
    buf_addc(b, '\n');
}

/* ---- GDELT mentions ---- */

static const char mentions_select[] =
    "SELECT m.event_group, m.doc, m.outlet, m.url, m.added, m.sentence,"
    " json_extract(m.spans, '$.source[0]'), json_extract(m.spans, '$.source[1]'),"
    " json_extract(m.spans, '$.target[0]'), json_extract(m.spans, '$.target[1]'),"
    " json_extract(m.spans, '$.verb[0]'), json_extract(m.spans, '$.verb[1]'), m.doc_len,"
    " m.negated OR m.conditional OR m.future OR m.hedged,"
    " (SELECT a2.added FROM events e2 JOIN articles a2 ON a2.rowid = e2.article WHERE e2.rowid = g.first_event)"
    " FROM mentions m JOIN events e ON e.rowid = m.event JOIN event_groups g ON g.id = m.event_group";

/* A span's start, or -1 when the span is empty. */
static void tsv_offset(buf *b, sqlite3_stmt *st, int start_col)
{
    long long s = sqlite3_column_int64(st, start_col), e = sqlite3_column_int64(st, start_col + 1);
    buf_printf(b, "%lld\t", e > s ? s : -1);
}

/* The host of an http(s) URL, for a mention without an outlet name. */
static void url_host(buf *b, const char *url)
{
    const char *p = strstr(url, "://");
    if (!p) return;
    p += 3;
    size_t n = strcspn(p, "/:?#\t\r\n");
    buf_add(b, p, n);
}

static void mention_row(buf *b, sqlite3_stmt *st)
{
    const char *url = (const char *)sqlite3_column_text(st, 3);
    int web = url && (!strncmp(url, "http://", 7) || !strncmp(url, "https://", 8));
    tsv_int(b, st, 0);
    buf_addc(b, '\t');
    tsv_stamp(b, st, 14);
    buf_addc(b, '\t');
    tsv_stamp(b, st, 4);
    buf_printf(b, "\t%d\t", web ? 1 : 2);
    if (sqlite3_column_bytes(st, 2)) tsv_text(b, st, 2);
    else if (web) url_host(b, url);
    buf_addc(b, '\t');
    if (web) tsv_text(b, st, 3);
    else tsv_text(b, st, 1);
    buf_printf(b, "\t%d\t", sqlite3_column_int(st, 5) + 1);
    tsv_offset(b, st, 6);
    tsv_offset(b, st, 8);
    tsv_offset(b, st, 10);
    buf_printf(b, "1\t%d\t", sqlite3_column_int(st, 13) ? 50 : 100);
    tsv_int(b, st, 12);
    buf_adds(b, "\t\t\t\n");
}

/* ---- PLOVER ---- */

static const char plover_select[] =
    "SELECT g.id, g.date, g.source, g.target, g.code, g.plover, g.quad, g.goldstein, g.negated,"
    " g.conditional, g.future, g.hedged, g.num_mentions, g.num_sources, g.num_articles,"
    " e.source_text, e.target_text, e.verb_text, a.url, a.title, a.source"
    " FROM event_groups g LEFT JOIN events e ON e.rowid = g.first_event"
    " LEFT JOIN articles a ON a.rowid = e.article";

static void json_col(buf *b, sqlite3_stmt *st, int col)
{
    const char *s = (const char *)sqlite3_column_text(st, col);
    out_json_text(b, s ? s : "", s ? (size_t)sqlite3_column_bytes(st, col) : 0);
}

/* [{"code":..., "entity_text":...}], or [] for no actor. */
static void plover_entity(buf *b, sqlite3_stmt *st, int code_col, int text_col)
{
    const char *code = (const char *)sqlite3_column_text(st, code_col);
    if (!code || !strcmp(code, "---")) { buf_adds(b, "[]"); return; }
    buf_adds(b, "[{\"code\":");
    json_col(b, st, code_col);
    buf_adds(b, ",\"entity_text\":");
    json_col(b, st, text_col);
    buf_adds(b, "}]");
}

static void plover_row(buf *b, sqlite3_stmt *st)
{
    int date = sqlite3_column_int(st, 1);
    buf_printf(b, "{\"id\":\"dyad-%lld\",\"date\":", (long long)sqlite3_column_int64(st, 0));
    if (date) buf_printf(b, "\"%04d-%02d-%02d\"", date / 10000, date / 100 % 100, date % 100);
    else buf_adds(b, "null");
    buf_adds(b, ",\"actor\":");
    plover_entity(b, st, 2, 15);
    buf_adds(b, ",\"recipient\":");
    plover_entity(b, st, 3, 16);
    buf_adds(b, ",\"event\":[");
    if (sqlite3_column_type(st, 5) != SQLITE_NULL) json_col(b, st, 5);
    buf_adds(b, "],\"quad_code\":");
    if (sqlite3_column_type(st, 6) != SQLITE_NULL) buf_printf(b, "%d", sqlite3_column_int(st, 6));
    else buf_adds(b, "null");
    /* PLOVER puts its auxiliary modes in the context */
    static const char *const aux[] = {"negation", "hypothetical", "future", "hedged"};
    static const int aux_col[] = {8, 9, 10, 11};
    buf_adds(b, ",\"mode\":[],\"context\":[");
    int first = 1;
    for (int i = 0; i < 4; i++)
        if (sqlite3_column_int(st, aux_col[i])) { buf_printf(b, "%s\"%s\"", first ? "" : ",", aux[i]); first = 0; }
    buf_adds(b, "],\"event_text\":[");
    json_col(b, st, 17);
    buf_adds(b, "],\"cite_info\":{\"url\":");
    json_col(b, st, 18);
    buf_adds(b, ",\"title\":");
    json_col(b, st, 19);
    buf_adds(b, ",\"publication\":");
    json_col(b, st, 20);
    buf_adds(b, ",\"coder\":\"dyad " DYAD_VERSION "\",\"codebook\":\"CAMEO 1.1b3 with PLOVER types\"},"
                "\"coder\":\"dyad " DYAD_VERSION "\",\"cameo\":");
    json_col(b, st, 4);
    buf_adds(b, ",\"goldstein\":");
    if (sqlite3_column_type(st, 7) != SQLITE_NULL) buf_printf(b, "%.1f", sqlite3_column_double(st, 7));
    else buf_adds(b, "null");
    buf_printf(b, ",\"num_mentions\":%d,\"num_sources\":%d,\"num_articles\":%d}\n", sqlite3_column_int(st, 12),
               sqlite3_column_int(st, 13), sqlite3_column_int(st, 14));
}

/* ---- driver ---- */

static void header_line(buf *b, const char *const *cols)
{
    for (int i = 0; cols[i]; i++) buf_printf(b, "%s%s", i ? "\t" : "", cols[i]);
    buf_addc(b, '\n');
}

long exp_write(sqlite3 *db, const qry_filter *f, const exp_options *o, FILE *out, char *err, size_t errlen)
{
    qry_sink sink = {.f = out};
    buf_init(&sink.b);
    if (o->format == EXP_CSV) {
        qry_filter all = *f;
        all.limit = 0;
        all.offset = 0;
        long n = qry_run(db, QRY_EVENTS, &all, QRY_CSV, &sink, err, errlen);
        if (qry_flush(&sink) && n >= 0) n = fail(err, errlen, "writing the output failed");
        buf_free(&sink.b);
        return n;
    }
    const char *select = o->format == EXP_GDELT ? gdelt_select : o->format == EXP_MENTIONS ? mentions_select
                                                                                        : plover_select;
    const char *tail;
    if (o->format == EXP_GDELT) tail = o->all ? " AND g.date > 0 ORDER BY g.id" : " AND g.date > 0 AND g.negated = 0 ORDER BY g.id";
    else if (o->format == EXP_MENTIONS) tail = o->all ? " ORDER BY m.event_group, m.event, m.copy"
                                                      : " AND e.negated = 0 ORDER BY m.event_group, m.event, m.copy";
    else tail = " ORDER BY g.id";
    sqlite3_stmt *st = qry_prepare_custom(db, o->format != EXP_MENTIONS, select, f, tail, err, errlen);
    if (!st) {
        buf_free(&sink.b);
        return -1;
    }
    if (o->header && o->format == EXP_GDELT) header_line(&sink.b, exp_gdelt_columns);
    if (o->header && o->format == EXP_MENTIONS) header_line(&sink.b, exp_gdelt_mention_columns);
    long n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (o->format == EXP_GDELT) gdelt_row(&sink.b, st);
        else if (o->format == EXP_MENTIONS) mention_row(&sink.b, st);
        else plover_row(&sink.b, st);
        n++;
        if (sink.b.len > (64u << 10) && qry_flush(&sink)) break;
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) n = fail(err, errlen, "%s", sqlite3_errmsg(db));
    else if (qry_flush(&sink)) n = fail(err, errlen, "writing the output failed");
    sqlite3_finalize(st);
    buf_free(&sink.b);
    return n;
}
