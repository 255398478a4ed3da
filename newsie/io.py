"""Reading articles and batch rows from files, with errors that name the input."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import InputError


def decode(data: bytes, what: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused by name."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{what}: not UTF-8 text (byte {exc.start}); convert it to UTF-8 first") from None


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
