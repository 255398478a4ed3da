"""Stage `newsie_people`: named persons with title, organisation and role."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicon, people
from .base import Stage, doc_text


class PeopleStage(Stage):
    def load(self) -> None:
        for name in ("titles", "surnames", "speech_verbs", "name_stop_chars"):
            lexicon.terms(name, self.lang)

    def process(self, doc: Doc) -> None:
        doc._.people = people.find_people(doc_text(doc), doc._.entities or ())


@Language.factory("newsie_people", default_config={"lang": "zh"})
def make_people(nlp: Language, name: str, lang: str) -> PeopleStage:
    return PeopleStage(nlp, name, lang)
