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
"$DYAD" code --stats --quiet "$CORPUS" > /dev/null
P=$SHARED/peers/petrarch-dictionaries
if [ -d "$P" ]; then
    echo "== Phoenix dictionaries (PETRARCH-2), 1 thread"
    "$DYAD" code --stats --quiet --no-default-dict --dict "$P/Phoenix.Countries.actors.txt" \
        --dict "$P/Phoenix.International.actors.txt" --dict "$P/Phoenix.MilNonState.actors.txt" \
        --dict "$P/Phoenix.agents.txt" --dict "$P/Phoenix.discards.txt" --dict "$P/CAMEO.2.0.txt" \
        "$CORPUS" > /dev/null
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
