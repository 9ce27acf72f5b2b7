"""Page planning: fit while text stays readable, otherwise tile with the expected sheet count.

The counts are worked out by hand for A4 portrait inside 10 mm margins, 538.3 x 785.3 points:
a tile has 538.3 - 2 x 8 (crop marks) = 522.3 points of width, 785.3 - 22 - 16 - 2 x 8 = 731.3 of
height, and each further sheet adds 522.3 - 24 (overlap) = 498.3 points.
"""

from __future__ import annotations

from kpidesk.planfile import load
from kpidesk.render.diagram import TreeDiagram
from kpidesk.render.layout import Orientation
from kpidesk.render.pages import MIN_TEXT_PT, PacketOptions, plan_packet

A4 = (595.0 - 2 * 28.35, 842.0 - 2 * 28.35)  # points inside 10 mm margins


def test_small_tree_is_fitted_on_one_page_with_readable_text(sample_path, qapp):
    packet = plan_packet(load(sample_path), PacketOptions(), *A4)
    assert len(packet.pages) == 1 and packet.tiling is None
    # about 269 x 453 points fit 2.0 and 1.65 times: grown by the most allowed, 1.5, body text 8 pt -> 12 pt
    assert packet.scale == 1.5
    assert TreeDiagram(load(sample_path).plan).fonts.body_points == 8.0


def test_tiling_on_request_gives_the_sheets_the_tree_needs(sample_path, qapp):
    plan_file = load(sample_path)
    options = PacketOptions(Orientation.LEFT_TO_RIGHT, tile=True, with_funnel=True)
    packet = plan_packet(plan_file, options, *A4)
    # the sample left to right is about 1,142 x 90 points: (1,142 - 24) / 498.3 = 2.24 -> 3 columns, 1 row
    assert (packet.tiling.columns, packet.tiling.rows) == (3, 1)
    assert round(packet.tiling.step_x, 6) == 498.3
    assert len(packet.pages) == 4  # three sheets and the funnel page
    sheet = "Sheet row 1, column {} of 1 x 3: tape along the dashed lines"
    assert packet.footers == [sheet.format(1), sheet.format(2), sheet.format(3), ""]


def test_a_tree_too_small_to_read_when_fitted_is_tiled_instead(big_path, qapp):
    plan_file = load(big_path)
    # about 6,370 x 612 points: fitted, 538.3 / 6,370 = 0.085 of 8 pt is 0.7 pt, under the 6 pt allowed
    assert MIN_TEXT_PT == 6.0
    packet = plan_packet(plan_file, PacketOptions(), *A4)
    # (6,370 - 24) / 498.3 = 12.7 -> 13 columns; 612 points fit one row of 731.3
    assert packet.tiling is not None and (packet.tiling.columns, packet.tiling.rows) == (13, 1)
    assert len(packet.pages) == 13
