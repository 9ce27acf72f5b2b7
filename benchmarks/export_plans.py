"""Plans for the export benchmark and the render tests: a sales goal split into channel funnels.

``channel_plan_text(200)`` gives a 200-metric plan as TOML text: sales = orders x
unit price, orders split by share over channels, each channel a funnel of
orders <- negotiations <- nurtured leads <- leads <- visits. Names mix English
and Japanese and some are long, so wrapping and CJK fonts are exercised; a
few metrics have actuals, so progress bars are drawn.
"""

from __future__ import annotations

import random

STAGES = (
    ("orders", "Orders", "orders", None),
    ("negotiations", "Negotiations", "meetings", "50%"),
    ("nurtured", "Nurtured leads", "leads", "40%"),
    ("leads", "Leads", "leads", "30%"),
    ("visits", "Visits", "visits", "2%"),
)
CHANNELS = (
    "Web", "Seminar", "Partner", "Trade show", "Newsletter", "展示会", "ウェビナー", "Search ads",
    "Social media", "ホワイトペーパー", "Referral programme with existing customers", "Direct mail",
)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def channel_plan_text(metrics: int = 200, seed: int = 7) -> str:
    """A plan with exactly ``metrics`` metrics (at least 8)."""
    rng = random.Random(seed)
    channels = max(1, (metrics - 3) // len(STAGES))
    extras = metrics - 3 - channels * len(STAGES)
    out = [
        'format_version = "1.0"', "",
        "[plan]", 'title = "Channel plan FY2026 (generated)"', 'currency = "JPY"', 'kgi = "orders"', "",
        "[[metric]]", 'id = "sales"', 'name = "Sales"', 'unit = "JPY"', 'kind = "money"',
        'relation = "product"', "target = 2_400_000_000", 'owner = "Sales division"', "",
        "[[metric]]", 'id = "orders"', 'parent = "sales"', 'name = "Orders"', 'unit = "orders"',
        'relation = "share"', "",
        "[[metric]]", 'id = "unit_price"', 'parent = "sales"', 'name = "Average unit price"', 'unit = "JPY"',
        'kind = "money"', "target = 8_000_000", "",
    ]
    share = 100 / channels
    for number in range(channels):
        label = CHANNELS[number % len(CHANNELS)]
        if number >= len(CHANNELS):
            label = f"{label} {number // len(CHANNELS) + 1}"
        parent = "orders"
        for index, (stem, stage, unit, rate) in enumerate(STAGES):
            metric_id = f"c{number}_{stem}"
            out += ["[[metric]]", f"id = {_quote(metric_id)}", f"parent = {_quote(parent)}",
                    f"name = {_quote(f'{label}: {stage}')}", f"unit = {_quote(unit)}"]
            if index + 1 < len(STAGES):
                out.append('relation = "funnel"')
            if index == 0:
                out.append(f'share = "{share:.2f}%"')
            else:
                out.append(f"rate = {_quote(rate)}")
            if rng.random() < 0.3:
                out.append(f"actual = {rng.randint(1, 400)}")
            out += [f"owner = {_quote(f'{label} team')}", 'interval = "monthly"',
                    f"source = {_quote(f'CRM report {number}-{index}')}", ""]
            parent = metric_id
    for number in range(extras):
        out += ["[[metric]]", f'id = "note_{number}"', 'parent = "unit_price"',
                f'name = "Price check {number + 1}"', 'unit = "JPY"', 'kind = "money"',
                f"target = {rng.randint(1, 9)}_000_000", ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(channel_plan_text())
