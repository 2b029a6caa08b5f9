"""Record statuses in three groups, shared by coverage, the site and ``policykb recheck``.

Every status the schema allows falls in one group: "current" provisions give a jurisdiction
its answer; "pending" ones are proposals whose status can still change; "ended" ones are history.
"""

from __future__ import annotations

from typing import Any

STATUS_GROUPS = {
    "current": ("enacted", "in-effect", "partly-blocked", "decided", "active"),
    "pending": ("proposed", "introduced", "passed-one-chamber", "passed-legislature", "pending"),
    "ended": ("vetoed", "struck-down", "repealed", "expired", "died", "withdrawn", "vacated", "reversed",
              "discontinued", "no-longer-listed"),
}
STATUS_GROUP = {s: g for g, statuses in STATUS_GROUPS.items() for s in statuses}


def status_group(status: Any) -> str:
    """The group of a status: current, pending or ended; "none" for a record without one."""
    return STATUS_GROUP.get(str(status), "none") if status else "none"
