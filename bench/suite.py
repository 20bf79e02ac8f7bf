"""The measurements of the benchmark, run inside its virtual environment by ``run.py``."""

from __future__ import annotations

import datetime
import functools
import json
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import floor
import measure
import payloads
import report
from contenders import CONTENDERS, Contender

import oauthflows

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


@dataclass(frozen=True)
class Settings:
    """How long to measure: the full run, or a quick one for trying a change."""

    rounds: int
    sample_seconds: float
    import_runs: int
    memory_instances: int
    check_rounds: int


# Many short samples: on a shared machine a 2 ms sample often runs undisturbed, where a 20 ms one
# rarely does, and the best sample is the figure kept.
FULL = Settings(rounds=200, sample_seconds=0.002, import_runs=21, memory_instances=2000, check_rounds=15)
QUICK = Settings(rounds=20, sample_seconds=0.001, import_runs=5, memory_instances=500, check_rounds=3)


@dataclass
class Results:
    """Everything the results page shows."""

    settings: Settings
    machine: dict[str, str]
    times: dict[tuple[str, str, str], float] = field(default_factory=dict)
    """Seconds per call, by (payload, library, operation)."""
    faithful: dict[tuple[str, str], bool] = field(default_factory=dict)
    """Whether writing back what was read gives the input, by (payload, library)."""
    import_seconds: dict[str, float] = field(default_factory=dict)
    imported_by_oauthflows: list[tuple[str, float]] = field(default_factory=list)
    memory: dict[tuple[str, bool], float] = field(default_factory=dict)
    """Bytes per typical scheme, by (library, own input)."""
    floor: dict[str, float] = field(default_factory=dict)
    """Seconds per call of each step of a typical parse, of the one-function reader and of two libraries."""
    floor_titles: dict[str, str] = field(default_factory=dict)
    """The description of each step of ``floor``, as the results page shows it."""
    least_memory: int = 0
    """Bytes of the objects and containers that a parsed typical scheme must own."""
    check: dict[str, float] | None = None
    """Seconds for ``json.load`` and for ``check``, or None when oauthflows has no checker yet."""
    document_bytes: int = 0
    document_operations: int = 0


def run(*, quick: bool, output: Path) -> None:
    """Take every measurement, write the results page and print its targets table."""
    settings = QUICK if quick else FULL
    results = Results(settings=settings, machine=_machine())

    _progress("timing parse, dump and round trip")
    _time_payloads(results)
    _progress("timing the steps of a typical parse")
    _time_floor(results)
    _progress("timing cold imports")
    modules = {contender.name: contender.module for contender in CONTENDERS}
    python_path = [str(ROOT), str(BENCH)]
    results.import_seconds = measure.import_times(modules, settings.import_runs, python_path)
    results.imported_by_oauthflows = measure.imported_modules("oauthflows", python_path)
    _progress("measuring memory")
    text = json.dumps(payloads.typical())
    for contender in CONTENDERS:
        for own_input in (False, True):
            results.memory[contender.name, own_input] = measure.memory_per_instance(
                contender.parse, text, settings.memory_instances, own_input=own_input
            )
    _progress("timing check on a generated document")
    _time_check(results)

    page = report.render(results)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    print(report.targets_table(results))
    print(f"\nwrote {output}")


def _time_payloads(results: Results) -> None:
    cases: dict[str, Callable[[], object]] = {}
    keys: dict[str, tuple[str, str, str]] = {}
    for payload_name, build in payloads.PAYLOADS.items():
        for contender in CONTENDERS:
            parse, dump = _calls(contender, payload_name)
            data = payloads.fresh(build())
            parsed = parse(data)
            results.faithful[payload_name, contender.name] = dump(parsed) == data
            for operation, case in (
                ("parse", functools.partial(parse, data)),
                ("dump", functools.partial(dump, parsed)),
                ("round trip", functools.partial(_round_trip, parse, dump, data)),
            ):
                name = f"{payload_name} {contender.name} {operation}"
                cases[name] = case
                keys[name] = (payload_name, contender.name, operation)
    best = measure.best_times(cases, results.settings.rounds, results.settings.sample_seconds)
    for name, seconds in best.items():
        results.times[keys[name]] = seconds


def _time_floor(results: Results) -> None:
    data = payloads.fresh(payloads.typical())
    reference = next(contender for contender in CONTENDERS if contender.name == report.REFERENCE)
    if floor.read_in_one_function(data) != oauthflows.OAuth2.from_dict(data):
        raise AssertionError("the one-function reader disagrees with OAuth2.from_dict")

    cases: dict[str, Callable[[], object]] = {}
    for name, (title, call) in floor.steps(data).items():
        cases[name] = call
        results.floor_titles[name] = title
    cases["one function"] = functools.partial(floor.read_in_one_function, data)
    cases["oauthflows"] = functools.partial(oauthflows.OAuth2.from_dict, data)
    cases[reference.name] = functools.partial(reference.parse, data)
    results.floor = measure.best_times(cases, results.settings.rounds, results.settings.sample_seconds)
    results.least_memory = floor.least_memory(oauthflows.OAuth2.from_dict(data))


def _calls(contender: Contender, payload_name: str) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    if payload_name == "components":
        return contender.parse_map, contender.dump_map
    return contender.parse, contender.dump


def _round_trip(parse: Callable[[Any], Any], dump: Callable[[Any], Any], data: object) -> object:
    return dump(parse(data))


def _time_check(results: Results) -> None:
    import oauthflows

    read_document = getattr(oauthflows, "read_document", None)
    document = payloads.document()
    text = json.dumps(document)  # One line with the default separators: no indentation to inflate json.load.
    results.document_bytes = len(text.encode())
    results.document_operations = sum(
        1 for item in document["paths"].values() for method in payloads.HTTP_METHODS if method in item
    )
    if read_document is None:
        return

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "openapi.json"
        path.write_text(text, encoding="utf-8")

        def load() -> object:
            with path.open(encoding="utf-8") as file:
                return json.load(file)

        def check() -> object:
            return read_document(path).findings

        best = measure.best_times({"json.load": load, "check": check}, results.settings.check_rounds, 0.0)
    results.check = best


def _machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "system": platform.platform(),
        "cpu": cpu,
        "cores": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()),
        "commit": _commit(),
        "load": "{:.1f}, {:.1f}, {:.1f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else "unknown",
        "date": datetime.date.today().isoformat(),
    }


def _commit() -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "oauthflows"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit} with uncommitted changes in oauthflows/" if changed else commit


def _progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)
