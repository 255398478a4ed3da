"""How the official scorer (shared/eval/score.py) pairs a record's facts with gold facts.

A faithful re-implementation, so that the review page colours exactly the hits, misses and
extras the scorer counts, without needing the scorer at run time. Keep it in step with
score.py: tests/test_review.py compares the two wherever the scorer is beside the repo.
Standard library only.
"""
from __future__ import annotations

import math
import unicodedata
from typing import Any, Callable

KINDS = ("events", "people", "quantities", "dates")

QUOTES = "\"'“”‘’《》「」『』〈〉"
UNIT_FORMS = {
    "％": "%", "percent": "%", "百分之": "%",
    "㎡": "平方米", "m2": "平方米", "平米": "平方米", "平方公里": "平方公里",
    "人民币": "元", "rmb": "元", "块": "元", "usd": "美元",
    "位": "名",
}


def norm(s: Any) -> str | None:
    """Comparable form of a surface string: NFKC, no spaces or quotes, ASCII lower-case."""
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", str(s))
    return "".join(c for c in s if not c.isspace() and c not in QUOTES).lower()


def norm_unit(u: Any) -> str | None:
    u = norm(u)
    if not u:
        return None
    return UNIT_FORMS.get(u, u)


def choices(v: Any) -> list:
    """A gold field is a value or a list of acceptable values."""
    return v if isinstance(v, list) else [v]


def ok(pred: Any, gold: Any, key: Callable = norm) -> bool:
    return key(pred) in {key(g) for g in choices(gold)}


def overlaps(a: Any, b: Any) -> bool:
    a, b = norm(a) or "", norm(b) or ""
    return bool(a) and bool(b) and (a in b or b in a)


def same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def name_matches(pred_names: list, gold_names: list) -> bool:
    for p in pred_names:
        for g in gold_names:
            p_, g_ = norm(p) or "", norm(g) or ""
            if not p_ or not g_:
                continue
            if p_ == g_:
                return True
            short, long_ = sorted((p_, g_), key=len)
            if len(short) >= 4 and short in long_ and len(short) >= 0.6 * len(long_):
                return True
    return False


def pair_event(p: dict, g: dict) -> bool:
    return name_matches([p.get("name")] + list(p.get("aliases") or []),
                        [g["name"]] + list(g.get("aliases") or []))


def pair_person(p: dict, g: dict) -> bool:
    return ok(p.get("name"), [g["name"]] + list(g.get("aliases") or []))


def pair_quantity(p: dict, g: dict) -> bool:
    return any(same_number(p.get("value"), v) for v in choices(g["value"])) \
        and overlaps(p.get("text"), g["text"])


def pair_date(p: dict, g: dict) -> bool:
    return overlaps(p.get("text"), g["text"])


PAIR = {"events": pair_event, "people": pair_person,
        "quantities": pair_quantity, "dates": pair_date}

# Attributes that must also be right for a pair to count as exact.
ATTRS = {
    "events": {
        "venue": lambda p, g: ok(p.get("venue"), g.get("venue")),
        "city": lambda p, g: ok(p.get("city"), g.get("city")),
        "start": lambda p, g: ok(p.get("start"), g.get("start"), key=str),
        "end": lambda p, g: ok(p.get("end"), g.get("end"), key=str),
    },
    "people": {
        "title": lambda p, g: ok(p.get("title"), g.get("title")),
        "org": lambda p, g: ok(p.get("org"), g.get("org")),
    },
    "quantities": {
        "value_max": lambda p, g: any(same_number(p.get("value_max"), v)
                                      for v in choices(g.get("value_max"))),
        "unit": lambda p, g: ok(p.get("unit"), g.get("unit"), key=norm_unit),
        "approx": lambda p, g: bool(p.get("approx")) in {bool(v) for v in choices(g.get("approx"))},
    },
    "dates": {
        "start": lambda p, g: ok(p.get("start"), g.get("start"), key=str),
        "end": lambda p, g: ok(p.get("end"), g.get("end"), key=str),
    },
}
# Judged on found pairs and reported, but not part of an exact match.
SOFT = {
    "events": {},
    "people": {"role": lambda p, g: ok(p.get("role"), g.get("role", "speaker"))},
    "quantities": {
        "subject": lambda p, g: g.get("subject") is None
        or any(overlaps(p.get("subject"), s) for s in choices(g.get("subject"))),
    },
    "dates": {},
}


def match(preds: list[dict], golds: list[dict], pair: Callable) -> tuple[list[tuple[int | None, int]], list[int]]:
    """The scorer's one-to-one pairing, by index: ([(pred index or None, gold index)], [extra pred indices]).

    Required gold items choose before optional ones, and a prediction with the gold's exact
    text is preferred over one that merely overlaps it; each gold takes the first free prediction.
    """
    used: set[int] = set()
    found: dict[int, int] = {}
    order = sorted(range(len(golds)), key=lambda j: bool(golds[j].get("optional")))
    for exact_text in (True, False):
        for j in order:
            if j in found:
                continue
            g = golds[j]
            for i, p in enumerate(preds):
                if i in used or not pair(p, g):
                    continue
                if exact_text and p.get("text", p.get("name")) != g.get("text", g.get("name")):
                    continue
                used.add(i)
                found[j] = i
                break
    pairs = [(found.get(j), j) for j in range(len(golds))]
    extra = [i for i in range(len(preds)) if i not in used]
    return pairs, extra


def f1(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def compare(record: dict, gold: dict) -> dict[str, Any]:
    """One article's record against its gold, as the scorer sees it.

    Returns {"kinds": {kind: {...}}, "headline_exact_f1": float}. Each kind holds:
    - "preds": one entry per record item (same order as record[kind], non-dicts skipped as the
      scorer skips them): {"status": "hit" | "inexact" | "optional" | "extra", "gold": index or None,
      "wrong": [attributes that failed], "soft_wrong": [soft attributes that failed]}
    - "misses": gold indices the scorer counts as missed (required, unpaired)
    - "optional_unpaired": optional gold indices nobody found (no penalty)
    - "tp", "fp", "fn", "exact_tp", "found" and "exact" ({p, r, f1}).
    """
    out: dict[str, Any] = {"kinds": {}}
    for kind in KINDS:
        golds = gold.get(kind, []) or []
        items = record.get(kind) or []
        index = [n for n, p in enumerate(items) if isinstance(p, dict)]
        preds = [items[n] for n in index]
        pairs, extra = match(preds, golds, PAIR[kind])
        statuses: dict[int, dict[str, Any]] = {}
        tp = fn = exact_tp = 0
        misses, optional_unpaired = [], []
        for i, j in pairs:
            g = golds[j]
            optional = bool(g.get("optional", False))
            if i is None:
                (optional_unpaired if optional else misses).append(j)
                if not optional:
                    fn += 1
                continue
            p = preds[i]
            if optional:
                statuses[index[i]] = {"status": "optional", "gold": j, "wrong": [], "soft_wrong": []}
                continue
            tp += 1
            wrong = [name for name, check in ATTRS[kind].items() if not check(p, g)]
            soft_wrong = [name for name, check in SOFT[kind].items() if not check(p, g)]
            exact_tp += not wrong
            statuses[index[i]] = {"status": "inexact" if wrong else "hit", "gold": j,
                                  "wrong": wrong, "soft_wrong": soft_wrong}
        for i in extra:
            statuses[index[i]] = {"status": "extra", "gold": None, "wrong": [], "soft_wrong": []}
        fp = len(extra)
        out["kinds"][kind] = {
            "preds": [statuses.get(n) for n in range(len(items))],
            "misses": misses, "optional_unpaired": optional_unpaired,
            "tp": tp, "fp": fp, "fn": fn, "exact_tp": exact_tp,
            "found": f1(tp, fp, fn),
            "exact": f1(exact_tp, fp + tp - exact_tp, fn + tp - exact_tp),
        }
    out["headline_exact_f1"] = sum(out["kinds"][k]["exact"]["f1"] for k in KINDS) / len(KINDS)
    return out


def totals(comparisons: list[dict]) -> dict[str, Any]:
    """Sum per-article comparisons into the scorer's corpus figures (found/exact F1 per kind)."""
    out: dict[str, Any] = {}
    for kind in KINDS:
        tp = sum(c["kinds"][kind]["tp"] for c in comparisons)
        fp = sum(c["kinds"][kind]["fp"] for c in comparisons)
        fn = sum(c["kinds"][kind]["fn"] for c in comparisons)
        ex = sum(c["kinds"][kind]["exact_tp"] for c in comparisons)
        out[kind] = {"tp": tp, "fp": fp, "fn": fn, "exact_tp": ex, "found": f1(tp, fp, fn),
                     "exact": f1(ex, fp + tp - ex, fn + tp - ex)}
    out["headline_exact_f1"] = sum(out[k]["exact"]["f1"] for k in KINDS) / len(KINDS)
    return out
