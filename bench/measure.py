"""Timing, import-time and memory measurements, each library measured the same way."""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import timeit
import tracemalloc
from collections.abc import Callable
from typing import Any


def best_times(
    cases: dict[str, Callable[[], object]], rounds: int, sample_seconds: float
) -> dict[str, float]:
    """Return the best time of one call of each case, in seconds, timing the cases interleaved.

    Each round times every case once, as ``timeit`` does: a loop of calls
    with the garbage collector off. A slow spell of the machine so falls on
    all cases alike, and the best round of each case is the one least
    disturbed.
    """
    timers = {name: timeit.Timer(case) for name, case in cases.items()}
    loops = {name: _loops_for(timer, sample_seconds) for name, timer in timers.items()}
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(rounds):
        for name, timer in timers.items():
            best[name] = min(best[name], timer.timeit(loops[name]) / loops[name])
    return best


def _loops_for(timer: timeit.Timer, sample_seconds: float) -> int:
    loops = 1
    while True:
        elapsed = timer.timeit(loops)
        if elapsed >= sample_seconds / 10:
            return max(1, round(loops * sample_seconds / elapsed))
        loops *= 10


def import_times(modules: dict[str, str], runs: int, python_path: list[str]) -> dict[str, float]:
    """Return the median time of ``import MODULE`` in a fresh interpreter, in seconds, per name.

    Interpreter start-up is not included: the child times only its import
    statement. Bytecode caches are written by one run before the timed ones,
    so "cold" means a new process, not an empty disk cache. The runs of the
    modules are interleaved, like the timings.
    """
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(python_path))
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    samples: dict[str, list[float]] = {name: [] for name in modules}
    for run in range(runs + 1):
        for name, module in modules.items():
            code = (
                f"import time; start = time.perf_counter(); import {module};"
                " print(time.perf_counter() - start)"
            )
            output = subprocess.run(
                [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
            ).stdout
            if run > 0:
                samples[name].append(float(output))
    return {name: statistics.median(times) for name, times in samples.items()}


def imported_modules(module: str, python_path: list[str]) -> list[tuple[str, float]]:
    """Return the modules that ``import MODULE`` loads in a fresh interpreter, with their own time in seconds.

    The list comes from ``python -X importtime``, without the modules that
    interpreter start-up loads.
    """
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(python_path))
    startup = _import_log("pass", environment)
    loaded = _import_log(f"import {module}", environment)
    return [(name, seconds) for name, seconds in loaded if name not in dict(startup)]


def _import_log(code: str, environment: dict[str, str]) -> list[tuple[str, float]]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    modules = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_time, _, name = line.removeprefix("import time:").split("|")
        modules.append((name.strip(), int(self_time) / 1e6))
    return modules


def memory_per_instance(parse: Callable[[Any], object], text: str, count: int, *, own_input: bool) -> float:
    """Return the bytes that one parsed instance keeps alive, from ``count`` instances, by tracemalloc.

    With ``own_input`` false, every instance is read from the same input, so
    strings that a library shares with its input are not counted. A library
    that copies them pays for the copies. With ``own_input`` true, each
    instance is read from its own ``json.loads`` result, which is then
    dropped, so every string an instance keeps is counted.
    """
    shared = json.loads(text)
    parse(shared)  # The first call may fill caches that every later call shares.
    kept: list[object] = [None] * count
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for index in range(count):
            kept[index] = parse(json.loads(text) if own_input else shared)
        gc.collect()
        used = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    del kept
    return used / count
