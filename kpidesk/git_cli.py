"""Plans in git: ``kpidesk git-setup``, ``kpidesk textconv FILE`` and ``kpidesk merge-driver``.

``git-setup`` tells git to show plan files through ``textconv`` (one line per
metric field, so a hunk always names its metric) and to merge them with
``merge-driver`` (by metric id and field: changes to different fields never
conflict, whatever lines they sit on). The attribute pattern is ``*.toml`` by
default, because plans are named ``*.toml``; TOML files that are not plans
(``pyproject.toml``) go through the same commands, which then do what git does
without them: ``textconv`` prints the file as it is, ``merge-driver`` hands the
merge to ``git merge-file``. ``--pattern`` chooses another (``*.kpi.toml``).

Git keeps drivers in its configuration, not in the repository: each clone runs
``kpidesk git-setup`` (or ``--global`` once per machine), while the
``.gitattributes`` line is committed and shared. Never imports Qt.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from kpidesk.cli_output import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, _error
from kpidesk.i18n import translate
from kpidesk.model.diff_text import conflict_text, listing
from kpidesk.model.merge import merge_into
from kpidesk.model.plan import Plan
from kpidesk.model.reasons import reason_of
from kpidesk.planfile import PlanFile, PlanFileError, load, save

DRIVER = "kpidesk"
DEFAULT_PATTERN = "*.toml"


# ---- git-setup -------------------------------------------------------------------------------------
def kpidesk_command() -> str:
    """This kpidesk, as a shell command git can run: the running Python by its absolute path, so that a
    kpidesk installed in a virtual environment works without activating it."""
    python = Path(sys.executable).absolute().as_posix()  # not resolved: a venv's python is a link; sh runs it
    return f"{shlex.quote(python)} -m kpidesk"


def driver_settings() -> dict[str, str]:
    command = kpidesk_command()
    return {
        f"diff.{DRIVER}.textconv": f"{command} textconv",
        f"merge.{DRIVER}.name": "kpidesk plans, merged by metric and field",
        f"merge.{DRIVER}.driver": f"{command} merge-driver %O %A %B %L %P",
    }


def _git(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


def _global_attributes() -> Path:
    """The attributes file git reads for every repository (``core.attributesFile`` or its default)."""
    configured = _git("config", "--global", "--get", "core.attributesFile").stdout.strip()
    if configured:
        return Path(configured).expanduser()
    xdg = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(xdg) / "git" / "attributes"


def add_attribute(path: Path, line: str) -> bool:
    """Add ``line`` to an attributes file unless a line with the same words is there; whether it added it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    if any(existing.split() == line.split() for existing in text.splitlines()):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    separator = "" if not text or text.endswith("\n") else "\n"
    with path.open("a", encoding="utf-8", newline="\n") as file:
        file.write(f"{separator}{line}\n")
    return True


def setup_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="kpidesk git-setup",
        description="Register kpidesk as git's diff (textconv) and merge driver for plan files, and add the "
                    "attribute line that routes plans to them. Running it again changes nothing.")
    parser.add_argument("--global", dest="everywhere", action="store_true",
                        help="configure git for every repository of this user (git config --global); outside a "
                             "repository the attribute line goes to git's global attributes file")
    parser.add_argument("--pattern", default=DEFAULT_PATTERN,
                        help=f"the files that are plans (default {DEFAULT_PATTERN}; non-plan TOML files that match "
                             "are diffed and merged as git would)")
    args = parser.parse_args(argv)
    if shutil.which("git") is None:
        _error(translate("Cli", "git is not installed (or not on PATH)"))
        return EXIT_UNREADABLE
    top = _git("rev-parse", "--show-toplevel")
    root = Path(top.stdout.strip()) if top.returncode == 0 and top.stdout.strip() else None
    if root is None and not args.everywhere:
        _error(translate("Cli", "not inside a git work tree: run it in the repository, or use --global"))
        return EXIT_UNREADABLE
    scope = ["--global"] if args.everywhere else []
    for key, value in driver_settings().items():
        current = _git("config", *scope, "--get", key)
        if current.returncode == 0 and current.stdout.rstrip("\n") == value:
            print(translate("Cli", "unchanged: {0}").format(
                f"git config {' '.join(scope + [key])} {shlex.quote(value)}"))
            continue
        done = _git("config", *scope, key, value)
        if done.returncode != 0:
            _error(translate("Cli", "{0} failed: {1}").format(f"git config {key}", done.stderr.strip()))
            return EXIT_UNREADABLE
        print(translate("Cli", "set: {0}").format(f"git config {' '.join(scope + [key])} {shlex.quote(value)}"))
    attributes = root / ".gitattributes" if root is not None else _global_attributes()
    line = f"{args.pattern} diff={DRIVER} merge={DRIVER}"
    try:
        added = add_attribute(attributes, line)
    except OSError as exc:
        _error(translate("Cli", "cannot write {0}: {1}").format(attributes, exc.strerror or exc))
        return EXIT_UNREADABLE
    print((translate("Cli", "added to {0}: {1}") if added else translate("Cli", "unchanged: {0}: {1}")).format(
        attributes, line))
    if root is not None and added:
        print(translate("Cli", "commit .gitattributes, so that every clone routes plans to kpidesk; each clone still "
                               "runs `kpidesk git-setup` once (git does not copy drivers)"))
    return EXIT_OK


# ---- textconv -------------------------------------------------------------------------------------
def textconv_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="kpidesk textconv",
        description="Print a plan as one line per metric field (ID.FIELD = VALUE), in tree order, for git diff; "
                    "a file that is not a plan is printed as it is.")
    parser.add_argument("file")
    args = parser.parse_args(argv)
    try:
        plan_file = load(args.file)
    except PlanFileError:
        try:
            data = Path(args.file).read_bytes()
        except OSError as exc:
            _error(translate("Cli", "cannot read {0}: {1}").format(args.file, exc.strerror or exc))
            return EXIT_UNREADABLE
        sys.stdout.buffer.write(data)  # not a plan (or not one yet): git shows its lines
        return EXIT_OK
    for line in listing(plan_file.plan):
        print(line)
    return EXIT_OK


# ---- merge-driver -----------------------------------------------------------------------------------
def _read(path: str, empty_ok: bool) -> PlanFile | None:
    """A side of the merge as a plan; None when it is no plan. An empty base (both sides added the file)
    is an empty plan."""
    try:
        if empty_ok and Path(path).read_bytes().strip() == b"":
            return PlanFile(Plan(), "")
        return load(path)
    except (PlanFileError, OSError):
        return None


def merge_file(base: str, ours: str, theirs: str, marker_size: str) -> int:
    """Git's own line merge into ``ours`` (for files that are not plans); its exit status."""
    command = ["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", f"--marker-size={marker_size}"]
    style = _git("config", "--get", "merge.conflictStyle").stdout.strip()
    if style in ("diff3", "zdiff3"):
        command.append(f"--{style}")
    try:
        return subprocess.run([*command, ours, base, theirs], check=False).returncode
    except OSError as exc:
        _error(translate("Cli", "cannot run git merge-file: {0}").format(exc.strerror or exc))
        return EXIT_UNREADABLE


def merge_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="kpidesk merge-driver",
        description="git's merge driver for plans: merge THEIRS into OURS by metric id and field. Exit 0 when "
                    "clean, 1 with conflicts (listed on stderr; OURS keeps our values there and stays a valid "
                    "plan). A file that is not a plan is merged by git merge-file.")
    parser.add_argument("base", help="%%O: the common ancestor")
    parser.add_argument("ours", help="%%A: our version; the result is written here")
    parser.add_argument("theirs", help="%%B: their version")
    parser.add_argument("marker_size", nargs="?", default="7", help="%%L: conflict marker size")
    parser.add_argument("path", nargs="?", default="", help="%%P: the file's path in the repository")
    args = parser.parse_args(argv)
    name = args.path or args.ours
    base, ours, theirs = _read(args.base, True), _read(args.ours, False), _read(args.theirs, False)
    if base is None or ours is None or theirs is None:
        return merge_file(args.base, args.ours, args.theirs, args.marker_size)
    try:
        result = merge_into(base.plan, ours.plan, theirs.plan)
    except Exception as exc:  # noqa: BLE001 - a fault of ours must not cost the planner the merge
        _error(translate("Cli", "{0}: the plan merge failed ({1}); merging its lines instead").format(
            name, f"{type(exc).__name__}: {exc}"))
        return merge_file(args.base, args.ours, args.theirs, args.marker_size)
    try:
        save(ours, backup=False)  # git's temporary copy of ours: no backup beside it
    except OSError as exc:
        _error(translate("Cli", "{0}: cannot write the merged plan: {1}").format(name, reason_of(exc).text(translate)))
        return EXIT_UNREADABLE
    for conflict in result.conflicts:
        print(translate("Cli", "{0}: conflict: {1}").format(
            name, conflict_text(conflict, base.plan, ours.plan, theirs.plan, translate)), file=sys.stderr)
    if result.conflicts:
        print(translate("Cli", "{0}: {1} conflict(s); the file keeps our values there: set the values agreed, "
                               "then git add it (theirs: {2})").format(
            name, len(result.conflicts), f"git show :3:{name}"), file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(setup_main(sys.argv[1:]))
