"""Which existing agreement record a listing belongs to, across ICE's renames.

The rule, in order (documented in docs/records.md, "How a row is matched to a record"):

1. Same state, same model, and the same name once case, spacing, apostrophes and dots are
   ignored, compared with every name the record has carried (``ice_listing.names`` and
   ``agency``). A maintainer can force a match by adding ICE's new spelling to ``names``.
2. Otherwise, a rename: among records of the same state and model that were on this list in
   the previous import and are missing from this one, the one whose name is close: one name's
   words contain the other's (at least two words: "City of Miami Springs Police Department" and
   "Miami Springs Police Department"), or the names are 95% similar (a typo fixed), or their
   distinctive words (without "county", "police", "department" and the like) are 80% similar
   and the whole names 85% ("Somerville"/"Somervell"; but not "Lewisville"/"Stinesville"). MOA
   links are not used: ICE sometimes links another agency's PDF. The pairing must be
   one-to-one: a listing with two plausible records, or a record with two plausible listings,
   is not matched, and both are reported for a human to decide.
3. Otherwise, a new agreement.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from policykb.ice287g.clean import GENERIC_WORDS, Listing, name_key


def names_of(record: Mapping[str, Any]) -> list[str]:
    return [*record.get("ice_listing", {}).get("names", []), str(record.get("agency", ""))]


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", name_key(name))


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def same_agency(a: str, b: str) -> int:
    """How plausibly two names (same state and model) name one agency: 2 = one name's words
    contain the other's; 1 = a close spelling; 0 = no."""
    wa, wb = _words(a), _words(b)
    if min(len(set(wa)), len(set(wb))) >= 2 and (set(wa) <= set(wb) or set(wb) <= set(wa)):
        return 2
    full = _ratio(" ".join(wa), " ".join(wb))
    if full >= 0.95:
        return 1
    da = " ".join(w for w in wa if w not in GENERIC_WORDS)
    db = " ".join(w for w in wb if w not in GENERIC_WORDS)
    return 1 if full >= 0.85 and _ratio(da, db) >= 0.8 else 0


def match(listings: Iterable[Listing], records: Mapping[str, Mapping[str, Any]], previous: set[str]
          ) -> tuple[dict[int, str], list[tuple[str, str]], list[str]]:
    """Match listings (by index) to record ids.

    ``previous`` holds the ids of records on this list in the previous import (rename
    candidates). Returns (matches, renames as (record id, new name), ambiguity notes).
    """
    listings = list(listings)
    index: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for rid, rec in sorted(records.items()):
        for name in dict.fromkeys(names_of(rec)):
            index[(str(rec.get("jurisdiction")), name_key(name), str(rec.get("model")))].append(rid)
    matches: dict[int, str] = {}
    taken: set[str] = set()
    for i, li in enumerate(listings):
        for rid in index.get(li.key, []):
            if rid not in taken:
                matches[i] = rid
                taken.add(rid)
                break
    # Renames: unmatched listings against records that have just dropped off this list.
    candidates: dict[int, dict[str, int]] = {}
    for i, li in enumerate(listings):
        if i in matches:
            continue
        found = {}
        for rid in sorted(previous - taken):
            rec = records[rid]
            if (rec.get("jurisdiction"), rec.get("model")) != (li.jurisdiction, li.model):
                continue
            tier = max(same_agency(li.agency, n) for n in names_of(rec))
            if tier:
                found[rid] = tier
        if found:
            candidates[i] = found
    claimed: dict[str, dict[int, int]] = defaultdict(dict)
    for i, found in candidates.items():
        for rid, tier in found.items():
            claimed[rid][i] = tier
    renames: list[tuple[str, str]] = []
    notes: list[str] = []
    for i, found in sorted(candidates.items()):
        li = listings[i]
        best = _unique_best(found)
        if best is not None and _unique_best(claimed[best]) == i:
            matches[i] = best
            taken.add(best)
            renames.append((best, li.agency))
    for i, found in sorted(candidates.items()):
        li = listings[i]
        if i not in matches and set(found) - taken:
            notes.append(f"'{li.agency}' ({li.jurisdiction}, {li.model}, row {li.row}) could be a rename of "
                         f"{', '.join(sorted(found))}; not matched. If it is, add the new name to ice_listing.names of "
                         "that record and import again.")
    return matches, renames, notes


def _unique_best(scores: Mapping[Any, int]) -> Any:
    """The key with the highest score, if no other key has it too."""
    if not scores:
        return None
    top = max(scores.values())
    best = [k for k, v in scores.items() if v == top]
    return best[0] if len(best) == 1 else None
