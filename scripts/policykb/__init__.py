"""policykb: a source-cited knowledge base of US immigration-enforcement cooperation policies."""

__version__ = "0.1.0"
