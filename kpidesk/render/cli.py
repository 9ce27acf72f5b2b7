"""``kpidesk export FILE --pdf OUT.pdf --png OUT.png --svg OUT.svg --funnel-png OUT.png --csv OUT.csv``.

``--with-progress [--as-of 2026-06]`` adds the progress page to the PDF (the
numbers of ``kpidesk track`` for the same month).

Runs without a display: on Linux without DISPLAY or WAYLAND_DISPLAY, Qt is
started on its offscreen platform. Only QtGui is used (a QGuiApplication, no
widgets), and pyqtgraph is never imported, so a 200-metric PDF takes well
under a second including start-up. The plan is read before Qt is imported:
an unreadable plan fails fast with the loader's message and exit status 2.
The drawing speaks the language of ``--lang`` or the environment, as the
window does (kpidesk's and Qt's translators, :mod:`kpidesk.qt_i18n`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from kpidesk import i18n
from kpidesk.cli_output import say
from kpidesk.i18n import translate
from kpidesk.model.reasons import reason_of
from kpidesk.planfile import PlanFile, PlanFileError, load

EXIT_OK, EXIT_WRITE, EXIT_UNREADABLE = 0, 1, 2
PAPER_CHOICES = ("A4", "A3", "Letter")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kpidesk export",
        description="Export a plan's KPI tree (PDF meeting packet, PNG, SVG), its funnel (PNG) "
                    "or its metrics table (CSV, UTF-8 with BOM). Several outputs may be given at once.",
    )
    parser.add_argument("file", help="the plan file (.toml)")
    outputs = parser.add_argument_group("outputs")
    outputs.add_argument("--pdf", metavar="OUT.pdf", help="the tree for printing, with header and page numbers")
    outputs.add_argument("--png", metavar="OUT.png", help="the tree as an image (144 dpi)")
    outputs.add_argument("--svg", metavar="OUT.svg", help="the tree as a vector drawing")
    outputs.add_argument("--funnel-png", metavar="OUT.png", help="the KGI's funnel as an image")
    outputs.add_argument("--csv", metavar="OUT.csv", help="every metric as a table row")
    pdf = parser.add_argument_group("PDF options")
    pdf.add_argument("--paper", default="A4", type=_paper, help="A4 (default), A3 or Letter")
    pdf.add_argument("--landscape", action="store_true", help="landscape pages")
    pdf.add_argument("--tile", action="store_true",
                     help="print the tree at full size over several sheets instead of scaling it to one page")
    pdf.add_argument("--with-funnel", action="store_true", help="add a page with the funnel")
    pdf.add_argument("--with-table", action="store_true", help="add the table of all metrics")
    pdf.add_argument("--with-progress", action="store_true",
                     help="add the progress page: status per KPI as of --as-of, the bottleneck, countermeasures")
    pdf.add_argument("--as-of", metavar="YYYY-MM",
                     help="the month (or YYYY-MM-DD) of the progress page (adds it); default: today, as kpidesk track")
    parser.add_argument("--left-to-right", action="store_true",
                        help="draw the KGI at the left instead of on top (for wide trees)")
    return parser


def _paper(text: str) -> str:
    for name in PAPER_CHOICES:
        if name.lower() == text.lower():
            return name
    raise argparse.ArgumentTypeError(f"unknown paper size {text!r}; choose A4, A3 or Letter")


def use_offscreen_if_headless() -> None:
    """Let Qt draw without a screen when there is none (exports never need one)."""
    if sys.platform.startswith("linux") and "QT_QPA_PLATFORM" not in os.environ:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _gui_application():
    from PySide6.QtGui import QGuiApplication

    from kpidesk import qt_i18n

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["kpidesk"])
        app._kpidesk_translators = qt_i18n.install(app, i18n.current())  # kept alive with the app
    return app


def _export(plan_file: PlanFile, args: argparse.Namespace) -> list[str]:
    """Write every requested output; returns what was written, one line each."""
    from kpidesk.render import export
    from kpidesk.render.layout import Orientation
    from kpidesk.render.pages import PacketOptions

    orientation = Orientation.LEFT_TO_RIGHT if args.left_to_right else Orientation.TOP_DOWN
    done = []
    if args.pdf:
        options = PacketOptions(orientation, args.tile, args.with_funnel, args.with_table,
                                with_progress=args.with_progress or bool(args.as_of), as_of=args.as_of_date)
        pages = export.export_pdf(plan_file, args.pdf, options, args.paper, args.landscape)
        done.append((translate("Cli", "{0}: 1 page") if pages == 1 else translate("Cli", "{0}: {1} pages"))
                    .format(args.pdf, pages))
    if args.png:
        export.export_png(plan_file, args.png, orientation)
        done.append(args.png)
    if args.svg:
        export.export_svg(plan_file, args.svg, orientation)
        done.append(args.svg)
    if args.funnel_png:
        export.export_funnel_png(plan_file, args.funnel_png)
        done.append(args.funnel_png)
    return done


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not any((args.pdf, args.png, args.svg, args.funnel_png, args.csv)):
        parser.error("nothing to export: give --pdf, --png, --svg, --funnel-png or --csv")
    try:
        plan_file = load(args.file)
    except PlanFileError as exc:
        say(exc.text(translate), file=sys.stderr)
        return EXIT_UNREADABLE
    args.as_of_date = None
    if args.as_of:
        from kpidesk.model.periods import PeriodError, plan_span
        from kpidesk.model.tracking import as_of_date

        today = dt.date.today()
        try:
            args.as_of_date = as_of_date(args.as_of, plan_span(plan_file.plan.info, today), today)
        except PeriodError as exc:
            say(translate("Cli", "kpidesk export: error: {0}").format(f"--as-of: {exc.text(translate)}"),
                file=sys.stderr)
            return EXIT_UNREADABLE
    written: list[str] = []
    try:
        if args.csv:
            from kpidesk.render.table import write_csv  # no Qt needed for the table

            write_csv(plan_file.plan, args.csv)
            written.append(args.csv)
        if any((args.pdf, args.png, args.svg, args.funnel_png)):
            use_offscreen_if_headless()
            from kpidesk import qtcheck

            unsafe = qtcheck.problem()  # before drawing: a PySide6 that would crash this Python
            if unsafe:
                print(f"kpidesk export: error: {unsafe}", file=sys.stderr)
                return EXIT_UNREADABLE
            _gui_application()
            written += _export(plan_file, args)
    except OSError as exc:
        say(translate("Cli", "kpidesk export: error: {0}").format(reason_of(exc).text(translate)), file=sys.stderr)
        return EXIT_WRITE
    for line in written:
        say(translate("Cli", "wrote {0}").format(line))
    return EXIT_OK
