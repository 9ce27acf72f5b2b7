#!/usr/bin/env python3
"""The Japanese screenshots of the README: the window, its print preview and a printed page.

``QT_QPA_PLATFORM=offscreen python tools/screenshots_ja.py`` writes, with the
Japanese sample plan and a first quarter of actuals:

* docs/screenshot-ja.png: the window at 1366 x 768, as ``kpidesk --lang ja`` opens it;
* docs/print-preview-ja.png: File > Print Preview;
* docs/print-page-ja.png: the page ``kpidesk --lang ja export PLAN --pdf`` writes, through ``pdftoppm -r 60``.

Needs a Japanese font (fonts-ipafont-gothic) and poppler-utils; look at the
pictures afterwards: empty boxes mean the font is missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
#: Actuals of the first quarter (April to June 2026), as in the English screenshot's plan.
ACTUALS = {"web_orders": 6, "negotiations": 17, "nurtured": 41, "leads": 98, "visits": 1250}
SIZE = (1366, 768)


def settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("KPIDESK_SETTINGS_ISOLATED", "1")  # never the planner's own settings
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kpidesk import i18n
    from kpidesk.gui import theme
    from kpidesk.gui.app import load_translations, use_language_font
    from kpidesk.gui.document import SAMPLE_TEMPLATE
    from kpidesk.gui.main_window import MainWindow
    from kpidesk.gui.tree_model import Column

    i18n.set_language("ja")  # kpidesk --lang ja
    app = QApplication(["kpidesk"])
    app.setApplicationDisplayName("kpidesk")
    translators = load_translations(app)  # noqa: F841 - kept alive while the windows are drawn
    use_language_font(app)
    theme.apply(theme.LIGHT)
    window = MainWindow()
    window.document.new(SAMPLE_TEMPLATE)
    for metric_id, value in ACTUALS.items():
        window.document.set_actual(metric_id, Decimal(value))
    window.document.undo_stack.setClean()
    window.resize(*SIZE)
    window.show()
    settle(app)
    window.load_funnel()
    settle(app)
    window.fit_layout(measure=True)
    window.select("negotiations")
    index = window.model.index_of(window.document.metric("negotiations"), Column.EDGE)
    window.tree.setCurrentIndex(index)
    window.statusBar().clearMessage()
    QTimer.singleShot(1600, app.quit)  # the flash of the edited values fades first
    app.exec()
    settle(app)
    DOCS.mkdir(exist_ok=True)
    window.grab().save(str(DOCS / "screenshot-ja.png"))

    dialog = window.print_actions.preview_dialog()
    dialog.resize(1000, 720)
    dialog.show()
    settle(app, 40)
    dialog.grab().save(str(DOCS / "print-preview-ja.png"))
    dialog.close()

    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "web-orders-fy2026.toml"
        window.document.save_as(plan)
        pdf = Path(folder) / "page.pdf"
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        subprocess.run([sys.executable, "-m", "kpidesk", "--lang", "ja", "export", str(plan), "--pdf", str(pdf)],
                       check=True, env=env)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(DOCS / "print-page-ja")],
                       check=True)
    window.guard.close()
    print("wrote docs/screenshot-ja.png, docs/print-preview-ja.png, docs/print-page-ja.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
