"""``kpidesk export`` as a planner runs it: a separate process, no display, real files."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kpidesk.planfile import load
from kpidesk.render.table import CSV_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
needs_poppler = pytest.mark.skipif(not shutil.which("pdfinfo") or not shutil.which("pdftotext"),
                                   reason="poppler-utils (pdfinfo, pdftotext) not installed")


def export(*args: str, importtime: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), "-m", "kpidesk", "export", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    command = ["pdftotext", "-raw", *pages, str(path), "-"]
    text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return squash(text)


def squash(text: str) -> str:
    """Without white space (wrapped lines) and ligatures (ﬀ), as in the PDF's text."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


#: The btob-web sample as drawn: sales 1,000,000,000 JPY = 100 orders x 10,000,000, of them 20 web orders,
#: 40 negotiations at 50 %, 80 nurtured leads, 160 leads and 1,600 visits at 10 %.
SAMPLE_TARGETS = {"Sales": "1,000,000,000", "Orders": "100", "Web orders": "20", "Negotiations": "40",
                  "Nurtured leads": "80", "Leads": "160", "Visits": "1,600", "Average unit price": "10,000,000"}


@needs_poppler
def test_sample_tree_fits_one_page_and_shows_every_name_and_target(sample_path, tmp_path):
    out = tmp_path / "tree.pdf"
    result = export(str(sample_path), "--pdf", str(out))
    assert result.returncode == 0, result.stderr
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    assert [m.name for m in load(sample_path).plan.walk()] == list(SAMPLE_TARGETS)
    for name, shown in SAMPLE_TARGETS.items():
        assert squash(name) in text
        assert squash(shown) in text
    assert "Page1of1" in text and "WebordersFY2026" in text and "btob-web.toml" in text


@needs_poppler
def test_meeting_packet_adds_funnel_and_table_pages(sample_path, tmp_path):
    out = tmp_path / "packet.pdf"
    result = export(str(sample_path), "--pdf", str(out), "--with-funnel", "--with-table", "--landscape")
    assert result.returncode == 0, result.stderr
    pages = pdf_pages(out)
    assert pages == 3  # tree, funnel, table (8 metrics fit on one table page)
    funnel = pdf_text(out, 2, 2)
    assert "Funnel" in funnel
    # the sample's rates, visits -> leads -> nurtured -> negotiations -> orders: 10 %, then 50 % three times
    assert funnel.count(squash("10% of the stage above")) == 1
    assert funnel.count(squash("50% of the stage above")) == 3
    assert squash("1.25% of Visits") in funnel  # 20 web orders of 1,600 visits
    table = pdf_text(out, 3, 3)
    plan = load(sample_path).plan
    for metric in plan.walk():
        assert squash(metric.name) in table and squash(metric.countermeasure) in table
    assert f"Page3of{pages}" in table


@needs_poppler
def test_big_plan_is_tiled_with_the_expected_sheet_count(big_path, tmp_path, qapp):
    out = tmp_path / "big.pdf"
    result = export(str(big_path), "--pdf", str(out), "--paper", "a3", "--landscape", "--with-table")
    assert result.returncode == 0, result.stderr
    plan = load(big_path).plan
    # A3 landscape inside 10 mm margins is 1,134.3 x 785.3 points: a tile 1,118.3 wide (crop marks), each further
    # one 1,094.3 (24 overlap); the tree, about 6,370 x 612 points, takes (6,370 - 24) / 1,094.3 = 5.8 -> 6 columns
    # of one row (612 < 785.3 - 22 - 16 - 16 = 731.3); the 200 metrics' table four pages more
    columns, table_pages = 6, 4
    pages = pdf_pages(out)
    assert pages == 10
    table_text = pdf_text(out, columns + 1, pages)
    assert table_text.count("Metrics") == 1 and table_text.count("Countermeasure") == table_pages
    assert "Sheetrow1,column1of1x6" in pdf_text(out, 1, 1)
    assert "Sheetrow1,column6of1x6" in pdf_text(out, columns, columns)
    # sales 2,400,000,000 / 8,000,000 = 300 orders; a channel's 2.56 % of them 7.68 -> 8, / 50 % = 16, / 40 % = 40,
    # / 30 % = 133.3 -> 134 leads, / 2 % = 6,700 visits
    for shown in ("2,400,000,000", "8,000,000", "300", "6,700", "134"):
        assert squash(shown) in table_text
    for metric in plan.walk():
        assert squash(metric.name) in table_text
    tree_text = pdf_text(out, 1, columns)
    for metric in plan.walk():
        assert squash(metric.name) in tree_text


def test_csv_is_utf8_with_bom_and_one_row_per_metric(big_path, tmp_path):
    out = tmp_path / "metrics.csv"
    result = export(str(big_path), "--csv", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    plan = load(big_path).plan
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [row["id"] for row in rows] == [m.id for m in plan.walk()]
    by_id = {row["id"]: row for row in rows}
    assert any("展示会" in row["name"] for row in rows)
    row = by_id["c0_visits"]
    assert row["parent"] == "c0_leads" and row["given"] == "no" and row["rate"] == "0.02"
    assert row["target"] == "6700" and row["owner"] == "Web team"  # 134 leads / 2 %
    assert by_id["sales"]["given"] == "yes" and by_id["sales"]["target"] == "2400000000"
    assert {row["better"] for row in rows} == {"higher"}


def test_csv_says_where_lower_is_better():
    from kpidesk import paths
    from kpidesk.render.table import csv_rows

    header, *rows = csv_rows(load(paths.templates()["inbound"]).plan)
    better = {row[0]: row[header.index("better")] for row in rows}
    assert better["cost_per_mql"] == "lower" and better["mqls"] == "higher"


def test_png_svg_and_funnel_png_are_valid(big_path, tmp_path, qapp):
    from PySide6.QtGui import QImage

    png, svg, funnel = tmp_path / "tree.png", tmp_path / "tree.svg", tmp_path / "funnel.png"
    result = export(str(big_path), "--png", str(png), "--svg", str(svg), "--funnel-png", str(funnel),
                    "--left-to-right")
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    assert not image.isNull() and image.height() > image.width() / 4  # left to right: a tall drawing
    assert not QImage(str(funnel)).isNull()
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = squash("".join(root.itertext()))
    for metric in load(big_path).plan.walk():
        assert squash(metric.name) in text


def test_export_without_funnel_never_imports_pyqtgraph_or_widgets(sample_path, tmp_path):
    result = export(str(sample_path), "--pdf", str(tmp_path / "a.pdf"), "--png", str(tmp_path / "a.png"),
                    importtime=True)
    assert result.returncode == 0, result.stderr
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "PySide6.QtGui" in imported  # the probe sees imports at all
    assert not any(name.startswith("pyqtgraph") for name in imported)
    assert "PySide6.QtWidgets" not in imported


def test_unreadable_plan_exits_2_with_the_loaders_message(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text('[plan]\ntitle = "x\n', encoding="utf-8")
    out = tmp_path / "out.pdf"
    result = export(str(broken), "--pdf", str(out))
    assert result.returncode == 2
    assert str(broken) in result.stderr and "error" in result.stderr
    assert not out.exists()


def test_nothing_to_export_is_a_usage_error(sample_path):
    result = export(str(sample_path))
    assert result.returncode == 2 and "nothing to export" in result.stderr


@needs_poppler
def test_a_percentage_is_printed_with_its_sign_once(tmp_path):
    from kpidesk import paths

    out = tmp_path / "inbound.pdf"
    result = export(str(paths.templates()["inbound"]), "--pdf", str(out), "--landscape")
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "Target1.5%" in text  # Search CVR, kind percent, unit "%"
    assert "%%" not in text
    assert "Target20,000JPY" in text  # other units still follow the value
