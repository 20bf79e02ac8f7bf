"""Faults that other OpenAPI tools shipped, each pinned with the right value."""

from __future__ import annotations

import json

import pytest

from oauthflows import (
    APIKey,
    HTTPAuthentication,
    MutualTLS,
    OAuth2,
    OAuthFlowClientCredentials,
    OAuthFlowPassword,
    OAuthFlows,
    SecurityScheme,
    ValidationError,
    parse_security_scheme,
)

TOKEN_URL = "https://auth.example.com/token"


# An optional field lost, or an unset one written as null.


def test_refresh_url_is_kept() -> None:
    data: dict[str, object] = {
        "tokenUrl": TOKEN_URL,
        "refreshUrl": "https://auth.example.com/refresh",
        "scopes": {},
    }

    flow = OAuthFlowPassword.from_dict(data)

    assert flow.refresh_url == "https://auth.example.com/refresh"
    assert flow.to_dict() == data


def test_unset_optional_fields_are_not_written_as_null() -> None:
    scheme = OAuth2(flows=OAuthFlows(password=OAuthFlowPassword(token_url=TOKEN_URL)))

    text = json.dumps(scheme.to_dict())

    assert "null" not in text
    assert scheme.to_dict() == {
        "type": "oauth2",
        "flows": {"password": {"tokenUrl": TOKEN_URL, "scopes": {}}},
    }


# An empty scopes map left out of the output.


def test_empty_scopes_are_written_as_empty_object() -> None:
    flow = OAuthFlowClientCredentials.from_dict({"tokenUrl": TOKEN_URL, "scopes": {}})

    assert flow.to_dict()["scopes"] == {}
    assert OAuthFlowClientCredentials(token_url=TOKEN_URL).to_dict() == {"tokenUrl": TOKEN_URL, "scopes": {}}


# Extensions dropped, moved to another level, or dropped when their value is null.


def test_extensions_stay_at_their_own_level() -> None:
    data: dict[str, object] = {
        "type": "oauth2",
        "x-scheme": "on the scheme",
        "flows": {
            "x-flows": "on the flows object",
            "password": {
                "tokenUrl": TOKEN_URL,
                "scopes": {"x-not-extension": "a scope"},
                "x-flow": "on the flow",
            },
        },
    }

    scheme = OAuth2.from_dict(data)

    assert scheme.extra == {"x-scheme": "on the scheme"}
    assert scheme.flows.extra == {"x-flows": "on the flows object"}
    assert scheme.flows.password is not None
    assert scheme.flows.password.extra == {"x-flow": "on the flow"}
    assert scheme.flows.password.scopes == {"x-not-extension": "a scope"}
    assert scheme.to_dict() == data


def test_null_extension_is_kept() -> None:
    data: dict[str, object] = {"type": "http", "scheme": "basic", "x-null": None, "x-list": [None]}

    scheme = HTTPAuthentication.from_dict(data)

    assert scheme.extra == {"x-null": None, "x-list": (None,)}
    assert scheme.to_dict() == data


def test_extension_keeps_its_json_types() -> None:
    data: dict[str, object] = {
        "type": "mutualTLS",
        "x-values": {
            "int": 1,
            "float": 1.0,
            "true": True,
            "string": "1",
            "null": None,
            "array": [],
            "object": {},
        },
    }

    written = MutualTLS.from_dict(data).to_dict()

    values = written["x-values"]
    assert isinstance(values, dict)
    assert [type(value).__name__ for value in values.values()] == [
        "int",
        "float",
        "bool",
        "str",
        "NoneType",
        "list",
        "dict",
    ]
    assert written == data


# A Python attribute name written as a JSON key.


def test_attribute_names_are_not_written_as_keys() -> None:
    schemes: list[SecurityScheme] = [
        HTTPAuthentication(scheme="bearer", bearer_format="JWT"),
        APIKey(name="key", in_="cookie"),
        OAuth2(
            flows=OAuthFlows(
                client_credentials=OAuthFlowClientCredentials(token_url=TOKEN_URL, refresh_url="/r")
            ),
            oauth2_metadata_url="https://auth.example.com/.well-known/oauth-authorization-server",
        ),
    ]

    text = json.dumps([scheme.to_dict() for scheme in schemes])

    for attribute in (
        "bearer_format",
        "in_",
        "client_credentials",
        "token_url",
        "refresh_url",
        "oauth2_metadata",
    ):
        assert attribute not in text
    assert [scheme.to_dict() for scheme in schemes] == [
        {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
        {"type": "apiKey", "name": "key", "in": "cookie"},
        {
            "type": "oauth2",
            "flows": {"clientCredentials": {"tokenUrl": TOKEN_URL, "refreshUrl": "/r", "scopes": {}}},
            "oauth2MetadataUrl": "https://auth.example.com/.well-known/oauth-authorization-server",
        },
    ]


# A field of another scheme type written to the output.


def test_fields_of_other_types_are_not_written() -> None:
    http = HTTPAuthentication(scheme="basic")
    client_credentials = OAuthFlowClientCredentials(token_url=TOKEN_URL)

    assert http.to_dict() == {"type": "http", "scheme": "basic"}
    assert client_credentials.to_dict() == {"tokenUrl": TOKEN_URL, "scopes": {}}


def test_field_of_another_type_in_input_is_kept_as_given() -> None:
    data: dict[str, object] = {"type": "http", "scheme": "basic", "name": "Authorization", "in": "header"}

    scheme = HTTPAuthentication.from_dict(data)

    assert scheme.extra == {"name": "Authorization", "in": "header"}
    assert scheme.to_dict() == data


# OpenAPI 3.2 fields and mutualTLS rejected, or kept only as raw extras.


def test_openapi_32_fields_are_modelled() -> None:
    data: dict[str, object] = {
        "type": "oauth2",
        "flows": {
            "deviceAuthorization": {
                "deviceAuthorizationUrl": "https://auth.example.com/device",
                "tokenUrl": TOKEN_URL,
                "scopes": {},
            }
        },
        "oauth2MetadataUrl": "https://auth.example.com/.well-known/oauth-authorization-server",
        "deprecated": False,
    }

    scheme = OAuth2.from_dict(data)

    assert scheme.extra == {}
    assert scheme.flows.extra == {}
    assert scheme.flows.device_authorization is not None
    assert scheme.flows.device_authorization.device_authorization_url == "https://auth.example.com/device"
    assert scheme.oauth2_metadata_url == "https://auth.example.com/.well-known/oauth-authorization-server"
    assert scheme.deprecated is False
    assert scheme.to_dict() == data


def test_mutual_tls_is_a_scheme_type() -> None:
    scheme = parse_security_scheme(
        {"type": "mutualTLS", "description": "Client certificate", "deprecated": True}
    )

    assert isinstance(scheme, MutualTLS)
    assert scheme.description == "Client certificate"
    assert scheme.deprecated is True
    assert scheme.extra == {}


def test_deprecated_false_is_kept_and_absent_stays_absent() -> None:
    explicit = APIKey.from_dict({"type": "apiKey", "name": "key", "in": "query", "deprecated": False})
    absent = APIKey.from_dict({"type": "apiKey", "name": "key", "in": "query"})

    assert explicit.deprecated is False
    assert absent.deprecated is None
    assert explicit.to_dict()["deprecated"] is False
    assert "deprecated" not in absent.to_dict()
    assert explicit != absent


# Wrongly typed scopes accepted, then failing later far from the cause.


@pytest.mark.parametrize(
    ("scopes", "error"),
    [
        pytest.param(
            [["read", "Read data"]],
            "/flows/password/scopes: expected an object mapping scope names to descriptions,"
            " got [['read', 'Read data']] (array)",
            id="list-of-pairs",
        ),
        pytest.param(
            "read write",
            "/flows/password/scopes: expected an object mapping scope names to descriptions,"
            " got 'read write' (string)",
            id="bare-string",
        ),
        pytest.param(
            {"read": {"description": "Read data"}},
            "/flows/password/scopes/read: expected a string (the scope's description),"
            " got {'description': 'Read data'} (object)",
            id="nested-object",
        ),
        pytest.param(
            {"read": None},
            "/flows/password/scopes/read: expected a string (the scope's description), got None (null)",
            id="null-description",
        ),
    ],
)
def test_wrongly_typed_scopes_are_rejected_at_once(scopes: object, error: str) -> None:
    data = {"type": "oauth2", "flows": {"password": {"tokenUrl": TOKEN_URL, "scopes": scopes}}}

    with pytest.raises(ValidationError) as raised:
        OAuth2.from_dict(data)

    assert str(raised.value) == error


# An http scheme of Bearer treated differently from bearer, or rewritten.


@pytest.mark.parametrize("written", ["bearer", "Bearer", "BEARER"])
def test_http_scheme_case_is_read_alike_and_kept(written: str) -> None:
    data: dict[str, object] = {"type": "http", "scheme": written, "bearerFormat": "JWT"}

    scheme = HTTPAuthentication.from_dict(data)

    assert scheme.scheme == written
    assert scheme.bearer_format == "JWT"
    assert scheme.extra == {}
    assert scheme.to_dict() == data


# Several flows of one scheme collapsed to one, or their scopes mixed.


def test_several_flows_keep_their_own_urls_and_scopes() -> None:
    data: dict[str, object] = {
        "type": "oauth2",
        "flows": {
            "implicit": {"authorizationUrl": "https://a.example.com/authorize", "scopes": {"read": "Read"}},
            "password": {"tokenUrl": "https://p.example.com/token", "scopes": {"write": "Write"}},
            "clientCredentials": {"tokenUrl": "https://c.example.com/token", "scopes": {"admin": "Admin"}},
            "authorizationCode": {
                "authorizationUrl": "https://ac.example.com/authorize",
                "tokenUrl": "https://ac.example.com/token",
                "scopes": {"read": "Read everything", "delete": "Delete"},
            },
        },
    }

    flows = OAuth2.from_dict(data).flows

    assert flows.implicit is not None
    assert flows.password is not None
    assert flows.client_credentials is not None
    assert flows.authorization_code is not None
    assert dict(flows.implicit.scopes) == {"read": "Read"}
    assert dict(flows.password.scopes) == {"write": "Write"}
    assert dict(flows.client_credentials.scopes) == {"admin": "Admin"}
    assert dict(flows.authorization_code.scopes) == {"read": "Read everything", "delete": "Delete"}
    assert flows.client_credentials.token_url == "https://c.example.com/token"
    assert [key for key, _ in flows.items()] == [
        "implicit",
        "password",
        "clientCredentials",
        "authorizationCode",
    ]
    assert OAuth2.from_dict(data).to_dict() == data
