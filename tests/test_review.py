"""Review pages (`newsie show`): escaping, highlighted spans, scorer-faithful gold pairing, CLI.

Fast: hand-made records, no pipeline. The browser tests are in test_review_browser.py.
"""
from __future__ import annotations

import argparse
import base64
import copy
import hashlib
import html
import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsie.errors import InputError
from newsie.review import pairing
from newsie.review.render import build_page, layout, Mark, render_page

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DEV = ROOT.parent / "shared" / "eval" / "dev"
CORPUS = ROOT / "corpus"

TEXT = "星河传媒网讯 4月30日消息，全球移动互联网大会(GMIC)在北京举行。蚂蚁金服O2O事业部总经理王丽娟表示，用户数已经达到2.7亿。王丽娟还谈到十倍增长。"


def at(text: str, needle: str, nth: int = 0) -> list[int]:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return [pos, pos + len(needle)]


def make_record(text: str = TEXT) -> dict:
    return {
        "schema": "newsie/1", "id": "t1",
        "source": {"outlet": None, "dateline": "星河传媒网讯", "published": "2015-04-30"},
        "events": [{"name": "全球移动互联网大会", "aliases": ["GMIC"], "venue": None, "city": "北京",
                    "start": None, "end": None, "theme": None,
                    "spans": [at(text, "全球移动互联网大会"), at(text, "GMIC")]}],
        "people": [{"name": "王丽娟", "title": "总经理", "org": "蚂蚁金服O2O事业部", "role": "speaker",
                    "spans": [at(text, "王丽娟"), at(text, "王丽娟", 1)]}],
        "quantities": [{"text": "2.7亿", "value": 270000000, "value_max": None, "unit": None,
                        "subject": "用户数", "approx": False, "qualifier": "达到", "span": at(text, "2.7亿")},
                       {"text": "十倍", "value": 10, "value_max": None, "unit": "倍",
                        "subject": "增长", "approx": False, "qualifier": None, "span": at(text, "十倍")}],
        "dates": [{"text": "4月30日", "start": "2015-04-30", "end": "2015-04-30", "span": at(text, "4月30日")}],
    }


class Marks(HTMLParser):
    """The <mark> elements of a page (attributes), and the article's text content."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks, self.article, self.depth, self.scripts, self.imgs = [], [], 0, 0, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "main" and a.get("id") == "article":
            self.depth = 1
        elif self.depth and tag == "mark":
            self.marks.append(a)
        if tag == "script":
            self.scripts += 1
        if tag == "img":
            self.imgs += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth = 0

    def handle_data(self, data):
        if self.depth:
            self.article.append(data)


def parse(page: str) -> Marks:
    p = Marks()
    p.feed(page)
    return p


def first_marks(p: Marks, kind: str) -> list[dict]:
    return [m for m in p.marks if m["data-kind"] == kind and "cont" not in m["class"].split()]


# -- rendering ------------------------------------------------------------------------------

def test_article_text_is_escaped_and_never_markup():
    evil = "<script>window.pwned=1</script>标题\n<img src=x onerror=\"window.pwned=2\">正文 & more"
    text = evil + TEXT
    record = make_record(text)
    page = render_page(text, record)
    p = parse(page)
    assert "".join(p.article) == text          # shown exactly as written
    assert p.scripts == 1 and p.imgs == 0      # only the page's own script; the <img> is text
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=" in page
    # the title (first line) and the side panel are escaped too
    assert "<title>&lt;script&gt;" in page


def test_markup_in_record_fields_is_escaped():
    record = make_record()
    record["people"][0]["org"] = "<b onmouseover=alert(1)>x</b>"
    page = render_page(TEXT, record)
    assert "<b onmouseover" not in page and "&lt;b onmouseover=alert(1)&gt;" in page


def test_one_highlight_per_record_span():
    record = make_record()
    p = parse(render_page(TEXT, record))
    assert len(first_marks(p, "event")) == sum(len(e["spans"]) for e in record["events"])
    assert len(first_marks(p, "person")) == sum(len(e["spans"]) for e in record["people"])
    assert len(first_marks(p, "quantity")) == len(record["quantities"])
    assert len(first_marks(p, "date")) == len(record["dates"])
    assert len(first_marks(p, "source")) == 1          # the dateline
    assert len(first_marks(p, "role")) == 2            # 总经理 and 蚂蚁金服O2O事业部 beside 王丽娟
    assert "".join(p.article) == TEXT


def test_tooltip_fields_hold_the_normalised_values():
    page = render_page(TEXT, make_record())
    li = re.search(r'<li class="fact k-quantity" id="fact-q0".*?</li>', page, re.S).group(0)
    assert '<dd data-field="value">270000000</dd>' in li
    assert '<dd data-field="unit">—</dd>' in li and '<dd data-field="subject">用户数</dd>' in li


def test_overlapping_spans_nest_and_keep_the_text():
    text = "abcdefgh"
    marks = [Mark(0, 4, "event", "e0"), Mark(2, 6, "date", "d0"), Mark(2, 3, "quantity", "q0"),
             Mark(5, 8, "person", "p0")]
    segs = layout(text, marks)
    depth, opened = 0, []
    for s in segs:
        depth += {"open": 1, "close": -1}.get(s.type, 0)
        assert depth >= 0
        if s.type == "open" and not s.cont:
            opened.append(s.mark.fact)
    assert depth == 0 and sorted(opened) == ["d0", "e0", "p0", "q0"]
    assert "".join(s.text for s in segs if s.type == "text") == text


def test_bad_spans_are_reported_not_shown():
    record = make_record()
    record["quantities"][0]["span"] = [5, 10_000]
    page = build_page(TEXT, record)
    assert page.counts["quantity"] == 1
    assert any("not inside the text" in w for w in page.warnings)


def test_error_record_renders_its_text_and_message():
    page = render_page(TEXT, {"schema": "newsie/1", "id": "x", "error": {"kind": "input", "message": "no text <b>"}})
    assert 'id="record-error"' in page and "no text &lt;b&gt;" in page
    assert "".join(parse(page).article) == TEXT


def test_page_is_self_contained_and_its_script_is_the_only_one_allowed():
    page = render_page(TEXT, make_record())
    assert not re.search(r'(src|href)="(https?:)?//', page)    # no CDN, no network
    csp = re.search(r'Content-Security-Policy" content="([^"]+)"', page).group(1)
    js = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(js.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html.unescape(csp)
    assert "default-src 'none'" in html.unescape(csp)


# -- pairing against the official scorer -----------------------------------------------------

@pytest.fixture(scope="module")
def scorer():
    if not SCORER.is_file():
        pytest.skip(f"the official scorer is not beside the repo ({SCORER})")
    spec = importlib.util.spec_from_file_location("official_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def q(text, value, **kw):
    return {"text": text, "value": value, **kw}


CASES = {
    # a prediction with the gold's exact text wins over an earlier overlapping one
    "exact text first": ("quantities", [q("2.7亿用户", 270000000), q("2.7亿", 270000000)],
                         [q("2.7亿", 270000000)]),
    # required gold chooses before optional gold
    "required first": ("dates", [{"text": "去年"}], [{"text": "去年同期", "optional": True}, {"text": "去年"}]),
    "value lists": ("quantities", [q("五成", 5), q("一半", 0.5), q("三成", 30)],
                    [q("五成", [50, 5]), q("一半", [50, 0.5]), q("三成", 3)]),
    "event names": ("events", [{"name": "GMIC大会"}, {"name": "全球移动互联网大会2015"}, {"name": "WWDC"}],
                    [{"name": "全球移动互联网大会", "aliases": ["GMIC"]}, {"name": "苹果WWDC", "aliases": ["WWDC"]}]),
    "people aliases": ("people", [{"name": "彭剑锋"}, {"name": "Ｔｉｍ Ｃｏｏｋ"}],
                       [{"name": "彭健锋", "aliases": ["彭剑锋"]}, {"name": "tim cook"}]),
    "one to one": ("dates", [{"text": "4月"}, {"text": "4月"}], [{"text": "4月30日"}, {"text": "4月"}, {"text": "5月"}]),
}


@pytest.mark.parametrize("name", CASES)
def test_match_pairs_as_the_scorer(scorer, name):
    kind, preds, golds = CASES[name]
    ref_pairs, ref_extra = scorer.match(preds, golds, scorer.PAIR[kind])
    pairs, extra = pairing.match(preds, golds, pairing.PAIR[kind])
    assert [(preds[i] if i is not None else None, golds[j]) for i, j in pairs] == ref_pairs
    assert [preds[i] for i in extra] == ref_extra
    assert [id(preds[i]) for i in extra] == [id(p) for p in ref_extra]


def test_scoring_tables_are_the_scorers(scorer):
    assert pairing.QUOTES == scorer.QUOTES and pairing.UNIT_FORMS == scorer.UNIT_FORMS
    assert pairing.ATTRS.keys() == scorer.ATTRS.keys()
    for kind in pairing.KINDS:
        assert list(pairing.ATTRS[kind]) == list(scorer.ATTRS[kind])
        assert list(pairing.SOFT[kind]) == list(scorer.SOFT[kind])


def _first(v):
    return v[0] if isinstance(v, list) and v else (None if isinstance(v, list) else v)


def record_from_gold(gold: dict, n: int) -> dict:
    """A plausible record made from gold: first choices, with deterministic mistakes
    (items dropped, attributes changed, texts trimmed, extras added)."""
    rec = {"id": gold["id"]}
    for k, kind in enumerate(pairing.KINDS):
        items = []
        for i, g in enumerate(gold.get(kind, [])):
            seed = n * 7 + k * 3 + i
            if seed % 5 == 0:
                continue                                   # missed
            p = {key: _first(v) for key, v in g.items() if key not in ("optional", "note")}
            if seed % 4 == 1:
                for attr in ("unit", "title", "start", "venue"):
                    if attr in p:
                        p[attr] = "wrong"                  # inexact
            if seed % 6 == 2 and "text" in p and len(p["text"]) > 2:
                p["text"] = p["text"][:-1]                 # overlapping, not exact text
            items.append(p)
        if n % 2:
            items.append({"name": "无中生有大会", "text": "99个", "value": 99})   # extra
        rec[kind] = items[::-1] if n % 3 == 0 else items
    return rec


@pytest.mark.parametrize("gold_dir", [DEV, CORPUS], ids=["dev", "corpus"])
def test_scores_agree_with_the_scorer(scorer, gold_dir):
    if not (gold_dir / "gold").is_dir():
        pytest.skip(f"no gold set at {gold_dir}")
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((gold_dir / "gold").glob("*.json"))]
    records = {g["id"]: record_from_gold(g, n) for n, g in enumerate(golds)}
    ref = scorer.score(gold_dir, copy.deepcopy(records))
    ours = pairing.totals([pairing.compare(records[g["id"]], g) for g in golds])
    for kind in pairing.KINDS:
        for key in ("tp", "fp", "fn"):
            assert ours[kind][key] == ref[kind][key], (kind, key)
        assert ours[kind]["exact"]["f1"] == pytest.approx(ref[kind]["exact"]["f1"])
        assert ours[kind]["found"]["f1"] == pytest.approx(ref[kind]["found"]["f1"])
    assert ours["headline_exact_f1"] == pytest.approx(ref["headline_exact_f1"])


def test_per_item_statuses_follow_the_scorers_errors(scorer):
    gold = json.loads((CORPUS / "gold" / "c01.json").read_text(encoding="utf-8"))
    record = record_from_gold(gold, 1)
    misses = []
    scorer.score(CORPUS, {"c01": record}, misses)
    counts = {}
    for doc, kind, what, _ in misses:
        if doc == "c01":
            counts[(kind, what)] = counts.get((kind, what), 0) + 1
    assert counts
    result = pairing.compare(record, gold)
    for kind in pairing.KINDS:
        r = result["kinds"][kind]
        statuses = [s["status"] for s in r["preds"] if s]
        assert statuses.count("extra") == counts.get((kind, "extra"), 0)
        assert statuses.count("inexact") == counts.get((kind, "inexact"), 0)
        assert len(r["misses"]) == counts.get((kind, "missed"), 0)


def test_gold_mode_colours_hits_misses_and_extras():
    gold = json.loads((CORPUS / "gold" / "c01.json").read_text(encoding="utf-8"))
    text = (CORPUS / "articles" / "c01.txt").read_text(encoding="utf-8")
    record = record_from_gold(gold, 1)
    for kind in pairing.KINDS:     # give the made-up record real spans where its text is found
        for item in record[kind]:
            key = "name" if kind in ("events", "people") else "text"
            pos = text.find(item.get(key) or "\0")
            span = [pos, pos + len(item[key])] if pos >= 0 else None
            if kind in ("events", "people"):
                item["spans"] = [span] if span else []
            else:
                item["span"] = span
    result = pairing.compare(record, gold)
    page = render_page(text, record, gold=gold)
    p = parse(page)
    shown = [m for m in p.marks if "cont" not in m["class"].split()]
    n_miss = sum(len(result["kinds"][k]["misses"]) for k in pairing.KINDS)
    assert n_miss and sum("st-miss" in m["class"] for m in shown) <= n_miss
    assert page.count('data-status="miss"') == n_miss
    assert page.count('data-status="extra"') == sum(
        [s["status"] for s in result["kinds"][k]["preds"] if s].count("extra") for k in pairing.KINDS)
    assert f'id="headline">{result["headline_exact_f1"]:.3f}<' in page


# -- the command ----------------------------------------------------------------------------

def show(*argv: str) -> int:
    from newsie.review.cli import add_parser

    ap = argparse.ArgumentParser(prog="newsie")
    add_parser(ap.add_subparsers(dest="command", required=True))
    args = ap.parse_args(["show", *argv])
    return args.func(args)


def test_show_one_article_with_its_record(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps(make_record(), ensure_ascii=False), encoding="utf-8")
    assert show(str(tmp_path / "a.txt"), "--record", str(tmp_path / "a.json"), "-o", str(tmp_path / "a.html")) == 0
    assert len(first_marks(parse((tmp_path / "a.html").read_text(encoding="utf-8")), "quantity")) == 2


def test_show_batch_writes_linked_pages_and_an_index(tmp_path):
    other = "第二篇<script>x</script>，共有3个。"
    articles = [{"id": "t1", "text": TEXT, "published": "2015-04-30"},
                {"id": "bad/2", "text": other}, {"id": "t3", "text": "没有记录"}]
    records = [make_record(), {"schema": "newsie/1", "id": "bad/2", "error": {"kind": "input", "message": "broken"}}]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    (tmp_path / "out.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "pages"
    assert show("--records", str(tmp_path / "out.jsonl"), "--articles", str(tmp_path / "in.jsonl"), "-o", str(out)) == 0
    assert sorted(p.name for p in out.iterdir()) == ["bad_2.html", "index.html", "t1.html", "t3.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in ("t1", "bad_2", "t3"):
        assert f'href="{name}.html"' in index and f'id="row-{name}"' in index
        assert f'href="index.html#row-{name}"' in (out / f"{name}.html").read_text(encoding="utf-8")
    assert index.count('class="failed"') == 2 and "input: broken" in index and "missing: no record" in index
    assert "<script>x" not in (out / "bad_2.html").read_text(encoding="utf-8")


def test_show_gold_folder_scores_every_article(tmp_path, scorer):
    # records made from gold, so that no pipeline is needed; the index carries the scorer's headline
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((CORPUS / "gold").glob("*.json"))}
    records = {k: record_from_gold(g, n) for n, (k, g) in enumerate(golds.items())}
    (tmp_path / "out.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records.values()),
                                        encoding="utf-8")
    out = tmp_path / "pages"
    assert show("--records", str(tmp_path / "out.jsonl"), "--gold", str(CORPUS), "-o", str(out)) == 0
    assert len(list(out.glob("*.html"))) == len(golds) + 1
    ref = scorer.score(CORPUS, records)
    assert f'id="headline">{ref["headline_exact_f1"]:.3f}<' in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("argv,needle", [
    (["-o", "x.html"], "give FILE"),
    (["a.txt", "--records", "r.jsonl", "-o", "x.html"], "not both"),
    (["/no/such.txt", "--record", "r.json", "-o", "x.html"], "no such file"),
    (["--records", "/no/such.jsonl", "--articles", "/no/such.jsonl", "-o", "d"], "no such file"),
    (["--gold", "{tmp}", "-o", "d"], "no gold files"),
])
def test_show_bad_input_raises_input_error(tmp_path, argv, needle):
    with pytest.raises(InputError, match=re.escape(needle)):
        show(*[a.replace("{tmp}", str(tmp_path)) for a in argv])
