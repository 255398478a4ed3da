"""Stage `newsie_source`: outlet, dateline and publication date; sets the reference date."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import source
from .base import Stage


class SourceStage(Stage):
    def process(self, doc: Doc) -> None:
        doc._.source, doc._.ref_date, doc._.dateline_span = source.find_source(doc.text, doc._.published)


@Language.factory("newsie_source", default_config={"lang": "zh"})
def make_source(nlp: Language, name: str, lang: str) -> SourceStage:
    return SourceStage(nlp, name, lang)
