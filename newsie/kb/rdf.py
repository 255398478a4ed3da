"""newsie/1 records as RDF quads (schema.org, W3C Web Annotation, PROV-O): pure functions.

Every node is an IRI derived from content (no blank nodes), so the same article and the same
fact always give the same quads, and loading them again adds nothing. Each article's quads
live in a named graph whose name is the article's IRI. The mapping is documented in
docs/rdf-mapping.md.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, Union

SCHEMA = "http://schema.org/"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
NV = "urn:newsie:vocab:"  # newsie's own few terms (role, approx, qualifier, dateline, DateMention)
BASE = "urn:newsie:"  # node IRIs: urn:newsie:<kind>:<hash>

PREFIXES = {"schema": SCHEMA, "oa": OA, "prov": PROV, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "nv": NV}
LANG = "zh"

# Department words: "蚂蚁金服O2O事业部" is a department of the organisation 蚂蚁金服.
DEPARTMENT_ENDINGS = ("事业部", "事业群", "业务部", "部门", "研究院", "研究所", "实验室", "分公司", "子公司", "中心", "部")


class IRI(str):
    """An IRI (a plain str is never a term: literals are `Literal`)."""


@dataclass(frozen=True)
class Literal:
    """An RDF literal: a language-tagged string, a typed value, or a plain string."""

    value: str
    lang: str | None = None
    datatype: str | None = None


Term = Union[IRI, Literal]
Quad = tuple[IRI, IRI, Term, IRI]  # subject, predicate, object, graph

TYPE = IRI(RDF + "type")
RDFS_LABEL = IRI(RDFS + "label")


def s(local: str) -> IRI:
    """A schema.org IRI."""
    return IRI(SCHEMA + local)


def zh(text: str) -> Literal:
    """A literal in the article's language."""
    return Literal(text, lang=LANG)


def plain(text: str) -> Literal:
    """An xsd:string literal (codes and identifiers, not prose)."""
    return Literal(text)


def number(value: int | float) -> Literal:
    """xsd:integer for whole numbers, xsd:decimal otherwise."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"not a number: {value!r}")
    if float(value).is_integer():
        return Literal(str(int(value)), datatype=XSD + "integer")
    return Literal(format(Decimal(repr(float(value))), "f"), datatype=XSD + "decimal")


def boolean(value: bool) -> Literal:
    """An xsd:boolean literal."""
    return Literal("true" if value else "false", datatype=XSD + "boolean")


_DATE_TYPES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "date"),
    (re.compile(r"\d{4}-\d{2}"), "gYearMonth"),
    (re.compile(r"\d{4}"), "gYear"),
    (re.compile(r"--\d{2}-\d{2}"), "gMonthDay"),
    (re.compile(r"--\d{2}"), "gMonth"),
)


def date(value: str) -> Literal:
    """A newsie/1 date (2015-04-30, 2015-04, 2015, --04-30, --04) as its XSD type."""
    for pattern, xsd_type in _DATE_TYPES:
        if pattern.fullmatch(value):
            return Literal(value, datatype=XSD + xsd_type)
    raise ValueError(f"not a newsie/1 date: {value!r}")


def digest(*parts: object) -> str:
    """A short, stable hash of the parts (64 bits as hex)."""
    data = "\x1f".join(p if isinstance(p, str) else json.dumps(p, ensure_ascii=False, sort_keys=True) for p in parts)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def node(kind: str, *parts: object) -> IRI:
    """The IRI of a node of KIND derived from PARTS."""
    return IRI(f"{BASE}{kind}:{digest(*parts)}")


def normalise(name: str) -> str:
    """A name's comparison key: NFKC, no whitespace, case-folded."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).casefold()


@lru_cache(maxsize=None)
def org_aliases() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Normalised name → (canonical name, all aliases) from data file zh/org_aliases.txt."""
    from ..lexicon import table

    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for canonical, aliases in table("org_aliases").items():
        for name in (canonical, *aliases):
            out[normalise(name)] = (canonical, aliases)
    return out


def resolve_org(name: str, aliases: dict[str, tuple[str, tuple[str, ...]]]) -> tuple[str, tuple[str, ...], str]:
    """(canonical name, its aliases, department) for an org as written; department is '' when none."""
    key = normalise(name)
    if key in aliases:
        return (*aliases[key], "")
    for cut in range(len(name) - 1, 0, -1):  # longest known prefix followed by a department
        head, rest = normalise(name[:cut]), name[cut:]
        if head in aliases and rest.endswith(DEPARTMENT_ENDINGS):
            return (*aliases[head], rest)
    return name, (), ""


def article_key(record: dict[str, Any]) -> str:
    """What identifies the record's article: its URL, else its id, else its content."""
    if record.get("url"):
        return "url:" + str(record["url"])
    if record.get("id") is not None:
        return "id:" + str(record["id"])
    return "content:" + digest({k: v for k, v in record.items() if k != "id"})


def article_iri(record: dict[str, Any]) -> IRI:
    """The IRI of the record's article (also the name of its graph)."""
    return node("article", article_key(record))


_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


def org_triples(name: str, aliases: dict) -> tuple[IRI, list[tuple[IRI, IRI, Term]]]:
    """An organisation as written → its merged IRI and triples (a department hangs off its parent)."""
    canonical, alt, department = resolve_org(name, aliases)
    org = node("organization", normalise(canonical))
    triples: list[tuple[IRI, IRI, Term]] = [(org, TYPE, s("Organization")), (org, s("name"), zh(canonical))]
    triples += [(org, s("alternateName"), zh(a)) for a in alt]
    if not department:
        if normalise(name) != normalise(canonical) and name not in alt:
            triples.append((org, s("alternateName"), zh(name)))
        return org, triples
    dept = node("organization", normalise(canonical), normalise(department))
    triples += [(dept, TYPE, s("Organization")), (dept, s("name"), zh(name)), (dept, s("parentOrganization"), org)]
    return dept, triples


def place_triples(name: str, city: bool) -> tuple[IRI, list[tuple[IRI, IRI, Term]]]:
    """A venue or city → its merged IRI and triples."""
    place = node("place", normalise(name))
    triples: list[tuple[IRI, IRI, Term]] = [(place, TYPE, s("Place")), (place, s("name"), zh(name))]
    if city:
        triples.append((place, TYPE, s("City")))
    return place, triples


def span_triples(article: IRI, key: str, span: list[int]) -> tuple[IRI, list[tuple[IRI, IRI, Term]]]:
    """A character span of the article → an oa:SpecificResource with a TextPositionSelector."""
    start, end = int(span[0]), int(span[1])
    if not 0 <= start <= end:
        raise ValueError(f"bad span {span!r}")
    h = digest(key, start, end)
    target, selector = IRI(f"{BASE}target:{h}"), IRI(f"{BASE}selector:{h}")
    offset = XSD + "nonNegativeInteger"
    return target, [
        (target, TYPE, IRI(OA + "SpecificResource")),
        (target, IRI(OA + "hasSource"), article),
        (target, IRI(OA + "hasSelector"), selector),
        (selector, TYPE, IRI(OA + "TextPositionSelector")),
        (selector, IRI(OA + "start"), Literal(str(start), datatype=offset)),
        (selector, IRI(OA + "end"), Literal(str(end), datatype=offset)),
    ]


def annotation_triples(article: IRI, key: str, kind: str, fact: dict, body: IRI,
                       spans: Iterable[list[int]]) -> tuple[IRI, list[tuple[IRI, IRI, Term]]]:
    """The oa:Annotation that ties BODY to the article and to each of its spans."""
    ann = node("annotation", key, kind, fact)
    triples: list[tuple[IRI, IRI, Term]] = [
        (ann, TYPE, IRI(OA + "Annotation")),
        (ann, IRI(OA + "motivatedBy"), IRI(OA + "identifying")),
        (ann, IRI(OA + "hasBody"), body),
        (ann, IRI(PROV + "wasDerivedFrom"), article),
    ]
    for span in spans:
        target, more = span_triples(article, key, span)
        triples += [(ann, IRI(OA + "hasTarget"), target), *more]
    return ann, triples


def event_triples(article: IRI, key: str, event: dict) -> list[tuple[IRI, IRI, Term]]:
    """One event of the record (its IRI is per article: the same name in two articles is two events)."""
    ev = node("event", key, event)
    out: list[tuple[IRI, IRI, Term]] = [(ev, TYPE, s("Event")), (ev, s("name"), zh(event["name"]))]
    out += [(ev, s("alternateName"), zh(a)) for a in event.get("aliases") or ()]
    city = venue = None
    if event.get("city"):
        city, more = place_triples(event["city"], city=True)
        out += more
    if event.get("venue"):
        venue, more = place_triples(event["venue"], city=False)
        out += more
        if city:
            out.append((venue, s("containedInPlace"), city))
    if venue or city:
        out.append((ev, s("location"), venue or city))
    for field, prop in (("start", "startDate"), ("end", "endDate")):
        if event.get(field):
            out.append((ev, s(prop), date(event[field])))
    if event.get("theme"):
        out.append((ev, s("description"), zh(event["theme"])))
    out += [(ev, IRI(PROV + "wasDerivedFrom"), article), (article, s("mentions"), ev)]
    return out + annotation_triples(article, key, "event", event, ev, event.get("spans") or ())[1]


def person_triples(article: IRI, key: str, person: dict, aliases: dict) -> list[tuple[IRI, IRI, Term]]:
    """One person of the record: merged across articles by name; the role sits on the annotation."""
    who = node("person", normalise(person["name"]))
    out: list[tuple[IRI, IRI, Term]] = [(who, TYPE, s("Person")), (who, s("name"), zh(person["name"]))]
    if person.get("title"):
        out.append((who, s("jobTitle"), zh(person["title"])))
    if person.get("org"):
        org, more = org_triples(person["org"], aliases)
        out += [*more, (who, s("worksFor"), org), (article, s("mentions"), org)]
    out.append((article, s("mentions"), who))
    ann, more = annotation_triples(article, key, "person", person, who, person.get("spans") or ())
    return out + more + [(ann, IRI(NV + "role"), plain(person["role"]))]


def quantity_triples(article: IRI, key: str, qty: dict) -> list[tuple[IRI, IRI, Term]]:
    """One quantity of the record as a schema:QuantitativeValue."""
    q = node("quantity", key, qty)
    out: list[tuple[IRI, IRI, Term]] = [
        (q, TYPE, s("QuantitativeValue")),
        (q, RDFS_LABEL, zh(qty["text"])),
        (q, s("value"), number(qty["value"])),
        (q, IRI(NV + "approx"), boolean(bool(qty.get("approx")))),
        (q, IRI(PROV + "wasDerivedFrom"), article),
    ]
    if qty.get("value_max") is not None:
        out.append((q, s("maxValue"), number(qty["value_max"])))
    for field, prop in (("unit", s("unitText")), ("subject", s("name")), ("qualifier", IRI(NV + "qualifier"))):
        if qty.get(field):
            out.append((q, prop, zh(qty[field])))
    return out + annotation_triples(article, key, "quantity", qty, q, [qty["span"]])[1]


def date_triples(article: IRI, key: str, mention: dict) -> list[tuple[IRI, IRI, Term]]:
    """One date mention of the record, with its resolved start and end."""
    d = node("date", key, mention)
    out: list[tuple[IRI, IRI, Term]] = [
        (d, TYPE, IRI(NV + "DateMention")),
        (d, RDFS_LABEL, zh(mention["text"])),
        (d, s("startDate"), date(mention["start"])),
        (d, s("endDate"), date(mention["end"])),
        (d, IRI(PROV + "wasDerivedFrom"), article),
    ]
    return out + annotation_triples(article, key, "date", mention, d, [mention["span"]])[1]


def article_triples(record: dict[str, Any], aliases: dict) -> list[tuple[IRI, IRI, Term]]:
    """The schema:NewsArticle node: id, headline, URL, publication date, publisher, dateline."""
    a = article_iri(record)
    out: list[tuple[IRI, IRI, Term]] = [(a, TYPE, s("NewsArticle"))]
    if record.get("id") is not None:
        out.append((a, s("identifier"), plain(str(record["id"]))))
    if record.get("title"):
        out.append((a, s("headline"), zh(record["title"])))
    if record.get("url"):
        url = str(record["url"])
        out.append((a, s("url"), IRI(url) if _URL.fullmatch(url) else plain(url)))
    source = record["source"]
    if source.get("published"):
        out.append((a, s("datePublished"), date(source["published"])))
    if source.get("outlet"):
        org, more = org_triples(source["outlet"], aliases)
        out += [*more, (a, s("publisher"), org)]
    if source.get("dateline"):
        out.append((a, IRI(NV + "dateline"), zh(source["dateline"])))
    return out


def record_quads(record: dict[str, Any], aliases: dict | None = None) -> list[Quad]:
    """All quads of one newsie/1 record, in the graph named by its article IRI, without duplicates."""
    if not isinstance(record, dict) or record.get("schema") != "newsie/1":
        raise ValueError("not a newsie/1 record (its \"schema\" is not \"newsie/1\")")
    aliases = org_aliases() if aliases is None else aliases
    a, key = article_iri(record), article_key(record)
    triples = article_triples(record, aliases)
    for event in record["events"]:
        triples += event_triples(a, key, event)
    for person in record["people"]:
        triples += person_triples(a, key, person, aliases)
    for qty in record["quantities"]:
        triples += quantity_triples(a, key, qty)
    for mention in record["dates"]:
        triples += date_triples(a, key, mention)
    return list(dict.fromkeys((s_, p, o, a) for s_, p, o in triples))


def records_quads(records: Iterable[dict[str, Any]]) -> Iterator[Quad]:
    """The quads of many records (a later record of the same article comes after an earlier one)."""
    aliases = org_aliases()
    for record in records:
        yield from record_quads(record, aliases)


# ---- serialisation (N-Quads by hand; Turtle through pyoxigraph in store.py) ----

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape(text: str) -> str:
    """A string's body as N-Triples / SPARQL writes it."""
    return "".join(_ESCAPES.get(c) or (f"\\u{ord(c):04X}" if ord(c) < 0x20 or c == "\x7f" else c) for c in text)


def term_text(term: Term) -> str:
    """A term in N-Triples syntax (which SPARQL also reads)."""
    if isinstance(term, IRI):
        return f"<{term}>"
    body = f'"{_escape(term.value)}"'
    if term.lang:
        return f"{body}@{term.lang}"
    if term.datatype and term.datatype != XSD + "string":
        return f"{body}^^<{term.datatype}>"
    return body


def nquads_line(quad: Quad) -> str:
    """One quad as an N-Quads line (without the newline)."""
    return " ".join(term_text(t) for t in quad) + " ."


def ntriples_line(quad: Quad) -> str:
    """One quad's triple as an N-Triples line (without the newline)."""
    return " ".join(term_text(t) for t in quad[:3]) + " ."


# ---- JSON-LD, compacted with the context shipped as newsie/kb/context.jsonld ----

@lru_cache(maxsize=None)
def context() -> dict[str, Any]:
    """The JSON-LD context object shipped with newsie (the value of its "@context")."""
    from importlib import resources

    return json.loads((resources.files("newsie.kb") / "context.jsonld").read_text(encoding="utf-8"))["@context"]


def expand_curie(value: str, ctx: dict[str, Any]) -> str:
    """schema:name → http://schema.org/name using the context's prefixes (other strings unchanged)."""
    prefix, sep, rest = value.partition(":")
    return ctx[prefix] + rest if sep and isinstance(ctx.get(prefix), str) and not rest.startswith("//") else value


def compact_iri(iri: str) -> str:
    """http://schema.org/name → schema:name where a prefix fits, else the IRI itself."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


@lru_cache(maxsize=None)
def _terms() -> tuple[tuple[str, str, str | None, str | None], ...]:
    """(term, property IRI, "@type" coercion, "@language") for each term the context defines."""
    ctx, out = context(), []
    for term, definition in ctx.items():
        if term.startswith("@") or term in PREFIXES:
            continue
        if isinstance(definition, str):
            definition = {"@id": definition}
        coerce = definition.get("@type")
        out.append((term, expand_curie(definition["@id"], ctx),
                    expand_curie(coerce, ctx) if coerce and coerce != "@id" else coerce, definition.get("@language")))
    return tuple(out)


def _type_name(iri: str) -> str:
    """The term the context gives a class, else its compact IRI."""
    for term, prop, _, _ in _terms():
        if prop == iri and term[:1].isupper():
            return term
    return compact_iri(iri)


def _compact_value(obj: Term, coerce: str | None, lang: str | None) -> Any:
    """OBJ as the value of a term with the given coercion, or None where it does not fit."""
    if isinstance(obj, IRI):
        return str(obj) if coerce == "@id" else None
    if coerce == "@id":
        return None
    if lang:
        return obj.value if obj.lang == lang else None
    if coerce:
        return obj.value if obj.datatype == coerce and not obj.lang else None
    if obj.lang:
        return None
    if obj.datatype in (None, XSD + "string"):
        return obj.value
    if obj.datatype == XSD + "integer":
        return int(obj.value)
    if obj.datatype == XSD + "boolean":
        return obj.value == "true"
    return None


def _explicit_value(obj: Term) -> dict[str, str]:
    """OBJ as an expanded JSON-LD value or node reference."""
    if isinstance(obj, IRI):
        return {"@id": str(obj)}
    if obj.lang:
        return {"@value": obj.value, "@language": obj.lang}
    if obj.datatype and obj.datatype != XSD + "string":
        return {"@value": obj.value, "@type": compact_iri(obj.datatype)}
    return {"@value": obj.value}


def _key_and_value(pred: IRI, obj: Term) -> tuple[str, Any]:
    """The JSON-LD key and value for one triple's predicate and object (value objects ignore coercion)."""
    for term, prop, coerce, lang in _terms():
        if prop == pred and not term[:1].isupper():
            value = _compact_value(obj, coerce, lang)
            return term, _explicit_value(obj) if value is None else value
    return compact_iri(pred), _explicit_value(obj)


def _node_objects(triples: Iterable[tuple[IRI, IRI, Term]]) -> list[dict[str, Any]]:
    """Triples grouped into JSON-LD node objects, one per subject, in first-seen order."""
    nodes: dict[str, dict[str, Any]] = {}
    for subj, pred, obj in triples:
        n = nodes.setdefault(subj, {"@id": str(subj)})
        key, value = ("@type", _type_name(obj)) if pred == TYPE and isinstance(obj, IRI) else _key_and_value(pred, obj)
        if key in n:
            n[key] = (n[key] if isinstance(n[key], list) else [n[key]]) + [value]
        else:
            n[key] = value
    return list(nodes.values())


def jsonld_document(quads: Iterable[Quad], context_ref: str | dict | None = None) -> dict[str, Any]:
    """A JSON-LD document of named graphs (one per article), compacted with newsie's context."""
    graphs: dict[str, list[tuple[IRI, IRI, Term]]] = {}
    for subj, pred, obj, graph in quads:
        graphs.setdefault(graph, []).append((subj, pred, obj))
    return {"@context": context() if context_ref is None else context_ref,
            "@graph": [{"@id": str(g), "@graph": _node_objects(triples)} for g, triples in graphs.items()]}
