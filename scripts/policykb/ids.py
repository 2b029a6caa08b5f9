"""Names and ids: the one normalisation used to compare agency names and to make ids from titles."""

from __future__ import annotations

import re


def name_key(name: str) -> str:
    """The form two names are compared in: case, spacing, apostrophes and dots ignored."""
    out = name.replace("\u2019", "'").replace("\u2018", "'").replace("\xa0", " ").lower()
    out = re.sub(r"[.,'`]", "", out)
    return " ".join(out.split())


def slug(text: str) -> str:
    """Lower-case words joined by '-', as in record ids: "Sheriff's Office" -> "sheriffs-office"."""
    return re.sub(r"[^a-z0-9]+", "-", name_key(text).replace("&", " and ")).strip("-")
