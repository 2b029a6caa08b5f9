from tests.conftest import only, policy


def _with(dimension, answer):
    rec = policy()
    rec["provisions"][0].update(dimension=dimension, answer=answer)
    return rec


def test_unknown_dimension(repo):
    path = repo.write(_with("detainer-hold", "restricts"))
    [(p, line, col, msg)] = only(repo.validate(), "codebook-answers")
    assert (p, line, col) == (path, *repo.find(path, "detainer-hold"))
    assert msg.startswith("dimension 'detainer-hold' is not in the codebook; did you mean 'detainer-holds'? Dimensions: 287g-agreements,")


def test_answer_not_in_dimension(repo):
    path = repo.write(_with("state-immigration-crimes", "requires"))
    assert only(repo.validate(), "codebook-answers") == [
        (path, *repo.find(path, "answer: requires")[:1], repo.find(path, "answer: requires")[1] + len("answer: "),
         "answer 'requires' is not allowed for state-immigration-crimes; Allowed: prohibits, creates")
    ]


def test_not_addressed_is_not_a_provision(repo):
    repo.write(_with("detainer-holds", "not-addressed"))
    [(_, _, _, msg)] = only(repo.validate(), "codebook-answers")
    assert msg.startswith("a provision records what a text says")


def test_codebook_answers_pass(repo):
    repo.write(_with("state-immigration-crimes", "creates"))
    assert only(repo.validate(), "codebook-answers") == []
