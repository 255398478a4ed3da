"""Stage `newsie_quantities`: every number that counts or measures something."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import quantities
from .base import Stage, doc_text


class QuantitiesStage(Stage):
    def process(self, doc: Doc) -> None:
        skip = [tuple(d["span"]) for d in doc._.dates or ()]
        doc._.quantities = quantities.find_quantities(doc_text(doc), skip)


@Language.factory("newsie_quantities", default_config={"lang": "zh"})
def make_quantities(nlp: Language, name: str, lang: str) -> QuantitiesStage:
    return QuantitiesStage(nlp, name, lang)
