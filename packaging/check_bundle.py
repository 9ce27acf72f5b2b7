#!/usr/bin/env python3
"""Try a built kpidesk bundle as a planner would: ``python3 packaging/check_bundle.py dist/kpidesk``.

Runs the bundled program (no Python of ours involved): its version and templates, a
plan created, calculated and exported to PDF, PNG and CSV without a display, and the
window opened on a plan offscreen until its funnel graph is drawn. On Linux it also
validates the desktop entry and the AppStream metadata, installs the bundle with its
install.sh into a scratch prefix and asks the desktop's MIME database (GIO) that a
``*.kpi.toml`` plan is a kpidesk plan and any other ``.toml`` is not. Standard library
only, so CI runs it with the system's Python. ``--require-tools`` fails where a
validator is missing instead of skipping that check (CI installs them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

APP_ID = "io.github.kpidesk.kpidesk"
PLAN_TYPE = "application/x-kpidesk-plan"


class Checker:
    """Runs the checks, prints one line each, and remembers failures."""

    def __init__(self, bundle: Path, require_tools: bool) -> None:
        self.bundle = bundle
        self.require_tools = require_tools
        self.failures: list[str] = []
        self.program = bundle / ("kpidesk-cli.exe" if os.name == "nt" else "kpidesk")
        if sys.platform == "darwin" and bundle.suffix == ".app":
            self.program = bundle / "Contents" / "MacOS" / "kpidesk"

    def ok(self, what: str) -> None:
        print(f"ok    {what}", flush=True)

    def fail(self, what: str) -> None:
        print(f"FAIL  {what}", flush=True)
        self.failures.append(what)

    def tool(self, name: str) -> str | None:
        """The tool's path, or None (a failure with --require-tools, else a skip)."""
        found = shutil.which(name)
        if found is None and self.require_tools:
            self.fail(f"{name} not installed")
        elif found is None:
            print(f"skip  {name} not installed", flush=True)
        return found

    def run(self, *args: str | Path, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env, timeout=timeout,
                              check=False)

    def headless_env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
        env.update(KPIDESK_SETTINGS_ISOLATED="1", **extra)
        return env

    # ---- the program ------------------------------------------------------------------
    def program_runs(self, work: Path) -> Path | None:
        started = time.perf_counter()
        result = self.run(self.program, "--version", env=self.headless_env())
        seconds = time.perf_counter() - started
        if result.returncode == 0 and result.stdout.startswith("kpidesk "):
            self.ok(f"{self.program.name} --version: {result.stdout.strip()} ({seconds * 1000:.0f} ms)")
        else:
            self.fail(f"--version: exit {result.returncode}: {result.stderr.strip()[-500:]}")
            return None
        result = self.run(self.program, "templates", env=self.headless_env())
        if result.returncode == 0 and "btob-web" in result.stdout:
            self.ok("templates are bundled: " + ", ".join(line.split()[0] for line in result.stdout.splitlines()))
        else:
            self.fail(f"templates: {result.stdout}{result.stderr}")
        plan = work / "budget.kpi.toml"
        result = self.run(self.program, "new", "--template", "btob-web", plan, env=self.headless_env())
        calc = self.run(self.program, "calc", plan, env=self.headless_env())
        if result.returncode == 0 and calc.returncode == 0 and "Web orders" in calc.stdout:
            self.ok("new and calc: a plan made from a bundled template")
        else:
            self.fail(f"new/calc: {result.stderr}{calc.stdout[-300:]}{calc.stderr}")
            return None
        return plan

    def export_works(self, plan: Path, work: Path) -> None:
        outputs = {suffix: work / f"out.{suffix}" for suffix in ("pdf", "png", "csv")}
        started = time.perf_counter()
        result = self.run(self.program, "export", plan, "--pdf", outputs["pdf"], "--png", outputs["png"],
                          "--csv", outputs["csv"], env=self.headless_env())
        seconds = time.perf_counter() - started
        pdf = outputs["pdf"].read_bytes() if outputs["pdf"].exists() else b""
        png = outputs["png"].read_bytes()[:8] if outputs["png"].exists() else b""
        if result.returncode == 0 and pdf.startswith(b"%PDF") and png == b"\x89PNG\r\n\x1a\n":
            self.ok(f"export without a display: PDF {len(pdf):,} bytes, PNG, CSV ({seconds * 1000:.0f} ms)")
        else:
            self.fail(f"export: exit {result.returncode}: {result.stderr.strip()[-800:]}")
            return
        if self.tool("pdftotext"):
            text = self.run("pdftotext", outputs["pdf"], "-").stdout
            if "Web orders" in text:
                self.ok("the PDF has the plan's text")
            else:
                self.fail(f"the PDF lacks the plan's text: {text[:200]!r}")

    def window_opens(self, plan: Path) -> None:
        env = self.headless_env(QT_QPA_PLATFORM="offscreen", KPIDESK_EXIT_AFTER_PAINT="funnel")
        started = time.perf_counter()
        result = self.run(self.program, plan, env=env)
        seconds = time.perf_counter() - started
        if result.returncode == 0 and "kpidesk-painted" in result.stdout:
            self.ok(f"the window opens the plan and draws its funnel offscreen ({seconds * 1000:.0f} ms to exit)")
        else:
            self.fail(f"window: exit {result.returncode}: {result.stdout[-300:]}{result.stderr.strip()[-800:]}")

    # ---- Linux desktop integration ----------------------------------------------------------
    def desktop_files_valid(self) -> None:
        share = self.bundle / "share"
        desktop = share / "applications" / f"{APP_ID}.desktop"
        metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
        for path in (desktop, metainfo, share / "mime" / "packages" / f"{APP_ID}.xml",
                     share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png",
                     share / "icons" / "hicolor" / "48x48" / "mimetypes" / f"{PLAN_TYPE.replace('/', '-')}.png"):
            if not path.is_file():
                self.fail(f"missing {path.relative_to(self.bundle)}")
        if self.tool("desktop-file-validate"):
            result = self.run("desktop-file-validate", desktop)
            if result.returncode == 0 and not result.stdout.strip():
                self.ok("desktop-file-validate: the desktop entry")
            else:
                self.fail(f"desktop-file-validate: {result.stdout}{result.stderr}")
        if self.tool("appstreamcli"):
            result = self.run("appstreamcli", "validate", "--no-net", metainfo)
            if result.returncode == 0:
                self.ok("appstreamcli validate --no-net: the metainfo")
            else:
                self.fail(f"appstreamcli: {result.stdout}{result.stderr}")

    def installs_and_owns_plans(self, work: Path) -> None:
        prefix = work / "prefix"
        env = dict(os.environ, HOME=str(work / "home"))
        result = self.run("sh", self.bundle / "install.sh", "--prefix", prefix, env=env)
        installed = prefix / "bin" / "kpidesk"
        if result.returncode != 0 or not installed.exists():
            self.fail(f"install.sh: exit {result.returncode}: {result.stdout}{result.stderr}")
            return
        version = self.run(installed, "--version", env=self.headless_env())
        desktop = prefix / "share" / "applications" / f"{APP_ID}.desktop"
        exec_line = next((line for line in desktop.read_text().splitlines() if line.startswith("Exec=")), "")
        if version.returncode == 0 and exec_line == f"Exec={installed} %f":
            self.ok(f"install.sh --prefix: the command runs through its link; {exec_line}")
        else:
            self.fail(f"installed program: {version.stderr.strip()[-300:]} {exec_line!r}")
        if not (prefix / "share" / "mime" / "mime.cache").exists():
            if self.tool("update-mime-database"):
                self.fail("install.sh did not build the MIME cache")
            return
        if self.tool("gio"):
            files = {"budget.kpi.toml": PLAN_TYPE, "pyproject.toml": "application/toml"}
            (work / "pyproject.toml").write_text('[project]\nname = "x"\n')
            gio_env = dict(os.environ, XDG_DATA_HOME=str(prefix / "share"))
            for name, expected in files.items():
                answer = self.run("gio", "info", "-a", "standard::content-type", work / name, env=gio_env).stdout
                if f"standard::content-type: {expected}" in answer:
                    self.ok(f"the MIME database says {name} is {expected}")
                else:
                    self.fail(f"{name}: expected {expected}, got {answer.strip()!r}")
        result = self.run("sh", self.bundle / "install.sh", "--uninstall", "--prefix", prefix, env=env)
        left = [p for p in (prefix / "lib" / "kpidesk", installed, desktop) if p.exists() or p.is_symlink()]
        if result.returncode == 0 and not left:
            self.ok("install.sh --uninstall removes it again")
        else:
            self.fail(f"uninstall left {left}: {result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, nargs="?", default=Path("dist") / "kpidesk")
    parser.add_argument("--require-tools", action="store_true",
                        help="fail when desktop-file-validate, appstreamcli, gio or pdftotext is missing")
    args = parser.parse_args(argv)
    checker = Checker(args.bundle.resolve(), args.require_tools)
    if not checker.program.exists():
        print(f"no program at {checker.program}: build it with python3 dev.py package", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kpidesk-bundle-") as scratch:
        work = Path(scratch)
        plan = checker.program_runs(work)
        if plan is not None:
            checker.export_works(plan, work)
            checker.window_opens(plan)
        if sys.platform.startswith("linux"):
            checker.desktop_files_valid()
            checker.installs_and_owns_plans(work)
    if checker.failures:
        print(f"{len(checker.failures)} check(s) failed", file=sys.stderr)
        return 1
    print("the bundle works")
    return 0


if __name__ == "__main__":
    sys.exit(main())
