"""A save never writes a file that does not open again as the plan written.

The property: any sequence of edits (``kpidesk/model/edits.py``) on the
btob-web template, also written in the TOML shapes other tools use (an inline
array of metrics, dotted plan keys, inline sub-tables, CRLF), saves, and the
file reads back with every metric's stored fields, the tree's order and the
plan's facts as they were in memory, and the values calculated from them
(target, forecast, rate) are the same too. And when the text made is not the
plan (a writer fault, simulated here), nothing is written: file and backup
keep their bytes.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property_examples import examples

from kpidesk import cli, paths
from kpidesk.model.edits import AddMetric, Edit, MoveMetric, RemoveMetric, SetField, SetInfo
from kpidesk.model.metric import Metric
from kpidesk.model.plan import INFO_FIELDS, Plan, PlanError
from kpidesk.planfile import PlanFile, codec, load, loads, save
from kpidesk.planfile.writer import PlanWriter
from kpidesk.storage.atomic import SaveError

TEMPLATE = paths.templates()["btob-web"]
TEXT = TEMPLATE.read_text(encoding="utf-8")


# ---- the template in other shapes ---------------------------------------------------------------------
def _inline(value: object) -> str:
    return tomlkit.item(value).as_string() if not isinstance(value, dict) else (
        "{" + ", ".join(f"{tomlkit.key(k).as_string()} = {_inline(v)}" for k, v in value.items()) + "}")


def inline_metrics(text: str) -> str:
    """The metrics as one inline array (``metric = [{...}, ...]``), as another tool may write them."""
    data = tomllib.loads(text)
    entries = ",\n".join("  " + _inline(entry) for entry in data["metric"])
    plan = tomlkit.dumps({"plan": data["plan"]})
    return f'# written by another tool\nformat_version = "1.0"\nmetric = [\n{entries},\n]\n\n{plan}'


def dotted_plan(text: str) -> str:
    """The plan's facts as dotted keys at the top (``plan.title = ...``)."""
    head, _, rest = text.partition("[plan]\n")
    facts, _, metrics = rest.partition("\n[[metric]]")
    dotted = "".join(f"plan.{line}\n" for line in facts.splitlines() if line.strip())
    return head + dotted + "\n[[metric]]" + metrics


def inline_tables(text: str) -> str:
    """Actuals and phasing as inline tables inside ``[[metric]]`` (``actuals = {"2026-04" = 3}``)."""
    return text.replace('name = "Visits"\n', 'name = "Visits"\nactuals = {"2026-04" = 1_300, "2026-05" = 1200}\n'
                        'phasing = {"2026-12" = 3}\n')


def sub_tables(text: str) -> str:
    """Actuals as a ``[metric.actuals]`` sub-table with dotted keys in another metric."""
    return text.replace('name = "Leads"\n', 'name = "Leads"\nactuals."2026-04" = 12\n')


SHAPES = {
    "as-written": lambda text: text,
    "inline-metrics": inline_metrics,
    "dotted-plan": dotted_plan,
    "inline-tables": inline_tables,
    "dotted-sub-tables": sub_tables,
    "crlf-inline": lambda text: inline_metrics(text).replace("\n", "\r\n"),
    "all": lambda text: dotted_plan(sub_tables(inline_tables(text))),
}


def test_the_shapes_read_as_the_template() -> None:
    plan = loads(TEXT).plan
    for name, shape in SHAPES.items():
        again = loads(shape(TEXT)).plan
        assert [m.id for m in again.walk()] == [m.id for m in plan.walk()], name
        assert again.info == plan.info, name


# ---- the property ---------------------------------------------------------------------------------------
AMOUNTS = st.one_of(st.none(), st.integers(0, 10**9).map(Decimal), st.decimals(0, 10**6, places=2))
FRACTIONS = st.one_of(st.none(), st.integers(1, 100).map(lambda n: Decimal(n) / 100),
                      st.sampled_from([Decimal("0.00015"), Decimal("0.285750")]))
NAMES = st.text(alphabet="abc XYZ-訪問リード\"'\\#=[]{}", min_size=1, max_size=12).filter(str.strip)
LONG = st.text(alphabet="ab \n\t\"'\\#=[]{}受注", max_size=30)
PERIODS = st.sampled_from(["2026-04", "2026-05", "2026-12", "2027-03"])
TABLES = st.one_of(st.none(), st.dictionaries(PERIODS, st.integers(0, 10**6).map(Decimal), max_size=3))


@st.composite
def an_edit(draw: st.DrawFn, plan: Plan) -> Edit:
    ids = sorted(plan.metrics)
    metric_id = draw(st.sampled_from(ids))
    kind = draw(st.sampled_from(["target", "actual", "rate", "share", "name", "unit", "notes", "owner", "kind",
                                 "relation", "lag", "actuals", "phasing", "add", "remove", "move", "info",
                                 "solve"]))
    if kind in ("target", "actual"):
        return SetField(metric_id, kind, draw(AMOUNTS))
    if kind in ("rate", "share"):
        return SetField(metric_id, kind, draw(FRACTIONS))
    if kind in ("name", "unit", "owner"):
        return SetField(metric_id, kind, draw(NAMES))
    if kind == "notes":
        return SetField(metric_id, "notes", draw(LONG))
    if kind == "kind":
        return SetField(metric_id, "kind", draw(st.sampled_from(["count", "money", "number"])))
    if kind == "relation":
        return SetField(metric_id, "relation", draw(st.sampled_from(["none", "sum", "funnel", "share"])))
    if kind == "lag":
        return SetField(metric_id, "lag", draw(st.integers(0, 3)))
    if kind in ("actuals", "phasing"):
        return SetField(metric_id, kind, draw(TABLES) or {})
    if kind == "solve":
        return SetField(metric_id, "solve_rate", draw(st.booleans()))
    if kind == "info":
        return SetInfo(draw(st.sampled_from(["title", "owner", "notes", "kgi"])),
                       draw(st.one_of(NAMES, st.sampled_from(ids))))
    if kind == "add":
        parent = draw(st.one_of(st.none(), st.sampled_from(ids)))
        return AddMetric(Metric(plan.new_id("m"), draw(NAMES)), parent, draw(st.integers(0, 5)))
    if kind == "remove":
        return RemoveMetric(metric_id)
    return MoveMetric(metric_id, draw(st.one_of(st.none(), st.sampled_from(ids))), draw(st.integers(0, 5)))


def same_plan(plan: Plan, again: Plan) -> None:
    assert [m.id for m in again.walk()] == [m.id for m in plan.walk()]
    for metric in plan.walk():
        other = again.metrics[metric.id]
        assert codec.metric_values(other) == codec.metric_values(metric), metric.id
        mine, theirs = metric.computed, other.computed
        assert (theirs.target, theirs.forecast, theirs.rate) == (mine.target, mine.forecast, mine.rate), metric.id
    for key in INFO_FIELDS:
        assert codec.encode_info(again.info.get(key)) == codec.encode_info(plan.info.get(key)), key


def write_and_read_back(folder: Path, shape: str, data: st.DataObject) -> None:
    path = folder / "plan.toml"
    path.write_bytes(SHAPES[shape](TEXT).encode("utf-8"))
    plan_file = load(path)
    for _save in range(data.draw(st.integers(1, 2), label="saves")):
        for _ in range(data.draw(st.integers(1, 12), label="edits")):
            try:
                data.draw(an_edit(plan_file.plan)).apply(plan_file.plan)
            except PlanError:
                continue
        save(plan_file)  # raises SaveError if the text made did not read back as the plan
        same_plan(plan_file.plan, load(path).plan)
    tomllib.loads(path.read_text(encoding="utf-8"))


HEALTH = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@pytest.mark.parametrize("shape", list(SHAPES))
@settings(max_examples=examples(15), deadline=None, database=None, suppress_health_check=HEALTH)
@given(data=st.data())
def test_every_accepted_write_reads_back_as_the_plan_written(tmp_path_factory, shape: str,
                                                             data: st.DataObject) -> None:
    write_and_read_back(tmp_path_factory.mktemp("write"), shape, data)


@pytest.mark.slow
@pytest.mark.parametrize("shape", list(SHAPES))
@settings(max_examples=400, deadline=None, database=None, suppress_health_check=HEALTH)
@given(data=st.data())
def test_every_accepted_write_reads_back_many(tmp_path_factory, shape: str, data: st.DataObject) -> None:
    write_and_read_back(tmp_path_factory.mktemp("write"), shape, data)


# ---- a writer fault is never written ------------------------------------------------------------------
@pytest.fixture
def saved_once(tmp_path: Path) -> tuple[Path, PlanFile, bytes, bytes]:
    path = tmp_path / "plan.toml"
    path.write_bytes(TEMPLATE.read_bytes())
    plan_file = load(path)
    SetField("visits", "rate", Decimal("0.2")).apply(plan_file.plan)
    save(plan_file)  # now there is a backup too
    SetField("visits", "rate", Decimal("0.25")).apply(plan_file.plan)
    return path, plan_file, path.read_bytes(), (tmp_path / "plan.toml.bak").read_bytes()


@pytest.mark.parametrize("fault, words", [
    (lambda text: text + "\n[[metric]\n", "would not open again (line"),
    (lambda text: text.replace('rate = "25%"', 'rate = "52%"'), "metric 'visits', rate"),
    (lambda text: text.replace('id = "unit_price"', 'id = "unit_prize"'), "metric 'unit_price' would be missing"),
    (lambda text: text.replace('title = "Web orders FY2026"', 'title = "Web orders"'), "plan.title"),
])
def test_text_that_is_not_the_plan_is_never_written(saved_once, monkeypatch: pytest.MonkeyPatch, fault,
                                                    words: str) -> None:
    path, plan_file, before, backup = saved_once
    write = PlanWriter.write
    monkeypatch.setattr(PlanWriter, "write", lambda self, plan, touched=None: fault(write(self, plan, touched)))
    with pytest.raises(SaveError) as refused:
        save(plan_file)
    assert words in str(refused.value) and "were left as they were" in str(refused.value)
    assert path.read_bytes() == before and (path.parent / "plan.toml.bak").read_bytes() == backup
    assert sorted(p.name for p in path.parent.iterdir()) == ["plan.toml", "plan.toml.bak"]


def test_set_on_inline_metrics_converts_them_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(inline_metrics(TEXT), encoding="utf-8")
    before = load(path).plan
    assert cli.main(["set", str(path), "visits.rate=12%", "leads.unit=people"]) == cli.EXIT_OK
    assert "inline array" in capsys.readouterr().err
    text = path.read_text(encoding="utf-8")
    assert "metric = [" not in text and text.count("[[metric]]") == len(before.metrics)
    assert text.startswith("# written by another tool\n")
    after = load(path).plan
    SetField("visits", "rate", Decimal("0.12")).apply(before)
    SetField("leads", "unit", "people").apply(before)
    same_plan(before, after)
    assert (tmp_path / "plan.toml.bak").read_text(encoding="utf-8") == inline_metrics(TEXT)
