"""The Swagger 2.0 Security Scheme Object, one class per ``type``.

Spec: https://swagger.io/specification/v2/#security-scheme-object

Swagger 2.0 has three types: ``basic``, ``apiKey`` (no cookie keys) and
``oauth2`` with exactly one ``flow``. Its scopes map may hold ``x-``
extensions, which are kept apart from the scopes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Final, Literal, TypeAlias, cast

from ._errors import escape_pointer_token
from ._fields import MISSING, Budget, Check, absent_if_none, begin
from ._values import EMPTY, FrozenDict, JSONValue, describe, thaw

__all__ = [
    "Swagger2APIKey",
    "Swagger2Basic",
    "Swagger2OAuth2",
    "Swagger2SecurityScheme",
    "parse_swagger2_security_scheme",
]

SWAGGER2_TYPES: Final = ("basic", "apiKey", "oauth2")
"""The values of ``type`` in Swagger 2.0, in the order the specification lists them."""

SWAGGER2_API_KEY_LOCATIONS: Final = ("query", "header")
"""The values of an API key's ``in`` in Swagger 2.0."""

SWAGGER2_FLOWS: Final = ("implicit", "password", "application", "accessCode")
"""The values of an oauth2 scheme's ``flow``, in the order the specification lists them."""

SWAGGER2_FLOW_URLS: Final[dict[str, tuple[str, ...]]] = {
    "implicit": ("authorizationUrl",),
    "password": ("tokenUrl",),
    "application": ("tokenUrl",),
    "accessCode": ("authorizationUrl", "tokenUrl"),
}
"""The URL fields that each flow requires; the other URL field does not apply to it."""

_URL_ATTRIBUTES: Final = (("authorization_url", "authorizationUrl"), ("token_url", "tokenUrl"))


def _empty() -> Mapping[str, JSONValue]:
    # A factory, because Python 3.10's dataclasses reject any dict default, even a frozen one.
    return EMPTY


def _check_type(check: Check, data: Mapping[str, object], expected: str) -> None:
    """Check that the ``type`` of ``data`` is the one of the class reading it."""
    value = data.get("type", MISSING)
    if value == expected and type(value) is str:
        return
    if value is MISSING:
        check.fail("type", f"missing required field, expected {expected!r}")
    elif not isinstance(value, str):
        check.fail("type", f"expected {expected!r}, got {describe(value)}")
    elif value.lower() == expected.lower():
        check.fail("type", f"unknown Swagger 2.0 security scheme type {value!r}, did you mean {expected!r}?")
    else:
        reader = _CLASSES.get(value)
        hint = (
            f"read it with {reader.__name__} or parse_swagger2_security_scheme"
            if reader
            else "not a Swagger 2.0 security scheme type"
        )
        check.fail("type", f"expected {expected!r}, got {value!r} ({hint})")


def _read_location(check: Check, value: object) -> str:
    if value == "cookie" and type(value) is str:
        check.fail(
            "in",
            "unknown API key location 'cookie', expected one of 'query', 'header'"
            " (cookie API keys need OpenAPI 3.0 or later)",
        )
        return "cookie"
    return check.choice("in", value, SWAGGER2_API_KEY_LOCATIONS, "API key location")


def _write_extra(output: dict[str, JSONValue], extra: Mapping[str, JSONValue]) -> dict[str, JSONValue]:
    for key, value in extra.items():
        output[key] = thaw(value)
    return output


@dataclass(frozen=True, kw_only=True, slots=True)
class Swagger2Basic:
    """HTTP basic authentication in Swagger 2.0 (``type: basic``); OpenAPI 3 writes it as ``http``."""

    type: ClassVar[Literal["basic"]] = "basic"
    _KEYS: ClassVar[frozenset[str]] = frozenset({"type", "description"})

    description: str | None = None
    """``description``, GitHub Flavored Markdown text."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)
    """Keys that this type does not model: extensions, and fields of other types."""

    def __post_init__(self) -> None:
        check = Check("", Budget())
        description = check.optional_string("description", absent_if_none(self.description))
        object.__setattr__(self, "description", description)
        object.__setattr__(self, "extra", check.extra(self.extra, self._KEYS, "Swagger2Basic"))
        check.raise_if_failed(("description",))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Swagger2Basic:
        """Read a ``basic`` scheme, reporting every problem in one ``ValidationError``."""
        check = begin(cls.__name__, data)
        _check_type(check, data, cls.type)
        scheme = cls._read(data, check)
        check.raise_if_failed(data)
        return scheme

    @classmethod
    def _read(cls, data: Mapping[str, object], check: Check) -> Swagger2Basic:
        scheme = object.__new__(cls)
        description = check.optional_string("description", data.get("description", MISSING))
        object.__setattr__(scheme, "description", description)
        object.__setattr__(scheme, "extra", check.extra_from(data, cls._KEYS))
        return scheme

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the scheme as a fresh JSON object: spec keys in spec order, then extra keys."""
        output: dict[str, JSONValue] = {"type": "basic"}
        if self.description is not None:
            output["description"] = self.description
        return _write_extra(output, self.extra)


@dataclass(frozen=True, kw_only=True, slots=True)
class Swagger2APIKey:
    """An API key sent in a query parameter or a header (``type: apiKey``) in Swagger 2.0."""

    type: ClassVar[Literal["apiKey"]] = "apiKey"
    _KEYS: ClassVar[frozenset[str]] = frozenset({"type", "description", "name", "in"})

    description: str | None = None
    """``description``, GitHub Flavored Markdown text."""
    name: str
    """``name``: the name of the header or query parameter."""
    in_: Literal["query", "header"]
    """``in``: where the key is sent; Swagger 2.0 has no cookie API keys."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)
    """Keys that this type does not model: extensions, and fields of other types."""

    def __post_init__(self) -> None:
        check = Check("", Budget())
        description = check.optional_string("description", absent_if_none(self.description))
        object.__setattr__(self, "description", description)
        object.__setattr__(self, "name", check.string("name", self.name))
        object.__setattr__(self, "in_", _read_location(check, self.in_))
        object.__setattr__(self, "extra", check.extra(self.extra, self._KEYS, "Swagger2APIKey"))
        check.raise_if_failed(("description", "name", "in"))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Swagger2APIKey:
        """Read an ``apiKey`` scheme, reporting every problem in one ``ValidationError``."""
        check = begin(cls.__name__, data)
        _check_type(check, data, cls.type)
        scheme = cls._read(data, check)
        check.raise_if_failed(data)
        return scheme

    @classmethod
    def _read(cls, data: Mapping[str, object], check: Check) -> Swagger2APIKey:
        scheme = object.__new__(cls)
        description = check.optional_string("description", data.get("description", MISSING))
        object.__setattr__(scheme, "description", description)
        object.__setattr__(scheme, "name", check.string("name", data.get("name", MISSING)))
        object.__setattr__(scheme, "in_", _read_location(check, data.get("in", MISSING)))
        object.__setattr__(scheme, "extra", check.extra_from(data, cls._KEYS))
        return scheme

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the scheme as a fresh JSON object: spec keys in spec order, then extra keys."""
        output: dict[str, JSONValue] = {"type": "apiKey"}
        if self.description is not None:
            output["description"] = self.description
        output["name"] = self.name
        output["in"] = self.in_
        return _write_extra(output, self.extra)


@dataclass(frozen=True, kw_only=True, slots=True)
class Swagger2OAuth2:
    """OAuth 2.0 in Swagger 2.0 (``type: oauth2``): one ``flow`` with its URLs and scopes.

    ``authorization_url`` is set for the ``implicit`` and ``accessCode`` flows
    and ``token_url`` for ``password``, ``application`` and ``accessCode``.
    A URL key given for a flow that does not use it is kept in ``extra``.
    """

    type: ClassVar[Literal["oauth2"]] = "oauth2"
    _COMMON_KEYS: ClassVar[frozenset[str]] = frozenset({"type", "description", "flow", "scopes"})

    description: str | None = None
    """``description``, GitHub Flavored Markdown text."""
    flow: Literal["implicit", "password", "application", "accessCode"]
    """``flow``, where ``application`` is OpenAPI 3's ``clientCredentials``.

    ``accessCode`` is OpenAPI 3's ``authorizationCode``.
    """
    authorization_url: str | None = None
    """``authorizationUrl``, for the implicit and accessCode flows; ``None`` for the others."""
    token_url: str | None = None
    """``tokenUrl``, for the password, application and accessCode flows; ``None`` for implicit."""
    scopes: Mapping[str, str] = field(default_factory=_empty)  # type: ignore[arg-type]
    """``scopes``: scope names mapped to short descriptions, without the map's ``x-`` extensions."""
    scope_extensions: Mapping[str, JSONValue] = field(default_factory=_empty)
    """The ``x-`` keys of the ``scopes`` map, which Swagger 2.0 reads as extensions, not scopes."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)
    """Keys that this type and flow do not model: extensions, and fields of other types or flows."""

    def __post_init__(self) -> None:
        check = Check("", Budget())
        description = check.optional_string("description", absent_if_none(self.description))
        object.__setattr__(self, "description", description)
        flow = check.choice("flow", self.flow, SWAGGER2_FLOWS, "Swagger 2.0 flow")
        object.__setattr__(self, "flow", flow)
        required = SWAGGER2_FLOW_URLS.get(flow)
        for attribute, key in _URL_ATTRIBUTES:
            value = getattr(self, attribute)
            if required is None:
                object.__setattr__(self, attribute, check.optional_string(key, absent_if_none(value)))
            elif key in required:
                object.__setattr__(self, attribute, check.string(key, absent_if_none(value)))
            elif value is not None:
                check.fail(key, f"expected None because the {flow} flow has no {key}, got {describe(value)}")

        scopes = check.scopes("scopes", self.scopes)
        for name in scopes:
            if name.startswith("x-"):
                check.fail(
                    "scopes",
                    f"{name!r} is an extension of the scopes map, not a scope,"
                    " expected it in scope_extensions",
                    f"/{escape_pointer_token(name)}",
                )
        object.__setattr__(self, "scopes", scopes)
        object.__setattr__(self, "scope_extensions", self._check_scope_extensions(check))

        reserved = self._keys(flow)
        object.__setattr__(self, "extra", check.extra(self.extra, reserved, "Swagger2OAuth2"))
        check.raise_if_failed(("description", "flow", "authorizationUrl", "tokenUrl", "scopes"))

    def _check_scope_extensions(self, check: Check) -> FrozenDict[str, JSONValue]:
        nested = check.child("scopes")
        extensions = nested.extra(self.scope_extensions, frozenset(), "Swagger2OAuth2")
        for name in extensions:
            if not name.startswith("x-"):
                nested.fail(name, f"expected an 'x-' key in scope_extensions, got {name!r} (a scope name)")
        check.adopt("scopes", nested, extensions)
        return extensions

    @classmethod
    def _keys(cls, flow: str) -> frozenset[str]:
        """Return the spec keys that the scheme models for ``flow``; unknown flows get both URLs."""
        return cls._COMMON_KEYS | frozenset(SWAGGER2_FLOW_URLS.get(flow, ("authorizationUrl", "tokenUrl")))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Swagger2OAuth2:
        """Read an ``oauth2`` scheme, reporting every problem in one ``ValidationError``."""
        check = begin(cls.__name__, data)
        _check_type(check, data, cls.type)
        scheme = cls._read(data, check)
        check.raise_if_failed(data)
        return scheme

    @classmethod
    def _read(cls, data: Mapping[str, object], check: Check) -> Swagger2OAuth2:
        scheme = object.__new__(cls)
        description = check.optional_string("description", data.get("description", MISSING))
        object.__setattr__(scheme, "description", description)
        flow = check.choice("flow", data.get("flow", MISSING), SWAGGER2_FLOWS, "Swagger 2.0 flow")
        object.__setattr__(scheme, "flow", flow)

        # A flow that is wrong or missing leaves both URLs optional, so that only the flow is reported.
        required = SWAGGER2_FLOW_URLS.get(flow)
        for attribute, key in _URL_ATTRIBUTES:
            value = data.get(key, MISSING)
            if required is None:
                object.__setattr__(scheme, attribute, check.optional_string(key, value))
            elif key in required:
                object.__setattr__(scheme, attribute, check.string(key, value))
            else:
                object.__setattr__(scheme, attribute, None)  # The key, if any, goes to extra.

        scopes, extensions = _read_scopes(check, data.get("scopes", MISSING))
        object.__setattr__(scheme, "scopes", scopes)
        object.__setattr__(scheme, "scope_extensions", extensions)
        object.__setattr__(scheme, "extra", check.extra_from(data, cls._keys(flow)))
        return scheme

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the scheme as a fresh JSON object: spec keys in spec order, then extra keys.

        The scope extensions are written back into ``scopes``, after the scopes.
        """
        output: dict[str, JSONValue] = {"type": "oauth2"}
        if self.description is not None:
            output["description"] = self.description
        output["flow"] = self.flow
        if self.authorization_url is not None:
            output["authorizationUrl"] = self.authorization_url
        if self.token_url is not None:
            output["tokenUrl"] = self.token_url
        scopes: dict[str, JSONValue] = dict(self.scopes)
        for key, value in self.scope_extensions.items():
            scopes[key] = thaw(value)
        output["scopes"] = scopes
        return _write_extra(output, self.extra)


def _read_scopes(check: Check, value: object) -> tuple[FrozenDict[str, str], FrozenDict[str, JSONValue]]:
    """Read a 2.0 Scopes Object: scope names to descriptions, and ``x-`` extensions kept apart."""
    if type(value) is dict or type(value) is FrozenDict:
        # The common case: string scopes only, checked in one pass and copied at C speed.
        given = cast("dict[object, object]", value)
        for name, description in given.items():
            if type(name) is not str or type(description) is not str or name.startswith("x-"):
                break
        else:
            strings = cast("dict[str, str]", given)
            return (strings if isinstance(strings, FrozenDict) else FrozenDict(strings)), EMPTY
    if value is MISSING:
        return EMPTY, EMPTY  # type: ignore[return-value]
    if not isinstance(value, Mapping):
        check.fail("scopes", f"expected an object mapping scope names to descriptions, got {describe(value)}")
        return EMPTY, EMPTY  # type: ignore[return-value]

    members = cast("Mapping[object, object]", value)
    scopes: dict[str, str] = {}
    extensions: dict[str, JSONValue] = {}
    nested = check.child("scopes")
    for name, description in members.items():
        if not isinstance(name, str):
            nested.fail(name, f"expected a string key (a scope name), got {describe(name)}")
        elif name.startswith("x-"):
            extensions[str.__str__(name)] = nested.json_value(name, description)
        elif not isinstance(description, str):
            nested.fail(name, f"expected a string (the scope's description), got {describe(description)}")
        else:
            scopes[str.__str__(name)] = str.__str__(description)
    check.adopt("scopes", nested, members)
    return FrozenDict(scopes), (FrozenDict(extensions) if extensions else EMPTY)


Swagger2SecurityScheme: TypeAlias = Swagger2Basic | Swagger2APIKey | Swagger2OAuth2
"""Any Swagger 2.0 Security Scheme Object; narrow it with ``isinstance`` or by its ``type``."""

_CLASSES: Final[dict[str, type[Swagger2Basic | Swagger2APIKey | Swagger2OAuth2]]] = {
    "basic": Swagger2Basic,
    "apiKey": Swagger2APIKey,
    "oauth2": Swagger2OAuth2,
}


def read_swagger2_scheme(data: Mapping[str, object], check: Check) -> Swagger2SecurityScheme | None:
    """Read a 2.0 scheme of any type into ``check``; ``None`` when its ``type`` is unusable."""
    kind = data.get("type", MISSING)
    # A str subclass (a StrEnum member) counts by its plain text, as in the 3.x reader.
    scheme_class = _CLASSES.get(str.__str__(kind)) if isinstance(kind, str) else None
    if scheme_class is None:
        check.choice("type", kind, SWAGGER2_TYPES, "Swagger 2.0 security scheme type")
        return None
    return scheme_class._read(data, check)  # pyright: ignore[reportPrivateUsage]


def parse_swagger2_security_scheme(data: Mapping[str, object]) -> Swagger2SecurityScheme:
    """Read a Swagger 2.0 Security Scheme Object of any type, choosing the class by its ``type``.

    Raises ``ValidationError`` listing every problem, or ``TypeError`` when
    ``data`` is not a mapping.
    """
    check = begin("parse_swagger2_security_scheme", data)
    scheme = read_swagger2_scheme(data, check)
    check.raise_if_failed(data)
    assert scheme is not None  # A scheme is None only when a problem was recorded.
    return scheme
