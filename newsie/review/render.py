"""Record + article text (+ gold) -> a static, self-contained HTML review page.

Pure functions: nothing here reads files or runs the extractor. The HTML comes from the
Jinja2 templates in `templates/` with autoescaping on, so the article text (untrusted) is
always shown as text. The page's one inline script is allowed by its hash in the page's
Content-Security-Policy, which blocks every other script and every network load.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from typing import Any

from . import pairing

# Highlight kinds, in panel order: (kind, record list, label).
KINDS = (
    ("event", "events", "Events"),
    ("person", "people", "People"),
    ("role", None, "Titles and organisations"),
    ("quantity", "quantities", "Quantities"),
    ("date", "dates", "Dates"),
    ("source", None, "Source"),
)
RECORD_KIND = {lst: kind for kind, lst, _ in KINDS if lst}
FIELDS = {
    "events": ("name", "aliases", "venue", "city", "start", "end", "theme"),
    "people": ("name", "title", "org", "role"),
    "quantities": ("text", "value", "value_max", "unit", "subject", "approx", "qualifier"),
    "dates": ("text", "start", "end"),
}
STATUS_TEXT = {
    "hit": "hit: paired with gold, every attribute right",
    "inexact": "found, but some attributes are wrong",
    "extra": "extra: no gold item pairs with it",
    "miss": "missed: gold item no prediction pairs with",
    "optional": "paired with an optional gold item (not counted)",
}
_ROLE_WINDOW = (40, 20)  # characters before / after a person's mention searched for title and org


@dataclass
class Mark:
    """One highlighted span of the article."""

    start: int
    end: int
    kind: str
    fact: str            # id of the fact in the side panel
    status: str | None = None
    id: str | None = None


@dataclass
class Fact:
    """One entry of the side panel (a record item, the source, or a missed gold item)."""

    id: str
    kind: str
    label: str
    fields: list[tuple[str, str]]
    status: str | None = None
    note: str | None = None
    marks: int = 0


@dataclass
class Segment:
    """A piece of the laid-out article: text, or the opening/closing of a mark."""

    type: str                      # "text" | "open" | "close"
    text: str = ""
    mark: Mark | None = None
    cont: bool = False             # an open that continues a mark split by an overlap


@dataclass
class Page:
    """Everything a review page shows; `render_page` turns it into HTML."""

    title: str
    id: Any
    published: Any
    segments: list[Segment]
    facts: dict[str, list[Fact]]
    counts: dict[str, int]
    error: dict | None = None
    warnings: list[str] = field(default_factory=list)
    scores: dict | None = None


def show_value(v: Any) -> str:
    """A field value as the page shows it: numbers without float noise, lists joined, null as —."""
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, list):
        return " | ".join(show_value(x) for x in v) if v else "—"
    return str(v)


def _valid_span(span: Any, n: int) -> tuple[int, int] | None:
    if (isinstance(span, (list, tuple)) and len(span) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in span)
            and 0 <= span[0] < span[1] <= n):
        return span[0], span[1]
    return None


def _item_spans(lst: str, item: dict) -> list:
    if lst in ("events", "people"):
        return list(item.get("spans") or [])
    return [item["span"]] if item.get("span") is not None else []


def _label(lst: str, item: dict) -> str:
    key = "name" if lst in ("events", "people") else "text"
    return show_value(item.get(key))


def _locate(text: str, needle: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """First occurrence of needle not overlapping a taken span, else the first occurrence."""
    if not needle:
        return None
    first, pos = None, text.find(needle)
    while pos != -1:
        span = (pos, pos + len(needle))
        first = first or span
        if not any(s < span[1] and span[0] < e for s, e in taken):
            return span
        pos = text.find(needle, pos + 1)
    return first


def _near(text: str, needle: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """needle close to one of a person's mentions (titles and orgs sit beside the name)."""
    before, after = _ROLE_WINDOW
    for s, e in spans:
        lo = max(0, s - before)
        pos = text.rfind(needle, lo, s)
        if pos == -1:
            pos = text.find(needle, e, e + after + len(needle))
        if pos != -1:
            return pos, pos + len(needle)
    return None


def _source_spans(text: str, source: dict) -> list[tuple[str, tuple[int, int]]]:
    """Where the outlet and the dateline are printed: a dateline's first occurrence; the outlet
    preferably on a credit line (来源, 编辑, 记者), else its first occurrence."""
    out = []
    dateline = source.get("dateline")
    if isinstance(dateline, str) and dateline and (pos := text.find(dateline)) != -1:
        out.append(("dateline", (pos, pos + len(dateline))))
    outlet = source.get("outlet")
    if isinstance(outlet, str) and outlet:
        found = None
        pos = text.find(outlet)
        while pos != -1:
            line_start = text.rfind("\n", 0, pos) + 1
            line_end = text.find("\n", pos)
            line = text[line_start:line_end if line_end != -1 else len(text)]
            if any(w in line for w in ("来源", "编辑", "记者", "作者", "本文")):
                found = pos
                break
            found = pos if found is None else found
            pos = text.find(outlet, pos + 1)
        taken = [s for _, s in out]
        if found is not None and not any(s < found + len(outlet) and found < e for s, e in taken):
            out.append(("outlet", (found, found + len(outlet))))
    return out


def layout(text: str, marks: list[Mark]) -> list[Segment]:
    """Text and properly nested mark open/close segments. Longer marks open first; a mark that
    crosses the end of another is closed there and reopened as a continuation (`cont`)."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starts: dict[int, list[Mark]] = {}
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        starts.setdefault(m.start, []).append(m)
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[Segment] = []
    stack: list[Mark] = []
    pos = 0
    for b in bounds:
        if b > pos:
            out.append(Segment("text", text[pos:b]))
            pos = b
        ending = [n for n, m in enumerate(stack) if m.end == b]
        if ending:
            first = ending[0]
            reopen = [m for m in stack[first:] if m.end != b]
            out.extend(Segment("close") for _ in stack[first:])
            del stack[first:]
            for m in reopen:
                out.append(Segment("open", mark=m, cont=True))
                stack.append(m)
        for m in starts.get(b, []):
            out.append(Segment("open", mark=m))
            stack.append(m)
    return out


def build_page(text: str, record: dict, *, gold: dict | None = None, title: str | None = None,
               published: Any = None) -> Page:
    """The page model of one article: its marks, side-panel facts and (with gold) scores."""
    record = record if isinstance(record, dict) else {}
    # a failed record scores as an empty one, as the scorer counts it
    comparison = pairing.compare(record, gold) if gold is not None else None
    marks: list[Mark] = []
    facts: dict[str, list[Fact]] = {kind: [] for kind, _, _ in KINDS}
    warnings: list[str] = []
    n = len(text)

    for lst, kind in RECORD_KIND.items():
        items = record.get(lst) or []
        statuses = comparison["kinds"][lst]["preds"] if comparison else [None] * len(items)
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                warnings.append(f"{lst}[{i}] is not an object; left out")
                continue
            st = statuses[i] or {}
            fact = Fact(id=f"{kind[0]}{i}", kind=kind, label=_label(lst, item),
                        fields=[(k, show_value(item.get(k))) for k in FIELDS[lst]],
                        status=st.get("status"))
            if st.get("wrong") or st.get("soft_wrong"):
                g = (gold.get(lst) or [])[st["gold"]]
                fact.note = "wrong: " + "; ".join(
                    [f"{w} (gold: {show_value(g.get(w))})" for w in st["wrong"]]
                    + [f"{w} (gold: {show_value(g.get(w))}; not part of an exact match)" for w in st["soft_wrong"]])
            spans = []
            for span in _item_spans(lst, item):
                ok = _valid_span(span, n)
                if ok is None:
                    warnings.append(f"{lst}[{i}] ({fact.label}): span {span!r} is not inside the text; not shown")
                    continue
                spans.append(ok)
                marks.append(Mark(ok[0], ok[1], kind, fact.id, fact.status))
            if lst == "people":
                for attr in ("title", "org"):
                    value = item.get(attr)
                    if isinstance(value, str) and (where := _near(text, value, spans)):
                        marks.append(Mark(where[0], where[1], "role", fact.id, fact.status))
            facts[kind].append(fact)

    source = record.get("source") if isinstance(record.get("source"), dict) else None
    if source:
        fact = Fact(id="s0", kind="source", label=show_value(source.get("outlet") or source.get("dateline")),
                    fields=[(k, show_value(source.get(k))) for k in ("outlet", "dateline", "published")])
        for _, (s, e) in _source_spans(text, source):
            marks.append(Mark(s, e, "source", fact.id))
        facts["source"].append(fact)

    if comparison:
        for lst, kind in RECORD_KIND.items():
            golds = gold.get(lst) or []
            taken = [(m.start, m.end) for m in marks if m.kind == kind]
            for j in comparison["kinds"][lst]["misses"]:
                g = golds[j]
                key = "name" if lst in ("events", "people") else "text"
                fact = Fact(id=f"g{kind[0]}{j}", kind=kind, label=show_value(g.get(key)),
                            fields=[(k, show_value(g.get(k))) for k in FIELDS[lst] if k in g],
                            status="miss", note=g.get("note"))
                where = _locate(text, g.get(key) or "", taken) if isinstance(g.get(key), str) else None
                if where:
                    taken.append(where)
                    marks.append(Mark(where[0], where[1], kind, fact.id, "miss"))
                else:
                    fact.note = "not found in the text" + (f"; {fact.note}" if fact.note else "")
                facts[kind].append(fact)

    by_fact: dict[str, int] = {}
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        k = by_fact.get(m.fact, 0)
        by_fact[m.fact] = k + 1
        m.id = f"m-{m.fact}-{k}"
    for group in facts.values():
        for f in group:
            f.marks = by_fact.get(f.id, 0)

    counts = {kind: sum(1 for m in marks if m.kind == kind) for kind, _, _ in KINDS}
    return Page(title=title or first_line(text) or str(record.get("id") or "article"),
                id=record.get("id"), published=published or (source or {}).get("published"),
                segments=layout(text, marks), facts=facts, counts=counts,
                error=record.get("error") if isinstance(record.get("error"), dict) else None,
                warnings=warnings, scores=comparison)


def first_line(text: str, limit: int = 80) -> str:
    """The article's first non-blank line (Chinese news puts the headline there), shortened."""
    for line in text.splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= limit else line[:limit - 1] + "…"
    return ""


def _env():
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("newsie.review", "templates"),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True,
                              undefined=jinja2.StrictUndefined)


def _script(env) -> tuple[str, str]:
    """The page script and its CSP hash (only this exact script may run on the page)."""
    js = env.get_template("_script.html.j2").render()
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return js, f"'sha256-{digest}'"


def render_page(text: str, record: dict, *, gold: dict | None = None, title: str | None = None,
                published: Any = None, **links: str | None) -> str:
    """One article's review page as a complete HTML document."""
    return render(build_page(text, record, gold=gold, title=title, published=published), **links)


def render(page: Page, *, gold: bool | None = None, index_href: str | None = None,
           prev_href: str | None = None, next_href: str | None = None) -> str:
    """A built page model as a complete HTML document (links: back to the index, neighbours)."""
    from markupsafe import Markup

    env = _env()
    js, js_hash = _script(env)
    return env.get_template("page.html.j2").render(
        page=page, kinds=KINDS, status_text=STATUS_TEXT,
        gold=page.scores is not None if gold is None else gold,
        script=Markup(js), script_hash=js_hash, index_href=index_href,
        prev_href=prev_href, next_href=next_href)


def render_index(rows: list[dict], *, totals: dict | None = None, heading: str = "newsie review") -> str:
    """The index of a batch: one row per article (keys: id, href, title, published, counts,
    error, scores), linked to the pages; `totals` are the corpus scores in gold mode."""
    from markupsafe import Markup

    env = _env()
    js, js_hash = _script(env)
    return env.get_template("index.html.j2").render(
        rows=rows, totals=totals, heading=heading, kinds=KINDS, score_kinds=pairing.KINDS,
        script=Markup(js), script_hash=js_hash)
