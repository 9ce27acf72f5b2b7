"""How many examples a property test tries in this run: all of them in CI, a fifth by default.

Each property test writes the count it is meant to run with, ``max_examples=examples(300)``.
The hypothesis profile (tests/conftest.py) scales it: ``HYPOTHESIS_PROFILE=ci`` (CI's second
run, .ci/run) tries every example written; the default run (``python3 dev.py test``) a fifth,
at least 10, so that it stays under two minutes. Tests marked slow write their counts as they
are: they run only when asked for.
"""

from __future__ import annotations

from hypothesis import settings

#: max_examples of the "ci" profile, hypothesis's own default; the default run's profile has fewer
FULL = 100


def examples(full: int) -> int:
    """``full`` scaled to the loaded profile, never below 10 (nor above ``full``)."""
    return max(min(full, 10), round(full * settings.default.max_examples / FULL))
