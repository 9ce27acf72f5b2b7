#!/usr/bin/env python3
"""Render kpidesk's icons from their SVG sources: PNGs, a Windows .ico and a macOS .icns.

``python packaging/make_icons.py`` (with PySide6, e.g. ``.venv/bin/python``) writes, for
``resources/icons/kpidesk.svg`` (the application) and ``kpidesk-plan.svg`` (a plan file):
``NAME-16.png`` ... ``NAME-512.png``, ``NAME.ico`` and ``NAME.icns`` beside the SVG. The
generated files are committed, so building a bundle needs neither this script nor a
display: run it after editing an SVG. Rendering uses Qt's own SVG renderer offscreen; the
two containers are written here (no Pillow needed): both are a short index of images.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAMES = ("kpidesk", "kpidesk-plan")
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Below this size an .ico entry is a bitmap, which every Windows reads; larger ones are PNG (Vista+).
ICO_PNG_FROM = 64
#: ICNS element type -> pixel size; the @2x types carry a double-size image for Retina screens.
ICNS_TYPES = (("icp4", 16), ("ic11", 32), ("icp5", 32), ("ic12", 64), ("icp6", 64), ("ic07", 128),
              ("ic13", 256), ("ic08", 256), ("ic14", 512), ("ic09", 512), ("ic10", 1024))


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent ``size`` x ``size`` image (straight, not premultiplied, alpha)."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("Qt could not encode a PNG")
    return bytes(data.data())


def bmp_entry(image: QImage) -> bytes:
    """An .ico bitmap entry: BITMAPINFOHEADER, 32-bit BGRA rows bottom-up, an all-clear AND mask."""
    size = image.width()
    # ARGB32 is stored as B, G, R, A bytes on little-endian machines (all that Qt runs on here)
    rows = [bytes(image.constScanLine(y))[: size * 4] for y in range(size)]  # type: ignore[call-overload]
    pixels = b"".join(reversed(rows))
    mask_row = ((size + 31) // 32) * 4
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(pixels) + mask_row * size, 0, 0, 0, 0)
    return header + pixels + bytes(mask_row * size)


def ico(images: dict[int, QImage]) -> bytes:
    """A Windows icon file holding every size in ``images`` (one directory entry each)."""
    entries = [(size, png_bytes(image) if size >= ICO_PNG_FROM else bmp_entry(image))
               for size, image in sorted(images.items())]
    offset = 6 + 16 * len(entries)
    directory, blobs = b"", b""
    for size, blob in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return struct.pack("<HHH", 0, 1, len(entries)) + directory + blobs


def icns(images: dict[int, QImage]) -> bytes:
    """A macOS icon file: ``icns``, its length, then (type, length, PNG) per element."""
    body = b""
    for kind, size in ICNS_TYPES:
        blob = png_bytes(images[size])
        body += kind.encode("ascii") + struct.pack(">I", 8 + len(blob)) + blob
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make(name: str, folder: Path = ICONS) -> list[Path]:
    """Write ``name``'s PNGs, .ico and .icns from ``folder/name.svg``; returns the files written."""
    svg = folder / f"{name}.svg"
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    images = {size: render(svg, size) for size in sizes}
    written = []
    for size in PNG_SIZES:
        path = folder / f"{name}-{size}.png"
        path.write_bytes(png_bytes(images[size]))
        written.append(path)
    for path, data in ((folder / f"{name}.ico", ico({s: images[s] for s in ICO_SIZES})),
                       (folder / f"{name}.icns", icns(images))):
        path.write_bytes(data)
        written.append(path)
    return written


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QImage text/fonts need one
    for name in NAMES:
        for path in make(name):
            print(f"wrote {path.relative_to(ICONS.parent.parent)} ({path.stat().st_size:,} bytes)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
