"""Copy the NER DocBins with one BILUO tag per token (`token.tag_`), for the tagger NER.

Usage (from the repository root, after models/ner/prepare.py)::

    .venv/bin/python models/ner/tags.py [--dir models/ner/training] NAME ...

Writes training/NAME-tags.spacy for each training/NAME.spacy (default: news-cluener-train,
news-val, news-dev). Tokens outside every entity get "O"; `newsie_tag_ner` learns these tags
and reads them back as entity spans.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training import offsets_to_biluo_tags

HERE = Path(__file__).resolve().parent


def tag_docbin(src: Path, dst: Path) -> int:
    nlp = spacy.blank("zh")
    out = DocBin(store_user_data=False)
    n = 0
    for doc in DocBin().from_disk(src).get_docs(nlp.vocab):
        offsets = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for token, tag in zip(doc, offsets_to_biluo_tags(doc, offsets, missing="O")):
            token.tag_ = tag
        out.add(doc)
        n += 1
    out.to_disk(dst)
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", default=["news-cluener-train", "news-val", "news-dev"])
    ap.add_argument("--dir", type=Path, default=HERE / "training")
    args = ap.parse_args()
    for name in args.names:
        n = tag_docbin(args.dir / f"{name}.spacy", args.dir / f"{name}-tags.spacy")
        print(f"{name}-tags.spacy: {n} docs")


if __name__ == "__main__":
    main()
