"""Limits that keep error messages and findings bounded when one bad value is repeated or huge."""

from __future__ import annotations

import pytest

from oauthflows import OAuth2, ValidationError, check_document, parse_security_scheme


def test_wide_nested_value_is_shown_short() -> None:
    wide = [[list(range(10))] * 10] * 10

    with pytest.raises(ValidationError) as raised:
        parse_security_scheme({"type": "http", "scheme": wide})

    message = raised.value.errors[0].message
    assert message.startswith("expected a string, got [[[0, 1, 2, 3, 4, ...], ")
    assert message.endswith(", [0, 1, ... (array)")
    assert len(message) == len("expected a string, got ") + 100 + len(" (array)")


def test_long_string_is_quoted_short() -> None:
    with pytest.raises(ValidationError) as raised:
        parse_security_scheme({"type": "apiKey", "name": "key", "in": "q" * 1_000_000})

    assert str(raised.value) == (
        "/in: unknown API key location " + repr("q" * 97) + "..., expected one of 'query', 'header', 'cookie'"
    )


def test_undefined_long_scheme_name_is_quoted_short() -> None:
    name = "n" * 1_000_000
    document: dict[str, object] = {
        "openapi": "3.1.0",
        "paths": {},
        "components": {"securitySchemes": {"key": {"type": "apiKey", "name": "k", "in": "query"}}},
        "security": [{name: []}],
    }

    (finding,) = check_document(document)

    assert finding.message == (
        "undefined security scheme "
        + repr("n" * 97)
        + "..., expected one of 'key' from components.securitySchemes"
    )


def test_long_type_is_quoted_short() -> None:
    with pytest.raises(ValidationError) as raised:
        OAuth2.from_dict({"type": "t" * 50_000, "flows": {}})

    assert (
        str(raised.value)
        == "/type: expected 'oauth2', got " + repr("t" * 97) + "... (not a security scheme type)"
    )


def test_shared_scopes_count_each_use_against_the_limit() -> None:
    scopes = {f"scope-{index}": "" for index in range(300_000)}
    flow = {"tokenUrl": "/token", "scopes": scopes}
    data: dict[str, object] = {
        "type": "oauth2",
        "flows": {
            "password": flow,
            "clientCredentials": flow,
            "implicit": {"authorizationUrl": "/a", "scopes": scopes},
            "authorizationCode": {"authorizationUrl": "/a", "tokenUrl": "/t", "scopes": scopes},
        },
    }

    with pytest.raises(ValidationError) as raised:
        OAuth2.from_dict(data)

    assert str(raised.value) == (
        "/flows/authorizationCode/scopes: scopes and extension values hold more than the limit of 1,000,000"
        " entries in all (shared YAML aliases count each time they are used)"
    )


def test_scopes_under_the_limit_are_read() -> None:
    scopes = {f"scope-{index}": "" for index in range(300_000)}
    flow = {"tokenUrl": "/token", "scopes": scopes}

    scheme = OAuth2.from_dict({"type": "oauth2", "flows": {"password": flow, "clientCredentials": flow}})

    assert scheme.flows.password is not None
    assert len(scheme.flows.password.scopes) == 300_000


def test_findings_past_the_limit_are_counted_not_kept() -> None:
    requirements: list[object] = [{f"undefined-{index}": []} for index in range(10_005)]

    findings = check_document({"openapi": "3.1.0", "paths": {}, "security": requirements})

    assert len(findings) == 10_001
    assert findings[9_999].path == "/security/9999/undefined-9999"
    assert str(findings[-1]) == (
        ": error: 5 more findings are left out, past the limit of 10,000 findings for one document [invalid-value]"
    )


def test_finding_message_is_cut_to_its_limit() -> None:
    url = "http://example.com/" + "a" * 10_000
    document: dict[str, object] = {
        "openapi": "3.1.0",
        "paths": {},
        "components": {"securitySchemes": {"oidc": {"type": "openIdConnect", "openIdConnectUrl": url}}},
    }

    (finding,) = check_document(document)

    assert finding.rule == "insecure-url"
    assert len(finding.message) == 2_000
    assert finding.message.endswith("aaa...")
