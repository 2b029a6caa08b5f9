from tests.conftest import agreement, only, policy


def test_a_word_split_after_its_hyphen_is_a_problem(repo):
    # what a hand-wrapped folded block gives: "... state-immigration-" / "crimes keeps no citation."
    path = repo.write(policy(notes="The offense section was not read, so state-immigration- crimes keeps no citation."))
    assert only(repo.validate(), "hyphen-break") == [
        (path, *repo.find(path, "notes:")[:1], len("notes: ") + 1,
         "'state-immigration- crimes' looks like a word split after its hyphen across two lines: YAML joins the lines of folded "
         "text with a space. Keep the word on one line: 'state-immigration-crimes'")]


def test_suspended_hyphens_and_names_as_published_pass(repo):
    repo.write(policy(notes="Covers pre- and post-release notice by state- or county-level agencies, short- to long-term."))
    repo.write(agreement(agency="Texas Department of Public Safety- Criminal Investigations Division"))
    assert only(repo.validate(), "hyphen-break") == []
