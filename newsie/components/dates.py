"""Stage `newsie_dates`: every date mention, resolved against the reference date."""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .. import dates
from .base import Stage, doc_text


class DatesStage(Stage):
    def process(self, doc: Doc) -> None:
        ref = dt.date.fromisoformat(doc._.ref_date) if doc._.ref_date else None
        doc._.dates = dates.find_dates(doc_text(doc), ref)


@Language.factory("newsie_dates", default_config={"lang": "zh"})
def make_dates(nlp: Language, name: str, lang: str) -> DatesStage:
    return DatesStage(nlp, name, lang)
