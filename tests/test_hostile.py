"""Hostile and broken input: the models raise ValidationError (or TypeError), never anything else.

Deep, cyclic and shared structures, keys and values that are not JSON, look-alike
subclasses, and oversized input all end in bounded work. The limits these tests
reach are the documented ones: 100 levels of arrays and objects in an extension
value, 1,000,000 array items and object members in the extension values of one
call, and 1,000 problems reported inside those extension values.
"""

from __future__ import annotations

import collections
import copy
import datetime
import decimal
import enum
import fractions
import itertools
import json
import math
import pickle
import sys
import types
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple, cast

import pytest

import oauthflows
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

Read = Callable[[Any], object]
Build = Callable[[object], dict[str, object]]

URL = "https://auth.example.com/token"
KEY = "x-hostile"
DEPTH_LIMIT = 100

TOO_DEEP = "value nested deeper than the limit of 100 arrays and objects (a cyclic structure also reaches it)"
TOO_MANY_NODES = (
    "extension values hold more than the limit of 1,000,000 array items and object members in all"
    " (shared YAML aliases count each time they are used)"
)
TOO_MANY_PROBLEMS = "more than 1,000 problems in extension values, the rest are not reported"


def _error(read: Read, data: object) -> str:
    with pytest.raises(ValidationError) as raised:
        read(data)
    return str(raised.value)


# Every reader and constructor, each given an extension value under KEY at the path shown.
HOSTS: list[tuple[str, Read, Build, str]] = [
    ("APIKey", APIKey.from_dict, lambda v: {"type": "apiKey", "name": "k", "in": "header", KEY: v}, ""),
    (
        "HTTPAuthentication",
        HTTPAuthentication.from_dict,
        lambda v: {"type": "http", "scheme": "basic", KEY: v},
        "",
    ),
    ("OAuth2", OAuth2.from_dict, lambda v: {"type": "oauth2", "flows": {}, KEY: v}, ""),
    ("OAuth2-flows", OAuth2.from_dict, lambda v: {"type": "oauth2", "flows": {KEY: v}}, "/flows"),
    (
        "OAuth2-flow",
        OAuth2.from_dict,
        lambda v: {"type": "oauth2", "flows": {"password": {"tokenUrl": URL, KEY: v}}},
        "/flows/password",
    ),
    (
        "OpenIdConnect",
        OpenIdConnect.from_dict,
        lambda v: {"type": "openIdConnect", "openIdConnectUrl": URL, KEY: v},
        "",
    ),
    ("MutualTLS", MutualTLS.from_dict, lambda v: {"type": "mutualTLS", KEY: v}, ""),
    ("OAuthFlowImplicit", OAuthFlowImplicit.from_dict, lambda v: {"authorizationUrl": URL, KEY: v}, ""),
    ("OAuthFlowPassword", OAuthFlowPassword.from_dict, lambda v: {"tokenUrl": URL, KEY: v}, ""),
    (
        "OAuthFlowClientCredentials",
        OAuthFlowClientCredentials.from_dict,
        lambda v: {"tokenUrl": URL, KEY: v},
        "",
    ),
    (
        "OAuthFlowAuthorizationCode",
        OAuthFlowAuthorizationCode.from_dict,
        lambda v: {"authorizationUrl": URL, "tokenUrl": URL, KEY: v},
        "",
    ),
    (
        "OAuthFlowDeviceAuthorization",
        OAuthFlowDeviceAuthorization.from_dict,
        lambda v: {"deviceAuthorizationUrl": URL, "tokenUrl": URL, KEY: v},
        "",
    ),
    ("OAuthFlows", OAuthFlows.from_dict, lambda v: {KEY: v}, ""),
    ("Reference", Reference.from_dict, lambda v: {"$ref": "#/components/securitySchemes/main", KEY: v}, ""),
    (
        "parse_security_scheme",
        parse_security_scheme,
        lambda v: {
            "type": "oauth2",
            "flows": {"deviceAuthorization": {"deviceAuthorizationUrl": URL, "tokenUrl": URL, KEY: v}},
        },
        "/flows/deviceAuthorization",
    ),
    ("APIKey()", lambda extra: APIKey(name="k", in_="header", extra=extra), lambda v: {KEY: v}, ""),
    (
        "HTTPAuthentication()",
        lambda extra: HTTPAuthentication(scheme="basic", extra=extra),
        lambda v: {KEY: v},
        "",
    ),
    ("OAuth2()", lambda extra: OAuth2(flows=OAuthFlows(), extra=extra), lambda v: {KEY: v}, ""),
    (
        "OpenIdConnect()",
        lambda extra: OpenIdConnect(open_id_connect_url=URL, extra=extra),
        lambda v: {KEY: v},
        "",
    ),
    ("MutualTLS()", lambda extra: MutualTLS(extra=extra), lambda v: {KEY: v}, ""),
    (
        "OAuthFlowImplicit()",
        lambda extra: OAuthFlowImplicit(authorization_url=URL, extra=extra),
        lambda v: {KEY: v},
        "",
    ),
    (
        "OAuthFlowPassword()",
        lambda extra: OAuthFlowPassword(token_url=URL, extra=extra),
        lambda v: {KEY: v},
        "",
    ),
    (
        "OAuthFlowClientCredentials()",
        lambda extra: OAuthFlowClientCredentials(token_url=URL, extra=extra),
        lambda v: {KEY: v},
        "",
    ),
    (
        "OAuthFlowAuthorizationCode()",
        lambda extra: OAuthFlowAuthorizationCode(authorization_url=URL, token_url=URL, extra=extra),
        lambda v: {KEY: v},
        "",
    ),
    (
        "OAuthFlowDeviceAuthorization()",
        lambda extra: OAuthFlowDeviceAuthorization(device_authorization_url=URL, token_url=URL, extra=extra),
        lambda v: {KEY: v},
        "",
    ),
    ("OAuthFlows()", lambda extra: OAuthFlows(extra=extra), lambda v: {KEY: v}, ""),
    (
        "Reference()",
        lambda extra: Reference(ref="#/components/securitySchemes/main", extra=extra),
        lambda v: {KEY: v},
        "",
    ),
]

hosts = pytest.mark.parametrize(
    ("read", "build", "prefix"),
    [pytest.param(read, build, prefix, id=name) for name, read, build, prefix in HOSTS],
)


def _nested(depth: int, kind: str) -> object:
    """Build an array or object nested ``depth`` levels deep, without recursion."""
    value: object = "leaf"
    for _ in range(depth):
        value = {"a": value} if kind == "object" else [value]
    return value


def _token(kind: str) -> str:
    return "/a" if kind == "object" else "/0"


def _written(model: object, prefix: str) -> object:
    """Return what ``to_dict()`` writes under KEY in the object at ``prefix``."""
    written: Any = cast(Any, model).to_dict()
    for token in prefix.split("/")[1:]:
        written = written[token]
    return written[KEY]


# Nesting deeper than Python's recursion limit.


@hosts
@pytest.mark.parametrize("kind", ["object", "array"])
def test_extension_past_recursion_limit_is_rejected(read: Read, build: Build, prefix: str, kind: str) -> None:
    value = _nested(sys.getrecursionlimit() + 10, kind)

    assert _error(read, build(value)) == f"{prefix}/{KEY}{_token(kind) * DEPTH_LIMIT}: {TOO_DEEP}"


@hosts
@pytest.mark.parametrize("kind", ["object", "array"])
def test_extension_one_level_past_limit_is_rejected(read: Read, build: Build, prefix: str, kind: str) -> None:
    value = _nested(DEPTH_LIMIT + 1, kind)

    assert _error(read, build(value)) == f"{prefix}/{KEY}{_token(kind) * DEPTH_LIMIT}: {TOO_DEEP}"


@hosts
@pytest.mark.parametrize("kind", ["object", "array"])
def test_extension_at_depth_limit_is_usable(read: Read, build: Build, prefix: str, kind: str) -> None:
    model = read(build(_nested(DEPTH_LIMIT, kind)))
    again = read(build(_nested(DEPTH_LIMIT, kind)))

    assert _written(model, prefix) == _nested(DEPTH_LIMIT, kind)
    assert json.loads(json.dumps(_written(model, prefix))) == _nested(DEPTH_LIMIT, kind)
    assert model == again
    assert hash(model) == hash(again)
    assert pickle.loads(pickle.dumps(model)) == model
    assert copy.deepcopy(model) == model


def test_deep_value_in_a_field_is_shown_shortly() -> None:
    deep_list = _nested(sys.getrecursionlimit() + 10, "array")
    deep_object = _nested(sys.getrecursionlimit() + 10, "object")
    shown_list = "[[[[...]]]] (array)"
    shown_object = "{'a': {'a': {'a': {...}}}} (object)"

    assert _error(APIKey.from_dict, {"type": "apiKey", "name": deep_list, "in": deep_object}) == "\n".join(
        [
            f"/name: expected a string, got {shown_list}",
            f"/in: expected one of 'query', 'header', 'cookie', got {shown_object}",
        ]
    )
    assert _error(OAuthFlowPassword.from_dict, {"tokenUrl": URL, "scopes": deep_object}) == (
        f"/scopes/a: expected a string (the scope's description), got {shown_object}"
    )
    with pytest.raises(TypeError) as raised:
        parse_security_scheme(deep_list)  # type: ignore[arg-type]
    assert str(raised.value) == f"parse_security_scheme() expects a mapping, got {shown_list}"


@pytest.mark.parametrize("kind", ["object", "array"])
def test_extension_at_depth_limit_round_trips_exactly(kind: str) -> None:
    data: dict[str, object] = {
        "type": "oauth2",
        "flows": {"implicit": {"authorizationUrl": URL, "scopes": {}, KEY: _nested(DEPTH_LIMIT, kind)}},
        KEY: _nested(DEPTH_LIMIT, kind),
    }

    assert OAuth2.from_dict(data).to_dict() == data


def test_deep_extensions_compare_by_json_rules() -> None:
    value = _nested(DEPTH_LIMIT - 1, "object")
    first = MutualTLS.from_dict({"type": "mutualTLS", KEY: [value, 1]})
    second = MutualTLS.from_dict({"type": "mutualTLS", KEY: [value, True]})

    assert first != second


# Cyclic structures given by a Python caller.


def _list_cycle() -> object:
    cycle: list[object] = []
    cycle.append(cycle)
    return cycle


def _dict_cycle() -> object:
    cycle: dict[str, object] = {}
    cycle["self"] = cycle
    return cycle


def _dict_cycle_twice() -> object:
    # Two references to itself make 2**100 paths to the depth limit; it must still be one error.
    cycle: dict[str, object] = {}
    cycle["left"] = cycle
    cycle["right"] = cycle
    return cycle


def _mutual_cycle() -> object:
    inner: list[object] = []
    outer = {"list": inner}
    inner.append(outer)
    return outer


CYCLES = [
    pytest.param(_list_cycle, "/0" * DEPTH_LIMIT, id="list"),
    pytest.param(_dict_cycle, "/self" * DEPTH_LIMIT, id="dict"),
    pytest.param(_dict_cycle_twice, "/left" * DEPTH_LIMIT, id="dict-twice"),
    pytest.param(_mutual_cycle, "/list/0" * (DEPTH_LIMIT // 2), id="dict-list"),
]


@hosts
@pytest.mark.parametrize(("make", "below"), CYCLES)
def test_extension_cycle_gets_one_error(
    read: Read, build: Build, prefix: str, make: Callable[[], object], below: str
) -> None:
    assert _error(read, build(make())) == f"{prefix}/{KEY}{below}: {TOO_DEEP}"


def test_input_containing_itself_is_rejected() -> None:
    data: dict[str, object] = {"type": "mutualTLS"}
    data[KEY] = data

    assert _error(parse_security_scheme, data) == f"/{KEY}{('/' + KEY) * DEPTH_LIMIT}: {TOO_DEEP}"


def test_flows_containing_themselves_are_rejected() -> None:
    flows: dict[str, object] = {}
    flows["implicit"] = flows

    assert _error(OAuth2.from_dict, {"type": "oauth2", "flows": flows}) == "\n".join(
        [
            f"/flows/implicit/implicit{'/implicit' * DEPTH_LIMIT}: {TOO_DEEP}",
            "/flows/implicit/authorizationUrl: missing required field, expected a string",
        ]
    )


def test_scopes_containing_themselves_are_rejected() -> None:
    scopes: dict[str, object] = {}
    scopes["read"] = scopes

    assert _error(OAuthFlowPassword.from_dict, {"tokenUrl": URL, "scopes": scopes}) == (
        "/scopes/read: expected a string (the scope's description), got"
        " {'read': {'read': {'read': {...}}}} (object)"
    )


def test_cyclic_non_mapping_raises_type_error() -> None:
    with pytest.raises(TypeError) as raised:
        parse_security_scheme(_list_cycle())  # type: ignore[arg-type]

    assert str(raised.value) == "parse_security_scheme() expects a mapping, got [[[[...]]]] (array)"


# Shared objects: every use counts, as YAML aliases make it.


def _laughs(kind: str) -> object:
    """Build a billion-laughs value: nine levels of ten references to the level below."""
    value: object = "lol"
    for _ in range(9):
        value = [value] * 10 if kind == "array" else {f"k{index}": value for index in range(10)}
    return value


@hosts
def test_billion_laughs_arrays_hit_node_limit(read: Read, build: Build, prefix: str) -> None:
    assert _error(read, build(_laughs("array"))) == f"{prefix}/{KEY}/0/0/0/8/9/9/9/7: {TOO_MANY_NODES}"


def test_billion_laughs_objects_hit_node_limit() -> None:
    data = {"type": "mutualTLS", KEY: _laughs("object")}

    assert _error(parse_security_scheme, data) == f"/{KEY}/k0/k0/k0/k8/k9/k9/k9/k7: {TOO_MANY_NODES}"
    assert _error(lambda extra: MutualTLS(extra=extra), {KEY: _laughs("object")}) == (
        f"/{KEY}/k0/k0/k0/k8/k9/k9/k9/k7: {TOO_MANY_NODES}"
    )


def test_shared_value_is_written_as_copies() -> None:
    shared = list(range(999))
    data: dict[str, object] = {"type": "mutualTLS", KEY: [shared] * 1000}  # 1,000 + 999,000 nodes

    model = parse_security_scheme(data)
    written = model.to_dict()

    copies: Any = written[KEY]
    assert copies[0] == shared
    assert copies[0] is not copies[1]
    copies[0].append("changed")
    assert copies[1] == shared
    assert model == parse_security_scheme(data)
    assert hash(model) == hash(parse_security_scheme(data))
    assert model.to_dict() == data


@pytest.mark.parametrize(
    ("size", "accepted"),
    [pytest.param(1_000_000, True, id="at-limit"), pytest.param(1_000_001, False, id="past-limit")],
)
def test_node_limit_boundary(size: int, accepted: bool) -> None:
    data: dict[str, object] = {"type": "mutualTLS", KEY: [0] * size}

    if accepted:
        assert parse_security_scheme(data).to_dict() == data
    else:
        assert _error(parse_security_scheme, data) == f"/{KEY}: {TOO_MANY_NODES}"


def test_node_limit_spans_one_call() -> None:
    quarter = [0] * 250_000
    flows = {
        key: {"authorizationUrl": URL, "tokenUrl": URL, "deviceAuthorizationUrl": URL, KEY: quarter}
        for key in ("implicit", "password", "clientCredentials", "authorizationCode", "deviceAuthorization")
    }

    message = _error(OAuthFlows.from_dict, flows)

    assert message.splitlines() == [
        "/deviceAuthorization/x-hostile: " + TOO_MANY_NODES,
    ]


@pytest.fixture
def yaml_module() -> Any:
    return pytest.importorskip("yaml", reason="PyYAML is not installed, and these tests load YAML text")


def _alias_bomb(first: str) -> str:
    """Write a YAML document whose extensions x-a to x-i each alias the one before nine times."""
    lines = ["type: mutualTLS", f"x-a: &a [{', '.join([first] * 9)}]"]
    names = "abcdefghi"
    for before, name in itertools.pairwise(names):
        lines.append(f"x-{name}: &{name} [{', '.join(['*' + before] * 9)}]")
    return "\n".join(lines) + "\n"


def test_yaml_alias_bomb_is_rejected_at_node_limit(yaml_module: Any) -> None:
    data = yaml_module.safe_load(_alias_bomb('"lol"'))

    assert _error(parse_security_scheme, data) == f"/x-g/0/4/8/3/1/5: {TOO_MANY_NODES}"


def test_yaml_bad_key_bomb_caps_problems(yaml_module: Any) -> None:
    text = "type: mutualTLS\nx-a: &a {1: one, 2: two}\n" + "".join(
        f"x-{name}: &{name} [{', '.join(['*' + before] * 10)}]\n"
        for before, name in itertools.pairwise("abcd")
    )
    data = yaml_module.safe_load(text)

    lines = _error(parse_security_scheme, data).splitlines()

    assert lines[:3] == [
        "/x-a/1: expected a string key, got 1 (integer)",
        "/x-a/2: expected a string key, got 2 (integer)",
        "/x-b/0/1: expected a string key, got 1 (integer)",
    ]
    assert len(lines) == 1001
    assert lines[-2] == "/x-d/3/8/8/2: expected a string key, got 2 (integer)"
    assert lines[-1] == f"/x-d/3/8/9/1: {TOO_MANY_PROBLEMS}"


def test_shared_bad_value_caps_problems() -> None:
    data = {"type": "mutualTLS", KEY: [{1}] * 5000}

    lines = _error(parse_security_scheme, data).splitlines()

    assert lines == [f"/{KEY}/{index}: expected a JSON value, got {{1}} (set)" for index in range(1000)] + [
        f"/{KEY}/1000: {TOO_MANY_PROBLEMS}"
    ]


def test_field_problems_are_not_capped() -> None:
    scopes = {f"scope{index}": index for index in range(5000)}

    lines = _error(OAuthFlowPassword.from_dict, {"tokenUrl": URL, "scopes": scopes}).splitlines()

    assert lines == [
        f"/scopes/scope{index}: expected a string (the scope's description), got {index} (integer)"
        for index in range(5000)
    ]


def test_walk_stops_at_first_limit() -> None:
    data = {"type": "mutualTLS", "x-first": _nested(DEPTH_LIMIT + 1, "array"), "x-second": {1}}

    assert _error(parse_security_scheme, data) == f"/x-first{'/0' * DEPTH_LIMIT}: {TOO_DEEP}"


# Comparing: one walk per comparison, by JSON rules.


def _calls_into_package(action: Callable[[], object]) -> int:
    """Count the Python function calls that ``action`` makes into the oauthflows package."""
    package = str(Path(oauthflows.__file__).parent)
    calls = 0

    def profile(frame: types.FrameType, event: str, argument: object) -> None:
        nonlocal calls
        if event == "call" and frame.f_code.co_filename.startswith(package):
            calls += 1

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return calls


def test_comparison_walks_each_node_once() -> None:
    value: object = "leaf"
    for _ in range(DEPTH_LIMIT - 1):
        value = {"next": value, "pad": list(range(100))}
    first = MutualTLS.from_dict({"type": "mutualTLS", KEY: value})
    second = MutualTLS.from_dict({"type": "mutualTLS", KEY: value})
    nodes = (DEPTH_LIMIT - 1) * (2 + 100)

    calls = _calls_into_package(lambda: first == second)

    assert first == second
    assert nodes < calls < 2 * nodes


def test_extra_equals_plain_lists() -> None:
    scheme = MutualTLS.from_dict({"type": "mutualTLS", KEY: {"list": [1, {"a": [True]}]}})

    assert scheme.extra == {KEY: {"list": [1, {"a": [True]}]}}
    assert scheme.extra != {KEY: {"list": [1, {"a": [1]}]}}
    assert scheme.extra != {KEY: {"list": [1.0, {"a": [True]}, None]}}


# Every field of every model given a wrong value of each type, all at once, at every level.

WRONG_VALUES: list[tuple[str, object, str]] = [
    ("null", None, "None (null)"),
    ("boolean", True, "True (boolean)"),
    ("integer", 7, "7 (integer)"),
    ("number", 2.5, "2.5 (number)"),
    ("string", "text", "'text' (string)"),
    ("array", ["a"], "['a'] (array)"),
    ("object", {"k": "v"}, "{'k': 'v'} (object)"),
    ("set", {"s"}, "{'s'} (set)"),
    ("nan", math.nan, "nan (number)"),
]

# The fields of each model by spec key, in spec order, with the kind of value each takes.
SPEC_FIELDS: dict[str, list[tuple[str, str]]] = {
    "APIKey": [("description", "string"), ("name", "string"), ("in", "in"), ("deprecated", "boolean")],
    "HTTPAuthentication": [
        ("description", "string"),
        ("scheme", "string"),
        ("bearerFormat", "string"),
        ("deprecated", "boolean"),
    ],
    "OAuth2": [
        ("description", "string"),
        ("flows", "OAuthFlows"),
        ("oauth2MetadataUrl", "string"),
        ("deprecated", "boolean"),
    ],
    "OpenIdConnect": [("description", "string"), ("openIdConnectUrl", "string"), ("deprecated", "boolean")],
    "MutualTLS": [("description", "string"), ("deprecated", "boolean")],
    "OAuthFlowImplicit": [("authorizationUrl", "string"), ("refreshUrl", "string"), ("scopes", "scopes")],
    "OAuthFlowPassword": [("tokenUrl", "string"), ("refreshUrl", "string"), ("scopes", "scopes")],
    "OAuthFlowClientCredentials": [("tokenUrl", "string"), ("refreshUrl", "string"), ("scopes", "scopes")],
    "OAuthFlowAuthorizationCode": [
        ("authorizationUrl", "string"),
        ("tokenUrl", "string"),
        ("refreshUrl", "string"),
        ("scopes", "scopes"),
    ],
    "OAuthFlowDeviceAuthorization": [
        ("deviceAuthorizationUrl", "string"),
        ("tokenUrl", "string"),
        ("refreshUrl", "string"),
        ("scopes", "scopes"),
    ],
    "OAuthFlows": [
        ("implicit", "OAuthFlowImplicit"),
        ("password", "OAuthFlowPassword"),
        ("clientCredentials", "OAuthFlowClientCredentials"),
        ("authorizationCode", "OAuthFlowAuthorizationCode"),
        ("deviceAuthorization", "OAuthFlowDeviceAuthorization"),
    ],
    "Reference": [("$ref", "string"), ("summary", "string"), ("description", "string")],
}

SCHEME_TYPE_OF = {
    "APIKey": "apiKey",
    "HTTPAuthentication": "http",
    "OAuth2": "oauth2",
    "OpenIdConnect": "openIdConnect",
    "MutualTLS": "mutualTLS",
}

FROM_DICT: dict[str, Read] = {
    "APIKey": APIKey.from_dict,
    "HTTPAuthentication": HTTPAuthentication.from_dict,
    "OAuth2": OAuth2.from_dict,
    "OpenIdConnect": OpenIdConnect.from_dict,
    "MutualTLS": MutualTLS.from_dict,
    "OAuthFlowImplicit": OAuthFlowImplicit.from_dict,
    "OAuthFlowPassword": OAuthFlowPassword.from_dict,
    "OAuthFlowClientCredentials": OAuthFlowClientCredentials.from_dict,
    "OAuthFlowAuthorizationCode": OAuthFlowAuthorizationCode.from_dict,
    "OAuthFlowDeviceAuthorization": OAuthFlowDeviceAuthorization.from_dict,
    "OAuthFlows": OAuthFlows.from_dict,
    "Reference": Reference.from_dict,
}


def _leaf_problem(kind: str, type_name: str, got: str) -> str | None:
    """Return the message that a wrong value gets in a string, boolean or ``in`` field, if any."""
    if kind == "string":
        return None if type_name == "string" else f"expected a string, got {got}"
    if kind == "boolean":
        return None if type_name == "boolean" else f"expected a boolean, got {got}"
    if type_name == "string":
        return "unknown API key location 'text', expected one of 'query', 'header', 'cookie'"
    return f"expected one of 'query', 'header', 'cookie', got {got}"


def _all_wrong(
    model: str, wrong: tuple[str, object, str], prefix: str, containers: bool
) -> tuple[dict[str, object], list[str]]:
    """Build input for ``model`` with every field wrong, and the error lines expected in order.

    With ``containers``, the flows, flow and scope-map fields get the wrong value itself. Without
    it, they get objects whose own fields get it, down to each scope's description.
    """
    type_name, value, got = wrong
    data: dict[str, object] = {}
    lines: list[str] = []
    for key, kind in SPEC_FIELDS[model]:
        path = f"{prefix}/{key}"
        if kind in ("string", "boolean", "in"):
            data[key] = value
            message = _leaf_problem(kind, type_name, got)
            if message is not None:
                lines.append(f"{path}: {message}")
        elif containers:
            data[key] = value
            if kind == "scopes":
                lines.append(f"{path}: expected an object mapping scope names to descriptions, got {got}")
            elif kind == "OAuthFlows":
                lines.append(f"{path}: expected an object of flows, got {got}")
            else:
                lines.append(f"{path}: expected an object (the {key} flow), got {got}")
        elif kind == "scopes":
            data[key] = {"read": value}
            if type_name != "string":
                lines.append(f"{path}/read: expected a string (the scope's description), got {got}")
        else:
            data[key], nested = _all_wrong(kind, wrong, path, containers)
            lines.extend(nested)
    return data, lines


def _all_wrong_cases() -> list[Any]:
    cases: list[Any] = []
    for wrong in WRONG_VALUES:
        type_name, value, got = wrong
        for containers in (False, True):
            if containers and type_name == "object":
                continue  # An object is the right type for a flows, flow or scopes field.
            level = "containers" if containers else "leaves"
            for model, read in FROM_DICT.items():
                if containers and not any(
                    kind[0].isupper() or kind == "scopes" for _, kind in SPEC_FIELDS[model]
                ):
                    continue  # No field of this model takes an object.
                data, lines = _all_wrong(model, wrong, "", containers)
                if model in SCHEME_TYPE_OF and type_name != "string":
                    data = {"type": value, **data}
                    lines.insert(0, f"/type: expected {SCHEME_TYPE_OF[model]!r}, got {got}")
                elif model in SCHEME_TYPE_OF:
                    data = {"type": SCHEME_TYPE_OF[model], **data}
                if not lines:
                    continue  # Every field of this model takes a string, so nothing is wrong.
                cases.append(pytest.param(read, data, lines, id=f"{model}-{level}-{type_name}"))
            data, lines = _all_wrong("OAuth2", wrong, "", containers)
            data = {"type": "oauth2", **data}
            cases.append(pytest.param(parse_security_scheme, data, lines, id=f"parse-{level}-{type_name}"))
    return cases


@pytest.mark.parametrize(("read", "data", "lines"), _all_wrong_cases())
def test_every_wrong_field_is_reported_in_one_error(
    read: Read, data: dict[str, object], lines: list[str]
) -> None:
    assert _error(read, data).splitlines() == lines


# The constructors' fields by attribute and spec key, in spec order, with the kind of value each takes.
CONSTRUCTOR_FIELDS: dict[str, tuple[Callable[..., object], list[tuple[str, str, str]]]] = {
    "APIKey": (
        APIKey,
        [
            ("description", "description", "optional string"),
            ("name", "name", "string"),
            ("in_", "in", "in"),
            ("deprecated", "deprecated", "optional boolean"),
        ],
    ),
    "HTTPAuthentication": (
        HTTPAuthentication,
        [
            ("description", "description", "optional string"),
            ("scheme", "scheme", "string"),
            ("bearer_format", "bearerFormat", "optional string"),
            ("deprecated", "deprecated", "optional boolean"),
        ],
    ),
    "OAuth2": (
        OAuth2,
        [
            ("description", "description", "optional string"),
            ("flows", "flows", "model OAuthFlows"),
            ("oauth2_metadata_url", "oauth2MetadataUrl", "optional string"),
            ("deprecated", "deprecated", "optional boolean"),
        ],
    ),
    "OpenIdConnect": (
        OpenIdConnect,
        [
            ("description", "description", "optional string"),
            ("open_id_connect_url", "openIdConnectUrl", "string"),
            ("deprecated", "deprecated", "optional boolean"),
        ],
    ),
    "MutualTLS": (
        MutualTLS,
        [("description", "description", "optional string"), ("deprecated", "deprecated", "optional boolean")],
    ),
    "OAuthFlowImplicit": (
        OAuthFlowImplicit,
        [
            ("authorization_url", "authorizationUrl", "string"),
            ("refresh_url", "refreshUrl", "optional string"),
            ("scopes", "scopes", "scopes"),
        ],
    ),
    "OAuthFlowPassword": (
        OAuthFlowPassword,
        [
            ("token_url", "tokenUrl", "string"),
            ("refresh_url", "refreshUrl", "optional string"),
            ("scopes", "scopes", "scopes"),
        ],
    ),
    "OAuthFlowClientCredentials": (
        OAuthFlowClientCredentials,
        [
            ("token_url", "tokenUrl", "string"),
            ("refresh_url", "refreshUrl", "optional string"),
            ("scopes", "scopes", "scopes"),
        ],
    ),
    "OAuthFlowAuthorizationCode": (
        OAuthFlowAuthorizationCode,
        [
            ("authorization_url", "authorizationUrl", "string"),
            ("token_url", "tokenUrl", "string"),
            ("refresh_url", "refreshUrl", "optional string"),
            ("scopes", "scopes", "scopes"),
        ],
    ),
    "OAuthFlowDeviceAuthorization": (
        OAuthFlowDeviceAuthorization,
        [
            ("device_authorization_url", "deviceAuthorizationUrl", "string"),
            ("token_url", "tokenUrl", "string"),
            ("refresh_url", "refreshUrl", "optional string"),
            ("scopes", "scopes", "scopes"),
        ],
    ),
    "OAuthFlows": (
        OAuthFlows,
        [
            ("implicit", "implicit", "optional model OAuthFlowImplicit"),
            ("password", "password", "optional model OAuthFlowPassword"),
            ("client_credentials", "clientCredentials", "optional model OAuthFlowClientCredentials"),
            ("authorization_code", "authorizationCode", "optional model OAuthFlowAuthorizationCode"),
            ("device_authorization", "deviceAuthorization", "optional model OAuthFlowDeviceAuthorization"),
        ],
    ),
    "Reference": (
        Reference,
        [
            ("ref", "$ref", "string"),
            ("summary", "summary", "optional string"),
            ("description", "description", "optional string"),
        ],
    ),
}


def _constructor_problem(kind: str, type_name: str, got: str) -> str | None:
    """Return the message that a constructor gives a wrong value in a field of ``kind``, if any."""
    if kind.startswith("optional ") and type_name == "null":
        return None  # None leaves an optional field unset.
    kind = kind.removeprefix("optional ")
    if kind.startswith("model "):
        name = kind.removeprefix("model ")
        return f"expected {name}, got {got} (build it with {name}.from_dict)"
    if kind == "scopes":
        return (
            None
            if type_name == "object"
            else f"expected an object mapping scope names to descriptions, got {got}"
        )
    return _leaf_problem(kind, type_name, got)


def _constructor_cases() -> list[Any]:
    cases: list[Any] = []
    for type_name, value, got in WRONG_VALUES:
        for model, (build, fields) in CONSTRUCTOR_FIELDS.items():
            arguments: dict[str, object] = {}
            lines: list[str] = []
            for attribute, key, kind in fields:
                arguments[attribute] = value
                message = _constructor_problem(kind, type_name, got)
                if message is not None:
                    lines.append(f"/{key}: {message}")
            arguments["extra"] = value
            if type_name != "object":
                lines.append(f"/extra: expected a mapping of extra keys, got {got}")
            cases.append(pytest.param(build, arguments, lines, id=f"{model}-{type_name}"))
    return cases


@pytest.mark.parametrize(("build", "arguments", "lines"), _constructor_cases())
def test_every_wrong_argument_is_reported_in_one_error(
    build: Callable[..., object], arguments: dict[str, object], lines: list[str]
) -> None:
    with pytest.raises(ValidationError) as raised:
        build(**arguments)

    assert str(raised.value).splitlines() == lines


# Keys that are not strings.


class _BrokenText:
    """An object whose __str__ and __repr__ raise, as a caller's buggy class may."""

    def __str__(self) -> str:
        raise RuntimeError("no text")

    def __repr__(self) -> str:
        raise RuntimeError("no repr")


class _Shout(str):
    """A str subclass whose __str__ shows other text than the string holds."""

    __slots__ = ()

    def __str__(self) -> str:
        return self.upper()

    def __repr__(self) -> str:
        return f"_Shout({str.__repr__(self)})"


def test_yaml_non_string_keys_are_rejected(yaml_module: Any) -> None:
    text = """\
type: oauth2
flows:
  password:
    tokenUrl: /token
    scopes:
      1: first scope
      read: yes
7: seven
x-map:
  2024-01-01: released
  null: nothing
  1.5: half
  true: flag
"""
    data = yaml_module.safe_load(text)

    assert _error(parse_security_scheme, data) == "\n".join(
        [
            "/flows/password/scopes/1: expected a string key (a scope name), got 1 (integer)",
            "/flows/password/scopes/read: expected a string (the scope's description), got True (boolean)",
            "/7: expected a string key, got 7 (integer)",
            "/x-map/2024-01-01: expected a string key, got datetime.date(2024, 1, 1) (date)",
            "/x-map/None: expected a string key, got None (null)",
            "/x-map/1.5: expected a string key, got 1.5 (number)",
            "/x-map/True: expected a string key, got True (boolean)",
        ]
    )


@pytest.mark.parametrize(
    ("key", "token", "shown"),
    [
        pytest.param(1, "1", "1 (integer)", id="int"),
        pytest.param(b"x-bytes", "b'x-bytes'", "b'x-bytes' (bytes)", id="bytes"),
        pytest.param((1, "a/b"), "(1, 'a~1b')", "(1, 'a/b') (array)", id="tuple"),
        pytest.param(frozenset({"x"}), "frozenset({'x'})", "frozenset({'x'}) (frozenset)", id="frozenset"),
        pytest.param(float("nan"), "nan", "nan (number)", id="nan"),
        pytest.param(decimal.Decimal("1.5"), "1.5", "Decimal('1.5') (Decimal)", id="decimal"),
    ],
)
def test_non_string_key_is_rejected_everywhere(key: object, token: str, shown: str) -> None:
    data: dict[object, object] = {
        "type": "oauth2",
        "flows": {"implicit": {"authorizationUrl": URL, "scopes": {key: "scope"}, key: 1}, key: 2},
        KEY: {key: 3},
        key: 4,
    }

    assert _error(parse_security_scheme, data) == "\n".join(
        [
            f"/flows/implicit/scopes/{token}: expected a string key (a scope name), got {shown}",
            f"/flows/implicit/{token}: expected a string key, got {shown}",
            f"/flows/{token}: expected a string key, got {shown}",
            f"/{KEY}/{token}: expected a string key, got {shown}",
            f"/{token}: expected a string key, got {shown}",
        ]
    )


def test_key_whose_str_and_repr_raise_is_rejected() -> None:
    key = _BrokenText()
    data: dict[object, object] = {"type": "mutualTLS", key: 1, KEY: {key: 2}}

    shown = f"<_BrokenText instance at {id(key):#x}> (_BrokenText)"
    assert _error(parse_security_scheme, data) == "\n".join(
        [
            f"/<_BrokenText object>: expected a string key, got {shown}",
            f"/{KEY}/<_BrokenText object>: expected a string key, got {shown}",
        ]
    )


def test_str_subclass_key_is_shown_by_its_text() -> None:
    key = _Shout("read/all")
    data = {"tokenUrl": URL, "scopes": {key: 5}, KEY: {key: {1}}}

    assert _error(OAuthFlowPassword.from_dict, data) == "\n".join(
        [
            "/scopes/read~1all: expected a string (the scope's description), got 5 (integer)",
            f"/{KEY}/read~1all: expected a JSON value, got {{1}} (set)",
        ]
    )


def test_str_subclass_key_is_kept_as_plain_string() -> None:
    key = _Shout("x-note")

    flow = OAuthFlowPassword.from_dict(
        {"tokenUrl": URL, "scopes": {_Shout("read"): "Read"}, key: {_Shout("a"): 1}}
    )

    written = flow.to_dict()
    assert written == {"tokenUrl": URL, "scopes": {"read": "Read"}, "x-note": {"a": 1}}
    assert [type(name) for name in written] == [str, str, str]
    assert [type(name) for name in flow.scopes] == [str]
    assert [type(name) for name in written["x-note"]] == [str]  # type: ignore[union-attr]


# Values that are not JSON.


class _Opaque:
    __slots__ = ()


class _BrokenEquality:
    """An object that cannot be compared or hashed."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("no equality")

    def __hash__(self) -> int:
        raise RuntimeError("no hash")

    def __repr__(self) -> str:
        return "_BrokenEquality()"


def _generator() -> Iterator[int]:
    yield 1


NOT_JSON: list[Any] = [
    pytest.param({1, 2}, "{1, 2} (set)", id="set"),
    pytest.param(frozenset({"a"}), "frozenset({'a'}) (frozenset)", id="frozenset"),
    pytest.param(b"token", "b'token' (bytes)", id="bytes"),
    pytest.param(bytearray(b"token"), "bytearray(b'token') (bytearray)", id="bytearray"),
    pytest.param(complex(1, 2), "(1+2j) (complex)", id="complex"),
    pytest.param(decimal.Decimal("1.5"), "Decimal('1.5') (Decimal)", id="decimal"),
    pytest.param(fractions.Fraction(1, 3), "Fraction(1, 3) (Fraction)", id="fraction"),
    pytest.param(datetime.date(2024, 1, 1), "datetime.date(2024, 1, 1) (date)", id="date"),
    pytest.param(range(3), "range(0, 3) (range)", id="range"),
    pytest.param(_BrokenEquality(), "_BrokenEquality() (_BrokenEquality)", id="broken-equality"),
    pytest.param(type, "<class 'type'> (type)", id="class"),
]


@pytest.mark.parametrize(("value", "shown"), NOT_JSON)
def test_non_json_value_is_rejected_everywhere(value: object, shown: str) -> None:
    data = {
        "type": "oauth2",
        "description": value,
        "flows": {"password": {"tokenUrl": value, "scopes": {"read": value}, KEY: [1, {"a": value}]}},
        "deprecated": value,
        KEY: value,
    }

    assert _error(parse_security_scheme, data) == "\n".join(
        [
            f"/description: expected a string, got {shown}",
            f"/flows/password/tokenUrl: expected a string, got {shown}",
            f"/flows/password/scopes/read: expected a string (the scope's description), got {shown}",
            f"/flows/password/{KEY}/1/a: expected a JSON value, got {shown}",
            f"/deprecated: expected a boolean, got {shown}",
            f"/{KEY}: expected a JSON value, got {shown}",
        ]
    )


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        pytest.param(_Opaque, "_Opaque", id="object"),
        pytest.param(_BrokenText, "_BrokenText", id="broken-repr"),
        pytest.param(_generator, "generator", id="generator"),
    ],
)
def test_value_shown_by_identity_is_rejected(make: Callable[[], object], kind: str) -> None:
    value = make()
    data = {"type": "apiKey", "name": value, "in": value, KEY: value}

    message = _error(APIKey.from_dict, data)

    # reprlib shows an object whose __repr__ raises by its class and id.
    shown = f"<{kind} instance at {id(value):#x}>" if kind == "_BrokenText" else repr(value)
    assert message == "\n".join(
        [
            f"/name: expected a string, got {shown} ({kind})",
            f"/in: expected one of 'query', 'header', 'cookie', got {shown} ({kind})",
            f"/{KEY}: expected a JSON value, got {shown} ({kind})",
        ]
    )


def test_type_that_cannot_be_compared_is_rejected() -> None:
    data = {"type": _BrokenEquality(), "name": "k", "in": "query"}

    assert (
        _error(APIKey.from_dict, data) == "/type: expected 'apiKey', got _BrokenEquality() (_BrokenEquality)"
    )
    assert _error(parse_security_scheme, data) == (
        "/type: expected one of 'apiKey', 'http', 'mutualTLS', 'oauth2', 'openIdConnect',"
        " got _BrokenEquality() (_BrokenEquality)"
    )


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf], ids=["nan", "infinity", "minus-infinity"])
def test_nan_and_infinity_are_rejected_everywhere(number: float) -> None:
    shown = f"{number!r} (number)"
    data = {
        "type": "oauth2",
        "flows": {"implicit": {"authorizationUrl": number, "scopes": {"read": number}}},
        "deprecated": number,
        KEY: [number, {"a": number}, {number: 1}],
        "x-top": number,
    }
    not_json = f"expected a JSON value, got {shown}: JSON has no NaN or infinity"

    assert _error(parse_security_scheme, data) == "\n".join(
        [
            f"/flows/implicit/authorizationUrl: expected a string, got {shown}",
            f"/flows/implicit/scopes/read: expected a string (the scope's description), got {shown}",
            f"/deprecated: expected a boolean, got {shown}",
            f"/{KEY}/0: {not_json}",
            f"/{KEY}/1/a: {not_json}",
            f"/{KEY}/2/{number!r}: expected a string key, got {shown}",
            f"/x-top: {not_json}",
        ]
    )


def test_nan_and_infinity_are_rejected_by_constructors() -> None:
    with pytest.raises(ValidationError) as raised:
        MutualTLS(extra={"x-a": math.nan, "x-b": (math.inf,)})

    assert str(raised.value) == "\n".join(
        [
            "/x-a: expected a JSON value, got nan (number): JSON has no NaN or infinity",
            "/x-b/0: expected a JSON value, got inf (number): JSON has no NaN or infinity",
        ]
    )


# Subclasses of str, int, float, tuple and dict, and other mappings.


class _Color(enum.IntEnum):
    RED = 1


class _Kind(str, enum.Enum):
    OAUTH2 = "oauth2"
    MISCASED = "OAuth2"


class _Location(str, enum.Enum):
    HEADER = "header"


class _Ratio(float):
    __slots__ = ()

    def __repr__(self) -> str:
        return "_Ratio()"


def test_int_enum_extension_is_written_as_plain_int() -> None:
    scheme = MutualTLS.from_dict({"type": "mutualTLS", KEY: [_Color.RED, {"a": _Color.RED}]})

    written = scheme.to_dict()
    assert written == {"type": "mutualTLS", KEY: [1, {"a": 1}]}
    assert json.dumps(written) == '{"type": "mutualTLS", "x-hostile": [1, {"a": 1}]}'
    assert scheme == MutualTLS.from_dict({"type": "mutualTLS", KEY: [1, {"a": 1}]})


# Python writes an integer as text only up to a number of digits (4,300 by default), and json.dumps
# and repr() raise past it, so a model must not hold a longer one.

_LIMIT_SETTABLE = pytest.mark.skipif(
    not hasattr(sys, "set_int_max_str_digits"), reason="this Python has no limit on the digits of integers"
)


@_LIMIT_SETTABLE
@pytest.mark.parametrize(
    ("extension", "path"),
    [
        pytest.param(10**4300, f"/{KEY}", id="value"),
        pytest.param([1, {"a": 10**4300}], f"/{KEY}/1/a", id="nested"),
        pytest.param([_Color.RED, -(10**5000)], f"/{KEY}/1", id="negative-beside-enum"),
    ],
)
def test_integer_too_long_for_text_is_rejected(extension: object, path: str) -> None:
    digits = "4,301" if path != f"/{KEY}/1" else "5,001"
    message = (
        f"{path}: expected an integer that Python can write as text, got one of about {digits} digits,"
        " over the limit of 4,300 (sys.set_int_max_str_digits raises it)"
    )

    assert _error(MutualTLS.from_dict, {"type": "mutualTLS", KEY: extension}) == message
    assert _error(lambda data: MutualTLS(extra=data), {KEY: extension}) == message


@_LIMIT_SETTABLE
def test_integer_at_digit_limit_round_trips() -> None:
    data = {"type": "mutualTLS", KEY: [10**4299, -(10**4299)]}

    scheme = MutualTLS.from_dict(data)

    assert scheme.to_dict() == data
    assert json.loads(json.dumps(scheme.to_dict())) == data
    assert repr(scheme).startswith("MutualTLS(")


@_LIMIT_SETTABLE
def test_integer_limit_follows_interpreter_setting() -> None:
    data = {"type": "mutualTLS", KEY: 10**5000}
    previous = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        scheme = MutualTLS.from_dict(data)
        written = json.dumps(scheme.to_dict())
    finally:
        sys.set_int_max_str_digits(previous)

    assert scheme.extra[KEY] == 10**5000
    assert len(written) > 5000


def test_int_enum_is_not_a_boolean_or_string() -> None:
    data = {"type": "apiKey", "name": _Color.RED, "in": "query", "deprecated": _Color.RED}

    assert _error(APIKey.from_dict, data) == "\n".join(
        [
            "/name: expected a string, got <_Color.RED: 1> (_Color)",
            "/deprecated: expected a boolean, got <_Color.RED: 1> (_Color)",
        ]
    )


def test_float_subclass_extension_is_written_as_plain_float() -> None:
    scheme = MutualTLS(extra={KEY: _Ratio(0.5)})

    written = scheme.to_dict()[KEY]
    assert type(written) is float
    assert written == 0.5


def test_str_subclass_fields_are_stored_by_their_text() -> None:
    flow = OAuthFlowAuthorizationCode(
        authorization_url=_Shout("/authorize"),
        token_url=_Shout("/token"),
        refresh_url=_Shout("/refresh"),
        scopes={"read": _Shout("Read data")},
        extra={KEY: _Shout("note")},
    )

    written = flow.to_dict()
    assert written == {
        "authorizationUrl": "/authorize",
        "tokenUrl": "/token",
        "refreshUrl": "/refresh",
        "scopes": {"read": "Read data"},
        KEY: "note",
    }
    assert {type(value) for value in (flow.authorization_url, flow.token_url, flow.refresh_url)} == {str}
    assert type(flow.scopes["read"]) is str
    assert type(written[KEY]) is str
    assert flow == OAuthFlowAuthorizationCode.from_dict(written)


@pytest.mark.parametrize(
    "read", [OAuth2.from_dict, parse_security_scheme], ids=["OAuth2", "parse_security_scheme"]
)
def test_str_enum_type_is_read_by_its_text(read: Read) -> None:
    scheme = read({"type": _Kind.OAUTH2, "flows": {}})

    assert isinstance(scheme, OAuth2)
    assert scheme.to_dict() == {"type": "oauth2", "flows": {}}
    assert type(scheme.to_dict()["type"]) is str


def test_str_enum_type_miscased_shows_text() -> None:
    data: dict[str, object] = {"type": _Kind.MISCASED, "flows": {}}

    assert (
        _error(OAuth2.from_dict, data)
        == "/type: unknown security scheme type 'OAuth2', did you mean 'oauth2'?"
    )
    assert (
        _error(parse_security_scheme, data)
        == "/type: unknown security scheme type 'OAuth2', did you mean 'oauth2'?"
    )
    assert _error(APIKey.from_dict, {"type": _Kind.OAUTH2}) == (
        "/type: expected 'apiKey', got 'oauth2' (read it with OAuth2 or parse_security_scheme)"
    )


def test_str_enum_location_is_stored_as_plain_string() -> None:
    from_dict = APIKey.from_dict({"type": "apiKey", "name": "k", "in": _Location.HEADER})
    built = APIKey(name="k", in_=_Location.HEADER)  # type: ignore[arg-type]

    assert from_dict.in_ == "header"
    assert [type(from_dict.in_), type(built.in_)] == [str, str]
    assert from_dict == built


class _Point(NamedTuple):
    x: int
    y: int


def test_named_tuple_extension_is_written_as_array() -> None:
    written = MutualTLS(extra={KEY: _Point(1, 2)}).to_dict()

    assert written == {"type": "mutualTLS", KEY: [1, 2]}
    assert type(written[KEY]) is list


class _ReadOnlyMapping(Mapping[object, object]):
    """A caller's own Mapping, not a dict."""

    def __init__(self, data: dict[object, object]) -> None:
        self._data = data

    def __getitem__(self, key: object) -> object:
        return self._data[key]

    def __iter__(self) -> Iterator[object]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def _default_dict(data: dict[object, object]) -> collections.defaultdict[object, object]:
    return collections.defaultdict(list, data)


MAPPING_KINDS: list[Any] = [
    pytest.param(collections.OrderedDict, id="OrderedDict"),
    pytest.param(types.MappingProxyType, id="MappingProxyType"),
    pytest.param(_default_dict, id="defaultdict"),
    pytest.param(collections.ChainMap, id="ChainMap"),
    pytest.param(collections.UserDict, id="UserDict"),
    pytest.param(_ReadOnlyMapping, id="own-Mapping"),
]


@pytest.mark.parametrize("wrap", MAPPING_KINDS)
def test_other_mappings_read_as_objects(
    wrap: Callable[[dict[Any, Any]], Mapping[Any, Any]],
) -> None:
    plain: dict[str, object] = {
        "type": "oauth2",
        "flows": {
            "password": {
                "tokenUrl": URL,
                "scopes": {"read": "Read", "write": "Write"},
                KEY: {"b": 1, "a": [2]},
            }
        },
        KEY: {"z": {"y": None}},
    }
    wrapped = wrap(
        {
            "type": "oauth2",
            "flows": wrap(
                {
                    "password": wrap(
                        {
                            "tokenUrl": URL,
                            "scopes": wrap({"read": "Read", "write": "Write"}),
                            KEY: wrap({"b": 1, "a": [2]}),
                        }
                    )
                }
            ),
            KEY: wrap({"z": wrap({"y": None})}),
        }
    )

    scheme = parse_security_scheme(wrapped)
    written: Any = scheme.to_dict()

    assert written == plain
    assert list(written[KEY]) == ["z"]
    assert list(written["flows"]["password"][KEY]) == ["b", "a"]
    assert type(written["flows"]["password"][KEY]) is dict
    assert type(written["flows"]["password"]["scopes"]) is dict
    assert scheme == parse_security_scheme(plain)
    assert hash(scheme) == hash(parse_security_scheme(plain))


def test_defaultdict_argument_does_not_grow() -> None:
    data: collections.defaultdict[str, object] = collections.defaultdict(list, {"type": "mutualTLS"})

    MutualTLS.from_dict(data)

    assert dict(data) == {"type": "mutualTLS"}


class _LyingList(list[object]):
    """A list that reports no items, so that a count by len() misses all of them."""

    def __len__(self) -> int:
        return 0


class _EndlessList(list[object]):
    """A list whose iteration never ends."""

    def __iter__(self) -> Iterator[object]:
        return itertools.repeat("again")


class _LyingMapping(dict[object, object]):
    """A dict subclass that reports no members."""

    def __len__(self) -> int:
        return 0


def _lying_laughs(kind: type[list[object]] | type[dict[object, object]]) -> object:
    value: object = "lol"
    for _ in range(9):
        if kind is _LyingMapping:
            value = _LyingMapping({f"k{index}": value for index in range(10)})
        else:
            value = _LyingList([value] * 10)
    return value


@pytest.mark.parametrize(
    ("value", "below"),
    [
        pytest.param(_lying_laughs(_LyingList), "/0/0/0/8/9/9/9/7", id="lying-list"),
        pytest.param(_lying_laughs(_LyingMapping), "/k0/k0/k0/k8/k9/k9/k9/k7", id="lying-mapping"),
        pytest.param(_EndlessList(), "", id="endless-list"),
    ],
)
def test_container_subclass_cannot_evade_node_limit(value: object, below: str) -> None:
    expected = f"/{KEY}{below}: {TOO_MANY_NODES}"

    assert _error(MutualTLS.from_dict, {"type": "mutualTLS", KEY: value}) == expected
    assert _error(lambda extra: MutualTLS(extra=extra), {KEY: value}) == expected


# Large input: huge scope maps and multi-megabyte strings.


def test_scope_map_of_100000_entries_round_trips() -> None:
    scopes = {f"scope:{index}": f"Scope number {index}" for index in range(100_000)}
    data: dict[str, object] = {
        "type": "oauth2",
        "flows": {"clientCredentials": {"tokenUrl": URL, "scopes": scopes}},
    }

    scheme = OAuth2.from_dict(data)
    again = OAuth2.from_dict(data)

    assert scheme.to_dict() == data
    assert scheme == again
    assert hash(scheme) == hash(again)
    changed = dict(scopes, **{"scope:99999": "Another description"})
    assert scheme != OAuth2.from_dict(
        {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": URL, "scopes": changed}}}
    )


def test_scope_map_of_100000_bad_entries_reports_each() -> None:
    scopes: dict[object, object] = {index: f"Scope {index}" for index in range(100_000)}

    lines = _error(OAuthFlowClientCredentials.from_dict, {"tokenUrl": URL, "scopes": scopes}).splitlines()

    assert lines == [
        f"/scopes/{index}: expected a string key (a scope name), got {index} (integer)"
        for index in range(100_000)
    ]


MEGABYTES = 8 * 1024 * 1024


def test_multi_megabyte_strings_round_trip() -> None:
    text = "a" * MEGABYTES
    data: dict[str, object] = {
        "type": "oauth2",
        "description": text,
        "flows": {"implicit": {"authorizationUrl": "/" + text, "scopes": {text: text}, "x-" + text: [text]}},
        "x-big": {text: text},
    }

    scheme = parse_security_scheme(data)

    assert scheme.to_dict() == data
    assert scheme == parse_security_scheme(data)
    assert len(json.dumps(scheme.to_dict())) > 7 * MEGABYTES


def test_multi_megabyte_wrong_value_is_shortened() -> None:
    data = {
        "type": "apiKey",
        "name": "k",
        "in": "query",
        "deprecated": "y" * MEGABYTES,
        KEY: {b"z" * MEGABYTES},
    }

    assert _error(APIKey.from_dict, data) == "\n".join(
        [
            "/deprecated: expected a boolean, got '" + "y" * 27 + "..." + "y" * 28 + "' (string)",
            f"/{KEY}: expected a JSON value, got {{b'zzzzzzzzzzzzzzzzzzzzzzzzzz...zzzzzzzzzzzzzzzzzzzzzzzzzzzz'}} (set)",
        ]
    )
