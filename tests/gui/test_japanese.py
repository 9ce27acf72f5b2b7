"""The window in Japanese (LANGUAGE=ja): kpidesk's and Qt's translations, the Japanese sample, Preferences."""

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFontInfo, QPageSize

from kpidesk import i18n
from kpidesk.gui import preferences
from kpidesk.gui.app import use_language_font
from kpidesk.gui.document import SAMPLE_TEMPLATE
from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.settings import settings
from kpidesk.gui.tree_model import Column
from kpidesk.model import display
from kpidesk.render.text import MONOSPACED_JAPANESE


@pytest.fixture
def window(japanese, qtbot):
    win = MainWindow()
    win.document.new(SAMPLE_TEMPLATE)
    qtbot.addWidget(win, before_close_func=lambda w: setattr(w.files, "maybe_save", lambda: True))
    win.show()
    return win


def test_load_translations_installs_kpidesk_and_qtbase(japanese):
    assert len(japanese) == 2
    assert QCoreApplication.translate("MainWindow", "&File") == "ファイル(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"  # qtbase_ja: Qt's own buttons
    assert QCoreApplication.translate("QPrintPreviewDialog", "Page Setup") == "ページ設定"
    assert QLocale().language() == QLocale.Language.Japanese
    assert i18n.current() == "ja"


def test_the_window_speaks_japanese_with_the_japanese_sample(window):
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["ファイル(&F)", "編集(&E)", "表示(&V)", "ヘルプ(&H)"]
    assert window.document.plan.info["title"] == "Web経由の受注数 2026年度"
    model = window.model
    headers = [model.headerData(c, QtHorizontal()) for c in (Column.NAME, Column.TARGET, Column.FORECAST, Column.GAP)]
    assert headers == ["指標", "目標", "予測", "差異"]
    assert window.consistency.text().startswith("整合: Web経由の受注数の予測 20")
    assert window.finding_count.text() == "指摘なし"
    edit_menu = [action.text() for action in window.edit_menu.actions() if action.text()]
    assert edit_menu[:2] == ["元に戻す(&U)", "やり直す(&R)"] and edit_menu[-1] == "設定(&F)..."


def QtHorizontal():  # noqa: N802 - reads as the enum it returns
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_refusals_are_in_japanese(window):
    refused = []
    window.document.editRefused.connect(refused.append)
    assert not window.document.set_rate("leads", "abc")
    assert refused and refused[0].startswith("見込み顧客の獲得数、") and "は数値ではありません" in refused[0]


def test_preferences_amounts_in_man_oku_autosave_and_paper(window):
    sales = window.document.plan.metrics["sales"]
    assert window.model.text(sales, Column.TARGET) == "1,000,000,000"
    dialog = preferences.PreferencesDialog(window)
    assert dialog.windowTitle() == "設定"
    dialog.numbers.setCurrentIndex(dialog.numbers.findData(display.COMPACT))
    dialog.autosave.setValue(30)
    dialog.paper.setCurrentIndex(dialog.paper.findData("A3"))
    preferences.apply(window, dialog.values())
    assert window.model.text(sales, Column.TARGET) == "10億"
    assert window.model.text(window.document.plan.metrics["visits"], Column.TARGET) == "1,600"
    assert window.guard.autosave_delay == 30_000
    assert window.print_actions.printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A3
    assert preferences.number_style() == display.COMPACT and preferences.paper() == "A3"


def test_language_preference_comes_after_the_option(japanese, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    assert preferences.window_language() == "en"
    settings().setValue(preferences.LANGUAGE_KEY, "ja")
    assert preferences.window_language() == "ja"
    i18n.set_language("en")  # kpidesk --lang en
    assert preferences.window_language() == "en"


def test_the_window_font_is_a_proportional_japanese_one(japanese, qapp):
    before = qapp.font()
    try:
        use_language_font(qapp)
        font = qapp.font()
        assert font.families()[0] not in MONOSPACED_JAPANESE
        if "IPAPGothic" in font.families():
            assert QFontInfo(font).family() == "IPAPGothic" and not QFontInfo(font).fixedPitch()
    finally:
        qapp.setFont(before)
