"""Plan Properties, opened from the Edit menu by keys, typed into and accepted as a planner does."""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

Key, Mod = Qt.Key, Qt.KeyboardModifier


def fill(fields: dict[Key, str], then: Key = Key.Key_Return):
    """Answer the dialog: for each field, its label's access key (Alt+letter), select all, type; then ``then``."""

    def answer(dialog) -> None:
        for key, text in fields.items():
            QTest.keyClick(dialog, key, Mod.AltModifier)
            field = QApplication.focusWidget()
            assert isinstance(field, QLineEdit), f"Alt+{key.name} reached {field}"
            QTest.keyClick(field, Key.Key_A, Mod.ControlModifier)
            if text:
                QTest.keyClicks(field, text)
            else:
                QTest.keyClick(field, Key.Key_Delete)
        answer.span = dialog.span.text()
        QTest.keyClick(QApplication.focusWidget(), then)  # Enter: the default button, OK

    return answer


def open_plan_properties(qtbot, window) -> None:
    """Edit > Plan Properties... by keys: Alt+E opens the menu, "a" is the entry's access key."""
    qtbot.keyClick(window.tree, Key.Key_E, Mod.AltModifier)
    menu = QApplication.activePopupWidget()
    assert menu is window.edit_menu
    qtbot.keyClick(menu, Key.Key_A)


def test_typed_properties_are_one_undo_step_named_in_the_edit_menu(qtbot, modal, window):
    info = window.document.plan.info
    assert info["title"] == "Web orders FY2026" and info["currency"] == "JPY"
    assert info["start"] == datetime.date(2026, 4, 1)
    typed = fill({Key.Key_T: "Web orders FY2027", Key.Key_C: "USD", Key.Key_S: "2027-04-01",
                  Key.Key_E: "2028-03-31"})
    asked = modal.answer(typed)
    open_plan_properties(qtbot, window)
    assert asked[0].title == "Plan Properties" and asked[0].text == "PlanDialog"
    assert typed.span == "FY2027 (Apr 2027 to Mar 2028)"  # a twelve-month year from April: its fiscal year
    assert info["title"] == "Web orders FY2027" and info["currency"] == "USD"
    assert info["start"] == datetime.date(2027, 4, 1) and info["end"] == datetime.date(2028, 3, 31)
    assert window.windowTitle() == "Untitled[*] - Web orders FY2027 - kpidesk" and window.isWindowModified()
    assert window.document.undo_stack.count() == 1
    assert window.edits.undo.text() == "&Undo Edit plan properties"
    qtbot.keyClick(window.tree, Key.Key_Z, Mod.ControlModifier)
    assert info["title"] == "Web orders FY2026" and info["currency"] == "JPY"
    assert info["start"] == datetime.date(2026, 4, 1)
    assert not window.isWindowModified()


def test_a_bad_date_is_refused_and_the_dialog_stays_for_a_correction(qtbot, modal, window):
    asked = modal.answer(fill({Key.Key_S: "2027-13-01"}), modal.click("OK"), fill({Key.Key_S: "2027-01-01"}))
    open_plan_properties(qtbot, window)
    assert [shown.title for shown in asked] == ["Plan Properties", "Plan Properties", "Plan Properties"]
    assert asked[1].text == "2027-13-01 is not a date like 2026-04-01."
    assert window.document.plan.info["start"] == datetime.date(2027, 1, 1)
    assert window.document.undo_stack.count() == 1


def test_escape_cancels_and_changes_nothing(qtbot, modal, window):
    asked = modal.answer(fill({Key.Key_T: "Something else"}, then=Key.Key_Escape))
    open_plan_properties(qtbot, window)
    assert asked and window.document.plan.info["title"] == "Web orders FY2026"
    assert window.document.undo_stack.count() == 0 and not window.isWindowModified()


def test_a_pasted_title_with_escape_codes_is_refused_and_the_dialog_stays(qtbot, modal, window):
    """Escape codes cannot be typed, but they can come with a copied text."""

    def paste(dialog) -> None:
        QGuiApplication.clipboard().setText("\x1b]0;owned\x07")  # copied in another program
        QTest.keyClick(dialog, Key.Key_T, Mod.AltModifier)
        title = QApplication.focusWidget()
        QTest.keyClick(title, Key.Key_A, Mod.ControlModifier)
        QTest.keyClick(title, Key.Key_V, Mod.ControlModifier)
        assert "\x1b" in title.text()
        QTest.keyClick(title, Key.Key_Return)

    asked = modal.answer(paste, modal.key(Key.Key_Escape))
    open_plan_properties(qtbot, window)
    assert len(asked) == 2, "the dialog stayed open after OK"
    assert "plan.title: U+001B ESCAPE" in window.statusBar().currentMessage()
    assert window.document.plan.info["title"] == "Web orders FY2026" and window.document.undo_stack.count() == 0
