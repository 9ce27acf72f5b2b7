"""The selected metric's details: unit, kind, owner, data source, interval, texts.

Typing commits as you go (after a short pause and when the field loses focus);
each commit is a mergeable edit, so one typing session is one undo step.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kpidesk.gui.document import Document
from kpidesk.model.metric import Better, Kind, Metric, Relation

LINE_FIELDS = ("unit", "owner", "source", "interval")
#: The short fields in reading order, three to a row on a wide panel, fewer on a narrow one; the source last and whole.
GRID_FIELDS = ("unit", "kind", "better", "relation", "owner", "interval", "source")
#: Panel widths from which two and three fields fit side by side.
TWO_COLUMNS, THREE_COLUMNS = 300, 470
TEXT_FIELDS = ("definition", "countermeasure", "notes")


class _PlainText(QPlainTextEdit):
    """A multi-line field that commits when it loses focus; Tab moves on."""

    def __init__(self, commit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._commit = commit
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self._commit()
        super().focusOutEvent(event)


class DetailPanel(QScrollArea):
    """Edits one metric through the document."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.metric_id: str | None = None
        self._loading = False
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.commit)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 6)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.fields: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        labels = {"unit": self.tr("&Unit"), "kind": self.tr("&Kind"), "better": self.tr("&Aim"),
                  "relation": self.tr("&Made from"),
                  "owner": self.tr("O&wner"), "source": self.tr("Data &source"), "interval": self.tr("&Interval"),
                  "definition": self.tr("&Definition"), "countermeasure": self.tr("&Countermeasure"),
                  "notes": self.tr("&Notes")}
        self.kind = QComboBox()
        for kind, text in ((Kind.COUNT, self.tr("count")), (Kind.MONEY, self.tr("money")),
                           (Kind.PERCENT, self.tr("percent")), (Kind.RATIO, self.tr("ratio")),
                           (Kind.SCORE, self.tr("score")), (Kind.NUMBER, self.tr("number"))):
            self.kind.addItem(text, kind.value)
        self.better = QComboBox()
        self.better.addItem(self.tr("higher is better"), Better.HIGHER.value)
        self.better.addItem(self.tr("lower is better (costs)"), Better.LOWER.value)
        self.relation = QComboBox()
        for relation, text in ((Relation.NONE, self.tr("nothing (a leaf)")), (Relation.FUNNEL, self.tr("funnel stage")),
                               (Relation.SUM, self.tr("sum")), (Relation.PRODUCT, self.tr("product")),
                               (Relation.SHARE, self.tr("shares")), (Relation.FORMULA, self.tr("formula"))):
            self.relation.addItem(text, relation.value)
        self.kind.activated.connect(lambda: self._choose("kind", self.kind))
        self.relation.activated.connect(lambda: self._choose("relation", self.relation))
        self.better.activated.connect(lambda: self._choose("better", self.better))
        self.fields["kind"], self.fields["better"], self.fields["relation"] = self.kind, self.better, self.relation
        for name in LINE_FIELDS:
            edit = QLineEdit()
            edit.textEdited.connect(lambda _text, n=name: self._edited(n))
            edit.editingFinished.connect(self.commit)
            self.fields[name] = edit
        for name in TEXT_FIELDS:
            text_edit = _PlainText(self.commit)
            text_edit.setMinimumHeight(44)
            text_edit.setMaximumHeight(80)
            text_edit.textChanged.connect(lambda n=name: self._edited(n))
            self.fields[name] = text_edit
        self.grid = grid
        self._boxes: dict[str, QWidget] = {}  # a label over its field, placed by _arrange
        for name in GRID_FIELDS:
            label = QLabel(labels[name])
            label.setBuddy(self.fields[name])
            box = QWidget()
            form = QFormLayout(box)
            form.setContentsMargins(0, 0, 0, 0)
            form.setVerticalSpacing(2)
            form.addRow(label)
            form.addRow(self.fields[name])
            self._boxes[name] = box
        self._grid_columns = 0
        self._arrange(3)
        layout.addLayout(grid)
        for name in TEXT_FIELDS:
            label = QLabel(labels[name])
            label.setBuddy(self.fields[name])
            layout.addWidget(label)
            layout.addWidget(self.fields[name], 1)
        layout.addStretch(0)
        self.setWidget(body)
        document.metricsChanged.connect(self._on_changed)
        document.planReplaced.connect(lambda: self.show_metric(None))
        self.show_metric(None)

    def _arrange(self, columns: int) -> None:
        """Place the short fields ``columns`` to a row (the data source on a row of its own)."""
        if columns == self._grid_columns:
            return
        self._grid_columns = columns
        for box in self._boxes.values():
            self.grid.removeWidget(box)
        for place, name in enumerate(GRID_FIELDS[:-1]):
            self.grid.addWidget(self._boxes[name], place // columns, place % columns)
        self.grid.addWidget(self._boxes["source"], (len(GRID_FIELDS) - 2) // columns + 1, 0, 1, columns)
        for column in range(3):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802
        """Three fields to a row where they fit, two or one on a narrow panel, so that every field stays readable."""
        width = self.viewport().width()
        self._arrange(3 if width >= THREE_COLUMNS else 2 if width >= TWO_COLUMNS else 1)
        super().resizeEvent(event)

    def current_metric(self) -> Metric | None:
        return self.document.metric(self.metric_id)

    def show_metric(self, metric_id: str | None) -> None:
        """Show another metric (None: nothing selected); what was typed is committed first."""
        self.commit()
        self.metric_id = metric_id
        self.refresh()

    def refresh(self) -> None:
        metric = self.current_metric()
        self.widget().setEnabled(metric is not None)
        self._loading = True
        try:
            self.title.setText(metric.name if metric else self.tr("No metric selected"))
            self.summary.setText(self._summary(metric) if metric else "")
            for name, widget in self.fields.items():
                stored = getattr(metric, name) if metric else ""
                value = str(stored.value if isinstance(stored, Enum) else stored)
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(0, widget.findData(value)))
                elif isinstance(widget, QLineEdit):
                    if widget.text() != value:
                        widget.setText(value)
                        widget.setCursorPosition(0)  # show how a long data source begins, not how it ends
                    widget.setToolTip(value)
                elif widget.toPlainText() != value:
                    widget.setPlainText(value)
        finally:
            self._loading = False

    def _summary(self, metric: Metric) -> str:
        lines = [self.tr("id: {0}").format(metric.id)]
        if metric is self.document.plan.kgi:
            lines.append(self.tr("The KGI of this plan."))
        lines += [self.document.describe(f) for f in self.document.findings_by_metric.get(metric.id, [])]
        return "\n".join(lines)

    def _on_changed(self, metrics, structure: bool) -> None:
        metric = self.current_metric()
        if metric is None or metric in metrics or structure:
            if metric is not None and self.document.plan.metrics.get(metric.id) is not metric:
                self.metric_id = None
            if not self._pending:
                self.refresh()
            else:
                self.summary.setText(self._summary(metric) if metric else "")
        else:  # its findings may name a metric that changed (a rename elsewhere): say them as they are now
            self.summary.setText(self._summary(metric))

    def _edited(self, name: str) -> None:
        if self._loading or self.metric_id is None:
            return
        self._pending.add(name)
        self._timer.start()

    def _choose(self, name: str, combo: QComboBox) -> None:
        if self.metric_id is not None and not self._loading:
            self.document.set_field(self.metric_id, name, combo.currentData())
            self.refresh()

    def commit(self) -> None:
        """Send what was typed to the document (one mergeable edit per field)."""
        self._timer.stop()
        pending, self._pending = self._pending, set()
        if self.metric_id is None:
            return
        for name in sorted(pending):
            widget = self.fields[name]
            text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()  # type: ignore[union-attr]
            if not self.document.set_field(self.metric_id, name, text, merge=True):
                self.refresh()
