"""Render the results of the benchmark as the Markdown page docs/benchmarks.md."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from contenders import CONTENDERS

if TYPE_CHECKING:
    from suite import Results

REFERENCE = "FastAPI"
OPERATIONS = ("parse", "dump", "round trip")

PAYLOAD_TITLES = {
    "small": "small: one oauth2 scheme with one password flow and 2 scopes",
    "typical": (
        "typical: one oauth2 scheme with the four classic flows, each with `refreshUrl` and 10 scopes,"
        " an object extension on the scheme and a string extension on one flow"
    ),
    "components": (
        "components: a `securitySchemes` map of 8 schemes (3 apiKey, 2 http, 2 oauth2, 1 openIdConnect)"
    ),
    "large": "large: one oauth2 scheme with one client credentials flow of 2,000 scopes",
}


def render(results: Results) -> str:
    """Return the whole results page."""
    settings = results.settings
    machine = results.machine
    lines = [
        "# Benchmarks",
        "",
        "oauthflows against the security scheme models of FastAPI (`fastapi.openapi.models`, Pydantic v2),",
        "and against equivalent models written for msgspec and mashumaro. Regenerate this page with",
        "`python3 bench/run.py` (about a minute); it measures the working tree.",
        "",
        f"- Python: {machine['python']} on {machine['system']}",
        f"- Machine: {machine['cpu']}, {machine['cores']} cores (`nproc`); load average when the run"
        f" started {machine['load']} (1, 5 and 15 minutes), where a value near the core count means"
        " that other work competed for the cores",
        f"- oauthflows: commit {machine['commit']}; run on {machine['date']}",
        "",
        "## Against the targets",
        "",
        "Ratios are oauthflows' figure divided by FastAPI's (by `json.load`'s for `check`); lower is better.",
        "",
        targets_table(results),
        "",
        "## Libraries",
        "",
        "| Library | Version | Calls measured | What a round trip keeps |",
        "| --- | --- | --- | --- |",
    ]
    for contender in CONTENDERS:
        lines.append(f"| {contender.name} | {contender.version} | {contender.calls} | {contender.keeps} |")

    lines += ["", "## Parse, dump and round trip", ""]
    lines += [
        "Microseconds per call, best of "
        f'{settings.rounds} interleaved rounds; "faithful" means that writing back what was read gives',
        "a value equal (`==`) to the input. The msgspec and mashumaro models drop extensions, so they are",
        "not faithful on the typical payload, and their times there are for less work.",
    ]
    for payload in PAYLOAD_TITLES:
        lines += ["", f"### {PAYLOAD_TITLES[payload]}", "", _payload_table(results, payload)]

    lines += _floor_section(results)

    lines += ["", "## Cold import", ""]
    lines += [
        f"Median of {settings.import_runs} fresh interpreters, each timing only its import statement",
        "(interpreter start-up excluded, bytecode already cached). For msgspec and mashumaro the module",
        "imported is the one that defines the benchmark's models, so their time includes the definitions.",
        "",
        "| Library | Module | Milliseconds | vs FastAPI |",
        "| --- | --- | ---: | ---: |",
    ]
    reference_import = results.import_seconds[REFERENCE]
    for contender in CONTENDERS:
        seconds = results.import_seconds[contender.name]
        lines.append(
            f"| {contender.name} | `{contender.module}` | {seconds * 1e3:.1f}"
            f" | {seconds / reference_import:.3f}x |"
        )
    slowest = sorted(results.imported_by_oauthflows, key=lambda module: -module[1])[:8]
    listed = ", ".join(f"`{name}` {seconds * 1e3:.1f}" for name, seconds in slowest)
    lines += [
        "",
        f"`import oauthflows` loads {len(results.imported_by_oauthflows)} modules"
        " beyond interpreter start-up;",
        f"the slowest by their own time in milliseconds (`python -X importtime`): {listed}.",
    ]

    lines += ["", "## Memory", ""]
    lines += [
        f"Bytes that one parsed typical scheme keeps alive, from {settings.memory_instances:,} instances",
        'measured by `tracemalloc`. "Shared input": every instance is read from one input, so strings a',
        'library keeps from its input are not counted (the target uses this column). "Own input": each',
        "instance is read from its own `json.loads` result, which is then dropped, so every string",
        "that an instance keeps is counted.",
        "",
        "| Library | Shared input | vs FastAPI | Own input | vs FastAPI |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for contender in CONTENDERS:
        shared = results.memory[contender.name, False]
        own = results.memory[contender.name, True]
        lines.append(
            f"| {contender.name} | {shared:,.0f} | {shared / results.memory[REFERENCE, False]:.2f}x"
            f" | {own:,.0f} | {own / results.memory[REFERENCE, True]:.2f}x |"
        )

    lines += [
        "",
        f"The least that oauthflows' representation allows is {results.least_memory:,} B: the sum of",
        "`sys.getsizeof` over the six models and the scope maps, extension maps and arrays they own",
        "(`bench/floor.py`). CPython builds no smaller dict for a given number of keys, and no smaller",
        "slotted object for a given number of fields.",
    ]

    lines += ["", "## Checking a document", ""]
    lines += [
        f"A generated OpenAPI 3.1 document of {results.document_bytes / 1e6:.1f} MB with"
        f" {results.document_operations:,} operations, each with parameters,",
        "schemas and a `security` list naming one to three of 8 schemes, written by `json.dumps` on",
        "one line. `check` is `read_document(path).findings`: loading the file, reading its security and",
        "checking it, as `python -m oauthflows check` does; `json.load` is loading the same file with the",
        f"standard library alone. Best of {settings.check_rounds} interleaved rounds.",
        "",
    ]
    if results.check is None:
        lines.append("Not measured: this commit has no `read_document` yet.")
    else:
        load = results.check["json.load"]
        check = results.check["check"]
        lines += [
            "| Step | Milliseconds | vs `json.load` |",
            "| --- | ---: | ---: |",
            f"| `json.load` | {load * 1e3:.1f} | 1.00x |",
            f"| `check` | {check * 1e3:.1f} | {check / load:.2f}x |",
        ]

    lines += [
        "",
        "## Method",
        "",
        "All payloads are generated by `bench/payloads.py`, and each library reads its own deep copy.",
        "Every (payload, library, operation) case is a `timeit` loop with the garbage collector off,",
        f"sized to about {settings.sample_seconds * 1e3:g} ms. Each round times every case once, in the same",
        "order, and a case's figure is its best round, the one least disturbed by the rest of the",
        "machine. Round trip is one parse and one dump. Absolute times vary between runs, by up to a",
        "third when other work shares the machine (see the load average above). The ratios, taken in",
        "the same rounds, vary less.",
        "",
    ]
    return "\n".join(lines)


def _floor_section(results: Results) -> list[str]:
    floor = results.floor
    reference = floor[REFERENCE]
    lines = [
        "",
        "## How far the typical parse can go",
        "",
        "The work that the contract asks of any reader of the typical payload, step by step, each step",
        "in the cheapest Python found (`bench/floor.py`), in the same interleaved rounds as above.",
        '"One function" is a reader that does all the steps, as `OAuth2.from_dict` does, written as a',
        "single function without calls between the models: what the structure of the library's code",
        "costs beyond the work.",
        "",
        "| Step | µs | vs FastAPI's parse |",
        "| --- | ---: | ---: |",
    ]
    steps_total = 0.0
    for name, title in results.floor_titles.items():
        seconds = floor[name]
        steps_total += seconds
        lines.append(f"| {title} | {_microseconds(seconds)} | {seconds / reference:.2f}x |")
    lines += [
        f"| **sum of the steps** | {_microseconds(steps_total)} | {steps_total / reference:.2f}x |",
        f"| one function doing every step | {_microseconds(floor['one function'])}"
        f" | {floor['one function'] / reference:.2f}x |",
        f"| oauthflows, `OAuth2.from_dict` | {_microseconds(floor['oauthflows'])}"
        f" | {floor['oauthflows'] / reference:.2f}x |",
        f"| FastAPI, `OAuth2.model_validate` | {_microseconds(reference)} | 1.00x |",
    ]
    return lines


def targets_table(results: Results) -> str:
    """Return the Markdown table of the contract's targets, with each one met or missed."""
    times = results.times
    rows = [
        _ratio_row(
            "typical parse",
            times["typical", "oauthflows", "parse"],
            times["typical", REFERENCE, "parse"],
            1.0,
            0.7,
            _microseconds,
        ),
        _ratio_row(
            "typical dump",
            times["typical", "oauthflows", "dump"],
            times["typical", REFERENCE, "dump"],
            0.5,
            0.3,
            _microseconds,
        ),
        _ratio_row(
            "typical round trip",
            times["typical", "oauthflows", "round trip"],
            times["typical", REFERENCE, "round trip"],
            0.7,
            0.5,
            _microseconds,
        ),
        _ratio_row(
            "2,000-scope parse",
            times["large", "oauthflows", "parse"],
            times["large", REFERENCE, "parse"],
            1.0,
            0.8,
            _microseconds,
        ),
        _import_row(results),
        _ratio_row(
            "memory per typical scheme",
            results.memory["oauthflows", False],
            results.memory[REFERENCE, False],
            0.4,
            0.3,
            lambda size: f"{size:,.0f} B",
        ),
    ]
    if results.check is None:
        rows.append(
            "| `check` on a generated document | not measured yet | | |"
            " at most 1.5x | 1.2x | no checker yet |"
        )
    else:
        rows.append(
            _ratio_row(
                "`check` on a generated document",
                results.check["check"],
                results.check["json.load"],
                1.5,
                1.2,
                _milliseconds,
                reference_name="`json.load`",
            )
        )
    header = [
        "| Measure | oauthflows | Reference | Ratio | Goal | Stretch | Result |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    return "\n".join(header + rows)


def _ratio_row(
    title: str,
    ours: float,
    reference: float,
    goal: float,
    stretch: float,
    show: Callable[[float], str],
    reference_name: str = "FastAPI",
) -> str:
    ratio = ours / reference
    return (
        f"| {title} | {show(ours)} | {reference_name} {show(reference)} | {ratio:.2f}x"
        f" | at most {goal:g}x | {stretch:g}x | {_verdict(ratio <= goal, ratio <= stretch)} |"
    )


def _import_row(results: Results) -> str:
    ours = results.import_seconds["oauthflows"]
    reference = results.import_seconds[REFERENCE]
    msgspec_models = results.import_seconds["msgspec"]
    ratio = ours / reference
    return (
        f"| `import oauthflows` | {_milliseconds(ours)} | FastAPI {_milliseconds(reference)} | {ratio:.3f}x"
        f" | at most 0.1x | msgspec with models, {_milliseconds(msgspec_models)}"
        f" | {_verdict(ratio <= 0.1, ours <= msgspec_models)} |"
    )


def _verdict(goal_met: bool, stretch_met: bool) -> str:
    if goal_met and stretch_met:
        return "stretch met"
    return "goal met" if goal_met else "**missed**"


def _microseconds(seconds: float) -> str:
    return f"{seconds * 1e6:.2f} µs"


def _milliseconds(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms"


def _payload_table(results: Results, payload: str) -> str:
    lines = [
        "| Library | Parse µs | Dump µs | Round trip µs | Parse vs FastAPI | Dump vs FastAPI"
        " | Round trip vs FastAPI | Faithful |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for contender in CONTENDERS:
        times = [
            results.times[payload, contender.name, operation] for operation in ("parse", "dump", "round trip")
        ]
        ratios = [
            time / results.times[payload, REFERENCE, operation]
            for time, operation in zip(times, OPERATIONS, strict=True)
        ]
        faithful = "yes" if results.faithful[payload, contender.name] else "no"
        lines.append(
            f"| {contender.name} | "
            + " | ".join(f"{time * 1e6:.2f}" for time in times)
            + " | "
            + " | ".join(f"{ratio:.2f}x" for ratio in ratios)
            + f" | {faithful} |"
        )
    return "\n".join(lines)
