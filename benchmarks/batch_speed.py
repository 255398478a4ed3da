"""Throughput and memory of newsie's batch, beside JioNLP's time+money extraction, in one run.

    python benchmarks/batch_speed.py [--articles DIR ...] [--repeat N] [--workers N] [--rounds N]

Reads the articles (default: corpus/articles and, when present, ../shared/eval/dev/articles),
repeats them to make a batch, and reports for newsie (the default pipeline, whose NER reads the
clauses before speech cues whose speaker the rules cannot read; the NER reading every
paragraph; rules only) articles/s, chars/s and chars/s per core with 1 and N workers, and peak
resident memory per worker; and JioNLP's `extract_time` + `extract_money` chars/s on the same texts when jionlp is
installed in this Python. The machine's load drifts, so the whole comparison runs in rounds
(JioNLP, then every newsie run) and each ratio compares runs of the same round; the figures are
medians over the rounds.
Workers are forked from a process that has loaded the pipeline, so the figures are steady-state
throughput; a real batch adds the loading (a few seconds) once per worker. Prints markdown.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_texts(dirs: list[Path], repeat: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for d in dirs if d.is_dir() for p in sorted(d.glob("*.txt"))]
    if not texts:
        sys.exit("no articles found")
    return texts * repeat


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def run_newsie(texts: list[str], workers: int, ner: bool, scope: str) -> tuple[float, float]:
    """Seconds for the batch and peak MB of one worker (in a fresh process, so peaks are its own)."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(texts, workers, ner, scope, q))
    p.start()
    result = q.get()
    p.join()
    return result


def _child(texts, workers, ner, scope, q) -> None:
    from newsie import batch

    rows = [{"id": i, "text": t, "published": "2020-01-01"} for i, t in enumerate(texts)]
    batch._extract_chunk(rows[:1], ner=ner)  # load once; the pool's workers are forked from here
    if ner:
        batch._worker_extractor.nlp.get_pipe("entities").scope = scope
    start = time.perf_counter()
    for _ in batch.run_local(iter(rows), workers, ner=ner):
        pass
    seconds = time.perf_counter() - start
    mem = peak_mb(resource.RUSAGE_SELF) if workers <= 1 else peak_mb(resource.RUSAGE_CHILDREN)
    q.put((seconds, mem))


def run_jionlp(texts: list[str]) -> float | None:
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import jionlp as jio
    except ImportError:
        return None
    logging.disable(logging.CRITICAL)  # JioNLP logs a traceback for every time it cannot parse
    jio.ner.extract_time(texts[0]), jio.ner.extract_money(texts[0])  # warm up its lazy loading
    start = time.perf_counter()
    for t in texts:
        jio.ner.extract_time(t, with_parsing=True)
        jio.ner.extract_money(t, with_parsing=True)
    return time.perf_counter() - start


CONFIGS = (("newsie, full pipeline (default: NER on the clauses before speech cues)", True, "cues"),
           ("newsie, NER on every paragraph (scope = all)", True, "all"),
           ("newsie, rules only (--no-ner)", False, ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, nargs="*",
                    default=[ROOT / "corpus" / "articles", ROOT.parent / "shared" / "eval" / "dev" / "articles"])
    ap.add_argument("--repeat", type=int, default=4)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--rounds", type=int, default=3,
                    help="each round times JioNLP, then every newsie run; figures are medians over rounds")
    args = ap.parse_args()
    texts = load_texts(args.articles, args.repeat)
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars:,} characters; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}; {args.rounds} rounds\n")
    runs = [(label, ner, scope, workers) for label, ner, scope in CONFIGS for workers in sorted({1, args.workers})]
    times: dict[tuple, list[float]] = {run: [] for run in runs}
    mems: dict[tuple, float] = {run: 0.0 for run in runs}
    ratios: dict[tuple, list[float]] = {run: [] for run in runs}
    jio_times: list[float] = []
    for _ in range(args.rounds):
        # JioNLP and newsie in the same round, so that the ratio sees the same machine load
        jio = run_jionlp(texts)
        if jio is not None:
            jio_times.append(jio)
        for run in runs:
            label, ner, scope, workers = run
            seconds, mem = run_newsie(texts, workers, ner, scope)
            times[run].append(seconds)
            mems[run] = max(mems[run], mem)
            if jio is not None:
                ratios[run].append(jio / seconds)
    print("| run | workers | articles/s | chars/s | chars/s per core | peak MB per worker |")
    print("|---|---|---|---|---|---|")
    for run in runs:
        label, _, _, workers = run
        seconds = statistics.median(times[run])
        print(f"| {label} | {workers} | {len(texts) / seconds:.1f} | {chars / seconds:,.0f} | "
              f"{chars / seconds / workers:,.0f} | {mems[run]:.0f} |")
    if not jio_times:
        print("| JioNLP extract_time + extract_money | 1 | not installed | | | |")
        return
    jio = statistics.median(jio_times)
    print(f"| JioNLP extract_time + extract_money | 1 | {len(texts) / jio:.1f} | {chars / jio:,.0f} | "
          f"{chars / jio:,.0f} | {peak_mb(resource.RUSAGE_SELF):.0f} |")
    print("\nJioNLP chars/s in each round: " + ", ".join(f"{chars / t:,.0f}" for t in jio_times))
    print("\nRatio to JioNLP's chars/s in the same round (median, and each round):\n")
    for run in runs:
        label, _, _, workers = run
        each = ", ".join(f"{r:.2f}" for r in ratios[run])
        print(f"- {label}, {workers} worker{'s' if workers > 1 else ''}: "
              f"**{statistics.median(ratios[run]):.2f}x** ({each})")


if __name__ == "__main__":
    main()
