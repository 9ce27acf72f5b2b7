"""File > Print, Print Preview and Export in the main window (printing goes to PDF: no CUPS here)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog

from kpidesk.gui.print_actions import PrintActions


@pytest.fixture
def window(qtbot, monkeypatch):
    from kpidesk.gui.main_window import MainWindow

    window = MainWindow()
    window.document.new()
    monkeypatch.setattr(window, "maybe_save", lambda: True)  # closing after an edit must not ask
    qtbot.addWidget(window)
    return window


def menu_texts(menu) -> list[str]:
    return [action.text() for action in menu.actions()]


def test_actions_land_in_the_file_menu_before_close(window):
    actions = window.print_actions
    assert isinstance(actions, PrintActions)
    texts = menu_texts(window.file_menu)
    for action in (actions.preview_action, actions.print_action, actions.export_menu.menuAction()):
        assert action.text() in texts
    assert texts.index(actions.print_action.text()) < len(texts) - 1  # not after Close
    assert len(actions.export_menu.actions()) == 5
    assert texts.count(actions.print_action.text()) == 1


def test_install_works_on_any_main_window_with_a_file_menu(qtbot, tmp_path, monkeypatch):
    from types import SimpleNamespace

    from PySide6.QtWidgets import QMainWindow

    from kpidesk import paths
    from kpidesk.gui.print_actions import install_print_actions
    from kpidesk.planfile import load

    bare = QMainWindow()
    qtbot.addWidget(bare)
    bare.file_menu = bare.menuBar().addMenu("File")
    plan_file = load(paths.templates()["btob-web"])
    bare.document = SimpleNamespace(plan_file=plan_file)
    actions = install_print_actions(bare)
    assert actions.print_action in bare.file_menu.actions()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "m.csv"), ""))
    assert actions.export_csv() and (tmp_path / "m.csv").exists()


def _pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs pdfinfo (poppler-utils)")
def test_print_follows_the_options_and_edits_of_the_open_plan(window, tmp_path, monkeypatch):
    actions: PrintActions = window.print_actions
    out = tmp_path / "printed.pdf"
    actions.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    actions.printer.setOutputFileName(str(out))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    actions.with_funnel.setChecked(True)
    actions.with_table.setChecked(True)
    assert window.document.rename("visits", "Sessions on the product site")
    assert actions.print_plan()
    assert _pages(out) == 3
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True).stdout
    assert "Sessions on the product site" in " ".join(text.split())
    actions.printer.setFromTo(2, 3)  # the dialog's page range: funnel and table only
    assert actions.print_plan() and _pages(out) == 2
    text = subprocess.run(["pdftotext", "-raw", "-l", "1", str(out), "-"], capture_output=True, text=True).stdout
    assert "Funnel" in text and "Page 2 of 3" in text
    actions.printer.setFromTo(0, 0)
    actions.with_funnel.setChecked(False)
    assert actions.print_plan() and _pages(out) == 2


def test_preview_shows_the_packets_pages(window, qtbot):
    actions = window.print_actions
    actions.with_funnel.setChecked(False)
    actions.with_table.setChecked(True)
    dialog = actions.preview_dialog()
    dialog.show()  # the preview asks for its pages when shown
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 2)  # the tree, then the table
    actions.with_table.setChecked(False)
    preview.updatePreview()
    qtbot.waitUntil(lambda: preview.pageCount() == 1)
    dialog.close()


def test_exports_write_the_files_the_planner_names(window, tmp_path, monkeypatch):
    actions = window.print_actions
    names = iter([tmp_path / "t.pdf", tmp_path / "t.png", tmp_path / "t.svg", tmp_path / "f.png", tmp_path / "m.csv"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(next(names)), ""))
    written = [actions.export_pdf(), actions.export_png(), actions.export_svg(), actions.export_funnel_png(),
               actions.export_csv()]
    for name in written:
        assert name is not None and (tmp_path / name).stat().st_size > 100
    assert (tmp_path / "m.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_cancelled_export_writes_nothing(window, tmp_path, monkeypatch):
    actions = window.print_actions
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    assert actions.export_pdf() is None
    assert list(tmp_path.iterdir()) == []


def test_diagram_dock_shows_the_plan_live_and_selects_on_click(window, qtbot):
    actions = window.print_actions
    toggle = actions.dock.toggleViewAction()
    assert toggle in window.view_menu.actions() and not actions.dock.isVisible()
    window.show()
    toggle.trigger()
    qtbot.waitUntil(lambda: actions.view.canvas.diagram is not None)
    canvas = actions.view.canvas
    assert "visits" in canvas.diagram.boxes
    width_before = canvas.diagram.boxes["visits"].width
    assert window.document.rename("visits", "Sessions on the product site from search and ads")
    qtbot.waitUntil(lambda: canvas.diagram.boxes["visits"].width > width_before)
    rect = canvas.diagram.boxes["leads"].rect
    point = ((rect.center_x + 12) * canvas.zoom, (rect.center_y + 12) * canvas.zoom)
    assert canvas.metric_at(QPointF(*point)) == "leads"
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(point[0]), int(point[1])))
    assert window.current_id() == "leads"
    actions.left_to_right.setChecked(True)
    assert canvas.diagram.orientation.value == "left-to-right"
    actions.left_to_right.setChecked(False)  # the option is remembered: leave it as found
