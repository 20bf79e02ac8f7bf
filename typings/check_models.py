"""Type tests of what the models must allow: return types, field types and narrowing."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Literal

from typing_extensions import assert_type

from oauthflows import (
    APIKey,
    HTTPAuthentication,
    JSONValue,
    MutualTLS,
    OAuth2,
    OAuthFlow,
    OAuthFlowAuthorizationCode,
    OAuthFlowClientCredentials,
    OAuthFlowDeviceAuthorization,
    OAuthFlowImplicit,
    OAuthFlowPassword,
    OAuthFlows,
    OpenIdConnect,
    Reference,
    SecurityScheme,
    ValidationError,
    ValidationErrorItem,
    parse_security_scheme,
)


def check_from_dict_return_types(data: Mapping[str, object]) -> None:
    assert_type(APIKey.from_dict(data), APIKey)
    assert_type(HTTPAuthentication.from_dict(data), HTTPAuthentication)
    assert_type(OAuth2.from_dict(data), OAuth2)
    assert_type(OpenIdConnect.from_dict(data), OpenIdConnect)
    assert_type(MutualTLS.from_dict(data), MutualTLS)
    assert_type(OAuthFlows.from_dict(data), OAuthFlows)
    assert_type(OAuthFlowImplicit.from_dict(data), OAuthFlowImplicit)
    assert_type(OAuthFlowPassword.from_dict(data), OAuthFlowPassword)
    assert_type(OAuthFlowClientCredentials.from_dict(data), OAuthFlowClientCredentials)
    assert_type(OAuthFlowAuthorizationCode.from_dict(data), OAuthFlowAuthorizationCode)
    assert_type(OAuthFlowDeviceAuthorization.from_dict(data), OAuthFlowDeviceAuthorization)
    assert_type(Reference.from_dict(data), Reference)
    assert_type(parse_security_scheme(data), SecurityScheme)


def check_from_dict_accepts_parsed_json(data: dict[str, object], loaded: dict[str, JSONValue]) -> None:
    parse_security_scheme(data)
    parse_security_scheme(loaded)


def check_field_types(
    api_key: APIKey, http: HTTPAuthentication, oauth2: OAuth2, flow: OAuthFlowAuthorizationCode
) -> None:
    assert_type(api_key.in_, Literal["query", "header", "cookie"])
    assert_type(api_key.name, str)
    assert_type(api_key.description, str | None)
    assert_type(api_key.deprecated, bool | None)
    assert_type(api_key.extra, Mapping[str, JSONValue])
    assert_type(APIKey.type, Literal["apiKey"])
    assert_type(http.scheme, str)
    assert_type(http.bearer_format, str | None)
    assert_type(oauth2.flows, OAuthFlows)
    assert_type(oauth2.oauth2_metadata_url, str | None)
    assert_type(oauth2.flows.authorization_code, OAuthFlowAuthorizationCode | None)
    assert_type(oauth2.flows.device_authorization, OAuthFlowDeviceAuthorization | None)
    assert_type(flow.authorization_url, str)
    assert_type(flow.token_url, str)
    assert_type(flow.refresh_url, str | None)
    assert_type(flow.scopes, Mapping[str, str])
    assert_type(oauth2.flows.items(), list[tuple[str, OAuthFlow]])


def check_to_dict_types(scheme: SecurityScheme, reference: Reference, flows: OAuthFlows) -> None:
    assert_type(scheme.to_dict(), dict[str, JSONValue])
    assert_type(reference.to_dict(), dict[str, JSONValue])
    assert_type(flows.to_dict(), dict[str, JSONValue])


def check_isinstance_narrows_security_scheme(scheme: SecurityScheme) -> None:
    if isinstance(scheme, OAuth2):
        assert_type(scheme, OAuth2)
        assert_type(scheme.flows, OAuthFlows)
    elif isinstance(scheme, APIKey):
        assert_type(scheme, APIKey)
    else:
        assert_type(scheme, HTTPAuthentication | OpenIdConnect | MutualTLS)


def check_type_constant_narrows_security_scheme(scheme: SecurityScheme) -> None:
    if scheme.type == "http":
        assert_type(scheme.scheme, str)


def check_construction_with_keywords() -> None:
    flow = OAuthFlowClientCredentials(
        token_url="/token", scopes={"read": "Read"}, extra={"x-a": [1, {"b": None}]}
    )
    scheme = OAuth2(flows=OAuthFlows(client_credentials=flow), deprecated=False)
    assert_type(dataclasses.replace(scheme, description="Changed"), OAuth2)
    assert_type(Reference(ref="#/components/securitySchemes/main"), Reference)


def check_validation_error(error: ValidationError) -> None:
    assert_type(error.errors, tuple[ValidationErrorItem, ...])
    assert_type(error.errors[0].path, str)
    assert_type(error.errors[0].message, str)
