"""FastAPI's models as an oracle for the models, where FastAPI models the same objects.

On valid input both accept and write the same spec dict, except for the
faults of FastAPI listed in FAULTS, each shown by a test of its own. On
input that FastAPI rejects, oauthflows rejects too. FastAPI is optional:
without it these tests skip (the tox env ``fastapi`` installs it). The
faults were found with FastAPI 0.165.0 and Pydantic 2.14.4.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import JSONObject, Opaque, broken, references, scheme_objects

from oauthflows import (
    APIKey,
    HTTPAuthentication,
    OAuth2,
    OpenIdConnect,
    Reference,
    ValidationError,
    parse_security_scheme,
)

fastapi_models: Any = pytest.importorskip(
    "fastapi.openapi.models", reason="fastapi is not installed; the tox env fastapi runs these tests"
)
pydantic_core: Any = pytest.importorskip("pydantic_core")

# The FastAPI model for each scheme type that FastAPI has. HTTPBase is its model for any http
# scheme, because its HTTPBearer subclass takes only a lowercase "bearer" (a test below shows it).
FASTAPI_SCHEMES: dict[str, Any] = {
    "apiKey": fastapi_models.APIKey,
    "http": fastapi_models.HTTPBase,
    "oauth2": fastapi_models.OAuth2,
    "openIdConnect": fastapi_models.OpenIdConnect,
}

REJECTED = "rejected"
UNWRITABLE = "accepted, but model_dump raises"


def _fastapi(model: Any, data: object) -> object:
    """Validate ``data`` with a FastAPI model and dump it as FastAPI writes OpenAPI.

    Return REJECTED when validation fails, and UNWRITABLE when the dump does.
    """
    try:
        validated = model.model_validate(data)
    except ValueError:  # pydantic.ValidationError is a ValueError.
        return REJECTED
    try:
        return validated.model_dump(mode="json", by_alias=True, exclude_none=True)
    except (ValueError, pydantic_core.PydanticSerializationError):  # Non-UTF-8 bytes raise ValueError.
        return UNWRITABLE


def _fastapi_scheme(data: JSONObject) -> object:
    model = FASTAPI_SCHEMES.get(cast(str, data.get("type")))
    return REJECTED if model is None else _fastapi(model, data)


# FastAPI's faults on valid input, and what FastAPI writes in place of the spec dict.


def _without_null_members(data: Mapping[str, object]) -> JSONObject:
    return {key: value for key, value in data.items() if value is not None}


def _drop_null_members(written: Mapping[str, object]) -> JSONObject:
    """Drop the null members of a scheme, of its OAuth Flows Object and of the four flows FastAPI models."""
    result = _without_null_members(written)
    flows = result.get("flows")
    if result["type"] == "oauth2" and isinstance(flows, dict):
        flows = _without_null_members(cast(JSONObject, flows))
        for key in ("implicit", "password", "clientCredentials", "authorizationCode"):
            if key in flows:
                flows[key] = _without_null_members(cast(JSONObject, flows[key]))
        result["flows"] = flows
    return result


def _has_null_member(data: Mapping[str, object]) -> bool:
    return _drop_null_members(data) != data


@dataclass(frozen=True)
class Fault:
    """A way in which FastAPI's models write valid input differently from what the specification requires."""

    name: str
    reason: str
    objects: str
    """``schemes`` or ``references``: the objects that the fault is about."""
    applies: Callable[[Mapping[str, object]], bool]
    fastapi_writes: Callable[[Mapping[str, object]], JSONObject | str]
    """What FastAPI writes for a spec dict that the fault applies to, or REJECTED."""


FAULTS: list[Fault] = [
    Fault(
        "no-mutual-tls",
        "SecuritySchemeType lists apiKey, http, oauth2 and openIdConnect, but not mutualTLS (OpenAPI 3.1)",
        "schemes",
        lambda data: data.get("type") == "mutualTLS",
        lambda _: REJECTED,
    ),
    Fault(
        "drops-null-members",
        "exclude_none=True drops every null member of the scheme, flows and flow models, so an"
        " extension or unknown key whose value is null is lost; nulls inside extension values and"
        " inside deviceAuthorization, which FastAPI keeps as an unmodelled dict, stay",
        "schemes",
        _has_null_member,
        _drop_null_members,
    ),
    Fault(
        "reference-keeps-only-ref",
        "its Reference has no summary and description (OpenAPI 3.1) and ignores every other key",
        "references",
        lambda data: len(data) > 1,
        lambda data: {"$ref": data["$ref"]},
    ),
]


def _fastapi_expected(written: Mapping[str, object], objects: str) -> object:
    """Return what FastAPI should write for a spec dict, once the known faults are applied in order."""
    expected = written
    for fault in FAULTS:
        if fault.objects == objects and fault.applies(expected):
            written_by_fastapi = fault.fastapi_writes(expected)
            if isinstance(written_by_fastapi, str):
                return written_by_fastapi
            expected = written_by_fastapi
    return expected


@given(scheme=st.one_of(*scheme_objects.values()))
def test_fastapi_writes_what_we_write_for_valid_schemes(scheme: JSONObject) -> None:
    written = parse_security_scheme(scheme).to_dict()

    assert written == scheme
    assert _fastapi_scheme(scheme) == _fastapi_expected(written, "schemes")


@given(reference=references)
def test_fastapi_writes_what_we_write_for_valid_references(reference: JSONObject) -> None:
    written = Reference.from_dict(reference).to_dict()

    assert written == reference
    assert _fastapi(fastapi_models.Reference, reference) == _fastapi_expected(written, "references")


# Each fault, shown on one input. When FastAPI fixes one, its test fails: then remove the fault.

FAULT_CASES: list[tuple[str, JSONObject, object]] = [
    ("no-mutual-tls", {"type": "mutualTLS", "description": "Client certificates"}, REJECTED),
    (
        "drops-null-members",
        {
            "type": "oauth2",
            "flows": {
                "implicit": {"authorizationUrl": "/authorize", "scopes": {}, "x-audience": None},
                "deviceAuthorization": {
                    "deviceAuthorizationUrl": "/device",
                    "tokenUrl": "/token",
                    "scopes": {},
                    "x-a": None,
                },
                "x-flows-note": None,
            },
            "x-internal": None,
            "x-nested": {"keep": None},
        },
        {
            "type": "oauth2",
            "flows": {
                "implicit": {"scopes": {}, "authorizationUrl": "/authorize"},
                "deviceAuthorization": {
                    "deviceAuthorizationUrl": "/device",
                    "tokenUrl": "/token",
                    "scopes": {},
                    "x-a": None,
                },
            },
            "x-nested": {"keep": None},
        },
    ),
    (
        "reference-keeps-only-ref",
        {"$ref": "#/components/securitySchemes/main", "summary": "Main", "description": "Sign-in", "x-a": 1},
        {"$ref": "#/components/securitySchemes/main"},
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "fastapi_writes"), [pytest.param(*case, id=case[0]) for case in FAULT_CASES]
)
def test_fastapi_fault_is_still_there(name: str, data: JSONObject, fastapi_writes: object) -> None:
    fault = next(fault for fault in FAULTS if fault.name == name)
    if fault.objects == "references":
        written = Reference.from_dict(data).to_dict()
        written_by_fastapi = _fastapi(fastapi_models.Reference, data)
    else:
        written = parse_security_scheme(data).to_dict()
        written_by_fastapi = _fastapi_scheme(data)

    assert written == data
    assert fault.applies(written)
    assert fault.fastapi_writes(written) == fastapi_writes
    assert written_by_fastapi == fastapi_writes


def test_fastapi_fault_list_is_covered_by_cases() -> None:
    assert [fault.name for fault in FAULTS] == [name for name, _, _ in FAULT_CASES]


def test_fastapi_writes_keys_in_its_own_order() -> None:
    # Not a fault of the values, so not in FAULTS: the dicts are equal, but their key order is not
    # the specification's, which oauthflows keeps.
    scheme: JSONObject = {
        "type": "oauth2",
        "flows": {"password": {"tokenUrl": "/token", "refreshUrl": "/refresh", "scopes": {"read": "Read"}}},
    }
    api_key: JSONObject = {"type": "apiKey", "name": "X-Key", "in": "header"}

    fastapi_oauth2: Any = _fastapi(fastapi_models.OAuth2, scheme)
    fastapi_api_key: Any = _fastapi(fastapi_models.APIKey, api_key)

    assert fastapi_oauth2 == parse_security_scheme(scheme).to_dict()
    assert list(fastapi_oauth2["flows"]["password"]) == ["refreshUrl", "scopes", "tokenUrl"]
    written: Any = OAuth2.from_dict(scheme).to_dict()
    assert list(written["flows"]["password"]) == ["tokenUrl", "refreshUrl", "scopes"]
    assert list(fastapi_api_key) == ["type", "in", "name"]
    assert list(APIKey.from_dict(api_key).to_dict()) == ["type", "name", "in"]


def test_fastapi_bearer_model_rejects_capitalized_scheme() -> None:
    # RFC 9110 section 11.1: authentication scheme names are case-insensitive.
    data: JSONObject = {"type": "http", "scheme": "Bearer", "bearerFormat": "JWT"}

    assert _fastapi(fastapi_models.HTTPBearer, data) == REJECTED
    assert HTTPAuthentication.from_dict(data).to_dict() == data


# Invalid input: whatever FastAPI rejects, oauthflows rejects too. FastAPI accepts more, listed below.


@given(
    data=st.sampled_from(sorted(FASTAPI_SCHEMES)).flatmap(
        lambda kind: broken(scheme_objects[kind]).map(lambda data: (kind, data))
    )
)
def test_input_fastapi_rejects_is_rejected(data: tuple[str, dict[object, object]]) -> None:
    kind, scheme = data
    if scheme.get("type") == "mutualTLS":
        return  # The no-mutual-tls fault: FastAPI rejects a valid type.

    if _fastapi(FASTAPI_SCHEMES[kind], scheme) in (REJECTED, UNWRITABLE):
        with pytest.raises(ValidationError):
            parse_security_scheme(cast(Any, scheme))


LENIENT: list[Any] = [
    pytest.param(
        fastapi_models.APIKey,
        {"name": "X-Key", "in": "header"},
        "/type: missing required field, expected one of 'apiKey', 'http', 'mutualTLS', 'oauth2', 'openIdConnect'",
        {"type": "apiKey", "name": "X-Key", "in": "header"},
        id="missing-type-gets-a-default",
    ),
    pytest.param(
        fastapi_models.OAuth2,
        {"type": "apiKey", "flows": {}},
        "/name: missing required field, expected a string\n/in: missing required field, expected one of 'query', 'header', 'cookie'",
        {"type": "apiKey", "flows": {}},
        id="type-of-another-model",
    ),
    pytest.param(
        fastapi_models.OAuth2,
        {"type": "oauth2", "flows": {"deviceAuthorization": {"deviceAuthorizationUrl": 5}}},
        "/flows/deviceAuthorization/deviceAuthorizationUrl: expected a string, got 5 (integer)\n"
        "/flows/deviceAuthorization/tokenUrl: missing required field, expected a string",
        {"type": "oauth2", "flows": {"deviceAuthorization": {"deviceAuthorizationUrl": 5}}},
        id="device-authorization-not-checked",
    ),
    pytest.param(
        fastapi_models.HTTPBase,
        {"type": "http", "scheme": "basic", "deprecated": "yes", "bearerFormat": 5},
        "/deprecated: expected a boolean, got 'yes' (string)\n/bearerFormat: expected a string, got 5 (integer)",
        {"type": "http", "scheme": "basic", "deprecated": "yes", "bearerFormat": 5},
        id="deprecated-and-bearer-format-not-checked",
    ),
    pytest.param(
        fastapi_models.OAuth2,
        {"type": "oauth2", "flows": {}, "oauth2MetadataUrl": ["a"]},
        "/oauth2MetadataUrl: expected a string, got ['a'] (array)",
        {"type": "oauth2", "flows": {}, "oauth2MetadataUrl": ["a"]},
        id="metadata-url-not-checked",
    ),
    pytest.param(
        fastapi_models.HTTPBase,
        {"type": "http", "scheme": "basic", "description": None},
        "/description: expected a string, got None (null)",
        {"type": "http", "scheme": "basic"},
        id="null-description-dropped",
    ),
    pytest.param(
        fastapi_models.OAuth2,
        {"type": "oauth2", "flows": {"implicit": None}},
        "/flows/implicit: expected an object (the implicit flow), got None (null)",
        {"type": "oauth2", "flows": {}},
        id="null-flow-dropped",
    ),
    pytest.param(
        fastapi_models.HTTPBase,
        {
            "type": "http",
            "scheme": "basic",
            "x-nan": math.nan,
            "x-set": {1},
            "x-bytes": b"k",
            "x-map": {1: "one"},
        },
        "/x-nan: expected a JSON value, got nan (number): JSON has no NaN or infinity\n"
        "/x-set: expected a JSON value, got {1} (set)\n"
        "/x-bytes: expected a JSON value, got b'k' (bytes)\n"
        "/x-map/1: expected a string key, got 1 (integer)",
        {
            "type": "http",
            "scheme": "basic",
            "x-nan": None,
            "x-set": [1],
            "x-bytes": "k",
            "x-map": {"1": "one"},
        },
        id="non-json-extensions-rewritten",
    ),
    pytest.param(
        fastapi_models.HTTPBase,
        {"type": "http", "scheme": "basic", "x-object": Opaque()},
        "/x-object: expected a JSON value, got Opaque() (Opaque)",
        UNWRITABLE,
        id="any-object-accepted-then-unwritable",
    ),
    pytest.param(
        fastapi_models.HTTPBase,
        {"type": "http", "scheme": "basic", "x-bytes": b"\x80"},
        "/x-bytes: expected a JSON value, got b'\\x80' (bytes)",
        UNWRITABLE,
        id="bytes-not-utf8-accepted-then-unwritable",
    ),
]


@pytest.mark.parametrize(("fastapi_model", "data", "error", "fastapi_writes"), LENIENT)
def test_fastapi_accepts_what_the_spec_forbids(
    fastapi_model: Any, data: dict[str, object], error: str, fastapi_writes: object
) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_security_scheme(data)

    assert str(raised.value) == error
    assert _fastapi(fastapi_model, data) == fastapi_writes


def test_scheme_class_rejects_type_fastapi_accepts() -> None:
    with pytest.raises(ValidationError) as raised:
        OAuth2.from_dict({"type": "apiKey", "flows": {}})

    assert (
        str(raised.value)
        == "/type: expected 'oauth2', got 'apiKey' (read it with APIKey or parse_security_scheme)"
    )
    assert _fastapi(fastapi_models.OAuth2, {"type": "apiKey", "flows": {}}) == {"type": "apiKey", "flows": {}}


def test_open_id_connect_agrees_on_missing_url() -> None:
    data: JSONObject = {"type": "openIdConnect"}

    with pytest.raises(ValidationError) as raised:
        OpenIdConnect.from_dict(data)

    assert str(raised.value) == "/openIdConnectUrl: missing required field, expected a string"
    assert _fastapi(fastapi_models.OpenIdConnect, data) == REJECTED
