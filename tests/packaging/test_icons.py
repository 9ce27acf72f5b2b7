"""The generated icons: every size there, the containers readable, and up to date with their SVGs."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_icons = _make_icons()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("name", make_icons.NAMES)
def test_every_png_size_is_there_and_that_size(name: str) -> None:
    for size in make_icons.PNG_SIZES:
        assert png_size((ICONS / f"{name}-{size}.png").read_bytes()) == (size, size)


@pytest.mark.parametrize("name", make_icons.NAMES)
def test_the_ico_holds_every_size_small_ones_as_bitmaps(name: str) -> None:
    data = (ICONS / f"{name}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index: 22 + 16 * index])
        size = width or 256
        assert height == width and (planes, bits) == (1, 32)
        blob = data[offset:offset + length]
        assert len(blob) == length
        if size >= make_icons.ICO_PNG_FROM:
            assert png_size(blob) == (size, size)
        else:
            header_size, bmp_width, bmp_height = struct.unpack("<Iii", blob[:12])
            assert (header_size, bmp_width, bmp_height) == (40, size, 2 * size)  # image + AND mask
            assert length == 40 + size * size * 4 + ((size + 31) // 32) * 4 * size
        sizes.append(size)
    assert sizes == list(make_icons.ICO_SIZES)


@pytest.mark.parametrize("name", make_icons.NAMES)
def test_the_icns_holds_every_element_with_its_size(name: str) -> None:
    data = (ICONS / f"{name}.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    position, found = 8, []
    while position < len(data):
        kind, length = data[position:position + 4].decode("ascii"), struct.unpack_from(">I", data, position + 4)[0]
        found.append((kind, png_size(data[position + 8:position + length])[0]))
        position += length
    assert found == list(make_icons.ICNS_TYPES)


@pytest.mark.parametrize("name", make_icons.NAMES)
@pytest.mark.parametrize("size", [16, 48, 256])
def test_the_committed_pngs_are_rendered_from_the_current_svg(qapp, name: str, size: int) -> None:
    from PySide6.QtGui import QImage

    committed = QImage(str(ICONS / f"{name}-{size}.png")).convertToFormat(QImage.Format.Format_ARGB32)
    fresh = make_icons.render(ICONS / f"{name}.svg", size)
    worst = max(abs(a - b) for a, b in zip(bytes(committed.constBits()), bytes(fresh.constBits()), strict=True))
    assert worst <= 8, f"{name}-{size}.png is out of date: run packaging/make_icons.py"


@pytest.mark.parametrize("name", make_icons.NAMES)
def test_qt_reads_every_ico_entry_as_the_png_of_its_size_upright(qapp, name: str) -> None:
    from PySide6.QtGui import QImage, QImageReader

    reader = QImageReader(str(ICONS / f"{name}.ico"))
    assert reader.imageCount() == len(make_icons.ICO_SIZES)
    for index, size in enumerate(make_icons.ICO_SIZES):
        assert reader.jumpToImage(index)
        entry = reader.read().convertToFormat(QImage.Format.Format_ARGB32)
        png = QImage(str(ICONS / f"{name}-{size}.png")).convertToFormat(QImage.Format.Format_ARGB32)
        assert entry.size() == png.size() and entry == png, f"entry {index} ({size} px) differs"
