"""The tidy-tree layout: no overlaps, parents centred, one row (or column) per depth."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from property_examples import examples

from kpidesk.render.layout import Layout, Node, Orientation, layout_tree

SIBLING_GAP, SUBTREE_GAP = 12.0, 20.0


@st.composite
def trees(draw, max_nodes: int = 40) -> list[Node]:
    """A random forest: each new box hangs below a random earlier one (or starts a root)."""
    count = draw(st.integers(1, max_nodes))
    sizes = st.tuples(st.floats(10, 200), st.floats(10, 120))
    nodes: list[Node] = []
    roots: list[Node] = []
    for key in range(count):
        width, height = draw(sizes)
        node = Node(key, width, height)
        parent = draw(st.integers(-1, len(nodes) - 1)) if nodes else -1
        if parent < 0 and roots:
            parent = -1 if draw(st.integers(0, 4)) == 0 else parent
        (roots if parent < 0 else nodes[parent].children).append(node)
        nodes.append(node)
    return roots


def _all(roots: list[Node]) -> list[Node]:
    result, stack = [], list(roots)
    while stack:
        node = stack.pop()
        result.append(node)
        stack.extend(node.children)
    return result


def _check(roots: list[Node], layout: Layout) -> None:
    nodes = _all(roots)
    assert set(layout.rects) == {n.key for n in nodes}
    for a, b in itertools.combinations(nodes, 2):
        ra, rb = layout.rects[a.key], layout.rects[b.key]
        assert not ra.overlaps(rb, SIBLING_GAP), (a.key, b.key, ra, rb)
    top = layout.orientation is Orientation.TOP_DOWN
    for node in nodes:
        rect = layout.rects[node.key]
        assert rect.width == node.width and rect.height == node.height
        assert rect.x >= -1e-9 and rect.y >= -1e-9
        assert rect.right <= layout.width + 1e-6 and rect.bottom <= layout.height + 1e-6
        if node.children:
            first, last = layout.rects[node.children[0].key], layout.rects[node.children[-1].key]
            if top:
                assert abs(rect.center_x - (first.center_x + last.center_x) / 2) < 1e-6
                assert all(layout.rects[c.key].y > rect.bottom for c in node.children)
            else:
                assert abs(rect.center_y - (first.center_y + last.center_y) / 2) < 1e-6
                assert all(layout.rects[c.key].x > rect.right for c in node.children)
            # sibling order is kept along the breadth axis
            keys = [layout.rects[c.key] for c in node.children]
            along = [r.center_x if top else r.center_y for r in keys]
            assert along == sorted(along)


@settings(max_examples=examples(150), deadline=None)
@given(trees())
def test_top_down_no_overlap_parents_centred(roots):
    _check(roots, layout_tree(roots, Orientation.TOP_DOWN, sibling_gap=SIBLING_GAP, subtree_gap=SUBTREE_GAP))


@settings(max_examples=examples(150), deadline=None)
@given(trees())
def test_left_to_right_no_overlap_parents_centred(roots):
    _check(roots, layout_tree(roots, Orientation.LEFT_TO_RIGHT, sibling_gap=SIBLING_GAP, subtree_gap=SUBTREE_GAP))


def test_same_depth_shares_a_row():
    leaf = [Node(f"c{i}", 50, 20 + i * 10) for i in range(3)]
    root = Node("root", 80, 30, [Node("a", 60, 40, leaf[:2]), Node("b", 60, 25, leaf[2:])])
    layout = layout_tree(root, Orientation.TOP_DOWN, level_gap=30)
    assert layout.rects["a"].y == layout.rects["b"].y == 30 + 30
    assert layout.rects["c0"].y == layout.rects["c2"].y == 60 + 40 + 30
    side = layout_tree(root, Orientation.LEFT_TO_RIGHT, level_gap=30)
    assert side.rects["a"].x == side.rects["b"].x == 80 + 30


def test_small_subtrees_between_large_ones_are_not_packed_to_one_side():
    wide = [Node(f"w{i}", 40, 20) for i in range(12)]
    big_left, big_right = Node("L", 40, 20, wide[:6]), Node("R", 40, 20, wide[6:])
    middle = [Node("m1", 40, 20), Node("m2", 40, 20)]
    root = Node("root", 40, 20, [big_left, *middle, big_right])
    rects = layout_tree(root, sibling_gap=10, subtree_gap=10).rects
    gaps = [rects[b].x - rects[a].right for a, b in (("L", "m1"), ("m1", "m2"), ("m2", "R"))]
    assert abs(gaps[0] - gaps[2]) < 1e-6 and gaps[0] > 10


def test_deep_chain_does_not_recurse():
    node = Node(0, 10, 10)
    root = node
    for key in range(1, 3000):
        child = Node(key, 10, 10)
        node.children.append(child)
        node = child
    layout = layout_tree(root)
    assert layout.rects[2999].x == layout.rects[0].x


def test_an_empty_forest_is_an_empty_drawing():
    layout = layout_tree([], margin=5)
    assert layout.rects == {} and layout.width == 10 and layout.height == 10


def test_layout_labels_and_table_never_import_qt():
    import subprocess
    import sys

    code = ("import sys, kpidesk.render.layout, kpidesk.render.labels, kpidesk.render.table; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
