"""newsie's exception classes: each names what went wrong and what to do about it."""
from __future__ import annotations


class NewsieError(Exception):
    """Base class of every error newsie raises on purpose."""


class InputError(NewsieError, ValueError):
    """An input article or batch row cannot be processed (names the input)."""


class DataFileError(NewsieError):
    """A data file or model shipped with newsie is missing or malformed: reinstall newsie."""


class TooLargeError(InputError):
    """An article is longer than the configured maximum (`max_chars`, `--max-chars`)."""
