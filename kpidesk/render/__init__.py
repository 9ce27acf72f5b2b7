"""Drawing the KPI tree for the screen, the printer and the exporters (PDF, PNG, SVG, CSV).

``layout``, ``labels`` and ``table`` are Qt-free; the other modules use QtGui (``printing`` and
``view`` also QtWidgets and QtPrintSupport, for the window).
"""
