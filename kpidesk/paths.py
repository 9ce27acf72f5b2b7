"""Where kpidesk's data files are: one function, for a checkout, a wheel and a bundle."""

from __future__ import annotations

import sys
from pathlib import Path

#: The application's id: the name of its desktop entry, AppStream file and icon, its Wayland app id
#: and the prefix of its macOS bundle id and plan type (packaging/ uses the same string).
APP_ID = "io.github.kpidesk.kpidesk"


def resources_dir() -> Path:
    """The ``resources`` folder (inside a PyInstaller bundle: under ``sys._MEIPASS``)."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "resources"] if bundle else []
    here = Path(__file__).resolve().parent
    candidates += [here / "resources", here.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def templates() -> dict[str, Path]:
    """Template name -> file, sorted by name."""
    folder = resource("templates")
    return {path.stem: path for path in sorted(folder.glob("*.toml"))}


def icon_files(name: str = "kpidesk") -> dict[int, Path]:
    """Pixel size -> PNG of an icon in ``resources/icons`` (``kpidesk`` or ``kpidesk-plan``)."""
    found = {}
    for path in resource("icons").glob(f"{name}-*.png"):
        size = path.stem.removeprefix(f"{name}-")
        if size.isdigit():
            found[int(size)] = path
    return dict(sorted(found.items()))
