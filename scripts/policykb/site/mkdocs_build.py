"""The MkDocs side of site generation: validate, render, hand the files to mkdocs-gen-files."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

import mkdocs_gen_files
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from policykb.project import Project, find_root
from policykb.site.pages import DEFAULT_SITE_NAME, render_site
from policykb.validate import check_documents, load_corpus

log = logging.getLogger("mkdocs.plugins.policykb")
SCHEMA_FILES = ("record.schema.json", "codebook.schema.json", "codebook.yaml", "jurisdictions.yaml")


def edit_base(configured: str | None, env: Mapping[str, str] = os.environ) -> str | None:
    """Where "Edit this record" points: the configured base, else the GitHub repository being built."""
    if configured:
        return configured
    server, repo = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY")
    if not server or not repo:
        return None
    branch = env.get("GITHUB_BASE_REF") or env.get("GITHUB_REF_NAME") or "main"
    return f"{server.rstrip('/')}/{repo}/edit/{branch}"


def generate(config: MkDocsConfig | None = None) -> None:
    config = config or mkdocs_gen_files.config  # type: ignore[attr-defined]
    project = Project(find_root())
    problems, ctx = check_documents(project, load_corpus(project))
    if problems:
        for p in problems:
            log.error(str(p))
        raise Abort(f"{len(problems)} problem(s) in the records; fix them (policykb validate shows the same list)")
    extra = (config.get("extra") or {}) if config else {}
    paths = {r.id: r.path for r in ctx.records}
    files = render_site([r.data for r in ctx.records], project.dimensions, project.jurisdictions,
                        edit_base(extra.get("policykb_edit_base")), paths,
                        site_name=(config.get("site_name") if config else None) or DEFAULT_SITE_NAME,
                        codebook_version=project.codebook_version, codebook_changes=project.codebook_changes)
    for path, content in sorted(files.items()):
        with mkdocs_gen_files.open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
    # The schemas are published at stable URLs beside the pages: /schema/<name>.
    for name in SCHEMA_FILES:
        with mkdocs_gen_files.open(f"schema/{name}", "w", encoding="utf-8", newline="") as fh:
            fh.write((project.root / "schema" / name).read_text(encoding="utf-8"))
    # The contributing guide on the site is CONTRIBUTING.md itself, with its links made site-relative.
    guide_file = project.root / "CONTRIBUTING.md"
    guide = guide_file.read_text(encoding="utf-8") if guide_file.is_file() else "# Contributing\n\nSee the repository's CONTRIBUTING.md.\n"
    guide = guide.replace("](docs/records.md", "](records.md").replace("[ARCHITECTURE.md](ARCHITECTURE.md)", "ARCHITECTURE.md")
    with mkdocs_gen_files.open("contributing.md", "w", encoding="utf-8", newline="") as fh:
        fh.write(guide)
    for rid, src in sorted(paths.items()):
        mkdocs_gen_files.set_edit_path(f"records/{rid}.md", src)
