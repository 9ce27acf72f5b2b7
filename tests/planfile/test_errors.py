"""A bad plan file gives FILE:LINE:COL: error: ... and never a traceback."""

import pytest

from kpidesk.planfile import PlanFileError, load, loads

GOOD_HEAD = 'format_version = "1.0"\n\n[[metric]]\nid = "goal"\nname = "Goal"\nrelation = "funnel"\n\n'


def error_of(text: str) -> str:
    with pytest.raises(PlanFileError) as info:
        loads(text, "plan.toml")
    return str(info.value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[[metric]\nid = 1", "plan.toml:1:"),
        (GOOD_HEAD + '[[metric]]\nid = "leads"\nparent = "goal"\nname = "Leads"\nrate = "abc"\n',
         "plan.toml:12:8: error: metric 'leads', rate: 'abc' is not a number"),
        (GOOD_HEAD + '[[metric]]\nid = "leads"\nparent = "goal"\nname = "Leads"\nrate = 1.5\n',
         "plan.toml:12:8: error: metric 'leads', rate: rate 150% is outside 0-100 %"),
        (GOOD_HEAD + '[[metric]]\nid = "goal"\nname = "Again"\n',
         "plan.toml:9:6: error: duplicate id 'goal' (first used at line 4)"),
        (GOOD_HEAD + '[[metric]]\nid = "leads"\nparent = "nowhere"\nname = "Leads"\n',
         "plan.toml:10:10: error: metric 'leads': parent 'nowhere' is not the id of any metric"),
        ('[[metric]]\nid = "a"\nname = "A"\nparent = "b"\n[[metric]]\nid = "b"\nname = "B"\nparent = "a"\n',
         "the parents form a cycle"),
        ('format_version = "1.0"\n', "plan.toml:1:1: error: the plan has no metrics"),
        ('[[metric]]\nid = "a"\nname = "A"\ntarget = -5\n',
         "plan.toml:4:10: error: metric 'a', target: a count cannot be negative"),
        ('[[metric]]\nid = "a"\nname = "A"\ntarget = "many"\n',
         "plan.toml:4:10: error: metric 'a', target: 'many' is not a number"),
        ('[[metric]]\nid = "a"\nname = 5\n', "plan.toml:3:8: error: metric 'a': a name (text in quotes) is required"),
        ('[[metric]]\nid = "a"\nname = "A"\nkind = "apples"\n', "'apples' is not one of: count, money"),
        ('format_version = "2.0"\n[[metric]]\nid = "a"\nname = "A"\n',
         "plan.toml:1:18: error: this plan uses format 2.0, newer than this kpidesk reads (1.0)"),
        ('[[metric]]\nid = "9a"\nname = "A"\n', "plan.toml:2:6: error: metric id '9a'"),
        ('[[metric]]\nid = "a"\nname = "A"\ntarget = nan\n', "expected a finite number"),
        ('[[metric]]\nid = "a"\nname = "A"\ntarget = 1e308\n', "is too large"),
        ('[[metric]]\nid = "a"\nname = "A"\nrelation = "formula"\nformula = "b +"\n', "the formula ends too early"),
        ('[[metric]]\nid = "a"\nname = "A"\nrelation = "formula"\nformula = "zz * 2"\n',
         "plan.toml:5:11: error: metric 'a', formula: zz is not another metric"),
        ('[plan]\nkgi = "nope"\n[[metric]]\nid = "a"\nname = "A"\n', "plan.toml:2:7: error: plan.kgi: 'nope'"),
    ],
)
def test_bad_files_name_line_column_and_field(text, expected):
    assert expected in error_of(text)


def test_several_problems_are_all_listed():
    text = '[[metric]]\nid = "a"\nname = "A"\nrate = "x"\n[[metric]]\nid = "b"\nname = "B"\ntarget = "y"\n'
    message = error_of(text)
    assert "plan.toml:4:" in message and "plan.toml:8:" in message


def test_unreadable_files(tmp_path):
    with pytest.raises(PlanFileError, match="no such file"):
        load(tmp_path / "missing.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(PlanFileError, match="not UTF-8"):
        load(binary)
    with pytest.raises(PlanFileError, match="folder"):
        load(tmp_path)


def test_multiline_strings_do_not_confuse_positions():
    text = ('[[metric]]\nid = "a"\nname = "A"\nnotes = """\nrate = "fake"\n"""\n'
            '[[metric]]\nid = "b"\nparent = "a"\nname = "B"\nrate = "bad"\n')
    assert "plan.toml:11:8:" in error_of(text)
