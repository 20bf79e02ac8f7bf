"""The document checker's rules about schemes, references and requirements, one function each.

Each rule takes a model read from the document with the JSON Pointer of its
object and returns its findings. Reading the document, following references
and the rules about its structure are in ``_walk``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final, Literal, TypeAlias, cast

from ._errors import escape_pointer_token
from ._findings import Finding, finding
from ._reference import Reference
from ._schemes import HTTPAuthentication, OAuth2, SecurityScheme
from ._swagger2 import SWAGGER2_FLOW_URLS, Swagger2OAuth2, Swagger2SecurityScheme
from ._urls import is_insecure_url, scheme_urls, url_parse_error
from ._values import describe, quote

__all__ = ["check_reference", "check_requirement_member", "check_scheme", "version_name"]

SpecVersion: TypeAlias = Literal["2.0", "3.0", "3.1", "3.2"]
"""The major.minor version a document is checked as."""

AnyScheme: TypeAlias = SecurityScheme | Swagger2SecurityScheme
"""A security scheme of OpenAPI 3 or of Swagger 2.0."""

# The fields of each OpenAPI 3 object, in spec order, with the version that added each.
_SCHEME_FIELDS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "apiKey": (
        ("type", "3.0"),
        ("description", "3.0"),
        ("name", "3.0"),
        ("in", "3.0"),
        ("deprecated", "3.2"),
    ),
    "http": (
        ("type", "3.0"),
        ("description", "3.0"),
        ("scheme", "3.0"),
        ("bearerFormat", "3.0"),
        ("deprecated", "3.2"),
    ),
    "oauth2": (
        ("type", "3.0"),
        ("description", "3.0"),
        ("flows", "3.0"),
        ("oauth2MetadataUrl", "3.2"),
        ("deprecated", "3.2"),
    ),
    "openIdConnect": (
        ("type", "3.0"),
        ("description", "3.0"),
        ("openIdConnectUrl", "3.0"),
        ("deprecated", "3.2"),
    ),
    "mutualTLS": (("type", "3.0"), ("description", "3.0"), ("deprecated", "3.2")),
}
_TYPE_SINCE: Final = {"mutualTLS": "3.1"}
_FLOWS_SINCE: Final = {
    "implicit": "3.0",
    "password": "3.0",
    "clientCredentials": "3.0",
    "authorizationCode": "3.0",
    "deviceAuthorization": "3.2",
}
_FLOW_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "implicit": ("authorizationUrl", "refreshUrl", "scopes"),
    "password": ("tokenUrl", "refreshUrl", "scopes"),
    "clientCredentials": ("tokenUrl", "refreshUrl", "scopes"),
    "authorizationCode": ("authorizationUrl", "tokenUrl", "refreshUrl", "scopes"),
    "deviceAuthorization": ("deviceAuthorizationUrl", "tokenUrl", "refreshUrl", "scopes"),
}
_ALL_FLOW_FIELDS: Final = frozenset(key for keys in _FLOW_FIELDS.values() for key in keys)
_SWAGGER2_FLOW_NAMES: Final = {"application": "clientCredentials", "accessCode": "authorizationCode"}

# Swagger 2.0: the fields of each type, and the OpenAPI 3 type whose newer fields a 2.0 scheme may carry.
_SWAGGER2_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "basic": ("type", "description"),
    "apiKey": ("type", "description", "name", "in"),
}
_SWAGGER2_SUCCESSORS: Final = {"basic": "http", "apiKey": "apiKey", "oauth2": "oauth2"}

_ARTICLES: Final = {"apiKey": "an", "http": "an", "oauth2": "an", "openIdConnect": "an"}
"""The article before each type name that starts with a vowel sound; the others take "a"."""


def version_name(version: SpecVersion) -> str:
    """Return the version as people write it: ``Swagger 2.0`` or ``OpenAPI 3.1``."""
    return "Swagger 2.0" if version == "2.0" else f"OpenAPI {version}"


def at_least(version: SpecVersion, since: str) -> bool:
    """Tell whether ``version`` has what OpenAPI ``since`` added."""
    return version >= since  # Every version is one digit, a dot and one digit, so text order works.


def _listed(keys: tuple[str, ...] | list[str]) -> str:
    return ", ".join(repr(key) for key in keys)


def _a(kind: str) -> str:
    return f"{_ARTICLES.get(kind, 'a')} {kind}"


def _newer(path: str, subject: str, since: str, version: SpecVersion) -> Finding:
    return finding(
        "newer-than-version",
        path,
        f"{subject} needs OpenAPI {since} or later, the document is {version_name(version)}",
    )


# Scheme rules


def check_scheme(
    pointer: str, data: Mapping[str, object], scheme: AnyScheme, version: SpecVersion
) -> list[Finding]:
    """Run every scheme rule on one Security Scheme Object read from ``data`` at ``pointer``."""
    findings: list[Finding] = []
    for rule in _SCHEME_RULES:
        findings.extend(rule(pointer, data, scheme, version))
    return findings


def _newer_than_version(
    pointer: str, data: Mapping[str, object], scheme: AnyScheme, version: SpecVersion
) -> list[Finding]:
    """newer-than-version: a type, field or flow that the document's version does not have."""
    if version == "2.0":
        return _swagger2_newer_fields(pointer, scheme)
    findings: list[Finding] = []
    since = _TYPE_SINCE.get(scheme.type, "3.0")
    if not at_least(version, since):
        findings.append(_newer(f"{pointer}/type", f"type {scheme.type!r}", since, version))
    for key, since in _SCHEME_FIELDS[scheme.type]:
        if key in data and not at_least(version, since):
            findings.append(_newer(f"{pointer}/{key}", f"field {key!r}", since, version))
    if isinstance(scheme, OAuth2):
        for key, _ in scheme.flows.items():
            since = _FLOWS_SINCE[key]
            if not at_least(version, since):
                findings.append(_newer(f"{pointer}/flows/{key}", f"flow {key!r}", since, version))
    return findings


def _swagger2_newer_fields(pointer: str, scheme: AnyScheme) -> list[Finding]:
    # A 2.0 scheme may carry a field that the matching OpenAPI 3 type added, such as `flows` or `deprecated`.
    successor = _SWAGGER2_SUCCESSORS[scheme.type]
    newer = dict(_SCHEME_FIELDS[successor])
    if successor == "oauth2":
        newer["refreshUrl"] = "3.0"
    findings: list[Finding] = []
    for key in scheme.extra:
        since = newer.get(key)
        if since is not None and key not in ("type", "description"):
            findings.append(_newer(f"{pointer}/{escape_pointer_token(key)}", f"field {key!r}", since, "2.0"))
    return findings


def _fields_not_allowed(
    pointer: str, data: Mapping[str, object], scheme: AnyScheme, version: SpecVersion
) -> list[Finding]:
    """field-not-allowed: a key that is not an ``x-`` extension nor a field of its object."""
    if version == "2.0":
        return _swagger2_fields_not_allowed(pointer, scheme)
    findings: list[Finding] = []
    allowed = [key for key, since in _SCHEME_FIELDS[scheme.type] if at_least(version, since)]
    for key in scheme.extra:
        if key.startswith("x-"):
            continue
        owners = [kind for kind, fields in _SCHEME_FIELDS.items() if any(key == name for name, _ in fields)]
        if owners:
            hint = f" (a field of {' and '.join(owners)} schemes)"
        elif key in _ALL_FLOW_FIELDS:
            hint = " (a field of OAuth flows)"
        else:
            hint = ""
        message = (
            f"field {key!r} is not allowed on {_a(scheme.type)} scheme{hint},"
            f" expected {_listed(allowed)} or an 'x-' extension"
        )
        findings.append(finding("field-not-allowed", f"{pointer}/{escape_pointer_token(key)}", message))

    if isinstance(scheme, OAuth2):
        findings.extend(_flow_fields_not_allowed(f"{pointer}/flows", scheme, version))
    return findings


def _flow_fields_not_allowed(pointer: str, scheme: OAuth2, version: SpecVersion) -> list[Finding]:
    findings: list[Finding] = []
    flow_keys = [key for key, since in _FLOWS_SINCE.items() if at_least(version, since)]
    for key in scheme.flows.extra:
        if key.startswith("x-"):
            continue
        modern = _SWAGGER2_FLOW_NAMES.get(key)
        hint = f" (the Swagger 2.0 name of {modern!r})" if modern else ""
        message = (
            f"flow {key!r} is not allowed in flows{hint}, expected {_listed(flow_keys)} or an 'x-' extension"
        )
        findings.append(finding("field-not-allowed", f"{pointer}/{escape_pointer_token(key)}", message))

    for flow_key, flow in scheme.flows.items():
        for key in flow.extra:
            if key.startswith("x-"):
                continue
            hint = " (a field of other flows)" if key in _ALL_FLOW_FIELDS else ""
            message = (
                f"field {key!r} is not allowed on the {flow_key} flow{hint},"
                f" expected {_listed(_FLOW_FIELDS[flow_key])} or an 'x-' extension"
            )
            findings.append(
                finding("field-not-allowed", f"{pointer}/{flow_key}/{escape_pointer_token(key)}", message)
            )
    return findings


def _swagger2_fields_not_allowed(pointer: str, scheme: AnyScheme) -> list[Finding]:
    newer = {finding.path for finding in _swagger2_newer_fields(pointer, scheme)}
    if isinstance(scheme, Swagger2OAuth2):
        urls = SWAGGER2_FLOW_URLS.get(scheme.flow, ())
        allowed: tuple[str, ...] = ("type", "description", "flow", *urls, "scopes")
        where = f"an oauth2 scheme with flow {scheme.flow!r}"
    else:
        allowed = _SWAGGER2_FIELDS[scheme.type]
        where = f"{_a(scheme.type)} scheme"

    findings: list[Finding] = []
    for key in scheme.extra:
        path = f"{pointer}/{escape_pointer_token(key)}"
        if key.startswith("x-") or path in newer:
            continue
        message = f"field {key!r} is not allowed on {where}, expected {_listed(allowed)} or an 'x-' extension"
        findings.append(finding("field-not-allowed", path, message))
    return findings


def _missing_scopes(
    pointer: str, data: Mapping[str, object], scheme: AnyScheme, version: SpecVersion
) -> list[Finding]:
    """missing-scopes: a flow without ``scopes``, which the models read as empty."""
    message = (
        "missing required field, expected an object mapping scope names to descriptions (it may be empty)"
    )
    if isinstance(scheme, Swagger2OAuth2):
        return [] if "scopes" in data else [finding("missing-scopes", f"{pointer}/scopes", message)]
    findings: list[Finding] = []
    if isinstance(scheme, OAuth2):
        # A flow was read, so `flows` and the flow are objects.
        flows = cast("Mapping[str, Mapping[str, object]]", data["flows"])
        for key, _ in scheme.flows.items():
            if "scopes" not in flows[key]:
                findings.append(finding("missing-scopes", f"{pointer}/flows/{key}/scopes", message))
    return findings


def _discouraged_flows(
    pointer: str, data: Mapping[str, object], scheme: AnyScheme, version: SpecVersion
) -> list[Finding]:
    """discouraged-flow: the implicit and password flows, which RFC 9700 advises against."""
    flows: list[tuple[str, str]] = []
    if isinstance(scheme, OAuth2):
        flows = [(f"{pointer}/flows/{key}", key) for key, _ in scheme.flows.items()]
    elif isinstance(scheme, Swagger2OAuth2):
        flows = [(f"{pointer}/flow", scheme.flow)]

    findings: list[Finding] = []
    for path, key in flows:
        if key == "implicit":
            message = (
                "the implicit flow is advised against: RFC 9700 (OAuth 2.0 Security Best Current Practice)"
                " says clients should not use it, expected authorizationCode with PKCE"
            )
        elif key == "password":
            message = (
                "the password flow is advised against: RFC 9700 (OAuth 2.0 Security Best Current Practice)"
                " says it must not be used, expected authorizationCode, or clientCredentials without a user"
            )
        else:
            continue
        findings.append(finding("discouraged-flow", path, message))
    return findings


def _unparsable_urls(
    pointer: str, data: Mapping[str, object], scheme: AnyScheme, version: SpecVersion
) -> list[Finding]:
    """invalid-value: a URL field that urllib cannot parse, which the spec requires to be a URL."""
    findings: list[Finding] = []
    for below, url in scheme_urls(scheme):
        error = url_parse_error(url)
        if error is not None:
            message = f"expected a URL, got {quote(url)}, which cannot be parsed ({error})"
            findings.append(finding("invalid-value", pointer + below, message))
    return findings


def _insecure_urls(
    pointer: str, data: Mapping[str, object], scheme: AnyScheme, version: SpecVersion
) -> list[Finding]:
    """insecure-url: an absolute plain-http URL to a host other than loopback."""
    return [
        finding(
            "insecure-url",
            pointer + below,
            f"expected an https URL, got plain http to a host other than loopback: {url!r}",
        )
        for below, url in scheme_urls(scheme)
        if is_insecure_url(url)
    ]


def _bearer_format_mismatch(
    pointer: str, data: Mapping[str, object], scheme: AnyScheme, version: SpecVersion
) -> list[Finding]:
    """bearer-format-mismatch: ``bearerFormat`` on an http scheme other than bearer, in any case."""
    if not isinstance(scheme, HTTPAuthentication) or scheme.bearer_format is None:
        return []
    name = scheme.scheme
    if not name or name.lower() == "bearer":  # An empty name is a placeholder for an invalid one.
        return []
    message = f"expected scheme 'bearer' with a bearerFormat, got scheme {name!r}"
    return [finding("bearer-format-mismatch", f"{pointer}/bearerFormat", message)]


_SCHEME_RULES: Final[
    tuple[Callable[[str, Mapping[str, object], AnyScheme, SpecVersion], list[Finding]], ...]
] = (
    _newer_than_version,
    _fields_not_allowed,
    _missing_scopes,
    _discouraged_flows,
    _unparsable_urls,
    _insecure_urls,
    _bearer_format_mismatch,
)


# Reference rules


def check_reference(pointer: str, reference: Reference, version: SpecVersion) -> list[Finding]:
    """ignored-reference-field and newer-than-version: keys beside ``$ref`` that are ignored or too new."""
    findings: list[Finding] = []
    if at_least(version, "3.1"):
        allowed = ["$ref", "summary", "description"]
    else:
        allowed = ["$ref"]
        for key, value in (("summary", reference.summary), ("description", reference.description)):
            if value is not None:
                findings.append(_newer(f"{pointer}/{key}", f"field {key!r} beside '$ref'", "3.1", version))
    for key in reference.extra:
        message = (
            f"field {key!r} beside '$ref' is ignored by the specification, expected only {_listed(allowed)}"
        )
        findings.append(finding("ignored-reference-field", f"{pointer}/{escape_pointer_token(key)}", message))
    return findings


# Requirement rules


def check_requirement_member(
    pointer: str,
    name: str,
    scopes: tuple[str, ...],
    scheme: AnyScheme,
    defined: frozenset[str],
    version: SpecVersion,
) -> list[Finding]:
    """Run the rules of one requirement member: its scheme, and the scopes that the scheme defines."""
    return [
        *_roles_not_allowed(pointer, name, scopes, scheme, version),
        *_undefined_scopes(pointer, name, scopes, scheme, defined),
    ]


def scopes_without_findings(scheme: AnyScheme, version: SpecVersion) -> frozenset[str] | None:
    """Return the scopes that a requirement may name for ``scheme`` without a finding, or None for any scope.

    The result sums up the rules of ``check_requirement_member`` for one
    scheme, so that the reader can skip them for a member whose scopes are
    all in the set, as in most members of a valid document.
    """
    if scheme.type == "oauth2":
        return defined_scopes(scheme)  # undefined-scope
    if at_least(version, "3.1") or scheme.type == "openIdConnect":
        return None
    return frozenset()  # roles-not-allowed: any scope at all is a finding.


def defined_scopes(scheme: AnyScheme) -> frozenset[str]:
    """Return the scopes that the flows of an oauth2 scheme define; empty for other types."""
    if isinstance(scheme, OAuth2):
        return frozenset(name for _, flow in scheme.flows.items() for name in flow.scopes)
    if isinstance(scheme, Swagger2OAuth2):
        return frozenset(scheme.scopes)
    return frozenset()


def undefined_scheme(pointer: str, name: str, defined: list[str], section: str, hint: str = "") -> Finding:
    """undefined-scheme: a requirement naming a scheme that the document does not define."""
    shown = quote(name)
    folded = name.lower()  # Once, not once per defined name: a name may be a megabyte long.
    for candidate in defined:
        # The length test skips lowercasing long names that cannot match. It also skips the rare
        # letters whose lowercase has another length (such as 'İ'), which only loses the hint.
        if len(candidate) == len(name) and candidate.lower() == folded:
            return finding(
                "undefined-scheme", pointer, f"undefined security scheme {shown}, did you mean {candidate!r}?"
            )
    if not defined:
        message = f"undefined security scheme {shown}, {section} defines no schemes{hint}"
    else:
        names = _listed(defined[:10]) + (f" and {len(defined) - 10} more" if len(defined) > 10 else "")
        message = f"undefined security scheme {shown}, expected one of {names} from {section}{hint}"
    return finding("undefined-scheme", pointer, message)


def _roles_not_allowed(
    pointer: str, name: str, scopes: tuple[str, ...], scheme: AnyScheme, version: SpecVersion
) -> list[Finding]:
    """roles-not-allowed: scopes for a scheme other than oauth2 or openIdConnect, before OpenAPI 3.1."""
    if not scopes or at_least(version, "3.1") or scheme.type in ("oauth2", "openIdConnect"):
        return []
    allowed = "oauth2 schemes" if version == "2.0" else "oauth2 and openIdConnect schemes"
    message = (
        f"expected an empty list for {scheme.type} scheme {name!r}, got {describe(list(scopes))},"
        f" because {version_name(version)} allows scopes only for {allowed} (roles need OpenAPI 3.1)"
    )
    return [finding("roles-not-allowed", pointer, message)]


def _undefined_scopes(
    pointer: str, name: str, scopes: tuple[str, ...], scheme: AnyScheme, defined: frozenset[str]
) -> list[Finding]:
    """undefined-scope: an oauth2 scope that no flow of the scheme defines."""
    if scheme.type != "oauth2":
        return []
    return [
        finding(
            "undefined-scope",
            f"{pointer}/{index}",
            f"expected one of the scopes that oauth2 scheme {name!r} defines, got {scope!r}",
        )
        for index, scope in enumerate(scopes)
        if scope not in defined
    ]
