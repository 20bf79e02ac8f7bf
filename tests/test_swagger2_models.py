"""The Swagger 2.0 Security Scheme models: reading, writing back, errors, and the real 2.0 corpus."""

from __future__ import annotations

import dataclasses
import json
import pickle
from collections.abc import Mapping
from pathlib import Path
from typing import cast

import pytest
from corpus import corpus_files, load_corpus_file

from oauthflows import (
    Swagger2APIKey,
    Swagger2Basic,
    Swagger2OAuth2,
    Swagger2SecurityScheme,
    ValidationError,
    parse_swagger2_security_scheme,
)

AUTHORIZE_URL = "https://auth.example.com/authorize"
TOKEN_URL = "https://auth.example.com/token"

VALID: dict[str, dict[str, object]] = {
    "basic": {"type": "basic"},
    "basic-described": {"type": "basic", "description": "Sign in with your **account**", "x-realm": "api"},
    "apiKey-header": {"type": "apiKey", "name": "X-API-Key", "in": "header"},
    "apiKey-query": {"type": "apiKey", "name": "api_key", "in": "query", "x-testValue": ""},
    "implicit": {
        "type": "oauth2",
        "flow": "implicit",
        "authorizationUrl": AUTHORIZE_URL,
        "scopes": {"read": "Read data"},
    },
    "password": {"type": "oauth2", "flow": "password", "tokenUrl": TOKEN_URL, "scopes": {}},
    "application": {
        "type": "oauth2",
        "description": "Machine to machine",
        "flow": "application",
        "tokenUrl": "/oauth/token",
        "scopes": {"read": "Read data", "write": "Write data"},
    },
    "accessCode": {
        "type": "oauth2",
        "flow": "accessCode",
        "authorizationUrl": AUTHORIZE_URL,
        "tokenUrl": TOKEN_URL,
        "scopes": {"read": "Read data", "x-scope-source": {"url": "https://auth.example.com/scopes"}},
        "x-pkce": True,
    },
    "null-extension": {"type": "basic", "x-null": None, "x-list": [1, 1.5, "two", None, {"a": []}]},
}


@pytest.mark.parametrize("data", VALID.values(), ids=VALID.keys())
def test_swagger2_scheme_round_trips_exactly(data: dict[str, object]) -> None:
    scheme = parse_swagger2_security_scheme(data)

    assert scheme.to_dict() == data
    assert json.dumps(scheme.to_dict(), sort_keys=True) == json.dumps(data, sort_keys=True)
    assert type(scheme).from_dict(data) == scheme
    assert hash(type(scheme).from_dict(data)) == hash(scheme)


@pytest.mark.parametrize("data", VALID.values(), ids=VALID.keys())
def test_swagger2_scheme_writes_spec_keys_first(data: dict[str, object]) -> None:
    written = list(parse_swagger2_security_scheme(data).to_dict())
    order = ["type", "description", "name", "in", "flow", "authorizationUrl", "tokenUrl", "scopes"]
    spec_keys = [key for key in written if key in order]

    assert spec_keys == sorted(spec_keys, key=order.index)
    assert written[: len(spec_keys)] == spec_keys


def test_parse_swagger2_scheme_picks_class_by_type() -> None:
    assert type(parse_swagger2_security_scheme(VALID["basic"])) is Swagger2Basic
    assert type(parse_swagger2_security_scheme(VALID["apiKey-header"])) is Swagger2APIKey
    assert type(parse_swagger2_security_scheme(VALID["implicit"])) is Swagger2OAuth2


def test_swagger2_oauth2_reads_fields() -> None:
    scheme = Swagger2OAuth2.from_dict(VALID["accessCode"])

    assert scheme.flow == "accessCode"
    assert scheme.authorization_url == AUTHORIZE_URL
    assert scheme.token_url == TOKEN_URL
    assert scheme.scopes == {"read": "Read data"}
    assert scheme.scope_extensions == {"x-scope-source": {"url": "https://auth.example.com/scopes"}}
    assert scheme.extra == {"x-pkce": True}


def test_swagger2_scope_extension_is_not_a_scope() -> None:
    scheme = Swagger2OAuth2.from_dict(
        {"type": "oauth2", "flow": "password", "tokenUrl": TOKEN_URL, "scopes": {"x-internal": "yes"}}
    )

    assert scheme.scopes == {}
    assert scheme.scope_extensions == {"x-internal": "yes"}
    assert scheme.to_dict()["scopes"] == {"x-internal": "yes"}


def test_swagger2_url_of_other_flow_is_kept_in_extra() -> None:
    data = {"type": "oauth2", "flow": "implicit", "authorizationUrl": AUTHORIZE_URL, "tokenUrl": TOKEN_URL}

    scheme = Swagger2OAuth2.from_dict(data)

    assert scheme.token_url is None
    assert scheme.extra == {"tokenUrl": TOKEN_URL}
    assert scheme.to_dict() == {**data, "scopes": {}}


def test_swagger2_missing_scopes_reads_as_empty() -> None:
    scheme = Swagger2OAuth2.from_dict(
        {"type": "oauth2", "flow": "implicit", "authorizationUrl": AUTHORIZE_URL}
    )

    assert scheme.scopes == {}
    assert scheme.scope_extensions == {}


def test_swagger2_apikey_constructor_matches_from_dict() -> None:
    built = Swagger2APIKey(name="X-API-Key", in_="header")

    assert built == Swagger2APIKey.from_dict(VALID["apiKey-header"])
    assert built.to_dict() == VALID["apiKey-header"]


def test_swagger2_oauth2_constructor_matches_from_dict() -> None:
    built = Swagger2OAuth2(
        flow="accessCode",
        authorization_url=AUTHORIZE_URL,
        token_url=TOKEN_URL,
        scopes={"read": "Read data"},
        scope_extensions={"x-scope-source": {"url": "https://auth.example.com/scopes"}},
        extra={"x-pkce": True},
    )

    assert built == Swagger2OAuth2.from_dict(VALID["accessCode"])
    assert built.to_dict() == VALID["accessCode"]


def test_swagger2_model_is_frozen_and_deeply_immutable() -> None:
    scheme = Swagger2OAuth2.from_dict(VALID["accessCode"])

    with pytest.raises(dataclasses.FrozenInstanceError):
        scheme.flow = "implicit"  # type: ignore[misc]
    with pytest.raises(TypeError, match="immutable"):
        scheme.scopes["admin"] = "Everything"  # type: ignore[index]
    extension = scheme.scope_extensions["x-scope-source"]
    assert isinstance(extension, Mapping)
    with pytest.raises(TypeError, match="immutable"):
        extension["url"] = "changed"  # type: ignore[index]


def test_swagger2_model_replace_checks_new_values() -> None:
    scheme = Swagger2OAuth2.from_dict(VALID["implicit"])

    replaced = dataclasses.replace(scheme, authorization_url="https://other.example.com/authorize")

    assert replaced.authorization_url == "https://other.example.com/authorize"
    with pytest.raises(ValidationError) as raised:
        dataclasses.replace(scheme, flow="password")
    assert str(raised.value) == (
        "/authorizationUrl: expected None because the password flow has no authorizationUrl,"
        " got 'https://auth.example.com/authorize' (string)\n"
        "/tokenUrl: missing required field, expected a string"
    )


def test_swagger2_model_pickles_and_copies() -> None:
    scheme = Swagger2OAuth2.from_dict(VALID["accessCode"])

    assert pickle.loads(pickle.dumps(scheme)) == scheme


def test_swagger2_to_dict_returns_fresh_values() -> None:
    scheme = Swagger2OAuth2.from_dict(VALID["accessCode"])

    written = scheme.to_dict()
    written["scopes"]["read"] = "changed"  # type: ignore[index]

    assert scheme.scopes["read"] == "Read data"


INVALID: dict[str, tuple[dict[str, object], str]] = {
    "no-type": (
        {"name": "key", "in": "header"},
        "/type: missing required field, expected one of 'basic', 'apiKey', 'oauth2'",
    ),
    "miscased-type": (
        {"type": "Basic"},
        "/type: unknown Swagger 2.0 security scheme type 'Basic', did you mean 'basic'?",
    ),
    "openapi3-type": (
        {"type": "http", "scheme": "basic"},
        "/type: unknown Swagger 2.0 security scheme type 'http', expected one of 'basic', 'apiKey', 'oauth2'",
    ),
    "cookie-key": (
        {"type": "apiKey", "name": "session", "in": "cookie"},
        "/in: unknown API key location 'cookie', expected one of 'query', 'header'"
        " (cookie API keys need OpenAPI 3.0 or later)",
    ),
    "key-without-name": (
        {"type": "apiKey", "in": "Header"},
        "/in: unknown API key location 'Header', did you mean 'header'?\n"
        "/name: missing required field, expected a string",
    ),
    "unknown-flow": (
        {"type": "oauth2", "flow": "clientCredentials", "tokenUrl": TOKEN_URL, "scopes": {}},
        "/flow: unknown Swagger 2.0 flow 'clientCredentials',"
        " expected one of 'implicit', 'password', 'application', 'accessCode'",
    ),
    "missing-flow": (
        {"type": "oauth2", "scopes": {}},
        "/flow: missing required field, expected one of 'implicit', 'password', 'application', 'accessCode'",
    ),
    "access-code-without-urls": (
        {"type": "oauth2", "flow": "accessCode", "scopes": {}},
        "/authorizationUrl: missing required field, expected a string\n"
        "/tokenUrl: missing required field, expected a string",
    ),
    "bad-scopes": (
        {
            "type": "oauth2",
            "flow": "password",
            "tokenUrl": True,
            "scopes": {"read": 1, "x-bad": float("nan"), "write": "Write"},
        },
        "/tokenUrl: expected a string, got True (boolean)\n"
        "/scopes/read: expected a string (the scope's description), got 1 (integer)\n"
        "/scopes/x-bad: expected a JSON value, got nan (number): JSON has no NaN or infinity",
    ),
    "scopes-not-object": (
        {"type": "oauth2", "flow": "implicit", "authorizationUrl": AUTHORIZE_URL, "scopes": ["read"]},
        "/scopes: expected an object mapping scope names to descriptions, got ['read'] (array)",
    ),
    "description-not-string": (
        {"type": "basic", "description": ["Basic"]},
        "/description: expected a string, got ['Basic'] (array)",
    ),
}


@pytest.mark.parametrize(("data", "expected"), INVALID.values(), ids=INVALID.keys())
def test_swagger2_invalid_scheme_lists_every_problem(data: dict[str, object], expected: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_swagger2_security_scheme(data)

    assert str(raised.value) == expected


def test_swagger2_class_rejects_type_of_other_class() -> None:
    with pytest.raises(ValidationError) as raised:
        Swagger2Basic.from_dict({"type": "apiKey", "name": "key", "in": "header"})

    assert str(raised.value) == (
        "/type: expected 'basic', got 'apiKey' (read it with Swagger2APIKey or parse_swagger2_security_scheme)"
    )


def test_swagger2_from_dict_rejects_non_mapping() -> None:
    with pytest.raises(
        TypeError, match=r"^Swagger2OAuth2.from_dict\(\) expects a mapping, got \['oauth2'\] \(array\)$"
    ):
        Swagger2OAuth2.from_dict(["oauth2"])  # type: ignore[arg-type]


def test_swagger2_constructor_rejects_url_of_other_flow() -> None:
    with pytest.raises(ValidationError) as raised:
        Swagger2OAuth2(flow="implicit", authorization_url=AUTHORIZE_URL, token_url=TOKEN_URL)

    assert str(raised.value) == (
        "/tokenUrl: expected None because the implicit flow has no tokenUrl, got 'https://auth.example.com/token' (string)"
    )


def test_swagger2_constructor_keeps_scopes_and_extensions_apart() -> None:
    with pytest.raises(ValidationError) as raised:
        Swagger2OAuth2(
            flow="password",
            token_url=TOKEN_URL,
            scopes={"x-internal": "yes"},
            scope_extensions={"read": "Read data"},
        )

    assert str(raised.value) == (
        "/scopes/x-internal: 'x-internal' is an extension of the scopes map, not a scope,"
        " expected it in scope_extensions\n"
        "/scopes/read: expected an 'x-' key in scope_extensions, got 'read' (a scope name)"
    )


def test_swagger2_constructor_rejects_modelled_key_in_extra() -> None:
    with pytest.raises(ValidationError) as raised:
        Swagger2APIKey(name="key", in_="query", extra={"name": "other"})

    assert str(raised.value) == (
        "/name: 'name' is a field of Swagger2APIKey, set it by its keyword argument, not in extra"
    )


def test_swagger2_union_covers_every_class() -> None:
    scheme: Swagger2SecurityScheme = parse_swagger2_security_scheme(VALID["basic"])

    assert isinstance(scheme, (Swagger2Basic, Swagger2APIKey, Swagger2OAuth2))
    assert {Swagger2Basic.type, Swagger2APIKey.type, Swagger2OAuth2.type} == {"basic", "apiKey", "oauth2"}


def _swagger2_corpus_files() -> list[object]:
    """Return the corpus parameters of the Swagger 2.0 documents, or the one that skips without a corpus."""
    selected: list[object] = []
    for parameter in corpus_files("real"):
        path = parameter.values[0]  # type: ignore[attr-defined]
        if not isinstance(path, Path) or json.loads(path.read_text(encoding="utf-8"))["openapi"] == "2.0":
            selected.append(parameter)
    return selected


@pytest.mark.parametrize("path", _swagger2_corpus_files())
def test_corpus_swagger2_scheme_round_trips_exactly(path: Path | None) -> None:
    document = load_corpus_file(path)
    definitions = document["securityDefinitions"]
    assert isinstance(definitions, dict)

    for name, data in cast("dict[str, Mapping[str, object]]", definitions).items():
        scheme = parse_swagger2_security_scheme(data)

        written = scheme.to_dict()
        if "scopes" not in data and isinstance(scheme, Swagger2OAuth2):
            written.pop("scopes")  # A missing scopes map reads as empty and is written as {}.
        assert written == data, name
        assert type(scheme).from_dict(data) == scheme
