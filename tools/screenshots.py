"""Screenshots of the window for the README: the sample plan at a laptop's 1366x768 and a small 1024x600 screen,
in the light and the dark theme.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [FOLDER]     # default: docs/

The sample plan (the btob-web template) gets actuals, so that the progress column and the funnel show them, and
the cursor goes to Negotiations' rate. The window is grabbed after the funnel graph is built (it follows the first
paint). Settings are a throw-away file: the planner's own window sizes and theme stay as they are.
``QT_SCALE_FACTOR=1.5`` gives the same window at 150 % (1536x900 pixels for 1024x600).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KPIDESK_SETTINGS_ISOLATED", "1")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QImageWriter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpidesk.gui import theme  # noqa: E402
from kpidesk.gui.main_window import MainWindow  # noqa: E402
from kpidesk.gui.settings import settings  # noqa: E402
from kpidesk.gui.tree_model import Column  # noqa: E402

ACTUALS = {"visits": "1,250", "leads": "98", "nurtured": "41", "negotiations": "17", "web_orders": "6"}
#: (file name, width, height, theme); the first is the README's main picture.
SHOTS = [
    ("screenshot-main.png", 1366, 768, theme.LIGHT),
    ("screenshot-main-dark.png", 1366, 768, theme.DARK),
    ("screenshot-1024x600.png", 1024, 600, theme.LIGHT),
    ("screenshot-1024x600-dark.png", 1024, 600, theme.DARK),
]


def wait(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def shoot(path: Path, width: int, height: int, mode: str) -> Path:
    settings().clear()  # each shot as on a first start: the previous window's sizes are not this screen's
    window = MainWindow()
    window.set_theme(mode)
    window.document.new("btob-web")
    for metric_id, value in ACTUALS.items():
        window.document.set_actual(metric_id, value)
    window.document.undo_stack.setClean()  # a plan as opened: no unsaved-changes mark
    window.resize(width, height)
    window.show()
    wait(300)
    window.fit_layout(measure=True)
    window.select("negotiations")
    window.tree.move_to(window.model.index_of(window.document.plan.metrics["negotiations"], Column.EDGE))
    window.tree.setFocus()
    wait(1500)  # the funnel graph is built after the first paint; flashes of changed values fade
    image = window.grab().toImage()
    writer = QImageWriter(str(path), b"png")
    writer.setQuality(0)  # the smallest file (deflate at its strongest); PNG stays lossless
    if not writer.write(image):
        raise OSError(f"{path}: {writer.errorString()}")
    window.files.maybe_save = lambda: True  # type: ignore[method-assign]
    window.close()
    return path


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else ROOT / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("kpidesk")
    for name, width, height, mode in SHOTS:
        path = shoot(folder / name, width, height, mode)
        print(f"{path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
