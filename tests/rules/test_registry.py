"""Every registered rule is its own module with its own test file, and ids are unique."""

import re
from pathlib import Path

from policykb.rules import RULES

HERE = Path(__file__).parent


def test_every_rule_has_a_test_file_with_failing_and_passing_cases():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        module = rule.check.__module__.rsplit(".", 1)[-1]
        test_file = HERE / f"test_{rule.id.replace('-', '_')}.py"
        assert test_file.is_file(), f"rule {rule.id} ({module}.py) has no {test_file.name}"
        text = test_file.read_text()
        tests = re.findall(r"^def (test_\w+)\(", text, re.M)
        assert any("pass" in t for t in tests), f"{test_file.name} needs a test of a record that passes"
        assert any("pass" not in t for t in tests), f"{test_file.name} needs a test of a record that breaks the rule"
