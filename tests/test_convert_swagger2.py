"""Converting OpenAPI 3 security to Swagger 2.0 with ``to_swagger2``: split flows, requirements, what 2.0 lacks."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from oauthflows import Conversion, JSONValue, ValidationError, check_document, to_swagger2

HTTPS = "https://auth.example.com"
KEY: dict[str, JSONValue] = {"type": "apiKey", "name": "X-API-Key", "in": "header"}
IMPLICIT: dict[str, JSONValue] = {"authorizationUrl": f"{HTTPS}/authorize", "scopes": {"read": "Read"}}
CLIENT: dict[str, JSONValue] = {"tokenUrl": f"{HTTPS}/token", "scopes": {"read": "Read", "write": "Write"}}
CODE: dict[str, JSONValue] = {
    "authorizationUrl": f"{HTTPS}/authorize",
    "tokenUrl": f"{HTTPS}/token",
    "scopes": {"read": "Read"},
}
BOTH: dict[str, JSONValue] = {
    "type": "oauth2",
    "description": "Accounts",
    "flows": {"clientCredentials": CLIENT, "authorizationCode": CODE},
    "x-provider": "example",
}


def _openapi(
    schemes: Mapping[str, JSONValue], version: str = "3.1.0", **parts: JSONValue
) -> dict[str, JSONValue]:
    return {"openapi": version, "components": {"securitySchemes": dict(schemes)}, **parts}


def _definitions(conversion: Conversion) -> JSONValue:
    return conversion.to_dict().get("securityDefinitions")


def _lines(conversion: Conversion) -> list[str]:
    return [str(finding) for finding in conversion.findings]


def _not_expressible(path: str, message: str) -> str:
    return f"{path}: warning: {message} [not-expressible]"


# Schemes


def test_to_swagger2_http_basic_becomes_basic() -> None:
    document = _openapi(
        {"basic": {"type": "http", "description": "Sign in", "scheme": "Basic", "x-realm": "api"}}
    )

    converted = to_swagger2(document)

    assert _definitions(converted) == {"basic": {"type": "basic", "description": "Sign in", "x-realm": "api"}}
    assert converted.findings == ()


def test_to_swagger2_api_key_in_header_or_query() -> None:
    query: dict[str, JSONValue] = {"type": "apiKey", "name": "key", "in": "query", "x-test": [1]}

    assert _definitions(to_swagger2(_openapi({"header": KEY, "query": query}))) == {
        "header": KEY,
        "query": query,
    }


def test_to_swagger2_scheme_with_one_flow_keeps_name() -> None:
    oauth: dict[str, JSONValue] = {
        "type": "oauth2",
        "flows": {"clientCredentials": {**CLIENT, "x-audience": "api"}},
        "x-provider": "example",
    }

    assert _definitions(to_swagger2(_openapi({"oauth": oauth}))) == {
        "oauth": {
            "type": "oauth2",
            "flow": "application",
            "tokenUrl": f"{HTTPS}/token",
            "scopes": {"read": "Read", "write": "Write", "x-audience": "api"},
            "x-provider": "example",
        }
    }


def test_to_swagger2_splits_scheme_with_several_flows() -> None:
    converted = to_swagger2(_openapi({"both": BOTH}))

    assert _definitions(converted) == {
        "both_application": {
            "type": "oauth2",
            "description": "Accounts",
            "flow": "application",
            "tokenUrl": f"{HTTPS}/token",
            "scopes": {"read": "Read", "write": "Write"},
            "x-provider": "example",
        },
        "both_accessCode": {
            "type": "oauth2",
            "description": "Accounts",
            "flow": "accessCode",
            "authorizationUrl": f"{HTTPS}/authorize",
            "tokenUrl": f"{HTTPS}/token",
            "scopes": {"read": "Read"},
            "x-provider": "example",
        },
    }
    assert converted.findings == ()


def test_to_swagger2_names_split_flows_in_spec_order() -> None:
    flows: dict[str, JSONValue] = {
        "authorizationCode": CODE,
        "implicit": IMPLICIT,
        "password": {"tokenUrl": "/token", "scopes": {}},
        "clientCredentials": CLIENT,
    }

    definitions = _definitions(to_swagger2(_openapi({"all": {"type": "oauth2", "flows": flows}})))

    assert isinstance(definitions, Mapping)
    assert list(definitions) == ["all_implicit", "all_password", "all_application", "all_accessCode"]


def test_to_swagger2_name_collision_is_error() -> None:
    document = _openapi(
        {"both": BOTH, "both_application": KEY},
        security=[{"both": ["read"]}],
    )

    converted = to_swagger2(document)

    assert _definitions(converted) == {
        "both_accessCode": {
            "type": "oauth2",
            "description": "Accounts",
            "flow": "accessCode",
            "authorizationUrl": f"{HTTPS}/authorize",
            "tokenUrl": f"{HTTPS}/token",
            "scopes": {"read": "Read"},
            "x-provider": "example",
        },
        "both_application": KEY,
    }
    assert converted.to_dict()["security"] == [{"both_accessCode": ["read"]}]
    assert _lines(converted) == [
        "/components/securitySchemes/both/flows/clientCredentials: error: the Swagger 2.0 definition of this"
        " flow would be named 'both_application', which another scheme or a requirement already uses, so the"
        " flow is left out (rename the scheme) [not-expressible]"
    ]


NOT_EXPRESSIBLE: dict[str, tuple[dict[str, JSONValue], str]] = {
    "bearer": (
        {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
        _not_expressible(
            "/components/securitySchemes/s/scheme",
            "http scheme 'bearer' is not expressible in Swagger 2.0, which has only basic authentication,"
            " so the scheme is left out",
        ),
    ),
    "digest": (
        {"type": "http", "scheme": "Digest"},
        _not_expressible(
            "/components/securitySchemes/s/scheme",
            "http scheme 'Digest' is not expressible in Swagger 2.0, which has only basic authentication,"
            " so the scheme is left out",
        ),
    ),
    "cookie": (
        {"type": "apiKey", "name": "session", "in": "cookie"},
        _not_expressible(
            "/components/securitySchemes/s/in",
            "an API key in a cookie is not expressible in Swagger 2.0, which sends API keys only in a query"
            " parameter or a header, so the scheme is left out",
        ),
    ),
    "openIdConnect": (
        {"type": "openIdConnect", "openIdConnectUrl": f"{HTTPS}/.well-known/openid-configuration"},
        _not_expressible(
            "/components/securitySchemes/s/type",
            "type 'openIdConnect' is not expressible in Swagger 2.0, so the scheme is left out",
        ),
    ),
    "mutualTLS": (
        {"type": "mutualTLS"},
        _not_expressible(
            "/components/securitySchemes/s/type",
            "type 'mutualTLS' is not expressible in Swagger 2.0, so the scheme is left out",
        ),
    ),
    "device-only": (
        {
            "type": "oauth2",
            "flows": {
                "deviceAuthorization": {
                    "deviceAuthorizationUrl": f"{HTTPS}/device",
                    "tokenUrl": f"{HTTPS}/token",
                    "scopes": {},
                }
            },
        },
        _not_expressible(
            "/components/securitySchemes/s/flows",
            "no flow of this oauth2 scheme is expressible in Swagger 2.0, so the scheme is left out",
        ),
    ),
    "no-flows": (
        {"type": "oauth2", "flows": {}},
        _not_expressible(
            "/components/securitySchemes/s/flows",
            "no flow of this oauth2 scheme is expressible in Swagger 2.0, so the scheme is left out",
        ),
    ),
}


@pytest.mark.parametrize(("scheme", "line"), NOT_EXPRESSIBLE.values(), ids=NOT_EXPRESSIBLE.keys())
def test_to_swagger2_leaves_out_scheme_that_swagger2_lacks(scheme: dict[str, JSONValue], line: str) -> None:
    converted = to_swagger2(_openapi({"s": scheme, "key": KEY}, "3.2.0"))

    assert _definitions(converted) == {"key": KEY}
    assert line in _lines(converted)


def test_to_swagger2_reports_each_field_that_swagger2_lacks() -> None:
    scheme: dict[str, JSONValue] = {
        "type": "oauth2",
        "flows": {
            "implicit": {
                **IMPLICIT,
                "refreshUrl": f"{HTTPS}/refresh",
                "tokenUrl": f"{HTTPS}/token",
                "x-a": 1,
            },
            "deviceAuthorization": {
                "deviceAuthorizationUrl": f"{HTTPS}/device",
                "tokenUrl": f"{HTTPS}/token",
                "scopes": {},
            },
            "x-flows": True,
        },
        "oauth2MetadataUrl": f"{HTTPS}/.well-known/oauth-authorization-server",
        "deprecated": False,
    }

    converted = to_swagger2(_openapi({"oauth": scheme}, "3.2.0"))

    assert _definitions(converted) == {
        "oauth": {
            "type": "oauth2",
            "flow": "implicit",
            "authorizationUrl": f"{HTTPS}/authorize",
            "scopes": {"read": "Read", "x-a": 1},
        }
    }
    pointer = "/components/securitySchemes/oauth"
    assert [line for line in _lines(converted) if "[not-expressible]" in line] == [
        _not_expressible(
            f"{pointer}/flows/x-flows",
            "key 'x-flows' of the OAuth Flows Object is not expressible in Swagger 2.0, which has no such"
            " object, so it is left out",
        ),
        _not_expressible(
            f"{pointer}/flows/implicit/refreshUrl",
            "field 'refreshUrl' is not expressible in Swagger 2.0, so it is left out",
        ),
        _not_expressible(
            f"{pointer}/flows/implicit/tokenUrl",
            "field 'tokenUrl' of the implicit flow is not expressible in Swagger 2.0, which keeps only the 'x-'"
            " keys of a flow, in its scopes map, so it is left out",
        ),
        _not_expressible(
            f"{pointer}/flows/deviceAuthorization",
            "flow 'deviceAuthorization' is not expressible in Swagger 2.0, which has no device authorization"
            " flow, so it is left out",
        ),
        _not_expressible(
            f"{pointer}/oauth2MetadataUrl",
            "field 'oauth2MetadataUrl' is not expressible in Swagger 2.0, so it is left out",
        ),
        _not_expressible(
            f"{pointer}/deprecated", "field 'deprecated' is not expressible in Swagger 2.0, so it is left out"
        ),
    ]


def test_to_swagger2_leaves_out_extension_named_scope() -> None:
    flows: dict[str, JSONValue] = {
        "clientCredentials": {"tokenUrl": "/token", "scopes": {"x-admin": "Admin", "read": "Read"}}
    }

    converted = to_swagger2(_openapi({"oauth": {"type": "oauth2", "flows": flows}}))

    assert _definitions(converted) == {
        "oauth": {"type": "oauth2", "flow": "application", "tokenUrl": "/token", "scopes": {"read": "Read"}}
    }
    assert _lines(converted) == [
        _not_expressible(
            "/components/securitySchemes/oauth/flows/clientCredentials/scopes/x-admin",
            "scope 'x-admin' is not expressible in Swagger 2.0, where an 'x-' key of a scopes map is an"
            " extension, not a scope, so it is left out",
        )
    ]


def test_to_swagger2_leaves_out_bearer_format_of_basic() -> None:
    converted = to_swagger2(_openapi({"basic": {"type": "http", "scheme": "basic", "bearerFormat": "JWT"}}))

    assert _definitions(converted) == {"basic": {"type": "basic"}}
    assert _lines(converted)[-1] == _not_expressible(
        "/components/securitySchemes/basic/bearerFormat",
        "field 'bearerFormat' is not expressible on a Swagger 2.0 basic scheme, so it is left out",
    )


def test_to_swagger2_leaves_out_clashing_scheme_key() -> None:
    scheme: dict[str, JSONValue] = {
        "type": "oauth2",
        "flows": {"authorizationCode": CODE},
        "flow": "accessCode",
        "x-a": 1,
    }

    converted = to_swagger2(_openapi({"oauth": scheme}))

    assert _definitions(converted) == {
        "oauth": {
            "type": "oauth2",
            "flow": "accessCode",
            "authorizationUrl": f"{HTTPS}/authorize",
            "tokenUrl": f"{HTTPS}/token",
            "scopes": {"read": "Read"},
            "x-a": 1,
        }
    }
    assert _lines(converted)[-1] == _not_expressible(
        "/components/securitySchemes/oauth/flow",
        "field 'flow' of the scheme is not expressible on the Swagger 2.0 definition of the authorizationCode"
        " flow, which has a field of that name, so it is left out",
    )


def test_to_swagger2_converts_reference_under_its_own_name() -> None:
    document = _openapi(
        {
            "key": {**KEY, "description": "Partner key"},
            "shelter": {"$ref": "#/components/securitySchemes/key", "description": "Shelter key"},
            "remote": {"$ref": "https://example.com/api.json#/components/securitySchemes/key"},
        }
    )

    converted = to_swagger2(document)

    assert _definitions(converted) == {
        "key": {**KEY, "description": "Partner key"},
        "shelter": {**KEY, "description": "Shelter key"},
    }
    assert _lines(converted) == [
        "/components/securitySchemes/remote/$ref: warning: external reference"
        " 'https://example.com/api.json#/components/securitySchemes/key' is not followed, so its target is not"
        " checked [external-reference]",
        _not_expressible(
            "/components/securitySchemes/remote/$ref",
            "reference 'https://example.com/api.json#/components/securitySchemes/key' does not lead to a scheme"
            " of this document, and Swagger 2.0 has no references in securityDefinitions, so the scheme is left"
            " out",
        ),
    ]


def test_to_swagger2_reports_problem_of_referenced_scheme_once() -> None:
    oauth: dict[str, JSONValue] = {
        "type": "oauth2",
        "flows": {"password": {"tokenUrl": "/token", "refreshUrl": "/refresh", "scopes": {}}},
    }
    document = _openapi({"oauth": oauth, "alias": {"$ref": "#/components/securitySchemes/oauth"}})

    converted = to_swagger2(document)

    assert [line for line in _lines(converted) if "[not-expressible]" in line] == [
        _not_expressible(
            "/components/securitySchemes/oauth/flows/password/refreshUrl",
            "field 'refreshUrl' is not expressible in Swagger 2.0, so it is left out",
        )
    ]


def test_to_swagger2_missing_scopes_converts_empty_with_warning() -> None:
    document = _openapi({"oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "/token"}}}})

    converted = to_swagger2(document)

    assert _definitions(converted) == {
        "oauth": {"type": "oauth2", "flow": "application", "tokenUrl": "/token", "scopes": {}}
    }
    assert _lines(converted) == [
        "/components/securitySchemes/oauth/flows/clientCredentials/scopes: warning: missing required field,"
        " so the converted flow has empty scopes ({}) [missing-scopes]"
    ]


# Requirements


def test_to_swagger2_requirement_on_split_scheme_becomes_alternatives() -> None:
    document = _openapi(
        {"both": BOTH, "key": KEY},
        security=[{"key": [], "both": ["read"]}, {}],
        paths={"/a": {"get": {"security": [{"both": ["write"]}]}}},
    )

    converted = to_swagger2(document)

    assert converted.to_dict()["security"] == [
        {"key": [], "both_application": ["read"]},
        {"key": [], "both_accessCode": ["read"]},
        {},
    ]
    # Only the application flow defines 'write', so only its definition can meet that requirement.
    assert converted.to_dict()["paths"] == {"/a": {"get": {"security": [{"both_application": ["write"]}]}}}
    assert check_document(converted.to_dict()) == ()


def test_to_swagger2_combines_two_split_schemes() -> None:
    other: dict[str, JSONValue] = {
        "type": "oauth2",
        "flows": {"implicit": IMPLICIT, "authorizationCode": CODE},
    }

    converted = to_swagger2(
        _openapi({"both": BOTH, "other": other}, security=[{"both": [], "other": ["read"]}])
    )

    assert converted.to_dict()["security"] == [
        {"both_application": [], "other_implicit": ["read"]},
        {"both_application": [], "other_accessCode": ["read"]},
        {"both_accessCode": [], "other_implicit": ["read"]},
        {"both_accessCode": [], "other_accessCode": ["read"]},
    ]


def test_to_swagger2_too_many_alternatives_raises() -> None:
    flows: dict[str, JSONValue] = {
        "implicit": IMPLICIT,
        "clientCredentials": CLIENT,
        "authorizationCode": CODE,
    }
    schemes: dict[str, JSONValue] = {f"s{index}": {"type": "oauth2", "flows": flows} for index in range(13)}
    requirement: dict[str, JSONValue] = {name: [] for name in schemes}

    with pytest.raises(ValidationError) as raised:
        to_swagger2(_openapi(schemes, security=[requirement]))

    assert [(item.path, item.message) for item in raised.value.errors] == [
        (
            "/security/0",
            "the conversion would write or follow more than the limit of 1,000,000 requirements and path item"
            " references (shared YAML aliases count each time they are used)",
        )
    ]


def test_to_swagger2_drops_requirement_on_missing_scheme() -> None:
    bearer: dict[str, JSONValue] = {"type": "http", "scheme": "bearer"}
    document = _openapi({"bearer": bearer, "key": KEY}, security=[{"bearer": [], "key": []}, {"key": []}])

    converted = to_swagger2(document)

    assert converted.to_dict()["security"] == [{"key": []}]
    assert _lines(converted)[-1] == _not_expressible(
        "/security/0/bearer",
        "this requirement is left out, because scheme 'bearer' is left out of the converted document; the other"
        " requirements of this security still apply",
    )
    assert check_document(converted.to_dict()) == ()


def test_to_swagger2_keeps_requirements_when_none_would_remain() -> None:
    bearer: dict[str, JSONValue] = {"type": "http", "scheme": "bearer"}
    document = _openapi(
        {"bearer": bearer, "both": BOTH}, paths={"/a": {"get": {"security": [{"bearer": [], "both": []}]}}}
    )

    converted = to_swagger2(document)

    assert converted.to_dict()["paths"] == {
        "/a": {
            "get": {
                "security": [{"bearer": [], "both_application": []}, {"bearer": [], "both_accessCode": []}]
            }
        }
    }
    assert _lines(converted)[-1] == (
        "/paths/~1a/get/security/0/bearer: error: scheme 'bearer' is left out of the converted document, and every"
        " requirement of this security names such a scheme, so they are kept as they are and cannot be met"
        " [not-expressible]"
    )
    assert [finding.rule for finding in check_document(converted.to_dict())] == [
        "undefined-scheme",
        "undefined-scheme",
    ]


def test_to_swagger2_keeps_undefined_scheme_in_requirement() -> None:
    converted = to_swagger2(_openapi({"key": KEY}, security=[{"missing": []}]))

    assert converted.to_dict()["security"] == [{"missing": []}]
    assert [finding.rule for finding in converted.findings] == ["undefined-scheme"]


def test_to_swagger2_api_key_roles_fail() -> None:
    # Without its roles the requirement would let any key holder in.
    with pytest.raises(ValidationError) as raised:
        to_swagger2(_openapi({"key": KEY}, security=[{"key": ["admin"]}]))

    assert [(item.path, item.message) for item in raised.value.errors] == [
        (
            "/security/0/key",
            "the roles ['admin'] of apiKey scheme 'key' are not expressible in Swagger 2.0, which allows scopes"
            " only for oauth2 schemes, and every requirement of this security lists such roles, so the document"
            " is not converted: without them, any holder of the credential would pass",
        )
    ]


def test_to_swagger2_drops_roles_beside_others() -> None:
    converted = to_swagger2(
        _openapi({"key": KEY, "other": KEY}, security=[{"key": ["admin"]}, {"other": [], "key": []}])
    )

    assert converted.to_dict()["security"] == [{"other": [], "key": []}]
    assert _lines(converted) == [
        _not_expressible(
            "/security/0/key",
            "the roles ['admin'] of apiKey scheme 'key' are not expressible in Swagger 2.0, which allows scopes"
            " only for oauth2 schemes, so this requirement is left out; the other requirements still apply",
        )
    ]


def test_to_swagger2_keeps_roles_from_3_0() -> None:
    converted = to_swagger2(_openapi({"key": KEY}, "3.0.3", security=[{"key": ["admin"]}]))

    assert converted.to_dict()["security"] == [{"key": ["admin"]}]
    assert [finding.rule for finding in converted.findings] == ["roles-not-allowed"]


def test_to_swagger2_names_scheme_uri_by_its_name() -> None:
    document = _openapi(
        {"both": BOTH, "key": KEY},
        "3.2.0",
        security=[{"#/components/securitySchemes/key": []}, {"https://example.com/schemes#key": []}],
    )

    converted = to_swagger2(document)

    assert converted.to_dict()["security"] == [{"key": []}]
    assert _lines(converted) == [
        "/security/1/https:~1~1example.com~1schemes#key: warning: external reference"
        " 'https://example.com/schemes#key' is not followed, so its target is not checked [external-reference]",
        _not_expressible(
            "/security/1/https:~1~1example.com~1schemes#key",
            "scheme URI 'https://example.com/schemes#key' is not expressible in Swagger 2.0, which names schemes"
            " only by their names in securityDefinitions",
        ),
        _not_expressible(
            "/security/1/https:~1~1example.com~1schemes#key",
            "this requirement is left out, because scheme 'https://example.com/schemes#key' is left out of the"
            " converted document; the other requirements of this security still apply",
        ),
    ]


def test_to_swagger2_keeps_misspelt_3_2_name() -> None:
    converted = to_swagger2(_openapi({"key": KEY}, "3.2.0", security=[{"User Key": []}]))

    assert converted.to_dict()["security"] == [{"User Key": []}]
    assert [finding.rule for finding in converted.findings] == ["undefined-scheme"]


def test_to_swagger2_merges_scheme_uri_with_name() -> None:
    oauth: dict[str, JSONValue] = {"type": "oauth2", "flows": {"authorizationCode": CODE}}
    document = _openapi(
        {"oauth": oauth},
        "3.2.0",
        security=[{"oauth": ["read", "read"], "#/components/securitySchemes/oauth": ["read", "write"]}],
    )

    converted = to_swagger2(document)

    assert converted.to_dict()["security"] == [{"oauth": ["read", "read", "write"]}]


# Operations


def test_to_swagger2_leaves_out_operations_that_swagger2_lacks() -> None:
    key_only: list[JSONValue] = [{"key": []}]
    document = _openapi(
        {"key": KEY},
        "3.2.0",
        paths={
            "/a": {
                "get": {
                    "security": key_only,
                    "callbacks": {"done": {"{$request.body#/url}": {"post": {"security": key_only}}}},
                },
                "trace": {"security": key_only},
                "query": {"security": key_only},
                "additionalOperations": {"LINK": {"security": key_only}},
            }
        },
        webhooks={"created": {"post": {"security": key_only}}},
    )

    converted = to_swagger2(document)

    assert converted.to_dict()["paths"] == {"/a": {"get": {"security": [{"key": []}]}}}
    assert _lines(converted) == [
        _not_expressible(
            "/paths/~1a/get/callbacks/done/{$request.body#~1url}/post/security",
            "the operation is in a callback or a webhook, not in a path, so its security is left out"
            " (Swagger 2.0 has neither callbacks nor webhooks)",
        ),
        _not_expressible(
            "/paths/~1a/trace/security",
            "Swagger 2.0 has no 'trace' operations, so the security of this operation is left out",
        ),
        _not_expressible(
            "/paths/~1a/query/security",
            "Swagger 2.0 has no 'query' operations, so the security of this operation is left out",
        ),
        _not_expressible(
            "/paths/~1a/additionalOperations/LINK/security",
            "Swagger 2.0 has no additionalOperations, so the security of this operation is left out",
        ),
        _not_expressible(
            "/webhooks/created/post/security",
            "the operation is in a callback or a webhook, not in a path, so its security is left out"
            " (Swagger 2.0 has neither callbacks nor webhooks)",
        ),
    ]


def test_to_swagger2_places_operations_of_path_item_components() -> None:
    document = _openapi(
        {"key": KEY},
        paths={
            "/a": {"$ref": "#/components/pathItems/shared"},
            "/b": {"$ref": "#/components/pathItems/shared"},
        },
    )
    components = document["components"]
    assert isinstance(components, dict)
    components["pathItems"] = {"shared": {"get": {"security": [{"key": []}]}}}

    converted = to_swagger2(document)

    assert converted.to_dict()["paths"] == {
        "/a": {"get": {"security": [{"key": []}]}},
        "/b": {"get": {"security": [{"key": []}]}},
    }
    assert converted.findings == ()


def test_to_swagger2_writes_minimal_document() -> None:
    assert to_swagger2(
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}
    ).to_dict() == {"swagger": "2.0"}


# Versions


WRONG_VERSIONS: dict[str, tuple[dict[str, JSONValue], str, str]] = {
    "swagger": (
        {"swagger": "2.0"},
        "/swagger",
        "expected 'openapi': 3.0.x, 3.1.x or 3.2.x, got 'swagger': '2.0' (string)",
    ),
    "unknown-openapi": (
        {"openapi": "4.0.0"},
        "/openapi",
        "expected 3.0.x, 3.1.x or 3.2.x, got '4.0.0' (string)",
    ),
    "no-version": ({}, "/openapi", "missing required field, expected 'openapi': 3.0.x, 3.1.x or 3.2.x"),
}


@pytest.mark.parametrize(("document", "path", "message"), WRONG_VERSIONS.values(), ids=WRONG_VERSIONS.keys())
def test_to_swagger2_rejects_document_of_other_version(
    document: dict[str, JSONValue], path: str, message: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        to_swagger2(document)

    assert [(item.path, item.message) for item in raised.value.errors] == [(path, message)]


def test_to_swagger2_rejects_non_mapping() -> None:
    with pytest.raises(TypeError, match=r"^to_swagger2\(\) expects a mapping, got 'openapi' \(string\)$"):
        to_swagger2("openapi")  # type: ignore[arg-type]


def test_to_swagger2_split_name_avoids_used() -> None:
    # The input's requirements name schemes that do not exist, so no credential meets them.
    # A split definition of that name would let one token meet them.
    flows: dict[str, JSONValue] = {
        "clientCredentials": {"tokenUrl": "https://a.example/t", "scopes": {"r": "r"}},
        "password": {"tokenUrl": "https://a.example/t", "scopes": {"r": "r"}},
    }
    document: dict[str, JSONValue] = {
        "openapi": "3.0.3",
        "components": {"securitySchemes": {"oa": {"type": "oauth2", "flows": flows}}},
        "security": [{"oa_application": []}],
        "paths": {"/p": {"get": {"security": [{"oa_password": ["r"]}]}}},
    }

    converted = to_swagger2(document).to_dict()

    assert "securityDefinitions" not in converted
    assert converted["security"] == [{"oa_application": []}]
    assert converted["paths"] == {"/p": {"get": {"security": [{"oa_password": ["r"]}]}}}
