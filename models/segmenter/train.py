"""Rebuild newsie's spacy-pkuseg word segmenter (models/newsie-zh/words/) from the shared corpora.

Usage (from the repository root, one command, single-threaded)::

    .venv/bin/python models/segmenter/train.py                 # what built the shipped model
    .venv/bin/python models/segmenter/train.py --datasets /path/to/datasets

Two stages (defaults): stage 1 trains 8 iterations from scratch on the data below; stage 2
continues from stage 1 for 5 iterations on the same data with the PKU subset lines repeated 3
times (``--finetune-pku-weight``), which pulls the model towards the PKU standard (一个, 这个 …)
that the much larger Weibo corpus otherwise outvotes. ``--finetune-iters 0`` gives one stage.
About 25 + 17 minutes on one (shared) core.

What it trains on (see models/segmenter/README.md for sentence counts and licences):

* NLPCC-2016 Weibo CWS train (``nlpcc2016_weibo_cws/nlpcc2016-word-seg-train.dat``), as is.
* SIGHAN-2005 PKU training subset (``sighan2005-train-subset-normalized/pku_training_last10pct``):
  only the lines that contain no mask token (no ASCII digit or letter: the normaliser replaced
  numbers by ``0``, Latin runs by ``X`` and long words by ``L``), with the ASCII punctuation the
  normaliser produced mapped back to full width (``,`` -> ``，``, ``(`` -> ``（`` ...), as in the
  PKU test text.
* UD Chinese GSDSimp dev + test (gold segmentation, the FORM column).
* The PKU training vocabulary (``sighan2005/pku_training_words.utf8``, training data, not test),
  each word as a one-word line, so that the word-identity features of the CRF see it
  (``--no-wordlist`` to leave it out). Document ids such as ``19980118-04-005-004`` are skipped.
* Optionally (``--msr``) the mask-free lines of the MSR training subset (off by default: MSR
  follows another segmentation standard).

Never used for training: the PKU and MSR test gold, NLPCC dev (they are the test sets that
models/segmenter/evaluate.py reports).

After training the model is compacted so that it ships in git and in the wheel (limit 60 MB):
features whose five tag weights are all below ``--prune`` in absolute value are dropped and the
remaining feature ids renumbered, the word/bigram sets are cut to what the kept features need,
and weights are rounded to float32 precision (still stored as float64, which the spacy-pkuseg
Viterbi code requires) in a compressed ``weights.npz`` (``numpy.load`` reads it transparently).

The training scratch (corpus file, logs) goes to models/segmenter/training/ (git-ignored);
sentence counts, timing and settings are written to models/newsie-zh/words/training.json.
"""
from __future__ import annotations

import argparse
import json

import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# the characters the greedyCWS normaliser turned to half width; mapped back to full width
_ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_TO_FULL = {ord(c): chr(ord(c) + 0xFEE0) for c in _ASCII_PUNCT}
_MASKED = re.compile(r"[0-9A-Za-z]")
_DOC_ID = re.compile(r"^[0-9\-]+$")


def read_words(path: Path):
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            words = line.split()
            if words:
                yield words


def sighan_subset(path: Path):
    """Mask-free lines of the normalised SIGHAN training subset, punctuation back to full width."""
    kept = masked = 0
    out = []
    for words in read_words(path):
        line = " ".join(words)
        if _MASKED.search(line):
            masked += 1
            continue
        kept += 1
        out.append([w.translate(_TO_FULL) for w in words])
    return out, masked


def conllu_words(path: Path):
    sent = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if sent:
                yield sent
            sent = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        sent.append(cols[1])
    if sent:
        yield sent


def build_corpus(ds: Path, use_wordlist: bool, use_msr: bool, pku_weight: int = 1):
    parts = {}
    nlpcc = list(read_words(ds / "nlpcc2016_weibo_cws" / "nlpcc2016-word-seg-train.dat"))
    parts["nlpcc2016_train"] = nlpcc
    pku, pku_masked = sighan_subset(
        ds / "sighan2005-train-subset-normalized" / "pku_training_last10pct.norm.utf8")
    parts["sighan2005_pku_subset_maskfree"] = pku
    for k in range(1, pku_weight):  # extra copies: pull the model towards the PKU standard
        parts[f"sighan2005_pku_subset_maskfree_copy{k + 1}"] = pku
    gsd = []
    for split in ("dev", "test"):
        gsd += list(conllu_words(ds / "ud-chinese-gsdsimp" / f"zh_gsdsimp-ud-{split}.conllu"))
    parts["ud_gsdsimp_dev_test"] = gsd
    if use_msr:
        msr, _ = sighan_subset(
            ds / "sighan2005-train-subset-normalized" / "msr_training_last10pct.norm.utf8")
        parts["sighan2005_msr_subset_maskfree"] = msr
    if use_wordlist:
        wl = []
        for words in read_words(ds / "sighan2005" / "pku_training_words.utf8"):
            w = words[0]
            if not _DOC_ID.match(w):
                wl.append([w])
        parts["pku_training_vocabulary_one_word_lines"] = wl
    return parts, pku_masked


def compact(model_dir: Path, prune: float) -> dict:
    """Drop near-zero features, renumber, trim word sets, round and compress the weights."""
    import numpy as np
    import srsly

    feats = srsly.read_msgpack(model_dir / "features.msgpack")
    npz = np.load(model_dir / "weights.npz")
    n_tag, n_feat = (int(x) for x in npz["sizes"])
    w = npz["w"]
    node = w[: n_tag * n_feat].reshape(n_feat, n_tag)
    edge = w[n_tag * n_feat:]
    keep = np.abs(node).max(axis=1) >= prune
    keep[0] = True  # feature 0 is the always-on "$$" bias feature
    idx_of = feats["feature_to_idx"]
    by_old = sorted(idx_of.items(), key=lambda kv: kv[1])
    new_f2i = {}
    for name, old in by_old:
        if keep[old]:
            new_f2i[name] = len(new_f2i)
    assert new_f2i.get("$$", 0) == 0
    new_node = node[keep]
    # only the words / word bigrams that some kept feature mentions are needed at run time
    words, bigrams = set(), set()
    for name in new_f2i:
        if name.startswith(("w-1.", "w1.")):
            words.add(name.split(".", 1)[1])
        elif name.startswith(("ww.l.", "ww.r.")):
            pre, post = name[5:].split("*", 1)
            for x in (pre, post):
                if x != "**noWord":
                    words.add(x)
            bigrams.add(name[5:])
    unigram = sorted(w_ for w_ in feats["unigram"] if w_ in words)
    srsly.write_msgpack(model_dir / "features.msgpack", {
        "unigram": unigram, "bigram": sorted(b for b in feats["bigram"] if b in bigrams),
        "feature_to_idx": new_f2i, "tag_to_idx": feats["tag_to_idx"]})
    new_w = np.concatenate([new_node.reshape(-1), edge]).astype(np.float32).astype(np.float64)
    np.savez_compressed(model_dir / "weights.npz",
                        sizes=np.array([n_tag, len(new_f2i)]), w=new_w)
    return {"features_before": n_feat, "features_after": len(new_f2i),
            "words_after": len(unigram), "prune_threshold": prune}


def run_stage(args, spacy_pkuseg, out: Path, work: Path, iters: int, pku_weight: int,
              init_model: Path | None, do_compact: bool) -> dict:
    """Write the training file, train ``iters`` iterations into ``out``, optionally compact."""
    t0 = time.time()
    parts, pku_masked = build_corpus(args.datasets, args.wordlist, args.msr, pku_weight)
    work.mkdir(parents=True, exist_ok=True)
    train_file = work / "train.txt"
    monitor_file = work / "monitor.txt"
    all_sents = [s for sents in parts.values() for s in sents]
    with open(train_file, "w", encoding="utf-8") as f:
        for s in all_sents:
            f.write(" ".join(s) + "\n")
    # the trainer scores a file after every iteration; a slice of the UD data is enough to
    # watch convergence (it is training data, so this is not a test figure)
    with open(monitor_file, "w", encoding="utf-8") as f:
        for s in parts["ud_gsdsimp_dev_test"][:200]:
            f.write(" ".join(s) + "\n")
    counts = {k: {"sentences": len(v), "words": sum(map(len, v)),
                  "chars": sum(len(w) for s in v for w in s)} for k, v in parts.items()}
    print(json.dumps(counts, ensure_ascii=False, indent=1), flush=True)

    out.mkdir(parents=True, exist_ok=True)
    for stale in ("features.msgpack", "weights.npz"):
        (out / stale).unlink(missing_ok=True)
    t1 = time.time()
    spacy_pkuseg.train(str(train_file), str(monitor_file), str(out), train_iter=iters,
                       init_model=str(init_model) if init_model else None)
    t2 = time.time()
    size_before = sum(p.stat().st_size for p in out.iterdir() if p.name != "training.json")
    stats = {}
    if do_compact:
        import shutil
        (work / "raw").mkdir(exist_ok=True)
        for name in ("features.msgpack", "weights.npz"):  # the uncompacted model, for re-pruning
            shutil.copy(out / name, work / "raw" / name)
        stats = compact(out, args.prune) if args.prune > 0 else {}
    size_after = sum(p.stat().st_size for p in out.iterdir() if p.name != "training.json")
    return {
        "iterations": iters, "pku_weight": pku_weight,
        "init_model": str(init_model) if init_model else None,
        "corpus": counts, "total_sentences": len(all_sents),
        "pku_subset_lines_dropped_for_masks": pku_masked,
        "wall_time_s": {"prepare": round(t1 - t0, 1), "train": round(t2 - t1, 1),
                        "compact": round(time.time() - t2, 1), "total": round(time.time() - t0, 1)},
        "size_bytes": {"before_compaction": size_before, "after": size_after},
        "compaction": stats,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--datasets", type=Path, default=REPO.parent / "shared" / "datasets",
                    help="the shared datasets folder (default: ../shared/datasets from the repo root)")
    ap.add_argument("--out", type=Path, default=REPO / "models" / "newsie-zh" / "words")
    ap.add_argument("--work", type=Path, default=REPO / "models" / "segmenter" / "training",
                    help="scratch folder (git-ignored)")
    ap.add_argument("--iters", type=int, default=8, help="stage-1 iterations")
    ap.add_argument("--pku-weight", type=int, default=1,
                    help="stage 1: how many times the PKU subset lines appear in the training file")
    ap.add_argument("--finetune-iters", type=int, default=5,
                    help="stage-2 iterations, continuing from stage 1 (0: one stage only)")
    ap.add_argument("--finetune-pku-weight", type=int, default=3,
                    help="stage 2: copies of the PKU subset lines (pulls towards the PKU standard)")
    ap.add_argument("--init-model", type=Path,
                    help="start stage 1 from this uncompacted spacy-pkuseg model directory")
    ap.add_argument("--prune", type=float, default=0.01,
                    help="drop features whose largest |weight| is below this (0 keeps all)")
    ap.add_argument("--no-wordlist", dest="wordlist", action="store_false")
    ap.add_argument("--msr", action="store_true", help="also train on the MSR mask-free lines")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    import random
    random.seed(args.seed)  # the ADF optimiser shuffles with the random module
    import numpy as np
    np.random.seed(args.seed)
    import spacy_pkuseg

    t0 = time.time()
    stages = []
    if args.finetune_iters > 0:
        stage1_dir = args.work / "stage1" / "model"
        stages.append(run_stage(args, spacy_pkuseg, stage1_dir, args.work / "stage1", args.iters,
                                args.pku_weight, args.init_model, do_compact=False))
        stages.append(run_stage(args, spacy_pkuseg, args.out, args.work / "stage2",
                                args.finetune_iters, args.finetune_pku_weight, stage1_dir,
                                do_compact=True))
    else:
        stages.append(run_stage(args, spacy_pkuseg, args.out, args.work, args.iters,
                                args.pku_weight, args.init_model, do_compact=True))
    meta = {
        "command": "python models/segmenter/train.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "datasets": str(args.datasets), "seed": args.seed, "prune": args.prune,
        "spacy_pkuseg_version": getattr(spacy_pkuseg, "__version__", "1.0.x"),
        "stages": stages,
        "wall_time_s_total": round(time.time() - t0, 1),
    }
    with open(args.out / "training.json", "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
    print(json.dumps(meta, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
