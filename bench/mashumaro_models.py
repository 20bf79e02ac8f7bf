"""The security schemes as mashumaro dataclasses, written for the benchmark as a fair equivalent.

Frozen, keyword-only, slotted dataclasses like oauthflows' models, with spec
keys as field aliases, ``serialize_by_alias`` and ``omit_none`` on writing,
and ``type`` as the discriminator of the scheme union. What it drops: keys
that the model does not name (extensions such as ``x-…``) are ignored on
reading, so they are lost. Its readers convert rather than check scalars:
a number given for a URL is stored as ``str(number)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from mashumaro import DataClassDictMixin
from mashumaro.config import BaseConfig
from mashumaro.types import Discriminator


class _Model(DataClassDictMixin):
    __slots__ = ()

    class Config(BaseConfig):
        serialize_by_alias = True
        omit_none = True


@dataclass(frozen=True, kw_only=True, slots=True)
class OAuthFlowImplicit(_Model):
    authorization_url: str = field(metadata={"alias": "authorizationUrl"})
    refresh_url: str | None = field(default=None, metadata={"alias": "refreshUrl"})
    scopes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class OAuthFlowPassword(_Model):
    token_url: str = field(metadata={"alias": "tokenUrl"})
    refresh_url: str | None = field(default=None, metadata={"alias": "refreshUrl"})
    scopes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class OAuthFlowClientCredentials(_Model):
    token_url: str = field(metadata={"alias": "tokenUrl"})
    refresh_url: str | None = field(default=None, metadata={"alias": "refreshUrl"})
    scopes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class OAuthFlowAuthorizationCode(_Model):
    authorization_url: str = field(metadata={"alias": "authorizationUrl"})
    token_url: str = field(metadata={"alias": "tokenUrl"})
    refresh_url: str | None = field(default=None, metadata={"alias": "refreshUrl"})
    scopes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class OAuthFlowDeviceAuthorization(_Model):
    device_authorization_url: str = field(metadata={"alias": "deviceAuthorizationUrl"})
    token_url: str = field(metadata={"alias": "tokenUrl"})
    refresh_url: str | None = field(default=None, metadata={"alias": "refreshUrl"})
    scopes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class OAuthFlows(_Model):
    implicit: OAuthFlowImplicit | None = None
    password: OAuthFlowPassword | None = None
    client_credentials: OAuthFlowClientCredentials | None = field(
        default=None, metadata={"alias": "clientCredentials"}
    )
    authorization_code: OAuthFlowAuthorizationCode | None = field(
        default=None, metadata={"alias": "authorizationCode"}
    )
    device_authorization: OAuthFlowDeviceAuthorization | None = field(
        default=None, metadata={"alias": "deviceAuthorization"}
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class APIKey(_Model):
    type: Literal["apiKey"] = "apiKey"
    description: str | None = None
    name: str
    in_: Literal["query", "header", "cookie"] = field(metadata={"alias": "in"})
    deprecated: bool | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class HTTPAuthentication(_Model):
    type: Literal["http"] = "http"
    description: str | None = None
    scheme: str
    bearer_format: str | None = field(default=None, metadata={"alias": "bearerFormat"})
    deprecated: bool | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class OAuth2(_Model):
    type: Literal["oauth2"] = "oauth2"
    description: str | None = None
    flows: OAuthFlows
    oauth2_metadata_url: str | None = field(default=None, metadata={"alias": "oauth2MetadataUrl"})
    deprecated: bool | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class OpenIdConnect(_Model):
    type: Literal["openIdConnect"] = "openIdConnect"
    description: str | None = None
    open_id_connect_url: str = field(metadata={"alias": "openIdConnectUrl"})
    deprecated: bool | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class MutualTLS(_Model):
    type: Literal["mutualTLS"] = "mutualTLS"
    description: str | None = None
    deprecated: bool | None = None


def _type_of(model: type) -> object:
    # Slots turn the class attribute ``type`` into a descriptor, so read the field's default.
    return model.__dataclass_fields__["type"].default  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Components(_Model):
    """A map of schemes, because mashumaro reads unions only as fields of a dataclass."""

    security_schemes: dict[
        str,
        Annotated[
            APIKey | HTTPAuthentication | OAuth2 | OpenIdConnect | MutualTLS,
            Discriminator(field="type", include_supertypes=True, variant_tagger_fn=_type_of),
        ],
    ] = field(metadata={"alias": "securitySchemes"})
