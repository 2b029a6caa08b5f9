from tests.conftest import SOURCE, only, policy


def test_duplicate_source_key(repo):
    path = repo.write(policy(sources=[SOURCE, {**SOURCE, "url": "https://news.example.com/a"}]))
    assert only(repo.validate(), "source-keys-unique") == [
        (path, *repo.find(path, "key: leg", 2)[:1], repo.find(path, "key: leg", 2)[1] + len("key: "),
         "source key 'leg' is already used by sources[0]; give each source its own key")
    ]


def test_unique_keys_pass(repo):
    repo.write(policy(sources=[SOURCE, {**SOURCE, "key": "news"}]))
    assert only(repo.validate(), "source-keys-unique") == []
