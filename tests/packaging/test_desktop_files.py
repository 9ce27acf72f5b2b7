"""The files that make plans open in kpidesk: Linux desktop entry, AppStream, MIME type, install.sh,
the macOS document types and the Windows installer; one id and one plan type everywhere."""

from __future__ import annotations

import configparser
import importlib.util
import os
import plistlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kpidesk import __version__
from kpidesk.paths import APP_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
PLAN_TYPE = "application/x-kpidesk-plan"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
PLAN = (ROOT / "resources" / "templates" / "btob-web.toml").read_text(encoding="utf-8")
needs = {tool: pytest.mark.skipif(shutil.which(tool) is None, reason=f"{tool} not installed")
         for tool in ("desktop-file-validate", "appstreamcli", "update-mime-database", "gio")}


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_the_desktop_entry_starts_kpidesk_on_a_plan_with_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Exec"] == "kpidesk %f"
    assert entry["Icon"] == APP_ID  # a name in the icon theme: no path, no extension
    assert PLAN_TYPE in entry["MimeType"].split(";")
    assert "application/toml" not in entry["MimeType"]  # never a candidate default for every .toml


@needs["desktop-file-validate"]
def test_the_desktop_entry_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], capture_output=True,
                            text=True)
    assert result.returncode == 0 and not result.stdout, result.stdout


def test_the_appstream_metadata_names_the_same_id_launcher_type_and_version() -> None:
    component = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    assert component.findtext("provides/mediatype") == PLAN_TYPE
    assert component.findtext("provides/binary") == "kpidesk"
    assert component.find("releases/release").get("version") == __version__


@needs["appstreamcli"]
def test_the_appstream_metadata_validates() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_plan_type_claims_kpi_toml_and_sniffs_below_other_types() -> None:
    mime = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot().find("m:mime-type", MIME_NS)
    assert mime.get("type") == PLAN_TYPE
    globs = mime.findall("m:glob", MIME_NS)
    assert [g.get("pattern") for g in globs] == ["*.kpi.toml"]
    assert all(int(g.get("weight", "50")) <= 50 for g in globs)  # longer than *.toml, not heavier
    assert int(mime.find("m:magic", MIME_NS).get("priority")) < 50
    assert "application/toml" in [s.get("type") for s in mime.findall("m:sub-class-of", MIME_NS)]
    assert mime.find("m:icon", MIME_NS).get("name") == PLAN_TYPE.replace("/", "-")


MIME_PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QMimeDatabase
app = QCoreApplication([])
database = QMimeDatabase()
for path in sys.argv[1:]:
    print(database.mimeTypeForFile(path).name())
"""


@pytest.fixture(scope="module")
def mime_home(tmp_path_factory) -> Path:
    """An XDG data folder with kpidesk's MIME type installed, as install.sh does it."""
    if shutil.which("update-mime-database") is None:
        pytest.skip("update-mime-database not installed")
    home = tmp_path_factory.mktemp("share")
    (home / "mime" / "packages").mkdir(parents=True)
    shutil.copyfile(LINUX / f"{APP_ID}.mime.xml", home / "mime" / "packages" / f"{APP_ID}.xml")
    subprocess.run(["update-mime-database", str(home / "mime")], check=True, capture_output=True)
    return home


#: file name, contents -> the type a desktop must see
CASES = {
    "budget.kpi.toml": (PLAN, PLAN_TYPE),
    "budget": (PLAN, PLAN_TYPE),  # no extension: the content decides
    "budget.toml": (PLAN, "application/toml"),  # any other .toml stays with the TOML editors
    "pyproject.toml": ('[project]\nname = "x"\nformat_version = "1"\n', "application/toml"),
    "settings": ('format_version = "2"\n[server]\nport = 1\n', "text/plain"),  # no [[metric]]: not a plan
}


def _files(folder: Path) -> list[Path]:
    paths = []
    for name, (text, _) in CASES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def test_qt_sees_plans_by_name_and_content_and_leaves_other_toml_alone(mime_home, tmp_path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(mime_home), XDG_DATA_DIRS="/usr/local/share:/usr/share")
    result = subprocess.run([sys.executable, "-c", MIME_PROBE, *map(str, _files(tmp_path))], env=env,
                            capture_output=True, text=True, timeout=60, check=True)
    assert dict(zip(CASES, result.stdout.split(), strict=True)) == {name: want for name, (_, want) in CASES.items()}


@needs["gio"]
def test_gio_agrees(mime_home, tmp_path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(mime_home))
    seen = {}
    for path in _files(tmp_path):
        answer = subprocess.run(["gio", "info", "-a", "standard::content-type", str(path)], env=env,
                                capture_output=True, text=True, check=True).stdout
        seen[path.name] = answer.rsplit(":", 1)[-1].strip()
    assert seen == {name: want for name, (_, want) in CASES.items()}


# ---- the bundle's share/ and install.sh ---------------------------------------------------------
def _build_module():
    spec = importlib.util.spec_from_file_location("kpidesk_build", PACKAGING / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fake_bundle(tmp_path) -> Path:
    """A bundle folder as build.py leaves it, with a stand-in program (no PyInstaller needed)."""
    bundle = tmp_path / "dist" / "kpidesk"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "kpidesk"
    program.write_text('#!/bin/sh\necho "kpidesk 0.1.0 $*"\n')
    program.chmod(0o755)
    _build_module().add_linux_desktop_files(bundle)
    return bundle


def test_the_bundle_carries_the_desktop_files_and_icons_in_the_freedesktop_layout(fake_bundle) -> None:
    share = fake_bundle / "share"
    assert (share / "applications" / f"{APP_ID}.desktop").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "mimetypes" / "application-x-kpidesk-plan.png"
                ).is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert os.access(fake_bundle / "install.sh", os.X_OK)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="install.sh is for Linux")
def test_install_sh_installs_links_and_removes_again(fake_bundle, tmp_path) -> None:
    prefix = tmp_path / "my prefix"  # a space in the path, as in a home folder that has one
    env = dict(os.environ, HOME=str(tmp_path))
    subprocess.run(["sh", str(fake_bundle / "install.sh"), "--prefix", str(prefix)], env=env, check=True,
                   capture_output=True)
    command = prefix / "bin" / "kpidesk"
    assert subprocess.run([str(command), "--version"], capture_output=True, text=True).stdout.startswith("kpidesk")
    desktop = (prefix / "share" / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{command}" %f' in desktop.splitlines()  # the desktop's PATH may lack prefix/bin
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    if shutil.which("update-mime-database"):
        assert PLAN_TYPE in (prefix / "share" / "mime" / "types").read_text()
    subprocess.run(["sh", str(fake_bundle / "install.sh"), "--uninstall", "--prefix", str(prefix)], env=env,
                   check=True, capture_output=True)
    assert not command.exists() and not command.is_symlink()
    assert not (prefix / "lib" / "kpidesk").exists()
    assert not list((prefix / "share").rglob(f"{APP_ID}*"))


# ---- macOS and Windows ----------------------------------------------------------------------
def test_the_mac_document_types_name_a_declared_type_and_leave_toml_to_other_editors() -> None:
    with open(PACKAGING / "macos" / "document-types.plist", "rb") as file:
        info = plistlib.load(file)
    exported = {t["UTTypeIdentifier"]: t for t in info["UTExportedTypeDeclarations"]}
    assert f"{APP_ID}.plan" in exported
    assert exported[f"{APP_ID}.plan"]["UTTypeTagSpecification"]["public.mime-type"] == [PLAN_TYPE]
    ranks = {}
    for document in info["CFBundleDocumentTypes"]:
        for uti in document.get("LSItemContentTypes", []):
            assert uti in exported
        for extension in document.get("CFBundleTypeExtensions", []):
            ranks[extension] = document["LSHandlerRank"]
        assert (ROOT / "resources" / "icons" / document["CFBundleTypeIconFile"]).is_file()
    assert ranks == {"toml": "Alternate"}


def test_the_windows_installer_registers_the_plan_type_without_taking_toml() -> None:
    script = (PACKAGING / "windows" / "kpidesk.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{__version__}"' in script
    assert f'#define AppId "{APP_ID}"' in script
    assert r'Subkey: "Software\Classes\.toml\OpenWithProgids"; ValueType: none; ValueName: "{#ProgId}"' in script
    # the .toml default only as a task the planner can untick, ticked only where no program has .toml
    toml_default = r'Root: HKA; Subkey: "Software\Classes\.toml";'
    default = next(line for line in script.splitlines() if line.startswith(toml_default))
    assert re.search(r"Tasks: \w+ or \w+$", default)
    assert "Check: TomlIsUnclaimed" in script
    for source in re.findall(r'^Source: "\.\.\\\.\.\\([^"]+)"', script, re.M):
        assert (ROOT / source.replace("\\", "/")).is_file()
