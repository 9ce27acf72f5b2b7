#!/usr/bin/env python3
"""Set up and run kpidesk from a checkout: ``python3 dev.py start``, ``test``, ``translations`` or ``package``.

Creates ``.venv`` beside this file, installs kpidesk with its test tools into
it (again only when pyproject.toml changed), checks on Linux that the system
libraries Qt needs are there (installing them with apt-get when run as root),
then starts the program or runs the tests. ``translations`` extracts the
texts of the code into resources/i18n/kpidesk_ja.ts and compiles
kpidesk_ja.qm (tools/translations.py; ``translations --check`` changes nothing).
``package`` builds the program as
a folder in ``dist/`` with PyInstaller, from ``.venv-package`` (kpidesk and
its run-time dependencies only, so no test tool can end up in the bundle);
arguments go to ``packaging/build.py`` (``--archive`` also packs it).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
PACKAGE_VENV = ROOT / ".venv-package"

#: Debian/Ubuntu packages for Qt offscreen and on X11 (see README, "System libraries").
QT_LIBRARIES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libfreetype.so.6": "libfreetype6",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
}
#: Used by tests and by screenshots: a virtual screen, PDF tools and a Japanese font.
TEST_PACKAGES = {"xvfb-run": "xvfb", "xauth": "xauth", "pdftotext": "poppler-utils", "pdftoppm": "poppler-utils"}
JAPANESE_FONT = ("/usr/share/fonts/opentype/ipafont-gothic", "fonts-ipafont-gothic")
#: PyInstaller reads and writes binaries with these on Linux (it stops without objdump).
PACKAGE_TOOLS = {"objdump": "binutils", "objcopy": "binutils"}


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def missing_system_packages(for_tests: bool, for_package: bool = False) -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    try:
        known = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    except OSError:
        known = ""
    missing = {pkg for lib, pkg in QT_LIBRARIES.items() if lib not in known}
    if for_tests:
        missing |= {pkg for tool, pkg in TEST_PACKAGES.items() if shutil.which(tool) is None}
    if for_package:
        missing |= {pkg for tool, pkg in PACKAGE_TOOLS.items() if shutil.which(tool) is None}
    if not Path(JAPANESE_FONT[0]).exists():
        missing.add(JAPANESE_FONT[1])
    return sorted(missing)


def ensure_system_packages(for_tests: bool, for_package: bool = False) -> None:
    missing = missing_system_packages(for_tests, for_package)
    if not missing:
        return
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say(f"installing system libraries for Qt: {' '.join(missing)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(command, check=True, env=env)
    else:
        say("Qt needs these system packages, which are missing: " + " ".join(missing))
        say("install them with: sudo " + " ".join(command))


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts" if os.name == "nt" else "bin") / ("python.exe" if os.name == "nt" else "python")


def ensure_venv(folder: Path = VENV, extra: str = "test", what: str = "its test tools") -> Path:
    """Create ``folder`` and install kpidesk[extra] into it, again whenever pyproject.toml changes."""
    python = venv_python(folder)
    if not python.exists():
        say(f"creating {folder}")
        venv.EnvBuilder(with_pip=True).create(folder)
    stamp = folder / ".kpidesk-installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return python
    say(f"installing kpidesk and {what} into {folder.name}")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[{extra}]"], check=True)
    stamp.write_text(wanted)
    return python


def has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def start(arguments: list[str]) -> int:
    ensure_system_packages(for_tests=False)
    ensure_venv()
    env = dict(os.environ)
    if not has_display() and os.environ.get("QT_QPA_PLATFORM") is None:
        say("no display found: printing the plan instead of opening the window")
        env["KPIDESK_NO_WINDOW"] = "1"
    return subprocess.call([str(PYTHON), "-m", "kpidesk", *arguments], env=env)


def test(arguments: list[str]) -> int:
    ensure_system_packages(for_tests=True)
    ensure_venv()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    lint = ["-m", "ruff", "check", "kpidesk", "tests", "benchmarks", "tools", "packaging", "dev.py"]
    for step in (lint, ["-m", "importlinter.cli"]):
        if step[1] == "importlinter.cli":
            code = subprocess.call([str(BIN / ("lint-imports.exe" if os.name == "nt" else "lint-imports"))],
                                   cwd=ROOT, env=env)
        else:
            code = subprocess.call([str(PYTHON), *step], cwd=ROOT, env=env)
        if code:
            return code
    # which files, and how strictly: pyproject.toml, [tool.mypy]
    say("mypy (strict): kpidesk.model, kpidesk.planfile, kpidesk.storage, kpidesk.i18n")
    code = subprocess.call([str(PYTHON), "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")],
                           cwd=ROOT, env=env)
    if code:
        return code
    return subprocess.call([str(PYTHON), "-m", "pytest", *arguments], cwd=ROOT, env=env)


def translations(arguments: list[str]) -> int:
    ensure_venv()
    return subprocess.call([str(PYTHON), str(ROOT / "tools" / "translations.py"), *arguments], cwd=ROOT)


def package(arguments: list[str]) -> int:
    ensure_system_packages(for_tests=False, for_package=True)  # PyInstaller's Qt hooks load Qt
    python = ensure_venv(PACKAGE_VENV, "package", "PyInstaller")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.call([str(python), str(ROOT / "packaging" / "build.py"), *arguments], cwd=ROOT, env=env)


def main() -> int:
    commands = {"start": start, "test": test, "translations": translations, "package": package}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
