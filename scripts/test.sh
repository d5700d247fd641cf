#!/bin/sh
# Set up (install missing packages), build, and run every test: the plain
# suite, then the same suite under ASan+UBSan.
set -e
cd "$(dirname "$0")/.."
sh scripts/setup.sh --test
make -j"$(nproc)" test
make -j"$(nproc)" check
