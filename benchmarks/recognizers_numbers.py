"""Run newsie's number and quantity normaliser over Microsoft Recognizers-Text's Chinese
Number and NumberWithUnit specs and print the pass rate per file.

    python benchmarks/recognizers_numbers.py [SPEC_ROOT] [-v]

SPEC_ROOT defaults to ../shared/datasets/recognizers-text-zh-specs (read from there, never
copied into the project).

- Number/Chinese/{NumberModel, PercentModel, NumberRangeModel…}: the normaliser
  (``newsie.numbers.read_number``) reads each expected ``Text``; a result passes when its value
  (and, for ranges, both bounds) equals Recognizers' resolution. A case passes when all its
  results do; cases with no expected result are left out (they test extraction, not reading).
- NumberWithUnit/Chinese/{Currency, Dimension, Age, Temperature}: ``find_quantities`` runs on
  the input; a result passes when a quantity overlaps its text with the same value.
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from newsie.numbers import read_number
from newsie.quantities import find_quantities

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "recognizers-text-zh-specs"
NUMBER_FILES = ["NumberModel", "PercentModel", "NumberRangeModel", "OrdinalModel"]
UNIT_FILES = ["CurrencyModel", "DimensionModel", "AgeModel", "TemperatureModel"]


def same(a, b) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def expected_bounds(res: dict):
    """Recognizers' resolution as (low, high); a range "(a,b]" gives both, a point gives (v, None)."""
    v = str(res.get("value", "")).strip()
    if v.endswith("%"):
        v = v[:-1]
    if v[:1] in "([" and v[-1:] in ")]":
        lo, _, hi = v[1:-1].partition(",")
        return (lo or None), (hi or None)
    return v, None


def number_case(case: dict) -> bool | None:
    results = case.get("Results") or []
    if not results:
        return None
    for r in results:
        got = read_number(r["Text"])
        lo, hi = expected_bounds(r.get("Resolution") or {})
        if got is None:
            return False
        if hi is None:
            if not same(got.value, lo):
                return False
        else:
            if not ((lo is None or same(got.value, lo)) and same(got.value_max, hi)):
                return False
    return True


def unit_case(case: dict) -> bool | None:
    results = case.get("Results") or []
    found = find_quantities(case["Input"])
    if not results:
        return not found
    for r in results:
        want = (r.get("Resolution") or {}).get("value")
        text = r["Text"]
        ok = any((q["text"] in text or text in q["text"]) and same(q["value"], want) for q in found)
        if not ok:
            return False
    return True


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    root = Path(args[0]) if args else DEFAULT
    if not root.exists():
        print(f"recognizers specs not found at {root}; skipped")
        return 0
    print(f"{'file':<40} {'passed':>7} {'cases':>6} {'rate':>6}")
    for folder, files, check in (("Number", NUMBER_FILES, number_case),
                                 ("NumberWithUnit", UNIT_FILES, unit_case)):
        for name in files:
            path = root / folder / "Chinese" / f"{name}.json"
            if not path.exists():
                continue
            cases = json.loads(path.read_text(encoding="utf-8"))
            passed = total = 0
            for case in cases:
                verdict = check(case)
                if verdict is None:
                    continue
                total += 1
                passed += verdict
                if verbose and not verdict:
                    print("  FAIL", json.dumps(case, ensure_ascii=False)[:200])
            rate = passed / total if total else 0.0
            print(f"{folder + '/' + name:<40} {passed:>7} {total:>6} {rate:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
