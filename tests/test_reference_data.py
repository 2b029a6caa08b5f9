"""The schema files themselves: documented for editors, and the codebook and jurisdictions complete."""

import json

from jsonschema import Draft202012Validator

from policykb.project import Project
from tests.conftest import REPO


def _properties(node, path=""):
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}.{name}", sub
        for key, sub in node.items():
            if key not in ("properties", "allOf"):  # allOf holds the kind discriminator, not fields
                yield from _properties(sub, f"{path}/{key}")
        for name, sub in node.get("properties", {}).items():
            yield from _properties(sub, f"{path}.{name}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from _properties(sub, f"{path}[{i}]")


def test_record_schema_is_valid_2020_12_with_id():
    schema = json.loads((REPO / "schema/record.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"]


def test_every_property_has_title_description_and_example():
    for name in ("record.schema.json", "codebook.schema.json"):
        schema = json.loads((REPO / "schema" / name).read_text())
        for where, prop in _properties(schema):
            if "$ref" in prop and len(prop) == 1:
                continue  # documented at the definition it points to
            missing = [k for k in ("title", "description", "examples") if k not in prop]
            assert not missing, f"{name} {where} lacks {missing}"


def test_unknown_keys_are_errors_in_every_object():
    schema = json.loads((REPO / "schema/record.schema.json").read_text())
    for name, node in schema["$defs"].items():
        if node.get("type") == "object":
            assert node.get("additionalProperties") is False, name


def test_codebook_is_valid_and_has_the_core_dimensions():
    project = Project(REPO)
    dims = project.dimensions
    assert project.problems == []
    for required in ("287g-agreements", "detainer-holds", "release-notification", "information-sharing", "ice-jail-access",
                     "civil-detention-contracts", "sensitive-locations", "courthouse-arrests", "state-immigration-crimes",
                     "penalties-noncooperation", "funding-conditions", "data-privacy"):
        assert required in dims and len(dims[required].values) >= 2


def test_broken_codebook_is_reported_with_position(repo):
    path = repo.root / "schema/codebook.yaml"
    path.write_text(path.read_text().replace("scale: five-step", "scale: five-steps", 1))
    problems = [p for p in repo.validate() if p.rule == "codebook"]
    assert problems and problems[0].path == "schema/codebook.yaml"
    assert "scale 'five-steps' is not defined under scales" in problems[0].message


def _codebook_problems(repo, old, new):
    path = repo.root / "schema/codebook.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return [p for p in repo.validate() if p.rule == "codebook"]


def test_codebook_change_log_matches_the_version():
    project = Project(REPO)
    assert project.codebook_changes[0].version == project.codebook_version
    assert [c.version for c in project.codebook_changes] == list(range(project.codebook_version, 0, -1))
    assert "detainer-holds" in project.codebook_changes[0].dimensions


def test_codebook_version_without_a_change_entry_is_reported(repo):
    [problem] = _codebook_problems(repo, "version: 2\n", "version: 3\n")
    assert problem.path == "schema/codebook.yaml" and problem.line == 9  # the newest change's version
    assert "the newest change is version 2 but the codebook's version is 3" in problem.message


def test_codebook_change_naming_an_unknown_dimension_is_reported(repo):
    [problem] = _codebook_problems(repo, "dimensions: [detainer-holds]", "dimensions: [detainer-hold]")
    assert "names dimension 'detainer-hold', which the codebook does not define" in problem.message


def test_codebook_changes_out_of_order_are_reported(repo):
    problems = _codebook_problems(repo, "  - version: 1\n    date: 2026-11-28", "  - version: 2\n    date: 2026-11-30")
    messages = " | ".join(p.message for p in problems)
    assert "version 2 follows version 2" in messages and "dated 2026-11-30, after version 2" in messages


def test_jurisdictions_cover_states_dc_and_territories():
    j = Project(REPO).jurisdictions
    assert len(j) == 57  # federal + 50 states + DC + PR, GU, MP, VI, AS
    assert j["us-ny"] == {"id": "us-ny", "name": "New York", "type": "state", "postal": "NY", "fips": "36"}
    assert {k for k, v in j.items() if v["type"] == "territory"} == {"us-pr", "us-gu", "us-mp", "us-vi", "us-as"}
    assert len({v["fips"] for v in j.values() if v["fips"]}) == 56
