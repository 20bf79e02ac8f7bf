"""Converting Swagger 2.0 security to OpenAPI 3 with ``to_openapi3``: schemes, requirements, findings, errors."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping

import pytest

from oauthflows import Conversion, JSONValue, ValidationError, check_document, to_openapi3, to_swagger2

HTTPS = "https://auth.example.com"
DISCOURAGED_IMPLICIT = (
    "warning: the implicit flow is advised against: RFC 9700 (OAuth 2.0 Security Best Current Practice) says"
    " clients should not use it, expected authorizationCode with PKCE [discouraged-flow]"
)


def _swagger(schemes: Mapping[str, JSONValue], **parts: JSONValue) -> dict[str, JSONValue]:
    return {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "securityDefinitions": dict(schemes),
        **parts,
    }


def _schemes(conversion: Conversion) -> JSONValue:
    components = conversion.to_dict()["components"]
    assert isinstance(components, Mapping)
    schemes: JSONValue = components["securitySchemes"]
    return schemes


def _lines(conversion: Conversion) -> list[str]:
    return [str(finding) for finding in conversion.findings]


# Schemes


def test_to_openapi3_basic_becomes_http_basic() -> None:
    document = _swagger({"basic": {"type": "basic", "description": "Sign in", "x-realm": "api"}})

    assert _schemes(to_openapi3(document)) == {
        "basic": {"type": "http", "description": "Sign in", "scheme": "basic", "x-realm": "api"}
    }


def test_to_openapi3_api_key_keeps_name_location_and_extensions() -> None:
    key = {"type": "apiKey", "name": "X-API-Key", "in": "header", "x-test-value": None}

    assert _schemes(to_openapi3(_swagger({"key": key}))) == {"key": key}


FLOWS: dict[str, tuple[dict[str, JSONValue], dict[str, JSONValue]]] = {
    "implicit": (
        {"flow": "implicit", "authorizationUrl": f"{HTTPS}/authorize"},
        {"implicit": {"authorizationUrl": f"{HTTPS}/authorize", "scopes": {"read": "Read"}}},
    ),
    "password": (
        {"flow": "password", "tokenUrl": "/token"},
        {"password": {"tokenUrl": "/token", "scopes": {"read": "Read"}}},
    ),
    "application": (
        {"flow": "application", "tokenUrl": f"{HTTPS}/token"},
        {"clientCredentials": {"tokenUrl": f"{HTTPS}/token", "scopes": {"read": "Read"}}},
    ),
    "accessCode": (
        {"flow": "accessCode", "authorizationUrl": f"{HTTPS}/authorize", "tokenUrl": f"{HTTPS}/token"},
        {
            "authorizationCode": {
                "authorizationUrl": f"{HTTPS}/authorize",
                "tokenUrl": f"{HTTPS}/token",
                "scopes": {"read": "Read"},
            }
        },
    ),
}


@pytest.mark.parametrize(("fields", "flows"), FLOWS.values(), ids=FLOWS.keys())
def test_to_openapi3_maps_each_flow_name(fields: dict[str, JSONValue], flows: dict[str, JSONValue]) -> None:
    scheme: dict[str, JSONValue] = {
        "type": "oauth2",
        "description": "Accounts",
        **fields,
        "scopes": {"read": "Read"},
    }

    converted = to_openapi3(_swagger({"oauth": scheme}))

    assert _schemes(converted) == {"oauth": {"type": "oauth2", "description": "Accounts", "flows": flows}}
    assert [finding.rule for finding in converted.findings] in ([], ["discouraged-flow"])


def test_to_openapi3_moves_scope_extensions_to_flow() -> None:
    scheme: dict[str, JSONValue] = {
        "type": "oauth2",
        "flow": "application",
        "tokenUrl": "/token",
        "scopes": {"read": "Read", "x-scope-source": {"url": "/scopes"}, "write": "Write"},
        "x-provider": "example",
    }

    assert _schemes(to_openapi3(_swagger({"oauth": scheme}))) == {
        "oauth": {
            "type": "oauth2",
            "flows": {
                "clientCredentials": {
                    "tokenUrl": "/token",
                    "scopes": {"read": "Read", "write": "Write"},
                    "x-scope-source": {"url": "/scopes"},
                }
            },
            "x-provider": "example",
        }
    }


def test_to_openapi3_missing_scopes_converts_empty_with_warning() -> None:
    document = _swagger({"oauth": {"type": "oauth2", "flow": "application", "tokenUrl": "/token"}})

    converted = to_openapi3(document)

    assert _schemes(converted) == {
        "oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "/token", "scopes": {}}}}
    }
    assert _lines(converted) == [
        "/securityDefinitions/oauth/scopes: warning: missing required field, so the converted flow has"
        " empty scopes ({}) [missing-scopes]"
    ]


INVALID_FLOWS: dict[str, tuple[dict[str, JSONValue], str]] = {
    "missing-flow": (
        {"type": "oauth2", "tokenUrl": "/token", "scopes": {}},
        "/securityDefinitions/oauth/flow: error: missing required field, expected one of 'implicit',"
        " 'password', 'application', 'accessCode' [invalid-value]",
    ),
    "unknown-flow": (
        {"type": "oauth2", "flow": "clientCredentials", "tokenUrl": "/token", "scopes": {}},
        "/securityDefinitions/oauth/flow: error: unknown Swagger 2.0 flow 'clientCredentials', expected one"
        " of 'implicit', 'password', 'application', 'accessCode' [invalid-value]",
    ),
    "missing-token-url": (
        {"type": "oauth2", "flow": "password", "scopes": {}},
        "/securityDefinitions/oauth/tokenUrl: error: missing required field, expected a string [invalid-value]",
    ),
    "missing-authorization-url": (
        {"type": "oauth2", "flow": "accessCode", "tokenUrl": "/token", "scopes": {}},
        "/securityDefinitions/oauth/authorizationUrl: error: missing required field, expected a string"
        " [invalid-value]",
    ),
}


@pytest.mark.parametrize(("scheme", "line"), INVALID_FLOWS.values(), ids=INVALID_FLOWS.keys())
def test_to_openapi3_unusable_flow_is_error_not_empty_flows(scheme: dict[str, JSONValue], line: str) -> None:
    converted = to_openapi3(
        _swagger({"oauth": scheme, "key": {"type": "apiKey", "name": "k", "in": "query"}})
    )

    assert line in _lines(converted)
    assert _schemes(converted) == {"key": {"type": "apiKey", "name": "k", "in": "query"}}


def test_to_openapi3_reports_component_name_that_openapi3_forbids() -> None:
    document = _swagger({"User Authentication": {"type": "basic"}}, security=[{"User Authentication": []}])

    converted = to_openapi3(document)

    assert _lines(converted) == [
        "/securityDefinitions/User Authentication: error: invalid component name 'User Authentication' in"
        " OpenAPI 3, expected only letters, digits, '.', '-' and '_' (rename the definition and the"
        " requirements that name it) [invalid-value]"
    ]
    assert _schemes(converted) == {"User Authentication": {"type": "http", "scheme": "basic"}}
    assert converted.to_dict()["security"] == [{"User Authentication": []}]


def test_to_openapi3_leaves_out_keys_that_openapi3_models() -> None:
    document = _swagger(
        {
            "basic": {"type": "basic", "scheme": "digest", "x-realm": "api"},
            "key": {"type": "apiKey", "name": "k", "in": "query", "deprecated": True},
            "oauth": {
                "type": "oauth2",
                "flow": "implicit",
                "authorizationUrl": "/authorize",
                "scopes": {},
                "flows": {},
            },
        }
    )

    converted = to_openapi3(document)

    assert _schemes(converted) == {
        "basic": {"type": "http", "scheme": "basic", "x-realm": "api"},
        "key": {"type": "apiKey", "name": "k", "in": "query"},
        "oauth": {"type": "oauth2", "flows": {"implicit": {"authorizationUrl": "/authorize", "scopes": {}}}},
    }
    assert _lines(converted) == [
        "/securityDefinitions/basic/scheme: error: field 'scheme' needs OpenAPI 3.0 or later, the document is"
        " Swagger 2.0 [newer-than-version]",
        "/securityDefinitions/basic/scheme: warning: field 'scheme' is left out, because it is not a Swagger"
        " 2.0 field and OpenAPI 3 http schemes have a field of that name [not-expressible]",
        "/securityDefinitions/key/deprecated: error: field 'deprecated' needs OpenAPI 3.2 or later, the"
        " document is Swagger 2.0 [newer-than-version]",
        "/securityDefinitions/key/deprecated: warning: field 'deprecated' is left out, because it is not a"
        " Swagger 2.0 field and OpenAPI 3 apiKey schemes have a field of that name [not-expressible]",
        f"/securityDefinitions/oauth/flow: {DISCOURAGED_IMPLICIT}",
        "/securityDefinitions/oauth/flows: error: field 'flows' needs OpenAPI 3.0 or later, the document is"
        " Swagger 2.0 [newer-than-version]",
        "/securityDefinitions/oauth/flows: warning: field 'flows' is left out, because it is not a Swagger 2.0"
        " field and OpenAPI 3 oauth2 schemes have a field of that name [not-expressible]",
    ]


def test_to_openapi3_keeps_other_unknown_keys_on_scheme() -> None:
    scheme: dict[str, JSONValue] = {
        "type": "oauth2",
        "flow": "implicit",
        "authorizationUrl": "/authorize",
        "tokenUrl": "/token",
        "scopes": {},
    }

    converted = to_openapi3(_swagger({"oauth": scheme}))

    assert _schemes(converted) == {
        "oauth": {
            "type": "oauth2",
            "flows": {"implicit": {"authorizationUrl": "/authorize", "scopes": {}}},
            "tokenUrl": "/token",
        }
    }
    assert [finding.rule for finding in check_document(converted.to_dict())] == [
        "discouraged-flow",
        "field-not-allowed",
    ]


def test_to_openapi3_resolves_reference_in_definitions() -> None:
    document = _swagger(
        {"key": {"$ref": "#/x-schemes/key"}},
        **{"x-schemes": {"key": {"type": "apiKey", "name": "k", "in": "query"}}},
    )

    converted = to_openapi3(document)

    assert _schemes(converted) == {"key": {"type": "apiKey", "name": "k", "in": "query"}}
    assert _lines(converted) == [
        "/securityDefinitions/key/$ref: error: a Reference Object in securityDefinitions needs OpenAPI 3.0 or"
        " later, the document is Swagger 2.0 [newer-than-version]"
    ]


# The document


def test_to_openapi3_writes_minimal_document() -> None:
    document = _swagger(
        {"key": {"type": "apiKey", "name": "k", "in": "query"}},
        security=[{"key": []}],
        paths={
            "/pets": {"get": {"security": []}, "post": {"responses": {}}, "parameters": []},
            "/health": {"get": {"responses": {}}},
            "x-internal": {"get": {"security": [{"key": []}]}},
        },
        definitions={"Pet": {"type": "object"}},
    )

    assert to_openapi3(document).to_dict() == {
        "openapi": "3.0.3",
        "components": {"securitySchemes": {"key": {"type": "apiKey", "name": "k", "in": "query"}}},
        "security": [{"key": []}],
        "paths": {"/pets": {"get": {"security": []}}},
    }


@pytest.mark.parametrize(("version", "release"), [("3.0", "3.0.3"), ("3.1", "3.1.0"), ("3.2", "3.2.0")])
def test_to_openapi3_writes_chosen_version(version: str, release: str) -> None:
    converted = to_openapi3({"swagger": "2.0"}, version=version)  # type: ignore[arg-type]

    assert converted.to_dict() == {"openapi": release}


def test_to_openapi3_output_passes_check() -> None:
    document = _swagger(
        {
            "oauth": {
                "type": "oauth2",
                "flow": "accessCode",
                "authorizationUrl": f"{HTTPS}/authorize",
                "tokenUrl": f"{HTTPS}/token",
                "scopes": {"read": "Read", "x-order": 1},
            },
            "basic": {"type": "basic"},
        },
        security=[{"oauth": ["read"], "basic": []}],
        paths={"/a": {"get": {"security": [{}]}, "delete": {"security": [{"oauth": ["read"]}]}}},
    )

    converted = to_openapi3(document)

    assert converted.findings == ()
    assert check_document(converted.to_dict()) == ()


def test_to_openapi3_keeps_broken_requirement_broken() -> None:
    document = _swagger(
        {"key": {"type": "apiKey", "name": "k", "in": "query"}},
        paths={"/a": {"get": {"security": [{"accessCode": []}]}}},
    )
    line = (
        "/paths/~1a/get/security/0/accessCode: error: undefined security scheme 'accessCode', expected one of"
        " 'key' from {section} [undefined-scheme]"
    )

    converted = to_openapi3(document)

    assert converted.to_dict()["paths"] == {"/a": {"get": {"security": [{"accessCode": []}]}}}
    assert _lines(converted) == [line.format(section="securityDefinitions")]
    assert [str(finding) for finding in check_document(converted.to_dict())] == [
        line.format(section="components.securitySchemes")
    ]


def test_to_openapi3_copies_invalid_security_as_it_is() -> None:
    document = _swagger({}, security={"key": []}, paths={"/a": {"get": {"security": [{"key": "read"}]}}})

    converted = to_openapi3(document)

    assert converted.to_dict() == {
        "openapi": "3.0.3",
        "security": {"key": []},
        "paths": {"/a": {"get": {"security": [{"key": "read"}]}}},
    }
    assert [finding.rule for finding in converted.findings] == ["invalid-requirement", "invalid-requirement"]


_FEWER_CREDENTIALS = (
    ", so this security cannot be copied into the converted document, and leaving the value out could let"
    " the operation run with fewer credentials (fix the value, then convert again)"
)


@pytest.mark.parametrize(
    ("security", "path", "problem"),
    [
        pytest.param(
            [{1: ["read"]}], "/security/0/1", "expected a string key, got 1 (integer)", id="only-key"
        ),
        pytest.param(
            [{"key": ["read"], None: ["read"]}],
            "/security/0/None",
            "expected a string key, got None (null)",
            id="one-of-two",
        ),
        pytest.param(
            [{"key": [b"read"]}],
            "/security/0/key/0",
            "expected a JSON value, got b'read' (bytes)",
            id="scope",
        ),
    ],
)
def test_to_swagger2_non_json_security_fails(
    security: list[dict[object, object]], path: str, problem: str
) -> None:
    document = {
        "openapi": "3.0.3",
        "components": {"securitySchemes": {"key": {"type": "apiKey", "name": "k", "in": "query"}}},
        "security": security,
    }

    with pytest.raises(ValidationError) as raised:
        to_swagger2(document)

    assert [(item.path, item.message) for item in raised.value.errors] == [
        (path, problem + _FEWER_CREDENTIALS)
    ]


def test_to_openapi3_non_json_security_fails() -> None:
    document = _swagger(
        {"key": {"type": "apiKey", "name": "k", "in": "query"}},
        paths={"/admin": {"delete": {"security": [{True: []}]}}},  # type: ignore[dict-item]
    )

    with pytest.raises(ValidationError) as raised:
        to_openapi3(document)

    assert [(item.path, item.message) for item in raised.value.errors] == [
        (
            "/paths/~1admin/delete/security/0/True",
            "expected a string key, got True (boolean)" + _FEWER_CREDENTIALS,
        )
    ]


def test_to_openapi3_leaves_out_requirement_on_invalid_scheme() -> None:
    document = _swagger(
        {
            "oauth": {"type": "oauth2", "flow": "password", "scopes": {}},
            "key": {"type": "apiKey", "name": "k", "in": "query"},
        },
        security=[{"oauth": [], "key": []}, {"key": []}],
        paths={"/a": {"get": {"security": [{"oauth": []}]}}},
    )

    converted = to_openapi3(document)

    assert converted.to_dict()["security"] == [{"key": []}]
    assert converted.to_dict()["paths"] == {"/a": {"get": {"security": [{"oauth": []}]}}}
    assert _lines(converted) == [
        "/securityDefinitions/oauth/flow: warning: the password flow is advised against: RFC 9700 (OAuth 2.0"
        " Security Best Current Practice) says it must not be used, expected authorizationCode, or"
        " clientCredentials without a user [discouraged-flow]",
        "/securityDefinitions/oauth/tokenUrl: error: missing required field, expected a string [invalid-value]",
        "/security/0/oauth: warning: this requirement is left out, because scheme 'oauth' is left out of the"
        " converted document; the other requirements of this security still apply [not-expressible]",
        "/paths/~1a/get/security/0/oauth: error: scheme 'oauth' is left out of the converted document, and"
        " every requirement of this security names such a scheme, so they are kept as they are and cannot be"
        " met [not-expressible]",
    ]


def test_to_openapi3_places_operations_of_referenced_path_items() -> None:
    document = _swagger(
        {"key": {"type": "apiKey", "name": "k", "in": "query"}},
        paths={
            "/a": {"get": {"security": [{"key": []}]}, "put": {"security": []}},
            "/b": {"$ref": "#/paths/~1a", "put": {"responses": {}}},
            "/c": {"$ref": "#/paths/~1b"},
        },
    )

    assert to_openapi3(document).to_dict()["paths"] == {
        "/a": {"get": {"security": [{"key": []}]}, "put": {"security": []}},
        "/b": {"get": {"security": [{"key": []}]}},
        "/c": {"get": {"security": [{"key": []}]}},
    }


def test_to_openapi3_lists_findings_in_document_order() -> None:
    document = _swagger(
        {
            "a": {"type": "oauth2", "flow": "implicit", "authorizationUrl": "http://auth.example.com/a"},
            "b": {"type": "oauth2", "flow": "implicit", "authorizationUrl": "/b", "scopes": {}},
        },
        security=[{"c": []}],
        paths={"/x": {"get": {"security": [{"a": ["s"]}]}}},
    )

    assert _lines(to_openapi3(document)) == [
        f"/securityDefinitions/a/flow: {DISCOURAGED_IMPLICIT}",
        "/securityDefinitions/a/authorizationUrl: warning: expected an https URL, got plain http to a host other"
        " than loopback: 'http://auth.example.com/a' [insecure-url]",
        "/securityDefinitions/a/scopes: warning: missing required field, so the converted flow has empty"
        " scopes ({}) [missing-scopes]",
        f"/securityDefinitions/b/flow: {DISCOURAGED_IMPLICIT}",
        "/security/0/c: error: undefined security scheme 'c', expected one of 'a', 'b' from securityDefinitions"
        " [undefined-scheme]",
        "/paths/~1x/get/security/0/a/0: warning: expected one of the scopes that oauth2 scheme 'a' defines, got"
        " 's' [undefined-scope]",
    ]


# The result and the arguments


def test_conversion_is_frozen_and_writes_fresh_dicts() -> None:
    converted = to_openapi3(
        _swagger({"key": {"type": "apiKey", "name": "k", "in": "query"}}, security=[{"key": []}])
    )
    written = converted.to_dict()
    written["openapi"] = "changed"

    with pytest.raises(dataclasses.FrozenInstanceError):
        converted.findings = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        converted.document["openapi"] = "changed"  # type: ignore[index]
    assert converted.document["openapi"] == "3.0.3"
    assert json.loads(json.dumps(converted.document)) == converted.to_dict()
    assert hash(converted) == hash(
        to_openapi3(_swagger({"key": {"type": "apiKey", "name": "k", "in": "query"}}, security=[{"key": []}]))
    )


WRONG_VERSIONS: dict[str, tuple[dict[str, JSONValue], str, str]] = {
    "openapi": (
        {"openapi": "3.1.0"},
        "/openapi",
        "expected 'swagger': '2.0', got 'openapi': '3.1.0' (string)",
    ),
    "unknown-swagger": ({"swagger": "1.2"}, "/swagger", "expected '2.0', got '1.2' (string)"),
    "no-version": (
        {"securityDefinitions": {}},
        "/swagger",
        "missing required field, expected 'swagger': '2.0'",
    ),
}


@pytest.mark.parametrize(("document", "path", "message"), WRONG_VERSIONS.values(), ids=WRONG_VERSIONS.keys())
def test_to_openapi3_rejects_document_of_other_version(
    document: dict[str, JSONValue], path: str, message: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        to_openapi3(document)

    assert [(item.path, item.message) for item in raised.value.errors] == [(path, message)]


def test_to_openapi3_rejects_unknown_target_version() -> None:
    with pytest.raises(
        ValueError, match=r"^expected version '3\.0', '3\.1' or '3\.2', got '2\.0' \(string\)$"
    ):
        to_openapi3({"swagger": "2.0"}, version="2.0")  # type: ignore[arg-type]


def test_to_openapi3_rejects_non_mapping() -> None:
    with pytest.raises(TypeError, match=r"^to_openapi3\(\) expects a mapping, got \[\] \(array\)$"):
        to_openapi3([])  # type: ignore[arg-type]


def test_convert_shared_path_item_is_written_under_every_path() -> None:
    item: dict[str, JSONValue] = {"get": {"security": [{"k": []}]}}
    key: dict[str, JSONValue] = {"type": "apiKey", "name": "k", "in": "header"}
    expected: dict[str, JSONValue] = {
        "/a": {"get": {"security": [{"k": []}]}},
        "/b": {"get": {"security": [{"k": []}]}},
    }

    down = to_swagger2(
        {"openapi": "3.0.3", "components": {"securitySchemes": {"k": key}}, "paths": {"/a": item, "/b": item}}
    )
    up = to_openapi3({"swagger": "2.0", "securityDefinitions": {"k": key}, "paths": {"/a": item, "/b": item}})

    assert down.to_dict()["paths"] == expected
    assert up.to_dict()["paths"] == expected
    assert down.findings == ()
    assert up.findings == ()


def test_convert_fails_at_read_limit() -> None:
    # One list shared 1,001 times counts 1,001,000 entries, past the limit of 1,000,000.
    shared = list(range(1000))
    document = _swagger(
        {
            "huge": {"type": "apiKey", "name": "X-H", "in": "header", "x-big": [shared] * 1001},
            "key": {"type": "apiKey", "name": "X-K", "in": "header"},
        },
        paths={"/b": {"get": {"security": [{"key": []}]}}},
    )

    with pytest.raises(ValidationError) as raised:
        to_openapi3(document)

    [item] = raised.value.errors
    assert item.path.startswith("/securityDefinitions/huge/x-big/")
    assert item.message.startswith("extension values hold more than the limit of 1,000,000")
    assert item.message.endswith(", so the document is not converted")


def test_convert_non_string_path_key_fails() -> None:
    # As JSON, the paths 1 and "1" would be one key, so one of the two would lose its security.
    document = _swagger(
        {"key": {"type": "apiKey", "name": "X-K", "in": "header"}},
        paths={1: {"get": {"security": []}}, "1": {"get": {"security": [{"key": []}]}}},  # type: ignore[dict-item]
    )

    with pytest.raises(ValidationError) as raised:
        to_openapi3(document)

    assert [(item.path, item.message) for item in raised.value.errors] == [
        (
            "/paths/1",
            "expected a string as the key of a path item, got 1 (integer), so the document is not converted"
            " (quote the key)",
        )
    ]
