"""newsie's knowledge base: load records into an on-disk Oxigraph store, query it, push it.

pyoxigraph is imported inside the functions that need it. Loading is one SPARQL update, which
Oxigraph applies in one transaction: each article's graph is replaced whole, or nothing changes.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError, NewsieError
from . import rdf
from .rdf import Quad


class KnowledgeBaseError(NewsieError):
    """The knowledge base (a store directory or a remote endpoint) cannot be used as asked."""


FORMATS = ("jsonld", "turtle", "nquads")
RESULT_FORMATS = ("table", "json", "csv")
PROTOCOLS = ("update", "graph-store")


def default_store_dir() -> Path:
    """$NEWSIE_KB, else $XDG_DATA_HOME/newsie/kb (~/.local/share/newsie/kb)."""
    if os.environ.get("NEWSIE_KB"):
        return Path(os.environ["NEWSIE_KB"])
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "newsie" / "kb"


# ---- records → quads ----

def read_records(path: str) -> tuple[list[dict[str, Any]], int]:
    """The records of a newsie batch output file, and how many failed rows ("error") were skipped."""
    from ..io import read_jsonl

    records, skipped = [], 0
    for row in read_jsonl(path):
        if isinstance(row, InputError):
            raise row
        if not isinstance(row, dict):
            raise InputError(f"{path}: a line holds {type(row).__name__}, expected a newsie/1 record")
        if "error" in row:
            skipped += 1
            continue
        records.append(row)
    return records, skipped


def build_quads(records: Iterable[dict[str, Any]], source: str) -> list[Quad]:
    """All quads of the records; a malformed record is an InputError naming it."""
    aliases = rdf.org_aliases()
    quads: list[Quad] = []
    for n, record in enumerate(records, 1):
        try:
            quads += rdf.record_quads(record, aliases)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            rid = record.get("id") if isinstance(record, dict) else None
            raise InputError(f"{source}: record {n} (id {rid!r}) is not a valid newsie/1 record: {exc}") from None
    return quads


def by_graph(quads: Iterable[Quad]) -> dict[str, list[Quad]]:
    """Quads grouped by graph name, without duplicates, in first-seen order."""
    graphs: dict[str, dict[Quad, None]] = {}
    for quad in quads:
        graphs.setdefault(quad[3], {})[quad] = None
    return {g: list(qs) for g, qs in graphs.items()}


def replace_graph_op(graph: str, ntriples: list[str]) -> str:
    """SPARQL update operations that make GRAPH hold exactly these N-Triples lines."""
    body = "\n".join(ntriples)
    return f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}"


def replace_graphs_update(graphs: dict[str, list[Quad]]) -> str:
    """A SPARQL update that replaces each graph with its quads."""
    return " ;\n".join(replace_graph_op(g, [rdf.ntriples_line(q) for q in qs]) for g, qs in graphs.items())


# ---- export ----

def _ox_term(term: rdf.Term):
    """A newsie term as a pyoxigraph term."""
    import pyoxigraph as ox

    if isinstance(term, rdf.IRI):
        return ox.NamedNode(term)
    if term.lang:
        return ox.Literal(term.value, language=term.lang)
    return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype) if term.datatype else None)


def serialise(quads: list[Quad], fmt: str, context_ref: str | None = None) -> str:
    """Quads as JSON-LD (named graphs), Turtle (the triples of all graphs) or N-Quads."""
    if fmt == "nquads":
        return "".join(rdf.nquads_line(q) + "\n" for q in dict.fromkeys(quads))
    if fmt == "jsonld":
        doc = rdf.jsonld_document(dict.fromkeys(quads), context_ref)
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if fmt == "turtle":
        import pyoxigraph as ox

        triples = dict.fromkeys(q[:3] for q in quads)
        ox_triples = [ox.Triple(*(_ox_term(t) for t in triple)) for triple in triples]
        return ox.serialize(ox_triples, format=ox.RdfFormat.TURTLE, prefixes=rdf.PREFIXES).decode("utf-8")
    raise InputError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


# ---- the store ----

def open_store(path: Path, *, read_only: bool = False):
    """The Oxigraph store in directory PATH (created when writing)."""
    import pyoxigraph as ox

    if read_only and not (path / "CURRENT").exists():
        raise KnowledgeBaseError(f"{path}: no knowledge base here; run `newsie kb load RECORDS.jsonl` first")
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot open the knowledge base ({_first_line(exc)}); "
                                 "is another newsie process using it?") from None


@dataclass
class LoadReport:
    """What `load` did."""

    articles: int
    skipped: int
    before: int
    after: int


def load(records_path: str, store_dir: Path) -> LoadReport:
    """Load a batch output file; each article's graph is replaced, all in one transaction."""
    records, skipped = read_records(records_path)
    graphs = by_graph(build_quads(records, records_path))  # every input error is raised before the store is touched
    store = open_store(store_dir)
    before = len(store)
    if graphs:
        apply_update(store, replace_graphs_update(graphs))
        store.flush()
    return LoadReport(articles=len(graphs), skipped=skipped, before=before, after=len(store))


def apply_update(store, update: str) -> None:
    """Run one SPARQL update on the store (Oxigraph applies it atomically)."""
    try:
        store.update(update)
    except (OSError, RuntimeError, SyntaxError) as exc:
        raise KnowledgeBaseError(f"loading failed, the knowledge base is unchanged: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    """The first line of an exception's message."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# ---- named queries ----

@dataclass
class NamedQuery:
    """A SPARQL query shipped in newsie/kb/queries/NAME.rq, with its `# param NAME: help` lines."""

    name: str
    description: str
    params: dict[str, str] = field(default_factory=dict)
    text: str = ""


_PARAM_LINE = re.compile(r"#\s*param\s+(\w+)\s*:\s*(.*)")


def named_queries() -> dict[str, NamedQuery]:
    """The named queries shipped with newsie, by name."""
    out = {}
    for entry in sorted(resources.files("newsie.kb").joinpath("queries").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        comments = [line for line in text.splitlines() if line.startswith("#")]
        params = {m[1]: m[2] for m in map(_PARAM_LINE.fullmatch, comments) if m}
        description = " ".join(c.lstrip("# ") for c in comments if not _PARAM_LINE.fullmatch(c))
        name = entry.name[:-3]
        out[name] = NamedQuery(name, description, params, text)
    return out


def bind_params(query: NamedQuery, values: dict[str, str]) -> str:
    """The query text with each given parameter's `VALUES ?name { UNDEF }` line filled in."""
    unknown = sorted(set(values) - set(query.params))
    if unknown:
        known = ", ".join(query.params) or "none"
        raise InputError(f"named query {query.name!r} has no parameter {unknown[0]!r} (its parameters: {known})")
    text = query.text
    for name, value in values.items():
        pattern = re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*UNDEF\s*\}")
        literal = rdf.term_text(rdf.plain(value))
        text = pattern.sub(lambda _m: f"VALUES ?{name} {{ {literal} }}", text, count=1)
    return text


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """NAME=VALUE strings as a dict."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--param {pair!r}: expected NAME=VALUE, e.g. --param event=GMIC")
        out[name.strip()] = value
    return out


def query(store_dir: Path, sparql: str):
    """Run a SPARQL query on the store (the default graph is the union of the article graphs)."""
    store = open_store(store_dir, read_only=True)
    try:
        return store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise InputError(f"SPARQL syntax error: {_first_line(exc)}") from None
    except (OSError, RuntimeError) as exc:
        raise KnowledgeBaseError(f"query failed: {_first_line(exc)}") from None


def _display(term: Any) -> str:
    """A result term as a table cell: the literal's text or the IRI."""
    return "" if term is None else str(term.value)


def _width(text: str) -> int:
    """Display width in a terminal (CJK characters take two columns)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(header: list[str], rows: list[list[str]]) -> str:
    """Rows as an aligned text table."""
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = [[*header], ["-" * w for w in widths], *rows]
    return "\n".join("  ".join(c + " " * (w - _width(c)) for c, w in zip(line, widths)).rstrip() for line in lines) + "\n"


def format_results(result: Any, fmt: str) -> str:
    """A query result as a table, SPARQL JSON results or CSV (triples always as N-Triples)."""
    import pyoxigraph as ox

    if fmt not in RESULT_FORMATS:
        raise InputError(f"unknown result format {fmt!r}: use one of {', '.join(RESULT_FORMATS)}")
    if isinstance(result, ox.QueryTriples):
        return result.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if isinstance(result, ox.QueryBoolean) and fmt == "table":
        return f"{'true' if bool(result) else 'false'}\n"
    if fmt in ("json", "csv"):
        out_format = ox.QueryResultsFormat.JSON if fmt == "json" else ox.QueryResultsFormat.CSV
        text = result.serialize(format=out_format).decode("utf-8")
        return text if text.endswith("\n") else text + "\n"
    variables = list(result.variables)
    rows = [[_display(solution[v]) for v in variables] for solution in result]
    return table([v.value for v in variables], rows) + f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


# ---- push to a remote SPARQL 1.1 endpoint ----

def store_graphs(store_dir: Path) -> Iterator[tuple[str, list[str]]]:
    """(graph IRI, its triples as N-Triples lines) for each named graph of the store."""
    store = open_store(store_dir, read_only=True)
    for graph in store.named_graphs():
        lines = [f"{q.subject} {q.predicate} {q.object} ." for q in store.quads_for_pattern(None, None, None, graph)]
        yield graph.value, lines


def _send(request: urllib.request.Request, timeout: float) -> None:
    """Send one HTTP request; a failure is a one-line KnowledgeBaseError."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = _first_line(Exception(exc.read().decode("utf-8", "replace"))) if exc.fp else ""
        raise KnowledgeBaseError(f"{request.full_url}: HTTP {exc.code} {exc.reason}: {detail}"[:300]) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise KnowledgeBaseError(f"{request.full_url}: cannot reach the endpoint ({reason})") from None


def _with_query(url: str, **params: str) -> str:
    """URL with extra query-string parameters."""
    return url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)


def push(store_dir: Path, endpoint: str, protocol: str = "update", timeout: float = 60.0,
         graphs_per_request: int = 100) -> tuple[int, int]:
    """Send every article graph to ENDPOINT, replacing graphs of the same name; (graphs, triples) sent."""
    if not re.match(r"https?://", endpoint):
        raise InputError(f"--endpoint {endpoint!r}: expected an http:// or https:// URL")
    if protocol not in PROTOCOLS:
        raise InputError(f"unknown protocol {protocol!r}: use one of {', '.join(PROTOCOLS)}")
    n_graphs = n_triples = 0
    batch: list[str] = []

    def flush() -> None:
        if batch:
            body = " ;\n".join(batch).encode("utf-8")
            _send(urllib.request.Request(endpoint, data=body, method="POST",
                                         headers={"Content-Type": "application/sparql-update; charset=utf-8"}), timeout)
            batch.clear()

    for graph, lines in store_graphs(store_dir):
        n_graphs, n_triples = n_graphs + 1, n_triples + len(lines)
        if protocol == "graph-store":
            body = "".join(line + "\n" for line in lines).encode("utf-8")
            _send(urllib.request.Request(_with_query(endpoint, graph=graph), data=body, method="PUT",
                                         headers={"Content-Type": "application/n-triples"}), timeout)
            continue
        batch.append(replace_graph_op(graph, lines))
        if len(batch) >= graphs_per_request:
            flush()
    flush()
    return n_graphs, n_triples
