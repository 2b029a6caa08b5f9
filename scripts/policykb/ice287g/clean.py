"""Clean one workbook row into a listing, noting every oddity instead of fixing it silently.

Each cleaner returns the value to record plus a list of anomalies ``(kind, detail)``; the kinds
are the enum of ``listing_anomaly.kind`` in the record schema. Details are plain sentences that
never repeat an Outlook SafeLinks address (its parameters hold ICE staff e-mail addresses).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from policykb.ice287g.workbook import Cell
from policykb.ids import name_key
from policykb.rules.url_scheme import problem_with

Anomaly = tuple[str, str]

MODELS = {"jail enforcement model": "jail-enforcement", "task force model": "task-force", "warrant service officer": "warrant-service-officer"}
MODEL_VARIANTS = {"warrant services officer": "warrant-service-officer", "task force officer": "task-force",
                  "warrant service officer model": "warrant-service-officer", "jail enforcement": "jail-enforcement",
                  "task force": "task-force"}
MODEL_CODES = {"jail-enforcement": "JEM", "task-force": "TFM", "warrant-service-officer": "WSO"}
TYPES = {"county": "county", "municipality": "municipality", "state agency": "state-agency"}
TYPE_VARIANTS = {"state": "state-agency", "muncipality": "municipality", "city": "municipality"}
COUNTY_PLACEHOLDERS = {"#N/A", "#NA", "N/A", "NA", "#N/A N/A"}
FIELD_LABELS = {"state": "state", "agency": "agency name", "type": "agency type", "county": "county", "model": "support type",
                "signed": "signed date", "moa": "MOA cell", "addendum": "addendum cell"}
ABBREVIATIONS = {"university": "univ", "saint": "st", "mount": "mt", "fort": "ft", "agricultural": "ag", "northwest": "nw",
                 "northeast": "ne", "southwest": "sw", "southeast": "se", "regional": "reg", "standards": "st", "agriculture": "ag",
                 "investigation": "inv", "investigations": "inv", "criminal": "crim", "justice": "doj"}
EARLIEST_PLAUSIBLE = date(2019, 1, 1)  # ICE's current agreements were signed from 2019 on
_TEXT_DATE = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-]?(\d{4})$")
GENERIC_WORDS = {"county", "sheriff", "sheriffs", "office", "police", "department", "dept", "city", "of", "the", "and", "state",
            "co", "so", "pd", "town", "village", "borough", "township", "parish", "public", "safety", "services", "service",
            "enforcement", "law", "correctional", "corrections", "division", "bureau", "agency", "board", "commissioners", "jail"}


@dataclass
class Listing:
    """One cleaned row of one ICE list."""

    list: str
    row: int
    jurisdiction: str
    agency: str
    agency_type: str
    model: str
    county: str | None = None
    signed: str | None = None
    moa_url: str | None = None
    addendum_urls: list[str] = field(default_factory=list)
    anomalies: list[Anomaly] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.jurisdiction, name_key(self.agency), self.model)


class RowError(Exception):
    """A row that cannot become a listing (e.g. an unknown state); reported, never silently dropped."""


def clean_text(raw: Any) -> tuple[str, bool, bool]:
    """(cleaned text, had stray spaces, had curly apostrophes)."""
    text = "" if raw is None else str(raw)
    spaced = text.replace("\xa0", " ")
    collapsed = " ".join(spaced.split())
    curly = "\u2019" in collapsed or "\u2018" in collapsed
    return collapsed.replace("\u2019", "'").replace("\u2018", "'"), collapsed != text, curly


def _lookup(value: str, exact: Mapping[str, str], variants: Mapping[str, str]) -> tuple[str | None, bool]:
    key = value.lower()
    if key in exact:
        return exact[key], False
    if key in variants:
        return variants[key], True
    close = difflib.get_close_matches(key, list(exact), n=1, cutoff=0.85)
    return (exact[close[0]], True) if close else (None, False)


def clean_model(value: str) -> tuple[str, list[Anomaly]]:
    model, variant = _lookup(value, MODELS, MODEL_VARIANTS)
    if model is None:
        raise RowError(f"unknown support type '{value}'; expected one of: Jail Enforcement Model, Task Force Model, Warrant Service Officer")
    return model, [("model-spelling", f"ICE's list gives the support type as '{value}'; read as {_model_name(model)}.")] if variant else []


def _model_name(model: str) -> str:
    return {v: k.title() for k, v in MODELS.items()}[model]


def clean_type(value: str) -> tuple[str, list[Anomaly]]:
    agency_type, variant = _lookup(value, TYPES, TYPE_VARIANTS)
    if agency_type is None:
        raise RowError(f"unknown agency type '{value}'; expected County, Municipality or State Agency")
    label = {"county": "County", "municipality": "Municipality", "state-agency": "State Agency"}[agency_type]
    return agency_type, [("type-spelling", f"ICE's list gives the agency type as '{value}'; read as {label}.")] if variant else []


def clean_county(value: str) -> tuple[str | None, list[Anomaly]]:
    if not value:
        return None, []
    if value.upper() in COUNTY_PLACEHOLDERS:
        return None, [("county-placeholder", f"ICE's list gives the county as the placeholder '{value}'; no county is taken from it.")]
    return value, []


def clean_signed(raw: Any, as_of: str) -> tuple[str | None, list[Anomaly]]:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, []
    limit = date.fromisoformat(as_of)
    if isinstance(raw, datetime):
        value, shown = raw.date(), raw.date().isoformat()
    elif isinstance(raw, date):
        value, shown = raw, raw.isoformat()
    else:
        text = " ".join(str(raw).split())
        m = _TEXT_DATE.match(text)
        try:
            value = date(int(m.group(3)), int(m.group(1)), int(m.group(2))) if m else None
        except ValueError:
            value = None
        if value is None:
            return None, [("text-date", f"ICE's list gives the signed date as the text '{text}', which is not a date; no signed date is taken from it.")]
        if value > limit:
            return None, [("impossible-date", f"ICE's list gives the signed date as the text '{text}', after the list's own date; no signed date is taken from it.")]
        return value.isoformat(), [("text-date", f"ICE's list gives the signed date as the text '{text}'; read as {value.isoformat()}.")]
    if value > limit:
        return None, [("impossible-date", f"ICE's list gives the signed date as {shown}, after the list's own date ({as_of}); no signed date is taken from it.")]
    if value < EARLIEST_PLAUSIBLE:
        return value.isoformat(), [("suspect-date", f"ICE's list gives the signed date as {shown}, before {EARLIEST_PLAUSIBLE.isoformat()}; kept as published, not confirmed.")]
    return value.isoformat(), []


def clean_url(target: str, what: str) -> tuple[str | None, list[Anomaly]]:
    """Unwrap Outlook SafeLinks and browser-extension wrappers, mend 'https:/', keep only http(s) URLs."""
    anomalies: list[Anomaly] = []
    url = target.strip()
    host = (urlsplit(url).hostname or "").lower()
    if host.endswith("safelinks.protection.outlook.com"):
        inner = parse_qs(urlsplit(url).query).get("url", [""])[0]
        anomalies.append(("safelinks-url", f"ICE's {what} link is wrapped in an Outlook SafeLinks address; the address inside it is recorded, never the wrapper."))
        url = inner.strip()  # parse_qs has already decoded it once; decoding again would turn %20 into a space
    if url.lower().startswith("chrome-extension://"):
        m = re.search(r"https?:/+.*", url[len("chrome-extension://"):])
        anomalies.append(("chrome-extension-url", f"ICE's {what} link points into a browser extension; the web address inside it is recorded."))
        url = m.group(0) if m else ""
    m = re.match(r"^(https?):/(?!/)(.*)$", url, re.IGNORECASE)
    if m:
        anomalies.append(("malformed-url", f"ICE's {what} link is written '{m.group(1)}:/' with one slash; recorded with two."))
        url = f"{m.group(1)}://{m.group(2)}"
    if not url or problem_with(url):
        shown = "" if host.endswith("safelinks.protection.outlook.com") else f" ('{target.strip()[:120]}')"
        anomalies.append(("malformed-url", f"ICE's {what} link{shown} is not a usable web address; no link is recorded."))
        return None, anomalies
    return url, anomalies


def check_moa(url: str, agency: str, model: str, place_words: Iterable[str] = ()) -> list[Anomaly]:
    """Flag an MOA file whose name names another model or, apparently, another agency.

    The agency check looks for the agency's distinctive words in the file name (not "county",
    "police" and the like, nor state names, which file names abbreviate), allowing common
    abbreviations ("Univ"), initials ("CIC" for Crime Information Center) and one-letter slips.
    """
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    anomalies: list[Anomaly] = []
    codes = set(re.findall(r"(?<![A-Z])(JEM|TFM|WSO)(?![A-Z])", name.upper()))
    if codes and MODEL_CODES[model] not in codes:
        anomalies.append(("moa-model-mismatch", f"The MOA link for this {MODEL_CODES[model]} agreement points to '{name}', whose name gives the model {', '.join(sorted(codes))}."))
    squashed = re.sub(r"[^a-z0-9]", "", name.lower())
    places = {w.lower() for w in place_words}
    words = re.findall(r"[a-z0-9]+", name_key(agency))
    distinctive = [w for w in words if len(w) >= 3 and w not in GENERIC_WORDS and w not in places]
    acronym = False
    for skip in (("the", "and"), ("the", "and", "of")):  # "DOJ" keeps "of", "DFS" drops it
        initials = "".join(w[0] for w in words if w not in skip)
        acronym = acronym or any(initials[i:i + 3] in squashed for i in range(len(initials) - 2))
    if distinctive and squashed and not acronym and not any(_in_file_name(w, squashed) for w in distinctive):
        anomalies.append(("moa-other-agency", f"The MOA link points to '{name}', whose name does not match this agency; it may be another agency's agreement. Kept as published."))
    return anomalies


def _in_file_name(word: str, squashed: str) -> bool:
    """Whether a name word appears in a file name: as is, abbreviated, or with a one-letter slip."""
    if word in squashed or ABBREVIATIONS.get(word, "\0") in squashed:
        return True
    n = len(word)
    return any(difflib.SequenceMatcher(None, word, squashed[i:i + n]).ratio() >= 0.8 for i in range(max(1, len(squashed) - n + 1)))


def clean_row(cells: Mapping[str, Cell], row: int, list_name: str, as_of: str, states: Mapping[str, str]) -> Listing:
    """A Listing from one row's cells, or RowError."""
    texts: dict[str, str] = {}
    spaced: list[str] = []
    curly: list[str] = []
    for key in ("state", "agency", "type", "county", "model"):
        text, had_spaces, had_curly = clean_text(cells[key].value if key in cells else None)
        texts[key] = text
        if had_spaces:
            spaced.append(FIELD_LABELS[key])
        if had_curly:
            curly.append(FIELD_LABELS[key])
    if not texts["agency"]:
        raise RowError("no agency name")
    jurisdiction = states.get(texts["state"].upper())
    if jurisdiction is None:
        raise RowError(f"unknown state '{texts['state']}'; add it to schema/jurisdictions.yaml if it is a real state or territory")
    anomalies: list[Anomaly] = []
    if spaced:
        anomalies.append(("whitespace", f"ICE's list has stray spaces in the {', '.join(spaced)}; removed."))
    if curly:
        anomalies.append(("curly-apostrophe", f"ICE's list writes the {', '.join(curly)} with a curly apostrophe; recorded with a straight one."))
    model, found = clean_model(texts["model"])
    anomalies += found
    agency_type, found = clean_type(texts["type"])
    anomalies += found
    county, found = clean_county(texts["county"])
    anomalies += found
    signed, found = clean_signed(cells["signed"].value if "signed" in cells else None, as_of)
    anomalies += found
    listing = Listing(list=list_name, row=row, jurisdiction=jurisdiction, agency=texts["agency"], agency_type=agency_type,
                      model=model, county=county, signed=signed, anomalies=anomalies)
    listing.moa_url = _link(cells.get("moa"), "MOA", listing)
    if listing.moa_url:
        listing.anomalies += check_moa(listing.moa_url, listing.agency, model, (w for name in states for w in name.split()))
    addendum = _link(cells.get("addendum"), "addendum", listing)
    listing.addendum_urls = [addendum] if addendum else []
    return listing


def _link(cell: Cell | None, what: str, listing: Listing) -> str | None:
    if cell is None:
        return None
    text = " ".join(str(cell.value or "").replace("\xa0", " ").split())
    shows_url = text.lower().startswith(("http://", "https://", "https:/", "http:/"))
    if cell.link:
        url, found = clean_url(cell.link, what)
        if shows_url:
            found.insert(0, ("url-as-text", f"ICE's {what} cell shows the web address itself instead of 'link'."))
        listing.anomalies += found
        return url
    if shows_url:
        url, found = clean_url(text, what)
        listing.anomalies += [("url-as-text", f"ICE's {what} cell shows the address as text, with no link behind it.")] + found
        return url
    if "|" in text:
        listing.anomalies.append(("combined-links", f"ICE's {what} cell reads '{text}' with no usable link behind it; no link is recorded."))
        return None
    if text.lower() == "link":
        listing.anomalies.append(("no-moa-link", f"ICE's {what} cell reads 'link' but holds no link; no link is recorded."))
    return None
