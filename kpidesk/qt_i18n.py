"""Qt's side of :mod:`kpidesk.i18n`: the translators and the default locale for a language.

The window and ``kpidesk export`` both call :func:`install`, so a printout
and an exported PDF speak the window's language. Only QtCore is needed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kpidesk import i18n, paths


def qt_translations_folder() -> str:
    """Where Qt keeps its own translations (``qtbase_ja.qm``): inside the PySide6 wheel or the bundle."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def match_locale(lang: str) -> None:
    """Make Qt's default locale speak ``lang`` where the system's does not (``--lang ja`` on an English
    system), so that Qt's dialogs, dates and number formats agree with the translated text."""
    system = QLocale.system().language()
    if lang == i18n.JAPANESE and system != QLocale.Language.Japanese:
        QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    elif lang == i18n.ENGLISH and system not in (QLocale.Language.English, QLocale.Language.C):
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install kpidesk's translation and Qt's own (``qtbase_<lang>``: buttons, file dialogs) for ``lang``.

    Returns the translators installed (keep them alive). ``qtbase`` and not ``qt``: ``qt_ja.qm``
    is a catalogue that loads the modules' files, some of which the PySide6 wheel lacks.
    English needs none: it is the source language.
    """
    match_locale(lang)
    if lang == i18n.ENGLISH:
        return []
    installed = []
    for name, folder in ((f"kpidesk_{lang}", str(paths.resource("i18n"))),
                         (f"qtbase_{lang}", qt_translations_folder())):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


__all__ = ["install", "match_locale", "qt_translations_folder"]
