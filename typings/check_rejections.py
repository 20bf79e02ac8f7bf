"""Type tests of what the models must forbid. Each ignored line must be an error."""

from __future__ import annotations

from oauthflows import (
    APIKey,
    HTTPAuthentication,
    OAuth2,
    OAuthFlowImplicit,
    OAuthFlowPassword,
    OAuthFlows,
    SecurityScheme,
)


def check_fields_cannot_be_assigned(scheme: HTTPAuthentication, flow: OAuthFlowPassword) -> None:
    scheme.scheme = "digest"  # type: ignore[misc]
    flow.token_url = "/token"  # type: ignore[misc]


def check_mappings_are_read_only(flow: OAuthFlowPassword, scheme: APIKey) -> None:
    flow.scopes["admin"] = "Everything"  # type: ignore[index]
    scheme.extra["x-new"] = 1  # type: ignore[index]


def check_api_key_location_is_a_literal() -> None:
    APIKey(name="key", in_="body")  # type: ignore[arg-type]


def check_required_keywords() -> None:
    HTTPAuthentication()  # type: ignore[call-arg]
    OAuthFlowImplicit(scopes={})  # type: ignore[call-arg]
    OAuth2()  # type: ignore[call-arg]


def check_keywords_only() -> None:
    HTTPAuthentication("basic")  # type: ignore[call-arg]


def check_type_is_not_an_argument() -> None:
    APIKey(type="apiKey", name="key", in_="query")  # type: ignore[call-arg]


def check_nested_models_are_models() -> None:
    OAuth2(flows={"implicit": {}})  # type: ignore[arg-type]
    OAuthFlows(password=OAuthFlowImplicit(authorization_url="/authorize"))  # type: ignore[arg-type]


def check_scopes_are_strings() -> None:
    OAuthFlowPassword(token_url="/token", scopes={"read": 1})  # type: ignore[dict-item]


def check_union_needs_narrowing(scheme: SecurityScheme) -> None:
    print(scheme.flows)  # type: ignore[union-attr]


def check_flows_have_only_their_urls(flow: OAuthFlowImplicit) -> None:
    print(flow.token_url)  # type: ignore[attr-defined]
