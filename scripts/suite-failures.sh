#!/bin/sh
# Print, as Markdown tables, every record of the peers' suites that dyad
# still codes wrongly: id | wanted events | what dyad coded [pattern].
# Used to refresh docs/suite-failures.md. Needs ../shared/peers.
set -e
cd "$(dirname "$0")/.."
DYAD=${DYAD:-build/dyad}
S=${DYAD_SHARED:-../shared}/peers
P=$S/petrarch-dictionaries
table() {
    echo "| record | wanted | dyad coded |"
    echo "|---|---|---|"
    grep -A2 '^--- ' | grep -v '^--$' | paste - - - |
        awk -F'\t' '{id=$1; sub(/^--- /,"",id); split(id,a,":"); w=$2; sub(/^  want: /,"",w);
                     g=$3; sub(/^  got: */,"",g); gsub(/\|/,"/",g); printf "| %s | %s | %s |\n", a[1], w, g}'
}
echo "### TABARI validation suite"
"$DYAD" eval tabari "$S/tabari-validation" -v 2>/dev/null | table
echo
echo "### PETRARCH unit tests"
"$DYAD" eval petrarch "$S/petrarch-validation/PETR.UnitTest.records.xml" -v 2>/dev/null | table
echo
echo "### PETRARCH-2 gold standard records (Phoenix dictionaries)"
"$DYAD" eval petrarch "$S/udpetrarch-validation/PETR2_GSR_validation.xml" --dict "$P/Phoenix.Countries.actors.txt" \
    --dict "$P/Phoenix.International.actors.txt" --dict "$P/Phoenix.MilNonState.actors.txt" \
    --dict "$P/Phoenix.agents.txt" --dict "$P/Phoenix.discards.txt" --dict "$P/CAMEO.2.0.txt" \
    --dict "$S/udpetrarch-validation/PETR.Internal.Coding.Ontology.txt" -v 2>/dev/null | table
