"""The rule registry: every rule is one module in this package, listed here once."""

from policykb.rules import (
    agreement_listing,
    codebook_answers,
    coverage_entries,
    coverage_pending_bill,
    coverage_waiting_on,
    date_order,
    file_location,
    hyphen_break,
    id_filename,
    id_prefix,
    jurisdiction_known,
    neutral_wording,
    no_html,
    no_safelinks,
    real_dates,
    references,
    source_citations,
    source_keys,
    status_history,
    status_kind,
    todo_left,
    unique_ids,
    url_scheme,
)
from policykb.rules.base import Context, Record, Rule

RULES: list[Rule] = [
    m.RULE
    for m in (
        id_filename, id_prefix, file_location, jurisdiction_known, real_dates, date_order,
        status_kind, status_history, source_keys, source_citations, codebook_answers,
        references, url_scheme, no_html, neutral_wording, no_safelinks, hyphen_break, agreement_listing, coverage_entries,
        coverage_pending_bill, coverage_waiting_on, todo_left, unique_ids,
    )
]

__all__ = ["RULES", "Context", "Record", "Rule"]
