# dyad build. `make` builds build/dyad and build/libdyad.a; `make test` runs
# every test; `make check` runs them again under ASan+UBSan; `make bench`
# prints throughput and peak memory; `make fuzz` builds libFuzzer targets.

CC      ?= cc
PKGS    := sqlite3 libutf8proc jansson zlib libxml-2.0 libmicrohttpd
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
WARN    := -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
OPT     ?= -O2 -g
BUILD   ?= build
# dyad's own dictionaries are found under the checkout unless DYAD_DATA says otherwise.
DATADIR ?= $(CURDIR)/data
CFLAGS_ALL = $(WARN) $(OPT) $(EXTRA_CFLAGS) -Iinclude -Isrc $(PKG_CFLAGS) -DDYAD_DATADIR='"$(DATADIR)"' 
LDLIBS_ALL = $(PKG_LIBS) -lpthread -lm $(EXTRA_LDFLAGS)

LIB_SRC  := $(sort $(wildcard src/*/*.c))
LIB_SRC  := $(filter-out src/cli/%,$(LIB_SRC))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/*.c))
FUZZ_SRC := $(sort $(wildcard fuzz/*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)

.PHONY: all test check bench fuzz fuzz-run memcheck clean example
all: $(BUILD)/dyad

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	ar rcs $@ $^

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/dyad-tests: $(TEST_OBJ) $(BUILD)/libdyad.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

test: $(BUILD)/dyad $(BUILD)/dyad-tests
	DYAD=$(BUILD)/dyad $(BUILD)/dyad-tests

check:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined" \
	  EXTRA_LDFLAGS="-fsanitize=address,undefined" test

bench: $(BUILD)/dyad
	sh bench/run.sh $(BUILD)/dyad

FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build-fuzz/%)
fuzz: $(FUZZ_BIN)
build-fuzz/%: fuzz/%.c
	$(MAKE) BUILD=build-fuzz CC=clang OPT="-O1 -g" \
	  EXTRA_CFLAGS="-fsanitize=fuzzer-no-link,address,undefined" build-fuzz/libdyad.a
	clang $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude -Isrc $(PKG_CFLAGS) \
	  -o $@ $< build-fuzz/libdyad.a $(PKG_LIBS) -lpthread -lm

# Run every fuzz target for FUZZ_SECONDS (default 60) on a scratch corpus.
FUZZ_SECONDS ?= 60
fuzz-run: $(FUZZ_BIN)
	@for t in $(FUZZ_BIN); do mkdir -p build-fuzz/corpus/$$(basename $$t); \
	  echo "== $$t"; $$t -max_total_time=$(FUZZ_SECONDS) -max_len=8192 build-fuzz/corpus/$$(basename $$t) 2>&1 | tail -1 || exit 1; done

# The example run under valgrind: no leak, no invalid access.
memcheck: $(BUILD)/dyad
	valgrind --leak-check=full --error-exitcode=9 $(BUILD)/dyad code --quiet --date 2024-08-16 \
	  examples/*.txt examples/*.jsonl > /dev/null

example: $(BUILD)/dyad
	sh scripts/example.sh $(BUILD)/dyad

clean:
	rm -rf build build-asan build-fuzz

# The dashboard's files are compiled into the server (.incbin, src/serve/assets.c):
# rebuild that object when one changes, and tell it where they are.
SERVE_ASSETS := $(sort $(wildcard src/serve/assets/*))
$(BUILD)/src/serve/assets.o: $(SERVE_ASSETS)
$(BUILD)/src/serve/assets.o: CFLAGS_ALL += -DSRV_ASSETS='"$(CURDIR)/src/serve/assets"'

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
