#!/bin/sh
# make bench: throughput and peak memory of `dyad code` on a large corpus of
# real news text built from the peers' data (never committed), repeated to
# at least 100 MB. Figures go to stdout; nothing here is a pass/fail test.
set -e
DYAD=${1:-build/dyad}
SHARED=${DYAD_SHARED:-../shared}
OUT=build/bench
mkdir -p "$OUT"
if [ ! -d "$SHARED/peers" ]; then
    echo "bench: $SHARED/peers not found; set DYAD_SHARED to the shared folder" >&2
    exit 0
fi
CORPUS=$OUT/corpus.jsonl
if [ ! -s "$CORPUS" ]; then
    python3 bench/make_corpus.py "$SHARED/peers" "$CORPUS" 100
fi
ls -l "$CORPUS" | awk '{printf "corpus: %s (%.1f MB)\n", $NF, $5/1e6}'
echo "== dyad's own dictionaries, 1 thread"
"$DYAD" code --stats --quiet --threads 1 "$CORPUS" > /dev/null
P=$SHARED/peers/petrarch-dictionaries
if [ -d "$P" ]; then
    echo "== Phoenix dictionaries (PETRARCH-2), 1 thread"
    "$DYAD" code --stats --quiet --threads 1 --no-default-dict --dict "$P/Phoenix.Countries.actors.txt" \
        --dict "$P/Phoenix.International.actors.txt" --dict "$P/Phoenix.MilNonState.actors.txt" \
        --dict "$P/Phoenix.agents.txt" --dict "$P/Phoenix.discards.txt" --dict "$P/CAMEO.2.0.txt" \
        "$CORPUS" > /dev/null
fi
O=$SHARED/peers/udpetrarch-validation/PETR.Internal.Coding.Ontology.txt
if [ -d "$P" ] && [ -f "$O" ]; then
    echo "== Phoenix dictionaries with PETRARCH-2's coding ontology (its verb chains), 1 thread"
    "$DYAD" code --stats --quiet --threads 1 --no-default-dict --dict "$P/Phoenix.Countries.actors.txt" \
        --dict "$P/Phoenix.International.actors.txt" --dict "$P/Phoenix.MilNonState.actors.txt" \
        --dict "$P/Phoenix.agents.txt" --dict "$P/Phoenix.discards.txt" --dict "$P/CAMEO.2.0.txt" \
        --dict "$O" "$CORPUS" > /dev/null
    echo "== the same, events only (what TABARI and PETRARCH-2 produce: no names, places, quotations), 1 thread"
    "$DYAD" code --stats --quiet --threads 1 --events-only --no-default-dict --dict "$P/Phoenix.Countries.actors.txt" \
        --dict "$P/Phoenix.International.actors.txt" --dict "$P/Phoenix.MilNonState.actors.txt" \
        --dict "$P/Phoenix.agents.txt" --dict "$P/Phoenix.discards.txt" --dict "$P/CAMEO.2.0.txt" \
        --dict "$O" "$CORPUS" 2>&1 > /dev/null | grep '^stats'
    echo "== the same, events only, all cores"
    "$DYAD" code --stats --quiet --events-only --no-default-dict --dict "$P/Phoenix.Countries.actors.txt" \
        --dict "$P/Phoenix.International.actors.txt" --dict "$P/Phoenix.MilNonState.actors.txt" \
        --dict "$P/Phoenix.agents.txt" --dict "$P/Phoenix.discards.txt" --dict "$P/CAMEO.2.0.txt" \
        --dict "$O" "$CORPUS" 2>&1 > /dev/null | grep '^stats'
fi
U=$SHARED/peers/petrarch-validation/PETR.UnitTest.records.xml
if [ -f "$U" ]; then
    echo "== PETRARCH unit tests with their dictionaries (load and coding time, one sentence a record)"
    "$DYAD" eval petrarch "$U" | tail -2 | head -1
fi
G=$SHARED/peers/udpetrarch-validation/PETR2_GSR_validation.xml
if [ -f "$G" ] && [ -d "$P" ]; then
    echo "== PETRARCH-2 gold records with Phoenix and the ontology (load and coding time)"
    "$DYAD" eval petrarch "$G" --dict "$P/Phoenix.Countries.actors.txt" \
        --dict "$P/Phoenix.International.actors.txt" --dict "$P/Phoenix.MilNonState.actors.txt" \
        --dict "$P/Phoenix.agents.txt" --dict "$P/Phoenix.discards.txt" --dict "$P/CAMEO.2.0.txt" \
        --dict "$O" | tail -2 | head -1
fi
T=$SHARED/peers/tabari-validation
if [ -d "$T" ]; then
    echo "== TABARI validation suite (465 records), coding time included"
    /usr/bin/env time -f "tabari eval: %e s, peak RSS %M KB" "$DYAD" eval tabari "$T" | tail -1 || \
        "$DYAD" eval tabari "$T" | tail -1
fi

# ---- web pages and crawls (issue 6) ----
# HTML pages and WARC crawls built here from the ScrapingHub benchmark
# pages (third-party pages: built at bench time, never committed), each
# page repeated under a new URL until the corpus has the size wanted.
AEB=$SHARED/peers/article-extraction/scrapinghub-aeb/html
if [ -d "$AEB" ]; then
    mkdir -p "$OUT/html"
    if [ ! -s "$OUT/crawl-1000.warc" ]; then
        python3 - "$AEB" "$OUT" <<'PY'
import glob, gzip, os, sys, uuid
src, out = sys.argv[1], sys.argv[2]
pages = [gzip.open(f).read() for f in sorted(glob.glob(src + "/*.html.gz"))]
for rep in range(3):                      # HTML: the pages three times (~95 MB)
    for i, p in enumerate(pages):
        open(f"{out}/html/p{rep}-{i}.html", "wb").write(p)
def record(i, page):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=i)}>\r\n"
            f"WARC-Target-URI: https://bench.example/{i}\r\nWARC-Date: 2019-11-20T00:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"
for mb in (100, 1000):
    with open(f"{out}/crawl-{mb}.warc", "wb") as f:
        n = i = 0
        while n < mb * 1000000:
            r = record(i, pages[i % len(pages)]); f.write(r); n += len(r); i += 1
with open(f"{out}/crawl-100.warc.gz", "wb") as f:   # one gzip member per record, as crawlers write
    n = i = 0
    while n < 100 * 1000000:
        r = record(i, pages[i % len(pages)]); f.write(gzip.compress(r, 6)); n += len(r); i += 1
PY
    fi
    du -sh "$OUT/html" | awk '{print "html corpus: " $1 " in 543 pages"}'
    for t in 1 2; do
        echo "== HTML pages -> events, $t thread(s)"
        "$DYAD" code --stats --quiet --threads $t "$OUT"/html/*.html 2>&1 > /dev/null | sed 's/^stats: //'
    done
    for f in crawl-100.warc crawl-100.warc.gz crawl-1000.warc; do
        for t in 1 2; do
            [ "$f" = crawl-1000.warc ] && [ $t = 1 ] && continue
            ls -l "$OUT/$f" | awk '{printf "== %s (%.0f MB)", $NF, $5/1e6}'
            echo ", $t thread(s)"
            "$DYAD" code --stats --quiet --threads $t "$OUT/$f" 2>&1 > /dev/null | sed 's/^stats: //'
        done
    done
    echo "(input MB/s = HTML or WARC bytes read per second; peak RSS should not grow from 100 MB to 1 GB)"
    echo "== extraction alone, one core (dyad eval extract)"
    "$DYAD" eval extract "$SHARED/peers/article-extraction/scrapinghub-aeb" | tail -2
    "$DYAD" eval extract "$SHARED/peers/article-extraction/trafilatura-eval-en" | tail -6
fi

# ==== the store and the server: dyad ingest, dyad serve under load ====
# A synthetic store of about one million events, built once (kept in
# build/bench/) from generated news lines coded with dyad's own dictionaries
# (the ingest rate is printed as it is built), then wrk against the JSON API
# on loopback for 10 s per mix: requests/s, p99 latency, errors. Needs wrk
# (sh scripts/setup.sh --test installs it).
echo "== store: ingest into a 1M-event store, then dyad serve under wrk"
NEWS=$OUT/news-1m.jsonl
STORE=$OUT/events-1m.db
if [ ! -s "$NEWS" ]; then
    python3 - "$NEWS" <<'PY'
import datetime, json, random, sys
# ~230,000 articles of four who-did-what-to-whom sentences each: about a
# million events with dyad's own dictionaries; every 20th line a syndicated
# copy of the one before (same text, another outlet).
random.seed(2024)
C = ["Russia", "Ukraine", "China", "the United States", "France", "Germany", "Iran", "Israel", "Turkey",
     "India", "Pakistan", "Japan", "Brazil", "Egypt", "Qatar", "Saudi Arabia", "Syria", "Iraq", "Poland",
     "Belarus", "North Korea", "South Korea", "Nigeria", "Kenya", "Mexico", "Canada", "Britain", "Italy",
     "Spain", "Ethiopia"]
V = ["attacked", "met", "criticized", "accused", "praised", "threatened", "signed an agreement with",
     "sent aid to", "condemned", "hosted talks with", "imposed sanctions on", "expelled diplomats from",
     "called on", "welcomed", "rejected the proposal of", "shelled", "invaded", "negotiated with", "thanked",
     "warned", "did not attack", "will meet"]
F = ["on Monday.", "on Tuesday, officials said.", "after weeks of tension.", "in a statement.",
     "according to state media.", "late on Friday.", "during a summit in the capital."]
outlets = ["Wire", "Post", "Herald", "Times", "Globe", "Courier", "Ledger", "Tribune"]
start = datetime.date(2023, 1, 1)
with open(sys.argv[1], "w") as out:
    text = ""
    for i in range(230000):
        day = start + datetime.timedelta(days=random.randrange(730))
        if i % 20 != 19:
            s = []
            for _ in range(4):
                a, b = random.sample(C, 2)
                s.append(f"{a} {random.choice(V)} {b} {random.choice(F)}")
            text = " ".join(s) + " Ministers from both sides were expected to meet again next week."
        out.write(json.dumps({"id": f"b{i}", "date": day.isoformat(), "source": random.choice(outlets),
                              "url": f"https://news.example/{i}", "title": text[:70], "text": text}) + "\n")
PY
fi
ls -l "$NEWS" | awk '{printf "news lines: %s (%.0f MB)\n", $NF, $5/1e6}'
if [ ! -s "$STORE" ]; then
    "$DYAD" ingest --stats --db "$STORE" "$NEWS" 2>&1 | sed 's/^/ingest: /'
fi
"$DYAD" query --db "$STORE" totals --format csv | tail -1 | \
    awk -F, '{printf "store: %s articles, %s copies, %s mentions, %s events\n", $1, $2, $3, $4}'
ls -l "$STORE" | awk '{printf "store size: %.0f MB\n", $5/1e6}'
if ! command -v wrk >/dev/null 2>&1; then
    echo "bench: wrk not installed (sh scripts/setup.sh --test); no load test" >&2
else
    "$DYAD" serve --db "$STORE" --port 0 --quiet > "$OUT/serve.url" 2>/dev/null &
    SERVE_PID=$!
    for i in $(seq 1 100); do [ -s "$OUT/serve.url" ] && break; sleep 0.1; done
    URL=$(head -1 "$OUT/serve.url")
    # dashboard: what the dashboard asks for, 4 in 5 times about one of a
    # dozen dyads in the news, else any of 900 (answers are remembered until
    # the store changes, so the news of the day is served from memory);
    # varied: a new filter every request (dyad, months, page), so every
    # answer is a query against the 1M-event store
    for mix in dashboard varied; do
        cat > "$OUT/wrk-$mix.lua" <<LUA
local C = {"USA","RUS","CHN","UKR","FRA","DEU","IRN","ISR","TUR","IND","PAK","JPN","BRA","EGY","QAT",
           "SAU","SYR","IRQ","POL","BLR","PRK","KOR","NGA","KEN","MEX","CAN","GBR","ITA","ESP","ETH"}
local P = {"series?by=week&", "events?limit=25&", "countries?", "dyads?limit=8&", "places?"}
local varied = "$mix" == "varied"
local n = 0
setup = function(thread) thread:set("seed", math.random(1, 1000000)) end
init = function() math.randomseed(seed or 1) end
request = function()
  n = n + 1
  local a, b = C[math.random(#C)], C[math.random(#C)]
  if not varied and math.random() < 0.8 then a, b = C[math.random(4)], C[math.random(3) + 1] end
  local q = "/api/" .. P[math.random(#P)] .. "factual=1&dyad=" .. a .. "," .. b
  if varied then
    local m = math.random(1, 12)
    q = q .. string.format("&from=%d-%02d-01&to=%d-%02d-28&offset=%d", 2023 + (n % 2), m, 2023 + (n % 2),
                           math.random(m, 12), math.random(0, 3))
  end
  return wrk.format("GET", q)
end
LUA
        echo "== wrk, 10 s, 1 thread, 8 connections, $mix mix (wrk shares the machine's cores)"
        wrk -t1 -c8 -d10s --latency -s "$OUT/wrk-$mix.lua" "$URL" > "$OUT/wrk-$mix.txt" 2>&1 || true
        awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} /^ +50%/ {p50=$2}
             /Non-2xx/ {bad=$NF} /Socket errors/ {sock=$0} /requests in/ {n=$1}
             END {printf "%s requests: %s requests/s, p50 %s, p99 %s, non-2xx %s%s\n", n, rps, p50, p99,
                  bad ? bad : 0, sock ? ", " sock : ", no socket errors"}' "$OUT/wrk-$mix.txt"
    done
    kill "$SERVE_PID"
    wait "$SERVE_PID" 2>/dev/null || true
fi
