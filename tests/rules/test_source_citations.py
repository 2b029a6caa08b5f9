from tests.conftest import claim, only, policy


def test_provision_cites_unlisted_source(repo):
    rec = policy()
    rec["provisions"][0]["sources"] = ["lge"]
    path = repo.write(rec)
    assert only(repo.validate(), "source-citations") == [
        (path, *repo.find(path, "- lge")[:1], repo.find(path, "- lge")[1] + 2,
         "source 'lge' is not in this record's sources list; add it there or use one of: leg")
    ]


def test_history_and_figures_must_cite(repo):
    rec = claim()
    rec["figures"][0]["sources"] = ["nope"]
    rec["context"][0]["sources"] = ["rel", "other"]
    path = repo.write(rec)
    msgs = only(repo.validate(), "source-citations")
    assert [m for *_, m in msgs] == [
        "source 'nope' is not in this record's sources list; add it there or use one of: rel",
        "source 'other' is not in this record's sources list; add it there or use one of: rel",
    ]
    assert msgs[0][1] == repo.find(path, "- nope")[0]


def test_missing_sources_key_is_a_schema_error(repo):
    rec = policy()
    del rec["history"][0]["sources"]
    repo.write(rec)
    [p] = [p for p in repo.validate() if p.rule == "schema"]
    assert p.message.startswith("missing required key 'sources' in history[0]")


def test_cited_sources_pass(repo):
    repo.write(policy())
    repo.write(claim())
    assert only(repo.validate(), "source-citations") == []
