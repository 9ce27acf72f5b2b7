"""The window's entry point and its hook to the funnel graph."""

import os
import subprocess
import sys

from PySide6.QtCore import Qt

from kpidesk.gui.main_window import MainWindow


def test_kpidesk_file_opens_the_window_and_paints(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[plan]\ntitle = "Mine"\n\n[[metric]]\nid = "a"\nname = "売上"\n', encoding="utf-8")
    env = dict(os.environ, KPIDESK_EXIT_AFTER_PAINT="1", QT_QPA_PLATFORM="offscreen", KPIDESK_SETTINGS_ISOLATED="1")
    result = subprocess.run([sys.executable, "-m", "kpidesk", str(path)], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "kpidesk-painted" in result.stdout


def test_the_funnel_graph_replaces_the_placeholder_and_selects_stages(qtbot):
    window = MainWindow()
    window.document.new("btob-web")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.funnelReady, timeout=5000):
        window.load_funnel()
    assert hasattr(window.funnel, "show_stages")
    assert window.right.widget(0) is window.funnel
    view = window.funnel
    assert [metric_id for metric_id, _ in view.stage_geometry()] == ["visits", "leads", "nurtured", "negotiations",
                                                                      "web_orders"]
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=view.stage_center(1).toPoint())
    assert window.current_id() == "leads"  # the bar clicked is the row selected in the tree
