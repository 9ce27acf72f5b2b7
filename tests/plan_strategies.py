"""Hypothesis strategies that draw whole plan files, over the whole plan space.

A drawn plan is a :class:`PlanSpec`: the tables and keys it holds, each value
as the text the file holds, rendered by :meth:`PlanSpec.text`. The tree is
made so that the goal can be calculated back (every sum and product has one
driver that takes what the goal leaves), so properties about meeting the goal
have plans to hold on; what makes a plan fail (a given value below what the
goal needs, a formula over zero) is left in and filtered by the properties.

Drawn: every relation kind (funnel, share, sum, product, formula), every kind
and metric field of the schema, given values mid-tree, rates to solve (goal
seek) on given stages, rates that do not divide exactly (28.575 %, 1/7 of a
base of 7), actuals and phasing per period (months and ISO weeks), plan facts,
numbers in every style the format reads (``1_600``, ``1600.0``, ``"1,600"``,
full-width digits, ``1e3``), escapes and literal strings, multi-line notes,
comments above tables and inside them, unknown keys, CRLF line endings, with or
without a final newline, and tables in tree or level order.

Tests in any folder import it as ``plan_strategies`` (tests/conftest.py loads it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from hypothesis import strategies as st

#: Month periods of a Japanese fiscal year, and some ISO weeks in it.
MONTHS = [f"2026-{m:02d}" for m in range(4, 13)] + [f"2027-{m:02d}" for m in range(1, 4)]
WEEKS = [f"2026-W{w:02d}" for w in range(14, 53)]
#: One-line texts: letters, Japanese, quotes and backslashes (written as escapes), emoji.
LINE_CHARS = list("abcXYZ 訪問リード商談受注-()%/") + ['"', "\\", "\u00e9", "\U0001f600", "'"]
#: Long texts may also hold line breaks and tabs.
TEXT_CHARS = LINE_CHARS + ["\n", "\t"]
KINDS = ["count", "money", "percent", "ratio", "score", "number"]
UNITS = ["", "orders", "JPY", "USD", "visits", "leads", "%", "件"]


@dataclass
class MetricSpec:
    """One ``[[metric]]`` table: its keys as written (``"rate": '"28.575%"'``), in order."""

    id: str
    keys: dict[str, str] = field(default_factory=dict)
    actuals: dict[str, str] = field(default_factory=dict)
    phasing: dict[str, str] = field(default_factory=dict)
    comment: str | None = None  # a comment line right above the table's header
    inner_comment: tuple[int, str] | None = None  # a comment line before the key of this index

    def lines(self) -> list[str]:
        lines = [self.comment] if self.comment else []
        lines.append("[[metric]]")
        for index, (key, value) in enumerate(self.keys.items()):
            if self.inner_comment and self.inner_comment[0] == index:
                lines.append(self.inner_comment[1])
            lines.append(f"{key} = {value}")
        for name, table in (("actuals", self.actuals), ("phasing", self.phasing)):
            if table:
                lines += ["", f"[metric.{name}]"] + [f'"{period}" = {value}' for period, value in table.items()]
        return lines


@dataclass
class PlanSpec:
    """A whole plan file: the head, ``[plan]``, the metric tables and how lines end."""

    metrics: list[MetricSpec]
    info: dict[str, str] = field(default_factory=dict)
    newline: str = "\n"
    final_newline: bool = True
    header_comment: str = "# a plan drawn by the property tests"
    version: bool = True

    def text(self) -> str:
        lines = [self.header_comment] if self.header_comment else []
        if self.version:
            lines.append('format_version = "1.0"')
        if self.info:
            lines += ["", "[plan]"] + [f"{key} = {value}" for key, value in self.info.items()]
        for metric in self.metrics:
            lines += ["", *metric.lines()]
        text = "\n".join(lines) + ("\n" if self.final_newline else "")
        return text.replace("\n", self.newline)  # also the line breaks inside multi-line strings

    def by_id(self) -> dict[str, MetricSpec]:
        return {m.id: m for m in self.metrics}


# ---- drawing quickly --------------------------------------------------------------------------
# A plan takes hundreds of draws: every strategy is made once here, not at each draw.
_INDEX: dict[int, st.SearchStrategy[int]] = {}


def pick(draw, choices):
    """One of ``choices`` (shrinks towards the first)."""
    size = len(choices)
    if size not in _INDEX:
        _INDEX[size] = st.integers(0, size - 1)
    return choices[draw(_INDEX[size])]


def chance(draw, one_in: int) -> bool:
    """True once in ``one_in`` draws on average (shrinks towards False)."""
    return pick(draw, range(one_in)) == one_in - 1


_LINE_TEXT = st.text(alphabet=st.sampled_from(LINE_CHARS), max_size=24)
_LONG_TEXT = st.text(alphabet=st.sampled_from(TEXT_CHARS), max_size=40)
_NAME = st.text(alphabet=st.sampled_from(LINE_CHARS), min_size=1, max_size=24).filter(lambda s: s.strip() != "")
_AMOUNT = st.integers(0, 10**7)
_CAPACITY = st.integers(10**7, 10**9)
_PART = st.integers(0, 500)
_ACTUAL = st.integers(0, 10**5)
_BASE = st.one_of(st.integers(1, 10**7), st.integers(10**7, 10**13),
                  st.sampled_from([3, 7, 13, 999_983, 99_999_989, 999_999_000_001]))
_GOAL = st.one_of(st.integers(1, 10**7), st.sampled_from([1, 7, 20, 99, 1000]))
_MONTH_LISTS = st.lists(st.sampled_from(MONTHS), min_size=1, max_size=6, unique=True)
_WEEK_LISTS = st.lists(st.sampled_from(WEEKS), min_size=1, max_size=6, unique=True)
#: Rates as planners type them: whole percents, and odd ones with many digits that divide nothing exactly.
RATES = st.one_of(
    st.integers(min_value=1, max_value=100).map(lambda p: Decimal(p) / 100),
    st.integers(min_value=1, max_value=99_999).map(lambda p: Decimal(p) / 100_000),
    st.sampled_from([Decimal("0.28575"), Decimal("0.0015"), Decimal("0.333"), Decimal("0.0000000001")]),
)


# ---- values as the file writes them -------------------------------------------------------
def basic_string(text: str) -> str:
    """``text`` as a TOML basic string, escaping what must be and some of what may be."""
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\u00e9": "\\u00E9", "\U0001f600": "\\U0001F600"}
    return '"' + "".join(escapes.get(char, char) for char in text) + '"'


def string_literal(draw, text: str, multiline: bool = False) -> str:
    """``text`` written as a basic string, a literal string or (long texts) a multi-line string."""
    styles = ["basic"]
    if "'" not in text and "\n" not in text and "\t" not in text:
        styles.append("literal")
    if multiline and '"""' not in text and not text.endswith(('"', "\\")) and "\\" not in text:
        styles.append("multi")
    style = pick(draw, styles)
    if style == "literal":
        return f"'{text}'"
    if style == "multi":
        return '"""' + text.replace("\t", "\\t") + '"""'
    return basic_string(text)


_FULL_WIDTH = str.maketrans("0123456789,.-", "０１２３４５６７８９，．－")


def number_text(draw, value: Decimal) -> str:
    """A number in one of the styles the format reads; ``value`` is kept exactly."""
    whole = value == value.to_integral_value()
    styles = ["plain", "string"]
    if whole:
        styles += ["underscore", "float", "comma", "fullwidth"]
        if value != 0 and value % 1000 == 0:
            styles.append("exponent")
    style = pick(draw, styles)
    plain = f"{value:f}"
    if style == "underscore" and abs(value) >= 1000:
        return f"{int(value):_d}"
    if style == "float":
        return f"{int(value)}.0"
    if style == "comma":
        return f'"{int(value):,d}"'
    if style == "fullwidth":
        return '"' + f"{int(value):,d}".translate(_FULL_WIDTH) + '"'
    if style == "exponent":  # of the whole number's digits: 2500000.00 is 25e5, not the invalid 2500000.e2
        whole_digits = f"{int(value)}"
        digits = whole_digits.rstrip("0")
        return f"{digits}e{len(whole_digits) - len(digits)}"
    if style == "string":
        return f'"{plain}"'
    return plain


def percent(value: Decimal) -> str:
    """A fraction as the percentage a planner types: 0.28575 -> ``"28.575%"``."""
    return f'"{(value * 100).normalize():f}%"'


def fraction_text(draw, value: Decimal) -> str:
    """A rate or share: ``"28.575%"``, a bare fraction ``0.28575`` or full-width ``"２８．５７５％"``."""
    style = pick(draw, ["percent", "percent", "fraction", "fullwidth"])
    if style == "fraction":
        return f"{value.normalize():f}"
    if style == "fullwidth":
        return percent(value).translate(_FULL_WIDTH).replace("%", "％")
    return percent(value)


# ---- the tree -------------------------------------------------------------------------------
@dataclass
class _Node:
    kind: str
    relation: str
    children: list[_Node] = field(default_factory=list)
    target: Decimal | None = None
    rate: Decimal | None = None
    solve: bool = False
    share: Decimal | None = None
    formula: str | None = None  # the formula's text, for a formula metric


def _subtree(draw, depth: int, budget: list[int], seek: bool = False) -> _Node:
    """A derived metric and what is below it; each sum or product has one driver that takes the rest.

    ``seek``: every stage that can be solved (a given stage of a funnel, a given part taking the rest of a
    sum) is, and the top is a funnel or a sum.
    """
    kind = pick(draw, ["count", "count", "money", "number"])
    shapes = ["leaf"] if depth >= 5 or budget[0] <= 0 else ["leaf", "funnel", "funnel", "sum", "product", "share"]
    if seek and depth == 0:
        shapes = ["funnel", "sum"]
    shape = pick(draw, shapes)
    budget[0] -= 1
    node = _Node(kind, {"leaf": "none"}.get(shape, shape))
    if shape == "funnel":
        child = _subtree(draw, depth + 1, budget, seek)
        if child.relation == "none" and (seek or chance(draw, 2)):  # goal seek from a given stage
            child.target, child.solve = Decimal(draw(_BASE)), True
        else:
            child.rate = draw(RATES)
        node.children = [child]
    elif shape == "sum":
        absorber = _subtree(draw, depth + 1, budget, seek)
        absorber.target = None  # the driver that takes the rest is derived (all parts given: nothing takes it)
        if absorber.relation == "none" and (seek or chance(draw, 3)):  # goal seek: the rest from a given part
            absorber.target, absorber.solve = Decimal(draw(_BASE)), True
        node.children = [absorber]
        for _ in range(pick(draw, [1, 2])):
            part = _Node(kind, "none", target=Decimal(draw(_PART)))
            if chance(draw, 4):
                part.rate = draw(RATES)
            node.children.insert(pick(draw, range(len(node.children) + 1)), part)
    elif shape == "product":
        node.kind = "money"
        absorber = _subtree(draw, depth + 1, budget, seek)
        absorber.target = None
        price = Decimal(draw(_AMOUNT) + 1) / pick(draw, [1, 3, 7, 100])
        factor = _Node("money", "none", target=price.quantize(Decimal("0.01")))
        node.children = [absorber, factor] if chance(draw, 2) else [factor, absorber]
    elif shape == "share":
        count = pick(draw, [1, 2, 3])
        for _ in range(count):
            child = _subtree(draw, depth + 1, budget, seek)
            child.share = Decimal(pick(draw, range(1, 100 // count + 1))) / 100
            node.children.append(child)
    if shape != "leaf" and chance(draw, 6):  # a given value mid-tree: a capacity above the need
        node.target = Decimal(draw(_CAPACITY))
    return node


@dataclass(frozen=True)
class Options:
    """What a drawn plan may hold beyond its tree (a property narrows what it needs)."""

    formulas: bool = True
    texts: bool = True
    actuals: bool = True
    stray_root: bool = True
    styles: bool = True  # number styles, string styles and key order; False writes one plain style
    comments: bool = True
    max_size: int = 10
    goal_seek: bool = False  # solve every rate that can be solved


@st.composite
def plan_specs(draw, options: Options = Options()) -> PlanSpec:
    """A whole plan file, as a :class:`PlanSpec` (see the module's text)."""
    root = _subtree(draw, 0, [pick(draw, range(1, options.max_size + 1))], options.goal_seek)
    root.target = Decimal(draw(_GOAL))
    order: list[tuple[_Node, str | None, str]] = []

    def number(node: _Node, parent: str | None) -> None:
        metric_id = f"m{len(order) + 1}"
        order.append((node, parent, metric_id))
        for child in node.children:
            number(child, metric_id)

    number(root, None)
    ids = [metric_id for _, _, metric_id in order]
    if options.formulas:  # formulas over the tree's metrics, under some of them (not drivers)
        for _ in range(pick(draw, [0, 1, 2])):
            under, a, b = pick(draw, ids), pick(draw, ids), pick(draw, ids)
            text = pick(draw, [f"{a} / {b}", f"({a} - {b}) / {b}", f"{a} * 2 + 1", f"-(-{a}) / 3"])
            formula = _Node(pick(draw, ["ratio", "percent", "number", "money"]), "formula", formula=text)
            order.append((formula, under, f"m{len(order) + 1}"))
    if options.stray_root and chance(draw, 5):  # a second root: not connected to the KGI
        stray = _Node(pick(draw, KINDS), "none", target=Decimal(draw(_PART)))
        order.append((stray, None, f"m{len(order) + 1}"))
    metrics = [_metric_spec(draw, node, parent, metric_id, options) for node, parent, metric_id in order]
    if options.styles and chance(draw, 2):  # level by level: parents before children, siblings in order
        depth: dict[str, int] = {}
        for _, parent, metric_id in order:
            depth[metric_id] = 0 if parent is None else depth[parent] + 1
        metrics.sort(key=lambda m: depth[m.id])
    styled = options.styles
    return PlanSpec(
        metrics, _info(draw, ids, options),
        newline=pick(draw, ["\n", "\r\n"]) if styled else "\n",
        final_newline=not chance(draw, 3) if styled else True,
        version=not chance(draw, 3) if styled else True,
    )


def _info(draw, ids: list[str], options: Options) -> dict[str, str]:
    info: dict[str, str] = {}
    if chance(draw, 2):
        return info
    if chance(draw, 2):
        info["title"] = string_literal(draw, draw(_NAME))
    if options.texts and chance(draw, 2):
        info["owner"] = string_literal(draw, draw(_LINE_TEXT))
    info["currency"] = pick(draw, ['"JPY"', '"USD"', '"BHD"', "'EUR'"])
    if chance(draw, 2):
        info["start"], info["end"] = "2026-04-01", "2027-03-31"
    if chance(draw, 2):
        info["kgi"] = f'"{ids[0]}"'
    if chance(draw, 2):
        info["on_track"], info["behind"] = '"95%"', '"90%"'
    if options.texts and chance(draw, 2):
        info["notes"] = string_literal(draw, draw(_LONG_TEXT), multiline=True)
    return info


def _texts(draw, keys: dict[str, str]) -> bool:
    """The planner's texts of a metric into ``keys``; whether its interval is weekly."""
    weekly = False
    for key in ("owner", "source", "interval", "definition", "countermeasure", "notes"):
        if chance(draw, 3):
            continue
        if key == "interval":
            keys[key] = pick(draw, ['"monthly"', '"weekly"', '"週次"', "'quarterly'"])
            weekly = keys[key] in ('"weekly"', '"週次"')
        elif key in ("definition", "countermeasure", "notes"):
            keys[key] = string_literal(draw, draw(_LONG_TEXT), multiline=True)
        else:
            keys[key] = string_literal(draw, draw(_LINE_TEXT))
    return weekly


def _metric_spec(draw, node: _Node, parent: str | None, metric_id: str, options: Options) -> MetricSpec:
    styled = options.styles
    spec = MetricSpec(metric_id)
    keys: dict[str, str] = {}
    if parent is not None:
        keys["parent"] = f'"{parent}"'
    keys["name"] = string_literal(draw, draw(_NAME)) if styled else f'"Metric {metric_id}"'
    if options.texts or chance(draw, 2):
        keys["unit"] = string_literal(draw, pick(draw, UNITS))
    if node.kind != "count" or chance(draw, 2):
        keys["kind"] = f'"{node.kind}"'
    if chance(draw, 6):
        keys["allow_negative"] = pick(draw, ["true", "false"])
    if node.formula and chance(draw, 2):
        keys["better"] = '"lower"'
    elif node.relation == "none" and node.target is not None and chance(draw, 4):
        keys["better"] = pick(draw, ['"lower"', '"higher"', '"Lower"'])
    if node.relation != "none" or chance(draw, 2):
        relation = node.relation.capitalize() if styled and chance(draw, 5) else node.relation
        keys["relation"] = f'"{relation}"'
    if node.target is not None:
        value = node.target.to_integral_value() if node.kind == "count" else node.target
        keys["target"] = number_text(draw, value) if styled else f"{value:f}"
    if node.solve:
        keys["rate"] = pick(draw, ['"solve"', '"Solve"', "'solve'"]) if styled else '"solve"'
    elif node.rate is not None:
        keys["rate"] = fraction_text(draw, node.rate) if styled else percent(node.rate)
    if chance(draw, 7):
        keys["lag"] = str(pick(draw, range(25)))
    if node.share is not None:
        keys["share"] = fraction_text(draw, node.share) if styled else percent(node.share)
    if node.formula:
        keys["formula"] = string_literal(draw, node.formula)
    weekly = _texts(draw, keys) if options.texts else False
    if options.actuals and node.kind in ("count", "money") and chance(draw, 3):
        keys["actual"] = str(draw(_ACTUAL))
    if styled and chance(draw, 7):
        keys["custom_field"] = '"kept as it is"  # a key this version does not know'
    if styled:
        keys = dict(draw(st.permutations(list(keys.items()))))
    spec.keys = {"id": f'"{metric_id}"', **keys}
    if options.actuals and chance(draw, 3):
        for period in sorted(draw(_WEEK_LISTS if weekly else _MONTH_LISTS)):
            amount = Decimal(draw(_ACTUAL))
            if node.kind != "count" and chance(draw, 2):
                amount = amount / 4
            spec.actuals[period] = f"{amount:f}"
    if options.actuals and chance(draw, 6):
        for period in draw(_MONTH_LISTS)[:3]:
            spec.phasing[period] = str(pick(draw, range(4)))
    if options.comments and chance(draw, 2):
        spec.comment = f"# about {metric_id}"
    if options.comments and styled and len(spec.keys) > 1 and chance(draw, 4):
        spec.inner_comment = (pick(draw, range(1, len(spec.keys))), f"# inside {metric_id}")
    return spec


def plan_texts(options: Options = Options()) -> st.SearchStrategy[str]:
    """Plan files as text (see :func:`plan_specs`)."""
    return plan_specs(options).map(PlanSpec.text)
