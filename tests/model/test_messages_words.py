"""A finding's text for a plan: metric names for ids, amounts in the metric's currency, rates shown as a
planner reads them (a solved rate rounded up), whole numbers grouped, and words in the translation's language.

Expected texts are written out by hand from the English templates in kpidesk/model/messages.py.
"""

from fractions import Fraction as F

from kpidesk import paths
from kpidesk.model.findings import Severity, finding
from kpidesk.model.messages import describe
from kpidesk.planfile import loads


def web_plan():
    return loads(paths.templates()["btob-web"].read_text(encoding="utf-8")).plan


def marked(context: str, text: str) -> str:
    """A stand-in translation that shows which context each text was looked up in."""
    return f"<{context}>{text}"


def test_ids_become_names_and_amounts_take_the_currency_of_the_metric_they_are_of():
    plan = web_plan()
    found = finding("visits", Severity.INFO, "explain", "why_rate", "target", parent="leads", amount=F(160),
                    rate=F(1, 10), of="leads")
    assert describe(found, plan) == "= 160 leads (Leads) / 10%"  # in the unit of the metric it is of
    money = finding("sales", Severity.WARNING, "goal", "given_below_need", "target", given=F(999_999_999, 10),
                    needed=F(100_000_000), short=F(1, 10), of="sales")
    # sales is in JPY: no decimals, 99,999,999.9 rounds to 100,000,000 (half away from zero)
    assert describe(money, plan) == ("The given target 100,000,000 JPY is below the 100,000,000 JPY that the goal "
                                     "needs at these rates (short by 0 JPY).")


def test_an_id_the_plan_does_not_have_is_shown_as_it_is():
    plan = web_plan()
    found = finding("gone", Severity.WARNING, "structure", "missing_rate", "rate", parent="leads")
    assert describe(found, plan) == "No rate is set from gone to Leads."
    assert describe(found) == "No rate is set from gone to leads."  # without a plan every id is as it is


def test_a_solved_rate_is_shown_rounded_up_a_share_to_the_nearest():
    plan = web_plan()
    rate = finding("leads", Severity.ERROR, "goal", "solved_rate_over_100", "rate", parent="nurtured",
                   rate=F(4, 3))  # 133.333...% rounds up to 133.34 %: the rate read and typed back still meets it
    assert describe(rate, plan).startswith("Nurtured leads would need 133.34% of Leads")
    total = finding("orders", Severity.ERROR, "structure", "shares_over_100", "share", total=F(4, 3))
    assert describe(total, plan) == "The shares of Orders add up to 133.33%, more than 100 %."


def test_whole_numbers_are_grouped_lists_joined_and_the_relation_said_in_the_language():
    plan = web_plan()
    many = finding(None, Severity.INFO, "structure", "too_many_kpis", None, count=12_000, limit=30)
    assert describe(many, plan) == "The plan has 12,000 KPIs, more than 30: a team cannot follow them all."
    split = finding("orders", Severity.WARNING, "structure", "underdetermined", "target",
                    metrics=("web_orders", "nobody"))
    assert describe(split, plan) == ("Orders cannot be split between Web orders, nobody: give all of them but one "
                                     "a target.")
    forward = finding("web_orders", Severity.INFO, "explain", "why_forward", "target", relation="funnel")
    assert describe(forward, plan) == "Calculated from the metrics below (funnel)."
    assert describe(forward, plan, marked) == "<Explain>Calculated from the metrics below (<Explain>funnel)."
    missing = finding("visits", Severity.WARNING, "structure", "missing_rate", "rate", parent="leads")
    assert describe(missing, plan, marked) == "<Findings>No rate is set from Visits to Leads."


def test_a_translation_that_names_a_parameter_wrongly_falls_back_to_english():
    plan = web_plan()
    found = finding("visits", Severity.WARNING, "structure", "missing_rate", "rate", parent="leads")
    assert describe(found, plan, lambda context, text: "{nobody} ?") == "No rate is set from Visits to Leads."


def test_a_code_without_a_template_is_shown_as_its_code():
    assert describe(finding("visits", Severity.INFO, "x", "no_such_code", None)) == "no_such_code"
