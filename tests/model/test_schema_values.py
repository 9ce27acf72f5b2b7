"""One value of a metric as the plan file and an edit give it: what each field form takes and what it refuses,
with the reason's code, parameters and the phrase around it (the reader adds the file, line and column)."""

from decimal import Decimal as D

import pytest

from kpidesk.model import schema
from kpidesk.model.metric import Metric

F = schema.BY_NAME


def refused(action):
    with pytest.raises(ValueError) as error:
        action()
    found = error.value.reason
    return found.code, dict(found.args), [(code, dict(args)) for code, args in found.within]


@pytest.mark.parametrize("field, value, code, params, within", [
    ("formula", "cost /", "formula_ends_early", {}, [("in_formula", {})]),
    ("actuals", [1, 2], "table_expected", {}, []),
    ("actuals", {"2026-04": None}, "number_missing", {}, [("in_period", {"period": "2026-04"})]),
    ("actuals", {"2026-4": D(1)}, "period_not_canonical", {"key": "2026-04"}, [("in_period", {"period": "2026-4"})]),
    ("phasing", {"2026-04": D(-1)}, "weight_negative", {}, [("in_period", {"period": "2026-04"})]),
    ("lag", D("1.5"), "lag_not_whole", {"found": "number"}, []),
    ("lag", "2", "lag_not_whole", {"found": "text"}, []),
    ("lag", 25, "lag_range", {"limit": 24}, []),
    ("lag", -1, "lag_range", {"limit": 24}, []),
])
def test_a_value_a_field_cannot_hold_is_refused_with_its_reason(field, value, code, params, within):
    assert refused(lambda: schema.check(F[field], value)) == (code, params, within)


def test_what_the_value_checks_take():
    assert schema.check(F["formula"], "") is None and schema.check(F["formula"], None) is None
    assert schema.check(F["formula"], "cost / orders") == "cost / orders"
    assert schema.check(F["lag"], 24) == 24 and schema.check(F["lag"], D(3)) == 3
    assert schema.check(F["actuals"], {"2026-04": D(5)}) == {"2026-04": D(5)}


def test_a_file_value_is_read_into_the_fields_it_sets():
    assert schema.read(F["rate"], " Solve ") == {"rate": None, "solve_rate": True}
    assert schema.read(F["rate"], "12%") == {"rate": D("0.12"), "solve_rate": False}
    assert schema.read(F["name"], "Visits ") == {"name": "Visits "}  # as the file has it
    assert schema.read(F["formula"], "cost / orders") == {"formula": "cost / orders"}
    assert schema.read(F["actuals"], {"2026-04": 1200}) == {"actuals": {"2026-04": D(1200)}}


@pytest.mark.parametrize("field, value, code, params, within", [
    ("actuals", "1200", "table_expected", {}, []),
    ("actuals", {"2026-04": "abc"}, "not_a_number", {"text": "abc"}, [("in_period", {"period": "2026-04"})]),
    ("name", "   ", "name_required", {}, []),
    ("formula", "a +", "formula_ends_early", {}, [("in_formula", {})]),
])
def test_a_file_value_that_cannot_be_read_says_why(field, value, code, params, within):
    assert refused(lambda: schema.read(F[field], value)) == (code, params, within)


def test_what_the_file_stores_leaves_empty_texts_out():
    metric = Metric("visits", "Visits", owner="", source="GA4")
    assert schema.file_value(F["id"], metric) == "visits"
    assert schema.file_value(F["name"], metric) == "Visits"
    assert schema.file_value(F["owner"], metric) is None and schema.file_value(F["source"], metric) == "GA4"
    assert schema.file_value(F["actuals"], metric) is None
    metric.name = ""
    assert schema.file_value(F["name"], metric) is None
