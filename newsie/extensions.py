"""The `Doc` extensions that carry newsie's results from one pipeline stage to the next."""
from __future__ import annotations

from spacy.tokens import Doc

# name -> default. Lists are created per doc by the component that fills them.
DOC_EXTENSIONS = {
    # Values must survive msgpack (nlp.pipe with n_process > 1 serialises Docs): dates are ISO strings.
    "published": None,   # str | None: the caller's publication date, ISO (2015-04-30)
    "ref_date": None,    # str | None: published, else a dateline date with a year
    "source": None,      # dict: outlet, dateline, published
    "dateline_span": None,  # tuple[int, int] | None: where the dateline is (not an event date)
    "dates": None,       # list[dict]: contract date items
    "quantities": None,  # list[dict]: contract quantity items
    "entities": None,    # list[tuple[int, int, str]]: char spans from the NER / ruler
    "people": None,      # list[dict]: contract person items
    "events": None,      # list[dict]: contract event items
    "errors": None,      # list[str]: failures inside a component (the record becomes an error)
}


def register() -> None:
    """Register newsie's Doc extensions once (safe to call again)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
