"""Saving actuals and phasing weights changes the lines of the periods that changed, and keeps the rest."""

import difflib
from decimal import Decimal as D

from kpidesk.model.edits import SetPeriodValues
from kpidesk.planfile import loads

PLAN = '''format_version = "1.0"

[[metric]]
id = "orders"
name = "Orders"
relation = "funnel"
target = 20

[[metric]]
id = "visits"
parent = "orders"
name = "Visits"
rate = "10%"

[metric.actuals]  # from web analytics
# the first quarter
"2026-04" = 1_000  # estimated
"2026-05" = 1200

# after the site relaunch
"2026-07" = 1300

[[metric]]
id = "leads_bought"
parent = "orders"
name = "Bought leads"
'''


def changed_lines(before: str, after: str) -> list[str]:
    """The lines a diff shows: '-old' and '+new', in order."""
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def edit(text: str, metric_id: str, field: str, values: dict) -> str:
    plan_file = loads(text, "plan.toml")
    SetPeriodValues(metric_id, field, values).apply(plan_file.plan)
    return plan_file.dumps()


def test_a_changed_value_changes_its_line_alone_and_keeps_its_comment():
    after = edit(PLAN, "visits", "actuals", {"2026-04": D(1100), "2026-05": D(1200)})
    assert changed_lines(PLAN, after) == ['- "2026-04" = 1_000  # estimated', '+ "2026-04" = 1100  # estimated']


def test_a_new_period_is_one_new_line_after_the_period_before_it():
    after = edit(PLAN, "visits", "actuals", {"2026-06": D(1250)})
    assert changed_lines(PLAN, after) == ['+ "2026-06" = 1250']
    assert '"2026-05" = 1200\n"2026-06" = 1250\n\n# after the site relaunch\n' in after
    after = edit(PLAN, "visits", "actuals", {"2026-08": D(1400)})
    assert changed_lines(PLAN, after) == ['+ "2026-08" = 1400']
    assert '"2026-07" = 1300\n"2026-08" = 1400\n\n[[metric]]' in after


def test_a_period_before_the_first_goes_first():
    after = edit(PLAN, "visits", "actuals", {"2026-03": D(900)})
    assert changed_lines(PLAN, after) == ['+ "2026-03" = 900']
    assert '[metric.actuals]  # from web analytics\n"2026-03" = 900\n# the first quarter\n' in after


def test_a_period_taken_out_loses_its_line_and_the_comments_stay():
    after = edit(PLAN, "visits", "actuals", {"2026-07": None})
    assert changed_lines(PLAN, after) == ['- "2026-07" = 1300']
    after = edit(PLAN, "visits", "actuals", {"2026-04": None, "2026-05": None, "2026-07": None})
    assert changed_lines(PLAN, after) == ['- "2026-04" = 1_000  # estimated', '- "2026-05" = 1200',
                                          '- "2026-07" = 1300']
    assert "[metric.actuals]  # from web analytics\n# the first quarter\n\n# after the site relaunch\n\n" in after
    assert loads(after).plan.metrics["visits"].actuals == {}


def test_a_metric_without_the_table_gets_it_after_its_keys():
    after = edit(PLAN, "leads_bought", "actuals", {"2026-06": D(40)})
    assert changed_lines(PLAN, after) == ["+ ", "+ [metric.actuals]", '+ "2026-06" = 40']
    assert after.endswith('name = "Bought leads"\n\n[metric.actuals]\n"2026-06" = 40\n')
    middle = edit(PLAN, "orders", "phasing", {"2026-12": D(2)})
    assert changed_lines(PLAN, middle) == ["+ ", "+ [metric.phasing]", '+ "2026-12" = 2']  # a blank line either side
    assert 'target = 20\n\n[metric.phasing]\n"2026-12" = 2\n\n[[metric]]\nid = "visits"' in middle
    assert loads(middle).plan.metrics["orders"].phasing == {"2026-12": 2}


def test_undoing_every_edit_gives_back_the_file_byte_for_byte():
    plan_file = loads(PLAN, "plan.toml")
    edits = [SetPeriodValues("visits", "actuals", {"2026-04": None}),
             SetPeriodValues("visits", "actuals", {"2026-07": None, "2026-03": D(1)}),
             SetPeriodValues("visits", "actuals", {"2026-05": D(7), "2026-06": D(8)}),
             SetPeriodValues("leads_bought", "actuals", {"2026-06": D(40)}),
             SetPeriodValues("orders", "phasing", {"2026-12": D(2)})]
    for step in edits:
        step.apply(plan_file.plan)
        plan_file.dumps()  # saved after each step, as the window does
    for step in reversed(edits):
        step.revert(plan_file.plan)
        plan_file.dumps()
    assert plan_file.dumps() == PLAN


def test_an_empty_table_the_planner_wrote_stays_when_something_else_changes():
    text = PLAN + '\n[metric.actuals]  # filled in monthly\n'
    plan_file = loads(text, "plan.toml")
    plan_file.plan.set_field(plan_file.plan.metrics["orders"], "target", D(30))
    assert changed_lines(text, plan_file.dumps()) == ["- target = 20", "+ target = 30"]


def test_an_inline_table_and_crlf_lines_change_one_line_too():
    inline = PLAN.replace('name = "Bought leads"\n', 'name = "Bought leads"\nactuals = { "2026-04" = 3 }\n')
    after = edit(inline, "leads_bought", "actuals", {"2026-04": D(4), "2026-05": D(5)})
    assert changed_lines(inline, after) == ['- actuals = { "2026-04" = 3 }',
                                            '+ actuals = { "2026-04" = 4, "2026-05" = 5 }']
    crlf = PLAN.replace("\n", "\r\n")
    after = edit(crlf, "visits", "actuals", {"2026-05": D(1250), "2026-06": D(1)})
    assert after.count("\r\n") == crlf.count("\r\n") + 1 and "\n" not in after.replace("\r\n", "")
    assert changed_lines(crlf, after) == ['- "2026-05" = 1200', '+ "2026-05" = 1250', '+ "2026-06" = 1']


def test_a_table_of_dotted_keys_is_written_again_and_reads_back():
    dotted = PLAN.replace('name = "Bought leads"\n', 'name = "Bought leads"\nactuals."2026-04" = 3\n')
    after = edit(dotted, "leads_bought", "actuals", {"2026-05": D(5)})
    assert loads(after).plan.metrics["leads_bought"].actuals == {"2026-04": 3, "2026-05": 5}


def test_a_new_metric_writes_its_periods_in_quotes_as_the_documentation_does():
    from kpidesk.model.edits import AddMetric
    from kpidesk.model.metric import Metric

    plan_file = loads(PLAN, "plan.toml")
    AddMetric(Metric("ads", "Ads", actuals={"2026-04": D(3)}, phasing={"2026-W15": D(2)}), "orders", 2).apply(
        plan_file.plan)
    assert plan_file.dumps().endswith('name = "Ads"\n\n[metric.phasing]\n"2026-W15" = 2\n\n'
                                      '[metric.actuals]\n"2026-04" = 3\n')
