"""Hostile documents: alias bombs, cycles, deep nesting and huge inputs stay bounded and never raise."""

from __future__ import annotations

import time
from typing import cast

import pytest

from oauthflows import JSONValue, check_document, read_document


def _bomb_lines(levels: int, width: int) -> list[str]:
    """Return YAML anchors where each level repeats the one below ``width`` times."""
    lines = ["x-level0: &level0 [" + ", ".join(["x"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"x-level{level}: &level{level} [" + ", ".join([f"*level{level - 1}"] * width) + "]")
    return lines


def test_yaml_alias_bomb_in_extension_is_bounded() -> None:
    pytest.importorskip("yaml")
    text = "\n".join(
        [
            "openapi: 3.1.0",
            *_bomb_lines(9, 10),  # 10**9 strings when expanded.
            "components:",
            "  securitySchemes:",
            "    key: {type: apiKey, name: k, in: header, x-bomb: *level8}",
        ]
    )

    started = time.perf_counter()
    document = read_document(text + "\n")

    assert time.perf_counter() - started < 30
    assert [finding.rule for finding in document.findings] == ["invalid-value"]
    assert document.findings[0].path.startswith("/components/securitySchemes/key/x-bomb/0/0/0/")
    assert document.findings[0].message.startswith("extension values hold more than the limit of 1,000,000")


def test_yaml_alias_bomb_in_security_is_bounded() -> None:
    pytest.importorskip("yaml")
    text = "\n".join(
        [
            "openapi: 3.0.3",
            "x-scopes: &scopes [" + ", ".join(["read"] * 1000) + "]",
            "x-requirement: &requirement {key: *scopes}",
            "security: [" + ", ".join(["*requirement"] * 2000) + "]",  # 2,000,000 scopes when expanded.
            "components: {securitySchemes: {key: {type: apiKey, name: k, in: header}}}",
        ]
    )

    started = time.perf_counter()
    document = read_document(text + "\n")

    assert time.perf_counter() - started < 30
    rules = [finding.rule for finding in document.findings]
    assert rules == ["roles-not-allowed"] * 997 + ["invalid-value"]
    assert document.findings[-1].path == "/security/997"
    assert document.security is None


def test_yaml_alias_bomb_of_callbacks_is_linear() -> None:
    pytest.importorskip("yaml")
    lines = ["openapi: 3.1.0", "x-item0: &item0 {get: {security: [{missing: []}]}}"]
    for level in range(1, 60):
        below = f"*item{level - 1}"
        lines.append(
            f"x-item{level}: &item{level} {{post: {{callbacks: {{c: {{'{{$a}}': {below}, '{{$b}}': {below}}}}}}}}}"
        )
    lines.append("paths: {/top: *item59}")

    started = time.perf_counter()
    document = read_document("\n".join(lines) + "\n")

    assert time.perf_counter() - started < 30
    assert len(document.operations) == 60  # Each shared path item is read once, where it is first met.
    assert [finding.rule for finding in document.findings] == ["undefined-scheme"]


def test_recursive_yaml_alias_is_reported() -> None:
    pytest.importorskip("yaml")
    text = "openapi: 3.1.0\npaths:\n  /a: &item\n    get:\n      callbacks:\n        again:\n          '{$url}': *item\n"

    document = read_document(text)

    assert [str(finding) for finding in document.findings] == [
        "/paths/~1a/get/callbacks/again/{$url}: error: expected a tree of objects, got a path item that contains"
        " itself (a recursive YAML alias) [invalid-value]"
    ]


def test_cyclic_python_structure_is_reported() -> None:
    item: dict[str, JSONValue] = {}
    item["post"] = {"callbacks": {"again": {"{$url}": item}}}
    document: dict[str, JSONValue] = {"openapi": "3.1.0", "paths": {"/a": item}}

    assert [finding.path for finding in check_document(document)] == [
        "/paths/~1a/post/callbacks/again/{$url}"
    ]


def test_cyclic_extension_value_is_reported() -> None:
    value: list[JSONValue] = []
    value.append(value)
    scheme: dict[str, JSONValue] = {"type": "http", "scheme": "basic", "x-loop": value}

    findings = check_document({"openapi": "3.1.0", "components": {"securitySchemes": {"basic": scheme}}})

    assert [(finding.rule, finding.message) for finding in findings] == [
        (
            "invalid-value",
            "value nested deeper than the limit of 100 arrays and objects (a cyclic structure also reaches it)",
        )
    ]


def test_deeply_nested_callbacks_hit_depth_limit() -> None:
    item: dict[str, JSONValue] = {"get": {"security": [{"missing": []}]}}
    for _ in range(150):
        item = {"post": {"callbacks": {"next": {"{$url}": item}}}}

    findings = check_document({"openapi": "3.1.0", "paths": {"/a": item}})

    assert [finding.rule for finding in findings] == ["invalid-value"]
    assert findings[0].message == "callbacks nested deeper than the limit of 100"
    assert findings[0].path.count("/callbacks/next/") == 101


def test_long_chain_of_path_item_references_resolves() -> None:
    paths: dict[str, JSONValue] = {f"/p{index}": {"$ref": f"#/paths/~1p{index + 1}"} for index in range(5000)}
    paths["/p5000"] = {"get": {}}

    document = read_document({"openapi": "3.1.0", "paths": paths})

    assert document.findings == ()
    assert [operation.pointer for operation in document.operations] == ["/paths/~1p5000/get"]


def test_long_chain_of_scheme_references_resolves() -> None:
    schemes: dict[str, JSONValue] = {
        f"s{index}": {"$ref": f"#/components/securitySchemes/s{index + 1}"} for index in range(5000)
    }
    schemes["s5000"] = {"type": "http", "scheme": "bearer"}

    document = read_document({"openapi": "3.1.0", "components": {"securitySchemes": schemes}})

    assert document.findings == ()
    assert document.resolved_schemes["s0"] is document.resolved_schemes["s5000"]


def test_huge_security_array_exhausts_budget() -> None:
    requirements: list[JSONValue] = [{"key": []}] * 1_100_000

    started = time.perf_counter()
    findings = check_document(
        {
            "openapi": "3.1.0",
            "components": {"securitySchemes": {"key": {"type": "apiKey", "name": "k", "in": "header"}}},
            "security": requirements,
        }
    )

    assert time.perf_counter() - started < 30
    assert [(finding.path, finding.rule) for finding in findings] == [("/security", "invalid-value")]
    assert findings[0].message == (
        "more than the limit of 1,000,000 array items and object members read in one call (shared YAML aliases"
        " count each time they are used), so the rest is not read"
    )


def test_huge_scope_map_is_read() -> None:
    scopes: dict[str, JSONValue] = {f"scope:{index}": f"Scope {index}" for index in range(20_000)}
    flow: dict[str, JSONValue] = {"tokenUrl": "https://auth.example.com/token", "scopes": scopes}
    document = read_document(
        {
            "openapi": "3.1.0",
            "components": {
                "securitySchemes": {"oauth": {"type": "oauth2", "flows": {"clientCredentials": flow}}}
            },
            "security": [{"oauth": [f"scope:{index}" for index in range(0, 20_000, 7)] + ["scope:missing"]}],
        }
    )

    assert [finding.path for finding in document.findings] == ["/security/0/oauth/2858"]


WRONG_SHAPES: dict[str, tuple[dict[str, JSONValue], list[tuple[str, str]]]] = {
    "paths-array": ({"openapi": "3.1.0", "paths": ["/a"]}, [("/paths", "invalid-value")]),
    "path-item-string": ({"openapi": "3.1.0", "paths": {"/a": "get"}}, [("/paths/~1a", "invalid-value")]),
    "operation-array": (
        {"openapi": "3.1.0", "paths": {"/a": {"get": []}}},
        [("/paths/~1a/get", "invalid-value")],
    ),
    "security-string": ({"openapi": "3.1.0", "security": "oauth"}, [("/security", "invalid-requirement")]),
    "security-object": (
        {"openapi": "3.1.0", "security": {"oauth": []}},
        [("/security", "invalid-requirement")],
    ),
    "requirement-list": (
        {"openapi": "3.1.0", "security": [["oauth"]]},
        [("/security/0", "invalid-requirement")],
    ),
    "scopes-object": (
        {"openapi": "3.1.0", "security": [{"oauth": {"read": True}}]},
        [("/security/0/oauth", "invalid-requirement")],
    ),
    "components-string": ({"openapi": "3.1.0", "components": "none"}, [("/components", "invalid-value")]),
    "definitions-list": (
        {"swagger": "2.0", "securityDefinitions": []},
        [("/securityDefinitions", "invalid-value")],
    ),
    "additional-operations-list": (
        {"openapi": "3.2.0", "paths": {"/a": {"additionalOperations": []}}},
        [("/paths/~1a/additionalOperations", "invalid-value")],
    ),
    "callback-string": (
        {"openapi": "3.1.0", "paths": {"/a": {"get": {"callbacks": {"c": "x"}}}}},
        [("/paths/~1a/get/callbacks/c", "invalid-value")],
    ),
    "path-item-reference-to-string": (
        {"openapi": "3.1.0", "info": {"title": "t"}, "paths": {"/a": {"$ref": "#/info/title"}}},
        [("/info/title", "invalid-value")],
    ),
    "reference-to-array-item": (
        {
            "openapi": "3.1.0",
            "x-list": [{"get": {}}],
            "paths": {"/a": {"$ref": "#/x-list/0"}, "/b": {"$ref": "#/x-list/01"}},
        },
        [("/paths/~1b/$ref", "unresolved-reference")],
    ),
    "non-string-keys": (
        cast("dict[str, JSONValue]", {"openapi": "3.1.0", "paths": {1: {"get": {"security": [{2: []}]}}}}),
        [("/paths/1", "invalid-value"), ("/paths/1/get/security/0/2", "invalid-requirement")],
    ),
    "not-json-values": (
        cast(
            "dict[str, JSONValue]",
            {
                "openapi": "3.1.0",
                "components": {"securitySchemes": {"k": {"type": "apiKey", "name": b"k", "in": "header"}}},
            },
        ),
        [("/components/securitySchemes/k/name", "invalid-value")],
    ),
}


@pytest.mark.parametrize(("document", "expected"), WRONG_SHAPES.values(), ids=WRONG_SHAPES.keys())
def test_wrong_shape_is_a_finding(document: dict[str, JSONValue], expected: list[tuple[str, str]]) -> None:
    assert [(finding.path, finding.rule) for finding in check_document(document)] == expected


def test_budget_runs_out_at_an_operation() -> None:
    # The top-level security takes all but five nodes of the budget, the paths object one more,
    # and each operation one, so the budget runs out at the fifth operation.
    anonymous: list[JSONValue] = [{}] * 999_995
    methods = ("get", "put", "post", "delete", "options", "head")
    path_item: dict[str, JSONValue] = {method: {} for method in methods}

    document = read_document({"openapi": "3.1.0", "security": anonymous, "paths": {"/a": path_item}})

    assert [(finding.path, finding.rule) for finding in document.findings] == [
        ("/paths/~1a/options", "invalid-value")
    ]
    assert [operation.pointer for operation in document.operations] == [
        "/paths/~1a/get",
        "/paths/~1a/put",
        "/paths/~1a/post",
        "/paths/~1a/delete",
    ]
