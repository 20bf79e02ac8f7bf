"""Generated documents: Swagger 2.0 survives a trip through OpenAPI 3, and conversion to 2.0 fails closed.

The number of examples and the seed come from the hypothesis profile that
``conftest.py`` loads (derandomized when ``CI=true``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from hypothesis import given, settings
from hypothesis import strategies as st

from oauthflows import (
    Conversion,
    JSONValue,
    ValidationError,
    check_document,
    parse_security_scheme,
    parse_swagger2_security_scheme,
    to_openapi3,
    to_swagger2,
)

JSONObject = dict[str, JSONValue]
Security = list[dict[str, list[str]]]


@dataclass(frozen=True)
class Generated:
    """The security of a generated document: its schemes, top-level security and operation security."""

    version: str
    schemes: dict[str, JSONObject]
    security: Security | None
    paths: dict[str, Security]
    """Each path mapped to the security of its one operation, ``get``."""

    def document(self) -> JSONObject:
        """Write the whole document, as the converters read it."""
        schemes = cast("dict[str, JSONValue]", self.schemes)
        document: JSONObject = {"swagger": "2.0", "securityDefinitions": schemes}
        if self.version != "2.0":
            document = {"openapi": self.version, "components": {"securitySchemes": schemes}}
        if self.security is not None:
            document["security"] = cast("list[JSONValue]", self.security)
        document["paths"] = self.operations(self.paths)
        return document

    @staticmethod
    def operations(paths: Mapping[str, Security]) -> JSONValue:
        """Write the Paths Object of ``paths``, the way the converters write it."""
        return {
            path: {"get": {"security": cast("list[JSONValue]", security)}} for path, security in paths.items()
        }


json_values: st.SearchStrategy[JSONValue] = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8)),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=4,
)
texts = st.text(max_size=12)
urls = st.one_of(st.sampled_from(["https://auth.example.com/token", "/oauth/authorize", ""]), texts)
extensions: st.SearchStrategy[JSONObject] = st.dictionaries(
    st.text(max_size=6).map(lambda name: "x-" + name), json_values, max_size=3
)
scope_names = st.text(min_size=1, max_size=10).filter(lambda name: not name.startswith("x-"))
scopes: st.SearchStrategy[dict[str, str]] = st.dictionaries(scope_names, texts, max_size=4)
component_names = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", min_size=1, max_size=10
)
"""Names that OpenAPI 3 allows for components, and Swagger 2.0 too."""


# Swagger 2.0

SWAGGER2_URLS = {
    "implicit": ("authorizationUrl",),
    "password": ("tokenUrl",),
    "application": ("tokenUrl",),
    "accessCode": ("authorizationUrl", "tokenUrl"),
}


@st.composite
def swagger2_schemes(draw: st.DrawFn) -> JSONObject:
    """Draw a valid Swagger 2.0 Security Scheme Object of any type, with extensions."""
    kind = draw(st.sampled_from(["basic", "apiKey", "oauth2"]))
    scheme: JSONObject = {"type": kind}
    description = draw(st.none() | texts)
    if description is not None:
        scheme["description"] = description
    if kind == "apiKey":
        scheme["name"] = draw(texts)
        scheme["in"] = draw(st.sampled_from(["query", "header"]))
    elif kind == "oauth2":
        flow = draw(st.sampled_from(list(SWAGGER2_URLS)))
        scheme["flow"] = flow
        for key in SWAGGER2_URLS[flow]:
            scheme[key] = draw(urls)
        if draw(st.booleans()):  # Otherwise scopes are missing, which converts as empty.
            scheme["scopes"] = {**draw(scopes), **draw(extensions)}
    scheme.update(draw(extensions))
    return scheme


@st.composite
def swagger2_documents(draw: st.DrawFn) -> Generated:
    """Draw a Swagger 2.0 document with definitions, and requirements that name them.

    Only oauth2 schemes get scopes in a requirement, as Swagger 2.0 requires.
    """
    definitions = draw(st.dictionaries(component_names, swagger2_schemes(), min_size=1, max_size=4))
    names = st.sampled_from(sorted(definitions))
    requirement = st.dictionaries(names, st.lists(scope_names, max_size=2), max_size=2).map(
        lambda members: {
            name: scopes if definitions[name]["type"] == "oauth2" else [] for name, scopes in members.items()
        }
    )
    securities = st.lists(requirement, max_size=3)
    return Generated(
        version="2.0",
        schemes=definitions,
        security=draw(st.none() | securities),
        paths=draw(st.dictionaries(st.text(max_size=6).map(lambda path: "/" + path), securities, max_size=3)),
    )


@settings(deadline=None)
@given(swagger2_documents())
def test_swagger2_round_trips_through_openapi3(generated: Generated) -> None:
    expected = {
        name: parse_swagger2_security_scheme(scheme).to_dict() for name, scheme in generated.schemes.items()
    }

    converted = to_openapi3(generated.document())
    back = to_swagger2(converted.to_dict())
    written = back.to_dict()

    assert [str(finding) for finding in converted.findings if finding.severity == "error"] == []
    assert [
        str(finding) for finding in check_document(converted.to_dict()) if finding.severity == "error"
    ] == []
    assert [str(finding) for finding in back.findings if finding.rule == "not-expressible"] == []
    assert written["securityDefinitions"] == expected
    assert written.get("security") == generated.security
    assert written.get("paths", {}) == generated.operations(generated.paths)


# OpenAPI 3

OPENAPI3_FLOWS = {
    "implicit": ("authorizationUrl",),
    "password": ("tokenUrl",),
    "clientCredentials": ("tokenUrl",),
    "authorizationCode": ("authorizationUrl", "tokenUrl"),
    "deviceAuthorization": ("deviceAuthorizationUrl", "tokenUrl"),
}


@st.composite
def openapi3_flows(draw: st.DrawFn, keys: list[str], expressible: bool) -> JSONObject:
    """Draw an OAuth Flows Object with the flows ``keys``; with ``expressible``, only what Swagger 2.0 has."""
    flows: JSONObject = {}
    for key in keys:
        flow: JSONObject = {name: draw(urls) for name in OPENAPI3_FLOWS[key]}
        if not expressible and draw(st.booleans()):
            flow["refreshUrl"] = draw(urls)
        flow["scopes"] = draw(scopes)
        flow.update(draw(extensions))
        flows[key] = flow
    return flows


@st.composite
def openapi3_schemes(draw: st.DrawFn, expressible: bool) -> JSONObject:
    """Draw a valid OpenAPI 3 Security Scheme Object; with ``expressible``, one that Swagger 2.0 can hold."""
    kinds = (
        ["basic", "apiKey", "oauth2"]
        if expressible
        else ["basic", "bearer", "apiKey", "oauth2", "openIdConnect", "mutualTLS"]
    )
    kind = draw(st.sampled_from(kinds))
    scheme: JSONObject
    if kind in ("basic", "bearer"):
        scheme = {
            "type": "http",
            "scheme": kind if expressible else draw(st.sampled_from([kind, kind.title()])),
        }
    elif kind == "apiKey":
        locations = ["query", "header"] if expressible else ["query", "header", "cookie"]
        scheme = {"type": "apiKey", "name": draw(texts), "in": draw(st.sampled_from(locations))}
    elif kind == "oauth2":
        names = (
            [key for key in OPENAPI3_FLOWS if key != "deviceAuthorization"]
            if expressible
            else list(OPENAPI3_FLOWS)
        )
        keys = draw(
            st.lists(st.sampled_from(names), min_size=1, max_size=1 if expressible else 3, unique=True)
        )
        keys.sort(key=list(OPENAPI3_FLOWS).index)
        scheme = {"type": "oauth2", "flows": draw(openapi3_flows(keys, expressible))}
    else:
        scheme = {"type": kind}
        if kind == "openIdConnect":
            scheme["openIdConnectUrl"] = draw(urls)
    description = draw(st.none() | texts)
    if description is not None:
        scheme = {"type": scheme["type"], "description": description, **scheme}
    scheme.update(draw(extensions))
    return scheme


@st.composite
def openapi3_documents(draw: st.DrawFn, expressible: bool) -> Generated:
    """Draw an OpenAPI 3.1 document with schemes, and requirements that name them."""
    schemes = draw(st.dictionaries(component_names, openapi3_schemes(expressible), min_size=1, max_size=4))
    names = st.sampled_from(sorted(schemes))

    def member_scopes(name: str) -> st.SearchStrategy[list[str]]:
        # Swagger 2.0 has no roles: a requirement that lists them for another type is left out.
        if expressible and schemes[name]["type"] != "oauth2":
            return st.just([])
        return st.lists(scope_names, max_size=2)

    requirement = st.lists(names, max_size=3, unique=True).flatmap(
        lambda keys: st.fixed_dictionaries({key: member_scopes(key) for key in keys})
    )
    securities = st.lists(requirement, max_size=3)
    return Generated(
        version="3.1.0",
        schemes=schemes,
        security=draw(securities),
        paths=draw(st.dictionaries(st.text(max_size=6).map(lambda path: "/" + path), securities, max_size=3)),
    )


def _without_roles(security: Security, kinds: Mapping[str, str]) -> Security:
    """Return ``security`` without the roles of schemes other than oauth2, which Swagger 2.0 cannot express."""
    return [
        {name: scopes if kinds[name] == "oauth2" else [] for name, scopes in requirement.items()}
        for requirement in security
    ]


@settings(deadline=None)
@given(openapi3_documents(expressible=True))
def test_expressible_openapi3_round_trips_through_swagger2(generated: Generated) -> None:
    kinds = {name: parse_security_scheme(scheme).type for name, scheme in generated.schemes.items()}
    assert generated.security is not None

    back = to_openapi3(to_swagger2(generated.document()).to_dict(), version="3.1").to_dict()

    assert back["components"] == {"securitySchemes": generated.schemes}
    assert back["security"] == _without_roles(generated.security, kinds)
    assert back.get("paths", {}) == generated.operations(
        {path: _without_roles(security, kinds) for path, security in generated.paths.items()}
    )


@settings(deadline=None)
@given(openapi3_documents(expressible=False))
def test_to_swagger2_fails_closed_and_passes_check(generated: Generated) -> None:
    failure: ValidationError | None = None
    converted: Conversion | None = None
    try:
        converted = to_swagger2(generated.document())
    except ValidationError as error:
        failure = error
    if converted is None:
        assert failure is not None
        # Also closed: every requirement of a security lists roles, so no output is written.
        [item] = failure.errors
        assert "every requirement of this security lists such roles" in item.message
        return
    written = converted.to_dict()
    paths = cast("dict[str, dict[str, dict[str, Security]]]", written.get("paths", {}))

    reported = [str(finding) for finding in converted.findings if finding.severity == "error"]
    errors = [str(finding) for finding in check_document(written) if finding.severity == "error"]

    # With no error reported the output passes check, and no security that required something became empty.
    assert reported or errors == []
    assert (written["security"] == []) == (generated.security == [])
    for path, security in generated.paths.items():
        assert (paths[path]["get"]["security"] == []) == (security == [])
