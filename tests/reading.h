/* reading.h: helpers the input-stage tests share (defined in test_input.c). */
#ifndef DYAD_TEST_READING_H
#define DYAD_TEST_READING_H
#include <stddef.h>
#include "input/input.h"
#include "util/buf.h"

/* Append one gzip member holding data[0..n) to b. */
void test_gzip_into(buf *b, const char *data, size_t n);
/* Read everything; articles' ids joined by ',' into ids, errors as
 * "line:msg|" into errs. Returns the number of articles. */
int test_drain(rd_reader *r, buf *ids, buf *errs);

#endif
