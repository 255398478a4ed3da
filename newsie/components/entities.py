"""Stage `newsie_entities`: named-entity spans (PERSON, ORG, TITLE, GPE, LOC, FAC, EVENT, PRODUCT).

Runs newsie's own trained NER pipeline (shipped in the pipeline directory, `newsie_models/newsie-zh/entities`) on the raw text,
character-tokenised, so its spans are character offsets whatever tokenizer the main pipeline
uses.

With `scope = "cues"` (the default) the model reads the text just before each speech cue (表示,
说, ：“ …) whose speaker the rules cannot read alone: not 总裁林志远表示, not ，他表示, not a
cue with a name the rules found after a title elsewhere in the 12 characters before it
(雷军在会上表示), and not one with no possible name there (a known surname, or a
transliteration with ·: the only names the people stage keeps from the NER). The people stage
keeps an NER name only where the name speaks, and reads every other name with rules
(ORG+TITLE+NAME). That is about 6% of a news text. On the project's corpus and dev set it finds
people as well as `scope = "all"`, which reads every paragraph, and as well as also reading the
first `lead_lines` lines (the headline; 0 by default since session 4: reading it changed no
figure and cost a quarter of the model's time).
"""
from __future__ import annotations

import bisect
import itertools
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

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


@lru_cache(maxsize=None)
def _titled_name(lang: str) -> regex.Pattern:
    """A name the rules read after a title anywhere in the text (总裁林志远, 全球副总裁马克·韦斯顿):
    group `han` its first two characters, group `family` the family name of a transliteration."""
    titles = lexicon.alternation("titles", lang)
    return regex.compile(rf"(?:{titles})\s?(?:\p{{Han}}{{1,6}}·(?P<family>\p{{Han}}{{2,8}})|(?P<han>\p{{Han}}{{2}}))")


def titled_names(text: str, lang: str = "zh") -> set[str]:
    """What `_titled_name` finds in TEXT: how the names the rules read alone are written again."""
    return {m.group("family") or m.group("han") for m in _titled_name(lang).finditer(text)}


@lru_cache(maxsize=None)
def _speaker_name(lang: str) -> regex.Pattern:
    """What the people stage keeps as an NER name (people._plausible_name): a known surname and
    one or two more characters, or a transliteration with ·."""
    return regex.compile(rf"(?:{lexicon.alternation('surnames', lang)})\p{{Han}}|\p{{Han}}·\p{{Han}}")


def cue_windows(text: str, cue: regex.Pattern, before: int, after: int, lead: int = 0,
                known: regex.Pattern | None = None, names: Collection[str] = (),
                reach: int = 12, speaker: regex.Pattern | None = None) -> list[tuple[int, int]]:
    """The first LEAD lines of TEXT (blank lines not counted) whole, then the spans from BEFORE
    characters ahead of each later CUE match to AFTER characters past it, clipped to the cue's
    line and merged where they overlap, in text order. A cue gets no window when its preceding
    16 characters end in KNOWN (a speaker the rules read alone), when one of NAMES (people the
    rules found elsewhere) stands in the REACH characters before it (雷军在会上表示), or when no
    SPEAKER (the start of a name the people stage would keep) stands there (公司人士表示)."""
    windows = [m.span() for m in itertools.islice(_PARAGRAPH.finditer(text), lead)]
    lead_end = windows[-1][1] if windows else 0
    for m in cue.finditer(text, lead_end):
        if known is not None and known.search(text, max(lead_end, m.start() - 16), m.start()):
            continue
        if names and any(n in text[max(0, m.start() - reach):m.start()] for n in names):
            continue
        if speaker is not None and not speaker.search(text, max(lead_end, m.start() - reach - 2), m.start()):
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
            return cue_windows(text, _cue(self.lang), before, after, lead, _known_subject(self.lang),
                               titled_names(text, self.lang), speaker=_speaker_name(self.lang))
        return [m.span() for m in _PARAGRAPH.finditer(text)]

    def process(self, doc: Doc) -> None:
        self._process_batch([doc])

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Like calling the stage on each Doc, but the model reads the parts of a whole batch of
        articles together: a few short clauses per article made the model's per-call cost larger
        than its per-character cost. If the batch fails, each Doc is run alone, so the error
        lands on the article that caused it."""
        for batch in minibatch(docs, size=max(1, batch_size)):
            todo = [doc for doc in batch if not doc._.errors]
            if todo and not self.ready:
                self.initialize()
            try:
                self._process_batch(todo)
            except Exception:
                for doc in todo:
                    self(doc)
            yield from batch

    def _process_batch(self, batch: list[Doc]) -> None:
        jobs = []  # (doc, text, part starts, part docs)
        for doc in batch:
            doc._.entities = []
            text = doc_text(doc)
            if self.ner is None or len(text) > LONG_TEXT:
                continue  # no model, or a huge text: the rule stages work alone (bounded time)
            words = [(w.start_char, w.end_char) for w in doc.spans["words"]] if "words" in doc.spans else None
            # part by part: the model's working memory stays that of one paragraph, not of the article
            parts = self.spans(text)
            jobs.append((doc, text, [a for a, _ in parts], [self._part_doc(text, a, b, words) for a, b in parts]))
        ner_docs = iter(self.ner.pipe((d for job in jobs for d in job[3]), batch_size=256))
        for doc, text, starts, _ in jobs:
            entities = [(a + e.start_char, a + e.end_char, e.label_)
                        for a in starts for e in next(ner_docs).ents]
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
                                                     "scope": "cues", "lead_lines": 0, "window_before": 20,
                                                     "window_after": 2})
def make_entities(nlp: Language, name: str, lang: str, model: str, ruler: bool, scope: str,
                  lead_lines: int, window_before: int, window_after: int) -> EntitiesStage:
    return EntitiesStage(nlp, name, lang, model, ruler, scope, lead_lines, window_before, window_after)
