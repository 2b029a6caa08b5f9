"""Sourcing: which facts rest on a primary source and which on secondary sources only.

A *fact* is any part of a record that cites sources by key: a history event, a provision, an
identifier, a figure, a context note, a relation, a coverage entry, a review conflict. It rests
on a primary source when at least one key it cites names a source of ``type: primary`` (issued
by the body that made the text: legislature, governor, court, agency).

A pure function of the records, shared by ``policykb sources`` and its tests. Positions come
from the loader, so the list of secondary-only facts reads ``file:line:col``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from policykb.loader import Document


@dataclass(frozen=True)
class Fact:
    record: str
    kind: str
    jurisdiction: str
    path: tuple[Any, ...]  # where it sits in the record, e.g. ("provisions", 0)
    primary: bool
    file: str = ""
    line: int = 1
    col: int = 1

    @property
    def where(self) -> str:
        """``provisions[0]``-style path, for people."""
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out


def _cited(node: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], list[str]]]:
    """Every mapping below the top level with a ``sources`` list of keys."""
    if isinstance(node, Mapping):
        keys = node.get("sources")
        if path and isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            yield path, keys
        for key, value in node.items():
            if not path and key == "sources":
                continue  # the record's own list of sources, not a fact
            yield from _cited(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _cited(value, (*path, i))


def facts(data: Mapping[str, Any], doc: Document | None = None) -> list[Fact]:
    """The facts of one record, in document order."""
    types = {s.get("key"): s.get("type") for s in data.get("sources", []) if isinstance(s, Mapping)}
    out = []
    for path, keys in _cited(data, ()):
        line, col = doc.position(path) if doc else (1, 1)
        out.append(Fact(str(data.get("id")), str(data.get("kind")), str(data.get("jurisdiction")), path,
                        any(types.get(k) == "primary" for k in keys), doc.path if doc else "", line, col))
    return out


@dataclass
class Tally:
    primary: int = 0
    secondary_only: int = 0

    @property
    def total(self) -> int:
        return self.primary + self.secondary_only

    def add(self, fact: Fact) -> None:
        if fact.primary:
            self.primary += 1
        else:
            self.secondary_only += 1

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.primary + other.primary, self.secondary_only + other.secondary_only)

    def share(self) -> str:
        return f"{100 * self.primary / self.total:.0f}%" if self.total else "-"


def tally(all_facts: Iterable[Fact], by: str) -> dict[str, Tally]:
    """Counts per value of a Fact attribute (``kind``, ``jurisdiction``, ``record``), sorted."""
    out: dict[str, Tally] = {}
    for fact in all_facts:
        out.setdefault(getattr(fact, by), Tally()).add(fact)
    return dict(sorted(out.items()))
