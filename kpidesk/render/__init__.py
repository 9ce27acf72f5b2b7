"""Drawing the KPI tree for the screen, the printer and the exporters (PDF, PNG, SVG, CSV).

``layout`` and ``table`` are Qt-free; the other modules import Qt when used.
"""
