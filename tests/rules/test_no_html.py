import pytest

from tests.conftest import only, policy


@pytest.mark.parametrize("text", ["Bars holds <script>alert(1)</script>", "See <img src=x onerror=alert(1)>", "Caf&eacute; rule", "</p>closing"])
def test_html_in_text(repo, text):
    path = repo.write(policy(summary=text))
    [(p, line, col, msg)] = only(repo.validate(), "no-html")
    assert (p, line) == (path, repo.find(path, "summary:")[0])
    assert msg.startswith("text contains HTML (")


def test_plain_text_passes(repo):
    repo.write(policy(summary="Applies when the sentence is 5 < 10 years and 3 > 2; uses & and 287(g)."))
    assert only(repo.validate(), "no-html") == []
