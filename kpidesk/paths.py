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


def templates(language: str | None = None) -> dict[str, Path]:
    """Template name -> file, sorted by name, in ``language`` where it is translated.

    The English templates are ``templates/NAME.toml``; a translation is
    ``templates/LANG/NAME.toml``, with the same ids and numbers. ``language``
    None means the language in effect (:func:`kpidesk.i18n.current`), so the
    window's sample plan and ``kpidesk new`` speak the planner's language.
    """
    if language is None:
        from kpidesk import i18n  # here: kpidesk.i18n imports this module

        language = i18n.current()
    folder = resource("templates")
    found = {path.stem: path for path in sorted(folder.glob("*.toml"))}
    if language != "en":
        for path in sorted((folder / language).glob("*.toml")):
            if path.stem in found:
                found[path.stem] = path
    return found


def template(name: str, language: str | None = None) -> Path | None:
    """A template by name: ``inbound`` in ``language`` (default: the one in effect), or ``ja/inbound`` and
    ``en/inbound`` in the language they name; None when there is no such template."""
    prefix, slash, rest = name.partition("/")
    if slash:
        return templates(prefix).get(rest) if prefix in ("en", "ja") else None
    return templates(language).get(name)


def icon_files(name: str = "kpidesk") -> dict[int, Path]:
    """Pixel size -> PNG of an icon in ``resources/icons`` (``kpidesk`` or ``kpidesk-plan``)."""
    found = {}
    for path in resource("icons").glob(f"{name}-*.png"):
        size = path.stem.removeprefix(f"{name}-")
        if size.isdigit():
            found[int(size)] = path
    return dict(sorted(found.items()))
