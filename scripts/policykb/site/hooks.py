"""MkDocs hooks (mkdocs.yml `hooks:`): a fix applied to the theme's files in the built site.

Material's search worker bundles lunr 2.3.9, whose TokenSet keys a node by its final flag and
each edge's label and child id with nothing between them: edges {'1' -> 12, '3' -> 4} and
{'1' -> 1, '2' -> 34} both give "011234". While building the index's word set lunr merges nodes
with equal keys, so with enough words (numbers, bill and file names) two different nodes merge:
the word set then holds words that are not in the index, and any search whose prefix reaches one
throws ("Cannot read properties of undefined (reading '_index')") and shows no results. lunr is
no longer maintained, so the built worker is patched: a "|" after each id makes the key
unambiguous (a label is one character, an id only digits). tests/website/test_browser.py
checks the patched worker in Chromium.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort

WORKERS = "assets/javascripts/workers"
_TOSTRING = re.compile(r"(TokenSet\.prototype\.toString=function\(\)\{.{0,300}?)([\w$]+)=\2\+([\w$]+)\+([\w$]+)\.id\}")
PATCHED = '.id+"|"}'


def patch_search_worker(site_dir: Path) -> list[Path]:
    """Patch lunr's TokenSet key in every search worker under site_dir; return the files patched."""
    files = sorted((site_dir / WORKERS).glob("search.*.js"))
    files = [f for f in files if not f.name.endswith(".map")]
    if not files:
        raise Abort(f"no search worker under {site_dir / WORKERS}; if the theme moved it, update scripts/policykb/site/hooks.py")
    for path in files:
        text = path.read_text(encoding="utf-8")
        patched, count = _TOSTRING.subn(lambda m: f"{m[1]}{m[2]}={m[2]}+{m[3]}+{m[4]}{PATCHED}", text)
        if count != 1:
            raise Abort(f"{path.name}: lunr's TokenSet.prototype.toString was not found once but {count} times; the theme's "
                        "search worker changed, so check whether the fix in scripts/policykb/site/hooks.py is still needed")
        path.write_text(patched, encoding="utf-8")
    return files


def on_post_build(config: Any, **_: Any) -> None:
    patch_search_worker(Path(config["site_dir"]))
