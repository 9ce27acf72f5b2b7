"""Hypothesis strategies for valid plan files written by hand, in many styles."""

from __future__ import annotations

from hypothesis import strategies as st

NAMES = st.text(
    alphabet=st.sampled_from(list("abcdefghij KLMNOP-()訪問リード商談受注") ),
    min_size=1, max_size=20,
).filter(lambda s: s.strip() != "")


def _number_text(draw, value: int) -> str:
    style = draw(st.sampled_from(["plain", "underscore", "float"]))
    if style == "underscore" and value >= 1000:
        return f"{value:_d}"
    if style == "float":
        return f"{value}.0"
    return str(value)


def _rate_text(draw, percent: int) -> str:
    style = draw(st.sampled_from(["percent", "fraction"]))
    if style == "percent":
        return f'"{percent}%"'
    return repr(percent / 100)


@st.composite
def plan_texts(draw, max_metrics: int = 12) -> str:
    """A valid plan file: a funnel or sum tree with comments and blank lines."""
    count = draw(st.integers(min_value=1, max_value=max_metrics))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [f"# {draw(NAMES)}", 'format_version = "1.0"', ""]
    if draw(st.booleans()):
        lines += ["[plan]", f'title = "{draw(NAMES)}"', 'currency = "JPY"  # money in yen', ""]
    for index in range(count):
        parent = None if index == 0 else draw(st.integers(min_value=0, max_value=index - 1))
        keys = [f'id = "m{index}"', f'name = "{draw(NAMES)}"']
        if parent is not None:
            keys.append(f'parent = "m{parent}"')
            keys.append(f"rate = {_rate_text(draw, draw(st.integers(min_value=1, max_value=100)))}")
        keys.append(f'relation = "{draw(st.sampled_from(["sum", "funnel", "none"]))}"')
        if draw(st.booleans()):
            keys.append(f"target = {_number_text(draw, draw(st.integers(min_value=0, max_value=10**9)))}")
        if draw(st.booleans()):
            keys.append(f'source = "{draw(NAMES)}"')
        if draw(st.booleans()):
            keys.append(f'better = "{draw(st.sampled_from(["higher", "lower", "Lower"]))}"')
        if draw(st.booleans()):
            keys.append(f'custom_field = "{draw(NAMES)}"  # a key this version does not know')
        head, rest = keys[:1], keys[1:]
        rest = draw(st.permutations(rest))
        table = ["[[metric]]", *head, *rest]
        if draw(st.booleans()):
            table.insert(draw(st.integers(min_value=1, max_value=len(table))), f"# note {index}")
        lines += table
        if draw(st.booleans()):
            lines.append("")
    text = newline.join(lines)
    if draw(st.booleans()):
        text += newline
    return text
