"""The models as values: construction, immutability, equality, hashing and writing back."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
from collections.abc import Mapping
from operator import methodcaller
from typing import cast

import pytest

from oauthflows import (
    APIKey,
    HTTPAuthentication,
    JSONValue,
    MutualTLS,
    OAuth2,
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
    parse_security_scheme,
)

TOKEN_URL = "https://auth.example.com/token"
AUTHORIZE_URL = "https://auth.example.com/authorize"


def _oauth2() -> OAuth2:
    return OAuth2(
        description="Sign in with the example identity provider",
        flows=OAuthFlows(
            client_credentials=OAuthFlowClientCredentials(
                token_url=TOKEN_URL, scopes={"read": "Read data"}, extra={"x-audience": ["api", "admin"]}
            ),
            authorization_code=OAuthFlowAuthorizationCode(
                authorization_url=AUTHORIZE_URL,
                token_url=TOKEN_URL,
                refresh_url="https://auth.example.com/refresh",
                scopes={"read": "Read data", "write": "Write data"},
            ),
        ),
        extra={"x-provider": {"name": "example", "pkce": True}},
    )


def test_constructor_builds_every_scheme_type() -> None:
    schemes: list[SecurityScheme] = [
        APIKey(name="X-API-Key", in_="header"),
        HTTPAuthentication(scheme="bearer", bearer_format="JWT"),
        _oauth2(),
        OpenIdConnect(open_id_connect_url="https://auth.example.com/.well-known/openid-configuration"),
        MutualTLS(description="Client certificate signed by the example CA"),
    ]

    assert [scheme.to_dict() for scheme in schemes] == [
        {"type": "apiKey", "name": "X-API-Key", "in": "header"},
        {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
        {
            "type": "oauth2",
            "description": "Sign in with the example identity provider",
            "flows": {
                "clientCredentials": {
                    "tokenUrl": TOKEN_URL,
                    "scopes": {"read": "Read data"},
                    "x-audience": ["api", "admin"],
                },
                "authorizationCode": {
                    "authorizationUrl": AUTHORIZE_URL,
                    "tokenUrl": TOKEN_URL,
                    "refreshUrl": "https://auth.example.com/refresh",
                    "scopes": {"read": "Read data", "write": "Write data"},
                },
            },
            "x-provider": {"name": "example", "pkce": True},
        },
        {
            "type": "openIdConnect",
            "openIdConnectUrl": "https://auth.example.com/.well-known/openid-configuration",
        },
        {"type": "mutualTLS", "description": "Client certificate signed by the example CA"},
    ]


def test_type_is_class_constant() -> None:
    assert [APIKey.type, HTTPAuthentication.type, OAuth2.type, OpenIdConnect.type, MutualTLS.type] == [
        "apiKey",
        "http",
        "oauth2",
        "openIdConnect",
        "mutualTLS",
    ]
    assert "type" not in {field.name for field in dataclasses.fields(APIKey)}


def test_model_field_assignment_is_rejected() -> None:
    scheme = HTTPAuthentication(scheme="basic")

    with pytest.raises(dataclasses.FrozenInstanceError):
        scheme.scheme = "bearer"  # type: ignore[misc]


def test_model_new_attribute_is_rejected() -> None:
    scheme = HTTPAuthentication(scheme="basic")

    with pytest.raises((AttributeError, TypeError)):
        scheme.realm = "example"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(methodcaller("__setitem__", "new", "value"), id="setitem"),
        pytest.param(methodcaller("__delitem__", "read"), id="delitem"),
        pytest.param(methodcaller("update", {"new": "value"}), id="update"),
        pytest.param(methodcaller("pop", "read"), id="pop"),
        pytest.param(methodcaller("popitem"), id="popitem"),
        pytest.param(methodcaller("setdefault", "new", "value"), id="setdefault"),
        pytest.param(methodcaller("clear"), id="clear"),
    ],
)
def test_scopes_mutation_is_rejected(mutate: object) -> None:
    flow = OAuthFlowPassword(token_url=TOKEN_URL, scopes={"read": "Read data"})
    assert callable(mutate)

    with pytest.raises(TypeError, match="immutable"):
        mutate(flow.scopes)
    assert flow.scopes == {"read": "Read data"}


def test_scopes_caller_dict_is_copied() -> None:
    scopes = {"read": "Read data"}
    flow = OAuthFlowPassword(token_url=TOKEN_URL, scopes=scopes)

    scopes["write"] = "Write data"

    assert flow.scopes == {"read": "Read data"}


def test_extra_nested_values_are_frozen() -> None:
    given: dict[str, object] = {"x-list": [1, [2, 3]], "x-object": {"inner": {"deep": [True]}}}
    scheme = APIKey(name="key", in_="query", extra=given)  # type: ignore[arg-type]

    nested_list = scheme.extra["x-list"]
    nested_object = scheme.extra["x-object"]
    assert nested_list == (1, (2, 3))
    assert isinstance(nested_object, Mapping)
    with pytest.raises(TypeError, match="immutable"):
        nested_object["inner"] = None  # type: ignore[index]
    inner = nested_object["inner"]
    assert isinstance(inner, Mapping)
    assert inner["deep"] == (True,)


def test_extra_caller_structures_are_copied() -> None:
    inner = [1, 2]
    scheme = APIKey(name="key", in_="query", extra={"x-list": inner})

    inner.append(3)

    assert scheme.to_dict()["x-list"] == [1, 2]


def test_to_dict_returns_fresh_plain_values() -> None:
    scheme = _oauth2()
    first = scheme.to_dict()
    second = scheme.to_dict()

    flows = first["flows"]
    assert isinstance(flows, dict)
    client_credentials = flows["clientCredentials"]
    assert isinstance(client_credentials, dict)
    scopes = client_credentials["scopes"]
    assert isinstance(scopes, dict)
    scopes["admin"] = "Everything"
    provider = first["x-provider"]
    assert type(provider) is dict
    provider["pkce"] = False

    assert second == scheme.to_dict()
    assert scheme.flows.client_credentials is not None
    assert dict(scheme.flows.client_credentials.scopes) == {"read": "Read data"}
    second_flows = second["flows"]
    assert isinstance(second_flows, dict)
    second_client_credentials = second_flows["clientCredentials"]
    assert isinstance(second_client_credentials, dict)
    assert type(second_client_credentials["x-audience"]) is list
    assert type(second_client_credentials["scopes"]) is dict


def test_to_dict_thaws_nested_extension_values() -> None:
    value: JSONValue = {"a": [1, 2.5, None, True, "s"], "b": [[1, [2]], {"c": ()}], "d": {"e": {"f": [{}]}}}
    scheme = APIKey(name="k", in_="header", extra={"x-value": value})

    written = scheme.to_dict()["x-value"]

    assert written == {"a": [1, 2.5, None, True, "s"], "b": [[1, [2]], {"c": []}], "d": {"e": {"f": [{}]}}}
    assert isinstance(written, dict)
    assert type(written["a"]) is list
    inner = written["b"]
    assert isinstance(inner, list)
    assert type(inner[0]) is list
    assert type(inner[1]) is dict
    assert json.loads(json.dumps(written)) == written


def test_to_dict_output_is_json_serializable() -> None:
    scheme = _oauth2()

    text = json.dumps(scheme.to_dict())

    assert json.loads(text) == scheme.to_dict()


def test_models_equal_by_value_and_hash_alike() -> None:
    first = _oauth2()
    second = OAuth2.from_dict(first.to_dict())

    assert first == second
    assert hash(first) == hash(second)
    assert len({first, second}) == 1


def test_models_differ_when_one_field_differs() -> None:
    first = _oauth2()
    second = dataclasses.replace(first, description="Another provider")

    assert first != second


def test_extra_equality_tells_true_from_one() -> None:
    with_true = APIKey(name="key", in_="query", extra={"x-flag": True})
    with_one = APIKey(name="key", in_="query", extra={"x-flag": 1})

    assert with_true != with_one
    assert APIKey(name="key", in_="query", extra={"x-flags": [True]}) != APIKey(
        name="key", in_="query", extra={"x-flags": [1]}
    )
    assert APIKey(name="key", in_="query", extra={"x-o": {"a": False}}) != APIKey(
        name="key", in_="query", extra={"x-o": {"a": 0}}
    )


def test_extra_equality_treats_integer_and_float_as_one_number() -> None:
    with_int = APIKey.from_dict({"type": "apiKey", "name": "key", "in": "query", "x-limit": 1})
    with_float = APIKey.from_dict({"type": "apiKey", "name": "key", "in": "query", "x-limit": 1.0})

    assert with_int == with_float
    assert hash(with_int) == hash(with_float)
    assert type(with_int.to_dict()["x-limit"]) is int
    assert type(with_float.to_dict()["x-limit"]) is float


def test_extra_equality_ignores_key_order() -> None:
    first = APIKey(name="key", in_="query", extra={"x-a": 1, "x-b": 2})
    second = APIKey(name="key", in_="query", extra={"x-b": 2, "x-a": 1})

    assert first == second
    assert hash(first) == hash(second)


def test_scheme_case_is_kept_and_compared_as_written() -> None:
    upper = HTTPAuthentication.from_dict({"type": "http", "scheme": "Bearer"})
    lower = HTTPAuthentication.from_dict({"type": "http", "scheme": "bearer"})

    assert upper.scheme == "Bearer"
    assert upper.to_dict() == {"type": "http", "scheme": "Bearer"}
    assert upper != lower


def test_replace_builds_a_checked_copy() -> None:
    flow = OAuthFlowPassword(token_url=TOKEN_URL, scopes={"read": "Read data"})

    moved = dataclasses.replace(flow, token_url="https://new.example.com/token")

    assert moved.token_url == "https://new.example.com/token"
    assert moved.scopes == flow.scopes
    with pytest.raises(ValidationError) as raised:
        # cast() hides the wrong type from both checkers. mypy checks the keywords of replace and
        # pyright does not, so a `# type: ignore` here would be unused under pyright.
        dataclasses.replace(flow, token_url=cast(str, 5))
    assert str(raised.value) == "/tokenUrl: expected a string, got 5 (integer)"


def test_replace_keeps_extra_of_a_model_built_by_from_dict() -> None:
    scheme = HTTPAuthentication.from_dict({"type": "http", "scheme": "basic", "x-realm": "users"})

    renamed = dataclasses.replace(scheme, scheme="digest")

    assert renamed.to_dict() == {"type": "http", "scheme": "digest", "x-realm": "users"}


def test_model_pickles_and_copies() -> None:
    scheme = _oauth2()

    assert pickle.loads(pickle.dumps(scheme)) == scheme
    assert copy.deepcopy(scheme) == scheme
    assert copy.copy(scheme) == scheme


def test_oauth_flows_items_lists_set_flows_in_spec_order() -> None:
    flows = _oauth2().flows

    assert [key for key, _ in flows.items()] == ["clientCredentials", "authorizationCode"]


def test_parse_security_scheme_picks_class_by_type() -> None:
    data: list[dict[str, object]] = [
        {"type": "apiKey", "name": "key", "in": "cookie"},
        {"type": "http", "scheme": "basic"},
        {"type": "oauth2", "flows": {}},
        {"type": "openIdConnect", "openIdConnectUrl": "https://example.com/.well-known/openid-configuration"},
        {"type": "mutualTLS"},
    ]

    classes = [type(parse_security_scheme(item)) for item in data]

    assert classes == [APIKey, HTTPAuthentication, OAuth2, OpenIdConnect, MutualTLS]


def test_isinstance_narrows_security_scheme() -> None:
    scheme = parse_security_scheme({"type": "http", "scheme": "bearer"})

    assert isinstance(scheme, SecurityScheme)
    assert isinstance(scheme, HTTPAuthentication)
    assert scheme.bearer_format is None


def test_reference_keeps_ref_summary_description_and_extra() -> None:
    data: dict[str, object] = {
        "$ref": "#/components/securitySchemes/oauth",
        "summary": "The main sign-in",
        "description": "Use this for every user request",
        "x-note": None,
    }

    reference = Reference.from_dict(data)

    assert reference.ref == "#/components/securitySchemes/oauth"
    assert reference.summary == "The main sign-in"
    assert reference.extra == {"x-note": None}
    assert reference.to_dict() == data
    assert Reference(ref="#/components/securitySchemes/oauth").to_dict() == {
        "$ref": "#/components/securitySchemes/oauth"
    }


def test_device_authorization_flow_reads_and_writes() -> None:
    data: dict[str, object] = {
        "deviceAuthorizationUrl": "https://auth.example.com/device",
        "tokenUrl": TOKEN_URL,
        "refreshUrl": "https://auth.example.com/refresh",
        "scopes": {"tv": "Watch on a television"},
    }

    flow = OAuthFlowDeviceAuthorization.from_dict(data)

    assert flow.device_authorization_url == "https://auth.example.com/device"
    assert flow.token_url == TOKEN_URL
    assert flow.to_dict() == data


def test_implicit_flow_has_no_token_url_attribute() -> None:
    flow = OAuthFlowImplicit(authorization_url=AUTHORIZE_URL)

    assert not hasattr(flow, "token_url")
    assert flow.to_dict() == {"authorizationUrl": AUTHORIZE_URL, "scopes": {}}
