"""Hypothesis settings profiles for the property-based tests.

HYPOTHESIS_PROFILE picks a profile by name. Without it, ``ci`` is used when
CI=true and ``dev`` otherwise:

- ``dev``: 100 examples a test, from a random seed.
- ``ci``: 50 examples a test, derandomized so that every run tries the same
  examples, and without the example database.
- ``long``: 2,000 examples a test, from a random seed, for a run by hand:
  ``HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py``.

No profile has a deadline, because a test that fails on a slow machine would
fail for the machine's sake.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=50, deadline=None, derandomize=True, database=None, print_blob=True
)
settings.register_profile(
    "long", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
)
