"""Per-label P/R/F1 of newsie's NER models on CLUENER2020 dev (our test set), as markdown.

Usage (from the repository root, after models/ner/prepare.py)::

    .venv/bin/python models/ner/evaluate.py                     # both tables
    .venv/bin/python models/ner/evaluate.py --which cluener --cluener-model models/ner/training/cluener-out/model-best
    .venv/bin/python models/ner/evaluate.py --which news --news-model models/newsie-zh/entities [--ruler]

(a) the 10-label CLUENER model on ``training/cluener10-dev.spacy`` (gold = CLUENER's own labels);
(b) the shipped newsie-label model on ``training/news-dev.spacy`` (CLUENER dev mapped to newsie
    labels by prepare.py; its EVENT and FAC spans are rule-made, i.e. silver).

Scores are exact-span matches on character offsets (start, end, label), micro-averaged.
``--ruler`` adds newsie/data/zh/ner_patterns.jsonl as an entity ruler after the model
(``overwrite_ents`` true; ``--ruler-fill``: false) to measure the gazetteer's effect on the same set.
"""
from __future__ import annotations

import argparse
import collections
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def ents_of(doc):
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents}


def score(nlp, gold_docs):
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    texts = [d.text for d in gold_docs]
    t0, c0 = time.perf_counter(), time.process_time()
    preds = list(nlp.pipe(texts, batch_size=256))
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    for g, p in zip(gold_docs, preds):
        G, P = ents_of(g), ents_of(p)
        for x in G & P:
            tp[x[2]] += 1
        for x in P - G:
            fp[x[2]] += 1
        for x in G - P:
            fn[x[2]] += 1
    labels = sorted(set(tp) | set(fp) | set(fn), key=lambda l: -(tp[l] + fn[l]))
    rows = []
    for l in labels + ["ALL (micro)"]:
        if l == "ALL (micro)":
            a, b, c = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            a, b, c = tp[l], fp[l], fn[l]
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((l, p, r, f, a + c))
    chars = sum(len(t) for t in texts)
    return rows, (chars / secs, chars / cpu)


def table(title, rows, speed):
    out = [f"### {title}", "", "| label | P | R | F1 | gold |", "|---|---|---|---|---|"]
    for l, p, r, f, n in rows:
        b = "**" if l.startswith("ALL") else ""
        out.append(f"| {b}{l}{b} | {p:.3f} | {r:.3f} | {b}{f:.3f}{b} | {n} |")
    out.append("")
    out.append(f"Speed: {speed[0]:,.0f} chars/s wall, {speed[1]:,.0f} chars/s of CPU time "
               "(nlp.pipe, 1 thread; wall depends on the load from other processes).")
    return "\n".join(out)


def load_gold(path, nlp):
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--which", choices=["both", "cluener", "news"], default="both")
    ap.add_argument("--training", type=Path, default=HERE / "training")
    ap.add_argument("--cluener-model", type=Path, default=HERE / "training/cluener-out/model-best")
    ap.add_argument("--news-model", type=Path, default=ROOT / "models/newsie-zh/entities")
    ap.add_argument("--ruler", action="store_true", help="add the entity-ruler patterns (news model)")
    ap.add_argument("--ruler-fill", action="store_true",
                    help="with --ruler: overwrite_ents false (the ruler only fills gaps between model spans)")
    ap.add_argument("--patterns", type=Path, default=ROOT / "newsie/data/zh/ner_patterns.jsonl")
    a = ap.parse_args()
    if a.which in ("both", "cluener"):
        nlp = spacy.load(a.cluener_model)
        rows, speed = score(nlp, load_gold(a.training / "cluener10-dev.spacy", nlp))
        print(table(f"(a) 10-label CLUENER model `{a.cluener_model.name}` on CLUENER dev", rows, speed))
        print()
    if a.which in ("both", "news"):
        nlp = spacy.load(a.news_model)
        title = f"(b) newsie-label model `{a.news_model.name}` on mapped CLUENER dev"
        if a.ruler:
            ow = not a.ruler_fill
            ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": ow})
            ruler.from_disk(a.patterns)
            title += f" + entity ruler (overwrite_ents={ow})"
        rows, speed = score(nlp, load_gold(a.training / "news-dev.spacy", nlp))
        print(table(title, rows, speed))


if __name__ == "__main__":
    main()
