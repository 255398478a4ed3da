"""newsie's spaCy pipeline components, one module a stage. Importing this package registers them."""
from . import char_features, dates, entities, events, people, quantities, source, tag_ner, words  # noqa: F401
