"""The shipped pipeline directory: `spacy.load` gives the whole extractor, offline, writing nothing."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import spacy

import newsie
from newsie.models import PIPELINE, model_path
from newsie.pipeline import build_pipeline

# the second speaker has no title: the rules cannot read him alone, so the NER reads his clause
TEXT = "4月28日，星河科技副总裁林志远在上海世博中心表示，平台月活跃用户已达1.2亿。用户周明说，体验很好。"

# Runs in a fresh interpreter with sockets disabled and HOME pointing at an empty folder:
# only `import spacy` and `spacy.load`, no `import newsie` (the entry points register it).
OFFLINE_LOAD = textwrap.dedent("""
    import json, socket, sys
    class NoNetwork(socket.socket):
        def connect(self, *args):
            raise OSError("network access attempted")
        connect_ex = connect
    socket.socket = NoNetwork
    import spacy
    nlp = spacy.load(sys.argv[1])
    names = nlp.pipe_names
    nlp.enable_pipe("words")  # shipped disabled: no record field needs it
    doc = nlp(sys.argv[2])
    print(json.dumps({"pipe_names": names, "disabled": nlp.disabled,
                      "ents": [[e.text, e.label_] for e in doc.ents],
                      "words": [w.text for w in doc.spans["words"]],
                      "people": doc._.people, "quantities": doc._.quantities}, ensure_ascii=False))
""")


def test_the_pipeline_directory_is_installed_as_package_data():
    path = model_path(PIPELINE)
    assert path is not None
    assert (path / "config.cfg").is_file() and (path / "meta.json").is_file()
    assert (path / "words" / "features.msgpack").is_file()  # the segmenter, inside the pipeline
    assert (path / "entities" / "config.cfg").is_file()      # the NER, inside the pipeline


def test_spacy_load_works_offline_and_writes_nothing_to_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    out = subprocess.run([sys.executable, "-c", OFFLINE_LOAD, str(model_path(PIPELINE)), TEXT],
                         capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout)
    assert got["pipe_names"] == ["source", "dates", "quantities", "entities", "people", "events"]
    assert got["disabled"] == []
    assert ["周明", "PERSON"] in got["ents"]
    assert "副总裁" in got["words"]
    assert [(p["name"], p["title"], p["org"]) for p in got["people"]] == [("林志远", "副总裁", "星河科技"),
                                                                        ("周明", None, None)]
    assert [q["value"] for q in got["quantities"]] == [120_000_000]
    assert list(home.iterdir()) == []


def test_a_pipeline_saved_from_code_loads_back_the_same(tmp_path):
    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "p")
    # the tokenizer's settings are in config.cfg, so it writes no folder
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == ["config.cfg", "entities", "meta.json", "vocab", "words"]
    loaded = spacy.load(tmp_path / "p")
    shipped = newsie.load_pipeline()
    a, b = loaded(TEXT), shipped(TEXT)
    assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [(e.start_char, e.end_char, e.label_) for e in b.ents]
    assert a._.people == b._.people and a._.quantities == b._.quantities and a._.dates == b._.dates


def test_load_pipeline_can_leave_out_the_models():
    nlp = newsie.load_pipeline(ner=False)
    assert "entities" not in nlp.pipe_names and "words" not in nlp.pipe_names
    doc = nlp(TEXT)
    assert [q["value"] for q in doc._.quantities] == [120_000_000]


def test_the_word_layer_is_off_unless_asked_for():
    assert "words" not in newsie.load_pipeline().pipe_names
    doc = newsie.load_pipeline(words=True)(TEXT)
    assert "副总裁" in [w.text for w in doc.spans["words"]]
