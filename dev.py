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
``mutate [PATH...] [--tests TEST...] [--deselect TEST...]`` runs mutmut
(pyproject.toml, [tool.mutmut]) on the named files or folders (default:
kpidesk/model, kpidesk/planfile and kpidesk/storage) against tests/<package>
of each (less the tests deselected), in a copy under build/mutmut, and prints
the kill ratio per package.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
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
    return subprocess.call([str(PYTHON), "-m", "pytest", *parallel(arguments), *arguments], cwd=ROOT, env=env)


def parallel(arguments: list[str]) -> list[str]:
    """pytest-xdist's ``-n auto`` (a worker per core; the suite is about half the time on two),
    unless the command line chooses (``-n 0`` runs in one process, as a debugger needs)."""
    chosen = any(a in ("-n", "--numprocesses", "--dist") or a.startswith(("-n", "--numprocesses=", "--dist="))
                 for a in arguments)
    return [] if chosen or "no:xdist" in arguments else ["-n", "auto"]


def translations(arguments: list[str]) -> int:
    ensure_venv()
    return subprocess.call([str(PYTHON), str(ROOT / "tools" / "translations.py"), *arguments], cwd=ROOT)


def package(arguments: list[str]) -> int:
    ensure_system_packages(for_tests=False, for_package=True)  # PyInstaller's Qt hooks load Qt
    python = ensure_venv(PACKAGE_VENV, "package", "PyInstaller")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.call([str(python), str(ROOT / "packaging" / "build.py"), *arguments], cwd=ROOT, env=env)


#: What ``mutate`` mutates when named nothing: the Qt-free packages.
MUTATE_DEFAULT = ["kpidesk/model", "kpidesk/planfile", "kpidesk/storage"]
MUTATE_COPY = ROOT / "build" / "mutmut"
#: mutmut's words for a mutant that a test (or its time limit) caught.
CAUGHT = {"killed", "timeout", "caught by type check"}


def mutation_config(paths: list[str], tests: list[str]) -> str:
    """pyproject.toml with its [tool.mutmut] table narrowed to ``paths``, run against ``tests``."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    config = tomllib.loads(text)["tool"]["mutmut"]
    config["only_mutate"] = [path if path.endswith(".py") else f"{path.rstrip('/')}/*" for path in paths]
    config["pytest_add_cli_args_test_selection"] = tests
    start = text.index("[tool.mutmut]")
    end = text.find("\n[", start)
    table = "[tool.mutmut]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in config.items())
    return text[:start] + table + (text[end:] if end >= 0 else "")


def mutation_tests(paths: list[str]) -> list[str]:
    """tests/<package> for each kpidesk/<package>/... named."""
    tests = []
    for path in paths:
        parts = Path(path).parts
        folder = f"tests/{parts[1]}" if len(parts) > 1 and parts[0] == "kpidesk" else "tests"
        if folder not in tests:
            tests.append(folder)
    return tests


def run_mutation(python: Path, paths: list[str], tests: list[str], children: int) -> int:
    """mutmut on ``paths`` in a fresh copy of the code and tests; the kill ratio per package."""
    shutil.rmtree(MUTATE_COPY, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("kpidesk", "tests", "resources"):
        shutil.copytree(ROOT / folder, MUTATE_COPY / folder, ignore=ignore)
    (MUTATE_COPY / "pyproject.toml").write_text(mutation_config(paths, tests), encoding="utf-8")
    say(f"mutating {', '.join(paths)} against {', '.join(tests)} in {MUTATE_COPY}")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HYPOTHESIS_PROFILE"] = "mutation"  # tests/conftest.py: fixed examples, no shrinking
    code = subprocess.call([str(python), "-m", "mutmut", "run", "--max-children", str(children)],
                           cwd=MUTATE_COPY, env=env)
    listing = subprocess.run([str(python), "-m", "mutmut", "results", "--all", "true"], cwd=MUTATE_COPY, env=env,
                             capture_output=True, text=True, check=False).stdout
    counts: dict[str, dict[str, int]] = {}
    for line in listing.splitlines():
        name, colon, status = line.strip().rpartition(": ")
        if not colon or not name.startswith("kpidesk."):
            continue
        package = ".".join(name.split(".")[:2])
        by_status = counts.setdefault(package, {})
        by_status[status] = by_status.get(status, 0) + 1
    if not counts:
        say("mutmut reported no mutants")
        return code or 1
    heads = ("mutants", "killed", "survived", "no tests", "other", "kill ratio")
    print(f"{'package':<20} " + " ".join(f"{head:>{max(len(head), 7)}}" for head in heads))
    for package, by_status in sorted(counts.items()):
        total = sum(by_status.values())
        killed = sum(n for status, n in by_status.items() if status in CAUGHT)
        survived, untested = by_status.get("survived", 0), by_status.get("no tests", 0)
        other = total - killed - survived - untested
        cells = [str(total), str(killed), str(survived), str(untested), str(other), f"{killed / total:.1%}"]
        row = (f"{cell:>{max(len(head), 7)}}" for cell, head in zip(cells, heads, strict=True))
        print(f"{package:<20} " + " ".join(row))
    say(f"survivors: cd {MUTATE_COPY} && {python.name} -m mutmut show NAME (or: -m mutmut browse)")
    return code


def mutate(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="dev.py mutate", description="Mutation testing with mutmut.")
    parser.add_argument("paths", nargs="*", default=MUTATE_DEFAULT, help="files or folders under kpidesk/")
    parser.add_argument("--tests", nargs="+", help="tests to run (default: tests/<package> of each path)")
    parser.add_argument("--deselect", nargs="+", default=[], metavar="TEST",
                        help="tests (pytest node ids) left out of the selection, e.g. slow property tests")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="mutants tested at once")
    options = parser.parse_args(arguments)
    python = ensure_venv()
    tests = options.tests or mutation_tests(options.paths)
    tests += [argument for test in options.deselect for argument in ("--deselect", test)]
    return run_mutation(python, options.paths, tests, options.jobs)


def main() -> int:
    commands = {"start": start, "test": test, "translations": translations, "package": package, "mutate": mutate}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
