"""Whatever a record holds, validation answers with problems, never an exception."""

import copy
import random

from tests.conftest import agreement, claim, policy

ODD_VALUES = [None, 0, -1, 1.5, True, "", "x", [], {}, [1, "a"], {"a": 1}, "2025-02-30", "javascript:x", "<b>"]


def _leaf_paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaf_paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaf_paths(v, path + (i,))


def _set(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def test_mutated_records_never_crash_the_validator(repo):
    rng = random.Random(7)
    for n in range(150):
        base = rng.choice([policy, agreement, claim])()
        rec = copy.deepcopy(base)
        for _ in range(rng.randint(1, 3)):
            paths = [p for p in _leaf_paths(rec) if p]
            _set(rec, rng.choice(paths), copy.deepcopy(rng.choice(ODD_VALUES)))
        path = f"policies/us/statutes/us-fuzz-{n}.yaml"
        repo.write(rec, path)
    problems = repo.validate()
    assert problems  # the mutations break records ...
    assert not [p for p in problems if p.rule == "internal-error"]  # ... but never a rule
