#!/bin/sh
# Set up (install missing packages), build, and code the project's own
# example articles with dyad's own dictionaries: events to stdout as JSON
# Lines, then everything (articles, sentences, events and their groups,
# actors, places, quotations, a full-text index) stored in the SQLite
# database out/example.db, ready for `dyad query` and `dyad serve`.
set -e
cd "$(dirname "$0")/.."
sh scripts/setup.sh
make -j"$(nproc)" build/dyad >/dev/null
mkdir -p out
rm -f out/example.db out/example.db-wal out/example.db-shm
./build/dyad code --date 2024-08-16 examples/*.txt examples/*.jsonl
./build/dyad ingest --quiet --date 2024-08-16 --db out/example.db examples/*.txt examples/*.jsonl
echo
echo "Stored in out/example.db (SQLite). Look inside with:"
echo "  sqlite3 out/example.db 'SELECT date, source, code, target, verb_text FROM events'"
echo "  ./build/dyad query --db out/example.db dyads"
echo "Serve it (dashboard and JSON API on this machine only), then open http://127.0.0.1:8080/ :"
echo "  ./build/dyad serve --db out/example.db"
