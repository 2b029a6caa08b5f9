"""Site generation: records -> Markdown/HTML pages. A pure function of the data."""
