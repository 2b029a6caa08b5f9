"""A reproducible random sample of records, for auditing their facts against their sources.

An audit re-reads a record's sources and checks each fact: supported, not visible any more,
contradicted, or overstated (CONTRIBUTING.md, "Audit a sample"). Auditing every record at once
is rarely possible; a random sample gives an honest error rate and finds the kinds of fault to
look for elsewhere. The draw is reproducible: records are sorted by path and the seed (any text,
e.g. the audit's date) fixes the choice, so a note can say "seed 2026-11-29, 15 records" and
anyone can list the same records again. A pure function of the records.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from policykb.statuses import status_group

# Imported from ICE's lists and checked by the importer's tests, or summaries of other records.
NOT_AUDITED_BY_DEFAULT = ("agreement-287g", "coverage")


@dataclass(frozen=True)
class Pick:
    path: str
    record: str
    kind: str
    status: str
    last_verified: str


def draw(records: Iterable[tuple[str, Mapping[str, Any]]], count: int, seed: str, *,
         kinds: Iterable[str] | None = None, jurisdictions: Iterable[str] | None = None,
         groups: Iterable[str] | None = None, verified_before: str | None = None) -> list[Pick]:
    """Up to ``count`` records drawn at random with ``seed`` from (path, data) pairs, sorted by path.

    ``kinds`` (default: every kind but 287(g) agreements and coverage records), ``jurisdictions``,
    ``groups`` (status groups: current, pending, ended, none) and ``verified_before`` (a date:
    only records last verified before it) narrow the pool before the draw.
    """
    wanted_kinds = set(kinds) if kinds else None
    wanted_places = set(jurisdictions) if jurisdictions else None
    wanted_groups = set(groups) if groups else None
    pool: list[Pick] = []
    for path, data in sorted(records, key=lambda pr: pr[0]):
        kind = str(data.get("kind"))
        if (kind not in wanted_kinds) if wanted_kinds is not None else (kind in NOT_AUDITED_BY_DEFAULT):
            continue
        if wanted_places is not None and str(data.get("jurisdiction")) not in wanted_places:
            continue
        if wanted_groups is not None and status_group(data.get("status")) not in wanted_groups:
            continue
        verified = str((data.get("review") or {}).get("last_verified") or "")
        if verified_before is not None and verified and verified >= verified_before:
            continue
        pool.append(Pick(path, str(data.get("id")), kind, str(data.get("status") or ""), verified))
    chosen = random.Random(seed).sample(pool, min(count, len(pool)))
    return sorted(chosen, key=lambda p: p.path)
