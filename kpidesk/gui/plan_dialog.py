"""Plan properties: title, owner, currency, period, dates and notes, applied as one undo step.

Under the dates the dialog says the plan period in words, as the planner's
language names it: a twelve-month plan from April 2026 is 2026年度 in Japanese.
"""

from __future__ import annotations

import datetime
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from kpidesk import i18n
from kpidesk.gui.document import Document
from kpidesk.model.period_text import span_label
from kpidesk.model.periods import plan_span

DATE_FIELDS = ("start", "end")


class PlanDialog(QDialog):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Plan Properties"))
        form = QFormLayout(self)
        info = document.plan.info
        self.edits: dict[str, QLineEdit] = {}
        labels = {"title": self.tr("&Title"), "owner": self.tr("&Owner"), "currency": self.tr("&Currency"),
                  "period": self.tr("&Period"), "start": self.tr("&Start (YYYY-MM-DD)"),
                  "end": self.tr("&End (YYYY-MM-DD)")}
        for name, label in labels.items():
            edit = QLineEdit(str(info.get(name) or ""))
            self.edits[name] = edit
            form.addRow(label, edit)
        self.span = QLabel()
        form.addRow(self.tr("Plan period:"), self.span)
        for name in DATE_FIELDS:
            self.edits[name].textChanged.connect(self._show_span)
        self._show_span()
        self.notes = QPlainTextEdit(str(info.get("notes") or ""))
        form.addRow(self.tr("&Notes"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _show_span(self) -> None:
        """The period the dates make, in words ('2026年度（2026年4月〜2027年3月）'; a year from today without dates)."""
        dates = {name: self.edits[name].text().strip() for name in DATE_FIELDS}
        span = plan_span(dict(dates), datetime.date.today())
        text = span_label(span, i18n.current())
        self.span.setText(text if any(dates.values()) else self.tr("{0} (no dates: the calendar year)").format(text))

    def values(self) -> dict[str, Any]:
        """The fields as the plan stores them; raises ValueError naming a bad date."""
        values: dict[str, Any] = {name: edit.text().strip() for name, edit in self.edits.items()}
        for name in DATE_FIELDS:
            text = values[name]
            if text:
                try:
                    values[name] = datetime.date.fromisoformat(text)
                except ValueError:
                    raise ValueError(self.tr("{0} is not a date like 2026-04-01.").format(text)) from None
            old = self.document.plan.info.get(name)
            if str(old or "") == str(values[name]):
                values[name] = old
        values["notes"] = self.notes.toPlainText()
        return values

    def accept(self) -> None:
        try:
            values = self.values()
        except ValueError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        if self.document.set_plan_info(values):
            super().accept()
