"""The post-build patch of lunr in the theme's search worker (scripts/policykb/site/hooks.py)."""

import importlib.util

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("policykb_hooks", REPO / "scripts/policykb/site/hooks.py")
hooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hooks)

LUNR = ('t.TokenSet.prototype.toString=function(){if(this._str)return this._str;for(var e=this.final?"1":"0",'
        'r=Object.keys(this.edges).sort(),n=r.length,i=0;i<n;i++){var s=r[i],o=this.edges[s];e=e+s+o.id}return e},t.x=1')


def _worker(tmp_path, text):
    path = tmp_path / hooks.WORKERS / "search.abc123.min.js"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    (path.parent / "search.abc123.min.js.map").write_text("{}", encoding="utf-8")
    return path


def test_patch_puts_a_separator_after_each_id(tmp_path):
    path = _worker(tmp_path, LUNR)
    assert hooks.patch_search_worker(tmp_path) == [path]
    assert path.read_text(encoding="utf-8") == LUNR.replace("e=e+s+o.id}", 'e=e+s+o.id+"|"}')
    assert (path.parent / "search.abc123.min.js.map").read_text(encoding="utf-8") == "{}"


def test_a_changed_worker_stops_the_build(tmp_path):
    _worker(tmp_path, LUNR.replace("o.id}", 'o.id+"/"}'))
    with pytest.raises(Abort, match="was not found once but 0 times"):
        hooks.patch_search_worker(tmp_path)
    with pytest.raises(Abort, match="no search worker"):
        hooks.patch_search_worker(tmp_path / "elsewhere")
