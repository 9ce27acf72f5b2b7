"""The progress page of the meeting packet: as of a month, status per KPI, the bottleneck and the countermeasures
of the metrics behind, with the numbers of ``kpidesk track``; in the PDF of the window and of ``kpidesk export``."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kpidesk.planfile import load
from kpidesk.render.pages import PacketOptions, plan_packet
from kpidesk.render.progress_page import ProgressReport

ROOT = Path(__file__).resolve().parents[2]
A4 = (595.0 - 2 * 28.35, 842.0 - 2 * 28.35)
JUNE = dt.date(2026, 6, 30)
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdfinfo"),
                                   reason="poppler-utils (pdfinfo, pdftotext) not installed")


def pdf_text(path: Path, first: int | None = None) -> str:
    pages = ["-f", str(first)] if first else []
    text = subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return re.sub(r"[ \t]+", " ", text)


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def test_the_report_says_what_track_says(tracked_plan_path, qapp):
    report = ProgressReport(load(tracked_plan_path).plan, JUNE, *A4)
    assert report.as_of == "2026-06"
    rows = {cells[0]: cells[1:] for cells in (report._cells(m, report.tracking[m.id]) for m in report.plan.walk())}
    assert rows["Web orders"] == ["5", "3", "60%", "12", "behind"]
    assert rows["Negotiations"] == ["10", "9", "90%", "36", "warning"]
    assert rows["Leads"] == ["40", "36", "90%", "144", "warning"]
    assert rows["Sales"][1:4] == ["-", "-", "-"] and rows["Sales"][4] == "no data"
    assert report.countermeasures() == [
        "Web orders (Web marketing team): Escalate stalled negotiations to the sales manager.",
    ]


def test_the_packet_gains_the_progress_page_only_when_asked(tracked_plan_path, qapp):
    plan_file = load(tracked_plan_path)
    without = plan_packet(plan_file, PacketOptions(), *A4)
    with_progress = plan_packet(plan_file, PacketOptions(with_progress=True, as_of=JUNE), *A4)
    assert len(with_progress.pages) == len(without.pages) + 1


def test_a_long_plan_runs_over_pages_with_the_header_again(big_path, qapp):
    report = ProgressReport(load(big_path).plan, JUNE, *A4)
    assert len(report.pages) > 2
    for page in report.pages[1:]:
        first = page[0][1]
        assert first.header or not first.row  # a page that goes on with the table starts with its header


@needs_poppler
def test_the_exported_pdf_has_the_progress_page(tracked_plan_path, tmp_path):
    out = tmp_path / "packet.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "kpidesk", "export", str(tracked_plan_path), "--pdf", str(out),
                             "--with-progress", "--as-of", "2026-06"], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert pdf_pages(out) == 2
    text = pdf_text(out, first=2)
    assert "Progress as of 2026-06" in text
    assert re.search(r"Negotiations 10 9 90% 36 warning", text)
    assert re.search(r"Web orders 5 3 60% 12 behind", text)
    assert "Bottleneck: Negotiations, the rate into Web orders is 33.33% against 50% planned." in text
    assert "Web orders (Web marketing team): Escalate stalled negotiations to the sales manager." in text
    bad = subprocess.run([sys.executable, "-m", "kpidesk", "export", str(tracked_plan_path), "--pdf", str(out),
                          "--as-of", "June"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert bad.returncode == 2 and "--as-of" in bad.stderr


@needs_poppler
def test_the_window_prints_the_progress_page_as_of_its_month(qtbot, tracked_plan_path, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from kpidesk.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.document.open(tracked_plan_path)
    window.tracking.set_month("2026-05")
    actions = window.print_actions
    out = tmp_path / "printed.pdf"
    actions.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    actions.printer.setOutputFileName(str(out))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    actions.with_funnel.setChecked(False)
    actions.with_table.setChecked(False)
    actions.with_progress.setChecked(True)
    assert actions.print_plan()
    assert pdf_pages(out) == 2
    text = pdf_text(out, first=2)
    assert "Progress as of 2026-05" in text
    assert re.search(r"Web orders 3(\.33)? 2 60% 12 behind", text)
