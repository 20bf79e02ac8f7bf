"""Hypothesis strategies: valid Security Scheme Objects and their parts, and input that is not valid.

The valid objects come in the order ``to_dict()`` writes: spec keys in the
specification's order, then extra keys. Their extra keys are extensions
(``x-…``), fields of other objects and other text, never a key that the
object models.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, cast

from hypothesis import strategies as st

JSONObject = dict[str, object]

# JSON numbers as json.loads gives them back unchanged. Python refuses to write an int of more
# than 4,300 digits as text by default, so stay far below that.
json_scalars: st.SearchStrategy[object] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)

json_values: st.SearchStrategy[object] = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=6), children, max_size=4),
    ),
    max_leaves=10,
)
"""Any JSON value, as json.loads returns it."""

urls: st.SearchStrategy[str] = st.one_of(
    st.sampled_from(
        [
            "https://auth.example.com/oauth/token",
            "http://localhost:8080/authorize",
            "/oauth/device",
            "token",
            "",
        ]
    ),
    st.text(max_size=30),
)
"""URL fields: absolute and relative references, stored exactly as given, so any string."""

scope_maps: st.SearchStrategy[dict[str, str]] = st.dictionaries(
    st.text(max_size=10), st.text(max_size=20), max_size=5
)

# Every key that some object of the models names, so that extra keys include fields of other objects.
SPEC_KEYS = (
    "type",
    "description",
    "name",
    "in",
    "scheme",
    "bearerFormat",
    "flows",
    "oauth2MetadataUrl",
    "openIdConnectUrl",
    "deprecated",
    "implicit",
    "password",
    "clientCredentials",
    "authorizationCode",
    "deviceAuthorization",
    "authorizationUrl",
    "deviceAuthorizationUrl",
    "tokenUrl",
    "refreshUrl",
    "scopes",
    "$ref",
    "summary",
)

extra_keys: st.SearchStrategy[str] = st.one_of(
    st.text(max_size=10).map(lambda text: "x-" + text),
    st.sampled_from(SPEC_KEYS),
    st.text(max_size=10),
)


def extras(modelled: frozenset[str]) -> st.SearchStrategy[JSONObject]:
    """Generate the extra keys of an object that models the keys ``modelled``."""
    keys = extra_keys.filter(lambda key: key not in modelled)
    return st.dictionaries(keys, json_values, max_size=3)


Field = tuple[str, st.SearchStrategy[object], bool]
"""A spec key, the strategy of its value, and whether the key is required."""


def spec_object(fields: Sequence[Field], modelled: frozenset[str]) -> st.SearchStrategy[JSONObject]:
    """Generate a JSON object with ``fields`` in their order, optional ones sometimes absent, then extras."""

    @st.composite
    def build(draw: st.DrawFn) -> JSONObject:
        data: JSONObject = {}
        for key, strategy, required in fields:
            if required or draw(st.booleans()):
                data[key] = draw(strategy)
        for key, value in draw(extras(modelled)).items():
            data[key] = value
        return data

    return build()


def _flow(*url_keys: str) -> st.SearchStrategy[JSONObject]:
    fields: list[Field] = [(key, urls, True) for key in url_keys]
    fields += [("refreshUrl", urls, False), ("scopes", scope_maps, True)]
    return spec_object(fields, frozenset([*url_keys, "refreshUrl", "scopes"]))


FLOW_URLS: dict[str, tuple[str, ...]] = {
    "implicit": ("authorizationUrl",),
    "password": ("tokenUrl",),
    "clientCredentials": ("tokenUrl",),
    "authorizationCode": ("authorizationUrl", "tokenUrl"),
    "deviceAuthorization": ("deviceAuthorizationUrl", "tokenUrl"),
}
"""The required URL fields of each flow of the OAuth Flows Object, in spec order."""

flow_objects: dict[str, st.SearchStrategy[JSONObject]] = {
    key: _flow(*urls) for key, urls in FLOW_URLS.items()
}
"""Each OAuth Flow Object, by its key in the OAuth Flows Object."""

flows_objects = spec_object(
    [(key, strategy, False) for key, strategy in flow_objects.items()], frozenset(flow_objects)
)
"""OAuth Flows Objects, with any of the five flows."""

_COMMON_HEAD: list[Field] = [("description", st.text(max_size=20), False)]
_COMMON_TAIL: list[Field] = [("deprecated", st.booleans(), False)]


def _scheme(kind: str, fields: list[Field]) -> st.SearchStrategy[JSONObject]:
    all_fields = [("type", st.just(kind), True), *_COMMON_HEAD, *fields, *_COMMON_TAIL]
    return spec_object(all_fields, frozenset(key for key, _, _ in all_fields))


scheme_objects: dict[str, st.SearchStrategy[JSONObject]] = {
    "apiKey": _scheme(
        "apiKey",
        [("name", st.text(max_size=10), True), ("in", st.sampled_from(["query", "header", "cookie"]), True)],
    ),
    "http": _scheme(
        "http",
        [
            ("scheme", st.sampled_from(["basic", "bearer", "Bearer", "digest"]) | st.text(max_size=8), True),
            ("bearerFormat", st.text(max_size=8), False),
        ],
    ),
    "oauth2": _scheme("oauth2", [("flows", flows_objects, True), ("oauth2MetadataUrl", urls, False)]),
    "openIdConnect": _scheme("openIdConnect", [("openIdConnectUrl", urls, True)]),
    "mutualTLS": _scheme("mutualTLS", []),
}
"""Each Security Scheme Object, by its ``type``."""

any_scheme: st.SearchStrategy[JSONObject] = st.one_of(*scheme_objects.values())
"""A Security Scheme Object of any type."""

references = spec_object(
    [
        ("$ref", st.sampled_from(["#/components/securitySchemes/main", "other.yaml#/x"]) | st.text(), True),
        ("summary", st.text(max_size=10), False),
        ("description", st.text(max_size=10), False),
    ],
    frozenset({"$ref", "summary", "description"}),
)
"""Reference Objects, with the keys beside ``$ref`` that the specification ignores."""


# Input that is not valid.


class Opaque:
    """An object that is no JSON value, with a repr that is the same in every run."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "Opaque()"


class Shout(str):
    """A str subclass whose __str__ shows other text than the string holds."""

    __slots__ = ()

    def __str__(self) -> str:
        return self.upper()


not_json: st.SearchStrategy[object] = st.one_of(
    st.sets(st.integers(0, 3), max_size=2),
    st.binary(max_size=3),
    st.sampled_from([math.nan, math.inf, -math.inf]),
    st.builds(Opaque),
    st.complex_numbers(allow_nan=False, allow_infinity=False, max_magnitude=10),
)
"""Python values that JSON cannot express."""

hostile_keys: st.SearchStrategy[object] = st.one_of(
    st.sampled_from(SPEC_KEYS),
    st.text(max_size=6),
    st.text(max_size=6).map(Shout),
    st.integers(-2, 2),
    st.none(),
    st.booleans(),
    st.just(1.5),
    st.tuples(st.integers(0, 1)),
)
"""Keys that YAML or a Python caller may give: spec keys, text, str subclasses and non-strings."""

hostile_scalars: st.SearchStrategy[object] = st.one_of(
    json_scalars, not_json, st.text(max_size=6).map(Shout), st.sampled_from(list(scheme_objects))
)

hostile_values: st.SearchStrategy[object] = st.recursive(
    hostile_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.lists(children, max_size=3).map(tuple),
        st.dictionaries(hostile_keys, children, max_size=5),
    ),
    max_leaves=15,
)
"""Anything a caller may pass: JSON and non-JSON values, nested, under any keys."""

hostile_mappings: st.SearchStrategy[dict[object, object]] = st.dictionaries(
    hostile_keys, hostile_values, max_size=8
)
"""Mappings of spec keys and other keys to any values, the argument that from_dict may be given."""


@st.composite
def broken(draw: st.DrawFn, valid: st.SearchStrategy[JSONObject]) -> dict[object, object]:
    """Break a valid object: in one nested object, set, add or remove a key.

    Changes near the valid shape reach the readers of nested flows and scopes, where
    random mappings rarely get.
    """
    data: Any = draw(valid)
    path: list[object] = []
    node: Any = data
    while True:
        nested = [key for key, value in node.items() if isinstance(value, dict)]
        if not nested or draw(st.booleans()):
            break
        key = draw(st.sampled_from(nested))
        path.append(key)
        node = node[key]

    action = draw(st.sampled_from(["set", "add", "remove"]))
    if action == "remove" and node:
        del node[draw(st.sampled_from(list(node)))]
    elif action == "set" and node:
        node[draw(st.sampled_from(list(node)))] = draw(hostile_values)
    else:
        node[draw(hostile_keys)] = draw(hostile_values)
    result: dict[object, object] = data
    return result


def json_canonical(value: object) -> object:
    """Return a form of a JSON value whose == is JSON's: ``true`` is not ``1``, ``1`` is ``1.0``."""
    if isinstance(value, bool):
        return ("boolean", value)
    if isinstance(value, dict):
        members = cast("dict[str, object]", value)
        return {key: json_canonical(item) for key, item in members.items()}
    if isinstance(value, (list, tuple)):
        items = cast("Sequence[object]", value)
        return tuple(json_canonical(item) for item in items)
    return value


def reorder(value: object, choose: Callable[[list[str]], list[str]]) -> object:
    """Return a copy of a JSON value with the keys of every object in the order ``choose`` gives."""
    if isinstance(value, dict):
        members = cast("dict[str, object]", value)
        return {key: reorder(members[key], choose) for key in choose(list(members))}
    if isinstance(value, list):
        items = cast("list[object]", value)
        return [reorder(item, choose) for item in items]
    return value
