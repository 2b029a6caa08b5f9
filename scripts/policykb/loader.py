"""Strict YAML loading with a position for every key and value.

We walk PyYAML's parser events (libyaml when available) and build plain Python values
ourselves, so that we decide what each scalar means instead of YAML 1.1:

* only plain (unquoted) scalars are resolved: null, true/false, integers, decimals;
  everything else, dates included, stays a string (dates are checked by a rule);
* scalars YAML 1.1 would silently turn into another type (``no``, ``on``, ``1e3``,
  ``012``, ``1:30``) are errors with a fix, never a silent change;
* duplicate keys, anchors, aliases, explicit tags, several documents and invalid UTF-8 are
  errors.

Any input, however malformed, gives ``Problem`` objects, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml's parser, ~10x faster; the pure-Python one gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from policykb.problems import Problem

Path = tuple[str | int, ...]

_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOLS = {"y", "yes", "n", "no", "on", "off"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
_AMBIGUOUS_NUMBER = re.compile(
    r"[-+]?(0[0-9_]+|0[xXoObB][0-9a-fA-F_]+|[0-9][0-9_]*([eE][-+]?[0-9]+)|"
    r"[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9]+(_[0-9]+)+|\.(inf|Inf|INF|nan|NaN|NAN))"
)


class Ambiguous(ValueError):
    """A plain scalar whose type differs between YAML versions."""


_SPECIAL_START = set("0123456789+-.~nNtTfFyYoO")


def resolve_plain(text: str) -> Any:
    """Resolve an unquoted scalar. Raises Ambiguous for YAML 1.1 surprises."""
    if text and text[0] not in _SPECIAL_START:  # fast path: ordinary words are text
        return text
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if text.lower() in _YAML11_BOOLS:
        raise Ambiguous(
            f"'{text}' is read as true/false by some YAML tools and as text by others; "
            f"write true or false, or put it in quotes: \"{text}\""
        )
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _AMBIGUOUS_NUMBER.fullmatch(text):
        raise Ambiguous(
            f"'{text}' is read as a number by some YAML tools and as text by others; "
            f"write a plain decimal number, or put it in quotes: \"{text}\""
        )
    return text


@dataclass
class Document:
    """A parsed YAML file: its data and where each part of it sits."""

    path: str
    data: Any = None
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)  # path -> (line, col)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)  # path -> position of its key
    strings: list[tuple[Path, str]] = field(default_factory=list)  # every text value, in document order
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and isinstance(self.data, dict)

    def position(self, path: Path, at: str = "value") -> tuple[int, int]:
        """Position of a path's value (or key), else of its nearest ancestor, else 1:1."""
        table = self.keys if at == "key" else self.values
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1))

    def problem(self, rule: str, path: Path, message: str, at: str = "value") -> Problem:
        line, col = self.position(path, at)
        return Problem(self.path, line, col, rule, message)


_Scalar, _MappingStart, _MappingEnd = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.MappingEndEvent
_SequenceStart, _SequenceEnd, _Alias = yaml.SequenceStartEvent, yaml.SequenceEndEvent, yaml.AliasEvent
_DocumentStart, _StreamEnd = yaml.DocumentStartEvent, yaml.StreamEndEvent


def _mark(event: Any) -> tuple[int, int]:
    m = event.start_mark
    return (m.line + 1, m.column + 1)


def _utf8_error_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


def load_text(path: str, raw: bytes) -> Document:
    """Parse one file's bytes. Never raises for bad input."""
    doc = Document(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _utf8_error_position(raw, exc.start)
        doc.problems.append(
            Problem(path, line, col, "yaml-encoding",
                    f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8")
        )
        return doc
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        doc.problems.append(Problem(path, 1, 1, "yaml-syntax", "the file is empty; a record is a YAML mapping of keys to values"))
        return doc
    try:
        _build(doc, text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        doc.problems.append(Problem(path, line, col, "yaml-syntax", f"YAML syntax error: {what}; check indentation and quoting near here"))
        doc.data = None
    except yaml.YAMLError as exc:  # reader errors (control characters) carry a position too
        pos = getattr(exc, "position", None)
        line, col = (1, 1)
        if isinstance(pos, int):
            line = text.count("\n", 0, pos) + 1
            col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        doc.problems.append(Problem(path, line, col, "yaml-syntax", f"YAML cannot read this file: {reason}; remove control characters"))
        doc.data = None
    if doc.data is not None and not isinstance(doc.data, dict):
        doc.problems.append(Problem(path, 1, 1, "yaml-syntax", "the top level must be a mapping of keys to values, not a list or a single value"))
    return doc


def load_file(root: Any, path: Any) -> Document:
    """Load ``root/path``; ``path`` is reported relative to ``root``."""
    from pathlib import Path as P

    full = P(root) / path
    rel = P(path).as_posix()
    try:
        raw = full.read_bytes()
    except OSError as exc:
        return Document(rel, problems=[Problem(rel, 1, 1, "yaml-syntax", f"cannot read the file: {exc.strerror}")])
    return load_text(rel, raw)


def _build(doc: Document, text: str) -> None:
    """Build ``doc.data`` and its positions from the parser's events.

    This loop runs once per scalar of every record, so it dispatches on the event class and
    handles the common case (a scalar in a mapping or list) inline; containers, aliases and
    the rare cases go through ``_child_path`` and ``_attach``.
    """
    loader = _Loader(text)
    get_event = loader.get_event
    stack: list[list[Any]] = []  # frames: [container, path, pending_key, pending_key_pos, seen_keys]
    problems = doc.problems
    values, keys, strings = doc.values, doc.keys, doc.strings
    documents = 0
    try:
        while True:
            ev = get_event()
            cls = ev.__class__
            if cls is _StreamEnd:
                break
            if documents != 1 or cls is _DocumentStart:  # before the document, or a second one
                if cls is _DocumentStart:
                    documents += 1
                    if documents == 2:
                        problems.append(Problem(doc.path, *_mark(ev), "yaml-syntax",
                                                "only one YAML document per file; remove the second '---' and what follows"))
                continue
            if cls is _MappingEnd or cls is _SequenceEnd:
                frame = stack.pop()
                _attach(doc, stack, frame[0], frame[1], None)
                continue
            if cls is not _Scalar and cls is not _MappingStart and cls is not _SequenceStart and cls is not _Alias:
                continue  # DocumentEnd
            m = ev.start_mark
            pos = (m.line + 1, m.column + 1)
            if cls is _Alias:
                problems.append(Problem(doc.path, *pos, "yaml-anchor",
                                        f"alias '*{ev.anchor}' is not allowed; write the value out in full"))
                _attach(doc, stack, None, None, pos)
                continue
            if ev.anchor is not None:
                problems.append(Problem(doc.path, *pos, "yaml-anchor",
                                        f"anchor '&{ev.anchor}' is not allowed; write each value out in full"))
            tag = ev.tag
            explicit_tag = tag is not None and tag != "!" and (
                not ev.implicit if isinstance(ev.implicit, bool) else not any(ev.implicit)
            )
            if explicit_tag:
                problems.append(Problem(doc.path, *pos, "yaml-tag",
                                        f"tag '{tag}' is not allowed; remove it (records hold plain text, numbers, lists and mappings)"))
            if cls is not _Scalar:
                path = _child_path(doc, stack, pos)
                stack.append([{}, path, None, None, {}] if cls is _MappingStart else [[], path, None, None, None])
                continue
            text_value = ev.value
            if not stack:
                _attach(doc, stack, text_value, None, pos, scalar_text=text_value, is_scalar=True)
                continue
            frame = stack[-1]
            container = frame[0]
            if container.__class__ is dict and frame[2] is None:  # a key: kept as written
                seen = frame[4]
                if text_value in seen:
                    problems.append(Problem(doc.path, *pos, "yaml-duplicate-key",
                                            f"key '{text_value}' appears twice in this mapping (first on line {seen[text_value][0]}); keep one"))
                else:
                    seen[text_value] = pos
                frame[2], frame[3] = text_value, pos
                continue
            value: Any = text_value
            if not ev.style and not explicit_tag:  # plain scalar (libyaml gives "", PyYAML None)
                try:
                    value = resolve_plain(text_value)
                except Ambiguous as amb:
                    problems.append(Problem(doc.path, *pos, "yaml-ambiguous", str(amb)))
            if container.__class__ is dict:
                key = frame[2]
                child = frame[1] + (key,)
                if key not in container:  # first occurrence wins; the duplicate is reported
                    container[key] = value
                keys.setdefault(child, frame[3])
                values.setdefault(child, pos)
                frame[2] = frame[3] = None
            else:
                child = frame[1] + (len(container),)
                container.append(value)
                values[child] = pos
            if value.__class__ is str:
                strings.append((child, value))
    finally:
        loader.dispose()


def _child_path(doc: Document, stack: list[list[Any]], pos: tuple[int, int]) -> Path:
    """Path of a container about to open; records its position."""
    if not stack:
        path: Path = ()
    else:
        parent = stack[-1]
        if isinstance(parent[0], dict):
            key = parent[2]
            if key is None:  # a mapping or list used as a key
                doc.problems.append(Problem(doc.path, *pos, "yaml-syntax", "keys must be plain text, not lists or mappings"))
                key = f"<complex key at {pos[0]}:{pos[1]}>"
                parent[2], parent[3] = key, pos
            path = parent[1] + (key,)
        else:
            path = parent[1] + (len(parent[0]),)
    doc.values[path] = pos
    return path


def _attach(doc: Document, stack: list[list[Any]], value: Any, path: Path | None, pos: tuple[int, int] | None,
            scalar_text: str | None = None, is_scalar: bool = False) -> None:
    if not stack:
        doc.data = value
        if pos is not None and path is None:
            doc.values[()] = pos
        return
    frame = stack[-1]
    container = frame[0]
    if isinstance(container, dict):
        if frame[2] is None:  # this value is a key
            if is_scalar:
                key = scalar_text if scalar_text is not None else str(value)
            else:
                key = f"<complex key at {pos[0]}:{pos[1]}>" if pos else "<complex key>"
            seen = frame[4]
            if key in seen:
                first = seen[key]
                doc.problems.append(Problem(doc.path, *(pos or (1, 1)), "yaml-duplicate-key",
                                            f"key '{key}' appears twice in this mapping (first on line {first[0]}); keep one"))
            else:
                seen[key] = pos
            frame[2], frame[3] = key, pos
            return
        key = frame[2]
        child = frame[1] + (key,)
        if key not in container:  # first occurrence wins; the duplicate is reported
            container[key] = value
        doc.keys.setdefault(child, frame[3])
        if is_scalar or path is None:
            doc.values.setdefault(child, pos or frame[3])
            if value.__class__ is str:
                doc.strings.append((child, value))
        frame[2], frame[3] = None, None
    else:
        child = frame[1] + (len(container),)
        container.append(value)
        if is_scalar or path is None:
            doc.values[child] = pos or (1, 1)
            if value.__class__ is str:
                doc.strings.append((child, value))
