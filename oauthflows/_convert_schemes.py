"""Converting one security scheme between Swagger 2.0 and OpenAPI 3, reporting what the target cannot express.

Both directions keep the description, the URLs, the scopes and every
extension. The ``x-`` keys of a 2.0 scopes map become extensions of the 3.x
flow object, and the other way round. A finding's path is a JSON Pointer from
the input document's root, built from the ``pointer`` of the scheme.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypeAlias

from ._errors import escape_pointer_token
from ._findings import Finding, finding
from ._flows import (
    OAuthFlow,
    OAuthFlowAuthorizationCode,
    OAuthFlowClientCredentials,
    OAuthFlowDeviceAuthorization,
    OAuthFlowImplicit,
    OAuthFlowPassword,
    OAuthFlows,
)
from ._schemes import APIKey, HTTPAuthentication, OAuth2, OpenIdConnect, SecurityScheme
from ._swagger2 import (
    SWAGGER2_FLOW_URLS,
    Swagger2APIKey,
    Swagger2Basic,
    Swagger2OAuth2,
    Swagger2SecurityScheme,
)
from ._values import EMPTY, FrozenDict, JSONValue

__all__ = ["SWAGGER2_FLOW_NAMES", "scheme_to_openapi3", "scheme_to_swagger2"]

Swagger2Flow: TypeAlias = Literal["implicit", "password", "application", "accessCode"]

SWAGGER2_FLOW_NAMES: Final[dict[str, Swagger2Flow]] = {
    "implicit": "implicit",
    "password": "password",
    "clientCredentials": "application",
    "authorizationCode": "accessCode",
}
"""The Swagger 2.0 ``flow`` value of each OpenAPI 3 flow key that 2.0 can express."""

# Fields that an OpenAPI 3 class models and its Swagger 2.0 counterpart does not. A 2.0 scheme can hold
# such a key only as an unknown one, and the 3.x model would read it as its own field, so it is left out.
_OPENAPI3_ONLY_FIELDS: Final = {
    "basic": ("scheme", "bearerFormat", "deprecated"),
    "apiKey": ("deprecated",),
    "oauth2": ("flows", "oauth2MetadataUrl", "deprecated"),
}
_OPENAPI3_TYPES: Final = {"basic": "http", "apiKey": "apiKey", "oauth2": "oauth2"}
_SWAGGER2_OAUTH2_FIELDS: Final = frozenset({"type", "description", "flow", "scopes"})


def _pointer(parent: str, key: str) -> str:
    return f"{parent}/{escape_pointer_token(key)}"


def _not_expressible(findings: list[Finding], path: str, message: str) -> None:
    findings.append(finding("not-expressible", path, message))


# Swagger 2.0 to OpenAPI 3


def scheme_to_openapi3(pointer: str, scheme: Swagger2SecurityScheme) -> tuple[SecurityScheme, list[Finding]]:
    """Convert a Swagger 2.0 scheme read from ``pointer`` to its OpenAPI 3 scheme.

    ``basic`` becomes ``http`` with scheme ``basic``, and the one flow of an
    ``oauth2`` scheme becomes the only member of its ``flows``.
    """
    findings: list[Finding] = []
    extra: dict[str, JSONValue] = {}
    openapi3_fields = _OPENAPI3_ONLY_FIELDS[scheme.type]
    for key, value in scheme.extra.items():
        if key in openapi3_fields:
            kind = _OPENAPI3_TYPES[scheme.type]
            message = (
                f"field {key!r} is left out, because it is not a Swagger 2.0 field and OpenAPI 3"
                f" {kind} schemes have a field of that name"
            )
            _not_expressible(findings, _pointer(pointer, key), message)
        else:
            extra[key] = value
    carried = FrozenDict(extra) if len(extra) < len(scheme.extra) else scheme.extra

    if isinstance(scheme, Swagger2Basic):
        return HTTPAuthentication(description=scheme.description, scheme="basic", extra=carried), findings
    if isinstance(scheme, Swagger2APIKey):
        return APIKey(
            description=scheme.description, name=scheme.name, in_=scheme.in_, extra=carried
        ), findings
    return OAuth2(description=scheme.description, flows=_flows_to_openapi3(scheme), extra=carried), findings


def _flows_to_openapi3(scheme: Swagger2OAuth2) -> OAuthFlows:
    scopes = scheme.scopes
    extensions = scheme.scope_extensions
    # A valid scheme has the URLs that its flow requires. Only valid schemes are converted.
    if scheme.flow == "implicit":
        assert scheme.authorization_url is not None
        implicit = OAuthFlowImplicit(
            authorization_url=scheme.authorization_url, scopes=scopes, extra=extensions
        )
        return OAuthFlows(implicit=implicit)
    assert scheme.token_url is not None
    if scheme.flow == "password":
        password = OAuthFlowPassword(token_url=scheme.token_url, scopes=scopes, extra=extensions)
        return OAuthFlows(password=password)
    if scheme.flow == "application":
        client = OAuthFlowClientCredentials(token_url=scheme.token_url, scopes=scopes, extra=extensions)
        return OAuthFlows(client_credentials=client)
    assert scheme.authorization_url is not None
    code = OAuthFlowAuthorizationCode(
        authorization_url=scheme.authorization_url,
        token_url=scheme.token_url,
        scopes=scopes,
        extra=extensions,
    )
    return OAuthFlows(authorization_code=code)


# OpenAPI 3 to Swagger 2.0


def scheme_to_swagger2(
    pointer: str, scheme: SecurityScheme, description: str | None
) -> tuple[list[tuple[str | None, Swagger2SecurityScheme]], list[Finding]]:
    """Convert an OpenAPI 3 scheme read from ``pointer`` to its Swagger 2.0 definitions.

    An oauth2 scheme gives one definition per flow that 2.0 can express,
    each with its 3.x flow key. Another type gives one definition with the
    key None. The list is empty when 2.0 cannot express the scheme.
    ``description`` replaces the scheme's own.
    """
    findings: list[Finding] = []
    if isinstance(scheme, OAuth2):
        definitions: list[tuple[str | None, Swagger2SecurityScheme]] = []
        for key, definition in _flows_to_swagger2(pointer, scheme, description, findings):
            definitions.append((key, definition))
        if definitions:
            _report_common(pointer, scheme, findings)
        return definitions, findings

    converted = _single_to_swagger2(pointer, scheme, description, findings)
    if converted is None:
        return [], findings
    _report_common(pointer, scheme, findings)
    return [(None, converted)], findings


def _single_to_swagger2(
    pointer: str, scheme: SecurityScheme, description: str | None, findings: list[Finding]
) -> Swagger2SecurityScheme | None:
    if isinstance(scheme, APIKey):
        if scheme.in_ == "cookie":
            message = (
                "an API key in a cookie is not expressible in Swagger 2.0, which sends API keys only in"
                " a query parameter or a header, so the scheme is left out"
            )
            _not_expressible(findings, f"{pointer}/in", message)
            return None
        return Swagger2APIKey(description=description, name=scheme.name, in_=scheme.in_, extra=scheme.extra)

    if isinstance(scheme, HTTPAuthentication):
        if scheme.scheme.lower() != "basic":  # Authentication scheme names are case-insensitive (RFC 9110).
            message = (
                f"http scheme {scheme.scheme!r} is not expressible in Swagger 2.0, which has only basic"
                " authentication, so the scheme is left out"
            )
            _not_expressible(findings, f"{pointer}/scheme", message)
            return None
        if scheme.bearer_format is not None:
            message = (
                "field 'bearerFormat' is not expressible on a Swagger 2.0 basic scheme, so it is left out"
            )
            _not_expressible(findings, f"{pointer}/bearerFormat", message)
        return Swagger2Basic(description=description, extra=scheme.extra)

    kind = "openIdConnect" if isinstance(scheme, OpenIdConnect) else "mutualTLS"
    message = f"type {kind!r} is not expressible in Swagger 2.0, so the scheme is left out"
    _not_expressible(findings, f"{pointer}/type", message)
    return None


def _report_common(pointer: str, scheme: SecurityScheme, findings: list[Finding]) -> None:
    """Report the fields of a converted scheme that every Swagger 2.0 type lacks."""
    if isinstance(scheme, OAuth2) and scheme.oauth2_metadata_url is not None:
        message = "field 'oauth2MetadataUrl' is not expressible in Swagger 2.0, so it is left out"
        _not_expressible(findings, f"{pointer}/oauth2MetadataUrl", message)
    if scheme.deprecated is not None:
        message = "field 'deprecated' is not expressible in Swagger 2.0, so it is left out"
        _not_expressible(findings, f"{pointer}/deprecated", message)


def _flows_to_swagger2(
    pointer: str, scheme: OAuth2, description: str | None, findings: list[Finding]
) -> list[tuple[str, Swagger2OAuth2]]:
    flows_pointer = f"{pointer}/flows"
    for key in scheme.flows.extra:
        message = (
            f"key {key!r} of the OAuth Flows Object is not expressible in Swagger 2.0,"
            " which has no such object, so it is left out"
        )
        _not_expressible(findings, _pointer(flows_pointer, key), message)

    definitions: list[tuple[str, Swagger2OAuth2]] = []
    for key, flow in scheme.flows.items():
        flow_pointer = f"{flows_pointer}/{key}"
        if isinstance(flow, OAuthFlowDeviceAuthorization):
            message = (
                "flow 'deviceAuthorization' is not expressible in Swagger 2.0, which has no device"
                " authorization flow, so it is left out"
            )
            _not_expressible(findings, flow_pointer, message)
            continue
        definition = _flow_to_swagger2(pointer, key, flow, scheme, description, findings)
        definitions.append((key, definition))

    if not definitions:
        message = "no flow of this oauth2 scheme is expressible in Swagger 2.0, so the scheme is left out"
        _not_expressible(findings, flows_pointer, message)
    return definitions


def _flow_to_swagger2(
    scheme_pointer: str,
    key: str,
    flow: OAuthFlow,
    scheme: OAuth2,
    description: str | None,
    findings: list[Finding],
) -> Swagger2OAuth2:
    """Convert the flow ``key`` of ``scheme``, read from ``scheme_pointer``, to a Swagger 2.0 definition."""
    pointer = f"{scheme_pointer}/flows/{key}"
    name = SWAGGER2_FLOW_NAMES[key]
    if flow.refresh_url is not None:
        message = "field 'refreshUrl' is not expressible in Swagger 2.0, so it is left out"
        _not_expressible(findings, f"{pointer}/refreshUrl", message)

    scopes = _scopes_to_swagger2(pointer, flow.scopes, findings)
    extensions: dict[str, JSONValue] = {}
    for field, value in flow.extra.items():
        if field.startswith("x-"):
            extensions[field] = value
        else:
            message = (
                f"field {field!r} of the {key} flow is not expressible in Swagger 2.0, which keeps only"
                " the 'x-' keys of a flow, in its scopes map, so it is left out"
            )
            _not_expressible(findings, _pointer(pointer, field), message)

    modelled = _SWAGGER2_OAUTH2_FIELDS | frozenset(SWAGGER2_FLOW_URLS[name])
    extra: dict[str, JSONValue] = {}
    for field, value in scheme.extra.items():
        if field in modelled:
            message = (
                f"field {field!r} of the scheme is not expressible on the Swagger 2.0 definition of the"
                f" {key} flow, which has a field of that name, so it is left out"
            )
            _not_expressible(findings, _pointer(scheme_pointer, field), message)
        else:
            extra[field] = value

    authorization_url = None
    if isinstance(flow, (OAuthFlowImplicit, OAuthFlowAuthorizationCode)):
        authorization_url = flow.authorization_url
    token_url = None if isinstance(flow, OAuthFlowImplicit) else flow.token_url
    return Swagger2OAuth2(
        description=description,
        flow=name,
        authorization_url=authorization_url,
        token_url=token_url,
        scopes=scopes,
        scope_extensions=FrozenDict(extensions) if extensions else EMPTY,
        extra=FrozenDict(extra) if len(extra) < len(scheme.extra) else scheme.extra,
    )


def _scopes_to_swagger2(
    pointer: str, scopes: Mapping[str, str], findings: list[Finding]
) -> Mapping[str, str]:
    """Return the scopes that Swagger 2.0 can express; it reads ``x-`` names as extensions."""
    expressible: dict[str, str] = {}
    for name, description in scopes.items():
        if name.startswith("x-"):
            message = (
                f"scope {name!r} is not expressible in Swagger 2.0, where an 'x-' key of a scopes map is"
                " an extension, not a scope, so it is left out"
            )
            _not_expressible(findings, _pointer(f"{pointer}/scopes", name), message)
        else:
            expressible[name] = description
    return scopes if len(expressible) == len(scopes) else FrozenDict(expressible)
