"""Formulas for derived ratios (CVR, CPA, ROAS, ROI): parsed here, never by eval.

Grammar: numbers (``12``, ``0.5``, ``10%``), metric ids, ``+ - * /``,
parentheses and unary minus. ``(revenue - cost) / cost`` is ROI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kpidesk.model.findings import ParamValue
from kpidesk.model.limits import MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING
from kpidesk.model.numbers import NumberError, parse_amount
from kpidesk.model.reasons import Reason, ReasonError

_TOKEN = re.compile(
    r"\s*(?:(?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?)|(?P<id>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>[-+*/()]))"
)
#: Signs and parentheses nested in one formula; the tree's evaluation recurses this deep.
_MAX_NESTING = MAX_FORMULA_NESTING


class FormulaError(ReasonError):
    """The formula text is not valid; ``position`` is the 0-based column (the reason names it 1-based)."""

    def __init__(self, why: Reason | str, /, position: int = 0, **params: ParamValue) -> None:
        super().__init__(why, **params)
        self.position = position


@dataclass(frozen=True)
class Num:
    value: Decimal


@dataclass(frozen=True)
class Ref:
    metric_id: str


@dataclass(frozen=True)
class Neg:
    operand: Node


@dataclass(frozen=True)
class BinOp:
    op: str
    left: Node
    right: Node


Node = Num | Ref | Neg | BinOp


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str, int]] = []
        pos = 0
        while pos < len(text):
            if text[pos:].strip() == "":
                break
            match = _TOKEN.match(text, pos)
            if not match:
                bad = len(text) - len(text[pos:].lstrip())
                raise FormulaError("formula_character", bad, character=text[bad], column=bad + 1)
            kind = match.lastgroup or ""
            start = match.start(kind)
            self.tokens.append((kind, match.group(kind), start))
            pos = match.end()
        self.index = 0
        self.depth = 0
        self.length = len(text)

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> tuple[str, str, int]:
        token = self.peek()
        if token is None:
            raise FormulaError("formula_ends_early", self.length)
        self.index += 1
        return token

    def expression(self) -> Node:
        node = self.term()
        while (token := self.peek()) and token[1] in "+-" and token[0] == "op":
            self.take()
            node = BinOp(token[1], node, self.term())
        return node

    def term(self) -> Node:
        node = self.factor()
        while (token := self.peek()) and token[1] in "*/" and token[0] == "op":
            self.take()
            node = BinOp(token[1], node, self.factor())
        return node

    def factor(self) -> Node:
        # Signs are read in a loop, not by recursion: a formula of a thousand "-" is
        # an error that names the limit, never a RecursionError.
        signs: list[str] = []
        kind, text, pos = self.take()
        while kind == "op" and text in "+-":
            signs.append(text)
            if self.depth + len(signs) > _MAX_NESTING:
                raise FormulaError("formula_too_deep", pos, limit=_MAX_NESTING, column=pos + 1)
            kind, text, pos = self.take()
        self.depth += len(signs)
        node = self.operand(kind, text, pos)
        self.depth -= len(signs)
        for sign in reversed(signs):
            if sign == "-":
                node = Neg(node)
        return node

    def operand(self, kind: str, text: str, pos: int) -> Node:
        if kind == "num":
            try:
                return Num(parse_amount(text))
            except NumberError as exc:
                raise FormulaError(exc.reason.inside("in_formula_number", column=pos + 1), pos) from None
        if kind == "id":
            return Ref(text)
        if text == "(":
            self.depth += 1
            if self.depth > _MAX_NESTING:
                raise FormulaError("formula_too_deep", pos, limit=_MAX_NESTING, column=pos + 1)
            node = self.expression()
            closing = self.peek()
            if closing is None or closing[1] != ")":
                where = closing[2] if closing else self.length
                raise FormulaError("formula_unclosed", where)
            self.take()
            self.depth -= 1
            return node
        raise FormulaError("formula_unexpected", pos, token=text, column=pos + 1)


def parse(text: str) -> Node:
    """Parse a formula into a tree, or raise FormulaError naming the column."""
    if len(text) > MAX_FORMULA_LENGTH:
        raise FormulaError("formula_too_long", limit=MAX_FORMULA_LENGTH)
    if not text.strip():
        raise FormulaError("formula_empty")
    parser = _Parser(text)
    node = parser.expression()
    extra = parser.peek()
    if extra is not None:
        raise FormulaError("formula_unexpected", extra[2], token=extra[1], column=extra[2] + 1)
    return node


def references(node: Node) -> set[str]:
    """The metric ids a formula reads."""
    if isinstance(node, Ref):
        return {node.metric_id}
    if isinstance(node, Neg):
        return references(node.operand)
    if isinstance(node, BinOp):
        return references(node.left) | references(node.right)
    return set()
