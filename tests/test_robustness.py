"""Bad, hostile and huge inputs: a record or a clear error, never a crash, never a lost record."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsie.cli import main
from newsie.errors import InputError
from newsie.io import decode

from .conftest import check_record

# The default profile keeps the suite fast; `HYPOTHESIS_PROFILE=nightly` (set by .ci/run for the
# `nightly` marker run) draws 10,000 examples.
settings.register_profile("default", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("nightly", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

FUZZ = Path(__file__).parent / "fuzz"

# Text that looks like news: digits, Chinese numerals, units, date words, titles, punctuation.
NEWSY = st.text(alphabet=st.sampled_from(list(
    "0123456789０１２３４５６７８９一二两三四五六七八九十百千万亿億萬年月日号至到-~—.%％个家人元美元倍岁天"
    "近约超过多余以上第双总经理董事长兼CEO王李张丽娟表示谈到在于举行大会峰会论坛（）()“”《》，。、；：！？ \n\t"
    "今去明年前后上下周季度半初底旬春节国庆")), max_size=300)


@given(text=st.text(max_size=400))
def test_any_text_gives_a_valid_record(extractor, text):
    check_record(extractor.extract(text, published="2015-04-30").to_dict(), text)


@given(text=NEWSY, published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_newsy_text_gives_a_valid_record(extractor, text, published):
    check_record(extractor.extract(text, published=published).to_dict(), text)


@pytest.mark.nightly
@settings(max_examples=10_000)
@given(text=st.one_of(NEWSY, st.text(max_size=500)))
def test_nightly_ten_thousand_examples(extractor, text):
    check_record(extractor.extract(text, published="2020-02-29").to_dict(), text)


FUZZ_CASES = sorted(FUZZ.glob("*.txt"))


@pytest.mark.parametrize("path", FUZZ_CASES, ids=[p.name for p in FUZZ_CASES])
def test_fuzz_regressions(extractor, path):
    text = path.read_text(encoding="utf-8", errors="surrogatepass")
    check_record(extractor.extract(text, published="2015-04-30").to_dict(), text)


@pytest.mark.parametrize("text", [
    "\ud800孤立代理\udfff",            # lone surrogates (escaped from undecodable bytes)
    "\x00\x01\x02 控制字符 \x1b[31m",
    "🎉🚀 表情 2.7亿 👍",
    "a" * 100_000,
    "１" * 50_000,
])
def test_hostile_strings(extractor, text):
    check_record(extractor.extract(text).to_dict(), text)


@pytest.mark.parametrize("name,text", [
    ("digits", "1234567890" * 100_000),
    ("de", "的" * 1_000_000),
    ("punctuation", "，。！？、" * 200_000),
    ("near", "近" * 1_000_000),
])
def test_one_megabyte_of_a_pathological_run_finishes(extractor, name, text):
    rec = extractor.extract(text, published="2015-04-30").to_dict()
    assert rec["schema"] == "newsie/1"


TEXT = "蘋果於香港時間今晨發布新產品，營收達1億4000萬元，較去年增長32%。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030", "big5"])
def test_encodings_are_detected(encoding):
    text = "苹果公司昨天发布了2011财年第三季度的财报，营收增长了5倍。" if encoding in ("gbk",) else TEXT
    assert decode(text.encode(encoding), "x.txt") == text


def test_undecodable_bytes_are_refused_naming_the_input_and_encodings():
    with pytest.raises(InputError, match=r"bad\.txt: cannot decode .*gb18030, big5"):
        decode(bytes(range(0x80, 0x100)) * 3, "bad.txt")


def test_traditional_chinese_keeps_spans_on_the_original_text(extractor):
    rec = extractor.extract(TEXT, published="2016-09-08").to_dict()
    q = next(q for q in rec["quantities"] if q["text"].startswith("1億4000萬"))
    assert q["value"] == 140_000_000 and TEXT[slice(*q["span"])] == q["text"]
    check_record(rec, TEXT)


@pytest.mark.parametrize("argv,needle", [
    (["extract", "{tmp}/missing.txt"], "missing.txt: no such file"),
    (["batch", "{tmp}/empty_dir", "-o", "{tmp}/o.jsonl"], "empty_dir: folder holds no .txt files"),
    (["extract", "{tmp}/a.txt", "--published", "2015-02-30"], "--published '2015-02-30' is not an ISO 8601 date"),
    (["batch", "{tmp}/missing.jsonl", "-o", "{tmp}/o.jsonl"], "missing.jsonl: no such file"),
])
def test_cli_errors_are_one_line_and_exit_2(tmp_path, capsys, argv, needle):
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "a.txt").write_text("正文", encoding="utf-8")
    assert main([a.format(tmp=tmp_path) for a in argv]) == 2
    err = capsys.readouterr().err
    assert needle in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_unreadable_file(tmp_path, capsys):
    path = tmp_path / "locked.txt"
    path.write_text("正文", encoding="utf-8")
    path.chmod(0)
    assert main(["extract", str(path)]) == 2
    assert "locked.txt: cannot read" in capsys.readouterr().err


def test_max_chars_refuses_a_huge_article_with_an_error_record(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "big", "text": "字" * 2_000}) + "\n" +
                   json.dumps({"id": "small", "text": "营收增长8%。"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--max-chars", "1000", "--workers", "1"]) == 1
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r.get("error", {}).get("kind")) for r in recs] == [("big", "too_large"), ("small", None)]


def test_batch_invariant_2000_lines_5_percent_corrupted(tmp_path):
    lines = []
    for i in range(2_000):
        if i % 20 == 3:
            lines.append('{"id": "c%d", "text": "断' % i)          # broken JSON
        else:
            lines.append(json.dumps({"id": f"r{i}", "text": f"第{i}条：公司营收增长{i % 97}%。"}, ensure_ascii=False))
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--workers", "2"]) == 1
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 2_000
    assert len({json.dumps(r["id"]) for r in recs}) == 2_000
    assert sum("error" in r for r in recs) == 100
