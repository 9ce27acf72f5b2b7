"""Screenshots of following a plan, for the README: the window as of June 2026 with the progress chart, the
Actuals by Period grid, and the printed progress page.

    QT_QPA_PLATFORM=offscreen python tools/progress_screenshots.py [FOLDER] [--dark]     # default: docs/

The sample plan gets three months of actuals (tests/tracked_plan.py, the README's worked example). The window
shots are 1366x768, grabbed after the funnel and the chart are built (they follow the first paint); the page is
the packet's progress page rendered by ``kpidesk export`` and turned into a PNG by ``pdftoppm -r 60``
(poppler-utils). Settings are a throw-away file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import subprocess
import sys
import tempfile
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

TODAY = dt.date(2026, 7, 3)  # a planning meeting early in July, looking back at June


def wait(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def save(window: MainWindow, path: Path) -> Path:
    writer = QImageWriter(str(path), b"png")
    writer.setQuality(0)  # the smallest file; PNG stays lossless
    if not writer.write(window.grab().toImage()):
        raise OSError(f"{path}: {writer.errorString()}")
    return path


def plan_path(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location("tracked_plan", ROOT / "tests" / "tracked_plan.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path: Path = module.write_tracked_plan(folder)
    return path


def window_shots(plan: Path, folder: Path, mode: str = theme.LIGHT, suffix: str = "") -> list[Path]:
    settings().clear()
    window = MainWindow()
    window.set_theme(mode)
    window.tracking.today = lambda: TODAY
    window.document.open(plan)
    window.tracking.set_month("2026-06")
    window.resize(1366, 768)
    window.show()
    wait(300)
    window.fit_layout(measure=True)
    window.select("web_orders")  # the KGI, behind: its pace line falls short of the goal
    window.progress.show_chart()
    window.tree.setFocus()
    wait(1500)  # the funnel and the chart are built after the first paint; flashes of changed values fade
    shots = [save(window, folder / f"progress-window{suffix}.png")]
    window.progress.grid_action.trigger()
    grid = window.progress.grid
    table = grid.table
    first = grid.model.index(0, 0)
    table.setCurrentIndex(grid.model.index(next(r for r, m in enumerate(grid.model.metrics) if m.id == "leads"),
                                           first.column() + 2))
    table.setFocus()
    wait(800)
    shots.append(save(window, folder / f"progress-grid{suffix}.png"))
    window.files.maybe_save = lambda: True  # type: ignore[method-assign]
    window.close()
    return shots


def page_shot(plan: Path, folder: Path) -> Path:
    with tempfile.TemporaryDirectory() as scratch:
        pdf = Path(scratch) / "packet.pdf"
        subprocess.run([sys.executable, "-m", "kpidesk", "export", str(plan), "--pdf", str(pdf), "--with-progress",
                        "--as-of", "2026-06"], check=True, cwd=ROOT, capture_output=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", "-singlefile", str(pdf),
                        str(folder / "progress-page")], check=True)
    return folder / "progress-page.png"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "docs")
    parser.add_argument("--dark", action="store_true", help="also the window shots in the dark theme")
    args = parser.parse_args(argv[1:])
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv[:1])
    app.setApplicationName("kpidesk")
    with tempfile.TemporaryDirectory() as scratch:
        plan = plan_path(Path(scratch))
        shots = window_shots(plan, folder)
        if args.dark:
            shots += window_shots(plan, folder, theme.DARK, "-dark")
        shots.append(page_shot(plan, folder))
    for path in shots:
        print(f"{path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
