"""Segmenter speed: chars/s of newsie's pkuseg-news model inside spaCy vs jieba, same process.

Usage (from the repository root)::

    .venv/bin/python benchmarks/segmenter_speed.py [--text-dir corpus/articles]
        [--datasets ../shared/datasets] [--model models/newsie-zh/words] [--repeat 3]

Text: every ``corpus/articles/*.txt`` if there are any, else the text of the NLPCC-2016 dev set
(gold lines with the spaces removed). The text is split into non-empty lines; each segmenter is
timed over all lines, ``--repeat`` times (default 10), after one warm-up pass, and the best pass is reported.
Everything runs in this one process on one core (spaCy's tokenizer and jieba are both
single-threaded), so chars/s is per core. Loading time is excluded and printed separately.
"""
from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def load_lines(text_dir: Path, datasets: Path):
    files = sorted(text_dir.glob("*.txt")) if text_dir.is_dir() else []
    if files:
        lines = [l.strip() for f in files for l in f.read_text(encoding="utf-8").splitlines()]
        src = f"{len(files)} files in {text_dir}"
    else:
        p = datasets / "nlpcc2016_weibo_cws" / "nlpcc2016-wordseg-dev.dat"
        lines = ["".join(l.split()) for l in open(p, encoding="utf-8-sig")]
        src = f"{p} (no {text_dir}/*.txt found)"
    return [l for l in lines if l], src


def bench(cut, lines, repeat):
    for l in lines:  # warm-up
        cut(l)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for l in lines:
            cut(l)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--text-dir", type=Path, default=REPO / "corpus" / "articles")
    ap.add_argument("--datasets", type=Path, default=REPO.parent / "shared" / "datasets")
    ap.add_argument("--model", type=Path, default=REPO / "models" / "newsie-zh" / "words")
    ap.add_argument("--userdict", type=Path, default=REPO / "newsie" / "data" / "zh" / "seg_userdict.txt")
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args(argv)

    lines, src = load_lines(args.text_dir, args.datasets)
    n_chars = sum(map(len, lines))
    print(f"text: {src}: {len(lines)} lines, {n_chars} chars")

    from spacy.lang.zh import Chinese

    t0 = time.perf_counter()
    nlp = Chinese.from_config({"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(args.model), pkuseg_user_dict=str(args.userdict))
    t_load_spacy = time.perf_counter() - t0

    from spacy.vocab import Vocab

    from newsie.tokenizer import NewsieTokenizer

    t0 = time.perf_counter()
    words_stage = NewsieTokenizer(Vocab(), "pkuseg", str(args.model), str(args.userdict))
    t_load_newsie = time.perf_counter() - t0

    import jieba

    jieba.setLogLevel(logging.WARNING)
    t0 = time.perf_counter()
    jieba.initialize()
    t_load_jieba = time.perf_counter() - t0

    rows = [
        ("pkuseg-news, newsie words stage (CRF + user dict)", words_stage, t_load_newsie),
        ("pkuseg-news in spaCy (nlp.tokenizer, user dict on)", nlp.tokenizer, t_load_spacy),
        ("jieba precise (jieba.lcut, HMM on)", lambda t: jieba.lcut(t, cut_all=False, HMM=True), t_load_jieba),
    ]
    speeds = {}
    print("\n| segmenter | chars/s (1 core) | load s |")
    print("|---|---|---|")
    for name, cut, t_load in rows:
        dt = bench(cut, lines, args.repeat)
        speeds[name] = n_chars / dt
        print(f"| {name} | {speeds[name] / 1000:.1f}k | {t_load:.2f} |", flush=True)
    a, b, c = speeds.values()
    print(f"\nratio newsie words stage / jieba = {a / c:.2f}; pkuseg-news in spaCy / jieba = {b / c:.2f}")


if __name__ == "__main__":
    main()
