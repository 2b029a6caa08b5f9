import pytest

from tests.conftest import SOURCE, agreement, only, policy


@pytest.mark.parametrize(("url", "why"), [
    ("https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fa.pdf&data=x",
     "is an Outlook SafeLinks wrapper (it can hold e-mail addresses); use the real address in its url= parameter"),
    ("https://www.ice.gov/doclib/a b.pdf", "contains spaces; encode them as %20 or copy the address again"),
    ("https://localhost/a.pdf", "has no valid host name; write the full address, e.g. https://www.example.gov/page"),
    ("https://user:pw@www.ice.gov/a.pdf", "contains a user name or password; remove them"),
])
def test_bad_moa_links(repo, url, why):
    path = repo.write(agreement(moa_url=url))
    line, col = repo.find(path, "moa_url:")
    [(p, pl, pc, msg)] = only(repo.validate(), "url-scheme")
    assert (p, pl) == (path, line)
    assert msg == f"link '{url}' {why}"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://x.gov/a", "https:/www.ice.gov/a.pdf"])
def test_non_http_schemes_are_rejected(repo, url):
    path = repo.write(policy(sources=[{**SOURCE, "url": url}]))
    problems = [p for p in repo.validate() if p.path == path and p.rule in ("schema", "url-scheme")]
    assert problems and problems[0].line == repo.find(path, "url:")[0]
    assert "http" in problems[0].message


def test_http_links_pass(repo):
    repo.write(agreement(addendum_urls=["http://www.ice.gov/doclib/287gMOA/a.pdf"]))
    assert only(repo.validate(), "url-scheme") == []
