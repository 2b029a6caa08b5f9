from tests.conftest import claim, only, policy


def test_loaded_terms_in_our_own_words(repo):
    path = repo.write(policy(summary="A sanctuary law that limits detainer holds."))
    assert only(repo.validate(), "neutral-wording") == [
        (path, *repo.find(path, "summary:")[:1], len("summary: ") + 1,
         "'sanctuary' takes a side; in our own words describe what the policy does in the codebook's words, e.g. \"limits cooperation "
         "with immigration detainers\". Quote it (in double quotes) only when attributing it to someone")]


def test_every_listed_term_is_caught_in_notes_and_provisions(repo):
    rec = policy(notes="Critics call it an invasion bill.")
    rec["provisions"][0]["note"] = "Applies to illegal aliens held in county jails."
    path = repo.write(rec)
    messages = [m for *_, m in only(repo.validate(), "neutral-wording")]
    assert [m.split("'")[1] for m in messages] == ["illegal aliens", "invasion"]
    assert path


def test_titles_names_quotes_and_claim_quotes_pass(repo):
    rec = policy(title="Sanctuary Promise Act", aliases=["Oregon Sanctuary Promise Act"],
                 summary='Known to supporters as the "Sanctuary Promise Act"; it bars using state money for civil immigration enforcement.')
    rec["sources"][0]["title"] = "Oregon passes sanctuary promise act"
    repo.write(rec)
    repo.write(claim(quote="criminal illegal aliens were released", statement="The agency stated that people with detainers were released."))
    assert only(repo.validate(), "neutral-wording") == []
