"""benchmarks/RESULTS.md records a run at N = 5,000 in which every ratio meets its target.

The table is written by ``make bench``; its Target column comes from
benchmarks/measures.py. A ratio that misses its target, a target that differs
from the bench's, or a measure missing from the table fails here, so the
committed results are the ones the bench would print now.
"""

from pathlib import Path

import importlib.util
import pytest
import re


BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _measures():
    spec = importlib.util.spec_from_file_location("bench_measures", BENCH / "measures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MEASURES


def _rows(text):
    """The ratio table: measure name -> its cells, by column title."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    header = next(line for line in lines if "| Ratio |" in line)
    titles = [cell.strip() for cell in header.strip("|").split("|")]
    start = lines.index(header) + 2
    rows = {}
    for line in lines[start:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) != len(titles):
            break
        rows[cells[0]] = dict(zip(titles, cells, strict=True))
    return rows


def _missed(row):
    # The bench judges the unrounded ratio ("Met"); 1.50 printed may be 1.502.
    if row["Target"] == "-":
        return False
    return row.get("Met") == "NO" or float(row["Ratio"]) > float(row["Target"])


@pytest.fixture(scope="module")
def results():
    path = BENCH / "RESULTS.md"
    assert path.exists(), "No benchmark results: run `make bench` (N = 5000) and commit them."
    return path.read_text()


def test_results_are_of_a_run_at_5000_mentors(results):
    assert re.search(r"^N = 5000:", results, re.M)


def test_every_measure_is_in_the_table_with_the_bench_target(results):
    rows = _rows(results)
    for measure in _measures():
        assert measure.name in rows, measure.name
        expected = "-" if measure.target is None else f"{measure.target:.2f}"
        assert rows[measure.name]["Target"] == expected, measure.name


def test_every_ratio_meets_its_target(results):
    missed = [
        f"{name}: {row['Ratio']} > {row['Target']}"
        for name, row in _rows(results).items()
        if _missed(row)
    ]
    assert not missed, missed


def test_a_miss_would_fail(results):
    """The check reads what the bench writes: one ratio above its target is a miss."""
    rows = _rows(results)
    name = next(name for name, row in rows.items() if row["Target"] != "-")
    broken = results.replace(
        f"| {rows[name]['Ratio']} | {rows[name]['Target']} | yes |",
        f"| {float(rows[name]['Target']) + 0.01:.2f} | {rows[name]['Target']} | yes |",
        1,
    )
    assert _missed(_rows(broken)[name])
