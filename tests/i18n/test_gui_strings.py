"""No English escapes the window: words handed to a user-visible Qt call go through tr() or translate().

An AST scan of kpidesk/gui and kpidesk/render for literals (or f-strings with
literal words) given straight to the calls that put text on screen or paper.
Text built elsewhere reaches these calls as a variable; lupdate and the
catalogue tests (test_catalogue.py) watch the texts that are marked.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Methods whose first argument is shown to the planner.
SHOWN = {"setText", "setWindowTitle", "addMenu", "setToolTip", "setStatusTip", "showMessage", "setPlaceholderText",
         "setTitle", "addItem", "addButton", "setInformativeText", "setDetailedText", "setLabelText", "setWhatsThis",
         "setSuffix", "setPrefix", "addTab", "setDescription", "refuse", "drawText", "setDocName"}
#: Widgets and actions whose first argument is their text.
CONSTRUCTORS = {"QAction", "QMenu", "QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QDockWidget", "QRadioButton",
                "QToolButton"}
MESSAGE_BOXES = {"information", "warning", "critical", "question", "about"}
#: A word: two letters in a row (a lone "x", "%" or "-" is no English).
WORD = re.compile(r"[A-Za-z]{2,}")


def _words(node: ast.expr) -> str | None:
    """The literal words of ``node`` when it is a string literal or an f-string with literal words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if WORD.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        text = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        return text if WORD.search(text) else None
    return None


def _shown_arguments(call: ast.Call) -> list[ast.expr]:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name in MESSAGE_BOXES and isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "QMessageBox":
        return list(call.args[1:3])  # parent, title, text
    if name in CONSTRUCTORS or name in SHOWN:
        return list(call.args[:1]) if name != "drawText" else list(call.args[-1:])
    if name == "addRow":  # QFormLayout: the label
        return list(call.args[:1]) if len(call.args) > 1 else []
    if name == "addAction" and call.args:  # QMenu.addAction(text, slot)
        return list(call.args[:1])
    return []


def untranslated(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for argument in _shown_arguments(node):
                    words = _words(argument)
                    if words is not None:
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {words!r}")
    return found


def test_the_window_shows_no_untranslated_literal():
    assert untranslated(ROOT / "kpidesk" / "gui") == []


def test_print_and_exports_draw_no_untranslated_literal():
    assert untranslated(ROOT / "kpidesk" / "render") == []


def test_the_scan_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "window.py"
    sample.write_text(
        'label.setText("Hello")\n'
        'label.setText(self.tr("Hello"))\n'
        'QMessageBox.warning(self, "Title", f"{name} is gone")\n'
        'menu.addAction(f"&{number} {name}")\n'
        'box = QAction("&Open", self)\n',
        encoding="utf-8")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        found = untranslated(tmp_path)
    finally:
        ROOT = saved
    assert found == ["window.py:1: 'Hello'", "window.py:3: 'Title'", "window.py:3: ' is gone'",
                     "window.py:5: '&Open'"]
