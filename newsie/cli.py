"""The `newsie` command: extract one article, or a batch of JSON Lines."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import importlib

from . import __version__
from .errors import NewsieError

# Modules that add their own subcommands: each has `add_parser(subparsers)` and sets `func`
# on its parser; `func(args) -> int`. They import heavy dependencies inside `func` only.
PLUGINS: tuple[str, ...] = ()


def _dump(obj: dict, pretty: bool) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1 if pretty else None)


def cmd_extract(args: argparse.Namespace) -> int:
    from .extractor import Extractor
    from .io import read_text
    from .source import parse_published

    text = read_text(args.file)
    published = parse_published(args.published, "--published")
    record = Extractor().extract(text, id=args.id, published=published)
    print(_dump(record.to_dict(), args.pretty))
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from .extractor import Extractor
    from .io import read_jsonl

    rows = read_jsonl(args.input)
    ok = failed = 0
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        for rec in Extractor().extract_many(rows, n_process=args.workers):
            out.write(_dump(rec, False) + "\n")
            if "error" in rec:
                failed += 1
            else:
                ok += 1
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"newsie batch: {ok} ok, {failed} failed -> {args.output}", file=sys.stderr)
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="newsie", description="Facts from Chinese tech news as newsie/1 JSON records.")
    ap.add_argument("--version", action="version", version=f"newsie {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="extract the facts of one article and print its record")
    e.add_argument("file", help="a UTF-8 text file, or - for standard input")
    e.add_argument("--published", help="publication date (ISO 8601), the reference for relative dates")
    e.add_argument("--id", help="the record's id")
    e.add_argument("--pretty", action="store_true", help="indent the JSON")
    e.set_defaults(func=cmd_extract)
    b = sub.add_parser("batch", help="one record per line of a JSON Lines file of articles")
    b.add_argument("input", help="JSON Lines: {id, text, published?, title?, url?} a line; - for stdin")
    b.add_argument("-o", "--output", required=True, help="output JSON Lines file (- for stdout)")
    b.add_argument("--workers", type=int, default=1, help="processes to run the pipeline in (default 1)")
    b.set_defaults(func=cmd_batch)
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


if __name__ == "__main__":
    sys.exit(main())
