"""The URL fields of a security scheme: listing them, judging them, resolving them against a server URL."""

from __future__ import annotations

import dataclasses
import ipaddress
from typing import Final, TypeVar, cast
from urllib.parse import urljoin, urlsplit

from ._flows import (
    OAuthFlowAuthorizationCode,
    OAuthFlowClientCredentials,
    OAuthFlowDeviceAuthorization,
    OAuthFlowImplicit,
    OAuthFlowPassword,
)
from ._schemes import APIKey, HTTPAuthentication, MutualTLS, OAuth2, OpenIdConnect
from ._swagger2 import Swagger2APIKey, Swagger2Basic, Swagger2OAuth2

__all__ = ["FLOW_URLS", "is_insecure_url", "resolve_urls", "scheme_urls"]

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


def is_insecure_url(url: str) -> bool:
    """Tell whether ``url`` is absolute, over plain ``http``, and to a host other than loopback.

    Loopback is ``localhost``, 127.0.0.0/8 and ``[::1]``. Relative URLs and
    URLs that cannot be parsed are not judged.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # Such as an unclosed "[" in the host.
        return False
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
    ``TypeError`` for a ``Reference``, which must be resolved first.
    """
    # Callers without a type checker may pass anything.
    if not isinstance(cast(object, scheme), _SCHEME_CLASSES):
        raise TypeError(
            f"resolve_urls() expects a security scheme model, got {type(scheme).__name__}"
            " (resolve a Reference to its scheme first)"
        )
    if not isinstance(cast(object, server_url), str):
        raise TypeError(f"resolve_urls() expects a server URL string, got {type(server_url).__name__}")

    if isinstance(scheme, OAuth2):
        flows = scheme.flows
        metadata_url = scheme.oauth2_metadata_url
        resolved_flows = dataclasses.replace(
            flows,
            implicit=_resolve_flow(flows.implicit, server_url),
            password=_resolve_flow(flows.password, server_url),
            client_credentials=_resolve_flow(flows.client_credentials, server_url),
            authorization_code=_resolve_flow(flows.authorization_code, server_url),
            device_authorization=_resolve_flow(flows.device_authorization, server_url),
        )
        return dataclasses.replace(
            scheme,
            flows=resolved_flows,
            oauth2_metadata_url=None if metadata_url is None else urljoin(server_url, metadata_url),
        )
    if isinstance(scheme, OpenIdConnect):
        return dataclasses.replace(
            scheme, open_id_connect_url=urljoin(server_url, scheme.open_id_connect_url)
        )
    if isinstance(scheme, Swagger2OAuth2):
        authorization_url, token_url = scheme.authorization_url, scheme.token_url
        return dataclasses.replace(
            scheme,
            authorization_url=None if authorization_url is None else urljoin(server_url, authorization_url),
            token_url=None if token_url is None else urljoin(server_url, token_url),
        )
    return scheme  # A type without URL fields.


def _resolve_flow(flow: _Flow | None, server_url: str) -> _Flow | None:
    if flow is None:
        return None
    changes = {}
    for attribute, _ in FLOW_URLS:
        url = getattr(flow, attribute, None)
        if url is not None:
            changes[attribute] = urljoin(server_url, url)
    return dataclasses.replace(flow, **changes)
