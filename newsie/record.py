"""The `newsie/1` record: what every consumer of newsie reads (see CONTRACT.md)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "newsie/1"


@dataclass
class Record:
    """One article's facts. Items are plain dicts with the contract's fields."""

    id: str | None
    source: dict[str, Any] = field(default_factory=lambda: {"outlet": None, "dateline": None, "published": None})
    events: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    title: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON object (field order as in CONTRACT.md)."""
        out: dict[str, Any] = {"schema": SCHEMA, "id": self.id}
        if self.title is not None:
            out["title"] = self.title
        if self.url is not None:
            out["url"] = self.url
        out.update(source=self.source, events=self.events, people=self.people,
                   quantities=self.quantities, dates=self.dates)
        return out


def error_record(id: Any, kind: str, message: str) -> dict[str, Any]:
    """The record a batch writes in place of an article that could not be processed."""
    return {"schema": SCHEMA, "id": id, "error": {"kind": kind, "message": message}}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a newsie/1 record, as shipped in the package."""
    import json
    from importlib import resources

    return json.loads((resources.files("newsie") / "schema" / "newsie-1.schema.json").read_text(encoding="utf-8"))
