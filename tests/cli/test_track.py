"""``kpidesk track``: the first quarter of the sample, as text and JSON, and a refused as-of."""

import json

import pytest

from kpidesk.cli import main

ACTUALS = {"visits": (130, 120, 130), "leads": (12, 12, 12), "nurtured": (6, 6, 6),
           "negotiations": (3, 3, 3), "web_orders": (1, 1, 1)}


@pytest.fixture
def tracked(tmp_path):
    path = tmp_path / "plan.toml"
    assert main(["new", "--template", "btob-web", str(path)]) == 0
    text = path.read_text(encoding="utf-8").replace('interval = "weekly"', 'interval = "monthly"')
    for metric, values in ACTUALS.items():
        rows = "".join(f'"2026-{4 + i:02d}" = {v}\n' for i, v in enumerate(values))
        anchor = f'id = "{metric}"\n'
        start = text.index(anchor)
        end = text.find("\n[[metric]]", start)
        end = len(text) if end < 0 else end
        text = text[:end].rstrip("\n") + "\n\n[metric.actuals]\n" + rows + text[end:]
    path.write_text(text, encoding="utf-8")
    return path


def test_track_json_as_of_june(tracked, capsys):
    assert main(["track", str(tracked), "--as-of", "2026-06", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["as_of"] == "2026-06-30"
    rows = {row["id"]: row for row in document["metrics"]}
    assert (rows["web_orders"]["target_to_date"], rows["web_orders"]["actual_to_date"]) == (5, 3)
    assert rows["web_orders"]["progress"] == 0.6 and rows["web_orders"]["status"] == "behind"
    assert rows["web_orders"]["pace"] == 12
    assert rows["negotiations"]["actual_rate"] == pytest.approx(1 / 3) and rows["negotiations"]["planned_rate"] == 0.5
    assert "actual_rate" not in rows["sales"]
    bottleneck = document["bottleneck"]
    assert (bottleneck["metric"], bottleneck["reason"], bottleneck["kgi_reforecast"]) == ("negotiations", "rate", 12)
    assert bottleneck["countermeasure"].startswith("Add a second follow-up call")


def test_track_text_names_the_bottleneck(tracked, capsys):
    assert main(["track", str(tracked), "--as-of", "2026/06"]) == 0
    out = capsys.readouterr().out
    assert "as of 2026-06-30" in out and "Bottleneck: Negotiations" in out
    assert "ends at 12 Web orders against 20: Negotiations costs 6 of the 8 missing." in out


def test_a_bad_as_of_is_refused(tracked, capsys):
    assert main(["track", str(tracked), "--as-of", "June"]) == 2
    assert "'June' is not a period" in capsys.readouterr().err
