"""Dates are real calendar dates (the schema checks the YYYY-MM-DD form)."""

from datetime import date

from policykb.rules.base import Rule

DATE_KEYS = {
    "date", "published", "accessed", "last_verified", "status_as_of", "effective", "valid_through",
    "signed", "made_on", "period_start", "period_end", "as_of",
}


def check(record, ctx):
    for path, value in record.strings:
        if path[-1] in DATE_KEYS:
            try:
                date.fromisoformat(value)
            except ValueError:
                yield record.problem(RULE.id, path, f"'{value}' is not a real calendar date; check the day and month (YYYY-MM-DD)")


RULE = Rule("real-dates", "Dates are real calendar dates.", "record", check)
