"""Find the current workbooks on ICE's 287(g) page (used by the scheduled import workflow)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from policykb.ice287g.clean import clean_url

PAGE = "https://www.ice.gov/identify-and-arrest/287g"
_NAMES = {"participating": re.compile(r"participatingagencies[^/]*\.xlsx$", re.I), "pending": re.compile(r"pendingagencies[^/]*\.xlsx$", re.I)}


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v]


def workbook_links(html: str, base: str = PAGE) -> dict[str, str]:
    """{"participating": url, "pending": url} for the first matching .xlsx link of each list."""
    parser = _Hrefs()
    parser.feed(html)
    found: dict[str, str] = {}
    for href in parser.hrefs:
        url, _ = clean_url(urljoin(base, href.strip()), "workbook")
        if not url:
            continue
        path = urlsplit(url).path
        for name, pattern in _NAMES.items():
            if name not in found and pattern.search(path):
                found[name] = url
    return found
