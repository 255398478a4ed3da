"""Run newsie's date finder over Microsoft Recognizers-Text's Chinese date specs.

    python benchmarks/recognizers_dates.py [SPEC_DIR] [-v]

SPEC_DIR defaults to ../shared/datasets/recognizers-text-zh-specs/DateTime/Chinese (the
files are read from there, never copied into the project). For DateParser, DatePeriodParser
and HolidayParser each case has an input, a reference date and the expected resolution; the
reference date is handed to ``find_dates`` as ``published``.

A case passes when newsie finds, for every expected result, a date overlapping its text whose
resolution matches, and nothing where none is expected. Matching turns both sides into a day
interval: newsie's ``start``/``end`` (``2017-04`` = 1 to 30 April) against Recognizers'
``date`` or ``startDate``/``endDate`` (Past or Future resolution; Recognizers' end is exclusive
for whole months, years and weeks, so both readings of its end are accepted). Cases with no
Gregorian resolution (seasons, lunar-calendar Timex such as 正月初一) count as failures, and
are also tallied apart.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import sys
from pathlib import Path

from newsie.dates import find_dates

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "recognizers-text-zh-specs" / "DateTime" / "Chinese"
FILES = ["DateParser", "DatePeriodParser", "HolidayParser"]


def interval(start: str, end: str) -> tuple[dt.date, dt.date] | None:
    """newsie's ISO start/end as a closed day interval (None for year-less forms)."""
    def lo(s):
        parts = s.split("-")
        if s.startswith("--") or not parts[0]:
            return None
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(y, m, d)

    def hi(s):
        parts = s.split("-")
        if s.startswith("--") or not parts[0]:
            return None
        y = int(parts[0])
        if len(parts) == 1:
            return dt.date(y, 12, 31)
        m = int(parts[1])
        if len(parts) == 2:
            return dt.date(y, m, calendar.monthrange(y, m)[1])
        return dt.date(y, m, int(parts[2]))

    a, b = lo(start), hi(end)
    return (a, b) if a and b else None


def expected(result: dict) -> list[tuple[dt.date, dt.date]]:
    """The acceptable closed day intervals of one Recognizers result."""
    out = []
    value = result.get("Value") or {}
    for key in ("PastResolution", "FutureResolution"):
        res = value.get(key) or {}
        try:
            if "date" in res:
                d = dt.date.fromisoformat(res["date"])
                out.append((d, d))
            elif "startDate" in res and "endDate" in res:
                a, b = dt.date.fromisoformat(res["startDate"]), dt.date.fromisoformat(res["endDate"])
                out.append((a, b))
                out.append((a, b - dt.timedelta(days=1)))  # exclusive end
        except ValueError:  # 0001-01-01 and the like: no valid date
            continue
    return out


def run_case(case: dict) -> tuple[bool, str]:
    ref = dt.date.fromisoformat(case["Context"]["ReferenceDateTime"][:10])
    text = case["Input"]
    found = find_dates(text, ref)
    results = case.get("Results") or []
    if not results:
        return (not found), f"expected none, got {found}"
    for r in results:
        s, e = r["Start"], r["Start"] + r["Length"]
        want = expected(r)
        got = [f for f in found if f["span"][0] < e and f["span"][1] > s]
        if not got:
            return False, f"missed {r['Text']!r}"
        if not want:
            return False, f"no Gregorian resolution for {r['Text']!r} (Timex {r['Value'].get('Timex')})"
        iv = interval(got[0]["start"], got[0]["end"])
        if iv not in want:
            return False, f"{r['Text']!r}: got {got[0]['start']}..{got[0]['end']}, want {want[:2]}"
    return True, ""


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    spec_dir = Path(args[0]) if args else DEFAULT
    if not spec_dir.is_dir():
        print(f"spec folder not found: {spec_dir}", file=sys.stderr)
        return 2
    print(f"{'file':<18}{'cases':>7}{'passed':>8}{'rate':>8}")
    for name in FILES:
        cases = json.loads((spec_dir / f"{name}.json").read_text(encoding="utf-8"))
        passed = 0
        for case in cases:
            ok, why = run_case(case)
            passed += ok
            if verbose and not ok:
                print(f"  FAIL {name}: {case['Input']!r} ({case['Context']['ReferenceDateTime'][:10]}): {why}")
        print(f"{name:<18}{len(cases):>7}{passed:>8}{passed / len(cases):>8.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
