"""The `newsie` command: output, exit codes and one-line errors naming the input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsie.cli import main

ARTICLE = "新浪科技讯 10月30日下午消息，星云出行总经理孙立表示，平台已覆盖12个城市。"


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_prints_one_record(article, capsys):
    assert main(["extract", str(article), "--published", "2020-10-30", "--id", "x1"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["id"] == "x1" and rec["source"]["dateline"] == "新浪科技讯"
    assert rec["people"][0]["name"] == "孙立"
    assert [(q["text"], q["value"], q["unit"]) for q in rec["quantities"]] == [("12个", 12, "个")]
    assert "城市" in rec["quantities"][0]["subject"]


def test_extract_from_stdin_outside_the_repo(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "newsie", "extract", "-", "--pretty"], input=ARTICLE.encode(),
                          capture_output=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["source"]["published"] == "--10-30"


@pytest.mark.parametrize("argv,needle", [
    (["extract", "/no/such/file.txt"], "/no/such/file.txt: no such file"),
    (["extract", "{tmp}"], "is a directory"),
    (["extract", "{article}", "--published", "yesterday"], "--published 'yesterday' is not an ISO 8601 date"),
    (["batch", "/no/such/in.jsonl", "-o", "{tmp}/out.jsonl"], "/no/such/in.jsonl: no such file"),
])
def test_usage_errors_exit_2_with_one_line(argv, needle, article, tmp_path, capsys):
    argv = [a.format(tmp=tmp_path, article=article) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and err.count("\n") == 1 and "Traceback" not in err


def test_undecodable_file_is_named(tmp_path, capsys):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\x80\x81\xff" * 50)
    assert main(["extract", str(path)]) == 2
    assert f"{path}: cannot decode" in capsys.readouterr().err


def test_batch_writes_one_record_per_line_and_counts_failures(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "ok1", "text": ARTICLE, "published": "2020-10-30"}, ensure_ascii=False),
        "{broken json",
        json.dumps({"id": "bad", "text": ["not", "a", "string"]}),
        json.dumps({"id": "ok2", "text": "营收增长8%。"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out)]) == 1
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["ok1", 2, "bad", "ok2"]
    assert [r.get("error", {}).get("kind") for r in recs] == [None, "input", "input", None]
    assert "2 ok, 2 failed" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("newsie ")
