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
