"""Writing the tree, the funnel and the meeting packet to files (PDF, PNG, SVG).

Each exporter renders into memory and writes the file in one step, so a
failed export never leaves half a file where the planner's old one was.
Only QtGui (and QtSvg for SVG) is needed: exports run without widgets.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPdfWriter

from kpidesk.planfile import PlanFile
from kpidesk.render.diagram import TreeDiagram
from kpidesk.render.layout import Orientation
from kpidesk.render.pages import PacketOptions, paint_packet
from kpidesk.render.painter import painting
from kpidesk.render.text import css_families, translate
from kpidesk.storage.atomic import write_atomic

PAPERS = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3, "Letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 10.0
PNG_SCALE = 2.0  # pixels per point: 144 dpi, sharp on screens and in slides
MAX_PNG_SIDE = 16000


def plan_title(plan_file: PlanFile) -> str:
    return str(plan_file.plan.info.get("title") or "") or Path(plan_file.name).stem


def _write(path: str | os.PathLike[str], data: QByteArray | bytes) -> Path:
    target = Path(path)
    write_atomic(target, bytes(data), backup=False)
    return target


def page_layout(paper: str = "A4", landscape: bool = False) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(PAPERS[paper]), orientation,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def pdf_bytes(plan_file: PlanFile, options: PacketOptions, layout: QPageLayout) -> tuple[bytes, int]:
    """The meeting packet as PDF; returns the bytes and the number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(600)
    writer.setPageLayout(layout)
    writer.setTitle(plan_title(plan_file))
    writer.setCreator("kpidesk")
    pages = paint_packet(writer, plan_file, options)
    buffer.close()
    return bytes(buffer.data()), pages


def export_pdf(plan_file: PlanFile, path: str | os.PathLike[str], options: PacketOptions | None = None,
               paper: str = "A4", landscape: bool = False) -> int:
    data, pages = pdf_bytes(plan_file, options or PacketOptions(), page_layout(paper, landscape))
    _write(path, data)
    return pages


def diagram_for(plan_file: PlanFile, orientation: Orientation) -> TreeDiagram:
    return TreeDiagram(plan_file.plan, orientation, title=plan_title(plan_file))


def _image_bytes(image: QImage) -> QByteArray:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(translate("KpiTreePrint", "the image could not be encoded as PNG"))
    buffer.close()
    return data


def render_image(diagram: TreeDiagram, scale: float = PNG_SCALE, margin: float = 12.0) -> QImage:
    scale = min(scale, MAX_PNG_SIDE / max(diagram.width + 2 * margin, diagram.height + 2 * margin))
    size = QSize(int((diagram.width + 2 * margin) * scale) + 1, int((diagram.height + 2 * margin) * scale) + 1)
    image = QImage(size, QImage.Format.Format_RGB32)  # opaque: PNG encodes a third faster than with alpha
    image.setDotsPerMeterX(int(scale * 72 / 0.0254))
    image.setDotsPerMeterY(int(scale * 72 / 0.0254))
    image.fill(QColor("white"))
    with painting(image) as painter:
        painter.scale(scale, scale)
        painter.translate(margin, margin)
        diagram.paint(painter)
    return image


def export_png(plan_file: PlanFile, path: str | os.PathLike[str],
               orientation: Orientation = Orientation.TOP_DOWN) -> Path:
    return _write(path, _image_bytes(render_image(diagram_for(plan_file, orientation))))


def export_svg(plan_file: PlanFile, path: str | os.PathLike[str],
               orientation: Orientation = Orientation.TOP_DOWN, margin: float = 12.0) -> Path:
    from PySide6.QtSvg import QSvgGenerator  # only SVG needs the QtSvg library

    diagram = diagram_for(plan_file, orientation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(72)  # one SVG unit is one point
    width, height = diagram.width + 2 * margin, diagram.height + 2 * margin
    generator.setSize(QSize(int(width) + 1, int(height) + 1))
    generator.setViewBox(QRectF(0, 0, int(width) + 1, int(height) + 1))
    generator.setTitle(plan_title(plan_file))
    generator.setDescription(translate("KpiTreePrint", "KPI tree exported by kpidesk"))
    with painting(generator) as painter:
        painter.translate(margin, margin)
        diagram.paint(painter)
    buffer.close()
    return _write(path, portable_fonts(bytes(data)))


_FONT_FAMILY = re.compile(rb'font-family="[^"]*"')


def portable_fonts(svg: bytes) -> bytes:
    """Name fonts that other programs have: Qt writes the families it was asked for, comma-joined,
    the generic family nowhere or first; browsers and Inkscape take the first they know, so every
    platform's Japanese fonts are listed and ``sans-serif`` comes last (:func:`text.css_families`)."""
    families = css_families().replace("&", "&amp;").encode("utf-8")
    return _FONT_FAMILY.sub(b'font-family="' + families + b'"', svg)


def export_funnel_png(plan_file: PlanFile, path: str | os.PathLike[str], width: float = 560.0,
                      scale: float = PNG_SCALE, margin: float = 12.0) -> Path:
    from kpidesk.render.funnel import FunnelPicture

    picture = FunnelPicture(plan_file.plan)
    height = picture.height()
    size = QSize(int((width + 2 * margin) * scale), int((height + 2 * margin) * scale))
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    with painting(image) as painter:
        painter.scale(scale, scale)
        picture.paint(painter, QRectF(margin, margin, width, height))
    return _write(path, _image_bytes(image))
