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
