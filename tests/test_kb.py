"""Knowledge-base export: record → RDF mapping, stable IRIs, the Oxigraph store, named queries, push."""
from __future__ import annotations

import copy
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from newsie.kb import rdf
from newsie.kb.rdf import IRI, OA, SCHEMA, XSD, Literal

SEED_LIKE = ("星河传媒网讯 4月30日消息,本周,全球移动互联网大会(GMIC)在北京-国家会议中心开幕。"
             "蚂蚁金服O2O事业部总经理王丽娟在全球O2O峰会论坛的主旨演讲中提到,支付宝移动端的用户数量已经达到2.7亿。"
             "全球移动互联网大会会期为三天(4月28日-4月30日)。")

RECORD = {
    "schema": "newsie/1", "id": "seed-like", "title": "全球移动互联网大会开幕",
    "source": {"outlet": "星河传媒网", "dateline": "星河传媒网讯", "published": "2015-04-30"},
    "events": [{"name": "全球移动互联网大会", "aliases": ["GMIC"], "venue": "国家会议中心", "city": "北京",
                "start": "2015-04-28", "end": "2015-04-30", "theme": "Mobile Together(移动共赢)",
                "spans": [[18, 27], [28, 32]]}],
    "people": [{"name": "王丽娟", "title": "总经理", "org": "蚂蚁金服O2O事业部", "role": "speaker", "spans": [[59, 62]]}],
    "quantities": [{"text": "2.7亿", "value": 270000000, "value_max": None, "unit": None,
                    "subject": "支付宝移动端的用户数量", "approx": False, "qualifier": "达到", "span": [96, 100]},
                   {"text": "18到45岁", "value": 18, "value_max": 45, "unit": "岁", "subject": "用户年龄",
                    "approx": False, "qualifier": None, "span": [130, 136]}],
    "dates": [{"text": "4月28日-4月30日", "start": "2015-04-28", "end": "2015-04-30", "span": [116, 127]}],
}

OTHER = {  # a second article: the same organisation under another name, the same person
    "schema": "newsie/1", "id": "other", "source": {"outlet": None, "dateline": None, "published": "2016-03"},
    "events": [], "dates": [],
    "people": [{"name": "王丽娟", "title": "副总裁", "org": "蚂蚁金融服务集团", "role": "mentioned", "spans": [[0, 3]]}],
    "quantities": [{"text": "4.5亿", "value": 450000000, "value_max": None, "unit": None,
                    "subject": "蚂蚁金服用户数", "approx": True, "qualifier": "约", "span": [10, 14]}],
}


def s(local: str) -> IRI:
    return IRI(SCHEMA + local)


def objects(quads, subject, predicate) -> set:
    return {o for s_, p, o, _ in quads if s_ == subject and p == predicate}


def subjects(quads, predicate, obj) -> set:
    return {s_ for s_, p, o, _ in quads if p == predicate and o == obj}


def the(values: set):
    assert len(values) == 1, values
    return next(iter(values))


@pytest.fixture(scope="module")
def quads():
    return rdf.record_quads(RECORD)


def node_named(quads, name: str) -> IRI:
    return the(subjects(quads, s("name"), rdf.zh(name)))


# ---- the mapping table (docs/rdf-mapping.md) ----

MAPPING = [
    # (node found by, predicate, expected object)
    ("article", rdf.TYPE, s("NewsArticle")),
    ("article", s("identifier"), Literal("seed-like")),
    ("article", s("headline"), Literal("全球移动互联网大会开幕", lang="zh")),
    ("article", s("datePublished"), Literal("2015-04-30", datatype=XSD + "date")),
    ("article", IRI(rdf.NV + "dateline"), Literal("星河传媒网讯", lang="zh")),
    ("event", rdf.TYPE, s("Event")),
    ("event", s("alternateName"), Literal("GMIC", lang="zh")),
    ("event", s("startDate"), Literal("2015-04-28", datatype=XSD + "date")),
    ("event", s("endDate"), Literal("2015-04-30", datatype=XSD + "date")),
    ("event", s("description"), Literal("Mobile Together(移动共赢)", lang="zh")),
    ("venue", rdf.TYPE, s("Place")),
    ("city", rdf.TYPE, s("City")),
    ("person", rdf.TYPE, s("Person")),
    ("person", s("jobTitle"), Literal("总经理", lang="zh")),
    ("department", s("name"), Literal("蚂蚁金服O2O事业部", lang="zh")),
    ("org", s("name"), Literal("蚂蚁集团", lang="zh")),
    ("org", s("alternateName"), Literal("蚂蚁金融服务集团", lang="zh")),
    ("users", rdf.TYPE, s("QuantitativeValue")),
    ("users", s("value"), Literal("270000000", datatype=XSD + "integer")),
    ("users", s("name"), Literal("支付宝移动端的用户数量", lang="zh")),
    ("users", IRI(rdf.NV + "qualifier"), Literal("达到", lang="zh")),
    ("users", IRI(rdf.NV + "approx"), Literal("false", datatype=XSD + "boolean")),
    ("ages", s("value"), Literal("18", datatype=XSD + "integer")),
    ("ages", s("maxValue"), Literal("45", datatype=XSD + "integer")),
    ("ages", s("unitText"), Literal("岁", lang="zh")),
]


def find(quads, what: str) -> IRI:
    article = rdf.article_iri(RECORD)
    event = the(subjects(quads, rdf.TYPE, s("Event")))
    person = node_named(quads, "王丽娟")
    return {
        "article": article, "event": event, "person": person,
        "venue": node_named(quads, "国家会议中心"), "city": node_named(quads, "北京"),
        "department": the(objects(quads, person, s("worksFor"))),
        "org": node_named(quads, "蚂蚁集团"),
        "users": the(subjects(quads, rdf.RDFS_LABEL, rdf.zh("2.7亿"))),
        "ages": the(subjects(quads, rdf.RDFS_LABEL, rdf.zh("18到45岁"))),
    }[what]


@pytest.mark.parametrize("what,predicate,expected", MAPPING, ids=[f"{w}-{p.rsplit('/', 1)[-1]}" for w, p, _ in MAPPING])
def test_mapping_table(quads, what, predicate, expected):
    assert expected in objects(quads, find(quads, what), predicate)


def test_links_between_nodes(quads):
    article, event = find(quads, "article"), find(quads, "event")
    venue, city, person = find(quads, "venue"), find(quads, "city"), find(quads, "person")
    assert objects(quads, event, s("location")) == {venue}
    assert objects(quads, venue, s("containedInPlace")) == {city}
    assert objects(quads, find(quads, "department"), s("parentOrganization")) == {find(quads, "org")}
    assert {event, person} <= objects(quads, article, s("mentions"))
    assert the(objects(quads, article, s("publisher"))) == node_named(quads, "星河传媒网")
    assert objects(quads, event, IRI(rdf.PROV + "wasDerivedFrom")) == {article}


def test_each_fact_points_at_its_characters(quads):
    """A person's annotation targets the article through a TextPositionSelector on its span."""
    person, article = find(quads, "person"), find(quads, "article")
    ann = the(subjects(quads, IRI(OA + "hasBody"), person))
    assert objects(quads, ann, IRI(rdf.NV + "role")) == {Literal("speaker")}
    target = the(objects(quads, ann, IRI(OA + "hasTarget")))
    assert objects(quads, target, IRI(OA + "hasSource")) == {article}
    selector = the(objects(quads, target, IRI(OA + "hasSelector")))
    assert rdf.TYPE in {p for s_, p, _, _ in quads if s_ == selector}
    start, end = (the(objects(quads, selector, IRI(OA + k))) for k in ("start", "end"))
    assert SEED_LIKE[int(start.value):int(end.value)] == "王丽娟"
    # an event with two spans has two targets
    assert len(objects(quads, the(subjects(quads, IRI(OA + "hasBody"), find(quads, "event"))), IRI(OA + "hasTarget"))) == 2


def test_text_is_language_tagged_and_no_blank_nodes(quads):
    texts = [o for _, p, o, _ in quads if p in (s("name"), s("jobTitle"), s("alternateName"), rdf.RDFS_LABEL)]
    assert texts and all(isinstance(o, Literal) and o.lang == "zh" for o in texts)
    assert all(not str(t).startswith("_:") for q in quads for t in q if isinstance(t, IRI))
    assert {g for *_, g in quads} == {rdf.article_iri(RECORD)}
    assert len(quads) == len(set(quads))


@pytest.mark.parametrize("value,datatype", [
    ("2015-04-30", "date"), ("2015-04", "gYearMonth"), ("2015", "gYear"), ("--04-30", "gMonthDay"), ("--04", "gMonth"),
])
def test_dates_keep_their_precision(value, datatype):
    assert rdf.date(value) == Literal(value, datatype=XSD + datatype)


@pytest.mark.parametrize("value,lexical,datatype", [
    (270000000, "270000000", "integer"), (2.0, "2", "integer"), (1.5, "1.5", "decimal"), (-6, "-6", "integer"),
    (1e21, "1000000000000000000000", "integer"), (0.07, "0.07", "decimal"),
])
def test_numbers(value, lexical, datatype):
    assert rdf.number(value) == Literal(lexical, datatype=XSD + datatype)


@pytest.mark.parametrize("bad", [
    {"schema": "newsie/0"},
    {**RECORD, "source": {"outlet": None, "dateline": None, "published": "30.4.2015"}},
    {**RECORD, "quantities": [{**RECORD["quantities"][0], "value": "many"}]},
])
def test_malformed_records_are_refused(bad):
    with pytest.raises(ValueError):
        rdf.record_quads(bad)


# ---- stable IRIs and merging ----

def test_iris_are_stable_and_derived_from_content(quads):
    assert rdf.record_quads(copy.deepcopy(RECORD)) == quads
    assert rdf.article_iri({"id": "a-001"}) == "urn:newsie:article:" + rdf.digest("id:a-001")
    assert rdf.digest("id:a-001") == "ecfa432cd9fffe08"  # changing the IRI scheme orphans every loaded graph
    changed = copy.deepcopy(RECORD)
    changed["quantities"][1]["value_max"] = 50
    before, after = set(quads), set(rdf.record_quads(changed))
    assert find(quads, "users") in {q[0] for q in after}  # the untouched fact keeps its IRI
    assert find(quads, "ages") not in {q[0] for q in after}
    assert rdf.article_iri({**RECORD, "url": "https://example.com/a"}) != rdf.article_iri(RECORD)
    assert before != after


@pytest.mark.parametrize("written,canonical,department", [
    ("蚂蚁金服", "蚂蚁集团", ""),
    ("蚂蚁金融服务集团", "蚂蚁集团", ""),
    ("蚂蚁金服O2O事业部", "蚂蚁集团", "O2O事业部"),
    ("ＡＮＴ　ＦＩＮＡＮＣＩＡＬ", "蚂蚁集团", ""),
    ("阿里云", "阿里云", ""),
    ("星河云科技", "星河云科技", ""),
    ("腾讯云", "腾讯云", ""),
])
def test_organisations_resolve_through_the_alias_file(written, canonical, department):
    name, _, dept = rdf.resolve_org(written, rdf.org_aliases())
    assert (name, dept) == (canonical, department)


def test_same_organisation_and_person_across_articles_get_one_iri(quads):
    other = rdf.record_quads(OTHER)
    assert node_named(other, "蚂蚁集团") == find(quads, "org")
    assert node_named(other, "王丽娟") == find(quads, "person")
    assert {g for *_, g in other} == {rdf.article_iri(OTHER)} != {rdf.article_iri(RECORD)}


# ---- serialisations ----

@pytest.fixture()
def ox():
    return pytest.importorskip("pyoxigraph")


def test_jsonld_nquads_and_turtle_say_the_same(ox):
    from newsie.kb.store import serialise

    both = rdf.record_quads(RECORD) + rdf.record_quads(OTHER)
    nquads = set(ox.parse(serialise(both, "nquads").encode(), format=ox.RdfFormat.N_QUADS))
    jsonld_text = serialise(both, "jsonld")
    jsonld = set(ox.parse(jsonld_text.encode(), format=ox.RdfFormat.JSON_LD))
    turtle = set(ox.parse(serialise(both, "turtle").encode(), format=ox.RdfFormat.TURTLE))
    assert len(nquads) == len(set(both)) and jsonld == nquads
    assert {q.triple for q in turtle} == {q.triple for q in nquads}
    doc = json.loads(jsonld_text)
    assert doc["@context"] == rdf.context() and len(doc["@graph"]) == 2
    nodes = [n for g in doc["@graph"] for n in g["@graph"]]
    person = next(n for n in nodes if n.get("@type") == "Person")
    assert person["name"] == "王丽娟"  # compacted by the shipped context: a plain @zh string


# ---- the store, through the CLI ----

@pytest.fixture()
def cli(monkeypatch):
    """newsie's main() with the kb plugin registered (whether or not newsie/cli.py lists it yet)."""
    pytest.importorskip("pyoxigraph")
    import newsie.cli as main_cli

    if "newsie.kb.cli" not in main_cli.PLUGINS:
        monkeypatch.setattr(main_cli, "PLUGINS", (*main_cli.PLUGINS, "newsie.kb.cli"))
    return main_cli.main


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def count(store: Path) -> int:
    import pyoxigraph as ox

    return len(ox.Store.read_only(str(store)))


def test_load_twice_leaves_the_triple_count_unchanged(cli, tmp_path, capsys):
    records = write_jsonl(tmp_path / "out.jsonl", [RECORD, OTHER, {"id": "x", "error": "boom"}])
    store = tmp_path / "kb"
    assert cli(["kb", "load", str(records), "--store", str(store)]) == 0
    first = count(store)
    assert first == len(set(rdf.record_quads(RECORD) + rdf.record_quads(OTHER)))
    assert cli(["kb", "load", str(records), "--store", str(store)]) == 0
    assert count(store) == first
    err = capsys.readouterr().err
    assert "(+0)" in err and "1 failed rows skipped" in err


def test_loading_an_article_again_replaces_its_facts(cli, tmp_path):
    store = tmp_path / "kb"
    assert cli(["kb", "load", str(write_jsonl(tmp_path / "a.jsonl", [RECORD, OTHER])), "--store", str(store)]) == 0
    fewer = {**RECORD, "quantities": RECORD["quantities"][:1]}
    assert cli(["kb", "load", str(write_jsonl(tmp_path / "b.jsonl", [fewer])), "--store", str(store)]) == 0
    assert count(store) == len(set(rdf.record_quads(fewer) + rdf.record_quads(OTHER)))


@pytest.mark.parametrize("bad_line,needle", [
    ("{not json", "not valid JSON"),
    (json.dumps({**OTHER, "id": "late", "dates": [{"text": "x", "start": "someday", "end": "x", "span": [0, 1]}]}),
     "id 'late'"),
    (json.dumps({**OTHER, "schema": "other/2"}), "not a valid newsie/1 record"),
])
def test_a_failing_load_leaves_the_store_unchanged(cli, tmp_path, capsys, bad_line, needle):
    store = tmp_path / "kb"
    assert cli(["kb", "load", str(write_jsonl(tmp_path / "a.jsonl", [RECORD])), "--store", str(store)]) == 0
    before = count(store)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(OTHER, ensure_ascii=False) + "\n" + bad_line + "\n", encoding="utf-8")
    capsys.readouterr()
    assert cli(["kb", "load", str(bad), "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert needle in err and err.count("\n") == 1
    assert count(store) == before


def test_a_store_failure_midway_rolls_back(cli, tmp_path, monkeypatch, capsys):
    """The update fails after the first graph was written: Oxigraph's transaction undoes it."""
    from newsie.kb import store as kb_store

    store = tmp_path / "kb"
    assert cli(["kb", "load", str(write_jsonl(tmp_path / "a.jsonl", [RECORD])), "--store", str(store)]) == 0
    before = count(store)
    real = kb_store.replace_graphs_update
    monkeypatch.setattr(kb_store, "replace_graphs_update",
                        lambda graphs: real(graphs) + " ;\nDROP GRAPH <urn:newsie:no-such-graph>")
    assert cli(["kb", "load", str(write_jsonl(tmp_path / "b.jsonl", [OTHER])), "--store", str(store)]) == 2
    assert "the knowledge base is unchanged" in capsys.readouterr().err
    assert count(store) == before


def query_csv(cli, capsys, store: Path, *args: str) -> list[list[str]]:
    capsys.readouterr()
    assert cli(["kb", "query", *args, "--format", "csv", "--store", str(store)]) == 0
    import csv

    return list(csv.reader(capsys.readouterr().out.splitlines()))


@pytest.fixture()
def loaded(cli, tmp_path):
    store = tmp_path / "kb"
    assert cli(["kb", "load", str(write_jsonl(tmp_path / "a.jsonl", [RECORD, OTHER])), "--store", str(store)]) == 0
    return store


def test_named_queries(cli, capsys, loaded):
    header, *rows = query_csv(cli, capsys, loaded, "--named", "speakers", "--param", "event=GMIC")
    assert header == ["eventName", "speaker", "jobTitle", "org", "article"]
    assert rows == [["全球移动互联网大会", "王丽娟", "总经理", "蚂蚁金服O2O事业部", "seed-like"]]
    assert query_csv(cli, capsys, loaded, "--named", "speakers", "--param", "event=CES")[1:] == []

    _, *rows = query_csv(cli, capsys, loaded, "--named", "events", "--param", "city=北京",
                         "--param", "from=2015-04-30", "--param", "to=2015-05")
    assert [r[:3] for r in rows] == [["全球移动互联网大会", "北京", "国家会议中心"]]
    assert query_csv(cli, capsys, loaded, "--named", "events", "--param", "from=2015-05")[1:] == []

    header, *rows = query_csv(cli, capsys, loaded, "--named", "figures", "--param", "org=蚂蚁金服")
    figures = {(r[header.index("text")], r[header.index("direct")], r[header.index("article")]) for r in rows}
    assert ("4.5亿", "true", "other") in figures and ("2.7亿", "false", "seed-like") in figures


def test_query_output_formats_and_errors(cli, capsys, loaded):
    capsys.readouterr()
    assert cli(["kb", "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(loaded)]) == 0
    assert str(count(loaded)) in capsys.readouterr().out
    assert cli(["kb", "query", "ASK { ?s a <http://schema.org/Event> }", "--format", "json", "--store", str(loaded)]) == 0
    assert json.loads(capsys.readouterr().out)["boolean"] is True
    for argv, needle in [
        (["SELEC nonsense"], "SPARQL syntax error"),
        (["--named", "nope"], "no named query 'nope'"),
        (["--named", "speakers", "--param", "city=北京"], "has no parameter 'city'"),
        (["--named", "speakers", "--param", "GMIC"], "expected NAME=VALUE"),
        ([], "give either a SPARQL query or --named"),
    ]:
        assert cli(["kb", "query", *argv, "--store", str(loaded)]) == 2
        err = capsys.readouterr().err
        assert needle in err and err.count("\n") == 1, err
    assert cli(["kb", "query", "ASK {}", "--store", str(loaded.parent / "missing")]) == 2
    assert "run `newsie kb load" in capsys.readouterr().err


def test_export_command_writes_each_format(cli, tmp_path, ox):
    records = write_jsonl(tmp_path / "out.jsonl", [RECORD])
    for fmt, rdf_format in [("jsonld", ox.RdfFormat.JSON_LD), ("turtle", ox.RdfFormat.TURTLE),
                            ("nquads", ox.RdfFormat.N_QUADS)]:
        out = tmp_path / f"x.{fmt}"
        assert cli(["export", str(records), "--format", fmt, "-o", str(out)]) == 0
        assert len(set(ox.parse(path=str(out), format=rdf_format))) == len(set(rdf.record_quads(RECORD)))
    out = tmp_path / "ref.jsonld"
    assert cli(["export", str(records), "-o", str(out), "--context", "https://example.org/newsie.jsonld"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["@context"] == "https://example.org/newsie.jsonld"


def test_seed_like_article_through_extract_load_and_named_query(cli, extractor, tmp_path, capsys):
    """The issue's done-when: 王丽娟 comes back as a speaker of GMIC."""
    record = extractor.extract(SEED_LIKE, id="seed-like", published="2015-04-30").to_dict()
    store = tmp_path / "kb"
    assert cli(["kb", "load", str(write_jsonl(tmp_path / "out.jsonl", [record])), "--store", str(store)]) == 0
    _, *rows = query_csv(cli, capsys, store, "--named", "speakers", "--param", "event=GMIC")
    assert ["全球移动互联网大会", "王丽娟", "总经理", "蚂蚁金服O2O事业部", "seed-like"] in rows


# ---- push to a real Oxigraph server on 127.0.0.1 ----

def oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_count(base: str) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    request = urllib.request.Request(f"{base}/query?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture()
def oxigraph_server(tmp_path):
    """A real `oxigraph serve` on 127.0.0.1 and a free port; always terminated."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the Oxigraph server is not installed (pip install 'oxigraph>=0.4,<0.6' puts `oxigraph` on PATH)")
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                server_count(base)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not start: {proc.stderr.read().decode(errors='replace')[:300]}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


@pytest.mark.parametrize("protocol,path", [("update", "/update"), ("graph-store", "/store")])
def test_push_to_a_real_oxigraph_server(cli, loaded, oxigraph_server, protocol, path, capsys):
    argv = ["kb", "push", "--endpoint", oxigraph_server + path, "--protocol", protocol, "--store", str(loaded)]
    assert cli(argv) == 0
    assert server_count(oxigraph_server) == count(loaded)
    assert cli(argv) == 0  # pushing again replaces the same graphs
    assert server_count(oxigraph_server) == count(loaded)
    assert "2 graphs" in capsys.readouterr().err


def test_push_errors_are_one_line(cli, loaded, capsys):
    assert cli(["kb", "push", "--endpoint", f"http://127.0.0.1:{free_port()}/update", "--store", str(loaded),
                "--timeout", "5"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the endpoint" in err and err.count("\n") == 1
    assert cli(["kb", "push", "--endpoint", "ftp://example.org", "--store", str(loaded)]) == 2


def test_corpus_conference_article_through_batch_kb_load_and_named_query(tmp_path, capsys):
    """corpus/ → newsie batch → kb load → the speakers query names the article's speakers."""
    pytest.importorskip("pyoxigraph")
    from newsie.cli import main

    root = Path(__file__).resolve().parent.parent
    out, store = tmp_path / "out.jsonl", tmp_path / "kb"
    assert main(["batch", str(root / "corpus" / "articles"), "-o", str(out), "--workers", "1"]) == 0
    assert main(["kb", "load", str(out), "--store", str(store)]) == 0
    capsys.readouterr()
    assert main(["kb", "query", "--named", "speakers", "--param", "event=GHIC", "--store", str(store),
                 "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    text = json.dumps(rows, ensure_ascii=False)
    assert "全球智能硬件创新大会" in text and "周明远" in text and "总经理" in text
