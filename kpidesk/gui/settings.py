"""Where the window keeps its geometry and choices (QSettings, isolated for tests)."""

from __future__ import annotations

import os
import tempfile

from PySide6.QtCore import QSettings

ORGANIZATION = "kpidesk"
APPLICATION = "kpidesk"
_isolated_dir: str | None = None


def settings() -> QSettings:
    """The user's settings, or a throw-away ini file when KPIDESK_SETTINGS_ISOLATED is set.

    Tests set the variable so that they never read or change a planner's settings.
    """
    global _isolated_dir
    if os.environ.get("KPIDESK_SETTINGS_ISOLATED"):
        if _isolated_dir is None:
            _isolated_dir = tempfile.mkdtemp(prefix="kpidesk-settings-")
        return QSettings(os.path.join(_isolated_dir, "kpidesk.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)
