"""Funnel graph: time of one show_stages call (with and without painting) and memory over many redraws.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/funnel_view.py [REDRAWS]
"""

from __future__ import annotations

import gc
import resource
import statistics
import sys
import time
import tracemalloc
from decimal import Decimal

from PySide6.QtWidgets import QApplication


def main() -> None:
    redraws = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    from kpidesk.gui.funnel_view import FunnelView

    imported = time.perf_counter() - started
    from kpidesk import paths, planfile
    from kpidesk.model.funnel import funnel_of

    plan = planfile.load(paths.templates()["btob-web"]).plan
    first = funnel_of(plan)
    plan.set_field(plan.metrics["negotiations"], "rate", Decimal("0.4"))
    plan.set_field(plan.metrics["leads"], "actual", Decimal("150"))
    second = funnel_of(plan)
    ids = [s.metric.id for s in first]
    view = FunnelView()
    view.resize(700, 500)
    view.show()
    app.processEvents()

    def redraw(index: int, paint: bool) -> float:
        begin = time.perf_counter()
        view.show_stages(second if index % 2 else first, ids[index % len(ids)])
        if paint:
            view.plot.viewport().repaint()
        return time.perf_counter() - begin

    for index in range(50):
        redraw(index, True)
    bare = [redraw(i, False) for i in range(200)]
    painted = [redraw(i, True) for i in range(200)]
    items = len(view.plot.scene().items())
    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    start, _ = tracemalloc.get_traced_memory()
    for index in range(redraws):
        redraw(index, True)
        app.processEvents()
    gc.collect()
    end, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"import kpidesk.gui.funnel_view (pyqtgraph included): {imported * 1000:.0f} ms")
    print(f"show_stages, 5 stages, median: {statistics.median(bare) * 1000:.2f} ms")
    print(f"show_stages + paint 700x500, median: {statistics.median(painted) * 1000:.2f} ms")
    print(f"{redraws} redraws: scene items {items} -> {len(view.plot.scene().items())}, "
          f"traced Python memory {(end - start) / 1024:+.1f} KiB (peak {peak / 1024:.1f} KiB), "
          f"max RSS {rss_before / 1024:.1f} -> {rss_after / 1024:.1f} MiB")
    view.close()


if __name__ == "__main__":
    main()
