"""The security schemes as msgspec Structs, written for the benchmark as a fair equivalent.

Fields have the same names, types and optionality as oauthflows' models,
spec keys come from ``rename``-style field names, ``type`` is the tag of a
tagged union, and ``omit_defaults`` leaves unset fields out of the output.
What it drops: keys that the model does not name (extensions such as
``x-…``) are ignored on reading, so they are lost, and an empty ``scopes``
map is written as absent. It checks every type, ``Literal`` values included.
"""

from __future__ import annotations

from typing import Literal

import msgspec

_OPTIONS = {"kw_only": True, "frozen": True, "omit_defaults": True}


class OAuthFlowImplicit(msgspec.Struct, **_OPTIONS):
    authorization_url: str = msgspec.field(name="authorizationUrl")
    refresh_url: str | None = msgspec.field(default=None, name="refreshUrl")
    scopes: dict[str, str] = msgspec.field(default_factory=dict)


class OAuthFlowPassword(msgspec.Struct, **_OPTIONS):
    token_url: str = msgspec.field(name="tokenUrl")
    refresh_url: str | None = msgspec.field(default=None, name="refreshUrl")
    scopes: dict[str, str] = msgspec.field(default_factory=dict)


class OAuthFlowClientCredentials(msgspec.Struct, **_OPTIONS):
    token_url: str = msgspec.field(name="tokenUrl")
    refresh_url: str | None = msgspec.field(default=None, name="refreshUrl")
    scopes: dict[str, str] = msgspec.field(default_factory=dict)


class OAuthFlowAuthorizationCode(msgspec.Struct, **_OPTIONS):
    authorization_url: str = msgspec.field(name="authorizationUrl")
    token_url: str = msgspec.field(name="tokenUrl")
    refresh_url: str | None = msgspec.field(default=None, name="refreshUrl")
    scopes: dict[str, str] = msgspec.field(default_factory=dict)


class OAuthFlowDeviceAuthorization(msgspec.Struct, **_OPTIONS):
    device_authorization_url: str = msgspec.field(name="deviceAuthorizationUrl")
    token_url: str = msgspec.field(name="tokenUrl")
    refresh_url: str | None = msgspec.field(default=None, name="refreshUrl")
    scopes: dict[str, str] = msgspec.field(default_factory=dict)


class OAuthFlows(msgspec.Struct, **_OPTIONS):
    implicit: OAuthFlowImplicit | None = None
    password: OAuthFlowPassword | None = None
    client_credentials: OAuthFlowClientCredentials | None = msgspec.field(
        default=None, name="clientCredentials"
    )
    authorization_code: OAuthFlowAuthorizationCode | None = msgspec.field(
        default=None, name="authorizationCode"
    )
    device_authorization: OAuthFlowDeviceAuthorization | None = msgspec.field(
        default=None, name="deviceAuthorization"
    )


class APIKey(msgspec.Struct, tag_field="type", tag="apiKey", **_OPTIONS):
    description: str | None = None
    name: str
    in_: Literal["query", "header", "cookie"] = msgspec.field(name="in")
    deprecated: bool | None = None


class HTTPAuthentication(msgspec.Struct, tag_field="type", tag="http", **_OPTIONS):
    description: str | None = None
    scheme: str
    bearer_format: str | None = msgspec.field(default=None, name="bearerFormat")
    deprecated: bool | None = None


class OAuth2(msgspec.Struct, tag_field="type", tag="oauth2", **_OPTIONS):
    description: str | None = None
    flows: OAuthFlows
    oauth2_metadata_url: str | None = msgspec.field(default=None, name="oauth2MetadataUrl")
    deprecated: bool | None = None


class OpenIdConnect(msgspec.Struct, tag_field="type", tag="openIdConnect", **_OPTIONS):
    description: str | None = None
    open_id_connect_url: str = msgspec.field(name="openIdConnectUrl")
    deprecated: bool | None = None


class MutualTLS(msgspec.Struct, tag_field="type", tag="mutualTLS", **_OPTIONS):
    description: str | None = None
    deprecated: bool | None = None


SecurityScheme = APIKey | HTTPAuthentication | OAuth2 | OpenIdConnect | MutualTLS
