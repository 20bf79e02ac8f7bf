"""The security examples of the OpenAPI Specification, 3.0 to 3.2, read and written back exactly."""

from __future__ import annotations

import pytest

from oauthflows import (
    APIKey,
    HTTPAuthentication,
    MutualTLS,
    OAuth2,
    OAuthFlows,
    OpenIdConnect,
    Reference,
    SecurityScheme,
    parse_security_scheme,
)

DIALOG = "https://example.com/api/oauth/dialog"
TOKEN = "https://example.com/api/oauth/token"
PET_SCOPES = {"write:pets": "modify pets in your account", "read:pets": "read your pets"}

EXAMPLES: list[tuple[str, dict[str, object], type[SecurityScheme]]] = [
    ("basic-authentication", {"type": "http", "scheme": "basic"}, HTTPAuthentication),
    ("api-key", {"type": "apiKey", "name": "api-key", "in": "header"}, APIKey),
    ("jwt-bearer", {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}, HTTPAuthentication),
    (
        "mutual-tls",
        {"type": "mutualTLS", "description": "Cert must be signed by example.com CA"},
        MutualTLS,
    ),
    (
        "implicit-oauth2",
        {"type": "oauth2", "flows": {"implicit": {"authorizationUrl": DIALOG, "scopes": PET_SCOPES}}},
        OAuth2,
    ),
    (
        "oauth-flow-object",
        {
            "type": "oauth2",
            "flows": {
                "implicit": {"authorizationUrl": DIALOG, "scopes": PET_SCOPES},
                "authorizationCode": {"authorizationUrl": DIALOG, "tokenUrl": TOKEN, "scopes": PET_SCOPES},
            },
        },
        OAuth2,
    ),
    (
        "device-authorization-and-metadata",
        {
            "type": "oauth2",
            "oauth2MetadataUrl": "https://example.com/api/oauth/metadata",
            "flows": {
                "deviceAuthorization": {
                    "deviceAuthorizationUrl": "https://example.com/api/oauth/device",
                    "tokenUrl": TOKEN,
                    "scopes": {"read:pets": "read your pets"},
                    "refreshUrl": "https://example.com/api/oauth/refresh",
                }
            },
        },
        OAuth2,
    ),
    (
        "deprecated-implicit",
        {
            "deprecated": True,
            "type": "oauth2",
            "flows": {"implicit": {"authorizationUrl": DIALOG, "scopes": {"read:pets": "read your pets"}}},
        },
        OAuth2,
    ),
    (
        "openid-connect",
        {"type": "openIdConnect", "openIdConnectUrl": "https://example.com/api/oauth/openid"},
        OpenIdConnect,
    ),
]


@pytest.mark.parametrize(
    ("data", "expected_class"), [pytest.param(data, cls, id=name) for name, data, cls in EXAMPLES]
)
def test_spec_example_round_trips(data: dict[str, object], expected_class: type[SecurityScheme]) -> None:
    scheme = parse_security_scheme(data)

    assert type(scheme) is expected_class
    assert scheme.to_dict() == data
    assert expected_class.from_dict(data) == scheme


def test_spec_example_flows_object_reads_alone() -> None:
    data: dict[str, object] = {
        "implicit": {"authorizationUrl": DIALOG, "scopes": PET_SCOPES},
        "authorizationCode": {"authorizationUrl": DIALOG, "tokenUrl": TOKEN, "scopes": PET_SCOPES},
    }

    flows = OAuthFlows.from_dict(data)

    assert flows.authorization_code is not None
    assert flows.authorization_code.token_url == TOKEN
    assert flows.to_dict() == data


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({"$ref": "#/components/securitySchemes/api_key"}, id="local"),
        pytest.param({"$ref": "Pet.yaml"}, id="relative-file"),
        pytest.param({"$ref": "definitions.yaml#/Pet"}, id="embedded"),
        pytest.param(
            {"$ref": "#/components/securitySchemes/api_key", "summary": "Key", "description": "The API key"},
            id="summary-description",
        ),
    ],
)
def test_spec_example_reference_round_trips(data: dict[str, object]) -> None:
    assert Reference.from_dict(data).to_dict() == data
