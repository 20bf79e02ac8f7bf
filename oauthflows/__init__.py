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

TYPE_CHECKING = False  # As typing's, without importing typing: see _values.py.
if TYPE_CHECKING:
    from ._convert import Conversion, to_openapi3, to_swagger2
    from ._document import Document, check_document, read_document
    from ._findings import Finding
    from ._reference import Reference
    from ._requirements import OperationSecurity, SecurityRequirement
    from ._swagger2 import (
        Swagger2APIKey,
        Swagger2Basic,
        Swagger2OAuth2,
        Swagger2SecurityScheme,
        parse_swagger2_security_scheme,
    )
    from ._urls import resolve_urls

__all__ = [
    "APIKey",
    "Conversion",
    "Document",
    "Finding",
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
    "OperationSecurity",
    "Reference",
    "SecurityRequirement",
    "SecurityScheme",
    "Swagger2APIKey",
    "Swagger2Basic",
    "Swagger2OAuth2",
    "Swagger2SecurityScheme",
    "ValidationError",
    "ValidationErrorItem",
    "check_document",
    "parse_security_scheme",
    "parse_swagger2_security_scheme",
    "read_document",
    "resolve_urls",
    "to_openapi3",
    "to_swagger2",
]

# Modules the models do not need are imported on first use, so that `import oauthflows` stays cheap.
_LAZY_MODULES = {
    "Conversion": "._convert",
    "to_openapi3": "._convert",
    "to_swagger2": "._convert",
    "Document": "._document",
    "check_document": "._document",
    "read_document": "._document",
    "Finding": "._findings",
    "OperationSecurity": "._requirements",
    "SecurityRequirement": "._requirements",
    "Reference": "._reference",
    "Swagger2APIKey": "._swagger2",
    "Swagger2Basic": "._swagger2",
    "Swagger2OAuth2": "._swagger2",
    "Swagger2SecurityScheme": "._swagger2",
    "parse_swagger2_security_scheme": "._swagger2",
    "resolve_urls": "._urls",
}


if not TYPE_CHECKING:
    # Hidden from type checkers, which would otherwise accept any name as an attribute of the package.

    def __getattr__(name: str) -> object:
        module_name = _LAZY_MODULES.get(name)
        if module_name is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        import importlib

        value: object = getattr(importlib.import_module(module_name, __name__), name)
        globals()[name] = value  # Later look-ups find it directly, without calling __getattr__.
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *_LAZY_MODULES})
