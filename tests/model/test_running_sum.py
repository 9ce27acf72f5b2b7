"""kpidesk.model.running_sum: a parent's parts added up once and kept, each edit replacing one part."""

from fractions import Fraction as F

from kpidesk.model.metric import Metric
from kpidesk.model.running_sum import RUNNING_SUM_FROM, RunningSum


def test_parts_add_up_and_a_replaced_part_counts_once():
    a, b = Metric("a", "A"), Metric("b", "B")
    running = RunningSum()
    assert (running.total, running.shares, running.unknown, running.parts) == (0, 0, 0, {})
    running.put(a, (F(10), F(1, 4)))
    running.put(b, (F(5, 2), F(1, 2)))
    assert (running.total, running.shares, running.unknown) == (F(25, 2), F(3, 4), 0)
    running.put(a, (F(3), F(1, 8)))  # 10 -> 3: 3 + 2.5
    assert (running.total, running.shares, running.unknown) == (F(11, 2), F(5, 8), 0)
    assert running.parts == {a: (F(3), F(1, 8)), b: (F(5, 2), F(1, 2))}


def test_an_unknown_part_is_counted_apart_and_none_removes_a_part():
    a, b, c = Metric("a", "A"), Metric("b", "B"), Metric("c", "C")
    running = RunningSum()
    running.put(a, (F(10), F(1)))
    running.put(b, (None, F(1)))  # a value not known yet
    running.put(c, (F(4), None))
    assert (running.total, running.shares, running.unknown) == (F(10), F(1), 2)
    running.put(b, (F(6), F(0)))  # now known
    assert (running.total, running.shares, running.unknown) == (F(16), F(1), 1)
    running.put(c, None)
    running.put(a, None)
    assert (running.total, running.shares, running.unknown) == (F(6), F(0), 0)
    assert running.parts == {b: (F(6), F(0))}
    running.put(a, None)  # removing what is not there changes nothing
    assert (running.total, running.unknown, len(running.parts)) == (F(6), 0, 1)
    assert running.stale == set()


def test_running_sums_start_at_sixteen_parts():
    assert RUNNING_SUM_FROM == 16
