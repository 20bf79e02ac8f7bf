"""The URL fields of a security scheme: listing them, judging them, resolving them against a server URL."""

from __future__ import annotations

import dataclasses
import ipaddress
from typing import Any, Final, TypeVar, cast
from urllib.parse import SplitResult, urljoin, urlsplit

from ._errors import ValidationError, ValidationErrorItem
from ._flows import (
    OAuthFlowAuthorizationCode,
    OAuthFlowClientCredentials,
    OAuthFlowDeviceAuthorization,
    OAuthFlowImplicit,
    OAuthFlowPassword,
)
from ._schemes import APIKey, HTTPAuthentication, MutualTLS, OAuth2, OpenIdConnect
from ._swagger2 import Swagger2APIKey, Swagger2Basic, Swagger2OAuth2
from ._values import quote

__all__ = ["FLOW_URLS", "is_insecure_url", "resolve_urls", "scheme_urls", "url_parse_error"]

_AnyScheme = TypeVar(
    "_AnyScheme",
    APIKey,
    HTTPAuthentication,
    OAuth2,
    OpenIdConnect,
    MutualTLS,
    Swagger2Basic,
    Swagger2APIKey,
    Swagger2OAuth2,
)

_Flow = TypeVar(
    "_Flow",
    OAuthFlowImplicit,
    OAuthFlowPassword,
    OAuthFlowClientCredentials,
    OAuthFlowAuthorizationCode,
    OAuthFlowDeviceAuthorization,
)

_SCHEME_CLASSES: Final = (
    APIKey,
    HTTPAuthentication,
    OAuth2,
    OpenIdConnect,
    MutualTLS,
    Swagger2Basic,
    Swagger2APIKey,
    Swagger2OAuth2,
)

FLOW_URLS: Final = (
    ("authorization_url", "authorizationUrl"),
    ("device_authorization_url", "deviceAuthorizationUrl"),
    ("token_url", "tokenUrl"),
    ("refresh_url", "refreshUrl"),
)
"""Every URL attribute of the flow classes with its spec key; each flow class has some of them."""

_IPV6_LOOPBACK: Final = ipaddress.IPv6Address("::1")


def scheme_urls(scheme: object) -> list[tuple[str, str]]:
    """Return the URL fields of a scheme that are set, as (JSON Pointer below the scheme, URL) pairs."""
    urls: list[tuple[str, str]] = []
    if isinstance(scheme, OAuth2):
        for flow_key, flow in scheme.flows.items():
            for attribute, key in FLOW_URLS:
                url = getattr(flow, attribute, None)
                if url is not None:
                    urls.append((f"/flows/{flow_key}/{key}", url))
        if scheme.oauth2_metadata_url is not None:
            urls.append(("/oauth2MetadataUrl", scheme.oauth2_metadata_url))
    elif isinstance(scheme, OpenIdConnect):
        urls.append(("/openIdConnectUrl", scheme.open_id_connect_url))
    elif isinstance(scheme, Swagger2OAuth2):
        if scheme.authorization_url is not None:
            urls.append(("/authorizationUrl", scheme.authorization_url))
        if scheme.token_url is not None:
            urls.append(("/tokenUrl", scheme.token_url))
    return urls


def _checked_split(url: str) -> SplitResult:
    """Split ``url``, raising ``ValueError`` when urllib cannot parse it, its host and port included."""
    parts = urlsplit(url)
    parts.hostname  # noqa: B018  # Reading the host and the port checks them.
    parts.port  # noqa: B018
    return parts


def url_parse_error(url: str) -> str | None:
    """Return why urllib cannot parse ``url``, or None when it can.

    Examples are an unclosed "[" in the host and a port that is not a number.
    """
    try:
        _checked_split(url)
    except ValueError as error:
        return str(error)
    return None


def is_insecure_url(url: str) -> bool:
    """Tell whether ``url`` is absolute, over plain ``http``, and to a host other than loopback.

    Loopback is ``localhost``, 127.0.0.0/8 and ``[::1]``. Relative URLs and
    URLs that cannot be parsed are not judged.
    """
    try:
        parts = _checked_split(url)
    except ValueError:
        return False  # Reported as invalid-value instead.
    host = parts.hostname
    if parts.scheme != "http" or not host:  # urlsplit lowercases the scheme and the host.
        return False
    if host == "localhost":
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return True  # A host name.
    if isinstance(address, ipaddress.IPv4Address):
        return not address.is_loopback
    return address != _IPV6_LOOPBACK


def resolve_urls(scheme: _AnyScheme, server_url: str) -> _AnyScheme:
    """Return a copy of ``scheme`` with each relative URL field resolved against ``server_url``.

    Resolution follows ``urllib.parse.urljoin``, so absolute URLs stay as
    they are. Schemes without URL fields are returned unchanged. Raises
    ``TypeError`` for a ``Reference``, which must be resolved first,
    ``ValueError`` for a server URL that urllib cannot parse, and
    ``ValidationError`` for URL fields that it cannot parse, such as an
    unclosed ``[`` in the host.
    """
    # Callers without a type checker may pass anything.
    if not isinstance(cast(object, scheme), _SCHEME_CLASSES):
        raise TypeError(
            f"resolve_urls() expects a security scheme model, got {type(scheme).__name__}"
            " (resolve a Reference to its scheme first)"
        )
    if not isinstance(cast(object, server_url), str):
        raise TypeError(f"resolve_urls() expects a server URL string, got {type(server_url).__name__}")
    error = url_parse_error(server_url)
    if error is not None:
        raise ValueError(f"resolve_urls() expects a server URL, got {quote(server_url)} ({error})")

    joiner = _Joiner(server_url)
    resolved = _resolve(scheme, joiner)
    if joiner.problems:
        raise ValidationError(tuple(joiner.problems))
    return resolved


class _Joiner:
    """Resolves URLs against one server URL, and records each URL that urllib cannot parse."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self.problems: list[ValidationErrorItem] = []

    def join(self, pointer: str, url: str) -> str:
        """Return ``url`` resolved, or as it is when it cannot be parsed."""
        error = url_parse_error(url)
        if error is not None:
            message = (
                f"expected a URL that can be resolved against the server URL, got {quote(url)} ({error})"
            )
            self.problems.append(ValidationErrorItem(pointer, message))
            return url
        return urljoin(self.server_url, url)


def _resolve(scheme: _AnyScheme, joiner: _Joiner) -> _AnyScheme:
    if isinstance(scheme, OAuth2):
        flows = scheme.flows
        resolved_flows = dataclasses.replace(
            flows,
            implicit=_resolve_flow(flows.implicit, "implicit", joiner),
            password=_resolve_flow(flows.password, "password", joiner),
            client_credentials=_resolve_flow(flows.client_credentials, "clientCredentials", joiner),
            authorization_code=_resolve_flow(flows.authorization_code, "authorizationCode", joiner),
            device_authorization=_resolve_flow(flows.device_authorization, "deviceAuthorization", joiner),
        )
        return dataclasses.replace(
            scheme,
            flows=resolved_flows,
            oauth2_metadata_url=_join_optional(joiner, "/oauth2MetadataUrl", scheme.oauth2_metadata_url),
        )
    if isinstance(scheme, OpenIdConnect):
        open_id_connect_url = joiner.join("/openIdConnectUrl", scheme.open_id_connect_url)
        return dataclasses.replace(scheme, open_id_connect_url=open_id_connect_url)
    if isinstance(scheme, Swagger2OAuth2):
        return dataclasses.replace(
            scheme,
            authorization_url=_join_optional(joiner, "/authorizationUrl", scheme.authorization_url),
            token_url=_join_optional(joiner, "/tokenUrl", scheme.token_url),
        )
    return scheme  # A type without URL fields.


def _join_optional(joiner: _Joiner, pointer: str, url: str | None) -> str | None:
    return None if url is None else joiner.join(pointer, url)


def _resolve_flow(flow: _Flow | None, key: str, joiner: _Joiner) -> _Flow | None:
    if flow is None:
        return None
    # The flow classes have different URL fields, so replace() checks the names at run time.
    changes: dict[str, Any] = {}
    for attribute, url_key in FLOW_URLS:
        url = getattr(flow, attribute, None)
        if url is not None:
            changes[attribute] = joiner.join(f"/flows/{key}/{url_key}", url)
    return dataclasses.replace(flow, **changes)
