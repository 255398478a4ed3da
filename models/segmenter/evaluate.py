"""SIGHAN-style word segmentation scores (precision/recall/F1 over word spans) for newsie's segmenter.

Usage (from the repository root)::

    .venv/bin/python models/segmenter/evaluate.py [--datasets ../shared/datasets]
        [--model models/newsie-zh/words] [--userdict newsie/data/zh/seg_userdict.txt] [--only NAME ...]

Test sets (none of them is used by models/segmenter/train.py):
  * PKU  — SIGHAN 2005 PKU test gold   (sighan2005/pku_test_gold.utf8, 1,944 lines)
  * MSR  — SIGHAN 2005 MSR test gold   (sighan2005/msr_test_gold.utf8, 3,985 lines)
  * NLPCC — NLPCC-2016 Weibo dev       (nlpcc2016_weibo_cws/nlpcc2016-wordseg-dev.dat, 2,052 lines)

Each gold line is joined without spaces, given to the segmenter, and the predicted words are
scored against the gold words as sets of (start, end) character spans, summed over the whole
file (as the bakeoff's ``score`` script does). Whitespace tokens are dropped.

Segmenters:
  * ``pkuseg-news (spaCy)`` — the shipped model inside spaCy's Chinese tokenizer
    (``nlp.tokenizer.initialize(pkuseg_model=...)``, user dict "default": spacy-pkuseg then
    merges adjacent words found in its bundled dictionary, as spaCy always does);
  * ``pkuseg-news + userdict (spaCy)`` — the same with newsie/data/zh/seg_userdict.txt;
  * ``pkuseg-news CRF only`` — spacy_pkuseg.pkuseg(model, user_dict=None): no dictionary merging;
  * ``jieba (precise)`` — jieba.lcut(text, cut_all=False, HMM=True);
  * ``spaCy char`` — spaCy's default Chinese tokenizer (one token per character).

Prints a markdown table (F1, then P/R) and writes the scores as JSON with ``--json FILE``.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def load_gold(path: Path):
    gold = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            words = line.split()
            if words:
                gold.append(words)
    return gold


def spans(words):
    out, i = set(), 0
    for w in words:
        out.add((i, i + len(w)))
        i += len(w)
    return out


def score(gold, pred):
    tp = ng = np_ = 0
    for g, p in zip(gold, pred, strict=True):
        if "".join(g) != "".join(p):
            raise ValueError(f"segmenter changed the text: {''.join(g)!r} -> {''.join(p)!r}")
        sg, sp = spans(g), spans(p)
        tp += len(sg & sp)
        ng += len(sg)
        np_ += len(sp)
    P, R = tp / np_, tp / ng
    return {"P": P, "R": R, "F1": 2 * P * R / (P + R)}


def spacy_cutter(model: Path | None, userdict: str | None):
    from spacy.lang.zh import Chinese

    if model is None:
        nlp = Chinese()  # default: segmenter = "char"
    else:
        nlp = Chinese.from_config({"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
        nlp.tokenizer.initialize(pkuseg_model=str(model), pkuseg_user_dict=userdict or "default")
    tok = nlp.tokenizer
    return lambda text: [t.text for t in tok(text) if not t.is_space]


def crf_only_cutter(model: Path):
    import spacy_pkuseg

    seg = spacy_pkuseg.pkuseg(model_name=str(model), user_dict=None)
    return lambda text: [w for w in seg.cut(text) if w.strip()]


def crf_userdict_cutter(model: Path, userdict: str):
    """newsie's `words` stage: the CRF with newsie's user dictionary, without pkuseg's default dictionary."""
    from spacy.vocab import Vocab

    from newsie.tokenizer import NewsieTokenizer

    seg = NewsieTokenizer(Vocab(), "pkuseg", str(model), userdict)
    return lambda text: [w for w in seg.words(text) if w.strip()]


def jieba_cutter():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return lambda text: [w for w in jieba.lcut(text, cut_all=False, HMM=True) if w.strip()]


def entity_boundaries(args):
    """Issue 4 item 6: which fraction of gold entity spans start and end on token boundaries."""
    from collections import Counter

    recs = [json.loads(l) for l in open(args.datasets / "cluener2020" / "dev.json", encoding="utf-8")]
    makers = {
        "pkuseg-news (spaCy)": lambda: spacy_cutter(args.model, None),
        "pkuseg-news + userdict (spaCy)": lambda: spacy_cutter(args.model, str(args.userdict)),
        "jieba (precise)": jieba_cutter,
    }
    if args.only:
        makers = {k: v for k, v in makers.items() if any(o.lower() in k.lower() for o in args.only)}
    labels = sorted({lab for r in recs for lab in r.get("label", {})})
    rows = {}
    for name, make in makers.items():
        cut = make()
        ok, tot = Counter(), Counter()
        for r in recs:
            text = r["text"]
            bounds, i = {0}, 0
            # tokens never include whitespace, so walk the text to place them
            for w in cut(text):
                i = text.index(w, i)
                bounds.add(i)
                i += len(w)
                bounds.add(i)
            for lab, ents in r.get("label", {}).items():
                for ent, offs in ents.items():
                    for s0, e0 in offs:
                        tot[lab] += 1
                        ok[lab] += (s0 in bounds and e0 + 1 in bounds)
        rows[name] = (ok, tot)
        print(name, f"{sum(ok.values()) / sum(tot.values()):.4f}", flush=True)
    print("\n| segmenter | all | " + " | ".join(labels) + " |")
    print("|---|---|" + "---|" * len(labels))
    for name, (ok, tot) in rows.items():
        cells = [f"{ok[l] / tot[l]:.3f}" for l in labels]
        print(f"| {name} | {sum(ok.values()) / sum(tot.values()):.4f} | " + " | ".join(cells) + " |")
    n = sum(next(iter(rows.values()))[1].values())
    print(f"\n({n} gold entity spans in {len(recs)} sentences of cluener2020/dev.json)")


def main(argv=None):
    ap = argparse.ArgumentParser(description="SIGHAN-style word P/R/F1 of newsie's segmenter")
    ap.add_argument("--datasets", type=Path, default=REPO.parent / "shared" / "datasets")
    ap.add_argument("--model", type=Path, default=REPO / "models" / "newsie-zh" / "words")
    ap.add_argument("--userdict", type=Path, default=REPO / "newsie" / "data" / "zh" / "seg_userdict.txt")
    ap.add_argument("--only", nargs="*", help="substrings of segmenter names to run")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--cluener", action="store_true",
                    help="instead: share of CLUENER2020 dev gold entity spans on token boundaries")
    args = ap.parse_args(argv)
    if args.cluener:
        return entity_boundaries(args)

    ds = args.datasets
    sets = {
        "PKU test": ds / "sighan2005" / "pku_test_gold.utf8",
        "MSR test": ds / "sighan2005" / "msr_test_gold.utf8",
        "NLPCC dev": ds / "nlpcc2016_weibo_cws" / "nlpcc2016-wordseg-dev.dat",
    }
    golds = {name: load_gold(p) for name, p in sets.items()}

    makers = {
        "pkuseg-news (spaCy)": lambda: spacy_cutter(args.model, None),
        "pkuseg-news + userdict (spaCy)": lambda: spacy_cutter(args.model, str(args.userdict)),
        "pkuseg-news CRF only": lambda: crf_only_cutter(args.model),
        "pkuseg-news CRF + userdict (newsie words stage)": lambda: crf_userdict_cutter(args.model, str(args.userdict)),
        "jieba (precise)": jieba_cutter,
        "spaCy char": lambda: spacy_cutter(None, None),
    }
    if args.only:
        makers = {k: v for k, v in makers.items() if any(o.lower() in k.lower() for o in args.only)}

    results = {}
    for name, make in makers.items():
        cut = make()
        results[name] = {}
        for sname, gold in golds.items():
            raw = ["".join(ws) for ws in gold]
            t0 = time.perf_counter()
            pred = [cut(r) for r in raw]
            dt = time.perf_counter() - t0
            res = score(gold, pred)
            res["chars_per_s"] = sum(map(len, raw)) / dt
            results[name][sname] = res
        print(name, {s: round(r["F1"], 4) for s, r in results[name].items()}, flush=True)

    names = list(sets)
    print()
    print("| segmenter | " + " | ".join(f"{s} F1" for s in names) + " |")
    print("|---|" + "---|" * len(names))
    for name, row in results.items():
        print(f"| {name} | " + " | ".join(f"{row[s]['F1']:.4f}" for s in names) + " |")
    print()
    print("| segmenter | " + " | ".join(f"{s} P / R" for s in names) + " |")
    print("|---|" + "---|" * len(names))
    for name, row in results.items():
        print(f"| {name} | " + " | ".join(f"{row[s]['P']:.4f} / {row[s]['R']:.4f}" for s in names) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
