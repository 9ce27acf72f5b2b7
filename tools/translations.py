#!/usr/bin/env python3
"""Extract, check and compile kpidesk's translations: ``python3 dev.py translations``.

1. ``pyside6-lupdate`` reads every Python file of ``kpidesk/`` and merges the
   texts it finds into ``resources/i18n/kpidesk_ja.ts``: ``self.tr()`` in a
   class (context: the class name), ``QCoreApplication.translate("Ctx", ...)``
   and ``translate("Ctx", ...)``, and ``QT_TRANSLATE_NOOP("Ctx", ...)``, the
   marker the Qt-free modules define under Qt's own name so that lupdate finds
   them. Translations already made are kept; texts no longer in the code are
   dropped (``-no-obsolete``), and no line numbers are written
   (``-locations none``), so an edit elsewhere in a file never touches the .ts
   and parallel branches merge.
2. ``pyside6-lrelease`` compiles it into ``kpidesk_ja.qm``, which the window
   loads. Both files are committed: the .qm ships, and the .ts is also what the
   command line reads (``kpidesk/i18n.py``), without Qt.

``--check`` changes nothing: it runs lupdate into a temporary copy and fails
when a text of the code is missing from the committed .ts, or when an entry
is unfinished. Translate new entries with ``pyside6-linguist`` (or any
editor), then run this again.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("ja",)


def ts_path(lang: str) -> Path:
    return I18N / f"kpidesk_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N / f"kpidesk_{lang}.qm"


def tool(name: str) -> str:
    """A Qt tool from the Python environment that runs this script (pyside6-essentials installs them)."""
    folder = Path(sys.executable).parent
    found = shutil.which(name, path=os.pathsep.join([str(folder), os.environ.get("PATH", "")]))
    if found is None:
        raise SystemExit(f"{name} not found: install pyside6-essentials (python3 dev.py test sets up .venv)")
    return found


def sources() -> list[str]:
    """Every Python file of the kpidesk package, relative to the checkout, in a stable order."""
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "kpidesk").rglob("*.py"))


def lupdate(ts: Path, *, quiet: bool = True) -> str:
    """Merge the code's texts into ``ts`` (created if missing); returns lupdate's report."""
    command = [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-source-language", "en",
               "-target-language", ts.stem.rsplit("_", 1)[1], *sources(), "-ts", str(ts)]
    if quiet:
        command.insert(1, "-silent")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"pyside6-lupdate failed:\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def lrelease(ts: Path, qm: Path) -> str:
    done = subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"pyside6-lrelease failed:\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def entries(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element of every message in ``ts``."""
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{ts}: a message without a <translation>"
            found[(name, message.findtext("source") or "")] = translation
    return found


def missing(lang: str) -> list[tuple[str, str]]:
    """Texts of the code that the committed .ts lacks (lupdate run on a temporary copy)."""
    committed = ts_path(lang)
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / committed.name
        lupdate(fresh)
        return sorted(set(entries(fresh)) - set(entries(committed)))


def unfinished(lang: str) -> list[tuple[str, str]]:
    """Entries of the committed .ts without a finished, non-empty translation."""
    return sorted(key for key, translation in entries(ts_path(lang)).items()
                  if translation.get("type") is not None or not (translation.text or "").strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dev.py translations", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail when a text lacks a translation")
    args = parser.parse_args(argv)
    status = 0
    for lang in LANGUAGES:
        ts, qm = ts_path(lang), qm_path(lang)
        if args.check:
            gaps = missing(lang) + unfinished(lang)
            for context, source in gaps:
                print(f"{ts.relative_to(ROOT)}: untranslated in {context}: {source!r}")
            status |= 1 if gaps else 0
            continue
        I18N.mkdir(parents=True, exist_ok=True)
        print(lupdate(ts, quiet=False).strip())
        lrelease(ts, qm)
        left = unfinished(lang)
        print(f"{qm.relative_to(ROOT)} written; {len(entries(ts))} texts, {len(left)} without a translation")
        for context, source in left:
            print(f"  {context}: {source!r}")
    return status


if __name__ == "__main__":
    sys.exit(main())
