"""Refuse to use a PySide6 that is known to crash this Python, before anything is drawn.

PySide6 6.12.0 on Python 3.11 takes one reference from ``None`` on every call of a
Qt method that returns nothing, and one from ``True`` on every signal ``emit()``: a
few thousand painted items later the interpreter aborts ("none_dealloc: deallocating
None") and unsaved work is lost. Python 3.12 made ``None`` and ``True`` immortal, so
the same PySide6 is harmless there. ``pyproject.toml`` keeps pip from installing the
combination; this check catches environments made another way (an old venv, a
distribution's package, ``pip install --no-deps``) with a message that says what to
do, instead of a crash minutes into the work. It is measured, not only looked up: a
release not yet known to have the bug is caught by the same signature.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable

#: PySide6 releases that lose references on Python before 3.12 (see pyproject.toml).
KNOWN_BAD = frozenset({"6.12.0"})
#: What to run instead; pyproject.toml's markers give the same answer.
REMEDY = ("pip install 'pyside6-essentials" + "".join(f"!={v}" for v in sorted(KNOWN_BAD))
          + "' (python3 dev.py does it), or use Python 3.12 or newer")


class UnsafeQt(ImportError):
    """Raised on importing kpidesk's Qt code where Qt would crash the interpreter."""


def _affected(python: tuple[int, ...]) -> bool:
    """Only CPython before 3.12 counts references of None and True."""
    return tuple(python[:2]) < (3, 12) and platform.python_implementation() == "CPython"


def known_problem(python: tuple[int, ...], pyside: str) -> str | None:
    """The message for a PySide6 release listed as bad on this Python, else None."""
    if not _affected(python) or pyside not in KNOWN_BAD:
        return None
    return (f"PySide6 {pyside} crashes Python {python[0]}.{python[1]} (it loses references to None "
            f"and True while drawing); install another release: {REMEDY}")


def loses_references(call: Callable[[], object], reference: object, times: int = 64) -> bool:
    """True when each ``call()`` takes one reference from ``reference`` (the bug's signature)."""
    before = sys.getrefcount(reference)
    for _ in range(times):
        call()
    return before - sys.getrefcount(reference) >= times // 2


def problem() -> str | None:
    """None when Qt is safe to use here; otherwise why not and what to do (imports QtCore)."""
    if not _affected(sys.version_info):
        return None
    import PySide6
    from PySide6.QtCore import QObject

    version = str(PySide6.__version__)
    known = known_problem(sys.version_info, version)
    if known:
        return known
    probe = QObject()
    if loses_references(lambda: probe.setObjectName("probe"), None):
        return (f"PySide6 {version} loses references to None on Python "
                f"{sys.version_info[0]}.{sys.version_info[1]} and would crash it; {REMEDY}")
    return None


def require() -> None:
    """Raise :class:`UnsafeQt` with :func:`problem`'s message where Qt is unsafe."""
    message = problem()
    if message:
        raise UnsafeQt(message)
