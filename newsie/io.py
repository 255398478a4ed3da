"""Reading articles and batch rows from files, with errors that name the input."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import InputError


_FALLBACKS = ("gb18030", "big5")  # GB18030 is a superset of GBK and GB2312


def decode(data: bytes, what: str) -> str:
    """Text from bytes: a BOM (UTF-8, UTF-16, UTF-32), else strict UTF-8, else GB18030/GBK or Big5
    as charset-normalizer judges the bytes; anything else is refused, naming the input."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                       (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{what}: starts with a {codec} byte-order mark but is not valid {codec}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_FALLBACKS)).best()
    if best is not None:
        return str(best)
    raise InputError(f"{what}: cannot decode (invalid UTF-8 at byte {first_bad}; also tried "
                     f"{', '.join(_FALLBACKS)}); convert it to UTF-8 first")


def read_text(path: str) -> str:
    """An article from a file path, or from standard input for '-'."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), "standard input")
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path}: is a directory, expected a text file")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return decode(data, path)


def read_jsonl(path: str) -> Iterator[dict[str, Any] | InputError]:
    """Rows of a JSON Lines file (or '-'); a broken line becomes an InputError in its place."""
    if path == "-":
        stream = sys.stdin.buffer
    else:
        p = Path(path)
        if p.is_dir():
            raise InputError(f"{path}: is a directory, expected a JSON Lines file")
        try:
            stream = p.open("rb")
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    with stream:
        for n, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            try:
                row = json.loads(decode(raw, f"{path}:{n}"))
            except json.JSONDecodeError as exc:
                err = InputError(f"{path}:{n}: not valid JSON ({exc.msg})")
                err.row_id = n
                yield err
                continue
            except InputError as err:
                err.row_id = n
                yield err
                continue
            if isinstance(row, dict) and row.get("id") is None:
                row["id"] = n  # the line number: stable across runs, so --resume can find it
            yield row


def write_text(path: str, text: str) -> None:
    """TEXT to a UTF-8 file, or to standard output for '-'; a failure names the file."""
    if path == "-":
        sys.stdout.write(text)
        return
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from None
