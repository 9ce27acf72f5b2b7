"""Lag and phasing are read, kept and written like every other field; bad period names are refused."""

import pytest

from kpidesk.planfile import PlanFileError, loads

BASE = '''format_version = "1.0"
[[metric]]
id = "orders"
name = "Orders"
relation = "funnel"
target = 12

[[metric]]
id = "deals"
parent = "orders"
name = "Deals"
rate = "50%"
lag = 2
'''


def test_lag_and_phasing_load_and_a_new_metric_writes_them_as_documented():
    plan_file = loads(BASE + '\n[metric.phasing]\n"2026-12" = 3\n', "p.toml")
    deals = plan_file.plan.metrics["deals"]
    assert deals.lag == 2 and deals.phasing == {"2026-12": 3}
    assert plan_file.dumps() == BASE + '\n[metric.phasing]\n"2026-12" = 3\n'
    plan_file.plan.set_field(plan_file.plan.metrics["orders"], "lag", 1)
    assert "target = 12\nlag = 1\n" in plan_file.dumps()


@pytest.mark.parametrize("tail, words", [
    ('\n[metric.actuals]\n"2026/04" = 3\n', "p.toml:16:1: error: metric 'deals', actuals: 2026/04: write the period as "
                                            "'2026-04'"),
    ('\n[metric.actuals]\n"April" = 3\n', "'April' is not a period"),
    ('\n[metric.phasing]\n"2026-04" = -1\n', "a phasing weight cannot be negative"),
])
def test_bad_periods_and_weights_are_refused_naming_the_key(tail, words):
    with pytest.raises(PlanFileError) as caught:
        loads(BASE + tail, "p.toml")
    assert words in str(caught.value)


@pytest.mark.parametrize("value, words", [("-1", "a lag is 0 to 24 periods"), ("1.5", "a lag is a whole number"),
                                          ('"2"', "a lag is a whole number")])
def test_a_lag_is_a_whole_number_of_periods(value, words):
    with pytest.raises(PlanFileError) as caught:
        loads(BASE.replace("lag = 2", f"lag = {value}"), "p.toml")
    assert words in str(caught.value) and "p.toml:13:" in str(caught.value)
