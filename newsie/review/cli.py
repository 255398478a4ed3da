"""`newsie show`: review pages, one article or a batch, optionally against gold.

    newsie show FILE|- [--published DATE] [--gold GOLD] -o PAGE.html
    newsie show --records OUT.jsonl --articles IN.jsonl [--gold GOLD_DIR] -o DIR/
    newsie show --gold GOLD_DIR [--records OUT.jsonl] -o DIR/
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..io import write_text

DESCRIPTION = """\
Render articles with their facts highlighted as static HTML pages (no network needed to view).
One article: FILE (or - for stdin) is run through the extractor, unless --record gives its record.
A batch: --records (a `newsie batch` output) with --articles (its input), one page per article and
an index.html; with --gold GOLD_DIR the articles may come from the gold set and, without --records,
are extracted on the fly. --gold colours hits, misses and extras as the official scorer pairs them."""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("show", help="render articles with their facts highlighted as HTML pages",
                              description=DESCRIPTION)
    p.add_argument("file", nargs="?", help="one article: a UTF-8 text file, or - for standard input")
    p.add_argument("--published", help="publication date (ISO 8601) of FILE")
    p.add_argument("--id", help="FILE's id (to find its gold; default: the file name without extension)")
    p.add_argument("--record", help="FILE's record (JSON) instead of running the extractor")
    p.add_argument("--records", help="batch: records as JSON Lines (the output of `newsie batch`)")
    p.add_argument("--articles", help="batch: the articles as JSON Lines (the input of `newsie batch`)")
    p.add_argument("--gold", help="a gold set folder (gold/ID.json, articles/ID.txt), or one gold JSON file")
    p.add_argument("-o", "--output", required=True,
                   help="the page (one article; - for stdout) or the folder of pages (batch)")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    if args.file is not None:
        if args.records or args.articles:
            raise InputError("show: give either FILE or --records/--articles, not both")
        return _single(args)
    if args.record or args.id:
        raise InputError("show: --record and --id go with FILE")
    if not args.articles and not _is_gold_dir(args.gold):
        raise InputError("show: give FILE, or --records with --articles, or --gold GOLD_DIR")
    return _batch(args)


# -- input --------------------------------------------------------------------------------

def _is_gold_dir(path: str | None) -> bool:
    return bool(path) and Path(path).is_dir()


def _read_json(path: Path, what: str) -> Any:
    from ..io import decode

    try:
        return json.loads(decode(path.read_bytes(), str(path)))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file ({what})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from None


def _gold_set(path: str) -> dict[str, dict]:
    """Gold items of a gold folder by id."""
    files = sorted(Path(path, "gold").glob("*.json"))
    if not files:
        raise InputError(f"{path}: no gold files in {Path(path, 'gold')}")
    golds = {}
    for f in files:
        g = _read_json(f, "gold")
        if not isinstance(g, dict):
            raise InputError(f"{f}: a gold file holds one JSON object")
        golds[str(g.get("id", f.stem))] = g
    return golds


def _jsonl(path: str, what: str) -> list[dict]:
    from ..io import read_jsonl

    rows = []
    for row in read_jsonl(path):
        if isinstance(row, Exception):
            raise row
        if not isinstance(row, dict):
            raise InputError(f"{path}: every line must be a JSON object ({what})")
        rows.append(row)
    return rows


def _extract(rows: list[dict]) -> list[dict]:
    from ..extractor import Extractor

    return list(Extractor().extract_many(rows))


def _write(path: str, html: str) -> None:
    write_text(path, html)


# -- one article --------------------------------------------------------------------------

def _single(args: argparse.Namespace) -> int:
    from ..io import read_text
    from ..source import parse_published
    from .render import render_page

    text = read_text(args.file)
    doc_id = args.id or (Path(args.file).stem if args.file != "-" else None)
    gold = None
    if args.gold:
        if _is_gold_dir(args.gold):
            golds = _gold_set(args.gold)
            if doc_id not in golds:
                raise InputError(f"{args.gold}: no gold for id {doc_id!r} (set it with --id)")
            gold = golds[doc_id]
        else:
            gold = _read_json(Path(args.gold), "gold")
            if not isinstance(gold, dict):
                raise InputError(f"{args.gold}: a gold file holds one JSON object")
    published = args.published or (gold or {}).get("published")
    parse_published(published, "--published")
    if args.record:
        record = _read_json(Path(args.record), "record")
        if not isinstance(record, dict):
            raise InputError(f"{args.record}: a record is one JSON object")
    else:
        from ..extractor import Extractor

        record = Extractor().extract(text, id=args.id, published=published).to_dict()
    _write(args.output, render_page(text, record, gold=gold, published=published))
    if args.output != "-":
        print(f"newsie show: {args.output}", file=sys.stderr)
    return 0


# -- a batch ------------------------------------------------------------------------------

def _slug(doc_id: Any, taken: set[str]) -> str:
    """A file-name-safe, unique name for an article's page."""
    base = re.sub(r"[^0-9A-Za-z._-]+", "_", str(doc_id)).strip("._") or "article"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    taken.add(name)
    return name


def _articles(args: argparse.Namespace, golds: dict[str, dict] | None) -> list[dict]:
    if args.articles:
        return _jsonl(args.articles, "articles")
    rows = []
    for doc_id, g in golds.items():
        path = Path(args.gold, "articles", f"{doc_id}.txt")
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            raise InputError(f"{path}: no such file (the article of gold {doc_id!r})") from None
        row = {"id": doc_id, "text": text}
        if g.get("published"):
            row["published"] = g["published"]
        rows.append(row)
    return rows


def _pair_records(rows: list[dict], records: list[dict]) -> list[dict | None]:
    """Each article's record: by id; a record without an id by its line (batch keeps order)."""
    by_id = {str(r["id"]): r for r in records if r.get("id") is not None}
    out = []
    for n, row in enumerate(rows):
        rec = by_id.get(str(row.get("id"))) if row.get("id") is not None else None
        if rec is None and n < len(records) and records[n].get("id") is None:
            rec = records[n]
        out.append(rec)
    return out


def _batch(args: argparse.Namespace) -> int:
    from . import pairing
    from .render import build_page, first_line, render, render_index

    if args.gold and not _is_gold_dir(args.gold):
        raise InputError(f"{args.gold}: batch mode needs a gold folder (gold/ID.json, articles/ID.txt)")
    golds = _gold_set(args.gold) if args.gold else None
    rows = _articles(args, golds)
    if not rows:
        raise InputError("show: no articles to render")
    records = _jsonl(args.records, "records") if args.records else _extract(rows)
    paired = _pair_records(rows, records)

    out = Path(args.output)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out}: cannot create the folder ({exc.strerror})") from None
    taken: set[str] = {"index"}
    names = [_slug(row.get("id", n + 1), taken) for n, row in enumerate(rows)]
    index_rows, comparisons = [], []
    for n, (row, record) in enumerate(zip(rows, paired)):
        text = row.get("text") if isinstance(row.get("text"), str) else ""
        doc_id = row.get("id")
        gold = golds.get(str(doc_id)) if golds is not None else None
        if record is None:
            record = {"id": doc_id, "error": {"kind": "missing", "message": "no record for this article"}}
        page = build_page(text, record, gold=gold, title=row.get("title"), published=row.get("published"))
        if page.scores is not None:
            comparisons.append(page.scores)
        html = render(page, gold=gold is not None, index_href=f"index.html#row-{names[n]}",
                      prev_href=f"{names[n - 1]}.html" if n else None,
                      next_href=f"{names[n + 1]}.html" if n + 1 < len(rows) else None)
        _write(str(out / f"{names[n]}.html"), html)
        error = page.error
        index_rows.append({
            "id": doc_id, "href": f"{names[n]}.html", "anchor": names[n],
            "title": row.get("title") or first_line(text), "published": page.published,
            "counts": None if error else {k: len(record.get(k) or []) for k in pairing.KINDS},
            "error": f"{error.get('kind', 'error')}: {error.get('message', '')}" if error else None,
            "scores": page.scores,
        })
    totals = pairing.totals(comparisons) if golds is not None else None
    heading = f"newsie review: {args.gold}" if golds is not None else "newsie review"
    _write(str(out / "index.html"), render_index(index_rows, totals=totals, heading=heading))
    failed = sum(1 for r in index_rows if r["error"])
    print(f"newsie show: {len(rows)} pages + index.html -> {out}/ ({failed} with an error record)",
          file=sys.stderr)
    return 0
