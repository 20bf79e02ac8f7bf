"""The Security Scheme Object, one class per ``type``, and ``parse_security_scheme``.

Spec: https://spec.openapis.org/oas/v3.2.0#security-scheme-object
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ._fields import MISSING, Budget, Check, absent_if_none, begin
from ._flows import OAuthFlows
from ._model import ModelMethods
from ._plain import NotPlain, Readable, Setter, plain_extra, slot_setters
from ._values import EMPTY, JSONValue, Literal, cast, describe, quote, write_extra

TYPE_CHECKING = False  # As typing's, without importing typing: see _values.py.
if TYPE_CHECKING:
    from typing import ClassVar, Final, TypeAlias, TypeVar

__all__ = [
    "APIKey",
    "HTTPAuthentication",
    "MutualTLS",
    "OAuth2",
    "OpenIdConnect",
    "SecurityScheme",
    "parse_security_scheme",
]

SCHEME_TYPES: Final = ("apiKey", "http", "mutualTLS", "oauth2", "openIdConnect")
"""The values of ``type``, in the order the specification lists them."""

API_KEY_LOCATIONS: Final = ("query", "header", "cookie")
"""The values of an API key's ``in``, in the order the specification lists them."""


def _empty() -> Mapping[str, JSONValue]:
    # A factory, because Python 3.10's dataclasses reject any dict default, even a frozen one.
    return EMPTY


def _check_type(check: Check, data: Mapping[str, object], expected: str) -> bool:
    """Check the ``type`` of ``data`` for the class reading it.

    Return False when it names another type, so that the caller does not
    report the fields of that type as problems of this one.
    """
    value = data.get("type", MISSING)
    if type(value) is str and value == expected:
        return True
    if value is MISSING:
        check.fail("type", f"missing required field, expected {expected!r}")
        return True
    if not isinstance(value, str):
        check.fail("type", f"expected {expected!r}, got {describe(value)}")
        return True

    # A str subclass (a StrEnum member) counts by its text, as parse_security_scheme reads it.
    text = str.__str__(value)
    if text == expected:
        return True
    if text.lower() == expected.lower():
        check.fail("type", f"unknown security scheme type {quote(text)}, did you mean {expected!r}?")
        return True
    reader = _CLASSES.get(text)
    hint = "not a security scheme type"
    if reader is not None:
        hint = f"read it with {reader.__name__} or parse_security_scheme"
    check.fail("type", f"expected {expected!r}, got {quote(text)} ({hint})")
    return False


def _finish_common(check: Check, scheme: object, description: object, deprecated: object) -> None:
    object.__setattr__(scheme, "description", check.optional_string("description", description))
    object.__setattr__(scheme, "deprecated", check.optional_bool("deprecated", deprecated))


def _read_plain_common(scheme: object, data: dict[str, object], setters: tuple[Setter, ...]) -> int:
    """Store ``description`` and ``deprecated`` of plain input, or raise ``NotPlain``.

    Return how many of ``type``, ``description`` and ``deprecated`` are keys of data.
    """
    set_description, set_deprecated = setters[0], setters[-2]
    found = 1 if "type" in data else 0
    description = data.get("description", MISSING)
    if type(description) is str:
        set_description(scheme, description)
        found += 1
    elif description is MISSING:
        set_description(scheme, None)
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
    return found


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class APIKey(Readable, ModelMethods):
    """An API key sent in a query parameter, a header or a cookie (``type: apiKey``)."""

    if TYPE_CHECKING:  # Annotated for type checkers only, as _FlowMethods in _flows.py explains.
        type: ClassVar[Literal["apiKey"]]
    type = "apiKey"
    _KEYS = frozenset({"type", "description", "name", "in", "deprecated"})

    description: str | None = None
    """``description``, CommonMark text."""
    name: str
    """``name``: the name of the header, query parameter or cookie."""
    in_: Literal["query", "header", "cookie"]
    """``in``: where the key is sent."""
    deprecated: bool | None = None
    """``deprecated`` (OpenAPI 3.2); ``None`` when absent, so an explicit ``false`` is kept."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)
    """Keys that this type does not model: extensions, and fields of other types."""

    def __post_init__(self) -> None:
        check = Check("", Budget())
        _finish_common(check, self, absent_if_none(self.description), absent_if_none(self.deprecated))
        object.__setattr__(self, "name", check.string("name", self.name))
        object.__setattr__(self, "in_", check.choice("in", self.in_, API_KEY_LOCATIONS, "API key location"))
        object.__setattr__(self, "extra", check.extra(self.extra, self._KEYS, "APIKey"))
        check.raise_if_failed(("description", "name", "in", "deprecated"))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> APIKey:
        """Read an ``apiKey`` scheme, reporting every problem in one ``ValidationError``."""
        scheme = _read_plain_scheme(cls, data)
        if scheme is not None:
            return scheme
        check = begin(cls.__name__, data)
        if not _check_type(check, data, cls.type):
            check.raise_if_failed(data)
        scheme = cls._read(data, check)
        check.raise_if_failed(data)
        return scheme

    @classmethod
    def _read_plain(cls, data: dict[str, object], budget: Budget) -> APIKey:
        name = data.get("name")
        location = data.get("in")
        if type(name) is not str or type(location) is not str or location not in API_KEY_LOCATIONS:
            raise NotPlain
        _, set_name, set_location, _, set_extra = _API_KEY_SETTERS
        scheme = object.__new__(cls)
        found = 2 + _read_plain_common(scheme, data, _API_KEY_SETTERS)
        set_name(scheme, name)
        set_location(scheme, location)
        set_extra(scheme, EMPTY if len(data) == found else plain_extra(data, cls._KEYS, budget))
        return scheme

    @classmethod
    def _read_checked(cls, data: Mapping[str, object], check: Check) -> APIKey:
        scheme = object.__new__(cls)
        _finish_common(check, scheme, data.get("description", MISSING), data.get("deprecated", MISSING))
        object.__setattr__(scheme, "name", check.string("name", data.get("name", MISSING)))
        location = check.choice("in", data.get("in", MISSING), API_KEY_LOCATIONS, "API key location")
        object.__setattr__(scheme, "in_", location)
        object.__setattr__(scheme, "extra", check.extra_from(data, cls._KEYS))
        return scheme

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the scheme as a fresh JSON object: spec keys in spec order, then extra keys."""
        output: dict[str, JSONValue] = {"type": "apiKey"}
        if self.description is not None:
            output["description"] = self.description
        output["name"] = self.name
        output["in"] = self.in_
        if self.deprecated is not None:
            output["deprecated"] = self.deprecated
        return write_extra(output, self.extra)


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class HTTPAuthentication(Readable, ModelMethods):
    """HTTP authentication with the ``Authorization`` header (``type: http``), RFC 9110 section 11."""

    if TYPE_CHECKING:  # Annotated for type checkers only, as _FlowMethods in _flows.py explains.
        type: ClassVar[Literal["http"]]
    type = "http"
    _KEYS = frozenset({"type", "description", "scheme", "bearerFormat", "deprecated"})

    description: str | None = None
    """``description``, CommonMark text."""
    scheme: str
    """``scheme``: the authentication scheme name, kept as written (it is case-insensitive)."""
    bearer_format: str | None = None
    """``bearerFormat``: a hint of how a bearer token is formatted, such as ``JWT``."""
    deprecated: bool | None = None
    """``deprecated`` (OpenAPI 3.2); ``None`` when absent, so an explicit ``false`` is kept."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)
    """Keys that this type does not model: extensions, and fields of other types."""

    def __post_init__(self) -> None:
        check = Check("", Budget())
        _finish_common(check, self, absent_if_none(self.description), absent_if_none(self.deprecated))
        object.__setattr__(self, "scheme", check.string("scheme", self.scheme))
        bearer_format = check.optional_string("bearerFormat", absent_if_none(self.bearer_format))
        object.__setattr__(self, "bearer_format", bearer_format)
        object.__setattr__(self, "extra", check.extra(self.extra, self._KEYS, "HTTPAuthentication"))
        check.raise_if_failed(("description", "scheme", "bearerFormat", "deprecated"))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> HTTPAuthentication:
        """Read an ``http`` scheme, reporting every problem in one ``ValidationError``."""
        scheme = _read_plain_scheme(cls, data)
        if scheme is not None:
            return scheme
        check = begin(cls.__name__, data)
        if not _check_type(check, data, cls.type):
            check.raise_if_failed(data)
        scheme = cls._read(data, check)
        check.raise_if_failed(data)
        return scheme

    @classmethod
    def _read_plain(cls, data: dict[str, object], budget: Budget) -> HTTPAuthentication:
        name = data.get("scheme")
        if type(name) is not str:
            raise NotPlain
        _, set_name, set_bearer_format, _, set_extra = _HTTP_SETTERS
        scheme = object.__new__(cls)
        found = 1 + _read_plain_common(scheme, data, _HTTP_SETTERS)
        set_name(scheme, name)
        bearer_format = data.get("bearerFormat", MISSING)
        if type(bearer_format) is str:
            set_bearer_format(scheme, bearer_format)
            found += 1
        elif bearer_format is MISSING:
            set_bearer_format(scheme, None)
        else:
            raise NotPlain
        set_extra(scheme, EMPTY if len(data) == found else plain_extra(data, cls._KEYS, budget))
        return scheme

    @classmethod
    def _read_checked(cls, data: Mapping[str, object], check: Check) -> HTTPAuthentication:
        scheme = object.__new__(cls)
        _finish_common(check, scheme, data.get("description", MISSING), data.get("deprecated", MISSING))
        object.__setattr__(scheme, "scheme", check.string("scheme", data.get("scheme", MISSING)))
        bearer_format = check.optional_string("bearerFormat", data.get("bearerFormat", MISSING))
        object.__setattr__(scheme, "bearer_format", bearer_format)
        object.__setattr__(scheme, "extra", check.extra_from(data, cls._KEYS))
        return scheme

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the scheme as a fresh JSON object: spec keys in spec order, then extra keys."""
        output: dict[str, JSONValue] = {"type": "http"}
        if self.description is not None:
            output["description"] = self.description
        output["scheme"] = self.scheme
        if self.bearer_format is not None:
            output["bearerFormat"] = self.bearer_format
        if self.deprecated is not None:
            output["deprecated"] = self.deprecated
        return write_extra(output, self.extra)


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class OAuth2(Readable, ModelMethods):
    """OAuth 2.0 (``type: oauth2``, RFC 6749) with the flows it supports."""

    if TYPE_CHECKING:  # Annotated for type checkers only, as _FlowMethods in _flows.py explains.
        type: ClassVar[Literal["oauth2"]]
    type = "oauth2"
    _KEYS = frozenset({"type", "description", "flows", "oauth2MetadataUrl", "deprecated"})

    description: str | None = None
    """``description``, CommonMark text."""
    flows: OAuthFlows
    """``flows``: the supported flows."""
    oauth2_metadata_url: str | None = None
    """``oauth2MetadataUrl`` (OpenAPI 3.2): the authorization server metadata URL of RFC 8414."""
    deprecated: bool | None = None
    """``deprecated`` (OpenAPI 3.2); ``None`` when absent, so an explicit ``false`` is kept."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)
    """Keys that this type does not model: extensions, and fields of other types."""

    def __post_init__(self) -> None:
        check = Check("", Budget())
        _finish_common(check, self, absent_if_none(self.description), absent_if_none(self.deprecated))
        if type(self.flows) is not OAuthFlows:
            check.model("flows", self.flows, OAuthFlows)
        metadata_url = check.optional_string("oauth2MetadataUrl", absent_if_none(self.oauth2_metadata_url))
        object.__setattr__(self, "oauth2_metadata_url", metadata_url)
        object.__setattr__(self, "extra", check.extra(self.extra, self._KEYS, "OAuth2"))
        check.raise_if_failed(("description", "flows", "oauth2MetadataUrl", "deprecated"))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> OAuth2:
        """Read an ``oauth2`` scheme, reporting every problem in one ``ValidationError``."""
        scheme = _read_plain_scheme(cls, data)
        if scheme is not None:
            return scheme
        check = begin(cls.__name__, data)
        if not _check_type(check, data, cls.type):
            check.raise_if_failed(data)
        scheme = cls._read(data, check)
        check.raise_if_failed(data)
        return scheme

    @classmethod
    def _read_plain(cls, data: dict[str, object], budget: Budget) -> OAuth2:
        flows = data.get("flows")
        if type(flows) is not dict:
            raise NotPlain
        _, set_flows, set_metadata_url, _, set_extra = _OAUTH2_SETTERS
        scheme = object.__new__(cls)
        found = 1 + _read_plain_common(scheme, data, _OAUTH2_SETTERS)
        flows_data: dict[str, object] = flows  # pyright: ignore[reportUnknownVariableType]
        set_flows(scheme, OAuthFlows._read_plain(flows_data, budget))  # pyright: ignore[reportPrivateUsage]
        metadata_url = data.get("oauth2MetadataUrl", MISSING)
        if type(metadata_url) is str:
            set_metadata_url(scheme, metadata_url)
            found += 1
        elif metadata_url is MISSING:
            set_metadata_url(scheme, None)
        else:
            raise NotPlain
        set_extra(scheme, EMPTY if len(data) == found else plain_extra(data, cls._KEYS, budget))
        return scheme

    @classmethod
    def _read_checked(cls, data: Mapping[str, object], check: Check) -> OAuth2:
        scheme = object.__new__(cls)
        _finish_common(check, scheme, data.get("description", MISSING), data.get("deprecated", MISSING))
        flows = data.get("flows", MISSING)
        if isinstance(flows, Mapping):
            # isinstance() cannot check the key type, and the flows reader reports non-string keys.
            flows_data = cast("Mapping[str, object]", flows)
            nested = check.child("flows")
            read_flows = OAuthFlows._read(flows_data, nested)
            object.__setattr__(scheme, "flows", read_flows)
            check.adopt("flows", nested, flows_data)
        else:
            if flows is MISSING:
                check.fail("flows", "missing required field, expected an object of flows")
            else:
                check.fail("flows", f"expected an object of flows, got {describe(flows)}")
            object.__setattr__(scheme, "flows", _NO_FLOWS)
        metadata_url = check.optional_string("oauth2MetadataUrl", data.get("oauth2MetadataUrl", MISSING))
        object.__setattr__(scheme, "oauth2_metadata_url", metadata_url)
        object.__setattr__(scheme, "extra", check.extra_from(data, cls._KEYS))
        return scheme

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the scheme as a fresh JSON object: spec keys in spec order, then extra keys."""
        output: dict[str, JSONValue] = {"type": "oauth2"}
        if self.description is not None:
            output["description"] = self.description
        output["flows"] = self.flows.to_dict()
        if self.oauth2_metadata_url is not None:
            output["oauth2MetadataUrl"] = self.oauth2_metadata_url
        if self.deprecated is not None:
            output["deprecated"] = self.deprecated
        return write_extra(output, self.extra)


_NO_FLOWS: Final = OAuthFlows()


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class OpenIdConnect(Readable, ModelMethods):
    """OpenID Connect Discovery (``type: openIdConnect``)."""

    if TYPE_CHECKING:  # Annotated for type checkers only, as _FlowMethods in _flows.py explains.
        type: ClassVar[Literal["openIdConnect"]]
    type = "openIdConnect"
    _KEYS = frozenset({"type", "description", "openIdConnectUrl", "deprecated"})

    description: str | None = None
    """``description``, CommonMark text."""
    open_id_connect_url: str
    """``openIdConnectUrl``: the OpenID Provider's discovery document URL."""
    deprecated: bool | None = None
    """``deprecated`` (OpenAPI 3.2); ``None`` when absent, so an explicit ``false`` is kept."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)
    """Keys that this type does not model: extensions, and fields of other types."""

    def __post_init__(self) -> None:
        check = Check("", Budget())
        _finish_common(check, self, absent_if_none(self.description), absent_if_none(self.deprecated))
        url = check.string("openIdConnectUrl", self.open_id_connect_url)
        object.__setattr__(self, "open_id_connect_url", url)
        object.__setattr__(self, "extra", check.extra(self.extra, self._KEYS, "OpenIdConnect"))
        check.raise_if_failed(("description", "openIdConnectUrl", "deprecated"))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> OpenIdConnect:
        """Read an ``openIdConnect`` scheme, reporting every problem in one ``ValidationError``."""
        scheme = _read_plain_scheme(cls, data)
        if scheme is not None:
            return scheme
        check = begin(cls.__name__, data)
        if not _check_type(check, data, cls.type):
            check.raise_if_failed(data)
        scheme = cls._read(data, check)
        check.raise_if_failed(data)
        return scheme

    @classmethod
    def _read_plain(cls, data: dict[str, object], budget: Budget) -> OpenIdConnect:
        url = data.get("openIdConnectUrl")
        if type(url) is not str:
            raise NotPlain
        _, set_url, _, set_extra = _OPEN_ID_CONNECT_SETTERS
        scheme = object.__new__(cls)
        found = 1 + _read_plain_common(scheme, data, _OPEN_ID_CONNECT_SETTERS)
        set_url(scheme, url)
        set_extra(scheme, EMPTY if len(data) == found else plain_extra(data, cls._KEYS, budget))
        return scheme

    @classmethod
    def _read_checked(cls, data: Mapping[str, object], check: Check) -> OpenIdConnect:
        scheme = object.__new__(cls)
        _finish_common(check, scheme, data.get("description", MISSING), data.get("deprecated", MISSING))
        url = check.string("openIdConnectUrl", data.get("openIdConnectUrl", MISSING))
        object.__setattr__(scheme, "open_id_connect_url", url)
        object.__setattr__(scheme, "extra", check.extra_from(data, cls._KEYS))
        return scheme

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the scheme as a fresh JSON object: spec keys in spec order, then extra keys."""
        output: dict[str, JSONValue] = {"type": "openIdConnect"}
        if self.description is not None:
            output["description"] = self.description
        output["openIdConnectUrl"] = self.open_id_connect_url
        if self.deprecated is not None:
            output["deprecated"] = self.deprecated
        return write_extra(output, self.extra)


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class MutualTLS(Readable, ModelMethods):
    """Mutual TLS with a client certificate (``type: mutualTLS``), new in OpenAPI 3.1."""

    if TYPE_CHECKING:  # Annotated for type checkers only, as _FlowMethods in _flows.py explains.
        type: ClassVar[Literal["mutualTLS"]]
    type = "mutualTLS"
    _KEYS = frozenset({"type", "description", "deprecated"})

    description: str | None = None
    """``description``, CommonMark text."""
    deprecated: bool | None = None
    """``deprecated`` (OpenAPI 3.2); ``None`` when absent, so an explicit ``false`` is kept."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)
    """Keys that this type does not model: extensions, and fields of other types."""

    def __post_init__(self) -> None:
        check = Check("", Budget())
        _finish_common(check, self, absent_if_none(self.description), absent_if_none(self.deprecated))
        object.__setattr__(self, "extra", check.extra(self.extra, self._KEYS, "MutualTLS"))
        check.raise_if_failed(("description", "deprecated"))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> MutualTLS:
        """Read a ``mutualTLS`` scheme, reporting every problem in one ``ValidationError``."""
        scheme = _read_plain_scheme(cls, data)
        if scheme is not None:
            return scheme
        check = begin(cls.__name__, data)
        if not _check_type(check, data, cls.type):
            check.raise_if_failed(data)
        scheme = cls._read(data, check)
        check.raise_if_failed(data)
        return scheme

    @classmethod
    def _read_plain(cls, data: dict[str, object], budget: Budget) -> MutualTLS:
        set_extra = _MUTUAL_TLS_SETTERS[-1]
        scheme = object.__new__(cls)
        found = _read_plain_common(scheme, data, _MUTUAL_TLS_SETTERS)
        set_extra(scheme, EMPTY if len(data) == found else plain_extra(data, cls._KEYS, budget))
        return scheme

    @classmethod
    def _read_checked(cls, data: Mapping[str, object], check: Check) -> MutualTLS:
        scheme = object.__new__(cls)
        _finish_common(check, scheme, data.get("description", MISSING), data.get("deprecated", MISSING))
        object.__setattr__(scheme, "extra", check.extra_from(data, cls._KEYS))
        return scheme

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the scheme as a fresh JSON object: spec keys in spec order, then extra keys."""
        output: dict[str, JSONValue] = {"type": "mutualTLS"}
        if self.description is not None:
            output["description"] = self.description
        if self.deprecated is not None:
            output["deprecated"] = self.deprecated
        return write_extra(output, self.extra)


# The slot setters of each class, in field order, for the fast readers.
_API_KEY_SETTERS: Final = slot_setters(APIKey, "description", "name", "in_", "deprecated", "extra")
_HTTP_SETTERS: Final = slot_setters(
    HTTPAuthentication, "description", "scheme", "bearer_format", "deprecated", "extra"
)
_OAUTH2_SETTERS: Final = slot_setters(
    OAuth2, "description", "flows", "oauth2_metadata_url", "deprecated", "extra"
)
_OPEN_ID_CONNECT_SETTERS: Final = slot_setters(
    OpenIdConnect, "description", "open_id_connect_url", "deprecated", "extra"
)
_MUTUAL_TLS_SETTERS: Final = slot_setters(MutualTLS, "description", "deprecated", "extra")

SecurityScheme: TypeAlias = APIKey | HTTPAuthentication | OAuth2 | OpenIdConnect | MutualTLS
"""Any Security Scheme Object; narrow it with ``isinstance`` or by its ``type``."""

_CLASSES: Final[dict[str, type[APIKey | HTTPAuthentication | OAuth2 | OpenIdConnect | MutualTLS]]] = {
    "apiKey": APIKey,
    "http": HTTPAuthentication,
    "mutualTLS": MutualTLS,
    "oauth2": OAuth2,
    "openIdConnect": OpenIdConnect,
}


def read_scheme(data: Mapping[str, object], check: Check) -> SecurityScheme | None:
    """Read a scheme of any type into ``check``; ``None`` when its ``type`` is unusable."""
    kind = data.get("type", MISSING)
    scheme_class = _CLASSES.get(str.__str__(kind)) if isinstance(kind, str) else None
    if scheme_class is None:
        if kind is MISSING and "$ref" in data:
            check.fail("type", "missing required field: this is a Reference Object, read it with Reference")
        else:
            check.choice("type", kind, SCHEME_TYPES, "security scheme type")
        return None
    return scheme_class._read(data, check)  # pyright: ignore[reportPrivateUsage]


def parse_security_scheme(data: Mapping[str, object]) -> SecurityScheme:
    """Read a Security Scheme Object of any type, choosing the class by its ``type``.

    Raises ``ValidationError`` listing every problem, or ``TypeError`` when
    ``data`` is not a mapping.
    """
    scheme = _parse_plain(data)
    if scheme is not None:
        return scheme
    check = begin("parse_security_scheme", data)
    scheme = read_scheme(data, check)
    check.raise_if_failed(data)
    assert scheme is not None  # A scheme is None only when a problem was recorded.
    return scheme


def _parse_plain(data: Mapping[str, object]) -> SecurityScheme | None:
    """Read plain, valid input of any type by its class's fast reader; None when the checks must run."""
    if type(data) is not dict:
        return None
    plain: dict[str, object] = data  # pyright: ignore[reportUnknownVariableType]
    kind = plain.get("type")
    scheme_class = _CLASSES.get(kind) if type(kind) is str else None
    if scheme_class is None:
        return None
    try:
        return scheme_class._read_plain(plain, Budget())  # pyright: ignore[reportPrivateUsage]
    except NotPlain:
        return None


if TYPE_CHECKING:
    _Scheme = TypeVar("_Scheme", APIKey, HTTPAuthentication, OAuth2, OpenIdConnect, MutualTLS)


def _read_plain_scheme(scheme_class: type[_Scheme], data: Mapping[str, object]) -> _Scheme | None:
    """Read plain, valid input of ``scheme_class`` by its fast reader; None when the checks must run.

    Skipping ``begin`` and the ``Check`` it builds saves about 0.4 us a call (CPython 3.11).
    """
    if type(data) is dict:
        plain: dict[str, object] = data  # pyright: ignore[reportUnknownVariableType]
        kind = plain.get("type")
        if type(kind) is str and kind == scheme_class.type:
            try:
                return scheme_class._read_plain(plain, Budget())  # pyright: ignore[reportPrivateUsage]
            except NotPlain:
                pass
    return None
