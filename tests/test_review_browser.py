"""Review pages in a real headless Chromium (Debian's chromium + chromium-driver, via Selenium).

Run by `.ci/run` after `.ci/install-browser.sh`; skipped, with the reason, where the browser,
its driver or selenium is not installed. `pytest -m browser` runs only these.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from newsie.review import pairing
from newsie.review.render import render_page, show_value

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = ROOT.parent / "shared" / "seed" / "gmic-2015.txt"
DEV = ROOT.parent / "shared" / "eval" / "dev"
KIND_LIST = {"event": "events", "person": "people", "quantity": "quantities", "date": "dates"}


def _find(env: str, *names: str) -> str | None:
    for name in (os.environ.get(env), *names):
        if name and (path := shutil.which(name)):
            return path
    return None


@pytest.fixture(scope="module")
def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install selenium)")
    chromium = _find("NEWSIE_CHROMIUM", "/usr/bin/chromium", "chromium")
    driver_path = _find("NEWSIE_CHROMEDRIVER", "/usr/bin/chromedriver", "chromedriver")
    if not chromium or not driver_path:
        pytest.skip("Chromium or its driver is not installed (apt-get install chromium chromium-driver; "
                    "see .ci/install-browser.sh)")
    profile = tempfile.mkdtemp(prefix="newsie-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1400,1000", f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=opts, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path) -> None:
    driver.get(path.as_uri())
    driver.get_log("browser")  # drop anything logged before this page


def console_errors(driver) -> list[dict]:
    """SEVERE console entries; also fails when the page script did not run (a CSP block)."""
    ran = driver.execute_script("return document.documentElement.dataset.ready")
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    return errors if ran == "1" else errors + [{"message": "the page script did not run"}]


def tooltip_of(driver, mark) -> str:
    from selenium.webdriver.common.action_chains import ActionChains

    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    ActionChains(driver).move_to_element(mark).perform()
    tip = driver.find_element("id", "tip")
    assert tip.is_displayed()
    return tip.text


@pytest.fixture(scope="module")
def c01(extractor, tmp_path_factory):
    """The page of corpus article c01 with the extractor's record."""
    text = (CORPUS / "articles" / "c01.txt").read_text(encoding="utf-8")
    record = extractor.extract(text, id="c01", published="2016-05-19").to_dict()
    path = tmp_path_factory.mktemp("review") / "c01.html"
    path.write_text(render_page(text, record), encoding="utf-8")
    return path, text, record


def test_page_opens_without_console_errors(browser, c01):
    open_page(browser, c01[0])
    assert browser.find_element("id", "article").text.strip()
    assert console_errors(browser) == []


def test_highlighted_spans_per_kind_match_the_record(browser, c01):
    path, _, record = c01
    open_page(browser, path)
    for kind, lst in KIND_LIST.items():
        shown = browser.find_elements("css selector", f'#article mark[data-kind="{kind}"]:not(.cont)')
        expected = sum(len(item["spans"]) if "spans" in item else 1 for item in record[lst])
        assert len(shown) == expected, kind
        assert expected, f"c01's record has no {lst}"


def test_tooltip_shows_the_normalised_value(browser, c01):
    path, _, record = c01
    open_page(browser, path)
    n, item = next((n, q) for n, q in enumerate(record["quantities"]) if q["text"] == "1.5万平方米")
    mark = browser.find_element("id", f"m-q{n}-0")
    assert mark.text == "1.5万平方米"
    tip = tooltip_of(browser, mark)
    assert show_value(item["value"]) == "15000" and "15000" in tip and "平方米" in tip


def test_clicking_a_fact_scrolls_to_its_span(browser, c01):
    path, _, record = c01
    open_page(browser, path)
    last = len(record["dates"]) - 1
    browser.find_element("id", f"fact-d{last}").click()
    mark = browser.find_element("id", f"m-d{last}-0")
    assert "flash" in mark.get_attribute("class")
    in_view = browser.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", mark)
    assert in_view
    assert console_errors(browser) == []


def test_screenshot(browser, c01, tmp_path):
    open_page(browser, c01[0])
    out = Path(os.environ.get("NEWSIE_SCREENSHOT_DIR") or tmp_path) / "review-c01.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(out))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000


def test_markup_in_the_article_never_runs(browser, tmp_path):
    text = ("<script>window.pwned = 1</script>标题\n"
            "<img src=x onerror=\"window.pwned = 2\"> 正文 <b onclick=\"window.pwned = 3\">粗体</b>，共有3个城市。")
    record = {"schema": "newsie/1", "id": "evil", "source": {"outlet": None, "dateline": None, "published": None},
              "events": [], "people": [], "dates": [],
              "quantities": [{"text": "3个", "value": 3, "value_max": None, "unit": "个", "subject": "<img src=x onerror=\"window.pwned = 4\">",
                              "approx": False, "qualifier": None, "span": [text.index("3个"), text.index("3个") + 2]}]}
    path = tmp_path / "evil.html"
    path.write_text(render_page(text, record), encoding="utf-8")
    open_page(browser, path)
    assert browser.execute_script("return window.pwned") is None
    assert browser.find_elements("css selector", "#article img, #article b, #article script") == []
    assert browser.find_element("id", "article").text.startswith("<script>window.pwned = 1</script>")
    tooltip_of(browser, browser.find_element("id", "m-q0-0"))   # the subject's markup stays text too
    assert browser.execute_script("return window.pwned") is None
    assert browser.find_elements("css selector", "#tip img") == []
    assert console_errors(browser) == []


def test_seed_article_people_quantities_and_event(browser, extractor, tmp_path):
    if not SEED.is_file():
        pytest.skip(f"the seed article is not beside the repo ({SEED})")
    text = SEED.read_text(encoding="utf-8")
    record = extractor.extract(text, published="2015-04-30").to_dict()
    path = tmp_path / "seed.html"
    path.write_text(render_page(text, record), encoding="utf-8")
    open_page(browser, path)
    marks = browser.find_elements("css selector", "#article mark:not(.cont)")
    by_text = {}
    for m in marks:
        by_text.setdefault((m.get_attribute("data-kind"), m.text), m)
    assert "蚂蚁金服O2O事业部" in tooltip_of(browser, by_text[("person", "王丽娟")])
    assert "270000000" in tooltip_of(browser, by_text[("quantity", "2.7亿")])
    tip = tooltip_of(browser, by_text[("event", "GMIC")])
    assert "全球移动互联网大会" in tip and "国家会议中心" in tip
    assert console_errors(browser) == []


def test_gold_mode_index_and_pages(browser, tmp_path):
    from newsie.review.cli import add_parser
    import argparse

    gold_dir = CORPUS
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((gold_dir / "gold").glob("*.json"))}
    records = []
    for doc_id, g in golds.items():   # a record that finds the gold's quantities but nothing else
        text = (gold_dir / "articles" / f"{doc_id}.txt").read_text(encoding="utf-8")
        qs = []
        for item in g["quantities"][::2]:
            pos = text.find(item["text"])
            value = item["value"][0] if isinstance(item["value"], list) else item["value"]
            qs.append({"text": item["text"], "value": value, "span": [pos, pos + len(item["text"])] if pos >= 0 else None})
        records.append({"schema": "newsie/1", "id": doc_id, "events": [], "people": [], "quantities": qs, "dates": []})
    (tmp_path / "out.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                        encoding="utf-8")
    ap = argparse.ArgumentParser()
    add_parser(ap.add_subparsers())
    args = ap.parse_args(["show", "--records", str(tmp_path / "out.jsonl"), "--gold", str(gold_dir),
                          "-o", str(tmp_path / "pages")])
    assert args.func(args) == 0
    open_page(browser, tmp_path / "pages" / "index.html")
    rows = browser.find_elements("css selector", "#articles tbody tr")
    assert len(rows) == len(golds)
    first = next(iter(golds))
    browser.find_element("link text", first).click()
    assert browser.current_url.endswith(f"/{first}.html")
    result = pairing.compare(records[0], golds[first])
    misses = browser.find_elements("css selector", '#facts .fact[data-status="miss"]')
    assert len(misses) == sum(len(result["kinds"][k]["misses"]) for k in pairing.KINDS)
    assert browser.find_elements("css selector", "#article mark.st-miss")
    assert browser.find_element("id", "headline").text == f"{result['headline_exact_f1']:.3f}"
    assert console_errors(browser) == []
    browser.find_element("id", "to-index").click()
    assert browser.current_url.endswith(f"index.html#row-{first}")
