"""The measured diagram: real boxes don't overlap, long names wrap, CJK breaks per character."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from kpidesk.planfile import load
from kpidesk.render.diagram import MAX_BOX_WIDTH, TreeDiagram
from kpidesk.render.layout import Orientation
from kpidesk.render.text import make_font, text_width, wrap


@pytest.mark.parametrize("orientation", list(Orientation))
def test_boxes_of_a_big_plan_never_overlap(big_path, qapp, orientation):
    diagram = TreeDiagram(load(big_path).plan, orientation)
    boxes = list(diagram.boxes.values())
    assert len(boxes) == 200
    for a, b in itertools.combinations(boxes, 2):
        assert not a.rect.overlaps(b.rect), (a.metric.id, b.metric.id)
    for box in boxes:
        assert box.width <= MAX_BOX_WIDTH
        for line in box.lines:
            assert text_width(line.font, line.text) <= box.width - 2 * 5 + 0.5, line.text


def test_long_names_wrap_at_spaces_and_cjk_between_characters(qapp):
    font = make_font(9, bold=True)
    lines = wrap("Referral programme with existing customers: nurtured leads", font, 120)
    assert len(lines) > 1 and all(text_width(font, line) <= 120 for line in lines)
    assert " ".join(lines) == "Referral programme with existing customers: nurtured leads"
    japanese = "資料ダウンロードとメルマガ登録による見込み顧客の獲得数"
    lines = wrap(japanese, font, 60)
    assert len(lines) > 2 and "".join(lines) == japanese
    assert all(text_width(font, line) <= 60 for line in lines)
    assert not any(line.startswith(("ー", "、", "。")) for line in lines)  # no break before a prolonged mark


def test_given_and_derived_targets_and_actuals_are_drawn_differently(sample_path, qapp):
    plan = load(sample_path).plan
    plan.set_field(plan.metrics["visits"], "actual", Decimal(1200))
    diagram = TreeDiagram(plan)
    sales, visits = diagram.boxes["sales"], diagram.boxes["visits"]
    given_line = next(line for line in sales.lines if "1,000,000,000" in line.text)
    derived_line = next(line for line in visits.lines if "1,600" in line.text)
    assert given_line.marker and given_line.font.bold() and not given_line.font.italic()
    assert not derived_line.marker and derived_line.font.italic()
    assert visits.progress == pytest.approx(0.75) and sales.progress is None
    assert diagram.boxes["visits"].edge_label == "rate 10%" and diagram.boxes["web_orders"].edge_label == "share 20%"
    assert diagram.boxes["web_orders"].is_kgi and diagram.boxes["web_orders"].lines[0].text == "KGI"
