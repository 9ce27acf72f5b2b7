"""The window's identity on the desktop: its icon and the desktop entry it belongs to."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kpidesk import paths
from kpidesk.gui.app import identify


def test_the_application_has_kpidesks_icon_at_every_size_and_its_desktop_entry(qapp: QApplication) -> None:
    identify(qapp)
    assert qapp.desktopFileName() == paths.APP_ID
    icon = qapp.windowIcon()
    assert not icon.isNull()
    assert {16, 24, 32, 48, 64, 128, 256, 512} <= {size.width() for size in icon.availableSizes()}
    small = icon.pixmap(QSize(16, 16)).toImage()
    assert small.pixelColor(8, 8).alpha() == 255  # drawn, not an empty placeholder


def test_icon_files_are_found_by_size_for_the_app_and_the_plan_type() -> None:
    for name in ("kpidesk", "kpidesk-plan"):
        files = paths.icon_files(name)
        assert list(files) == [16, 24, 32, 48, 64, 128, 256, 512]
        assert all(path.name == f"{name}-{size}.png" for size, path in files.items())
