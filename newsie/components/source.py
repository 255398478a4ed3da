"""Stage `newsie_source`: outlet, dateline and publication date; sets the reference date."""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .. import source
from .base import Stage, doc_text


class SourceStage(Stage):
    def process(self, doc: Doc) -> None:
        published = dt.date.fromisoformat(doc._.published) if doc._.published else None
        doc._.source, ref, doc._.dateline_span = source.find_source(doc_text(doc), published)
        doc._.ref_date = ref.isoformat() if ref else None


@Language.factory("newsie_source", default_config={"lang": "zh"})
def make_source(nlp: Language, name: str, lang: str) -> SourceStage:
    return SourceStage(nlp, name, lang)
