"""Component `newsie_tag_ner`: named entities from one BILUO tag per character token.

spaCy's `ner` is a transition-based parser: a step per token, each step a small network call,
which cost more than the encoder under it. This component is spaCy's `Tagger` trained on BILUO
tags (B-PERSON, I-PERSON, L-PERSON, U-ORG, O …; models/ner/tags.py writes them): the encoder
scores every tag of every token at once, and a Viterbi search finds the best tag sequence that
is valid BILUO (B/I go on with I/L of the same label; a span opens with B or U). Reading the
argmax tag of each token instead found as many entities but far more broken ones (mapped
CLUENER dev micro F1 0.585 against 0.719; models/README.md). The spans go to `doc.ents`;
`token.tag_`, which the NER's feature component uses, is never written.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.language import Language
from spacy.pipeline import Tagger
from spacy.tokens import Doc, Span
from thinc.api import Model


def biluo_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans read from BILUO TAGS, repairing what an unconstrained
    tagger can emit: an I or L with no B opens a span, a B or I the next tag does not continue
    closes one, and a label change inside a span starts a new span."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags):
        move, _, tag_label = tag.partition("-")
        if start is not None and (move in ("B", "U", "O", "") or tag_label != label):
            spans.append((start, i, label))  # the open span ends before this tag
            start = None
        if move == "U":
            spans.append((i, i + 1, tag_label))
        elif move in ("B", "I", "L"):
            if start is None:
                start, label = i, tag_label
            if move == "L":
                spans.append((start, i + 1, label))
                start = None
    if start is not None:
        spans.append((start, len(tags), label))
    return spans


def biluo_constraints(labels: Sequence[str]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, int]:
    """Log-space masks (0 allowed, -inf not) for a tag sequence over LABELS to be valid BILUO:
    TRANS[i, j] for tag j after tag i, FIRST for the first tag, LAST for the last; and the
    index of O."""
    parts = [tag.partition("-")[::2] for tag in labels]
    n = len(parts)
    trans = numpy.full((n, n), -numpy.inf, dtype="f")
    first = numpy.full(n, -numpy.inf, dtype="f")
    last = numpy.full(n, -numpy.inf, dtype="f")
    for i, (move, label) in enumerate(parts):
        if move in ("B", "U", "O"):
            first[i] = 0
        if move in ("L", "U", "O"):
            last[i] = 0
        for j, (move2, label2) in enumerate(parts):
            inside = move in ("B", "I") and move2 in ("I", "L") and label2 == label
            outside = move in ("L", "U", "O") and move2 in ("B", "U", "O")
            if inside or outside:
                trans[i, j] = 0
    return trans, first, last, list(labels).index("O")


def _log_softmax(scores: numpy.ndarray) -> numpy.ndarray:
    s = numpy.asarray(scores, dtype="f")
    s = s - s.max(axis=1, keepdims=True)
    return s - numpy.log(numpy.exp(s).sum(axis=1, keepdims=True))


def viterbi(scores: Sequence[numpy.ndarray], trans: numpy.ndarray, first: numpy.ndarray,
            last: numpy.ndarray, o_tag: int) -> list[list[int]]:
    """The best valid tag sequence for each doc's (tokens × tags) logits. A doc whose best tag
    at every token already forms a valid sequence keeps it (nothing can score higher); the
    others are searched together, one numpy step per token position."""
    paths: list[list[int] | None] = []
    hard = []
    for d, s in enumerate(scores):
        tags = numpy.asarray(s).argmax(axis=1) if len(s) else numpy.zeros(0, dtype="i")
        valid = not len(tags) or (first[tags[0]] == 0 and last[tags[-1]] == 0
                                  and not trans[tags[:-1], tags[1:]].any())
        paths.append(tags.tolist() if valid else None)
        if not valid:
            hard.append(d)
    if not hard:
        return paths
    lengths = numpy.array([len(scores[d]) for d in hard])
    n_docs, n_tags, steps = len(hard), trans.shape[0], int(lengths.max())
    # past its last token a doc goes on with O at no cost (O may follow only L, U or O, so
    # the real last token must still be a valid last tag)
    logp = numpy.full((n_docs, steps, n_tags), -numpy.inf, dtype="f")
    logp[:, :, o_tag] = 0
    for k, d in enumerate(hard):
        logp[k, : lengths[k]] = _log_softmax(scores[d])
    best = logp[:, 0] + first
    back = numpy.zeros((n_docs, steps, n_tags), dtype="i")
    for t in range(1, steps):
        cand = best[:, :, None] + trans  # (docs, from, to)
        back[:, t] = cand.argmax(axis=1)
        best = cand.max(axis=1) + logp[:, t]
    best = best + last
    tag = best.argmax(axis=1)
    path = numpy.zeros((n_docs, steps), dtype="i")
    for t in range(steps - 1, -1, -1):
        path[:, t] = tag
        tag = back[numpy.arange(n_docs), t, tag]
    for k, d in enumerate(hard):
        paths[d] = path[k, : lengths[k]].tolist()
    return paths


class TagNER(Tagger):
    """A Tagger whose constrained best tag sequence becomes `doc.ents` (not `token.tag_`)."""

    def predict(self, docs):
        """The tag logits of each doc (decoded in `set_annotations`)."""
        if not any(len(doc) for doc in docs):
            return [self.model.ops.alloc((0, len(self.labels))) for _ in docs]
        return [self.model.ops.to_numpy(s) for s in self.model.predict(docs)]

    def set_annotations(self, docs, batch_scores) -> None:
        if isinstance(docs, Doc):
            docs = [docs]
        labels = self.labels
        if getattr(self, "_constraints_for", None) != labels:  # built once per label set
            self._constraints_for, self._constraints = labels, biluo_constraints(labels)
        for doc, ids in zip(docs, viterbi(batch_scores, *self._constraints)):
            doc.ents = [Span(doc, s, e, label=label) for s, e, label in biluo_spans([labels[i] for i in ids])]


@Language.factory("newsie_tag_ner", assigns=["doc.ents"],
                  default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
                  default_config={"model": {"@architectures": "spacy.Tagger.v2",
                                            "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2",
                                                        "pretrained_vectors": None, "width": 64,
                                                        "depth": 2, "embed_size": 2000,
                                                        "window_size": 1, "maxout_pieces": 2,
                                                        "subword_features": False}},
                                  "scorer": {"@scorers": "spacy.ner_scorer.v1"}})
def make_tag_ner(nlp: Language, name: str, model: Model, scorer) -> TagNER:
    return TagNER(nlp.vocab, model, name, overwrite=True, scorer=scorer)
