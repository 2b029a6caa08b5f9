"""The one shape every finding takes: file, position, rule id, message."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based
    col: int  # 1-based
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.rule}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def did_you_mean(value: object, allowed: list[str]) -> str:
    """' did you mean 'x'?' when a close match exists, else ''."""
    import difflib

    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.75)
    return f" did you mean '{close[0]}'?" if close else ""
