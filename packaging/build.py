#!/usr/bin/env python3
"""Build kpidesk as a one-folder program in ``dist/``: ``python3 dev.py package`` runs this.

Runs PyInstaller on ``packaging/kpidesk.spec`` (the program, its data files and, on macOS,
``kpidesk.app`` with its document types), then on Linux adds what a desktop needs to show
and open kpidesk: ``share/`` (desktop entry, AppStream metadata, the plan MIME type, icons
in the hicolor theme) and ``install.sh``. Needs PyInstaller in the running Python (dev.py
uses ``.venv-package``). ``--archive`` also packs the folder for handing out.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
sys.path.insert(0, str(ROOT))

from kpidesk import __version__  # noqa: E402
from kpidesk.paths import APP_ID  # noqa: E402

PLAN_TYPE = "application/x-kpidesk-plan"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def run_pyinstaller(dist: Path, work: Path) -> None:
    """PyInstaller in a child process: its log stays readable and a failure is an exit status."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(PACKAGING / "kpidesk.spec")]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    subprocess.run(command, check=True, cwd=ROOT, env=env)


def add_linux_desktop_files(bundle: Path) -> None:
    """``share/`` in the freedesktop layout, so install.sh (or a packager) copies it as it is."""
    share = bundle / "share"
    if share.exists():
        shutil.rmtree(share)
    linux = PACKAGING / "linux"
    placed = {
        share / "applications" / f"{APP_ID}.desktop": linux / f"{APP_ID}.desktop",
        share / "metainfo" / f"{APP_ID}.metainfo.xml": linux / f"{APP_ID}.metainfo.xml",
        share / "mime" / "packages" / f"{APP_ID}.xml": linux / f"{APP_ID}.mime.xml",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": ICONS / "kpidesk.svg",
        share / "icons" / "hicolor" / "scalable" / "mimetypes" / f"{PLAN_TYPE.replace('/', '-')}.svg":
            ICONS / "kpidesk-plan.svg",
    }
    for size in ICON_SIZES:
        theme = share / "icons" / "hicolor" / f"{size}x{size}"
        placed[theme / "apps" / f"{APP_ID}.png"] = ICONS / f"kpidesk-{size}.png"
        placed[theme / "mimetypes" / f"{PLAN_TYPE.replace('/', '-')}.png"] = ICONS / f"kpidesk-plan-{size}.png"
    for target, source in placed.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    installer = bundle / "install.sh"
    shutil.copyfile(linux / "install.sh", installer)
    installer.chmod(0o755)


def archive(dist: Path, bundle: Path) -> Path:
    """``kpidesk-VERSION-PLATFORM.tar.gz`` (a .zip on Windows) beside the folder."""
    machine = platform.machine().lower() or "unknown"
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    name = f"kpidesk-{__version__}-{system}-{machine}"
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(dist / name), "zip", dist, bundle.name))
    target = dist / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the program goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    parser.add_argument("--archive", action="store_true", help="also pack the folder (.tar.gz; .zip on Windows)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    run_pyinstaller(args.dist, args.work)
    bundle = args.dist / "kpidesk"
    if sys.platform.startswith("linux"):
        add_linux_desktop_files(bundle)
    seconds = time.monotonic() - started
    shown = args.dist / "kpidesk.app" if sys.platform == "darwin" else bundle
    print(f"[package] {shown}: {folder_size(shown) / 1e6:.0f} MB, built in {seconds:.0f} s")
    if args.archive:
        packed = archive(args.dist, shown)
        print(f"[package] {packed}: {packed.stat().st_size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
