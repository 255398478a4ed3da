"""Write newsie's shipped pipeline directory, models/newsie-zh/, from the trained models.

    .venv/bin/python models/build_pipeline.py \
        [--words models/newsie-zh/words] [--ner models/ner/training/RUN/model-best] [--out models/newsie-zh]

The result is an ordinary spaCy pipeline directory (config.cfg, meta.json, one folder a
component): `spacy.load("models/newsie-zh")` gives the whole extractor, offline, once newsie is
installed (its components and tokenizer are registered through entry points). The segmenter
is copied into `words/` and the NER pipeline into `entities/`; by default both are the ones
already there, so rerunning only rewrites the config and meta.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsie import __version__  # noqa: E402
from newsie.pipeline import build_pipeline  # noqa: E402

META = {
    "name": "newsie",
    "lang": "zh",
    "version": __version__,
    "description": "newsie: facts (events, people, quantities, dates, source) from Chinese tech news. "
                   "Components: words (pkuseg segmenter trained by models/segmenter/train.py), "
                   "rule stages reading newsie/data/zh, entities (character NER trained by "
                   "models/ner/config.cfg). See models/README.md.",
    "author": "newsie",
    "license": "code MIT; model weights research / non-commercial use only (see models/README.md)",
    "sources": [
        {"name": "NLPCC-2016 Weibo word segmentation", "url": "http://tcci.ccf.org.cn/conference/2016/"},
        {"name": "SIGHAN 2005 (PKU, MSR)", "url": "http://sighan.cs.uchicago.edu/bakeoff2005/"},
        {"name": "UD Chinese GSDSimp", "url": "https://universaldependencies.org/"},
        {"name": "CLUENER2020", "url": "https://github.com/CLUEbenchmark/CLUENER2020"},
    ],
}


# written into entities/meta.json (spacy train leaves a generic name and no licence)
ENTITIES_META = {
    "name": "ner_news",
    "version": __version__,
    "description": "newsie NER, character tokens with bigram and pkuseg-word features "
                   "(newsie_char_features); labels PERSON ORG TITLE GPE LOC FAC EVENT PRODUCT. "
                   "Trained on CLUENER2020 train (mapped to newsie labels) with rule-made EVENT/FAC "
                   "spans and PPMI-SVD character vectors. See models/README.md.",
    "author": "newsie",
    "license": "research / non-commercial use only (derived from research-only corpora; see models/README.md)",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    out_default = REPO / "models" / "newsie-zh"
    ap.add_argument("--words", type=Path, default=out_default / "words", help="pkuseg model directory")
    ap.add_argument("--ner", type=Path, default=out_default / "entities", help="trained spaCy NER pipeline")
    ap.add_argument("--out", type=Path, default=out_default)
    args = ap.parse_args(argv)

    nlp = build_pipeline()
    nlp.get_pipe("words").model_dir = args.words
    nlp.get_pipe("entities").model_dir = args.ner
    nlp.meta.update(META)
    nlp.to_disk(args.out)
    meta_path = args.out / "entities" / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(ENTITIES_META)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} with components {nlp.pipe_names}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
