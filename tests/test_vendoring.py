"""A copy of the package vendored under another name works on its own, beside the original.

Tools vendor the package as ``theirs._vendor.NAME``. That works only when
every import inside it is relative and no module keeps state that another
copy could reach.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import oauthflows

PACKAGE_DIR = Path(oauthflows.__file__).resolve().parent
COPY_NAME = "vendored_pkg._vendor.flows_copy"

# Runs in a fresh interpreter and prints one JSON object of results for the tests to check.
# argv[1] is the folder that contains vendored_pkg, and argv[2] the one that contains oauthflows.
VENDORED_SCRIPT = """
import json
import sys

sys.path.insert(0, sys.argv[1])
from vendored_pkg._vendor import flows_copy

for name in flows_copy.__all__:
    getattr(flows_copy, name)  # Loads the modules that the package imports lazily, too.
leaked = sorted(name for name in sys.modules if name.split(".")[0] == "oauthflows")

data = {
    "type": "oauth2",
    "flows": {"clientCredentials": {"tokenUrl": "/token", "scopes": {"read": "Read"}, "x-a": [1, None]}},
    "x-provider": "example",
}
scheme = flows_copy.parse_security_scheme(data)
try:
    flows_copy.parse_security_scheme({"type": "OAuth2", "flows": {}})
except flows_copy.ValidationError as error:
    copy_error = str(error)

sys.path.append(sys.argv[2])
import oauthflows

original = oauthflows.parse_security_scheme(data)
copy_modules = {name: module for name, module in sys.modules.items() if name.startswith("vendored_pkg.")}
original_modules = {name: module for name, module in sys.modules.items() if name.split(".")[0] == "oauthflows"}
try:
    flows_copy.parse_security_scheme({"type": "http"})
except oauthflows.ValidationError:
    caught_by = "oauthflows"
except flows_copy.ValidationError:
    caught_by = "copy"

print(json.dumps({
    "leaked": leaked,
    "scheme_module": type(scheme).__module__,
    "round_trip": scheme.to_dict() == data,
    "copy_error": copy_error,
    "copy_modules": sorted(copy_modules),
    "shared_modules": sorted(
        name for name, module in copy_modules.items() if any(module is other for other in original_modules.values())
    ),
    "same_class": type(scheme) is type(original),
    "same_output": scheme.to_dict() == original.to_dict(),
    "caught_by": caught_by,
}))
"""


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("vendoring")
    vendor = root / "vendored_pkg" / "_vendor"
    shutil.copytree(PACKAGE_DIR, vendor / "flows_copy", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "vendored_pkg" / "__init__.py").write_text("")
    (vendor / "__init__.py").write_text("")

    command = [sys.executable, "-I", "-c", VENDORED_SCRIPT, str(root), str(PACKAGE_DIR.parent)]
    run = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    output: dict[str, object] = json.loads(run.stdout)
    return output


def test_vendored_copy_imports_nothing_of_the_original(results: dict[str, object]) -> None:
    assert results["leaked"] == []
    assert results["scheme_module"] == f"{COPY_NAME}._schemes"


def test_vendored_copy_round_trips(results: dict[str, object]) -> None:
    assert results["round_trip"] is True


def test_vendored_copy_reports_errors(results: dict[str, object]) -> None:
    assert results["copy_error"] == "/type: unknown security scheme type 'OAuth2', did you mean 'oauth2'?"


def test_vendored_copy_shares_no_modules_with_original(results: dict[str, object]) -> None:
    copy_modules = results["copy_modules"]

    assert isinstance(copy_modules, list)
    assert f"{COPY_NAME}._schemes" in copy_modules
    assert results["shared_modules"] == []
    assert results["same_class"] is False
    assert results["same_output"] is True


def test_vendored_copy_raises_its_own_error_class(results: dict[str, object]) -> None:
    assert results["caught_by"] == "copy"
