"""Shared fixtures: one pipeline for the whole session (loading it is the slow part)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def extractor():
    from newsie import Extractor

    return Extractor()


def corpus_items() -> list[tuple[str, str, dict]]:
    """(id, article text, gold) for every article of the project's corpus."""
    items = []
    for gold_path in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (CORPUS / "articles" / f"{gold['id']}.txt").read_text(encoding="utf-8")
        items.append((gold["id"], text, gold))
    return items


def check_record(rec: dict, text: str) -> None:
    """Valid against the shipped schema, and every span slices the input to its mention."""
    import jsonschema

    from newsie.record import json_schema

    jsonschema.validate(rec, json_schema())
    for q in rec["quantities"]:
        assert text[slice(*q["span"])] == q["text"]
    for d in rec["dates"]:
        assert text[slice(*d["span"])] == d["text"]
    for p in rec["people"]:
        assert all(text[s:e] in [p["name"], *p.get("aliases", [])] for s, e in p["spans"])
    for ev in rec["events"]:
        assert all(text[s:e] in [ev["name"], *ev["aliases"]] for s, e in ev["spans"])
