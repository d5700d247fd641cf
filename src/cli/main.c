/* main.c: the dyad command line (placeholder until the coder lands). */
#include "dyad.h"
#include <stdio.h>
int main(void) { puts("dyad " DYAD_VERSION); return 0; }
