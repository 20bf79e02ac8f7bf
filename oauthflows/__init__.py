"""OpenAPI security schemes as frozen, typed standard-library dataclasses.

Read a Security Scheme Object with ``parse_security_scheme`` or a class's
``from_dict``, and write it back with ``to_dict``. Everything public is
importable from here.
"""

from __future__ import annotations

from ._errors import ValidationError, ValidationErrorItem
from ._flows import (
    OAuthFlow,
    OAuthFlowAuthorizationCode,
    OAuthFlowClientCredentials,
    OAuthFlowDeviceAuthorization,
    OAuthFlowImplicit,
    OAuthFlowPassword,
    OAuthFlows,
)
from ._reference import Reference
from ._schemes import (
    APIKey,
    HTTPAuthentication,
    MutualTLS,
    OAuth2,
    OpenIdConnect,
    SecurityScheme,
    parse_security_scheme,
)
from ._values import JSONValue

__all__ = [
    "APIKey",
    "HTTPAuthentication",
    "JSONValue",
    "MutualTLS",
    "OAuth2",
    "OAuthFlow",
    "OAuthFlowAuthorizationCode",
    "OAuthFlowClientCredentials",
    "OAuthFlowDeviceAuthorization",
    "OAuthFlowImplicit",
    "OAuthFlowPassword",
    "OAuthFlows",
    "OpenIdConnect",
    "Reference",
    "SecurityScheme",
    "ValidationError",
    "ValidationErrorItem",
    "parse_security_scheme",
]
