"""Stage `newsie_entities`: named-entity spans (PERSON, ORG, TITLE, GPE, LOC, FAC, EVENT, PRODUCT).

Runs newsie's own trained NER pipeline (shipped in the pipeline directory, `newsie_models/newsie-zh/entities`) on the raw text,
character-tokenised, so its spans are character offsets whatever tokenizer the main pipeline
uses.

With `scope = "cues"` (the default) the model reads the headline (where the article's company
is named: the people stage gives it to titles without an organisation) and the text just before
each speech cue (表示, 说, ：“ …) whose speaker the rules cannot read alone (not 总裁林志远表示,
not ，他表示): the people stage keeps an NER name only where the name speaks, and reads every
other name with rules (ORG+TITLE+NAME). That is about a seventh of a news text,
and on the project's corpus and dev set it finds people as well as `scope = "all"`, which
reads every paragraph.
"""
from __future__ import annotations

import bisect
import itertools
from functools import lru_cache

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicon
from ..errors import DataFileError
from ..lexicon import data_path
from ..models import ENTITIES
from ..tokenizer import LONG_TEXT, NewsieTokenizer
from .base import ModelStage, doc_text

SCOPES = ("cues", "all")
_PARAGRAPH = regex.compile(r"[^\n]+")


@lru_cache(maxsize=None)
def _cue(lang: str) -> regex.Pattern:
    """A speech verb (data file speech_verbs) or a colon opening a quotation."""
    return regex.compile(rf"(?:{lexicon.alternation('speech_verbs', lang)})|[:：]\s*[“\"「]")


@lru_cache(maxsize=None)
def _known_subject(lang: str) -> regex.Pattern:
    """What ends the text before a cue when the rules read the speaker alone: a title and a
    name (总裁林志远表示) or a pronoun opening the clause (，他表示; data file ner_known_subjects)."""
    titles = lexicon.alternation("titles", lang)
    subjects = lexicon.alternation("ner_known_subjects", lang)
    return regex.compile(rf"(?:(?:{titles})(?:\p{{Han}}{{2,4}}|\p{{Han}}{{1,6}}·\p{{Han}}{{1,8}})|(?:^|[，。；！？\n“”：:])\s*(?:{subjects}))"
                         r"(?:还|也|则|并|进一步|同时|随后|最后|均|都|对此|对记者|向记者)?\s*$")


def cue_windows(text: str, cue: regex.Pattern, before: int, after: int, lead: int = 0,
                known: regex.Pattern | None = None) -> list[tuple[int, int]]:
    """The first LEAD lines of TEXT (blank lines not counted) whole, then the spans from BEFORE
    characters ahead of each later CUE match to AFTER characters past it, clipped to the cue's
    line and merged where they overlap, in text order. A cue whose preceding 16 characters end
    in KNOWN (a speaker the rules read alone) gets no window."""
    windows = [m.span() for m in itertools.islice(_PARAGRAPH.finditer(text), lead)]
    lead_end = windows[-1][1] if windows else 0
    for m in cue.finditer(text, lead_end):
        if known is not None and known.search(text, max(lead_end, m.start() - 16), m.start()):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        a = max(line_start, m.start() - before)
        b = min(len(text) if line_end < 0 else line_end, m.end() + after)
        if windows and a <= windows[-1][1] and text.find("\n", windows[-1][1], a) < 0:
            windows[-1] = (windows[-1][0], max(b, windows[-1][1]))
        else:
            windows.append((a, b))
    return windows



class EntitiesStage(ModelStage):
    def __init__(self, nlp: Language, name: str, lang: str, model: str, ruler: bool, scope: str,
                 lead_lines: int, window_before: int, window_after: int) -> None:
        super().__init__(nlp, name, lang, model)
        if scope not in SCOPES:
            raise ValueError(f"[components.{name}] scope = {scope!r}: use one of {', '.join(SCOPES)}")
        self.use_ruler = ruler
        self.scope = scope
        self.window = (window_before, window_after, lead_lines)
        self.ner: Language | None = None

    def load(self) -> None:
        if not self.model_name and self.model_dir is None:
            return  # model="" in the config: no NER, the rule stages work alone
        path = self.model_location()
        try:
            self.ner = spacy.load(path)
        except Exception as exc:
            raise DataFileError(f"newsie's NER model at {path} cannot be loaded ({exc}); reinstall newsie") from exc
        # the model was trained on spaCy's character tokens; newsie's tokenizer gives the same
        # tokens in linear time (spaCy's own is quadratic in the text length)
        self.ner.tokenizer = NewsieTokenizer(self.ner.vocab)
        # The gazetteer (ruler=True) fills what the model leaves untagged. It is off by default:
        # on ../shared/eval/dev it changed no people or events figure, and spaCy's EntityRuler
        # slows down badly on texts dense with matches (a fuzz case took minutes).
        if self.use_ruler:
            ruler = self.ner.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": False})
            ruler.from_disk(str(data_path("ner_patterns", self.lang, ".jsonl")))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The parts of TEXT the model reads: cue windows, or every paragraph (no entity crosses a line)."""
        if self.scope == "cues":
            before, after, lead = self.window
            return cue_windows(text, _cue(self.lang), before, after, lead, _known_subject(self.lang))
        return [m.span() for m in _PARAGRAPH.finditer(text)]

    def process(self, doc: Doc) -> None:
        doc._.entities = []
        text = doc_text(doc)
        if self.ner is None or len(text) > LONG_TEXT:
            return  # no model, or a huge text: the rule stages work alone (bounded time)
        words = [(w.start_char, w.end_char) for w in doc.spans["words"]] if "words" in doc.spans else None
        # part by part: the model's working memory stays that of one paragraph, not of the article
        parts = self.spans(text)
        docs = (self._part_doc(text, a, b, words) for a, b in parts)
        entities = []
        for (a, _), ner_doc in zip(parts, self.ner.pipe(docs, batch_size=16)):
            entities.extend((a + e.start_char, a + e.end_char, e.label_) for e in ner_doc.ents)
        doc._.entities = entities
        if len(doc) == len(text):  # character tokens: the entities are exact token spans
            doc.ents = [doc.char_span(s, e, label=label) for s, e, label in entities]

    def _part_doc(self, text: str, a: int, b: int, words: list[tuple[int, int]] | None) -> Doc:
        """The NER's Doc for text[a:b], with the words stage's words inside it (for the word
        features); without a words stage the NER's feature component segments the part itself."""
        ner_doc = self.ner.make_doc(text[a:b])
        if words is not None:
            i = bisect.bisect_left(words, (a, a))
            inside = []
            while i < len(words) and words[i][1] <= b:
                inside.append(ner_doc.char_span(words[i][0] - a, words[i][1] - a))
                i += 1
            ner_doc.spans["words"] = inside
        return ner_doc


@Language.factory("newsie_entities", default_config={"lang": "zh", "model": ENTITIES, "ruler": False,
                                                     "scope": "cues", "lead_lines": 1, "window_before": 20,
                                                     "window_after": 2})
def make_entities(nlp: Language, name: str, lang: str, model: str, ruler: bool, scope: str,
                  lead_lines: int, window_before: int, window_after: int) -> EntitiesStage:
    return EntitiesStage(nlp, name, lang, model, ruler, scope, lead_lines, window_before, window_after)
