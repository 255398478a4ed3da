"""newsie's tokenizer: characters, or words from newsie's trained pkuseg model, in linear time.

spaCy's Chinese tokenizer aligns words to the text by slicing the remaining text for every
word, which is quadratic: 1 MB of text took 31 s just to tokenise. This one walks the text
once. Whitespace between words becomes tokens of its own, so `doc.text` is the input exactly.
"""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from .errors import DataFileError


def align(text: str, words: list[str]) -> list[str]:
    """Tokens covering TEXT exactly: WORDS in order, with any gaps between them as tokens."""
    tokens: list[str] = []
    pos = 0
    for word in words:
        if not word:
            continue
        i = text.find(word, pos)
        if i < 0:  # a word the segmenter normalised: fall back to characters from here
            break
        tokens.extend(text[pos:i])  # whitespace or dropped characters, one token each
        tokens.append(word)
        pos = i + len(word)
    tokens.extend(text[pos:])
    return tokens


LONG_TEXT = 200_000  # above this many characters, one token per line keeps the Doc small


def lines(text: str) -> list[str]:
    """TEXT as line tokens (each keeps its newline), for texts too long for a token per character."""
    return text.splitlines(keepends=True)


class NewsieTokenizer:
    """Characters (segmenter="char") or pkuseg words (segmenter="pkuseg") as spaCy tokens.

    newsie's stages read `doc.text`, not tokens; a text longer than `long_text` characters gets
    one token per line so that memory stays bounded (a 10 MB article is 10 M characters).
    """

    def __init__(self, vocab: Vocab, segmenter: str = "char", model: str | None = None,
                 user_dict: str | None = None, long_text: int = LONG_TEXT) -> None:
        self.vocab = vocab
        self.segmenter = segmenter
        self.long_text = long_text
        self._seg = None
        if segmenter == "pkuseg":
            import spacy_pkuseg

            if not model or not Path(model).exists():
                raise DataFileError(f"pkuseg model {model!r} not found; reinstall newsie")
            # the CRF alone, then newsie's user dictionary (words it must keep whole) in front of it;
            # pkuseg's own default dictionary is left out: 68 MB of memory, and measured no better
            # on news text (models/README.md, "Evaluation")
            self._seg = spacy_pkuseg.pkuseg(model_name=model, user_dict=None)
            if user_dict:
                self._seg.preprocesser = spacy_pkuseg.Preprocesser(user_dict)
        elif segmenter != "char":
            raise ValueError(f"unknown segmenter {segmenter!r}: use 'char' or 'pkuseg'")

    def words(self, text: str) -> list[str]:
        """The segmenter's words for TEXT (characters for 'char')."""
        return self._seg.cut(text) if self._seg is not None else list(text)

    def __call__(self, text: str) -> Doc:
        if len(text) > self.long_text:
            tokens = lines(text)
        else:
            tokens = align(text, self.words(text)) if self._seg is not None else list(text)
        doc = Doc(self.vocab, words=tokens, spaces=[False] * len(tokens))
        doc.user_data["newsie_text"] = text  # see components.base.doc_text
        return doc

    # The settings live in the pipeline config, so there is nothing to serialise.
    def to_disk(self, path, *, exclude=()) -> None:
        """Nothing to write: `nlp.to_disk` calls this."""

    def from_disk(self, path, *, exclude=()) -> "NewsieTokenizer":
        return self

    def to_bytes(self, *, exclude=()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude=()) -> "NewsieTokenizer":
        return self


@registry.tokenizers("newsie.tokenizer.v1")
def create_tokenizer(segmenter: str = "char", model: str | None = None, user_dict: str | None = None):
    def make(nlp) -> NewsieTokenizer:
        return NewsieTokenizer(nlp.vocab, segmenter, model, user_dict)

    return make
