"""Printing on a QPrinter: a printer with a paper and orientation, and the meeting packet painted on it.

The pages come from :mod:`pages`, the same code as ``kpidesk export``; the
window's print menu (:mod:`kpidesk.gui.print_actions`) uses these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrinter

from kpidesk.planfile import PlanFile

if TYPE_CHECKING:
    from kpidesk.render.pages import PacketOptions


def new_printer(paper: str = "A4", landscape: bool = False) -> QPrinter:
    from kpidesk.render import export

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(export.page_layout(paper, landscape))
    return printer


def print_packet(printer: QPrinter, plan_file: PlanFile, options: PacketOptions) -> int:
    """Print (or preview) the meeting packet on ``printer``; returns the page count."""
    from kpidesk.render import export
    from kpidesk.render.pages import paint_packet

    printer.setDocName(export.plan_title(plan_file))
    return paint_packet(printer, plan_file, options)
