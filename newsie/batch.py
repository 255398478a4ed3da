"""Run the pipeline over a stream of rows: in-process, on local worker processes, or on Dask.

Records are written as they complete, in input order, one JSON line each, flushed, so a
killed run loses at most the line being written; `resume=True` keeps the complete lines of an
earlier run and processes only the ids not yet in the output.
"""
from __future__ import annotations

import functools
import itertools
import json
import multiprocessing as mp
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .errors import InputError

Row = dict[str, Any]
CHUNK = 8  # rows sent to a worker at a time


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0  # already in the output of an earlier run (--resume)
    seconds: float = 0.0
    chars: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)


def row_id(row: Row | InputError) -> Any:
    """The id a row's record will carry (an unreadable row carries its line number or name)."""
    return getattr(row, "row_id", None) if isinstance(row, InputError) else row.get("id") if isinstance(row, dict) else None


def done_ids(path: Path) -> set[str]:
    """Ids already written to an output file; a torn last line (killed mid-write) is cut off."""
    if not path.exists():
        return set()
    ids: set[str] = set()
    good_end = 0
    with path.open("rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                break
            ids.add(json.dumps(rec.get("id")))
            good_end += len(line)
    if good_end != path.stat().st_size:
        with path.open("r+b") as fh:
            fh.truncate(good_end)
    return ids


# ---- engines: each maps an iterator of rows to an iterator of record dicts, in order ----

_worker_extractor = None
_worker_stages: bool | None = None


def _extract_chunk(rows: list[Row | InputError], max_chars: int | None = None, ner: bool = True) -> list[dict]:
    """Runs in a worker: the pipeline is loaded once per process, on first use."""
    global _worker_extractor, _worker_stages
    if _worker_extractor is None or _worker_stages != ner:
        from .extractor import Extractor
        from .pipeline import load_pipeline

        _worker_extractor = Extractor(load_pipeline(ner=ner))
        _worker_stages = ner
    _worker_extractor.max_chars = max_chars
    return list(_worker_extractor.extract_many(rows))


def _chunks(rows: Iterable, size: int) -> Iterator[list]:
    it = iter(rows)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def run_local(rows: Iterable[Row | InputError], workers: int, max_chars: int | None = None, *,
              ner: bool = True) -> Iterator[dict]:
    """In this process (workers=1, streaming nlp.pipe) or on a pool of worker processes."""
    work = functools.partial(_extract_chunk, max_chars=max_chars, ner=ner)
    if workers <= 1:
        for chunk in _chunks(rows, CHUNK):
            yield from work(chunk)
        return
    # Bounded in-flight work keeps memory flat however long the input is.
    slots = threading.BoundedSemaphore(workers * 4)

    def feed() -> Iterator[list]:
        for chunk in _chunks(rows, CHUNK):
            slots.acquire()
            yield chunk

    ctx = mp.get_context("spawn" if sys.platform == "darwin" else "fork")
    with ctx.Pool(workers) as pool:
        for records in pool.imap(work, feed()):
            slots.release()
            yield from records


def run_dask(rows: Iterable[Row | InputError], workers: int, scheduler: str | None,
             max_chars: int | None = None, *, ner: bool = True) -> Iterator[dict]:
    """On dask.distributed: a scheduler at SCHEDULER, or a local cluster of WORKERS processes."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        pending: deque = deque()
        for chunk in _chunks(rows, CHUNK):
            pending.append(client.submit(_extract_chunk, chunk, max_chars, ner, pure=False))
            while len(pending) >= workers * 4:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---- the batch job ----

def _progress(total: int | None) -> Any:
    """A progress bar on a terminal (articles, articles/s, ETA); nothing when not a TTY."""
    from tqdm import tqdm

    return tqdm(total=total, unit="article", disable=not sys.stderr.isatty(), file=sys.stderr,
                dynamic_ncols=True)


def run_batch(rows: Iterable[Row | InputError], output: Path | str | None, *, workers: int = 1,
              engine: str = "local", scheduler: str | None = None, resume: bool = False,
              errors: Path | str | None = None, total: int | None = None,
              max_chars: int | None = None, stdout: TextIO | None = None, ner: bool = True) -> Summary:
    """Write one record per row to OUTPUT ('-' or None: stdout); error records to ERRORS if given.
    NER False leaves the statistical NER stage out of the pipeline (faster; see `load_pipeline`)."""
    summary = Summary()
    to_stdout = output in (None, "-")
    out_path = None if to_stdout else Path(output)
    skip = set()
    if resume and out_path:
        skip = done_ids(out_path) | (done_ids(Path(errors)) if errors else set())
    if skip:
        def fresh(rows=rows) -> Iterator[Row | InputError]:
            for row in rows:
                if json.dumps(row_id(row)) in skip:
                    summary.skipped += 1
                else:
                    yield row
        rows = fresh()
    if engine == "dask":
        records = run_dask(rows, workers, scheduler, max_chars, ner=ner)
    elif engine == "local":
        records = run_local(rows, workers, max_chars, ner=ner)
    else:
        raise InputError(f"unknown engine {engine!r}; use local or dask")

    out = (stdout or sys.stdout) if to_stdout else out_path.open("a" if resume else "w", encoding="utf-8")
    err_out = Path(errors).open("a" if resume else "w", encoding="utf-8") if errors else None
    start = time.perf_counter()
    bar = _progress(total - len(skip) if total is not None else None)
    try:
        for rec in records:
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            if "error" in rec:
                summary.failed += 1
                kind = rec["error"]["kind"]
                summary.error_kinds[kind] = summary.error_kinds.get(kind, 0) + 1
                (err_out or out).write(line)
                (err_out or out).flush()
            else:
                summary.ok += 1
                out.write(line)
                out.flush()
            bar.update(1)
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - start
        if not to_stdout:
            out.close()
        if err_out:
            err_out.close()
    return summary


def count_lines(paths: list[str]) -> int | None:
    """How many rows the inputs hold, when that is cheap to know (JSON Lines files, folders)."""
    n = 0
    for path in paths:
        p = Path(path)
        if path == "-" or not p.exists():
            return None
        if p.is_dir():
            n += sum(1 for _ in p.glob("*.txt"))
        elif p.suffix.lower() in (".jsonl", ".ndjson", ".json"):
            with p.open("rb") as fh:
                n += sum(1 for line in fh if line.strip())
        else:
            return None
    return n


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


