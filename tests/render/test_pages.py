"""Page planning: fit while text stays readable, otherwise tile with the expected sheet count."""

from __future__ import annotations

import math

from kpidesk.planfile import load
from kpidesk.render.diagram import TreeDiagram
from kpidesk.render.layout import Orientation
from kpidesk.render.pages import FOOTER_H, HEADER_H, MARK_ROOM, MIN_TEXT_PT, OVERLAP, PacketOptions, plan_packet

A4 = (595.0 - 2 * 28.35, 842.0 - 2 * 28.35)  # points inside 10 mm margins


def sheets(diagram: TreeDiagram, width: float, height: float) -> int:
    room_w, room_h = width - 2 * MARK_ROOM, height - HEADER_H - FOOTER_H - 2 * MARK_ROOM
    columns = 1 if diagram.width <= room_w else math.ceil((diagram.width - OVERLAP) / (room_w - OVERLAP))
    rows = 1 if diagram.height <= room_h else math.ceil((diagram.height - OVERLAP) / (room_h - OVERLAP))
    return columns * rows


def test_small_tree_is_fitted_on_one_page_with_readable_text(sample_path, qapp):
    packet = plan_packet(load(sample_path), PacketOptions(), *A4)
    assert len(packet.pages) == 1 and packet.tiling is None
    assert packet.scale * TreeDiagram(load(sample_path).plan).fonts.body_points >= MIN_TEXT_PT


def test_tiling_on_request_gives_the_sheets_the_tree_needs(sample_path, qapp):
    plan_file = load(sample_path)
    options = PacketOptions(Orientation.LEFT_TO_RIGHT, tile=True, with_funnel=True)
    packet = plan_packet(plan_file, options, *A4)
    expected = sheets(TreeDiagram(plan_file.plan, Orientation.LEFT_TO_RIGHT), *A4)
    assert expected >= 2  # the sample drawn left to right is wider than A4 portrait
    assert len(packet.pages) == expected + 1  # and the funnel page
    assert packet.footers[0].startswith("Sheet row 1, column 1")


def test_a_tree_too_small_to_read_when_fitted_is_tiled_instead(big_path, qapp):
    plan_file = load(big_path)
    diagram = TreeDiagram(plan_file.plan)
    fit = min(A4[0] / diagram.width, (A4[1] - HEADER_H - FOOTER_H) / diagram.height)
    assert fit * diagram.fonts.body_points < MIN_TEXT_PT
    packet = plan_packet(plan_file, PacketOptions(), *A4)
    assert packet.tiling is not None and len(packet.pages) == sheets(diagram, *A4)
