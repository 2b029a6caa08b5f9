"""mkdocs-gen-files script: validate the records, then write the generated pages.

MkDocs runs this at build time (see mkdocs.yml). Invalid records stop the build with the same
messages as ``policykb validate``.
"""

from policykb.site.mkdocs_build import generate

generate()
