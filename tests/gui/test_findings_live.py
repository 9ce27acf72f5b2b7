"""Findings always describe the plan as it is: after every action the window shows what `kpidesk check` prints.

Random sequences of actions (renames, moves, adds, deletes, values, goal seeks, undo, redo, Save As)
run through the document; after each one, the markers, the name cells' tooltips, the detail panel and
the status bar are compared with ``run_checks`` + ``describe`` on the plan read back from its own text,
as the command line would read the saved file.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest
from PySide6.QtCore import Qt

from kpidesk import planfile
from kpidesk.cli import main as cli_main
from kpidesk.gui.tree_model import Column
from kpidesk.model.checks import run_checks
from kpidesk.model.messages import describe

NAMES = ["Webinar signups", "Ads", "Referrals", "広告からの訪問", "Events",
         "A name far too long for a KPI box on a slide", "Leads", "Trials"]


def expected(window):
    """What `kpidesk check` says of the plan in the window: per metric id, and for the whole plan."""
    plan = planfile.loads(window.document.plan_file.dumps(), "plan.toml").plan
    findings = run_checks(plan)
    per_metric: dict[str | None, list[str]] = {}
    for finding in findings:
        per_metric.setdefault(finding.metric, []).append(describe(finding, plan))
    lines = [f"{f.severity.value}: {describe(f, plan)}" for f in findings]
    return plan, findings, per_metric, lines


def shown_lines(window, metric) -> list[str]:
    """The finding lines of a name cell's tooltip (without the KGI line and the definition)."""
    index = window.model.index_of(metric)
    text = window.model.data(index, Qt.ItemDataRole.ToolTipRole) or ""
    lines = text.split("\n")
    if metric is window.document.plan.kgi:
        lines = lines[1:]
    if metric.definition and lines and lines[-1] == metric.definition:
        lines = lines[:-1]
    return lines


def compare(window) -> None:
    plan, findings, per_metric, lines = expected(window)
    shown = window.document.plan
    assert [m.id for m in shown.walk()] == [m.id for m in plan.walk()]
    for metric in shown.walk():
        want = per_metric.get(metric.id, [])
        marker = window.model.data(window.model.index_of(metric), Qt.ItemDataRole.DecorationRole)
        assert (marker is not None) == bool(want), (metric.id, want)
        assert Counter(shown_lines(window, metric)) == Counter(want), metric.id
    assert Counter(window.findings_tooltip().split("\n") if lines else []) == Counter(lines[:30])
    errors = sum(1 for f in findings if f.severity.value == "error")
    warnings = sum(1 for f in findings if f.severity.value == "warning")
    count = window.finding_count.text()
    assert (count == "No findings") == (errors == warnings == 0)
    assert (f"{errors} error" in count) == bool(errors) and (f"{warnings} warning" in count) == bool(warnings)
    current = window.detail.current_metric()
    if current is not None:
        summary = window.detail.summary.text().split("\n")[1:]  # after "id: ..."
        if current is shown.kgi:
            summary = summary[1:]
        assert Counter(summary) == Counter(per_metric.get(current.id, [])), current.id


def act(window, rng: random.Random, tmp_path) -> str:
    """One random action of a planner; returns what it was, for the failure message."""
    doc = window.document
    ids = [m.id for m in doc.plan.walk()]
    metric_id = rng.choice(ids)
    kind = rng.choice(["rename", "rename", "target", "rate", "clear", "add", "stage", "source", "delete", "up",
                       "down", "indent", "outdent", "kgi", "text", "solve", "undo", "undo", "redo", "save_as",
                       "select", "select", "select"])
    if kind == "rename":
        doc.rename(metric_id, rng.choice(NAMES + [doc.plan.metrics[rng.choice(ids)].name]))
    elif kind == "target":
        doc.set_target(metric_id, rng.choice(["1,000", "2000", "0", "", "55"]))
    elif kind == "rate":
        doc.set_rate(metric_id, rng.choice(["40", "10%", "0", "", "100"]))
    elif kind == "clear":
        doc.clear_cell(metric_id, rng.choice(["target", "rate", "actual", "share"]))
    elif kind == "add":
        doc.add_metric(metric_id, None, rng.choice(NAMES))
    elif kind == "stage":
        doc.add_stage(metric_id, rng.choice(NAMES))
    elif kind == "source":
        doc.add_source(metric_id, rng.choice(NAMES))
    elif kind == "delete":
        doc.delete_metric(metric_id)
    elif kind in ("up", "down", "indent", "outdent"):
        getattr(doc, {"up": "move_up", "down": "move_down"}.get(kind, kind))(metric_id)
    elif kind == "kgi":
        doc.set_kgi(metric_id)
    elif kind == "text":
        doc.set_field(metric_id, rng.choice(["source", "interval", "countermeasure"]), rng.choice(["", "weekly"]))
    elif kind == "solve":
        doc.solve_rate(metric_id)
    elif kind == "undo":
        doc.undo_stack.undo()
    elif kind == "redo":
        doc.undo_stack.redo()
    elif kind == "save_as":
        doc.save_as(tmp_path / f"plan-{rng.randrange(3)}.toml")
    elif kind == "select":
        window.select(metric_id)
    return f"{kind} {metric_id}"


@pytest.mark.parametrize("seed", range(6))
def test_the_window_shows_what_check_prints_after_random_actions(qtbot, sample_window, tmp_path, seed):
    rng = random.Random(seed)
    compare(sample_window)
    done = []
    for _ in range(30):
        done.append(act(sample_window, rng, tmp_path))
        try:
            compare(sample_window)
        except AssertionError as exc:
            raise AssertionError(f"after {done}: {exc}") from exc


@pytest.mark.parametrize("seed", range(3))
def test_the_texts_shown_are_the_plans_after_random_actions(qtbot, sample_window, tmp_path, seed):
    """The tree paints each row's texts as worked out after its last change: never older than the plan
    (values, names, a new currency, a parent's relation that turns a rate into a share)."""
    window, rng = sample_window, random.Random(seed)
    model = window.model
    for _ in range(40):
        act(window, rng, tmp_path)
        if rng.random() < 0.3:
            window.document.set_plan_info({"currency": rng.choice(["JPY", "USD", "EUR"])})
        if rng.random() < 0.3:
            metric_id = rng.choice(sorted(window.document.plan.metrics))
            window.document.set_field(metric_id, "relation", rng.choice(["funnel", "sum", "share", "none"]))
        for metric in window.document.plan.walk():
            shown = [model.data(model.index_of(metric, column)) for column in Column]
            assert shown == [model.text(metric, column) for column in Column], metric.id


def test_a_rename_refreshes_the_finding_on_another_metric_and_after_undo(qtbot, sample_window):
    window, doc = sample_window, sample_window.document
    child = doc.add_metric("visits", None, "New metric")  # visits is a leaf: its child does not drive it
    window.select(child)
    assert "New metric does not drive Visits" in window.detail.summary.text()
    doc.rename("visits", "Sessions")
    assert "New metric does not drive Sessions" in window.model.data(
        window.model.index_of(doc.plan.metrics[child]), Qt.ItemDataRole.ToolTipRole)
    assert "does not drive Sessions" in window.detail.summary.text()
    assert "does not drive Sessions" in window.findings_tooltip()
    doc.rename(child, "Webinar signups")
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert "New metric does not drive Visits" in window.detail.summary.text()
    compare(window)


def test_what_the_window_shows_is_what_check_prints_for_the_saved_file(qtbot, sample_window, tmp_path, capsys):
    window, doc = sample_window, sample_window.document
    doc.set_target("visits", "1,000")
    doc.rename("web_orders", "Web deals")
    path = tmp_path / "plan.toml"
    doc.save_as(path)
    cli_main(["check", str(path)])
    printed = [line.split(": ", 2)[2].rsplit(" [", 1)[0] for line in capsys.readouterr().out.splitlines()]
    shown = [line.split(": ", 1)[1] for line in window.findings_tooltip().split("\n")]
    assert Counter(printed) == Counter(shown) and any("Web deals" in line for line in shown)
