"""Each rule of the document checker: where it fires, and where the same input is fine."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

import pytest

from oauthflows import Finding, JSONValue, check_document, read_document
from oauthflows._urls import is_insecure_url

HTTPS = "https://auth.example.com"


def _lines(document: Mapping[str, object]) -> list[str]:
    return [str(finding) for finding in check_document(document)]


def _openapi(version: str, schemes: Mapping[str, JSONValue], **parts: JSONValue) -> dict[str, JSONValue]:
    return {"openapi": version, "components": {"securitySchemes": dict(schemes)}, **parts}


def _swagger(definitions: Mapping[str, JSONValue], **parts: JSONValue) -> dict[str, JSONValue]:
    return {"swagger": "2.0", "securityDefinitions": dict(definitions), **parts}


def _code_flow(**extra: JSONValue) -> dict[str, JSONValue]:
    return {"authorizationUrl": f"{HTTPS}/authorize", "tokenUrl": f"{HTTPS}/token", "scopes": {}, **extra}


KEY: dict[str, JSONValue] = {"type": "apiKey", "name": "X-API-Key", "in": "header"}
OAUTH: dict[str, JSONValue] = {
    "type": "oauth2",
    "flows": {"authorizationCode": _code_flow(scopes={"read": "Read", "write": "Write"})},
}


def test_finding_prints_path_severity_message_and_rule() -> None:
    finding = Finding(path="/security/0/a", severity="error", message="undefined", rule="undefined-scheme")

    assert str(finding) == "/security/0/a: error: undefined [undefined-scheme]"
    assert finding.to_dict() == {
        "path": "/security/0/a",
        "severity": "error",
        "message": "undefined",
        "rule": "undefined-scheme",
    }


def test_check_document_valid_document_has_no_findings() -> None:
    document = _openapi(
        "3.1.0", {"key": KEY, "oauth": OAUTH}, security=[{"oauth": ["read"]}, {"key": []}, {}]
    )

    assert check_document(document) == ()


def test_check_document_rejects_non_mapping() -> None:
    with pytest.raises(TypeError, match=r"^check_document\(\) expects a mapping, got \[\] \(array\)$"):
        check_document([])  # type: ignore[arg-type]


# invalid-value


def test_invalid_value_reports_model_errors() -> None:
    document = _openapi(
        "3.1.0",
        {
            "key": {"type": "apiKey", "name": 3, "in": "Header"},
            "oauth": {"type": "OAuth2", "flows": {}},
            "oidc": {"type": "openIdConnect"},
            "flows": {"type": "oauth2", "flows": {"implicit": {"scopes": {"read": 1}}}},
        },
    )

    assert _lines(document) == [
        "/components/securitySchemes/key/name: error: expected a string, got 3 (integer) [invalid-value]",
        "/components/securitySchemes/key/in: error: unknown API key location 'Header', did you mean 'header'? [invalid-value]",
        "/components/securitySchemes/oauth/type: error: unknown security scheme type 'OAuth2', did you mean 'oauth2'? [invalid-value]",
        "/components/securitySchemes/oidc/openIdConnectUrl: error: missing required field, expected a string [invalid-value]",
        "/components/securitySchemes/flows/flows/implicit: warning: the implicit flow is advised against: RFC 9700"
        " (OAuth 2.0 Security Best Current Practice) says clients should not use it, expected authorizationCode"
        " with PKCE [discouraged-flow]",
        "/components/securitySchemes/flows/flows/implicit/scopes/read: error: expected a string (the scope's description), got 1 (integer) [invalid-value]",
        "/components/securitySchemes/flows/flows/implicit/authorizationUrl: error: missing required field, expected a string [invalid-value]",
    ]


def test_invalid_value_reports_containers_of_wrong_type() -> None:
    assert _lines({"openapi": "3.1.0", "components": []}) == [
        "/components: error: expected an object (the Components Object), got [] (array) [invalid-value]"
    ]
    assert _lines({"openapi": "3.1.0", "components": {"securitySchemes": "none"}}) == [
        "/components/securitySchemes: error: expected an object mapping scheme names to Security Scheme Objects,"
        " got 'none' (string) [invalid-value]"
    ]
    assert _lines(_openapi("3.1.0", {"key": None, 7: KEY})) == [  # type: ignore[dict-item]
        "/components/securitySchemes/key: error: expected an object (a Security Scheme Object or a Reference Object),"
        " got None (null) [invalid-value]",
        "/components/securitySchemes/7: error: expected a string key (a scheme name), got 7 (integer) [invalid-value]",
    ]


def test_invalid_value_reports_component_name_that_openapi3_forbids() -> None:
    document = _openapi("3.0.3", {"User Authentication": KEY}, security=[{"User Authentication": []}])

    assert _lines(document) == [
        "/components/securitySchemes/User Authentication: error: invalid component name 'User Authentication',"
        " expected only letters, digits, '.', '-' and '_' [invalid-value]"
    ]


def test_invalid_value_allows_any_name_in_swagger2() -> None:
    document = _swagger({"User Authentication": {"type": "basic"}}, security=[{"User Authentication": []}])

    assert _lines(document) == []


def test_invalid_value_reports_bad_operations() -> None:
    document: dict[str, JSONValue] = {
        "openapi": "3.1.0",
        "paths": {"/a": None, "/b": {"get": "read", "post": {"callbacks": []}}, "x-note": "an extension"},
        "webhooks": [],
    }

    assert _lines(document) == [
        "/paths/~1a: error: expected an object (a Path Item Object), got None (null) [invalid-value]",
        "/paths/~1b/get: error: expected an object (an Operation Object), got 'read' (string) [invalid-value]",
        "/paths/~1b/post/callbacks: error: expected an object mapping callback names to Callback Objects,"
        " got [] (array) [invalid-value]",
        "/webhooks: error: expected an object mapping webhook names to Path Item Objects, got [] (array) [invalid-value]",
    ]


# field-not-allowed


def test_field_not_allowed_reports_foreign_fields() -> None:
    document = _openapi(
        "3.1.0",
        {
            "bearer": {"type": "http", "scheme": "bearer", "name": "Authorization"},
            "key": {**KEY, "flows": {}, "color": "blue"},
            "oauth": {
                "type": "oauth2",
                "bearerFormat": "JWT",
                "flows": {
                    "implicit": {
                        "authorizationUrl": f"{HTTPS}/authorize",
                        "tokenUrl": f"{HTTPS}/token",
                        "scopes": {},
                    },
                    "accessCode": {},
                },
            },
        },
    )

    assert _lines(document) == [
        "/components/securitySchemes/bearer/name: error: field 'name' is not allowed on an http scheme"
        " (a field of apiKey schemes), expected 'type', 'description', 'scheme', 'bearerFormat'"
        " or an 'x-' extension [field-not-allowed]",
        "/components/securitySchemes/key/flows: error: field 'flows' is not allowed on an apiKey scheme"
        " (a field of oauth2 schemes), expected 'type', 'description', 'name', 'in' or an 'x-' extension"
        " [field-not-allowed]",
        "/components/securitySchemes/key/color: error: field 'color' is not allowed on an apiKey scheme,"
        " expected 'type', 'description', 'name', 'in' or an 'x-' extension [field-not-allowed]",
        "/components/securitySchemes/oauth/bearerFormat: error: field 'bearerFormat' is not allowed on an oauth2"
        " scheme (a field of http schemes), expected 'type', 'description', 'flows' or an 'x-' extension"
        " [field-not-allowed]",
        "/components/securitySchemes/oauth/flows/implicit: warning: the implicit flow is advised against:"
        " RFC 9700 (OAuth 2.0 Security Best Current Practice) says clients should not use it, expected"
        " authorizationCode with PKCE [discouraged-flow]",
        "/components/securitySchemes/oauth/flows/implicit/tokenUrl: error: field 'tokenUrl' is not allowed on the"
        " implicit flow (a field of other flows), expected 'authorizationUrl', 'refreshUrl', 'scopes'"
        " or an 'x-' extension [field-not-allowed]",
        "/components/securitySchemes/oauth/flows/accessCode: error: flow 'accessCode' is not allowed in flows"
        " (the Swagger 2.0 name of 'authorizationCode'), expected 'implicit', 'password', 'clientCredentials',"
        " 'authorizationCode' or an 'x-' extension [field-not-allowed]",
    ]


def test_field_not_allowed_lists_fields_of_document_version() -> None:
    document = _openapi("3.2.0", {"mtls": {"type": "mutualTLS", "name": "client-cert"}})

    assert _lines(document) == [
        "/components/securitySchemes/mtls/name: error: field 'name' is not allowed on a mutualTLS scheme"
        " (a field of apiKey schemes), expected 'type', 'description', 'deprecated' or an 'x-' extension"
        " [field-not-allowed]"
    ]


def test_field_not_allowed_skips_extensions() -> None:
    document = _openapi(
        "3.1.0",
        {
            "key": {**KEY, "x-amazon-apigateway-authtype": "awsSigv4"},
            "oauth": {
                "type": "oauth2",
                "flows": {"authorizationCode": _code_flow(**{"x-usePkce": {"method": "S256"}}), "x-note": 1},
                "x-realm": None,
            },
        },
    )

    assert _lines(document) == []


def test_field_not_allowed_in_swagger2_scheme() -> None:
    document = _swagger(
        {
            "implicit": {
                "type": "oauth2",
                "flow": "implicit",
                "authorizationUrl": f"{HTTPS}/authorize",
                "tokenUrl": f"{HTTPS}/token",
                "name": "token",
                "scopes": {},
                "x-ok": True,
            },
            "basic": {"type": "basic", "in": "header"},
        }
    )

    assert _lines(document) == [
        "/securityDefinitions/implicit/flow: warning: the implicit flow is advised against: RFC 9700"
        " (OAuth 2.0 Security Best Current Practice) says clients should not use it, expected authorizationCode"
        " with PKCE [discouraged-flow]",
        "/securityDefinitions/implicit/tokenUrl: error: field 'tokenUrl' is not allowed on an oauth2 scheme with"
        " flow 'implicit', expected 'type', 'description', 'flow', 'authorizationUrl', 'scopes' or an 'x-'"
        " extension [field-not-allowed]",
        "/securityDefinitions/implicit/name: error: field 'name' is not allowed on an oauth2 scheme with flow"
        " 'implicit', expected 'type', 'description', 'flow', 'authorizationUrl', 'scopes' or an 'x-' extension"
        " [field-not-allowed]",
        "/securityDefinitions/basic/in: error: field 'in' is not allowed on a basic scheme, expected 'type',"
        " 'description' or an 'x-' extension [field-not-allowed]",
    ]


def test_field_not_allowed_reports_security_definitions_in_openapi3() -> None:
    document: dict[str, JSONValue] = {
        "openapi": "3.0.1",
        "securityDefinitions": {"mediawiki_auth": KEY},
        "security": [{"mediawiki_auth": []}],
    }

    assert _lines(document) == [
        "/securityDefinitions: error: field 'securityDefinitions' is not allowed in an OpenAPI 3.0 document, so its"
        " schemes are not read (a Swagger 2.0 field, expected the schemes in components.securitySchemes)"
        " [field-not-allowed]",
        "/security/0/mediawiki_auth: error: undefined security scheme 'mediawiki_auth', components.securitySchemes"
        " defines no schemes (it is in securityDefinitions, which OpenAPI 3 does not read) [undefined-scheme]",
    ]


# missing-scopes


def test_missing_scopes_reports_flow_without_scopes() -> None:
    document = _openapi(
        "3.0.3",
        {"oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": f"{HTTPS}/token"}}}},
    )

    assert _lines(document) == [
        "/components/securitySchemes/oauth/flows/clientCredentials/scopes: error: missing required field, expected"
        " an object mapping scope names to descriptions (it may be empty) [missing-scopes]"
    ]


def test_missing_scopes_reports_swagger2_scheme_without_scopes() -> None:
    flow = _code_flow()
    del flow["scopes"]
    document = _swagger({"box": {"type": "oauth2", "flow": "accessCode", **flow}})

    assert _lines(document) == [
        "/securityDefinitions/box/scopes: error: missing required field, expected an object mapping scope names"
        " to descriptions (it may be empty) [missing-scopes]"
    ]


def test_missing_scopes_accepts_empty_scopes() -> None:
    assert (
        _lines(_openapi("3.0.3", {"oauth": {"type": "oauth2", "flows": {"authorizationCode": _code_flow()}}}))
        == []
    )
    assert _lines(_swagger({"box": {"type": "oauth2", "flow": "accessCode", **_code_flow()}})) == []


# newer-than-version


NEWER_SCHEMES: dict[str, JSONValue] = {
    "mtls": {"type": "mutualTLS"},
    "old": {**KEY, "deprecated": True},
    "oauth": {
        "type": "oauth2",
        "oauth2MetadataUrl": f"{HTTPS}/.well-known/oauth-authorization-server",
        "flows": {
            "deviceAuthorization": {
                "deviceAuthorizationUrl": f"{HTTPS}/device",
                "tokenUrl": f"{HTTPS}/token",
                "scopes": {},
            }
        },
    },
    "alias": {"$ref": "#/components/securitySchemes/old", "summary": "Old key", "description": "The old key"},
}


def test_newer_than_version_in_3_0() -> None:
    assert _lines(_openapi("3.0.3", NEWER_SCHEMES)) == [
        "/components/securitySchemes/mtls/type: error: type 'mutualTLS' needs OpenAPI 3.1 or later, the document"
        " is OpenAPI 3.0 [newer-than-version]",
        "/components/securitySchemes/old/deprecated: error: field 'deprecated' needs OpenAPI 3.2 or later, the"
        " document is OpenAPI 3.0 [newer-than-version]",
        "/components/securitySchemes/oauth/oauth2MetadataUrl: error: field 'oauth2MetadataUrl' needs OpenAPI 3.2"
        " or later, the document is OpenAPI 3.0 [newer-than-version]",
        "/components/securitySchemes/oauth/flows/deviceAuthorization: error: flow 'deviceAuthorization' needs"
        " OpenAPI 3.2 or later, the document is OpenAPI 3.0 [newer-than-version]",
        "/components/securitySchemes/alias/summary: error: field 'summary' beside '$ref' needs OpenAPI 3.1 or"
        " later, the document is OpenAPI 3.0 [newer-than-version]",
        "/components/securitySchemes/alias/description: error: field 'description' beside '$ref' needs OpenAPI"
        " 3.1 or later, the document is OpenAPI 3.0 [newer-than-version]",
    ]


def test_newer_than_version_accepts_3_2_fields() -> None:
    assert _lines(_openapi("3.2.0", NEWER_SCHEMES)) == []


def test_newer_than_version_reports_operations_newer_than_version() -> None:
    document: dict[str, JSONValue] = {
        "openapi": "3.0.3",
        "paths": {"/a": {"query": {}, "additionalOperations": {"LINK": {}}}},
        "webhooks": {"event": {"post": {}}},
    }

    assert _lines(document) == [
        "/paths/~1a/query: error: field 'query' needs OpenAPI 3.2 or later, the document is OpenAPI 3.0"
        " [newer-than-version]",
        "/paths/~1a/additionalOperations: error: field 'additionalOperations' needs OpenAPI 3.2 or later, the"
        " document is OpenAPI 3.0 [newer-than-version]",
        "/webhooks: error: field 'webhooks' needs OpenAPI 3.1 or later, the document is OpenAPI 3.0"
        " [newer-than-version]",
    ]
    assert _lines({**document, "openapi": "3.2.0"}) == []


def test_newer_than_version_reports_openapi3_parts_of_swagger2() -> None:
    document = _swagger(
        {
            "bearer": {"type": "http", "scheme": "bearer"},
            "oauth": {
                "type": "oauth2",
                "flow": "password",
                "tokenUrl": f"{HTTPS}/token",
                "refreshUrl": f"{HTTPS}/refresh",
                "scopes": {},
            },
            "basic": {"type": "basic", "deprecated": False},
            "alias": {"$ref": "#/securityDefinitions/basic"},
        },
        paths={"/a": {"trace": {"callbacks": {}}}},
        components={"securitySchemes": {}},
    )

    assert _lines(document) == [
        "/components/securitySchemes: error: field 'securitySchemes' needs OpenAPI 3.0 or later, the document is"
        " Swagger 2.0, so these schemes are not read (expected them in securityDefinitions) [newer-than-version]",
        "/securityDefinitions/bearer/type: error: type 'http' needs OpenAPI 3.0 or later, the document is Swagger"
        " 2.0 [newer-than-version]",
        "/securityDefinitions/oauth/flow: warning: the password flow is advised against: RFC 9700 (OAuth 2.0"
        " Security Best Current Practice) says it must not be used, expected authorizationCode, or"
        " clientCredentials without a user [discouraged-flow]",
        "/securityDefinitions/oauth/refreshUrl: error: field 'refreshUrl' needs OpenAPI 3.0 or later, the document"
        " is Swagger 2.0 [newer-than-version]",
        "/securityDefinitions/basic/deprecated: error: field 'deprecated' needs OpenAPI 3.2 or later, the document"
        " is Swagger 2.0 [newer-than-version]",
        "/securityDefinitions/alias/$ref: error: a Reference Object in securityDefinitions needs OpenAPI 3.0 or"
        " later, the document is Swagger 2.0 [newer-than-version]",
        "/paths/~1a/trace: error: field 'trace' needs OpenAPI 3.0 or later, the document is Swagger 2.0"
        " [newer-than-version]",
        "/paths/~1a/trace/callbacks: error: field 'callbacks' needs OpenAPI 3.0 or later, the document is Swagger"
        " 2.0 [newer-than-version]",
    ]


# invalid-version


INVALID_VERSIONS: dict[str, tuple[dict[str, JSONValue], str]] = {
    "missing": (
        {},
        "/openapi: error: missing required field, expected 'openapi' with a version such as '3.1.0' or 'swagger'"
        " with '2.0' (checked as OpenAPI 3.2) [invalid-version]",
    ),
    "unknown-openapi": (
        {"openapi": "3.3.0"},
        "/openapi: error: unknown OpenAPI version '3.3.0', expected 3.0.x, 3.1.x or 3.2.x (checked as OpenAPI 3.2)"
        " [invalid-version]",
    ),
    "swagger-in-openapi": (
        {"openapi": "2.0"},
        "/openapi: error: unknown OpenAPI version '2.0', expected 3.0.x, 3.1.x or 3.2.x (checked as OpenAPI 3.2)"
        " [invalid-version]",
    ),
    "unknown-swagger": (
        {"swagger": "1.2"},
        "/swagger: error: unknown Swagger version '1.2', expected '2.0' (checked as OpenAPI 3.2) [invalid-version]",
    ),
    "not-text": (
        {"openapi": ["3.1.0"]},
        "/openapi: error: expected a version string such as '3.1.0', got ['3.1.0'] (array) (checked as OpenAPI 3.2)"
        " [invalid-version]",
    ),
    "boolean": (
        {"openapi": True},
        "/openapi: error: expected a version string such as '3.1.0', got True (boolean) (checked as OpenAPI 3.2)"
        " [invalid-version]",
    ),
}


@pytest.mark.parametrize(("document", "line"), INVALID_VERSIONS.values(), ids=INVALID_VERSIONS.keys())
def test_invalid_version_reports_missing_or_unknown_version(
    document: dict[str, JSONValue], line: str
) -> None:
    assert _lines(document) == [line]


def test_invalid_version_checks_document_as_3_2() -> None:
    document = _openapi("3.9", {"old": {**KEY, "deprecated": True}}, security=[{"missing": []}])

    assert _lines(document) == [
        "/openapi: error: unknown OpenAPI version '3.9', expected 3.0.x, 3.1.x or 3.2.x (checked as OpenAPI 3.2)"
        " [invalid-version]",
        "/security/0/missing: error: undefined security scheme 'missing', expected one of 'old' from"
        " components.securitySchemes [undefined-scheme]",
    ]


@pytest.mark.parametrize("version", ["3.0", "3.0.0", "3.1.1", "3.2.0"])
def test_invalid_version_accepts_known_versions(version: str) -> None:
    assert _lines({"openapi": version}) == []


# invalid-requirement


def test_invalid_requirement_reports_each_wrong_shape() -> None:
    integer_key: dict[object, JSONValue] = {1: []}
    document = _openapi(
        "3.1.0",
        {"key": KEY},
        security=[{"key": None}, "key", {"key": ["a", 1]}, cast("JSONValue", integer_key)],
        paths={"/a": {"get": {"security": None}, "put": {"security": {"key": []}}}},
    )

    assert _lines(document) == [
        "/security/0/key: error: expected an array of scope names, got None (null) [invalid-requirement]",
        "/security/1: error: expected an object mapping scheme names to scope lists, got 'key' (string)"
        " [invalid-requirement]",
        "/security/2/key/1: error: expected a string (a scope name), got 1 (integer) [invalid-requirement]",
        "/security/3/1: error: expected a string key (a scheme name), got 1 (integer) [invalid-requirement]",
        "/paths/~1a/get/security: error: expected an array of Security Requirement Objects, got None (null)"
        " [invalid-requirement]",
        "/paths/~1a/put/security: error: expected an array of Security Requirement Objects, got {'key': []}"
        " (object) [invalid-requirement]",
    ]


def test_invalid_requirement_accepts_empty_and_anonymous() -> None:
    document = _openapi(
        "3.1.0", {"key": KEY}, security=[], paths={"/a": {"get": {"security": [{}, {"key": []}]}}}
    )

    assert _lines(document) == []


# undefined-scheme


def test_undefined_scheme_lists_defined_names() -> None:
    document = _openapi(
        "3.0.3", {"api_key": KEY, "oauth": OAUTH}, security=[{"apiKey": []}, {"OAUTH": ["read"]}]
    )

    assert _lines(document) == [
        "/security/0/apiKey: error: undefined security scheme 'apiKey', expected one of 'api_key', 'oauth' from"
        " components.securitySchemes [undefined-scheme]",
        "/security/1/OAUTH: error: undefined security scheme 'OAUTH', did you mean 'oauth'? [undefined-scheme]",
    ]


def test_undefined_scheme_in_swagger2_names_security_definitions() -> None:
    document = _swagger({"Bearer": {"type": "apiKey", "name": "Authorization", "in": "header"}})
    document["paths"] = {"/a": {"get": {"security": [{"accessCode": ["signature"]}]}}}

    assert _lines(document) == [
        "/paths/~1a/get/security/0/accessCode: error: undefined security scheme 'accessCode', expected one of"
        " 'Bearer' from securityDefinitions [undefined-scheme]"
    ]


def test_undefined_scheme_shows_at_most_ten_names() -> None:
    document = _openapi("3.1.0", {f"key{index:02}": KEY for index in range(12)}, security=[{"other": []}])

    assert _lines(document) == [
        "/security/0/other: error: undefined security scheme 'other', expected one of 'key00', 'key01', 'key02',"
        " 'key03', 'key04', 'key05', 'key06', 'key07', 'key08', 'key09' and 2 more from components.securitySchemes"
        " [undefined-scheme]"
    ]


def test_undefined_scheme_names_scheme_uris_before_3_2() -> None:
    document = _openapi("3.1.0", {"key": KEY}, security=[{"#/components/securitySchemes/key": []}])

    assert _lines(document) == [
        "/security/0/#~1components~1securitySchemes~1key: error: undefined security scheme"
        " '#/components/securitySchemes/key', expected one of 'key' from components.securitySchemes (scheme URIs"
        " in requirements need OpenAPI 3.2) [undefined-scheme]"
    ]


def test_undefined_scheme_accepts_defined_names() -> None:
    document = _openapi(
        "3.0.3",
        {"X-API-Key": KEY, "x-partner": KEY, "external": {"$ref": "other.yaml#/key"}},
        security=[{"X-API-Key": [], "x-partner": [], "external": []}],
    )

    assert _lines(document) == [
        "/components/securitySchemes/external/$ref: warning: external reference 'other.yaml#/key' is not followed,"
        " so its target is not checked [external-reference]"
    ]


def test_undefined_scheme_resolves_scheme_uris_in_3_2() -> None:
    document = _openapi(
        "3.2.0",
        {"oauth": OAUTH},
        security=[
            {"#/components/securitySchemes/oauth": ["read", "admin"]},
            {"#/components/securitySchemes/missing": []},
            {"https://example.com/openapi.json#/components/securitySchemes/key": []},
        ],
    )

    misspelt: JSONValue = [{"User Key": []}]
    assert _lines({**document, "security": misspelt}) == [
        "/security/0/User Key: error: undefined security scheme 'User Key', expected one of 'oauth' from"
        " components.securitySchemes [undefined-scheme]"
    ]
    assert _lines(document) == [
        "/security/0/#~1components~1securitySchemes~1oauth/1: warning: expected one of the scopes that oauth2"
        " scheme '#/components/securitySchemes/oauth' defines, got 'admin' [undefined-scope]",
        "/security/1/#~1components~1securitySchemes~1missing: error: scheme URI"
        " '#/components/securitySchemes/missing' not found in this document [unresolved-reference]",
        "/security/2/https:~1~1example.com~1openapi.json#~1components~1securitySchemes~1key: warning: external"
        " reference 'https://example.com/openapi.json#/components/securitySchemes/key' is not followed, so its"
        " target is not checked [external-reference]",
    ]


# roles-not-allowed


def test_roles_not_allowed_before_3_1() -> None:
    document = _openapi(
        "3.0.3",
        {
            "bearer": {"type": "http", "scheme": "bearer"},
            "oidc": {"type": "openIdConnect", "openIdConnectUrl": HTTPS},
        },
        security=[{"bearer": ["droplet:read"], "oidc": ["openid", "profile"]}],
    )

    assert _lines(document) == [
        "/security/0/bearer: error: expected an empty list for http scheme 'bearer', got ['droplet:read'] (array),"
        " because OpenAPI 3.0 allows scopes only for oauth2 and openIdConnect schemes (roles need OpenAPI 3.1)"
        " [roles-not-allowed]"
    ]


def test_roles_not_allowed_in_swagger2() -> None:
    document = _swagger({"basic": {"type": "basic"}}, security=[{"basic": ["admin"]}])

    assert _lines(document) == [
        "/security/0/basic: error: expected an empty list for basic scheme 'basic', got ['admin'] (array), because"
        " Swagger 2.0 allows scopes only for oauth2 schemes (roles need OpenAPI 3.1) [roles-not-allowed]"
    ]


def test_roles_not_allowed_accepts_roles_since_3_1() -> None:
    document = _openapi(
        "3.1.0", {"bearer": {"type": "http", "scheme": "bearer"}}, security=[{"bearer": ["admin"]}]
    )

    assert _lines(document) == []


def test_roles_not_allowed_follows_references() -> None:
    document = _openapi(
        "3.0.3",
        {"key": KEY, "alias": {"$ref": "#/components/securitySchemes/key"}},
        security=[{"alias": ["a"]}],
    )

    assert _lines(document) == [
        "/security/0/alias: error: expected an empty list for apiKey scheme 'alias', got ['a'] (array), because"
        " OpenAPI 3.0 allows scopes only for oauth2 and openIdConnect schemes (roles need OpenAPI 3.1)"
        " [roles-not-allowed]"
    ]


# unresolved-reference and external-reference


def test_unresolved_reference_reports_missing_target_and_bad_pointer() -> None:
    schemes: dict[str, JSONValue] = {
        "missing": {"$ref": "#/components/securitySchemes/nope"},
        "not-pointer": {"$ref": "#components/securitySchemes/key"},
        "schema": {"$ref": "#/components/schemas/Pet"},
        "key": KEY,
    }
    document: dict[str, JSONValue] = {
        "openapi": "3.1.0",
        "components": {"securitySchemes": schemes, "schemas": {"Pet": {"type": "object"}}},
        "security": [{"missing": [], "schema": []}],
    }

    assert _lines(document) == [
        "/components/securitySchemes/missing/$ref: error: reference target '#/components/securitySchemes/nope' not"
        " found in this document [unresolved-reference]",
        "/components/securitySchemes/not-pointer/$ref: error: expected a JSON Pointer after '#', such as"
        " '#/components/securitySchemes/name', got '#components/securitySchemes/key' [unresolved-reference]",
        "/components/securitySchemes/schema/$ref: error: reference target '#/components/schemas/Pet' is not a"
        " Security Scheme Object, got {'type': 'object'} (object) [unresolved-reference]",
    ]


def test_unresolved_reference_reports_each_member_of_cycle() -> None:
    document = _openapi(
        "3.1.0",
        {
            "a": {"$ref": "#/components/securitySchemes/b"},
            "b": {"$ref": "#/components/securitySchemes/a"},
            "self": {"$ref": "#/components/securitySchemes/self"},
            "into-cycle": {"$ref": "#/components/securitySchemes/a"},
        },
        security=[{"a": [], "into-cycle": []}],
    )

    assert _lines(document) == [
        "/components/securitySchemes/a/$ref: error: reference cycle '#/components/securitySchemes/b' ->"
        " '#/components/securitySchemes/a' -> '#/components/securitySchemes/b', expected the references to end at"
        " an object [unresolved-reference]",
        "/components/securitySchemes/b/$ref: error: reference cycle '#/components/securitySchemes/a' ->"
        " '#/components/securitySchemes/b' -> '#/components/securitySchemes/a', expected the references to end at"
        " an object [unresolved-reference]",
        "/components/securitySchemes/self/$ref: error: reference cycle '#/components/securitySchemes/self' ->"
        " '#/components/securitySchemes/self', expected the references to end at an object [unresolved-reference]",
    ]


def test_unresolved_reference_accepts_chain_of_references() -> None:
    document = _openapi(
        "3.1.0",
        {
            "a": {"$ref": "#/components/securitySchemes/b"},
            "b": {"$ref": "#/components/securitySchemes/key%20one"},
            "key one": KEY,
        },
    )
    document["openapi"] = "3.1.0"

    findings = check_document(document)

    assert [finding.rule for finding in findings] == ["invalid-value"]  # Only the name with a space.


def test_unresolved_reference_in_path_items() -> None:
    document: dict[str, JSONValue] = {
        "openapi": "3.1.0",
        "paths": {
            "/a": {"$ref": "#/paths/~1b"},
            "/b": {"$ref": "#/paths/~1a"},
            "/c": {"$ref": "#/components/pathItems/missing"},
            "/d": {"$ref": "https://example.com/paths.yaml#/d"},
            "/e": {"$ref": 5},
        },
    }

    assert _lines(document) == [
        "/paths/~1a/$ref: error: reference cycle '#/paths/~1b' -> '#/paths/~1a' -> '#/paths/~1b', expected the"
        " references to end at an object [unresolved-reference]",
        "/paths/~1b/$ref: error: reference cycle '#/paths/~1a' -> '#/paths/~1b' -> '#/paths/~1a', expected the"
        " references to end at an object [unresolved-reference]",
        "/paths/~1c/$ref: error: reference target '#/components/pathItems/missing' not found in this document"
        " [unresolved-reference]",
        "/paths/~1d/$ref: warning: external reference 'https://example.com/paths.yaml#/d' is not followed, so its"
        " target is not checked [external-reference]",
        "/paths/~1e/$ref: error: expected a string (a URI reference), got 5 (integer) [invalid-value]",
    ]


def test_external_reference_in_callbacks_is_reported() -> None:
    document: dict[str, JSONValue] = {
        "openapi": "3.1.0",
        "paths": {"/a": {"post": {"callbacks": {"event": {"$ref": "callbacks.yaml#/event"}}}}},
    }

    assert _lines(document) == [
        "/paths/~1a/post/callbacks/event/$ref: warning: external reference 'callbacks.yaml#/event' is not"
        " followed, so its target is not checked [external-reference]"
    ]


def test_callback_reference_is_followed() -> None:
    document: dict[str, JSONValue] = {
        "openapi": "3.1.0",
        "paths": {"/a": {"post": {"callbacks": {"event": {"$ref": "#/components/callbacks/event"}}}}},
        "components": {"callbacks": {"event": {"{$url}": {"post": {"security": [{"missing": []}]}}}}},
    }

    assert _lines(document) == [
        "/components/callbacks/event/{$url}/post/security/0/missing: error: undefined security scheme 'missing',"
        " components.securitySchemes defines no schemes [undefined-scheme]"
    ]


# ignored-reference-field


def test_ignored_reference_field_reports_keys_beside_ref() -> None:
    document = _openapi(
        "3.1.0",
        {
            "key": KEY,
            "alias": {
                "$ref": "#/components/securitySchemes/key",
                "summary": "Allowed since 3.1",
                "type": "apiKey",
                "x-note": "ignored too",
            },
        },
    )

    assert _lines(document) == [
        "/components/securitySchemes/alias/type: warning: field 'type' beside '$ref' is ignored by the"
        " specification, expected only '$ref', 'summary', 'description' [ignored-reference-field]",
        "/components/securitySchemes/alias/x-note: warning: field 'x-note' beside '$ref' is ignored by the"
        " specification, expected only '$ref', 'summary', 'description' [ignored-reference-field]",
    ]


def test_ignored_reference_field_in_3_0_allows_only_ref() -> None:
    document = _openapi(
        "3.0.3", {"key": KEY, "alias": {"$ref": "#/components/securitySchemes/key", "in": "query"}}
    )

    assert _lines(document) == [
        "/components/securitySchemes/alias/in: warning: field 'in' beside '$ref' is ignored by the specification,"
        " expected only '$ref' [ignored-reference-field]"
    ]


def test_ignored_reference_field_accepts_summary_and_description_since_3_1() -> None:
    document = _openapi(
        "3.1.0",
        {"key": KEY, "alias": {"$ref": "#/components/securitySchemes/key", "description": "An alias"}},
    )

    assert _lines(document) == []


# undefined-scope


def test_undefined_scope_reports_scope_of_no_flow() -> None:
    oauth: dict[str, JSONValue] = {
        "type": "oauth2",
        "flows": {
            "authorizationCode": _code_flow(scopes={"read": "Read"}),
            "clientCredentials": {"tokenUrl": f"{HTTPS}/token", "scopes": {"write": "Write"}},
        },
    }
    document = _openapi("3.0.3", {"oauth": oauth}, security=[{"oauth": ["read", "write", "admin"]}])

    assert _lines(document) == [
        "/security/0/oauth/2: warning: expected one of the scopes that oauth2 scheme 'oauth' defines, got 'admin'"
        " [undefined-scope]"
    ]


def test_undefined_scope_reads_swagger2_extensions_as_no_scope() -> None:
    scheme: dict[str, JSONValue] = {
        "type": "oauth2",
        "flow": "application",
        "tokenUrl": f"{HTTPS}/token",
        "scopes": {"read": "Read", "x-admin": "no"},
    }
    document = _swagger({"oauth": scheme}, security=[{"oauth": ["read", "x-admin"]}])

    assert _lines(document) == [
        "/security/0/oauth/1: warning: expected one of the scopes that oauth2 scheme 'oauth' defines, got"
        " 'x-admin' [undefined-scope]"
    ]


def test_undefined_scope_ignores_openid_connect_and_roles() -> None:
    document = _openapi(
        "3.1.0",
        {"oidc": {"type": "openIdConnect", "openIdConnectUrl": HTTPS}, "key": KEY},
        security=[{"oidc": ["openid", "anything"]}, {"key": ["admin"]}],
    )

    assert _lines(document) == []


# insecure-url


def test_insecure_url_reports_every_url_field() -> None:
    document = _openapi(
        "3.2.0",
        {
            "oauth": {
                "type": "oauth2",
                "oauth2MetadataUrl": "http://auth.example.com/.well-known/oauth-authorization-server",
                "flows": {
                    "authorizationCode": {
                        "authorizationUrl": "HTTP://auth.example.com/authorize",
                        "tokenUrl": "http://10.0.0.5/token",
                        "refreshUrl": "http://[2001:db8::1]/refresh",
                        "scopes": {},
                    },
                    "deviceAuthorization": {
                        "deviceAuthorizationUrl": "http://auth.example.com/device",
                        "tokenUrl": "https://auth.example.com/token",
                        "scopes": {},
                    },
                },
            },
            "oidc": {"type": "openIdConnect", "openIdConnectUrl": "http://id.example.com/.well-known"},
        },
    )

    assert _lines(document) == [
        "/components/securitySchemes/oauth/oauth2MetadataUrl: warning: expected an https URL, got plain http to a"
        " host other than loopback: 'http://auth.example.com/.well-known/oauth-authorization-server' [insecure-url]",
        "/components/securitySchemes/oauth/flows/authorizationCode/authorizationUrl: warning: expected an https"
        " URL, got plain http to a host other than loopback: 'HTTP://auth.example.com/authorize' [insecure-url]",
        "/components/securitySchemes/oauth/flows/authorizationCode/tokenUrl: warning: expected an https URL, got"
        " plain http to a host other than loopback: 'http://10.0.0.5/token' [insecure-url]",
        "/components/securitySchemes/oauth/flows/authorizationCode/refreshUrl: warning: expected an https URL, got"
        " plain http to a host other than loopback: 'http://[2001:db8::1]/refresh' [insecure-url]",
        "/components/securitySchemes/oauth/flows/deviceAuthorization/deviceAuthorizationUrl: warning: expected an"
        " https URL, got plain http to a host other than loopback: 'http://auth.example.com/device' [insecure-url]",
        "/components/securitySchemes/oidc/openIdConnectUrl: warning: expected an https URL, got plain http to a"
        " host other than loopback: 'http://id.example.com/.well-known' [insecure-url]",
    ]


def test_insecure_url_reports_swagger2_urls() -> None:
    scheme: dict[str, JSONValue] = {
        "type": "oauth2",
        "flow": "accessCode",
        "authorizationUrl": "http://petstore.swagger.io/oauth/dialog",
        "tokenUrl": "https://petstore.swagger.io/oauth/token",
        "scopes": {},
    }

    assert _lines(_swagger({"petstore_auth": scheme})) == [
        "/securityDefinitions/petstore_auth/authorizationUrl: warning: expected an https URL, got plain http to a"
        " host other than loopback: 'http://petstore.swagger.io/oauth/dialog' [insecure-url]"
    ]


def test_unparsable_url_invalid_value() -> None:
    document = _openapi(
        "3.1.0",
        {
            "oauth": {
                "type": "oauth2",
                "flows": {
                    "clientCredentials": {
                        "tokenUrl": "http://[fe80::1/token",
                        "refreshUrl": "https://auth.example.com:port/refresh",
                        "scopes": {},
                    }
                },
            },
        },
    )

    assert _lines(document) == [
        "/components/securitySchemes/oauth/flows/clientCredentials/tokenUrl: error: expected a URL, got"
        " 'http://[fe80::1/token', which cannot be parsed (Invalid IPv6 URL) [invalid-value]",
        "/components/securitySchemes/oauth/flows/clientCredentials/refreshUrl: error: expected a URL, got"
        " 'https://auth.example.com:port/refresh', which cannot be parsed (Port could not be cast to integer"
        " value as 'port') [invalid-value]",
    ]


def test_unparsable_url_not_judged_insecure() -> None:
    assert not is_insecure_url("http://[::1/token")
    assert not is_insecure_url("http://[fe80::1/token")


def test_unparsable_swagger2_url_invalid() -> None:
    scheme: dict[str, JSONValue] = {
        "type": "oauth2",
        "flow": "application",
        "tokenUrl": "https://[::1/token",
        "scopes": {},
    }

    assert _lines(_swagger({"machines": scheme})) == [
        "/securityDefinitions/machines/tokenUrl: error: expected a URL, got 'https://[::1/token', which cannot"
        " be parsed (Invalid IPv6 URL) [invalid-value]"
    ]


SAFE_URLS = [
    "https://auth.example.com/token",
    "/oauth/token",
    "token",
    "//auth.example.com/token",
    "http://localhost:8080/token",
    "http://LOCALHOST/token",
    "http://127.0.0.1/token",
    "http://127.10.20.30:9000/token",
    "http://[::1]:8000/token",
    "http:/token",
    "ftp://files.example.com/token",
]


@pytest.mark.parametrize("url", SAFE_URLS)
def test_insecure_url_accepts_https_relative_and_loopback(url: str) -> None:
    assert not is_insecure_url(url)

    flow: dict[str, JSONValue] = {"tokenUrl": url, "scopes": {}}
    assert (
        _lines(_openapi("3.1.0", {"oauth": {"type": "oauth2", "flows": {"clientCredentials": flow}}})) == []
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://auth.example.com",
        "HTTP://Auth.Example.com/x",
        "http://128.0.0.1/",
        "http://[::2]/",
        "http://localhost.example.com/",
    ],
)
def test_insecure_url_judges_plain_http_to_other_hosts(url: str) -> None:
    assert is_insecure_url(url)


# discouraged-flow


def test_discouraged_flow_reports_implicit_and_password() -> None:
    flows: dict[str, JSONValue] = {
        "implicit": {"authorizationUrl": f"{HTTPS}/authorize", "scopes": {}},
        "password": {"tokenUrl": f"{HTTPS}/token", "scopes": {}},
        "clientCredentials": {"tokenUrl": f"{HTTPS}/token", "scopes": {}},
        "authorizationCode": _code_flow(),
    }

    assert _lines(_openapi("3.0.3", {"oauth": {"type": "oauth2", "flows": flows}})) == [
        "/components/securitySchemes/oauth/flows/implicit: warning: the implicit flow is advised against: RFC 9700"
        " (OAuth 2.0 Security Best Current Practice) says clients should not use it, expected authorizationCode"
        " with PKCE [discouraged-flow]",
        "/components/securitySchemes/oauth/flows/password: warning: the password flow is advised against: RFC 9700"
        " (OAuth 2.0 Security Best Current Practice) says it must not be used, expected authorizationCode, or"
        " clientCredentials without a user [discouraged-flow]",
    ]


@pytest.mark.parametrize("flow", ["application", "accessCode"])
def test_discouraged_flow_accepts_other_swagger2_flows(flow: str) -> None:
    scheme: dict[str, JSONValue] = {"type": "oauth2", "flow": flow, **_code_flow()}
    if flow == "application":
        del scheme["authorizationUrl"]

    assert _lines(_swagger({"oauth": scheme})) == []


# bearer-format-mismatch


def test_bearer_format_mismatch_reports_other_http_schemes() -> None:
    document = _openapi("3.1.0", {"basic": {"type": "http", "scheme": "Basic", "bearerFormat": "JWT"}})

    assert _lines(document) == [
        "/components/securitySchemes/basic/bearerFormat: warning: expected scheme 'bearer' with a bearerFormat,"
        " got scheme 'Basic' [bearer-format-mismatch]"
    ]


@pytest.mark.parametrize("scheme", ["bearer", "Bearer", "BEARER"])
def test_bearer_format_mismatch_compares_scheme_case_insensitively(scheme: str) -> None:
    document = _openapi("3.1.0", {"jwt": {"type": "http", "scheme": scheme, "bearerFormat": "JWT"}})

    assert _lines(document) == []


# Order


def test_findings_follow_reading_order() -> None:
    document: dict[str, JSONValue] = {
        "openapi": "3.0.3",
        "security": [{"missing": []}],
        "paths": {"/a": {"get": {"security": [{"other": []}]}}},
        "components": {
            "securitySchemes": {
                "oauth": {
                    "type": "oauth2",
                    "x-z": 1,
                    "flows": {"password": {"tokenUrl": "http://auth.example.com/token"}},
                    "name": "misplaced",
                }
            }
        },
    }

    assert [(finding.path, finding.rule) for finding in check_document(document)] == [
        ("/components/securitySchemes/oauth/flows/password", "discouraged-flow"),
        ("/components/securitySchemes/oauth/flows/password/tokenUrl", "insecure-url"),
        ("/components/securitySchemes/oauth/flows/password/scopes", "missing-scopes"),
        ("/components/securitySchemes/oauth/name", "field-not-allowed"),
        ("/security/0/missing", "undefined-scheme"),
        ("/paths/~1a/get/security/0/other", "undefined-scheme"),
    ]


# Repeated requirements


OIDC: dict[str, JSONValue] = {"type": "openIdConnect", "openIdConnectUrl": HTTPS}


@pytest.mark.parametrize(
    ("version", "requirement", "expected"),
    [
        pytest.param(
            "3.1.0", {"oauth": ["read", "admin"]}, [("oauth/1", "undefined-scope")], id="undefined-scope"
        ),
        pytest.param("3.0.3", {"key": ["admin"]}, [("key", "roles-not-allowed")], id="roles-before-3.1"),
        pytest.param(
            "3.0.3",
            {"oidc": ["any"], "key": ["admin"], "oauth": ["read", "nope"]},
            [("key", "roles-not-allowed"), ("oauth/1", "undefined-scope")],
            id="several-members",
        ),
        pytest.param(
            "3.1.0", {"key": ["admin"], "oidc": ["any"], "oauth": ["write"]}, [], id="valid-since-3.1"
        ),
        pytest.param(
            "3.1.0", {"key": [], "missing": []}, [("missing", "undefined-scheme")], id="undefined-scheme"
        ),
    ],
)
def test_requirement_rules_run_on_every_repeat(
    version: str, requirement: dict[str, JSONValue], expected: list[tuple[str, str]]
) -> None:
    # The reader skips the rules of a member after it has worked out that they report nothing for
    # its scopes, so a requirement met again, in the same array or another one, still gets them.
    document = _openapi(
        version,
        {"key": KEY, "oauth": OAUTH, "oidc": OIDC},
        security=[requirement, requirement],
        paths={"/a": {"get": {"security": [{}, requirement]}, "put": {"security": [dict(requirement)]}}},
    )
    places = ["/security/0", "/security/1", "/paths/~1a/get/security/1", "/paths/~1a/put/security/0"]

    findings = [(finding.path, finding.rule) for finding in check_document(document)]

    assert findings == [(f"{place}/{below}", rule) for place in places for below, rule in expected]


def test_shared_security_array_read_once() -> None:
    shared: list[JSONValue] = [{"missing": []}]
    document = _openapi(
        "3.1.0", {"key": KEY}, paths={"/a": {"get": {"security": shared}, "put": {"security": shared}}}
    )

    result = read_document(document)

    assert [(finding.path, finding.rule) for finding in result.findings] == [
        ("/paths/~1a/get/security/0/missing", "undefined-scheme")
    ]
    assert result.operations[0].security is not None
    assert result.operations[1].security is result.operations[0].security


def test_non_string_path_key_invalid() -> None:
    # An unquoted YAML key such as 5 or null reaches the checker as an int or None.
    document: dict[str, object] = {
        "openapi": "3.1.0",
        "components": {"securitySchemes": {"key": {"type": "apiKey", "name": "k", "in": "query"}}},
        "paths": {5: {"get": {"security": [{"missing": []}]}}, "x-internal": True},
        "webhooks": {None: {"post": {}}},
    }

    assert _lines(document) == [
        "/paths/5: error: expected a string as the key of a path item, got 5 (integer) [invalid-value]",
        "/paths/5/get/security/0/missing: error: undefined security scheme 'missing', expected one of 'key'"
        " from components.securitySchemes [undefined-scheme]",
        "/webhooks/None: error: expected a string as the key of a path item, got None (null) [invalid-value]",
    ]


def test_port_out_of_range_invalid() -> None:
    oidc: dict[str, JSONValue] = {
        "type": "openIdConnect",
        "openIdConnectUrl": "http://id.example.com:99999/x",
    }

    assert _lines(_openapi("3.1.0", {"oidc": oidc})) == [
        "/components/securitySchemes/oidc/openIdConnectUrl: error: expected a URL, got"
        " 'http://id.example.com:99999/x', which cannot be parsed (Port out of range 0-65535) [invalid-value]"
    ]
