#!/usr/bin/env python3
"""Build the benchmark corpus: real news text from the peers' data, as JSON
Lines, repeated until it reaches the wanted size (MB). Used by bench/run.sh
only; the corpus is written under build/ and never committed."""
import json, sys, os, re

peers, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
texts = []
gt = os.path.join(peers, "article-extraction/scrapinghub-aeb/ground-truth.json")
if os.path.exists(gt):
    for k, v in json.load(open(gt, encoding="utf-8")).items():
        if v.get("articleBody"):
            texts.append(v["articleBody"])
tsv = os.path.join(peers, "tabari-validation/tabari_validate_expected.tsv")
if os.path.exists(tsv):
    rows = [l.split("\t")[4].strip() for l in open(tsv, encoding="utf-8").read().splitlines()[1:] if l.count("\t") >= 4]
    texts.append("\n\n".join(rows))
meantime = os.path.join(peers, "timex/meantime-en")
for root, _, files in os.walk(meantime):
    for f in files:
        if f.endswith(".xml"):
            toks = re.findall(r"<token[^>]*>([^<]*)</token>", open(os.path.join(root, f), encoding="utf-8").read())
            if toks:
                texts.append(" ".join(toks).replace(" ,", ",").replace(" .", "."))
if not texts:
    sys.exit("make_corpus: no texts found under " + peers)
target = int(mb * 1e6)
n = 0
size = 0
with open(out, "w", encoding="utf-8") as f:
    while size < target:
        for t in texts:
            line = json.dumps({"id": "bench-%d" % n, "date": "2024-08-16", "text": t}) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
            if size >= target:
                break
print("make_corpus: %d articles, %.1f MB from %d distinct texts" % (n, size / 1e6, len(texts)))
