"""The words of a diff beyond the common cases (kpidesk.model.diff_text): the KGI, metrics at the top,
tables per period, flags and choices, several causes, long text, and the ``git diff`` listing.

Figures are worked by hand from the btob-web sample: 20 web orders at close rate 50 % need 40
negotiations, at 50 % 80 nurtured leads, at 50 % 160 leads, at 10 % 1,600 visits.
"""

from fractions import Fraction as F

from kpidesk import paths
from kpidesk.model.diff import diff_plans
from kpidesk.model.diff_text import change_text, derived_text, diff_lines, listing
from kpidesk.planfile import loads

TEMPLATE = paths.templates()["btob-web"].read_text(encoding="utf-8")


def plan_of(text):
    return loads(text).plan


def edit(text, metric_id, old, new):
    """``text`` with ``old`` replaced by ``new`` once, inside the [[metric]] table of ``metric_id``."""
    start = text.index(f'[[metric]]\nid = "{metric_id}"')
    end = text.find("\n[[metric]]", start + 1)
    end = len(text) if end < 0 else end + 1
    assert old in text[start:end], (metric_id, old)
    return text[:start] + text[start:end].replace(old, new, 1) + text[end:]


def add_ads(text):
    return text.rstrip("\n") + '\n\n[[metric]]\nid = "ads"\nparent = "visits"\nname = "Ad clicks"\n'


TOP = TEMPLATE.rstrip("\n") + '\n\n[[metric]]\nid = "brand"\nname = "Brand reach"\nunit = "people"\n'


def lines(old: str, new: str) -> list[str]:
    return diff_lines(diff_plans(plan_of(old), plan_of(new)))


def test_the_kgi_is_named_by_its_metrics():
    assert lines(TEMPLATE, TEMPLATE.replace('kgi = "web_orders"', 'kgi = "orders"')) == [
        "Plan: KGI Web orders -> Orders"]


def test_plan_facts_of_each_kind():
    assert lines(TEMPLATE, TEMPLATE.replace('currency = "JPY"', 'currency = "USD"')) == ["Plan: currency JPY -> USD"]
    assert lines(TEMPLATE, TEMPLATE.replace("start = 2026-04-01", "start = 2026-05-01")) == [
        "Plan: start 2026-04-01 -> 2026-05-01"]


def test_long_text_is_cut_to_sixty_characters_and_stays_unescaped():
    notes = 'notes = "Rates from the last two fiscal years of CRM data."'
    long = lines(TEMPLATE, TEMPLATE.replace(notes, 'notes = "' + "ナ" * 70 + '"'))
    # the quoted text is 72 characters: the first 58 and an ellipsis with the closing quote
    assert long == ['Plan: notes "Rates from the last two fiscal years of CRM data." -> "' + "ナ" * 57 + '…"']
    exact = lines(TEMPLATE, TEMPLATE.replace(notes, 'notes = "' + "ナ" * 58 + '"'))
    assert exact == ['Plan: notes "Rates from the last two fiscal years of CRM data." -> "' + "ナ" * 58 + '"']


def test_a_metric_at_the_top_is_added_removed_and_moved_as_such():
    assert lines(TEMPLATE, TOP) == ["Brand reach: added as a top metric"]
    assert lines(TOP, TEMPLATE) == ["Brand reach: removed (was a top metric)"]
    moved = lines(TEMPLATE, edit(TEMPLATE, "unit_price", 'parent = "sales"\n', ""))
    assert moved[0] == "Average unit price: moved from under Sales to under the top"
    back = lines(edit(TEMPLATE, "unit_price", 'parent = "sales"\n', ""), TEMPLATE)
    assert back[0] == "Average unit price: moved from under the top to under Sales"


def test_a_value_of_one_period_names_the_period():
    actual = edit(TEMPLATE, "visits", 'core keywords."', 'core keywords."\n\n[metric.actuals]\n"2026-04" = 1300')
    assert lines(TEMPLATE, actual) == ["Visits: actual of 2026-04 (none) -> 1,300"]
    weight = edit(TEMPLATE, "visits", 'core keywords."', 'core keywords."\n\n[metric.phasing]\n"2026-04" = 2.5')
    assert lines(TEMPLATE, weight) == ["Visits: phasing weight of 2026-04 (none) -> 2.5"]


def test_flags_choices_and_whole_numbers_read_as_written():
    new = edit(TEMPLATE, "visits", 'rate = "10%"', 'rate = "10%"\nbetter = "lower"\nallow_negative = true\nlag = 2')
    assert lines(TEMPLATE, new) == ["Visits: negative values allowed (none) -> true", "Visits: aim (none) -> lower",
                                    "Visits: lag (periods) (none) -> 2"]
    assert lines(new, TEMPLATE) == ["Visits: negative values allowed true -> (none)", "Visits: aim lower -> (none)",
                                    "Visits: lag (periods) 2 -> (none)"]


def test_a_goal_seek_reads_its_solved_rate_rounded_up_and_both_causes():
    new = edit(TEMPLATE, "visits", 'rate = "10%"', 'rate = "solve"\ntarget = 1000')
    # 160 leads from 1,000 visits: 16 %
    because = " because the target of Visits went derived -> 1,000 and the rate of Visits went 10% -> solve"
    assert lines(TEMPLATE, new) == ["Visits: target derived -> 1,000", "Visits: rate 10% -> solve", "Effects:",
                                    "  Visits: solved rate 10% -> 16%" + because,
                                    "  Visits: forecast 1,600 -> 1,000" + because]


def test_three_causes_are_listed_with_commas_and_a_last_and():
    new = edit(TEMPLATE, "negotiations", 'rate = "50%"', 'rate = "40%"')
    new = edit(new, "nurtured", 'rate = "50%"', 'rate = "40%"')
    new = edit(new, "leads", 'rate = "50%"', 'rate = "40%"')
    got = lines(TEMPLATE, new)
    three = (" because the rate of Negotiations went 50% -> 40%, the rate of Nurtured leads went 50% -> 40% and "
             "the rate of Leads went 50% -> 40%")
    # 20 / 40 % = 50 negotiations, / 40 % = 125 nurtured, / 40 % = 312.5 -> 313 leads, / 10 % = 3,130 visits
    assert "  Leads: target and forecast 160 -> 313" + three in got
    assert "  Visits: target and forecast 1,600 -> 3,130" + three in got
    assert "  Negotiations: target 40 -> 50 because the rate of Negotiations went 50% -> 40%" in got


def test_causes_that_add_remove_or_move_a_metric():
    added = diff_plans(plan_of(TEMPLATE), plan_of(add_ads(TEMPLATE).rstrip("\n") + "\ntarget = 100\n"))
    assert diff_lines(added)[0] == "Ad clicks: added under Visits"
    assert change_text(added, added.changes[0]) == "Ad clicks: added under Visits"
    # visits beside nurtured leads under nurtured: a funnel stage with two parts, so nothing is forecast
    moved = lines(TEMPLATE, edit(TEMPLATE, "visits", 'parent = "leads"', 'parent = "nurtured"'))
    assert moved[0] == "Visits: moved from under Leads to under Nurtured leads"
    assert "  Sales: forecast 1,000,000,000 -> - because Visits was moved" in moved
    assert "  Leads: target and forecast 160 -> - because Visits was moved" in moved
    removed = lines(TOP.replace('unit = "people"', 'unit = "people"\nkind = "money"'), TEMPLATE)
    assert removed == ["Brand reach: removed (was a top metric)"]


def test_derived_values_as_the_tree_shows_them():
    plan = plan_of(TEMPLATE)
    sales, leads = plan.metrics["sales"], plan.metrics["leads"]
    assert derived_text(plan, sales, "target", None) == "-"
    assert derived_text(plan, sales, "gap", F(5)) == "+5"
    assert derived_text(plan, sales, "gap", F(-7, 2)) == "-4"  # -3.5 yen settles half away from zero, as +3.5 is 4
    assert derived_text(plan, leads, "rate", F(80, 119)) == "67.23%"  # 67.226...% rounded up
    assert derived_text(plan, leads, "rate", F(1, 3)) == "33.34%"
    assert derived_text(plan, sales, "target", F(100_000_000, 3)) == "33,333,333"


def test_the_listing_writes_flags_choices_and_tables_as_the_file_holds_them():
    text = edit(TEMPLATE, "visits", 'rate = "10%"',
                'rate = "solve"\ntarget = 1000\nbetter = "lower"\nallow_negative = true\nlag = 2')
    text = edit(text, "leads", 'by email."', 'by email."\n\n[metric.actuals]\n"2026-04" = 12\n')
    got = listing(plan_of(text))
    at = got.index("visits.parent = leads")
    assert got[at:at + 9] == ["visits.parent = leads", 'visits.name = "Visits"', 'visits.unit = "visits"',
                              "visits.allow_negative = true", "visits.better = lower", "visits.target = 1000",
                              "visits.rate = solve", "visits.lag = 2", 'visits.owner = "SEO and ads"']
    assert "leads.actuals.2026-04 = 12" in got and "leads.relation = funnel" in got
    assert "plan.end = 2027-03-31" in got and 'plan.kgi = "web_orders"' in got
    assert "" in got and got.count("") == 8  # a blank line before each of the eight metrics


def test_choices_and_thresholds_read_as_their_words_not_quoted():
    assert lines(TEMPLATE, edit(TEMPLATE, "unit_price", 'kind = "money"', 'kind = "count"')) == [
        "Average unit price: kind money -> (none)"]  # count is the default, which the file leaves out
    thresholds = TEMPLATE.replace('kgi = "web_orders"', 'kgi = "web_orders"\non_track = "95%"\nbehind = "80%"')
    assert lines(TEMPLATE, thresholds) == ["Plan: on-track threshold (none) -> 95%",
                                           "Plan: behind threshold (none) -> 80%"]
    summed = lines(TEMPLATE, edit(TEMPLATE, "visits", 'rate = "10%"', 'relation = "sum"'))
    assert summed[:2] == ["Visits: made from (none) -> sum", "Visits: rate 10% -> (none)"]
    # a funnel stage made a sum of no parts: nothing below it is forecast any more
    assert ("  Visits: gap 0 -> - because the made from of Visits went (none) -> sum and the rate of Visits went "
            "10% -> (none)") in summed
