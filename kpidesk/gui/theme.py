"""Light and dark looks: Qt's Fusion style with a palette, or the system's choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SYSTEM, LIGHT, DARK = "system", "light", "dark"


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hasattr(hints, "colorScheme") and hints.colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colors = {
        role.Window: "#2b2d30", role.WindowText: "#e6e6e6", role.Base: "#1e1f22", role.AlternateBase: "#26282b",
        role.ToolTipBase: "#3c3f41", role.ToolTipText: "#e6e6e6", role.Text: "#e6e6e6", role.Button: "#3a3d41",
        role.ButtonText: "#e6e6e6", role.BrightText: "#ff6b6b", role.Highlight: "#2f65ca",
        role.HighlightedText: "#ffffff", role.Link: "#6ea8fe", role.PlaceholderText: "#8a8d91",
        role.Mid: "#55585c", role.Dark: "#18191b", role.Light: "#4a4d51", role.Midlight: "#3f4246",
        role.Shadow: "#0d0d0d",
    }
    for color_role, color in colors.items():
        palette.setColor(color_role, QColor(color))
    for color_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(group.Disabled, color_role, QColor("#7a7d81"))
    return palette


def apply(mode: str) -> bool:
    """Apply ``mode`` (system, light or dark) to the application; returns whether it is dark."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    dark = mode == DARK or (mode == SYSTEM and system_is_dark())
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    return dark
