"""The `newsie` command: extract one article, or a batch of JSON Lines."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import importlib
from pathlib import Path

from . import __version__
from .batch import default_workers
from .errors import InputError, NewsieError
from .sources import KINDS

MAX_CHARS = 10_000_000  # characters: a 10 MB article still goes through

# Modules that add their own subcommands: each has `add_parser(subparsers)` and sets `func`
# on its parser; `func(args) -> int`. They import heavy dependencies inside `func` only.
PLUGINS: tuple[str, ...] = ("newsie.review.cli", "newsie.kb.cli")


def _dump(obj: dict, pretty: bool) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1 if pretty else None)


def cmd_extract(args: argparse.Namespace) -> int:
    from .extractor import Extractor
    from .io import read_text
    from .pipeline import load_pipeline
    from .source import parse_published

    text = read_text(args.file)
    published = parse_published(args.published, "--published")
    nlp = load_pipeline(ner=not args.no_ner)
    record = Extractor(nlp, max_chars=args.max_chars).extract(text, id=args.id, published=published)
    print(_dump(record.to_dict(), args.pretty))
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import count_lines, run_batch
    from .sources import read_inputs

    for path in args.inputs:  # fail fast, before any work, on an input that is not there
        if path != "-" and not Path(path).exists():
            raise InputError(f"{path}: no such file or folder")
    rows = read_inputs(args.inputs, args.format)
    summary = run_batch(rows, args.output, workers=args.workers, engine=args.engine,
                        scheduler=args.scheduler, resume=args.resume, errors=args.errors,
                        total=count_lines(args.inputs), max_chars=args.max_chars,
                        ner=not args.no_ner)
    rate = (summary.ok + summary.failed) / summary.seconds if summary.seconds else 0.0
    resumed = f", {summary.skipped} already done" if args.resume else ""
    print(f"newsie batch: {summary.ok} ok, {summary.failed} failed{resumed} "
          f"({rate:.1f} articles/s) -> {args.output}", file=sys.stderr)
    return 1 if summary.failed else 0


def cmd_segment(args: argparse.Namespace) -> int:
    from spacy.vocab import Vocab

    from .errors import DataFileError
    from .io import read_text
    from .lexicon import data_path
    from .models import WORDS, model_path
    from .tokenizer import NewsieTokenizer

    path = model_path(WORDS)
    if path is None:
        raise DataFileError("the segmenter model is not installed; reinstall newsie")
    seg = NewsieTokenizer(Vocab(), "pkuseg", str(path), str(data_path("seg_userdict")))
    for line in read_text(args.file).splitlines():
        print(" ".join(w for w in seg.words(line) if not w.isspace()))
    return 0


def _stage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-ner", action="store_true",
                        help="leave out the statistical NER and its word segmenter (rules only, "
                             "the fastest; people are then found by their titles only)")


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="newsie", description="Facts from Chinese tech news as newsie/1 JSON records.")
    ap.add_argument("--version", action="version", version=f"newsie {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="extract the facts of one article and print its record")
    e.add_argument("file", help="a UTF-8 text file, or - for standard input")
    e.add_argument("--published", help="publication date (ISO 8601), the reference for relative dates")
    e.add_argument("--id", help="the record's id")
    e.add_argument("--pretty", action="store_true", help="indent the JSON")
    e.add_argument("--max-chars", type=_positive, default=MAX_CHARS, help=f"refuse longer articles (default {MAX_CHARS:,})")
    _stage_options(e)
    e.set_defaults(func=cmd_extract)
    b = sub.add_parser("batch", help="one record per input article, as JSON Lines")
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSON Lines ({id, text, published?, title?, url?} a line; - for stdin), "
                        "a folder of .txt files, an RSS/Atom feed file or an HTML page")
    b.add_argument("-o", "--output", required=True, help="output JSON Lines file (- for stdout)")
    b.add_argument("--format", choices=KINDS, help="the input kind, when detection gets it wrong")
    b.add_argument("--workers", type=_positive, default=default_workers(),
                   help="processes running the pipeline (default: all cores)")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes, or a dask.distributed cluster")
    b.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="with --engine dask: the scheduler to use (default: a local cluster)")
    b.add_argument("--resume", action="store_true",
                   help="keep the records already in OUTPUT and process only the rest")
    b.add_argument("--errors", metavar="FILE", help="write error records here instead of into OUTPUT")
    b.add_argument("--max-chars", type=_positive, default=MAX_CHARS,
                   help=f"an article longer than this becomes an error record (default {MAX_CHARS:,})")
    _stage_options(b)
    b.set_defaults(func=cmd_batch)
    g = sub.add_parser("segment", help="segment text into words (one sentence a line in, SIGHAN format out)")
    g.add_argument("file", help="a UTF-8 text file, or - for standard input")
    g.set_defaults(func=cmd_segment)
    for module in PLUGINS:
        importlib.import_module(module).add_parser(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except NewsieError as exc:
        print(f"newsie: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `newsie batch … -o - | head`: the reader left, nothing is wrong
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
