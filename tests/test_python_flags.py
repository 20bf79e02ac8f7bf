"""The package under ``python -OO`` (no docstrings, no asserts) and ``python -I`` (isolated mode).

Appliances and frozen bundles may run optimized, and system tools run
isolated, so neither docstrings nor asserts nor the environment may carry
behaviour.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import oauthflows

PACKAGE_PARENT = Path(oauthflows.__file__).resolve().parent.parent

# argv[1] is the folder that contains the package under test. Prints one JSON object of results.
FLAGS_SCRIPT = """
import json
import sys

sys.path.insert(0, sys.argv[1])
import oauthflows

for name in oauthflows.__all__:
    getattr(oauthflows, name)  # Loads the modules that the package imports lazily, too.

data = {
    "type": "oauth2",
    "description": "Example",
    "flows": {"password": {"tokenUrl": "/token", "scopes": {"read": "Read"}, "x-a": {"b": [1.5, None]}}},
    "deprecated": False,
}
scheme = oauthflows.parse_security_scheme(data)
errors = []
for bad in ({"type": "apiKey", "name": 5, "in": "body"}, {"type": "oauth2"}):
    try:
        oauthflows.parse_security_scheme(bad)
    except oauthflows.ValidationError as error:
        errors.append(str(error))
try:
    oauthflows.OAuthFlowPassword(token_url=5)
except oauthflows.ValidationError as error:
    errors.append(str(error))
try:
    scheme.flows.password.scopes["write"] = "Write"
except TypeError:
    errors.append("TypeError")

print(json.dumps({
    "optimize": sys.flags.optimize,
    "isolated": sys.flags.isolated,
    "docstring": oauthflows.parse_security_scheme.__doc__,
    "module_file": oauthflows.__file__,
    "round_trip": scheme.to_dict() == data,
    "errors": errors,
}))
"""

FLAGS = [
    pytest.param(["-OO"], 2, 0, id="OO"),
    pytest.param(["-I"], 0, 1, id="I"),
    pytest.param(["-I", "-OO"], 2, 1, id="I-OO"),
]


def _run_with_flags(flags: list[str]) -> dict[str, object]:
    # -B keeps the optimized bytecode of this run out of the package's __pycache__.
    command = [sys.executable, "-B", *flags, "-c", FLAGS_SCRIPT, str(PACKAGE_PARENT)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    results: dict[str, object] = json.loads(run.stdout)
    return results


@pytest.mark.parametrize(("flags", "optimize", "isolated"), FLAGS)
def test_package_under_flags_round_trips(flags: list[str], optimize: int, isolated: int) -> None:
    results = _run_with_flags(flags)

    assert results["optimize"] == optimize
    assert results["isolated"] == isolated
    # -OO drops docstrings along with asserts, so a missing docstring shows that the flag took effect.
    assert results["docstring"] == (None if optimize == 2 else oauthflows.parse_security_scheme.__doc__)
    assert results["module_file"] == oauthflows.__file__
    assert results["round_trip"] is True


@pytest.mark.parametrize(("flags", "optimize", "isolated"), FLAGS)
def test_package_under_flags_reports_errors(flags: list[str], optimize: int, isolated: int) -> None:
    results = _run_with_flags(flags)

    assert results["errors"] == [
        "/name: expected a string, got 5 (integer)\n"
        "/in: unknown API key location 'body', expected one of 'query', 'header', 'cookie'",
        "/flows: missing required field, expected an object of flows",
        "/tokenUrl: expected a string, got 5 (integer)",
        "TypeError",
    ]


HELP_SCRIPT = """
import sys

sys.path.insert(0, sys.argv[1])
from oauthflows.__main__ import main

sys.exit(main(["--help"]))
"""


@pytest.mark.parametrize(("flags", "optimize", "isolated"), FLAGS)
def test_command_line_under_flags_shows_help(flags: list[str], optimize: int, isolated: int) -> None:
    command = [sys.executable, "-B", *flags, "-c", HELP_SCRIPT, str(PACKAGE_PARENT)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("usage: oauthflows")
