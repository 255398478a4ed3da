"""Build newsie's spaCy pipeline: a Chinese tokenizer and one component per stage."""
from __future__ import annotations

import spacy
from spacy.language import Language

from . import components, tokenizer  # noqa: F401  (registers the factories and the tokenizer)
from .extensions import register

# Factory names use "_" (spaCy forbids "." in them). Stage order matters: the source stage sets the reference date the dates stage resolves
# against, quantities skip date spans, people use NER spans, events use the dates.
STAGES = ("newsie_words", "newsie_source", "newsie_dates", "newsie_quantities", "newsie_entities",
          "newsie_people", "newsie_events")


def load_pipeline(*, ner: bool = True, words: bool = True) -> Language:
    """newsie's pipeline, ready to run: `load_pipeline()(text)._.quantities`.

    `ner=False` leaves out the statistical NER stage and `words=False` the pkuseg word layer
    (both faster; the rule stages work on the text either way).
    """
    register()
    # newsie's stages work on character offsets; the tokenizer only has to be fast and exact
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "newsie.tokenizer.v1"}}})
    for stage in STAGES:
        if (stage == "newsie_entities" and not ner) or (stage == "newsie_words" and not words):
            continue
        nlp.add_pipe(stage, name=stage.removeprefix("newsie_"))
    for _, component in nlp.pipeline:
        component.initialize(nlp=nlp)
    return nlp
