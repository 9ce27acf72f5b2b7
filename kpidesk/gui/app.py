"""Start the window: ``run(file, template)`` is what ``kpidesk [FILE]`` calls.

The window speaks the language of ``--lang``, else of Edit > Preferences, else
of the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): kpidesk's
translation and Qt's own, a proportional Japanese font, and the sample plan
in that language.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from kpidesk import i18n, paths, qt_i18n
from kpidesk.gui import formatting, preferences, termination, theme
from kpidesk.gui import settings as settings_module
from kpidesk.gui.document import SAMPLE_TEMPLATE
from kpidesk.gui.main_window import MainWindow
from kpidesk.planfile import PlanFileError

#: Set to quit as soon as the window has painted ("1") or the funnel graph is up ("funnel"): for benchmarks.
EXIT_AFTER_PAINT = "KPIDESK_EXIT_AFTER_PAINT"


def load_translations(app: QApplication) -> list[QTranslator]:
    """Install kpidesk's translation (``kpidesk_ja.qm``) and Qt's (``qtbase_ja.qm``) for the window's
    language, and make that the language of the process (templates, Qt-free texts, fonts)."""
    language = i18n.use_language(preferences.window_language())
    return qt_i18n.install(app, language)


def use_language_font(app: QApplication) -> None:
    """The window's font with the proportional Japanese fonts installed: without them, Japanese names
    would take the first Japanese font fontconfig knows, often one with fixed-width Latin letters."""
    from kpidesk.render.text import application_font

    app.setFont(application_font(app.font()))


def identify(app: QApplication) -> None:
    """Names and icon, so the desktop shows kpidesk's icon and groups its windows under its entry.

    The desktop file name is the Wayland app id and how X11 desktops match a window to the
    installed ``io.github.kpidesk.kpidesk.desktop`` (packaging/linux).
    """
    app.setOrganizationName(settings_module.ORGANIZATION)
    app.setApplicationName(settings_module.APPLICATION)
    app.setApplicationDisplayName("kpidesk")
    app.setDesktopFileName(paths.APP_ID)
    icon = QIcon()
    for size, path in paths.icon_files().items():
        icon.addFile(str(path), QSize(size, size))
    app.setWindowIcon(icon)


def _report_and_quit(app: QApplication) -> None:
    """Tell benchmarks/startup.py when the window painted (perf_counter is system-wide on Linux)."""
    print(f"kpidesk-painted {time.perf_counter():.6f}", flush=True)
    QTimer.singleShot(0, app.quit)


def run(file: str | None = None, template: str | None = None) -> int:
    """Show the window with ``file``, or an untitled plan from ``template`` (default: the sample)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    identify(app)
    app._kpidesk_translators = load_translations(app)  # type: ignore[attr-defined]
    use_language_font(app)
    formatting.set_number_style(preferences.number_style())
    theme.apply(str(settings_module.settings().value("theme", theme.SYSTEM)))
    window = MainWindow()
    window.document.new(template or SAMPLE_TEMPLATE)
    if file and window.guard.prepare_open(Path(file)):
        try:
            window.document.open(file)
            window.files.add_recent(Path(file))
        except PlanFileError as exc:
            message = exc.text(QCoreApplication.translate)
            window.firstPainted.connect(
                lambda: QMessageBox.critical(window, QCoreApplication.translate("FileActions", "Cannot open the plan"),
                                             message))
    exit_after = os.environ.get(EXIT_AFTER_PAINT)
    if exit_after:
        signal = window.funnelReady if exit_after == "funnel" else window.firstPainted
        signal.connect(lambda: _report_and_quit(app))

    def end(_signal_number: int) -> None:
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.end_unattended()
        for widget in app.topLevelWidgets():
            widget.hide()  # as a closed window is: torn down while shown, a plot got resized half destroyed
        app.exit(0)

    app._kpidesk_termination = termination.install(end, app)  # type: ignore[attr-defined]
    window.show()
    QTimer.singleShot(0, window.guard.offer_recovery)  # unsaved work of a window that crashed
    return app.exec()
