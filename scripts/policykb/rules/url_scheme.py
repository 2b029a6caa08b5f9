"""Links are absolute http(s) URLs to a real host; never javascript:, data:, file: or SafeLinks."""

import re
from urllib.parse import urlsplit

from policykb.rules.base import Rule

URL_KEYS = {"url", "archive_url", "moa_url", "addendum_urls"}
_SPACE = re.compile(r"\s")


def problem_with(url):
    if _SPACE.search(url):
        return "contains spaces; encode them as %20 or copy the address again"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"uses '{parts.scheme or 'no'}' scheme; only absolute http:// or https:// links are allowed"
    host = parts.hostname or ""
    if "." not in host:
        return "has no valid host name; write the full address, e.g. https://www.example.gov/page"
    if parts.username or parts.password:
        return "contains a user name or password; remove them"
    if host.endswith("safelinks.protection.outlook.com"):
        return "is an Outlook SafeLinks wrapper (it can hold e-mail addresses); use the real address in its url= parameter"
    return None


def check(record, ctx):
    for path, value in record.strings:
        key = path[-1] if isinstance(path[-1], str) else path[-2]
        if key in URL_KEYS:
            why = problem_with(value)
            if why:
                yield record.problem(RULE.id, path, f"link '{value}' {why}")


RULE = Rule("url-scheme", "Links are absolute http(s) URLs.", "record", check)
