"""newsie's spaCy pipeline components, one module a stage. Importing this package registers them."""
from . import char_features, dates, entities, events, people, quantities, source, words  # noqa: F401
