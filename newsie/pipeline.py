"""newsie's spaCy pipeline: the shipped pipeline directory, or the same pipeline built in code."""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import components, tokenizer  # noqa: F401  (registers the factories and the tokenizer)
from .errors import DataFileError
from .extensions import register
from .models import PIPELINE, model_path

# Factory names use "_" (spaCy forbids "." in them). Stage order matters: the source stage sets the reference date the dates stage resolves
# against, quantities skip date spans, people use NER spans, events use the dates.
STAGES = ("newsie_words", "newsie_source", "newsie_dates", "newsie_quantities", "newsie_entities",
          "newsie_people", "newsie_events")


def _left_out(ner: bool, words: bool) -> list[str]:
    return [name for name, keep in (("entities", ner), ("words", words)) if not keep]


def build_pipeline(*, ner: bool = True, words: bool = True) -> Language:
    """The pipeline built in code from the shipped models (what `models/build_pipeline.py` saves)."""
    register()
    # newsie's stages work on character offsets; the tokenizer only has to be fast and exact
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "newsie.tokenizer.v1"}}})
    for stage in STAGES:
        name = stage.removeprefix("newsie_")
        if name not in _left_out(ner, words):
            nlp.add_pipe(stage, name=name)
    return nlp


def load_pipeline(*, ner: bool = True, words: bool = True, path: str | Path | None = None) -> Language:
    """newsie's pipeline, ready to run: `load_pipeline()(text)._.quantities`.

    Loads the shipped pipeline directory (`spacy.load` of `newsie_models/newsie-zh`, or PATH).
    `ner=False` leaves out the statistical NER stage and `words=False` the pkuseg word layer
    (both faster; the rule stages work on the text either way).
    """
    register()
    path = path or model_path(PIPELINE)
    if path is None:
        raise DataFileError(f"newsie's pipeline ({PIPELINE}) is not installed; reinstall newsie")
    nlp = spacy.load(path, exclude=_left_out(ner, words))
    for _, component in nlp.pipeline:
        component.initialize(nlp=nlp)  # read data files and models now, not on the first article
    return nlp
