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


def _left_out(ner: bool) -> list[str]:
    return [] if ner else ["entities"]


def build_pipeline(*, ner: bool = True, words: bool = False) -> Language:
    """The pipeline built in code from the shipped models (what `models/build_pipeline.py` saves).

    The `words` stage (pkuseg words as `doc.spans["words"]`) is in the pipeline but disabled
    unless WORDS: no record field needs it, and the NER segments the few clauses it reads itself.
    """
    register()
    # newsie's stages work on character offsets; the tokenizer only has to be fast and exact
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "newsie.tokenizer.v1"}}})
    for stage in STAGES:
        name = stage.removeprefix("newsie_")
        if name not in _left_out(ner):
            nlp.add_pipe(stage, name=name)
    if not words:
        nlp.disable_pipe("words")
    return nlp


def load_pipeline(*, ner: bool = True, words: bool = False, path: str | Path | None = None) -> Language:
    """newsie's pipeline, ready to run: `load_pipeline()(text)._.quantities`.

    Loads the shipped pipeline directory (`spacy.load` of `newsie_models/newsie-zh`, or PATH).
    `ner=False` leaves out the statistical NER stage (rules only, the fastest); `words=True`
    turns on the pkuseg word layer, `doc.spans["words"]` (slower; no record field needs it).
    """
    register()
    path = path or model_path(PIPELINE)
    if path is None:
        raise DataFileError(f"newsie's pipeline ({PIPELINE}) is not installed; reinstall newsie")
    nlp = spacy.load(path, exclude=_left_out(ner))
    if words and "words" in nlp.disabled:
        nlp.enable_pipe("words")
    elif not words and "words" in nlp.pipe_names:
        nlp.disable_pipe("words")
    for name in nlp.pipe_names:
        nlp.get_pipe(name).initialize(nlp=nlp)  # read data files and models now, not on the first article
    return nlp
