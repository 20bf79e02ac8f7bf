"""The floor of the design: the least time and memory a pure-Python reader of the typical payload needs.

The contract requires every reader to check the exact type of each value, to
copy what it keeps so that the caller's later changes cannot reach the
model, and to keep every extension. This module times that work step by
step, each step in the cheapest Python found, and times one reader with
every step written out in a single function. The results page sets both
beside ``OAuth2.from_dict`` and FastAPI's ``OAuth2.model_validate``, so a
reader can see how much of the gap is the work itself and how much is the
structure of the code.

It reaches into private parts of oauthflows (slot setters, the extension
freezer), which the benchmark may do and a user should not.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Any

from oauthflows import (
    OAuth2,
    OAuthFlowAuthorizationCode,
    OAuthFlowClientCredentials,
    OAuthFlowDeviceAuthorization,
    OAuthFlowImplicit,
    OAuthFlowPassword,
    OAuthFlows,
)
from oauthflows._fields import MISSING, Budget
from oauthflows._plain import NotPlain, plain_extra, slot_setters
from oauthflows._values import EMPTY, FrozenDict

JSON = Any

_FLOW_CLASSES = (
    ("implicit", OAuthFlowImplicit),
    ("password", OAuthFlowPassword),
    ("clientCredentials", OAuthFlowClientCredentials),
    ("authorizationCode", OAuthFlowAuthorizationCode),
    ("deviceAuthorization", OAuthFlowDeviceAuthorization),
)
_FLOW_READERS = tuple(
    (
        key,
        flow_class,
        tuple(
            zip(
                [spec_key for _, spec_key in flow_class._URLS],
                slot_setters(flow_class, *[attribute for attribute, _ in flow_class._URLS]),
                strict=True,
            )
        ),
        *slot_setters(flow_class, "refresh_url", "scopes", "extra"),
        flow_class._KEYS,
    )
    for key, flow_class in _FLOW_CLASSES
)
_SET_FLOW = slot_setters(
    OAuthFlows, "implicit", "password", "client_credentials", "authorization_code", "device_authorization"
)
(_SET_FLOWS_EXTRA,) = slot_setters(OAuthFlows, "extra")
_SET_SCHEME = slot_setters(OAuth2, "description", "flows", "oauth2_metadata_url", "deprecated", "extra")
_FLOW_KEYS = frozenset(key for key, _ in _FLOW_CLASSES)


def read_in_one_function(data: dict[str, JSON]) -> OAuth2:
    """Read plain oauth2 input as ``OAuth2.from_dict`` does, with every step in this one function.

    Only extension values go through a call (``plain_extra``). Raises
    ``NotPlain`` on any input that the library's fast path would also
    leave to its checked reader.
    """
    budget = Budget()
    flows_data = data.get("flows")
    if type(flows_data) is not dict:
        raise NotPlain

    flows = object.__new__(OAuthFlows)
    flows_found = 0
    for (key, flow_class, urls, set_refresh_url, set_scopes, set_extra, known), set_flow in zip(
        _FLOW_READERS, _SET_FLOW, strict=True
    ):
        flow_data = flows_data.get(key, MISSING)
        if flow_data is MISSING:
            set_flow(flows, None)
            continue
        if type(flow_data) is not dict:
            raise NotPlain
        flow = object.__new__(flow_class)
        for url_key, set_url in urls:
            url = flow_data.get(url_key)
            if type(url) is not str:
                raise NotPlain
            set_url(flow, url)
        found = len(urls)
        refresh_url = flow_data.get("refreshUrl", MISSING)
        if type(refresh_url) is str:
            set_refresh_url(flow, refresh_url)
            found += 1
        elif refresh_url is MISSING:
            set_refresh_url(flow, None)
        else:
            raise NotPlain
        scopes = flow_data.get("scopes", MISSING)
        if type(scopes) is dict:
            budget.nodes_left -= len(scopes)
            for name, description in scopes.items():
                if type(name) is not str or type(description) is not str:
                    raise NotPlain
            set_scopes(flow, FrozenDict(scopes))
            found += 1
        elif scopes is MISSING:
            set_scopes(flow, EMPTY)
        else:
            raise NotPlain
        set_extra(flow, EMPTY if len(flow_data) == found else plain_extra(flow_data, known, budget))
        set_flow(flows, flow)
        flows_found += 1
    extra = EMPTY if len(flows_data) == flows_found else plain_extra(flows_data, _FLOW_KEYS, budget)
    _SET_FLOWS_EXTRA(flows, extra)

    scheme = object.__new__(OAuth2)
    set_description, set_flows, set_metadata_url, set_deprecated, set_scheme_extra = _SET_SCHEME
    found = 2  # The keys type and flows.
    description = data.get("description", MISSING)
    if type(description) is str:
        set_description(scheme, description)
        found += 1
    elif description is MISSING:
        set_description(scheme, None)
    else:
        raise NotPlain
    set_flows(scheme, flows)
    metadata_url = data.get("oauth2MetadataUrl", MISSING)
    if type(metadata_url) is str:
        set_metadata_url(scheme, metadata_url)
        found += 1
    elif metadata_url is MISSING:
        set_metadata_url(scheme, None)
    else:
        raise NotPlain
    deprecated = data.get("deprecated", MISSING)
    if deprecated is True or deprecated is False:
        set_deprecated(scheme, deprecated)
        found += 1
    elif deprecated is MISSING:
        set_deprecated(scheme, None)
    else:
        raise NotPlain
    set_scheme_extra(scheme, EMPTY if len(data) == found else plain_extra(data, OAuth2._KEYS, budget))
    return scheme


def steps(data: dict[str, JSON]) -> dict[str, tuple[str, Callable[[], object]]]:
    """Return the steps of reading ``data`` (one oauth2 scheme), each as (what it does, a call doing it)."""
    flows: dict[str, dict[str, JSON]] = data["flows"]
    flow_data = list(flows.values())
    scope_maps = [flow["scopes"] for flow in flow_data]
    scope_count = sum(len(scopes) for scopes in scope_maps)
    parsed = OAuth2.from_dict(data)

    def check_scope_types() -> None:
        for scopes in scope_maps:
            for name, description in scopes.items():
                if type(name) is not str or type(description) is not str:
                    raise NotPlain

    def copy_scopes() -> list[FrozenDict[str, str]]:
        return [FrozenDict(scopes) for scopes in scope_maps]

    # Every object of the parsed scheme with the setters of its slots and the values to store.
    stores: list[tuple[type, list[tuple[Callable[[object, object], None], object]]]] = []
    for model in (parsed, parsed.flows, *(flow for _, flow in parsed.flows.items())):
        names = list(type(model).__dataclass_fields__)
        setters = slot_setters(type(model), *names)
        stores.append(
            (
                type(model),
                [(setter, getattr(model, name)) for setter, name in zip(setters, names, strict=True)],
            )
        )
    field_count = sum(len(fields) for _, fields in stores)

    # Unrolled, so that the time is the stores alone and not a loop around them, as in the library.
    namespace: dict[str, object] = {"new": object.__new__}
    lines: list[str] = []
    for index, (model_class, fields) in enumerate(stores):
        namespace[f"class_{index}"] = model_class
        lines.append(f"model = new(class_{index})")
        for number, (setter, value) in enumerate(fields):
            namespace[f"set_{index}_{number}"] = setter
            namespace[f"value_{index}_{number}"] = value
            lines.append(f"set_{index}_{number}(model, value_{index}_{number})")
    build_objects = _function(lines, namespace)

    # Each member a reader looks up: every spec key of the scheme and its flows, present or not.
    lookups = [(data, key) for key in ("type", "description", "flows", "oauth2MetadataUrl", "deprecated")]
    lookups += [(flows, key) for key, _ in _FLOW_CLASSES]
    for key, flow_class in _FLOW_CLASSES:
        if key in flows:
            lookups += [(flows[key], spec_key) for spec_key in (*flow_class._KEYS,)]

    namespace = {"MISSING": MISSING}
    lines = []
    for index, (mapping, key) in enumerate(lookups):
        namespace[f"mapping_{index}"] = mapping
        lines.append(f"mapping_{index}.get({key!r}, MISSING)")
    look_up_keys = _function(lines, namespace)

    extended = [(data, OAuth2._KEYS)] + [
        (flows[key], flow_class._KEYS)
        for key, flow_class in _FLOW_CLASSES
        if key in flows and set(flows[key]) - flow_class._KEYS
    ]

    def freeze_extensions() -> None:
        budget = Budget()
        for mapping, known in extended:
            plain_extra(mapping, known, budget)

    extension_count = sum(len(set(mapping) - known) for mapping, known in extended)
    return {
        "scope types": (
            f"check the exact types of the {scope_count} scope names and descriptions",
            check_scope_types,
        ),
        "scope copies": (f"copy the {len(scope_maps)} scope maps into frozen dicts", copy_scopes),
        "objects": (
            f"create the {len(stores)} objects and store their {field_count} fields by slot setters",
            build_objects,
        ),
        "look-ups": (f"look up the {len(lookups)} spec keys that a reader asks for", look_up_keys),
        "extensions": (f"find and freeze the {extension_count} extensions", freeze_extensions),
    }


def _function(lines: list[str], namespace: dict[str, object]) -> Callable[[], object]:
    """Compile ``lines`` as the body of a function without arguments that reads names from ``namespace``."""
    source = "def step():\n" + "".join(f"    {line}\n" for line in lines)
    exec(source, namespace)  # Only the benchmark's own text, built above.
    return namespace["step"]  # type: ignore[return-value]


def least_memory(scheme: OAuth2) -> int:
    """Return the bytes of the objects and containers that a parsed scheme must own, by ``sys.getsizeof``.

    Counted: the models, and the copied scope maps, extension maps and
    arrays. Not counted: what the model shares with its input (strings,
    numbers) or with every model (the empty map). This is what the
    representation fixes: a dict of a given size, or a slotted object of a
    given field count, cannot be smaller in CPython.
    """
    seen: set[int] = {id(EMPTY)}
    total = 0

    def own(value: object) -> None:
        nonlocal total
        if id(value) in seen or not isinstance(value, (Mapping, tuple)):
            return
        seen.add(id(value))
        total += sys.getsizeof(value)
        members = value.values() if isinstance(value, Mapping) else value
        for member in members:
            own(member)

    for model in (scheme, scheme.flows, *(flow for _, flow in scheme.flows.items())):
        total += sys.getsizeof(model)
        for name in type(model).__dataclass_fields__:
            own(getattr(model, name))
    return total
