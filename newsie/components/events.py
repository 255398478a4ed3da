"""Stage `newsie_events`: named events with aliases, venue, city, dates and theme."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import events
from .base import Stage, doc_text


class EventsStage(Stage):
    def load(self) -> None:
        events._patterns(self.lang)

    def process(self, doc: Doc) -> None:
        skip = [doc._.dateline_span] if doc._.dateline_span else []
        doc._.events = events.find_events(doc_text(doc), doc._.dates or (), skip)


@Language.factory("newsie_events", default_config={"lang": "zh"})
def make_events(nlp: Language, name: str, lang: str) -> EventsStage:
    return EventsStage(nlp, name, lang)
