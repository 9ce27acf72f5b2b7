"""The colours of printed pages and exports, in one place so the tree, the funnel and the table agree.

Print is always dark ink on white paper, whatever the window's theme; the
blues mark the KGI and rates, amber means short of target, green met.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

INK = QColor("#1a202c")
MUTED = QColor("#6b7280")
PAPER = QColor("white")
RULE = QColor("#cbd5e1")  # table lines and the header rule
HEADER_FILL = QColor("#e2e8f0")
GLUE = QColor("#ef4444")  # overlap marks on tiled sheets

BOX_BORDER = QColor("#64748b")
KGI_BORDER = QColor("#1d4ed8")
KGI_FILL = QColor("#eef4ff")
EDGE = QColor("#94a3b8")
RATE = QColor("#1e40af")  # rate and share labels
STAGE_FILL = QColor("#dbeafe")
KGI_STAGE_FILL = QColor("#bfdbfe")

BAR_BACK = QColor("#e5e7eb")
BELOW_TARGET = QColor("#d97706")
TARGET_MET = QColor("#15803d")
SHORT = QColor("#b91c1c")  # a forecast short of its target
ACTUAL = QColor("#d97706")  # an actual drawn inside a funnel stage
