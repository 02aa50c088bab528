"""What the bench times, each against its baseline, and the target of each ratio.

One definition: the bench prints the targets in its table, and the test suite
(tests/test_bench_results.py) reads them back from benchmarks/RESULTS.md.
A measure is a request a person makes; a baseline is the stock page the same
person would see, timed in the same rounds.
"""

from typing import NamedTuple


class Measure(NamedTuple):
    name: str
    baseline: str
    target: float | None  # the highest ratio to the baseline allowed, or None: recorded only


# Baselines are measured like the others; their own ratio is 1 by definition.
BASELINES = {
    "document": "Document view, anonymous",
    "document-coordinator": "Document view, coordinator",
    "document-mentor": "Document view, mentor",
    "search": "@search?portal_type=Mentor, 25 a batch",
    "stock-document": "Document view on the stock site (no add-on)",
}

MEASURES = [
    Measure("Directory, unfiltered", "document", 1.5),
    Measure("Directory, skill + language", "document", 1.5),
    Measure("Directory, last batch page", "document", 1.5),
    Measure("Mentor page", "document", 1.1),
    Measure("Training page", "document", 1.1),
    Measure("Programme", "document", 1.5),
    Measure("Front page", "document", None),
    Measure("@mentors, skill + language", "search", 1.0),
    Measure("Desk, coordinator", "document-coordinator", 1.5),
    Measure("My loans, mentor", "document-mentor", 1.5),
    Measure("@somementor-statistics, one year", "document-coordinator", None),
    Measure("@borrow POST", "document", None),
    Measure("Approve", "document-coordinator", 0.5),
    Measure("Schedule", "document-coordinator", 0.5),
    Measure("Add-on overhead: the same Document", "stock-document", 1.1),
]
