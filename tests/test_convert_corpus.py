"""Converting the real documents of the corpus: nothing breaks, and Swagger 2.0 comes back as it was."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import cast

import pytest
from corpus import corpus_files, load_corpus_file

from oauthflows import (
    Finding,
    JSONValue,
    check_document,
    parse_swagger2_security_scheme,
    read_document,
    to_openapi3,
    to_swagger2,
)


def _corpus_files(version: str) -> list[object]:
    """Return the corpus parameters of one kind of document, ``swagger`` or ``openapi``, by its version key."""
    chosen: list[object] = []
    for parameter in corpus_files("documents"):
        path = getattr(parameter, "values", (None,))[0]
        if not isinstance(path, Path) or version in load_corpus_file(path):
            chosen.append(parameter)  # The parameter that skips or fails without the corpus stays.
    return chosen


def _error_places(findings: tuple[Finding, ...], section: str) -> set[tuple[str, str]]:
    """Return each error as its rule and place: a scheme by name, anything else by its path."""
    places: set[tuple[str, str]] = set()
    for finding in findings:
        if finding.severity != "error":
            continue
        if finding.path.startswith(section + "/"):
            name = finding.path[len(section) + 1 :].split("/")[0].replace("~1", "/").replace("~0", "~")
            places.add((finding.rule, f"scheme {name}"))
        else:
            places.add((finding.rule, finding.path))
    return places


def _operation_security(document: Mapping[str, object]) -> dict[str, object]:
    """Return the ``security`` of each operation that has one, by path and method."""
    securities: dict[str, object] = {}
    paths = cast("Mapping[str, Mapping[str, object]]", document.get("paths", {}))
    for path, item in paths.items():
        for method, operation in item.items():
            if isinstance(operation, Mapping) and "security" in operation:
                securities[f"{path} {method}"] = cast("Mapping[str, object]", operation)["security"]
    return securities


@pytest.mark.parametrize("path", _corpus_files("swagger"))
def test_to_openapi3_corpus_adds_no_error(path: object) -> None:
    document = load_corpus_file(path)

    converted = to_openapi3(document)
    output_errors = _error_places(check_document(converted.to_dict()), "/components/securitySchemes")
    reported = _error_places(converted.findings, "/securityDefinitions")

    assert output_errors - reported == set()
    assert read_document(document).spec_version == "2.0"


@pytest.mark.parametrize("path", _corpus_files("swagger"))
def test_to_openapi3_corpus_converts_every_scheme(path: object) -> None:
    document = load_corpus_file(path)

    converted = to_openapi3(document)
    components = cast("Mapping[str, Mapping[str, object]]", converted.to_dict().get("components", {}))

    assert list(components.get("securitySchemes", {})) == list(read_document(document).resolved_schemes)


@pytest.mark.parametrize("path", _corpus_files("swagger"))
def test_swagger2_corpus_round_trips_through_openapi3(path: object) -> None:
    document = load_corpus_file(path)
    definitions = cast("Mapping[str, Mapping[str, object]]", document.get("securityDefinitions", {}))
    # The models read a missing `scopes` as empty, so the original is compared as the models write it.
    expected: dict[str, JSONValue] = {
        name: parse_swagger2_security_scheme(definition).to_dict() for name, definition in definitions.items()
    }

    back = to_swagger2(to_openapi3(document).to_dict())

    assert back.to_dict().get("securityDefinitions", {}) == expected
    assert back.to_dict().get("security") == document.get("security")
    assert _operation_security(back.to_dict()) == _operation_security(document)
    assert [finding for finding in back.findings if finding.rule == "not-expressible"] == []


@pytest.mark.parametrize("path", _corpus_files("openapi"))
def test_to_swagger2_corpus_output_passes_check(path: object) -> None:
    document = load_corpus_file(path)

    converted = to_swagger2(document)
    errors = [str(finding) for finding in check_document(converted.to_dict()) if finding.severity == "error"]

    if not any(finding.severity == "error" for finding in converted.findings):
        assert errors == []
    assert converted.to_dict()["swagger"] == "2.0"
