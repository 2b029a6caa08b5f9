"""What a rule is, and what it gets to look at."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from policykb.loader import Document, Path
from policykb.problems import Problem
from policykb.project import Project


@dataclass(eq=False)
class Record:
    """A schema-valid record: its data and its document (for positions)."""

    doc: Document

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data  # type: ignore[no-any-return]

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def id(self) -> str:
        return str(self.data.get("id"))

    @property
    def kind(self) -> str:
        return str(self.data.get("kind"))

    def problem(self, rule: str, path: Path, message: str, at: str = "value") -> Problem:
        return self.doc.problem(rule, path, message, at)

    @property
    def strings(self) -> list[tuple[Path, str]]:
        """Every text value with its path, collected by the loader for the rules that scan text."""
        return self.doc.strings


@dataclass
class Context:
    """Everything a rule may consult besides the record itself."""

    project: Project
    records: list[Record] = field(default_factory=list)  # every schema-valid record
    all_ids: dict[str, list[str]] = field(default_factory=dict)  # id -> paths, schema-valid or not

    stub_kinds: dict[str, str] = field(default_factory=dict)  # id -> kind of files not loaded (scoped checks)

    @cached_property
    def kinds(self) -> dict[str, str]:
        """id -> kind of every schema-valid record (built once, after loading)."""
        return {**self.stub_kinds, **{r.id: r.kind for r in self.records}}

    @cached_property
    def by_jurisdiction(self) -> dict[str, list[Record]]:
        """jurisdiction -> its schema-valid records, in load order (built once, for the coverage rules)."""
        groups: dict[str, list[Record]] = {}
        for r in self.records:
            groups.setdefault(str(r.data.get("jurisdiction")), []).append(r)
        return groups

    @cached_property
    def statuses(self) -> dict[str, str]:
        """id -> status of every loaded schema-valid record that has one (built once, after loading)."""
        return {r.id: str(r.data["status"]) for r in self.records if r.data.get("status") is not None}


Check = Callable[[Record, Context], Iterable[Problem]]
CorpusCheck = Callable[[Context], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    scope: Literal["record", "corpus"]
    check: Any  # Check for scope "record", CorpusCheck for scope "corpus"
