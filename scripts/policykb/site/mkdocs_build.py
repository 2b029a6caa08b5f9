"""The MkDocs side of site generation: validate, render, hand the pages to mkdocs-gen-files."""

from __future__ import annotations

import logging

import mkdocs_gen_files
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from policykb.project import Project, find_root
from policykb.site.pages import render_site
from policykb.validate import check_documents, load_corpus

log = logging.getLogger("mkdocs.plugins.policykb")


def generate(config: MkDocsConfig | None = None) -> None:
    config = config or mkdocs_gen_files.config  # type: ignore[attr-defined]
    project = Project(find_root())
    problems, ctx = check_documents(project, load_corpus(project))
    if problems:
        for p in problems:
            log.error(str(p))
        raise Abort(f"{len(problems)} problem(s) in the records; fix them (policykb validate shows the same list)")
    extra = (config.get("extra") or {}) if config else {}
    edit_base = extra.get("policykb_edit_base")
    paths = {r.id: r.path for r in ctx.records}
    pages = render_site([r.data for r in ctx.records], project.dimensions, project.jurisdictions, edit_base, paths)
    for path, content in sorted(pages.items()):
        with mkdocs_gen_files.open(path, "w") as fh:
            fh.write(content)
    # The schemas are published at stable URLs beside the pages: /schema/<name>.
    for name in ("record.schema.json", "codebook.schema.json", "codebook.yaml", "jurisdictions.yaml"):
        with mkdocs_gen_files.open(f"schema/{name}", "w") as fh:
            fh.write((project.root / "schema" / name).read_text(encoding="utf-8"))
    for rid, src in sorted(paths.items()):
        mkdocs_gen_files.set_edit_path(f"records/{rid}.md", src)
