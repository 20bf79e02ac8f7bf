"""The built wheel and sdist, and the wheel installed offline into a fresh virtual environment.

The build runs flit_core's build backend in this environment, as a build
without isolation does, so no test here needs the network.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path, PurePosixPath
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parents[1]

BUILD_SCRIPT = """
import sys
from flit_core import buildapi

print(buildapi.build_wheel(sys.argv[1]))
print(buildapi.build_sdist(sys.argv[1]))
"""


class Dist(NamedTuple):
    wheel: Path
    sdist: Path


def _clean_environment() -> dict[str, str]:
    """Return this process's environment without the pip and Python settings of the machine."""
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith(("PIP_", "PYTHON"))
    }
    environment["PIP_CONFIG_FILE"] = os.devnull  # pip then reads no configuration file at all.
    environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return environment


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=_clean_environment(), capture_output=True, text=True, timeout=300, check=False
    )


def _venv_script(environment: Path, name: str) -> Path:
    return environment / ("Scripts" if os.name == "nt" else "bin") / name


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    if importlib.util.find_spec("flit_core") is None:
        message = "flit_core is not installed. Run these tests through tox, which installs it, or pip install flit_core."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)

    output = tmp_path_factory.mktemp("dist")
    built = _run([sys.executable, "-c", BUILD_SCRIPT, str(output)], cwd=ROOT)
    assert built.returncode == 0, built.stderr
    wheel_name, sdist_name = built.stdout.split()
    return Dist(output / wheel_name, output / sdist_name)


@pytest.fixture(scope="module")
def installed(dist: Dist, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a fresh virtual environment with the wheel installed from the file alone."""
    environment = tmp_path_factory.mktemp("venv")
    venv.create(environment, with_pip=True, clear=True)
    python = _venv_script(environment, "python")
    install = _run([str(python), "-m", "pip", "install", "--no-index", str(dist.wheel)], cwd=environment)
    assert install.returncode == 0, install.stdout + install.stderr
    return environment


def test_wheel_ships_py_typed(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as wheel:
        names = wheel.namelist()

    assert "oauthflows/py.typed" in names
    assert "oauthflows/__init__.py" in names


def test_wheel_requires_nothing_outside_extras(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as wheel:
        metadata_name = next(name for name in wheel.namelist() if name.endswith(".dist-info/METADATA"))
        metadata = wheel.read(metadata_name).decode("utf-8")
    requirements = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]

    assert requirements == ['Requires-Dist: PyYAML >=5.1 ; extra == "yaml"']


def test_sdist_contains_tests_and_typings(dist: Dist) -> None:
    with tarfile.open(dist.sdist) as sdist:
        names = {PurePosixPath(*PurePosixPath(name).parts[1:]).as_posix() for name in sdist.getnames()}
    expected = {
        path.relative_to(ROOT).as_posix()
        for folder in ("tests", "typings")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }

    assert "tests/test_install.py" in expected
    assert "typings/check_models.py" in expected
    assert expected - names == set()
    assert {"pyproject.toml", "README.md", "tox.ini", "oauthflows/py.typed"} <= names


def test_wheel_installs_offline_alone(installed: Path) -> None:
    python = _venv_script(installed, "python")
    listing = _run(
        [
            str(python),
            "-I",
            "-c",
            "import importlib.metadata, json;"
            " print(json.dumps([d.metadata['Name'] for d in importlib.metadata.distributions()]))",
        ],
        cwd=installed,
    )
    assert listing.returncode == 0, listing.stderr
    names = {name.lower() for name in json.loads(listing.stdout)}

    assert "oauthflows" in names
    # A virtual environment starts with pip, and before Python 3.12 with setuptools too.
    assert names - {"oauthflows", "pip", "setuptools"} == set()


INSTALLED_ROUND_TRIP = """
import oauthflows

data = {"type": "http", "scheme": "bearer", "x-note": [1, None]}
print(oauthflows.__file__)
print(oauthflows.parse_security_scheme(data).to_dict() == data)
try:
    oauthflows.parse_security_scheme({"type": "http"})
except oauthflows.ValidationError as error:
    print(error)
"""


def test_installed_package_round_trips(installed: Path) -> None:
    python = _venv_script(installed, "python")
    result = _run([str(python), "-I", "-c", INSTALLED_ROUND_TRIP], cwd=installed)
    assert result.returncode == 0, result.stderr
    module_file, round_trip, error = result.stdout.splitlines()

    assert Path(module_file).is_relative_to(installed)
    assert (Path(module_file).parent / "py.typed").is_file()
    assert round_trip == "True"
    assert error == "/scheme: missing required field, expected a string"


def test_installed_script_shows_help(installed: Path) -> None:
    script = _venv_script(installed, "oauthflows")
    result = _run([str(script), "--help"], cwd=installed)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: oauthflows")
    assert "check" in result.stdout


def test_installed_script_checks_a_document(installed: Path, tmp_path: Path) -> None:
    scheme = {"type": "apiKey", "name": "X-API-Key", "in": "header"}
    document = {
        "openapi": "3.1.0",
        "info": {"title": "Example", "version": "1.0"},
        "paths": {},
        "components": {"securitySchemes": {"key": scheme}},
    }
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    script = _venv_script(installed, "oauthflows")
    result = _run([str(script), "check", "--format", "json", str(path)], cwd=installed)
    assert result.returncode == 0, result.stdout + result.stderr
    checked = json.loads(result.stdout)["documents"][0]

    assert checked["version"] == "3.1.0"
    assert checked["schemes"] == {"key": scheme}
    assert checked["findings"] == []
