"""YAML safety: every problem kind with its position; no input ever raises."""

import random

import pytest

from policykb.loader import load_text


def problems(raw: bytes):
    return [(p.line, p.col, p.rule, p.message) for p in load_text("r.yaml", raw).problems]


def test_plain_scalars_resolve_like_yaml_1_2_core():
    doc = load_text("r.yaml", b"a: 1\nb: 1.5\nc: true\nd: ~\ne: 2025-01-20\nf: \"no\"\ng: text\n")
    assert doc.data == {"a": 1, "b": 1.5, "c": True, "d": None, "e": "2025-01-20", "f": "no", "g": "text"}
    assert doc.problems == []


@pytest.mark.parametrize("value", ["no", "yes", "on", "Off", "y", "N"])
def test_yaml_11_booleans_are_errors(value):
    [(line, col, rule, msg)] = problems(f"status: {value}\n".encode())
    assert (line, col, rule) == (1, 9, "yaml-ambiguous")
    assert f'put it in quotes: "{value}"' in msg


@pytest.mark.parametrize("value", ["1e3", "012", "0x1F", "1:30", "1_000", ".inf"])
def test_ambiguous_numbers_are_errors(value):
    [(line, col, rule, msg)] = problems(f"value: {value}\n".encode())
    assert (line, col, rule) == (1, 8, "yaml-ambiguous")
    assert "read as a number by some YAML tools" in msg


def test_duplicate_key():
    assert problems(b"id: a\ntitle: x\nid: b\n") == [
        (3, 1, "yaml-duplicate-key", "key 'id' appears twice in this mapping (first on line 1); keep one")
    ]


def test_anchor_and_alias():
    found = problems(b"a: &x 1\nb: *x\n")
    assert [(r[0], r[1], r[2]) for r in found] == [(1, 4, "yaml-anchor"), (2, 4, "yaml-anchor")]
    assert found[1][3] == "alias '*x' is not allowed; write the value out in full"


@pytest.mark.parametrize("src", [b"a: !!python/object:os.system x\n", b"a: !custom 1\n", b"a: !!str 5\n"])
def test_tags_are_errors(src):
    [(line, col, rule, _)] = problems(src)
    assert (line, col, rule) == (1, 4, "yaml-tag")


def test_invalid_utf8_position():
    assert problems(b"id: a\ntitle: caf\xe9\n") == [
        (2, 11, "yaml-encoding", "byte 0xe9 is not valid UTF-8; save the file as UTF-8")
    ]


def test_syntax_error_has_position():
    [(line, col, rule, msg)] = problems(b"id: a\ntitle: [unclosed\nsummary: x\n")
    assert rule == "yaml-syntax" and line >= 2 and msg.startswith("YAML syntax error")


@pytest.mark.parametrize(("src", "start"), [
    (b"", "the file is empty"),
    (b"# only a comment\n", "the file is empty"),
    (b"- a\n- b\n", "the top level must be a mapping"),
    (b"just text\n", "the top level must be a mapping"),
    (b"null\n", "the top level must be a mapping"),  # a lone null is not an empty record
    (b"~\n", "the top level must be a mapping"),
    (b"a: 1\n---\nb: 2\n", "only one YAML document per file"),
    (b"a: 1\n\x07\n", "YAML cannot read this file"),
])
def test_malformed_files(src, start):
    [(_, _, _, msg)] = problems(src)
    assert msg.startswith(start)


def test_positions_of_keys_and_values():
    doc = load_text("r.yaml", b"a:\n  - x: 1\n    y: two\n")
    assert doc.values[("a", 0, "y")] == (3, 8)
    assert doc.keys[("a", 0, "y")] == (3, 5)
    assert doc.position(("a", 0, "missing")) == (2, 5)


def test_random_bytes_never_raise():
    rng = random.Random(1234)
    alphabet = b"ab: -[]{}&*!|>'\"#\n\t\xff\xc3%@`,?0123456789"
    for _ in range(3000):
        raw = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        doc = load_text("r.yaml", raw)
        assert doc.problems or isinstance(doc.data, dict)
