"""The tree model follows the plan through the document: structure, values, undo."""

import pytest
from PySide6.QtCore import QModelIndex, Qt

from kpidesk.gui.document import Document
from kpidesk.gui.tree_model import Column, FlashRole, KgiRole, PlanTreeModel


@pytest.fixture
def doc(qapp):
    document = Document()
    document.new("btob-web")
    return document


@pytest.fixture
def model(doc):
    return PlanTreeModel(doc)


def find(model, metric_id, column=0):
    return model.index_of(model.document.plan.metrics[metric_id], column)


def test_model_tester_on_the_sample_and_after_edits(qtmodeltester, doc, model):
    qtmodeltester.check(model, force_py=True)
    doc.add_metric("leads", None, "Ads")
    doc.add_sibling("negotiations", "Referrals")
    doc.indent("unit_price")
    doc.move_up("unit_price")
    doc.set_rate("negotiations", "40")
    doc.delete_metric("nurtured")
    doc.undo_stack.undo()
    qtmodeltester.check(model, force_py=True)


def test_parent_and_rows_follow_the_tree(model):
    visits = find(model, "visits")
    assert model.data(visits) == "Visits"
    assert model.data(model.parent(visits)) == "Leads"
    root = model.index(0, 0)
    assert model.rowCount(root) == 2 and model.rowCount(QModelIndex()) == 1


def test_rate_edit_through_setdata_changes_targets_above_once(qtbot, doc, model):
    changed = []
    model.dataChanged.connect(lambda a, b, roles: changed.append((a.parent(), a.row(), b.row())))
    assert model.setData(find(model, "negotiations", Column.EDGE), "40%")
    assert model.data(find(model, "negotiations", Column.TARGET)) == "50"
    assert model.data(find(model, "visits", Column.TARGET)) == "2,000"
    assert model.data(find(model, "negotiations", Column.EDGE)) == "40%"
    parents = [p for p, _, _ in changed]
    assert len(parents) == len(set(parents)), "one dataChanged per run of rows"
    assert model.data(find(model, "visits", Column.TARGET), FlashRole) > 0
    doc.undo_stack.undo()
    assert model.data(find(model, "visits", Column.TARGET)) == "1,600"


def test_bad_text_is_refused_and_nothing_changes(doc, model):
    messages = []
    doc.editRefused.connect(messages.append)
    assert not model.setData(find(model, "visits", Column.TARGET), "lots")
    assert not model.setData(find(model, "visits", Column.EDGE), "140")
    assert doc.undo_stack.count() == 0
    assert model.data(find(model, "visits", Column.EDGE)) == "10%"
    assert "lots" in messages[0] and "140" in messages[1]


def test_empty_target_makes_a_given_target_derived(doc, model):
    index = find(model, "sales", Column.TARGET)
    assert model.data(index, Qt.ItemDataRole.FontRole).bold()
    assert model.setData(find(model, "orders", Column.TARGET), "120")
    assert model.data(find(model, "orders", Column.TARGET), Qt.ItemDataRole.FontRole).bold()
    assert model.setData(find(model, "orders", Column.TARGET), "")
    font = model.data(find(model, "orders", Column.TARGET), Qt.ItemDataRole.FontRole)
    assert font.italic() and not font.bold()


def test_structure_signals_for_insert_move_remove(qtbot, doc, model):
    with qtbot.waitSignal(model.rowsInserted):
        new_id = doc.add_metric("leads", 0, "Ads")
    assert model.data(model.index(0, 0, find(model, "leads"))) == "Ads"
    with qtbot.waitSignal(model.subtreeMoved):
        doc.outdent(new_id)
    assert model.parent(find(model, new_id)) == find(model, "nurtured")
    with qtbot.waitSignal(model.rowsRemoved):
        doc.delete_metric(new_id)
    assert new_id not in doc.plan.metrics


def test_findings_show_a_marker_with_the_messages(doc, model):
    doc.set_field("leads", "countermeasure", "")
    index = find(model, "leads")
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert "countermeasure" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    doc.undo_stack.undo()
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is None


def test_drop_moves_a_metric_under_another(doc, model):
    data = model.mimeData([find(model, "unit_price")])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, find(model, "orders"))
    assert not model.canDropMimeData(model.mimeData([find(model, "sales")]), Qt.DropAction.MoveAction, -1, 0,
                                     find(model, "leads"))
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, find(model, "orders"))
    assert doc.plan.metrics["unit_price"].parent.id == "orders"
    assert doc.plan.metrics["unit_price"].row == 0
    assert doc.undo_stack.count() == 1


def test_replacing_the_plan_resets_the_model(qtbot, doc, model):
    with qtbot.waitSignal(model.rebuilt):
        doc.new(None)
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "Goal"


def test_kgi_and_plan_info_are_one_undo_step_each(doc, model):
    assert model.data(find(model, "web_orders"), KgiRole)
    assert doc.set_kgi("orders")
    assert model.data(find(model, "orders"), KgiRole) and not model.data(find(model, "web_orders"), KgiRole)
    assert doc.set_plan_info({"title": "FY2027", "currency": "USD"})
    assert doc.plan.info["currency"] == "USD"
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.plan.info["title"] == "Web orders FY2026" and model.data(find(model, "web_orders"), KgiRole)


def test_gap_column_is_forecast_minus_target_coloured_in_the_metrics_direction(doc, model):
    assert model.data(find(model, "web_orders", Column.GAP)) == "0"
    doc.set_target("visits", "1,000")  # a capacity: 100 leads, 50 nurtured, 25 negotiations, 12 web orders
    assert model.data(find(model, "web_orders", Column.GAP)) == "-8"
    assert model.data(find(model, "leads", Column.GAP)) == "-60"
    assert model.data(find(model, "leads", Column.GAP), Qt.ItemDataRole.ForegroundRole).color() == model.alert
    assert "short of the target" in model.data(find(model, "web_orders", Column.GAP), Qt.ItemDataRole.ToolTipRole)
    doc.set_target("visits", "2,000")  # 25 web orders: 5 ahead
    assert model.data(find(model, "web_orders", Column.GAP)) == "+5"
    assert model.data(find(model, "web_orders", Column.GAP), Qt.ItemDataRole.ForegroundRole).color() == model.ahead
    doc.set_field("leads", "better", "lower")  # 200 leads against 160: above a limit falls short
    assert model.data(find(model, "leads", Column.GAP)) == "+40"
    assert model.data(find(model, "leads", Column.GAP), Qt.ItemDataRole.ForegroundRole).color() == model.alert


def test_a_derived_targets_tooltip_says_how_it_was_reached(doc, model):
    def tip(metric_id):
        return model.data(find(model, metric_id, Column.TARGET), Qt.ItemDataRole.ToolTipRole)

    assert tip("visits").startswith("= 160 leads (Leads) / 10%")
    assert tip("negotiations").startswith("= 20 orders (Web orders) / 50%")
    assert tip("sales") == "Given by you"
    doc.set_rate("negotiations", "30")
    assert tip("negotiations").startswith("= 20 orders (Web orders) / 30%, rounded up")  # 66.67 -> 67
    assert model.data(find(model, "negotiations", Column.TARGET)) == "67"


def test_the_rate_columns_header_names_the_current_rows_rate(qtbot, doc, model):
    header = Qt.Orientation.Horizontal
    assert model.headerData(Column.EDGE, header) == "Rate / share"
    with qtbot.waitSignal(model.headerDataChanged):
        model.set_current(doc.plan.metrics["negotiations"])
    assert model.headerData(Column.EDGE, header) == "Rate to Web orders"
    assert "Rate from Negotiations to Web orders" in model.headerData(Column.EDGE, header, Qt.ItemDataRole.ToolTipRole)
    assert "the part of Negotiations that becomes Web orders" in model.data(
        find(model, "negotiations", Column.EDGE), Qt.ItemDataRole.ToolTipRole)
    model.set_current(doc.plan.metrics["web_orders"])
    assert model.headerData(Column.EDGE, header) == "Share of Orders"
    model.set_current(doc.plan.metrics["sales"])
    assert model.headerData(Column.EDGE, header) == "Rate / share"


@pytest.fixture
def big(qapp):
    from kpidesk.model.generate import generate_plan
    from kpidesk.planfile import PlanFile, loads

    document = Document()
    document.replace(loads(PlanFile(generate_plan(1_000, seed=1), "").dumps(), "big.toml"))
    return document, PlanTreeModel(document)


def test_an_edit_formats_nothing_until_its_rows_are_painted(big, monkeypatch):
    doc, model = big
    formatted = []
    values = model._values
    monkeypatch.setattr(model, "_values", lambda metric: formatted.append(metric) or values(metric))
    changed = []
    model.dataChanged.connect(lambda a, b, roles: changed.append(a))
    assert doc.set_rate("c7_s2", "35")
    assert changed and formatted == []  # told the views which rows changed, worked out nothing for them
    index = model.index_of(doc.plan.metrics["c7_s2"], Column.TARGET)  # its target follows the new rate
    assert model.data(index, FlashRole) > 0  # painted: compared with what was shown, highlighted
    assert formatted == [doc.plan.metrics["c7_s2"]]
    assert model.data(model.index_of(doc.plan.metrics["c7_s2"], Column.UNIT), FlashRole) == 0
    assert (doc.plan.metrics["c7_s2"], Column.TARGET) in model.flashing()


def test_a_change_of_many_rows_is_one_signal(qtbot, big):
    doc, model = big
    changed = []
    model.dataChanged.connect(lambda a, b, roles: changed.append(a))
    with qtbot.waitSignal(model.manyRowsChanged):
        doc.add_metric("sales", 0, "Another factor")  # a product's new factor: every target below changes
    assert changed == []
    doc.undo_stack.undo()
    with qtbot.assertNotEmitted(model.manyRowsChanged):
        doc.set_rate("c7_s2", "35")
    assert changed


def wide_document(branches: int) -> Document:
    """A sum over ``branches`` funnels (orders <- deals <- leads), as a loaded file."""
    from decimal import Decimal

    from kpidesk.model.metric import Metric, Relation
    from kpidesk.model.plan import Plan
    from kpidesk.planfile import PlanFile, loads

    plan = Plan()
    plan.attach(Metric("total", "Total", relation=Relation.SUM), None)
    for n in range(branches):
        plan.attach(Metric(f"o{n}", f"Orders {n}", relation=Relation.FUNNEL, target=Decimal(20)), plan.metrics["total"])
        plan.attach(Metric(f"d{n}", f"Deals {n}", rate=Decimal("0.5")), plan.metrics[f"o{n}"])
    document = Document()
    document.replace(loads(PlanFile(plan, "").dumps(), "wide.toml"))
    return document


def test_parent_index_and_row_count_do_the_same_work_in_a_plan_ten_times_the_size(qapp, monkeypatch,
                                                                                  operation_count):
    work = {}
    for branches in (100, 1_000):
        document = wide_document(branches)
        model = PlanTreeModel(document)
        operation_count.counting_children(document.plan)
        total = model.index(0, 0)
        last = model.index(branches - 1, 0, total)  # the last of many siblings
        deepest = model.index(0, 0, last)
        assert model.data(last) == f"Orders {branches - 1}" and model.data(deepest) == f"Deals {branches - 1}"
        calls = {
            "parent": lambda model=model, deepest=deepest: model.parent(deepest),
            "index": lambda model=model, total=total, row=branches - 1: model.index(row, 3, total),
            "rowCount": lambda model=model, total=total: model.rowCount(total),
            "data": lambda model=model, deepest=deepest: model.data(deepest.siblingAtColumn(Column.TARGET)),
        }
        work[branches] = {name: operation_count.operations(monkeypatch, call) for name, call in calls.items()}
        assert model.parent(deepest) == last and model.rowCount(total) == branches
        assert model.index(branches - 1, 3, total).internalId() == last.internalId()
    # The tree's shape is answered in C++ (Qt's items): no Python runs for parent(), index() or rowCount()...
    assert not {"parent", "index", "rowCount", "hasChildren", "flags"} & set(vars(PlanTreeModel))
    assert work[100]["parent"] == work[100]["index"] == work[100]["rowCount"] == 0
    assert work[100]["data"]  # ...while a cell's value reads its metric,
    assert work[1_000] == work[100], work  # in O(1): no search of the siblings, no walk of the tree
