"""Batch processing: input kinds, workers, order, error records, resume after a kill, Dask."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsie.batch import done_ids, run_batch
from newsie.errors import InputError
from newsie.sources import detect_kind, read_inputs

ARTICLES = [
    "星云科技总裁李明表示，公司今年营收增长了15%。",
    "据介绍，本届博览会展览面积约5万平方米，吸引了近900家企业参展。",
    "新浪科技讯 10月30日下午消息，花生出行总经理周文表示，平台已覆盖12个城市。",
    "去年双11当天，平台成交额突破100亿元。",
]

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>测试频道</title>
<item><title>第一条</title><link>https://example.org/a</link><guid>a-1</guid>
<pubDate>Fri, 30 Oct 2020 08:00:00 +0800</pubDate>
<description><![CDATA[<p>星云科技总裁李明表示，公司<b>今年</b>营收增长了15%。</p>]]></description></item>
<item><title>第二条</title><link>https://example.org/b</link><guid>b-2</guid>
<description>去年双11当天，平台成交额突破100亿元。</description></item>
</channel></rss>"""

HTML = """<!DOCTYPE html><html><head><title>发布会报道</title></head><body>
<nav>首页 | 科技 | 财经</nav><article><h1>发布会报道</h1>
<p>星云科技总裁李明表示，公司今年营收增长了15%，员工超过2000人。</p>
<p>新品将于明年3月上市，起售价3999元。</p></article><footer>版权所有</footer></body></html>"""


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                            for r in rows), encoding="utf-8")
    return path


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name,content,kind", [
    ("a.jsonl", "{}", "jsonl"), ("a.rss", RSS, "feed"), ("a.xml", RSS, "feed"),
    ("a.html", HTML, "html"), ("noext", RSS, "feed"), ("noext2", HTML, "html"), ("noext3", '{"id": 1}', "jsonl"),
])
def test_detect_kind(tmp_path, name, content, kind):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert detect_kind(str(path)) == kind


def test_detect_kind_folder_and_unknown(tmp_path):
    assert detect_kind(str(tmp_path)) == "folder"
    odd = tmp_path / "odd"
    odd.write_text("just words", encoding="utf-8")
    with pytest.raises(InputError, match="--format"):
        detect_kind(str(odd))


def test_folder_rows_are_named_by_file(tmp_path):
    for i, text in enumerate(ARTICLES[:2]):
        (tmp_path / f"n{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x80\x81\xff" * 50)  # no encoding reads this
    rows = list(read_inputs([str(tmp_path)]))
    assert [r.row_id if isinstance(r, InputError) else r["id"] for r in rows] == ["bad", "n0", "n1"]
    assert isinstance(rows[0], InputError)


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no .txt files"):
        list(read_inputs([str(tmp_path)]))


def test_feed_rows_carry_title_link_date_and_text(tmp_path):
    feed = tmp_path / "f.rss"
    feed.write_text(RSS, encoding="utf-8")
    rows = list(read_inputs([str(feed)]))
    assert [(r["id"], r["title"], r["url"], r["published"]) for r in rows] == [
        ("a-1", "第一条", "https://example.org/a", "2020-10-30"),
        ("b-2", "第二条", "https://example.org/b", None)]
    assert "<b>" not in rows[0]["text"] and "今年营收增长了15%" in rows[0]["text"]


def test_html_page_gives_its_main_text(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(HTML, encoding="utf-8")
    [row] = list(read_inputs([str(page)]))
    assert row["id"] == "p" and "起售价3999元" in row["text"] and "版权所有" not in row["text"]


def test_two_workers_give_the_same_records_in_the_same_order(tmp_path):
    rows = [{"id": f"r{i}", "text": ARTICLES[i % 4], "published": "2020-10-30"} for i in range(24)]
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    s1 = run_batch(iter(rows), one, workers=1)
    s2 = run_batch(iter(rows), two, workers=2)
    assert (s1.ok, s2.ok) == (24, 24)
    assert records(one) == records(two)
    assert [r["id"] for r in records(two)] == [f"r{i}" for i in range(24)]


def test_bad_rows_become_error_records_and_records_in_equal_records_out(tmp_path):
    lines = []
    for i in range(100):
        if i % 20 == 7:
            lines.append('{"id": "broken", "text": ')           # invalid JSON
        elif i % 20 == 13:
            lines.append({"id": f"x{i}", "text": 123})          # text not a string
        else:
            lines.append({"id": f"x{i}", "text": ARTICLES[i % 4]})
    src = write_jsonl(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.jsonl"
    summary = run_batch(read_inputs([str(src)]), out, workers=2)
    recs = records(out)
    assert len(recs) == 100 and (summary.ok, summary.failed) == (90, 10)
    assert len({json.dumps(r["id"]) for r in recs}) == 100      # broken lines carry their line number


def test_errors_file_takes_the_error_records(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLES[0]}, "{oops"])
    out, errs = tmp_path / "out.jsonl", tmp_path / "err.jsonl"
    run_batch(read_inputs([str(src)]), out, errors=errs)
    assert [r["id"] for r in records(out)] == ["a"]
    assert [r["error"]["kind"] for r in records(errs)] == ["input"]


def test_done_ids_cuts_a_torn_last_line(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c", "sch', encoding="utf-8")
    assert done_ids(out) == {'"a"', '"b"'}
    assert out.read_text(encoding="utf-8") == '{"id": "a"}\n{"id": "b"}\n'


def test_resume_after_kill_9_gives_every_id_exactly_once(tmp_path):
    n = 150
    long_text = "。".join(ARTICLES * 3)
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"k{i}", "text": long_text} for i in range(n)])
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsie", "batch", str(src), "-o", str(out), "--workers", "1"]
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.read_text(encoding="utf-8").count("\n") < 20):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    written = out.read_text(encoding="utf-8").count("\n")
    assert 0 < written < n, "the run should have been killed part-way"
    done = subprocess.run(cmd + ["--resume"], capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    ids = [r["id"] for r in records(out)]
    assert sorted(ids) == sorted(f"k{i}" for i in range(n)) and len(ids) == n
    assert "already done" in done.stderr.decode()


def test_dask_engine_on_a_local_cluster_of_two_processes(tmp_path):
    pytest.importorskip("dask.distributed")
    rows = [{"id": f"d{i}", "text": ARTICLES[i % 4], "published": "2020-10-30"} for i in range(12)]
    local, dask_out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_batch(iter(rows), local, workers=1)
    summary = run_batch(iter(rows), dask_out, workers=2, engine="dask")
    assert summary.ok == 12
    assert records(dask_out) == records(local)


def test_stages_can_be_left_out_of_a_batch(tmp_path):
    """--no-ner: the rule stages alone give the same quantities and dates."""
    import newsie.batch as batch

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
                           for i, t in enumerate(ARTICLES)), encoding="utf-8")
    full, rules = tmp_path / "full.jsonl", tmp_path / "rules.jsonl"
    run_batch(read_inputs([str(src)]), full, workers=1)
    summary = run_batch(read_inputs([str(src)]), rules, workers=1, ner=False)
    assert summary.ok == len(ARTICLES)
    assert batch._worker_extractor.nlp.pipe_names == ["source", "dates", "quantities", "people", "events"]
    a = [json.loads(l) for l in full.read_text(encoding="utf-8").splitlines()]
    b = [json.loads(l) for l in rules.read_text(encoding="utf-8").splitlines()]
    assert [r["quantities"] for r in a] == [r["quantities"] for r in b]
    assert [r["dates"] for r in a] == [r["dates"] for r in b]
