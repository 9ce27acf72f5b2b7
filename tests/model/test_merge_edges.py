"""The three-way merge where sides meet: metrics added on both sides, where their metric goes among ours,
moves on both sides, refusals retried and taken back, deletes and the plan's facts.

On the sample (btob-web) sales has two parts, orders then unit_price; visits is the last funnel stage.
"""

from decimal import Decimal

from kpidesk import paths
from kpidesk.model.merge import (
    BELOW_DELETED,
    BOTH,
    BOTH_ADDED,
    PARENT_GONE,
    PLAN,
    REFUSED,
    THEY_DELETED,
    WE_DELETED,
    field_edits,
    merge_into,
    new_metric,
)
from kpidesk.model.plan import Plan
from kpidesk.planfile import loads

TEMPLATE = paths.templates()["btob-web"].read_text(encoding="utf-8")


def plan_of(text):
    return loads(text).plan


def edit(text, metric_id, old, new):
    start = text.index(f'[[metric]]\nid = "{metric_id}"')
    end = text.find("\n[[metric]]", start + 1)
    end = len(text) if end < 0 else end + 1
    assert old in text[start:end], (metric_id, old)
    return text[:start] + text[start:end].replace(old, new, 1) + text[end:]


def cut(text, metric_id):
    start = text.index(f'[[metric]]\nid = "{metric_id}"')
    end = text.find("\n[[metric]]", start + 1)
    return text[:start] + (text[end + 1:] if end >= 0 else "")


def add(text, metric_id, parent, name, extra=""):
    return text.rstrip("\n") + f'\n\n[[metric]]\nid = "{metric_id}"\nparent = "{parent}"\nname = "{name}"\n{extra}'


def insert_before(text, before_id, metric_id, parent, name):
    """A metric placed in the file (so among its siblings) just before ``before_id``."""
    at = text.index(f'[[metric]]\nid = "{before_id}"')
    return text[:at] + f'[[metric]]\nid = "{metric_id}"\nparent = "{parent}"\nname = "{name}"\n\n' + text[at:]


def merge(ours_text, theirs_text, base_text=TEMPLATE):
    base, ours, theirs = plan_of(base_text), plan_of(ours_text), plan_of(theirs_text)
    return ours, merge_into(base, ours, theirs)


def conflicts(result):
    return [(c.code, c.metric, c.field, c.base, c.ours, c.theirs) for c in result.conflicts]


def children(plan, metric_id):
    return [m.id for m in plan.metrics[metric_id].children]


# ---- added on both sides -------------------------------------------------------------------------
def test_a_metric_added_on_both_sides_differently_is_a_conflict_per_field_and_kept_once():
    ours = add(TEMPLATE, "ads", "visits", "Ad clicks", 'owner = "A"\n')
    theirs = add(TEMPLATE, "ads", "leads", "Ad clicks", 'unit = "clicks"\nowner = "B"\n')
    merged, result = merge(ours, theirs)
    assert conflicts(result) == [(BOTH_ADDED, "ads", "parent", None, "visits", "leads"),
                                 (BOTH_ADDED, "ads", "owner", None, "A", "B"),
                                 (BOTH_ADDED, "ads", "unit", None, None, "clicks")]
    assert merged.metrics["ads"].parent.id == "visits" and merged.metrics["ads"].owner == "A"
    assert not result.applied


def test_a_metric_added_on_both_sides_alike_is_no_conflict():
    both = add(TEMPLATE, "ads", "visits", "Ad clicks", 'owner = "A"\n')
    merged, result = merge(both, both)
    assert result.clean and not result.applied and children(merged, "visits") == ["ads"]


# ---- where their metric goes -----------------------------------------------------------------
def test_their_metric_goes_after_the_sibling_it_follows_on_their_side():
    theirs = insert_before(TEMPLATE, "unit_price", "discount", "sales", "Discount")
    merged, result = merge(TEMPLATE, theirs)
    assert result.clean and children(merged, "sales") == ["orders", "discount", "unit_price"]
    assert [(c.kind.value, c.metric, c.new) for c in result.applied] == [("added", "discount", "sales")]


def test_their_first_metric_goes_first_and_after_what_only_we_added_there():
    theirs = insert_before(TEMPLATE, "orders", "brand", "sales", "Brand sales")
    merged, result = merge(TEMPLATE, theirs)
    assert children(merged, "sales") == ["brand", "orders", "unit_price"]
    # below visits: we added "mine", they added "ads" then "ads2"
    ours = add(TEMPLATE, "mine", "visits", "Mine")
    theirs = add(add(TEMPLATE, "ads", "visits", "Ads"), "ads2", "visits", "Ads 2")
    merged, result = merge(ours, theirs)
    assert result.clean and children(merged, "visits") == ["mine", "ads", "ads2"]


def test_their_metric_under_a_parent_we_deleted_is_a_conflict():
    ours = cut(TEMPLATE, "unit_price")
    theirs = add(TEMPLATE, "discount", "unit_price", "Discount")
    merged, result = merge(ours, theirs)
    assert conflicts(result) == [(PARENT_GONE, "discount", "parent", None, None, "unit_price")]
    assert "discount" not in merged.metrics


# ---- moves -------------------------------------------------------------------------------------
def test_their_reorder_among_siblings_lands_where_they_put_it():
    at = TEMPLATE.index('[[metric]]\nid = "unit_price"')
    chunk = TEMPLATE[at:].rstrip("\n") + "\n\n"
    first = TEMPLATE[:at].replace('[[metric]]\nid = "orders"', chunk + '[[metric]]\nid = "orders"')
    merged, result = merge(TEMPLATE, first)
    assert result.clean and children(merged, "sales") == ["unit_price", "orders"]
    # and back: from the first row to the last, counted after taking it out
    merged, result = merge(first, TEMPLATE, first)
    assert result.clean and children(merged, "sales") == ["orders", "unit_price"]
    assert len(result.applied) == 1


def test_moves_on_both_sides():
    to_orders = edit(TEMPLATE, "unit_price", 'parent = "sales"', 'parent = "orders"')
    to_visits = edit(TEMPLATE, "unit_price", 'parent = "sales"', 'parent = "visits"')
    merged, result = merge(to_orders, to_visits)
    assert conflicts(result) == [(BOTH, "unit_price", "parent", "sales", "orders", "visits")]
    assert merged.metrics["unit_price"].parent.id == "orders"
    merged, result = merge(to_orders, to_orders)
    assert result.clean and not result.applied and merged.metrics["unit_price"].parent.id == "orders"


def test_their_move_to_the_top_and_under_a_metric_we_deleted():
    top = edit(TEMPLATE, "unit_price", 'parent = "sales"\n', "")
    merged, result = merge(TEMPLATE, top)
    assert result.clean and merged.metrics["unit_price"].parent is None
    under_visits = edit(TEMPLATE, "unit_price", 'parent = "sales"', 'parent = "visits"')
    merged, result = merge(cut(TEMPLATE, "visits"), under_visits)
    assert conflicts(result) == [(PARENT_GONE, "unit_price", "parent", "sales", None, "visits")]
    assert merged.metrics["unit_price"].parent.id == "sales"


def test_their_move_of_a_metric_we_deleted_is_reported_once():
    moved = edit(TEMPLATE, "unit_price", 'parent = "sales"', 'parent = "orders"')
    merged, result = merge(cut(TEMPLATE, "unit_price"), moved)
    assert conflicts(result) == [(WE_DELETED, "unit_price", "parent", "sales", None, "orders")]
    assert "unit_price" not in merged.metrics


# ---- fields the plan refuses --------------------------------------------------------------------
def test_their_value_our_side_refuses_is_a_conflict_with_the_reason():
    # we made the unit price a count; their 2.5 is no whole count
    ours = edit(TEMPLATE, "unit_price", 'kind = "money"', 'kind = "count"')
    theirs = edit(TEMPLATE, "unit_price", "target = 10_000_000", "target = 2.5")
    merged, result = merge(ours, theirs)
    assert conflicts(result) == [(REFUSED, "unit_price", "target", None, Decimal(10_000_000), Decimal("2.5"))]
    assert result.conflicts[0].reason.code == "count_not_whole"
    assert merged.metrics["unit_price"].target == 10_000_000 and not result.applied


def test_their_actuals_our_side_refuses_are_taken_back_from_what_was_applied():
    ours = edit(TEMPLATE, "unit_price", 'kind = "money"', 'kind = "count"')
    # unit_price is the last table of the file: its actuals follow it
    theirs = TEMPLATE.rstrip("\n") + '\n\n[metric.actuals]\n"2026-04" = 2.5\n"2026-05" = 3\n'

    merged, result = merge(ours, theirs)
    assert [(c[0], c[1], c[2]) for c in conflicts(result)] == [(REFUSED, "unit_price", "actuals")]
    assert result.applied == [] and merged.metrics["unit_price"].actuals == {}


def test_a_table_period_they_removed_is_removed():
    with_actuals = edit(TEMPLATE, "visits", 'core keywords."', 'core keywords."\n\n[metric.actuals]\n'
                                                              '"2026-04" = 1200\n"2026-05" = 1300\n')
    one_left = with_actuals.replace('"2026-05" = 1300\n', "")
    merged, result = merge(with_actuals, one_left, with_actuals)
    assert result.clean and merged.metrics["visits"].actuals == {"2026-04": 1200}
    assert [(c.metric, c.field, c.old, c.new) for c in result.applied] == [
        ("visits", "actuals.2026-05", Decimal(1300), None)]


# ---- deletes -----------------------------------------------------------------------------------
def test_their_delete_of_what_we_changed_is_a_conflict_and_it_stays():
    ours = edit(TEMPLATE, "unit_price", 'owner = "Sales division"', 'owner = "Pricing"')
    merged, result = merge(ours, cut(TEMPLATE, "unit_price"))
    assert conflicts(result) == [(THEY_DELETED, "unit_price", "owner", "Sales division", "Pricing", None)]
    assert "unit_price" in merged.metrics


def test_their_delete_of_a_chain_goes_deepest_first():
    theirs = cut(cut(TEMPLATE, "visits"), "leads")
    merged, result = merge(TEMPLATE, theirs)
    assert result.clean and "leads" not in merged.metrics and "visits" not in merged.metrics
    assert [(c.kind.value, c.metric, c.old) for c in result.applied] == [("removed", "visits", "leads"),
                                                                        ("removed", "leads", "nurtured")]
    assert dict(result.applied[0].extra) == {"name": "Visits"}


# ---- the plan's facts --------------------------------------------------------------------------
def test_plan_facts_changed_on_both_sides_conflict_and_a_cleared_one_is_cleared():
    ours = TEMPLATE.replace('title = "Web orders FY2026"', 'title = "Ours"')
    theirs = TEMPLATE.replace('title = "Web orders FY2026"', 'title = "Theirs"').replace(
        'notes = "Rates from the last two fiscal years of CRM data."\n', "")
    merged, result = merge(ours, theirs)
    assert conflicts(result) == [(PLAN, None, "title", "Web orders FY2026", "Ours", "Theirs")]
    assert merged.info["title"] == "Ours" and not merged.info.get("notes")
    assert [(c.field, c.old, c.new) for c in result.applied] == [
        ("notes", "Rates from the last two fiscal years of CRM data.", None)]
    merged, result = merge(ours, TEMPLATE)  # only we changed it
    assert result.clean and merged.info["title"] == "Ours"


# ---- the edits a merge applies -------------------------------------------------------------------
def test_the_edits_for_a_rate_a_solved_rate_and_a_default():
    def described(edits):
        return [(e.metric_id, e.field, e.new) for e in edits]

    assert described(field_edits("visits", "rate", "solve")) == [("visits", "rate", None),
                                                                 ("visits", "solve_rate", True)]
    assert described(field_edits("visits", "rate", Decimal("0.2"))) == [("visits", "solve_rate", False),
                                                                        ("visits", "rate", Decimal("0.2"))]
    assert described(field_edits("visits", "kind", None)) == [("visits", "kind", "count")]
    assert described(field_edits("visits", "lag", None)) == [("visits", "lag", 0)]
    assert described(field_edits("visits", "owner", "X")) == [("visits", "owner", "X")]


def test_a_new_metric_copies_inputs_and_no_tables_in_common():
    source = plan_of(edit(TEMPLATE, "visits", 'core keywords."',
                          'core keywords."\n\n[metric.actuals]\n"2026-04" = 1200\n')).metrics["visits"]
    copy = new_metric(source)
    assert (copy.id, copy.name, copy.rate, copy.owner, copy.actuals) == (
        "visits", "Visits", Decimal("0.1"), "SEO and ads", {"2026-04": 1200})
    assert copy.actuals is not source.actuals and copy.parent is None and not copy.children
    assert isinstance(Plan(), Plan)


# ---- what the plan refuses of theirs ---------------------------------------------------------------
def chain(depth):
    """A plan of ``depth`` metrics, each below the one before (m0 at the top)."""
    text = 'format_version = "1.0"\n[plan]\ntitle = "Deep"\n'
    for i in range(depth):
        text += f'\n[[metric]]\nid = "m{i}"\nname = "M{i}"\n' + (f'parent = "m{i - 1}"\n' if i else "")
    return text


def test_their_metric_below_one_we_moved_too_deep_is_refused():
    # 63 levels and a second top metric; we put it at the 64th level, they add one below it: 65 levels
    base = chain(63) + '\n[[metric]]\nid = "side"\nname = "Side"\n'
    ours = base.replace('name = "Side"\n', 'name = "Side"\nparent = "m62"\n')
    merged, result = merge(ours, add(base, "extra", "side", "Extra"), base)
    assert conflicts(result) == [(REFUSED, "extra", "parent", None, None, "side")]
    assert result.conflicts[0].reason.code == "tree_would_be_too_deep"
    assert "extra" not in merged.metrics and not result.applied


def test_their_move_below_itself_on_our_side_is_refused():
    # we put unit_price below visits; they put visits below unit_price
    ours = edit(TEMPLATE, "unit_price", 'parent = "sales"', 'parent = "visits"')
    theirs = edit(TEMPLATE, "visits", 'parent = "leads"', 'parent = "unit_price"')
    merged, result = merge(ours, theirs)
    assert conflicts(result) == [(REFUSED, "visits", "parent", "leads", "leads", "unit_price")]
    assert result.conflicts[0].reason.code == "below_itself"
    assert merged.metrics["visits"].parent.id == "leads" and merged.metrics["unit_price"].parent.id == "visits"


def test_their_delete_of_our_only_top_metric_is_refused():
    base = chain(1) + '\n[[metric]]\nid = "other"\nname = "Other"\n'
    merged, result = merge(chain(1), base.replace(chain(1), 'format_version = "1.0"\n[plan]\ntitle = "Deep"\n'),
                           base)
    assert conflicts(result) == [(REFUSED, "m0", "parent", None, None, None)]
    assert result.conflicts[0].reason.code == "only_goal" and "m0" in merged.metrics


def test_their_kgi_that_we_deleted_is_refused():
    merged, result = merge(cut(TEMPLATE, "unit_price"), TEMPLATE.replace('kgi = "web_orders"', 'kgi = "unit_price"'))
    assert conflicts(result) == [(REFUSED, None, "kgi", "web_orders", "web_orders", "unit_price")]
    assert result.conflicts[0].reason.code == "no_metric" and merged.info["kgi"] == "web_orders"


# ---- one conflict does not stop the rest of theirs ---------------------------------------------------
def test_after_a_metric_added_alike_or_under_a_deleted_parent_their_other_additions_arrive():
    both = add(TEMPLATE, "ads", "visits", "Ad clicks")
    merged, result = merge(both, add(both, "seo", "visits", "Organic clicks"))
    assert result.clean and children(merged, "visits") == ["ads", "seo"]
    theirs = add(add(TEMPLATE, "ads", "visits", "Ad clicks"), "discount", "unit_price", "Discount")
    merged, result = merge(cut(TEMPLATE, "visits"), theirs)
    assert conflicts(result) == [(PARENT_GONE, "ads", "parent", None, None, "visits")]
    assert [(c.kind.value, c.metric, c.field, c.old, c.new) for c in result.applied] == [
        ("added", "discount", "parent", None, "unit_price")]


def test_their_metric_goes_after_the_nearest_earlier_sibling_we_still_have():
    # they add d after unit_price; we deleted unit_price: d follows orders
    theirs = add(TEMPLATE, "d", "sales", "D")
    merged, result = merge(cut(TEMPLATE, "unit_price"), theirs)
    assert children(merged, "sales") == ["orders", "d"]


def test_their_metric_goes_after_one_we_added_in_the_same_place_and_before_the_next_in_base():
    base = add(TEMPLATE, "b", "visits", "B")
    ours = insert_before(base, "b", "mine", "visits", "Mine")
    theirs = insert_before(base, "b", "ads", "visits", "Ads")
    merged, result = merge(ours, theirs, base)
    assert result.clean and children(merged, "visits") == ["mine", "ads", "b"]


def test_after_a_conflict_of_one_field_their_other_fields_of_the_metric_arrive():
    ours = edit(TEMPLATE, "negotiations", 'rate = "50%"', 'rate = "45%"')
    theirs = edit(edit(TEMPLATE, "negotiations", 'rate = "50%"', 'rate = "40%"'), "negotiations",
                  'owner = "Inside sales"', 'owner = "Field sales"')
    merged, result = merge(ours, theirs)
    assert [c[:3] for c in conflicts(result)] == [(BOTH, "negotiations", "rate")]
    assert merged.metrics["negotiations"].owner == "Field sales"
    assert [(c.kind.value, c.metric, c.field, c.old, c.new) for c in result.applied] == [
        ("changed", "negotiations", "owner", "Inside sales", "Field sales")]


def test_after_their_new_metric_the_fields_they_changed_further_down_arrive():
    theirs = insert_before(TEMPLATE, "unit_price", "discount", "sales", "Discount")
    theirs = edit(theirs, "unit_price", 'owner = "Sales division"', 'owner = "Pricing"')
    theirs = edit(theirs, "visits", 'name = "Visits"', 'name = "Site visits"')
    merged, result = merge(TEMPLATE, theirs)
    assert result.clean and merged.metrics["unit_price"].owner == "Pricing"
    assert [(c.kind.value, c.metric, c.field, c.old, c.new) for c in result.applied] == [
        ("added", "discount", "parent", None, "sales"), ("renamed", "visits", "name", "Visits", "Site visits"),
        ("changed", "unit_price", "owner", "Sales division", "Pricing")]


def test_their_plan_fact_arrives_as_a_change_of_the_plan():
    merged, result = merge(TEMPLATE, TEMPLATE.replace('title = "Web orders FY2026"', 'title = "FY2027"'))
    assert [(c.kind.value, c.metric, c.field, c.old, c.new) for c in result.applied] == [
        ("plan", None, "title", "Web orders FY2026", "FY2027")]
    assert merged.info["title"] == "FY2027"


# ---- moves among several siblings -----------------------------------------------------------------
FOUR = add(add(add(add(TEMPLATE, "a", "visits", "A"), "b", "visits", "B"), "c", "visits", "C"), "d", "visits", "D")


def test_their_move_down_among_siblings_counts_the_row_after_taking_it_out():
    theirs = cut(FOUR, "a").replace('[[metric]]\nid = "d"', '[[metric]]\nid = "a"\nparent = "visits"\nname = "A"\n\n'
                                                           '[[metric]]\nid = "d"')
    merged, result = merge(FOUR, theirs, FOUR)
    assert result.clean and children(merged, "visits") == ["b", "c", "a", "d"]


def test_their_move_to_another_parent_keeps_the_row_they_gave_it():
    theirs = edit(FOUR, "unit_price", 'parent = "sales"', 'parent = "visits"')
    theirs = cut(theirs, "unit_price").rstrip("\n") + '\n\n[[metric]]\nid = "unit_price"\nparent = "visits"\n' \
        'name = "Average unit price"\nunit = "JPY"\nkind = "money"\ntarget = 10_000_000\n'
    theirs = theirs.replace('[[metric]]\nid = "c"', '[[metric]]\nid = "unit_price"\nparent = "visits"\n'
                            'name = "Average unit price"\nunit = "JPY"\nkind = "money"\ntarget = 10_000_000\n\n'
                            '[[metric]]\nid = "c"', 1)
    theirs = theirs[:theirs.rindex('\n\n[[metric]]\nid = "unit_price"')] + "\n"
    merged, result = merge(FOUR, theirs, FOUR)
    assert children(merged, "visits") == ["a", "b", "unit_price", "c", "d"]
    assert children(merged, "sales") == ["orders"]


def test_after_a_move_both_made_or_one_under_a_deleted_parent_their_other_moves_arrive():
    both = edit(TEMPLATE, "unit_price", 'parent = "sales"', 'parent = "orders"')
    theirs = edit(both, "visits", 'parent = "leads"', 'parent = "nurtured"')
    merged, result = merge(both, theirs)
    assert result.clean and merged.metrics["visits"].parent.id == "nurtured"
    # they moved visits below unit_price, which we deleted, and leads below negotiations
    theirs = edit(edit(TEMPLATE, "visits", 'parent = "leads"', 'parent = "unit_price"'), "leads",
                  'parent = "nurtured"', 'parent = "negotiations"')
    merged, result = merge(cut(TEMPLATE, "unit_price"), theirs)
    assert conflicts(result) == [(PARENT_GONE, "visits", "parent", "leads", None, "unit_price")]
    assert merged.metrics["leads"].parent.id == "negotiations"


def test_after_their_move_of_a_metric_we_deleted_their_other_moves_arrive():
    theirs = edit(edit(TEMPLATE, "leads", 'parent = "nurtured"', 'parent = "negotiations"'), "unit_price",
                  'parent = "sales"', 'parent = "orders"')
    merged, result = merge(cut(TEMPLATE, "visits"), theirs)
    assert merged.metrics["leads"].parent.id == "negotiations" and merged.metrics["unit_price"].parent.id == "orders"


# ---- their deletes next to a conflict ---------------------------------------------------------------
def test_a_conflict_of_one_delete_leaves_their_other_deletes_to_happen():
    # we changed leads, they deleted leads and visits below it: leads stays, visits goes
    ours = edit(TEMPLATE, "leads", 'owner = "Content team"', 'owner = "Editors"')
    merged, result = merge(ours, cut(cut(TEMPLATE, "visits"), "leads"))
    assert conflicts(result) == [(THEY_DELETED, "leads", "owner", "Content team", "Editors", None)]
    assert "leads" in merged.metrics and "visits" not in merged.metrics
    # we added two below visits; they deleted visits and unit_price: visits stays, unit_price goes
    ours = add(add(TEMPLATE, "ads", "visits", "Ads"), "seo", "visits", "SEO")
    merged, result = merge(ours, cut(cut(TEMPLATE, "visits"), "unit_price"))
    assert conflicts(result) == [(BELOW_DELETED, "visits", "parent", None, "ads,seo", None)]
    assert "visits" in merged.metrics and "unit_price" not in merged.metrics
    assert [(c.kind.value, c.metric, c.field) for c in result.applied] == [("removed", "unit_price", "parent")]


# ---- more orders of steps -------------------------------------------------------------------------
def test_their_metric_goes_after_every_metric_we_added_in_the_same_place():
    base = add(TEMPLATE, "b", "visits", "B")
    ours = insert_before(insert_before(base, "b", "m1", "visits", "M1"), "b", "m2", "visits", "M2")
    theirs = insert_before(base, "b", "ads", "visits", "Ads")
    merged, result = merge(ours, theirs, base)
    assert result.clean and children(merged, "visits") == ["m1", "m2", "ads", "b"]


def test_their_moves_after_one_of_a_metric_we_deleted_arrive():
    # in their tree, visits (now below nurtured) comes before unit_price (now below orders)
    theirs = edit(edit(TEMPLATE, "visits", 'parent = "leads"', 'parent = "nurtured"'), "unit_price",
                  'parent = "sales"', 'parent = "orders"')
    merged, result = merge(cut(TEMPLATE, "visits"), theirs)
    assert merged.metrics["unit_price"].parent.id == "orders" and "visits" not in merged.metrics


def test_their_moves_after_one_both_made_arrive():
    both = edit(TEMPLATE, "leads", 'parent = "nurtured"', 'parent = "negotiations"')
    theirs = edit(both, "unit_price", 'parent = "sales"', 'parent = "orders"')
    merged, result = merge(both, theirs)
    assert result.clean and merged.metrics["unit_price"].parent.id == "orders"


def test_their_fields_after_a_changed_period_arrive():
    with_actuals = edit(TEMPLATE, "visits", 'core keywords."',
                        'core keywords."\n\n[metric.actuals]\n"2026-04" = 1200\n')
    theirs = edit(with_actuals.replace('"2026-04" = 1200', '"2026-04" = 1300'), "visits", 'rate = "10%"',
                  'rate = "10%"\nlag = 1')
    merged, result = merge(with_actuals, theirs, with_actuals)
    visits = merged.metrics["visits"]
    assert result.clean and visits.actuals == {"2026-04": 1300} and visits.lag == 1


def test_a_refused_table_takes_back_only_its_own_periods():
    ours = edit(TEMPLATE, "unit_price", 'kind = "money"', 'kind = "count"')
    theirs = edit(TEMPLATE, "unit_price", 'owner = "Sales division"', 'owner = "Pricing"')
    theirs = theirs.rstrip("\n") + '\n\n[metric.actuals]\n"2026-04" = 2.5\n'  # unit_price is the last table
    merged, result = merge(ours, theirs)
    assert [c[:3] for c in conflicts(result)] == [(REFUSED, "unit_price", "actuals")]
    assert [(c.metric, c.field) for c in result.applied] == [("unit_price", "owner")]
    assert merged.metrics["unit_price"].owner == "Pricing"


def test_a_fact_they_cleared_is_cleared_to_empty_text():
    theirs = TEMPLATE.replace('notes = "Rates from the last two fiscal years of CRM data."\n', "")
    merged, result = merge(TEMPLATE, theirs)
    assert merged.info["notes"] == ""
