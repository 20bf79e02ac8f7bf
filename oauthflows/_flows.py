"""The OAuth Flow Object, one class per flow, and the OAuth Flows Object that groups them.

Spec: https://spec.openapis.org/oas/v3.2.0#oauth-flows-object
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ._fields import MISSING, Budget, Check, absent_if_none, begin
from ._model import ModelMethods
from ._plain import NotPlain, Readable, Setter, plain_extra, slot_setters
from ._values import EMPTY, FrozenDict, JSONValue, cast, describe, write_extra

TYPE_CHECKING = False  # As typing's, without importing typing: see _values.py.
if TYPE_CHECKING:
    from typing import ClassVar, Final, TypeAlias, TypeVar

    _Flow = TypeVar("_Flow", bound="_FlowMethods")

__all__ = [
    "OAuthFlowAuthorizationCode",
    "OAuthFlowClientCredentials",
    "OAuthFlowDeviceAuthorization",
    "OAuthFlowImplicit",
    "OAuthFlowPassword",
    "OAuthFlows",
]


def _empty() -> Mapping[str, object]:
    # A factory, because Python 3.10's dataclasses reject any dict default, even a frozen one.
    return EMPTY


class _FlowMethods(Readable, ModelMethods):
    """Reading, checking and writing, shared by the five flow classes.

    Each flow differs only in its required URL fields, listed in ``_URLS``.
    """

    __slots__ = ()

    # Annotated for type checkers only, so that typing.get_type_hints finds no name it cannot resolve.
    # The flow classes assign them without an annotation: in a dataclass body, dataclasses reads
    # ClassVar as such only once typing is imported, and `import oauthflows` does not import it.
    if TYPE_CHECKING:
        _URLS: ClassVar[tuple[tuple[str, str], ...]]
        """The required URL fields of the flow, as (attribute, spec key), in spec order."""

        _KEYS: ClassVar[frozenset[str]]
        """The spec keys that the flow models; any other key goes to ``extra``."""

        _setters: ClassVar[tuple[tuple[tuple[str, Setter], ...], Setter, Setter, Setter]]
        """The slot setters: (spec key, setter) of each URL field, then those of ``refresh_url``,
        ``scopes`` and ``extra``. Set by ``_bind_setters``."""

    refresh_url: str | None
    scopes: Mapping[str, str]
    extra: Mapping[str, JSONValue]

    def __post_init__(self) -> None:
        check = Check("", Budget())
        for attribute, key in self._URLS:
            object.__setattr__(self, attribute, check.string(key, getattr(self, attribute)))
        refresh_url = check.optional_string("refreshUrl", absent_if_none(self.refresh_url))
        object.__setattr__(self, "refresh_url", refresh_url)
        object.__setattr__(self, "scopes", check.scopes("scopes", self.scopes))
        object.__setattr__(self, "extra", check.extra(self.extra, self._KEYS, type(self).__name__))
        check.raise_if_failed([key for _, key in self._URLS] + ["refreshUrl", "scopes"])

    @classmethod
    def from_dict(cls: type[_Flow], data: Mapping[str, object]) -> _Flow:
        """Read the flow from a JSON object, reporting every problem in one ``ValidationError``."""
        check = begin(cls.__name__, data)
        flow = cls._read(data, check)
        check.raise_if_failed(data)
        return flow

    @classmethod
    def _bind_setters(cls) -> None:
        # Run once per class below its definition, because each class owns its slots.
        url_setters = slot_setters(cls, *[attribute for attribute, _ in cls._URLS])
        set_refresh_url, set_scopes, set_extra = slot_setters(cls, "refresh_url", "scopes", "extra")
        urls = tuple(zip([key for _, key in cls._URLS], url_setters, strict=True))
        cls._setters = (urls, set_refresh_url, set_scopes, set_extra)

    @classmethod
    def _read_plain(cls: type[_Flow], data: dict[str, object], budget: Budget) -> _Flow:
        url_setters, set_refresh_url, set_scopes, set_extra = cls._setters
        flow = object.__new__(cls)
        for key, set_url in url_setters:
            url = data.get(key)
            if type(url) is not str:
                raise NotPlain
            set_url(flow, url)
        found = len(url_setters)  # The keys of data that are fields: if all are, there is no extra key.

        refresh_url = data.get("refreshUrl", MISSING)
        if type(refresh_url) is str:
            set_refresh_url(flow, refresh_url)
            found += 1
        elif refresh_url is MISSING:
            set_refresh_url(flow, None)
        else:
            raise NotPlain

        scopes = data.get("scopes", MISSING)
        if type(scopes) is dict:
            # A Python loop is the cheapest exact type check: about 30 ns a scope on CPython 3.11.
            members: dict[object, object] = scopes  # pyright: ignore[reportUnknownVariableType]
            budget.nodes_left -= len(members)
            if budget.nodes_left < 0:
                raise NotPlain  # The checked reader reports the limit.
            for name, description in members.items():
                if type(name) is not str or type(description) is not str:
                    raise NotPlain
            strings: dict[str, str] = scopes  # pyright: ignore[reportUnknownVariableType]
            set_scopes(flow, FrozenDict(strings))
            found += 1
        elif scopes is MISSING:
            set_scopes(flow, EMPTY)
        else:
            raise NotPlain

        set_extra(flow, EMPTY if len(data) == found else plain_extra(data, cls._KEYS, budget))
        return flow

    @classmethod
    def _read_checked(cls: type[_Flow], data: Mapping[str, object], check: Check) -> _Flow:
        # The checks are the constructor's, but a failed one leaves a placeholder and goes on.
        flow = object.__new__(cls)
        for attribute, key in cls._URLS:
            object.__setattr__(flow, attribute, check.string(key, data.get(key, MISSING)))
        refresh_url = check.optional_string("refreshUrl", data.get("refreshUrl", MISSING))
        object.__setattr__(flow, "refresh_url", refresh_url)
        object.__setattr__(flow, "scopes", check.scopes("scopes", data.get("scopes", MISSING)))
        object.__setattr__(flow, "extra", check.extra_from(data, cls._KEYS))
        return flow

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the flow as a fresh JSON object: spec keys in spec order, then extra keys."""
        output: dict[str, JSONValue] = {}
        for attribute, key in self._URLS:
            output[key] = getattr(self, attribute)
        if self.refresh_url is not None:
            output["refreshUrl"] = self.refresh_url
        output["scopes"] = {**self.scopes}  # Unpacking copies a dict subclass faster than dict() does.
        if self.extra:
            write_extra(output, self.extra)
        return output


if not TYPE_CHECKING:
    # What typing.get_type_hints gives for the type variable of the methods above: its bound.
    _Flow = _FlowMethods


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class OAuthFlowImplicit(_FlowMethods):
    """The implicit flow (RFC 6749, section 4.2), the OAuth Flows Object's ``implicit``."""

    _URLS = (("authorization_url", "authorizationUrl"),)
    _KEYS = frozenset({"authorizationUrl", "refreshUrl", "scopes"})

    authorization_url: str
    """``authorizationUrl``, exactly as given; it may be relative to the server URL."""
    refresh_url: str | None = None
    """``refreshUrl``, where to obtain refresh tokens."""
    scopes: Mapping[str, str] = field(default_factory=_empty)  # type: ignore[arg-type]
    """``scopes``: scope names mapped to short descriptions, possibly empty."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)  # type: ignore[arg-type]
    """Keys that the flow does not model: extensions, and fields of other flows."""


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class OAuthFlowPassword(_FlowMethods):
    """The resource owner password flow (RFC 6749, section 4.3), ``password``."""

    _URLS = (("token_url", "tokenUrl"),)
    _KEYS = frozenset({"tokenUrl", "refreshUrl", "scopes"})

    token_url: str
    """``tokenUrl``, exactly as given; it may be relative to the server URL."""
    refresh_url: str | None = None
    """``refreshUrl``, where to obtain refresh tokens."""
    scopes: Mapping[str, str] = field(default_factory=_empty)  # type: ignore[arg-type]
    """``scopes``: scope names mapped to short descriptions, possibly empty."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)  # type: ignore[arg-type]
    """Keys that the flow does not model: extensions, and fields of other flows."""


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class OAuthFlowClientCredentials(_FlowMethods):
    """The client credentials flow (RFC 6749, section 4.4), ``clientCredentials``."""

    _URLS = (("token_url", "tokenUrl"),)
    _KEYS = frozenset({"tokenUrl", "refreshUrl", "scopes"})

    token_url: str
    """``tokenUrl``, exactly as given; it may be relative to the server URL."""
    refresh_url: str | None = None
    """``refreshUrl``, where to obtain refresh tokens."""
    scopes: Mapping[str, str] = field(default_factory=_empty)  # type: ignore[arg-type]
    """``scopes``: scope names mapped to short descriptions, possibly empty."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)  # type: ignore[arg-type]
    """Keys that the flow does not model: extensions, and fields of other flows."""


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class OAuthFlowAuthorizationCode(_FlowMethods):
    """The authorization code flow (RFC 6749, section 4.1), ``authorizationCode``."""

    _URLS = (
        ("authorization_url", "authorizationUrl"),
        ("token_url", "tokenUrl"),
    )
    _KEYS = frozenset({"authorizationUrl", "tokenUrl", "refreshUrl", "scopes"})

    authorization_url: str
    """``authorizationUrl``, exactly as given; it may be relative to the server URL."""
    token_url: str
    """``tokenUrl``, exactly as given; it may be relative to the server URL."""
    refresh_url: str | None = None
    """``refreshUrl``, where to obtain refresh tokens."""
    scopes: Mapping[str, str] = field(default_factory=_empty)  # type: ignore[arg-type]
    """``scopes``: scope names mapped to short descriptions, possibly empty."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)  # type: ignore[arg-type]
    """Keys that the flow does not model: extensions, and fields of other flows."""


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class OAuthFlowDeviceAuthorization(_FlowMethods):
    """The device authorization flow (RFC 8628), ``deviceAuthorization``, new in OpenAPI 3.2."""

    _URLS = (
        ("device_authorization_url", "deviceAuthorizationUrl"),
        ("token_url", "tokenUrl"),
    )
    _KEYS = frozenset({"deviceAuthorizationUrl", "tokenUrl", "refreshUrl", "scopes"})

    device_authorization_url: str
    """``deviceAuthorizationUrl``, exactly as given; it may be relative to the server URL."""
    token_url: str
    """``tokenUrl``, exactly as given; it may be relative to the server URL."""
    refresh_url: str | None = None
    """``refreshUrl``, where to obtain refresh tokens."""
    scopes: Mapping[str, str] = field(default_factory=_empty)  # type: ignore[arg-type]
    """``scopes``: scope names mapped to short descriptions, possibly empty."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)  # type: ignore[arg-type]
    """Keys that the flow does not model: extensions, and fields of other flows."""


OAuthFlow: TypeAlias = (
    OAuthFlowImplicit
    | OAuthFlowPassword
    | OAuthFlowClientCredentials
    | OAuthFlowAuthorizationCode
    | OAuthFlowDeviceAuthorization
)
"""Any one of the five flow classes."""

_FLOWS: Final[tuple[tuple[str, str, type[_FlowMethods]], ...]] = (
    ("implicit", "implicit", OAuthFlowImplicit),
    ("password", "password", OAuthFlowPassword),
    ("client_credentials", "clientCredentials", OAuthFlowClientCredentials),
    ("authorization_code", "authorizationCode", OAuthFlowAuthorizationCode),
    ("device_authorization", "deviceAuthorization", OAuthFlowDeviceAuthorization),
)
_FLOWS_KEYS: Final = frozenset(key for _, key, _ in _FLOWS)


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class OAuthFlows(Readable, ModelMethods):
    """The OAuth Flows Object: the flows an ``oauth2`` scheme supports, each at most once.

    Spec: https://spec.openapis.org/oas/v3.2.0#oauth-flows-object
    """

    implicit: OAuthFlowImplicit | None = None
    """``implicit``."""
    password: OAuthFlowPassword | None = None
    """``password``."""
    client_credentials: OAuthFlowClientCredentials | None = None
    """``clientCredentials``; OpenAPI 2.0 called it ``application``."""
    authorization_code: OAuthFlowAuthorizationCode | None = None
    """``authorizationCode``; OpenAPI 2.0 called it ``accessCode``."""
    device_authorization: OAuthFlowDeviceAuthorization | None = None
    """``deviceAuthorization``, new in OpenAPI 3.2."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)  # type: ignore[arg-type]
    """Keys of the input that are not flows: extensions, and unknown flow names."""

    def __post_init__(self) -> None:
        check = Check("", Budget())
        for attribute, key, flow_class in _FLOWS:
            value = getattr(self, attribute)
            if value is not None and type(value) is not flow_class:
                check.model(key, value, flow_class)
        object.__setattr__(self, "extra", check.extra(self.extra, _FLOWS_KEYS, "OAuthFlows"))
        check.raise_if_failed([key for _, key, _ in _FLOWS])

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> OAuthFlows:
        """Read the OAuth Flows Object, reporting every problem in one ``ValidationError``."""
        check = begin(cls.__name__, data)
        flows = cls._read(data, check)
        check.raise_if_failed(data)
        return flows

    @classmethod
    def _read_plain(cls, data: dict[str, object], budget: Budget) -> OAuthFlows:
        flows = object.__new__(cls)
        found = 0  # The keys of data that are flows: if all are, there is no extra key.
        for key, read_flow, set_flow in _FLOW_READERS:
            flow_data = data.get(key, MISSING)
            if type(flow_data) is dict:
                plain: dict[str, object] = flow_data  # pyright: ignore[reportUnknownVariableType]
                set_flow(flows, read_flow(plain, budget))
                found += 1
            elif flow_data is MISSING:
                set_flow(flows, None)
            else:
                raise NotPlain
        _set_flows_extra(flows, EMPTY if len(data) == found else plain_extra(data, _FLOWS_KEYS, budget))
        return flows

    @classmethod
    def _read_checked(cls, data: Mapping[str, object], check: Check) -> OAuthFlows:
        flows = object.__new__(cls)
        for attribute, key, flow_class in _FLOWS:
            value = data.get(key, MISSING)
            if value is MISSING:
                object.__setattr__(flows, attribute, None)
            elif isinstance(value, Mapping):
                # isinstance() cannot check the key type, and the flow reader reports non-string keys.
                flow_data = cast("Mapping[str, object]", value)
                nested = check.child(key)
                flow = flow_class._read(flow_data, nested)
                object.__setattr__(flows, attribute, flow)
                check.adopt(key, nested, flow_data)
            else:
                check.fail(key, f"expected an object (the {key} flow), got {describe(value)}")
                object.__setattr__(flows, attribute, None)
        object.__setattr__(flows, "extra", check.extra_from(data, _FLOWS_KEYS))
        return flows

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the flows as a fresh JSON object: flows in spec order, then extra keys."""
        output: dict[str, JSONValue] = {}
        if self.implicit is not None:
            output["implicit"] = self.implicit.to_dict()
        if self.password is not None:
            output["password"] = self.password.to_dict()
        if self.client_credentials is not None:
            output["clientCredentials"] = self.client_credentials.to_dict()
        if self.authorization_code is not None:
            output["authorizationCode"] = self.authorization_code.to_dict()
        if self.device_authorization is not None:
            output["deviceAuthorization"] = self.device_authorization.to_dict()
        if self.extra:
            write_extra(output, self.extra)
        return output

    def items(self) -> list[tuple[str, OAuthFlow]]:
        """Return the flows that are set, as (spec key, flow) pairs in spec order."""
        return [
            (key, getattr(self, attribute))
            for attribute, key, _ in _FLOWS
            if getattr(self, attribute) is not None
        ]


for _flow_class in (
    OAuthFlowImplicit,
    OAuthFlowPassword,
    OAuthFlowClientCredentials,
    OAuthFlowAuthorizationCode,
    OAuthFlowDeviceAuthorization,
):
    _flow_class._bind_setters()  # pyright: ignore[reportPrivateUsage]

_FLOW_READERS: Final = tuple(
    (key, flow_class._read_plain, setter)  # pyright: ignore[reportPrivateUsage]
    for (_, key, flow_class), setter in zip(
        _FLOWS, slot_setters(OAuthFlows, *[attribute for attribute, _, _ in _FLOWS]), strict=True
    )
)
"""Each flow's spec key, fast reader and slot setter in OAuthFlows, in spec order."""

(_set_flows_extra,) = slot_setters(OAuthFlows, "extra")
