"""The document's set_actuals: a block of period cells is one undo step, all of it or none."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kpidesk.gui.document import Document


@pytest.fixture
def doc(qapp):
    document = Document()
    document.new("btob-web")
    return document


def actuals(doc, metric_id):
    return doc.plan.metrics[metric_id].actuals


def test_a_pasted_block_is_one_undo_step(doc):
    assert doc.set_actuals("visits", {"2026/4": "1,200", "2026-05": D(1300), "2026年6月": "１，４００"})
    assert actuals(doc, "visits") == {"2026-04": D(1200), "2026-05": D(1300), "2026-06": D(1400)}
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Set actuals of Visits"
    assert doc.is_modified()
    doc.undo_stack.undo()
    assert actuals(doc, "visits") == {}
    doc.undo_stack.redo()
    assert actuals(doc, "visits") == {"2026-04": D(1200), "2026-05": D(1300), "2026-06": D(1400)}


def test_the_caller_names_the_step_and_empty_cells_take_values_out(doc):
    doc.set_actuals("visits", {"2026-04": "1000", "2026-05": "1100", "2026-06": "1200"})
    assert doc.set_actuals("visits", {"2026-04": "", "2026-05": None, "2026-06": "1250"}, "Paste into 3 cells")
    assert actuals(doc, "visits") == {"2026-06": D(1250)}
    assert doc.undo_stack.count() == 2 and doc.undo_stack.undoText() == "Paste into 3 cells"
    doc.undo_stack.undo()
    assert actuals(doc, "visits") == {"2026-04": D(1000), "2026-05": D(1100), "2026-06": D(1200)}


def test_values_as_they_are_are_no_undo_step(doc):
    doc.set_actuals("visits", {"2026-04": "1000"})
    assert doc.set_actuals("visits", {"2026-04": "1,000", "2026-05": None})
    assert doc.undo_stack.count() == 1


@pytest.mark.parametrize("values, words", [
    ({"2026-04": "1", "2026-05": "2.5"}, "Visits, actuals.2026-05 2.5: a count must be a whole number"),
    ({"2026-04": "1", "2026-05": "-2"}, "Visits, actuals.2026-05 -2: a count cannot be negative"),
    ({"2026-04": "1", "2026-05": "lots"}, "Visits, actuals.2026-05: 'lots' is not a number"),
    ({"2026-04": "1", "2026-13": "2"}, "Visits, actuals: '2026-13': a month is 1 to 12"),
])
def test_one_bad_cell_refuses_the_block(doc, values, words):
    refusals = []
    doc.editRefused.connect(refusals.append)
    doc.set_actuals("visits", {"2026-03": "7"})
    assert not doc.set_actuals("visits", values)
    assert actuals(doc, "visits") == {"2026-03": D(7)}
    assert doc.undo_stack.count() == 1
    assert len(refusals) == 1 and words in refusals[0]


def test_an_unknown_metric_is_refused(doc):
    assert not doc.set_actuals("nobody", {"2026-04": "1"})
    assert "nobody" in doc.last_error and doc.undo_stack.count() == 0
