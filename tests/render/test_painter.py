"""A failure while drawing is reported as an error, never a crash of the process."""

from __future__ import annotations

import subprocess
import sys

import pytest

RAISE_WHILE_PAINTING = """
import sys
from kpidesk.render import cli, diagram

def fail(self, painter):
    painter.drawLine(0, 0, 10, 10)
    raise RuntimeError("drawing failed on purpose")

diagram.TreeDiagram.paint = fail
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize("output", ["--pdf", "--png", "--svg"])
def test_an_exception_while_painting_exits_with_the_error_not_a_crash(sample_path, tmp_path, output):
    result = subprocess.run([sys.executable, "-c", RAISE_WHILE_PAINTING, str(sample_path), output,
                             str(tmp_path / "out")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr  # an unhandled Python exception, not -SIGSEGV
    assert "drawing failed on purpose" in result.stderr
    assert "being painted" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_painting_ends_the_painter_when_the_drawing_raises(qapp):
    from PySide6.QtGui import QImage

    from kpidesk.render.painter import painting

    image = QImage(20, 20, QImage.Format.Format_RGB32)
    with pytest.raises(ZeroDivisionError), painting(image) as painter:
        painter.drawLine(0, 0, 5, 5)
        1 / 0  # noqa: B018
    assert not painter.isActive()
    assert image.paintingActive() is False
