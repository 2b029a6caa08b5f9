from tests.conftest import agreement, only

WRAPPED = "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fa.pdf&data=05%7Cperson%40ice.dhs.gov"


def test_safelinks_in_any_text_is_a_problem(repo):
    path = repo.write(agreement(notes=f"The MOA link was {WRAPPED} in ICE's list."))
    assert only(repo.validate(), "no-safelinks") == [
        (path, *repo.find(path, "notes:")[:1], len("notes: ") + 1,
         "text contains an Outlook SafeLinks address, whose parameters can hold e-mail addresses; keep only the real address from its url= parameter")]


def test_plain_text_passes(repo):
    repo.write(agreement(notes="ICE's list wrapped the link in an Outlook SafeLinks address; the real address is recorded."))
    assert only(repo.validate(), "no-safelinks") == []
