from tests.conftest import only, policy


def test_a_left_todo_is_named(repo):
    path = repo.write(policy(summary="TODO: write the summary"))
    assert only(repo.validate(), "todo-left") == [(path, *repo.find(path, "'TODO"), "still says TODO; fill it in, or delete the field if it does not apply")]


def test_todo_inside_text_passes(repo):
    repo.write(policy(summary="Requires a report; the report format is still to do per the statute."))
    assert only(repo.validate(), "todo-left") == []
