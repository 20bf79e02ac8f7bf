"""Properties over generated input: exact round trips, only ValidationError, equality, one set of rules.

The profiles in conftest.py set how many examples each test tries: CI=true
runs a fixed set, and HYPOTHESIS_PROFILE=long runs many more.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import (
    FLOW_URLS,
    JSONObject,
    any_scheme,
    broken,
    extra_keys,
    flow_objects,
    flows_objects,
    hostile_keys,
    hostile_mappings,
    hostile_scalars,
    hostile_values,
    json_canonical,
    references,
    reorder,
    scheme_objects,
    scope_maps,
    urls,
)

from oauthflows import (
    APIKey,
    HTTPAuthentication,
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
    ValidationError,
    parse_security_scheme,
)

Read = Callable[[Any], Any]

# Each reader with the strategy of its valid input.
VALID: list[tuple[str, Read, st.SearchStrategy[JSONObject]]] = [
    ("parse_security_scheme", parse_security_scheme, any_scheme),
    ("APIKey", APIKey.from_dict, scheme_objects["apiKey"]),
    ("HTTPAuthentication", HTTPAuthentication.from_dict, scheme_objects["http"]),
    ("OAuth2", OAuth2.from_dict, scheme_objects["oauth2"]),
    ("OpenIdConnect", OpenIdConnect.from_dict, scheme_objects["openIdConnect"]),
    ("MutualTLS", MutualTLS.from_dict, scheme_objects["mutualTLS"]),
    ("OAuthFlows", OAuthFlows.from_dict, flows_objects),
    ("OAuthFlowImplicit", OAuthFlowImplicit.from_dict, flow_objects["implicit"]),
    ("OAuthFlowPassword", OAuthFlowPassword.from_dict, flow_objects["password"]),
    ("OAuthFlowClientCredentials", OAuthFlowClientCredentials.from_dict, flow_objects["clientCredentials"]),
    ("OAuthFlowAuthorizationCode", OAuthFlowAuthorizationCode.from_dict, flow_objects["authorizationCode"]),
    (
        "OAuthFlowDeviceAuthorization",
        OAuthFlowDeviceAuthorization.from_dict,
        flow_objects["deviceAuthorization"],
    ),
    ("Reference", Reference.from_dict, references),
]

valid_readers = pytest.mark.parametrize(
    ("read", "valid"), [pytest.param(read, valid, id=name) for name, read, valid in VALID]
)
readers = pytest.mark.parametrize("read", [pytest.param(read, id=name) for name, read, _ in VALID])


# Faithful round trips.


@valid_readers
@given(data=st.data())
def test_valid_input_round_trips_exactly(
    read: Read, valid: st.SearchStrategy[JSONObject], data: st.DataObject
) -> None:
    given_input = data.draw(valid)

    model = read(given_input)
    written = model.to_dict()

    assert written == given_input
    # The same text shows the same key order, and each number with the JSON type it came with.
    assert json.dumps(written) == json.dumps(given_input)
    assert read(json.loads(json.dumps(given_input))) == model


def _check_order(model: Any, written: Any, canonical: Any, shuffled: Any) -> None:
    """Check that ``written`` has spec keys in spec order, then the extra keys as ``shuffled`` has them."""
    extra = model.extra
    assert list(written) == [key for key in canonical if key not in extra] + [
        key for key in shuffled if key in extra
    ]
    for key in extra:
        assert json.dumps(written[key]) == json.dumps(shuffled[key])
    if isinstance(model, OAuth2):
        _check_order(model.flows, written["flows"], canonical["flows"], shuffled["flows"])
    if isinstance(model, OAuthFlows):
        for key, flow in model.items():
            _check_order(flow, written[key], canonical[key], shuffled[key])


@valid_readers
@given(data=st.data())
def test_to_dict_writes_spec_keys_first(
    read: Read, valid: st.SearchStrategy[JSONObject], data: st.DataObject
) -> None:
    given_input = data.draw(valid)
    shuffled = reorder(given_input, lambda keys: data.draw(st.permutations(keys)))

    model = read(shuffled)
    written = model.to_dict()

    assert written == given_input
    _check_order(model, written, given_input, shuffled)


# Only ValidationError, whatever the input.


def _outcome(call: Callable[[], Any]) -> tuple[str, Any]:
    """Return ("accepted", the model) or ("rejected", the ValidationError) of a call."""
    try:
        return ("accepted", call())
    except ValidationError as error:
        return ("rejected", error)


def _check_outcome(read: Read, data: object) -> None:
    """Call ``read``: it returns a model that writes JSON and reads back equal, or raises ValidationError."""
    result, model = _outcome(lambda: read(data))
    if result == "rejected":
        error = model
        assert error.errors
        assert all(item.path.startswith("/") and item.message for item in error.errors)
        assert str(error) == "\n".join(f"{item.path}: {item.message}" for item in error.errors)
        return

    written = model.to_dict()
    text = json.dumps(written)
    again = read(json.loads(text))
    assert again == model
    assert hash(again) == hash(model)
    assert again.to_dict() == written


@readers
@given(data=hostile_mappings)
def test_hostile_mapping_raises_only_validation_error(read: Read, data: dict[object, object]) -> None:
    _check_outcome(read, data)


@valid_readers
@given(data=st.data())
def test_broken_valid_input_raises_only_validation_error(
    read: Read, valid: st.SearchStrategy[JSONObject], data: st.DataObject
) -> None:
    _check_outcome(read, data.draw(broken(valid)))


@readers
@given(data=hostile_values)
def test_hostile_value_argument_raises_validation_or_type_error(read: Read, data: object) -> None:
    if isinstance(data, Mapping):
        _check_outcome(read, cast("Mapping[object, object]", data))
    else:
        with pytest.raises(TypeError, match="expects a mapping, got "):
            read(data)


# Equality and hashing.


def _retype_numbers(value: object) -> object:
    """Return a copy with each integer that a float can store exactly written as that float."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and abs(value) <= 2**53:
        return float(value)
    if isinstance(value, dict):
        members = cast("dict[str, object]", value)
        return {key: _retype_numbers(item) for key, item in members.items()}
    if isinstance(value, list):
        items = cast("list[object]", value)
        return [_retype_numbers(item) for item in items]
    return value


@valid_readers
@given(data=st.data())
def test_equal_inputs_give_equal_models_and_hashes(
    read: Read, valid: st.SearchStrategy[JSONObject], data: st.DataObject
) -> None:
    given_input = data.draw(valid)
    same = _retype_numbers(reorder(given_input, lambda keys: data.draw(st.permutations(keys))))

    first = read(given_input)
    second = read(same)

    assert first == second
    assert hash(first) == hash(second)
    assert len({first, second}) == 1


@valid_readers
@given(data=st.data())
def test_models_are_equal_exactly_when_inputs_are(
    read: Read, valid: st.SearchStrategy[JSONObject], data: st.DataObject
) -> None:
    first_input = data.draw(valid)
    second_input = data.draw(st.one_of(valid, st.just(first_input)))

    first = read(first_input)
    second = read(second_input)

    assert (first == second) == (json_canonical(first_input) == json_canonical(second_input))
    assert (first != second) == (json_canonical(first_input) != json_canonical(second_input))
    if first == second:
        assert hash(first) == hash(second)


@given(flag=st.sampled_from([True, False]), number=st.sampled_from([1, 0, 1.0, 0.0]))
def test_boolean_never_equals_number(flag: bool, number: float) -> None:
    with_flag = MutualTLS(extra={"x-value": [flag]})
    with_number = MutualTLS(extra={"x-value": [number]})

    assert with_flag != with_number


# One set of rules: from_dict and the constructors accept and reject the same values.

# A field's kind. A "required" field is always given. None in an "optional" field is how a Python
# caller leaves it out, so from_dict gets the key absent instead. A "defaulted" field may be left
# out too, but None is a wrong value for it in both.
Field = tuple[str, str, str, st.SearchStrategy[object]]
"""The attribute, the spec key, the kind, and the strategy of the values tried."""


def _values(valid: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(valid, hostile_scalars, hostile_values)


def _text_field(attribute: str, key: str, kind: str) -> Field:
    return (attribute, key, kind, _values(st.text(max_size=8)))


def _url_field(attribute: str, key: str) -> Field:
    return (attribute, key, "required", _values(urls))


_DESCRIPTION = _text_field("description", "description", "optional")
_DEPRECATED: Field = ("deprecated", "deprecated", "optional", _values(st.booleans()))
_REFRESH_URL: Field = ("refresh_url", "refreshUrl", "optional", _values(urls))
_SCOPES: Field = (
    "scopes",
    "scopes",
    "defaulted",
    st.one_of(scope_maps, st.dictionaries(hostile_keys, hostile_scalars, max_size=3), hostile_scalars),
)


def _flow_fields(*urls_of_flow: tuple[str, str]) -> list[Field]:
    return [*(_url_field(attribute, key) for attribute, key in urls_of_flow), _REFRESH_URL, _SCOPES]


@dataclass(frozen=True)
class _Nested:
    """A nested model for a constructor, and the input that from_dict is given in its place."""

    model: object
    data: JSONObject


def _model_field(
    attribute: str, key: str, read: Read, valid: st.SearchStrategy[JSONObject], kind: str
) -> Field:
    # Only valid values: a wrong one gets another message from a constructor, which wants a model.
    return (attribute, key, kind, valid.map(lambda data: _Nested(read(data), data)))


CONSTRUCTORS: list[tuple[str, Callable[..., Any], Read, str | None, list[Field]]] = [
    (
        "APIKey",
        APIKey,
        APIKey.from_dict,
        "apiKey",
        [
            _DESCRIPTION,
            _text_field("name", "name", "required"),
            (
                "in_",
                "in",
                "required",
                _values(st.sampled_from(["query", "header", "cookie", "Header", "body"])),
            ),
            _DEPRECATED,
        ],
    ),
    (
        "HTTPAuthentication",
        HTTPAuthentication,
        HTTPAuthentication.from_dict,
        "http",
        [
            _DESCRIPTION,
            _text_field("scheme", "scheme", "required"),
            _text_field("bearer_format", "bearerFormat", "optional"),
            _DEPRECATED,
        ],
    ),
    (
        "OAuth2",
        OAuth2,
        OAuth2.from_dict,
        "oauth2",
        [
            _DESCRIPTION,
            _model_field("flows", "flows", OAuthFlows.from_dict, flows_objects, "required"),
            ("oauth2_metadata_url", "oauth2MetadataUrl", "optional", _values(urls)),
            _DEPRECATED,
        ],
    ),
    (
        "OpenIdConnect",
        OpenIdConnect,
        OpenIdConnect.from_dict,
        "openIdConnect",
        [_DESCRIPTION, _url_field("open_id_connect_url", "openIdConnectUrl"), _DEPRECATED],
    ),
    ("MutualTLS", MutualTLS, MutualTLS.from_dict, "mutualTLS", [_DESCRIPTION, _DEPRECATED]),
    (
        "OAuthFlowImplicit",
        OAuthFlowImplicit,
        OAuthFlowImplicit.from_dict,
        None,
        _flow_fields(("authorization_url", "authorizationUrl")),
    ),
    (
        "OAuthFlowPassword",
        OAuthFlowPassword,
        OAuthFlowPassword.from_dict,
        None,
        _flow_fields(("token_url", "tokenUrl")),
    ),
    (
        "OAuthFlowClientCredentials",
        OAuthFlowClientCredentials,
        OAuthFlowClientCredentials.from_dict,
        None,
        _flow_fields(("token_url", "tokenUrl")),
    ),
    (
        "OAuthFlowAuthorizationCode",
        OAuthFlowAuthorizationCode,
        OAuthFlowAuthorizationCode.from_dict,
        None,
        _flow_fields(("authorization_url", "authorizationUrl"), ("token_url", "tokenUrl")),
    ),
    (
        "OAuthFlowDeviceAuthorization",
        OAuthFlowDeviceAuthorization,
        OAuthFlowDeviceAuthorization.from_dict,
        None,
        _flow_fields(("device_authorization_url", "deviceAuthorizationUrl"), ("token_url", "tokenUrl")),
    ),
    (
        "OAuthFlows",
        OAuthFlows,
        OAuthFlows.from_dict,
        None,
        [
            _model_field(attribute, key, read, flow_objects[key], "optional")
            for attribute, key, read in [
                ("implicit", "implicit", OAuthFlowImplicit.from_dict),
                ("password", "password", OAuthFlowPassword.from_dict),
                ("client_credentials", "clientCredentials", OAuthFlowClientCredentials.from_dict),
                ("authorization_code", "authorizationCode", OAuthFlowAuthorizationCode.from_dict),
                ("device_authorization", "deviceAuthorization", OAuthFlowDeviceAuthorization.from_dict),
            ]
        ],
    ),
    (
        "Reference",
        Reference,
        Reference.from_dict,
        None,
        [
            _text_field("ref", "$ref", "required"),
            _text_field("summary", "summary", "optional"),
            _text_field("description", "description", "optional"),
        ],
    ),
]

assert {name for name, *_ in CONSTRUCTORS} == {name for name, _, _ in VALID} - {"parse_security_scheme"}
assert set(FLOW_URLS) == {key for _, key, _, _ in CONSTRUCTORS[-2][4]}


@pytest.mark.parametrize(
    ("build", "read", "scheme_type", "fields"),
    [
        pytest.param(build, read, scheme_type, fields, id=name)
        for name, build, read, scheme_type, fields in CONSTRUCTORS
    ],
)
@given(data=st.data())
def test_from_dict_and_constructor_agree(
    build: Callable[..., Any], read: Read, scheme_type: str | None, fields: list[Field], data: st.DataObject
) -> None:
    modelled = {key for _, key, _, _ in fields} | {"type"}
    arguments: dict[str, object] = {}
    given_input: dict[object, object] = {} if scheme_type is None else {"type": scheme_type}
    for attribute, key, kind, values in fields:
        if kind != "required" and data.draw(st.booleans(), label=f"{key} absent"):
            continue
        value = data.draw(values, label=key)
        if isinstance(value, _Nested):
            arguments[attribute] = value.model
            given_input[key] = value.data
        else:
            arguments[attribute] = value
            if not (kind == "optional" and value is None):
                given_input[key] = value
    extra = data.draw(
        st.dictionaries(
            st.one_of(extra_keys, hostile_keys).filter(lambda key: key not in modelled), hostile_values
        ),
        label="extra",
    )
    arguments["extra"] = extra
    given_input.update(extra)

    built = _outcome(lambda: build(**arguments))
    read_back = _outcome(lambda: read(given_input))

    assert built[0] == read_back[0]
    if built[0] == "rejected":
        assert str(built[1]) == str(read_back[1])
    else:
        assert built[1] == read_back[1]
        assert hash(built[1]) == hash(read_back[1])
        assert built[1].to_dict() == read_back[1].to_dict()
