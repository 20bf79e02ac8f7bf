"""The checker over the real corpus documents: every finding points into its document, some are pinned."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import cast

import pytest
from corpus import CORPUS_DIR, corpus_files, load_corpus_file

from oauthflows import Document, Reference, read_document
from oauthflows._findings import RULE_SEVERITIES


def _document(stem: str) -> tuple[dict[str, object], Document]:
    """Read one corpus document by name; skip without the corpus, or fail under CI."""
    path = CORPUS_DIR / "documents" / f"{stem}.json"
    if not path.is_file() and os.environ.get("CI") != "true":
        pytest.skip(f"the corpus folder {path.parent} is missing")
    data = load_corpus_file(path if path.is_file() else None)
    return data, read_document(data)


def _value_at(document: object, pointer: str) -> object:
    node = document
    for escaped in pointer.split("/")[1:]:
        token = escaped.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(token)]  # pyright: ignore[reportUnknownVariableType]
        else:
            assert isinstance(node, Mapping), pointer
            node = node[token]  # pyright: ignore[reportUnknownVariableType]
    return node  # pyright: ignore[reportUnknownVariableType]


@pytest.mark.parametrize("path", corpus_files("documents"))
def test_corpus_finding_points_into_its_document(path: Path | None) -> None:
    data = load_corpus_file(path)

    document = read_document(data)

    for finding in document.findings:
        assert finding.severity == RULE_SEVERITIES[finding.rule]
        if finding.message.startswith("missing required field"):
            parent, _, key = finding.path.rpartition("/")
            parent_value = _value_at(data, parent)
            assert isinstance(parent_value, Mapping)
            assert key not in parent_value, finding
        else:
            _value_at(data, finding.path)  # Raises when the pointer leads nowhere.


@pytest.mark.parametrize("path", corpus_files("documents"))
def test_corpus_schemes_are_kept_as_written(path: Path | None) -> None:
    data = load_corpus_file(path)
    prefix = "/securityDefinitions" if "swagger" in data else "/components/securitySchemes"

    document = read_document(data)

    # A missing scopes map reads as empty and is written back as {}, with a missing-scopes finding.
    added_scopes = [finding.path for finding in document.findings if finding.rule == "missing-scopes"]
    for name, model in document.schemes.items():
        if model is None:
            continue
        written: dict[str, object] = dict(model.to_dict())
        for added in added_scopes:
            if added.startswith(f"{prefix}/{name}/"):
                *parents, _ = added[len(prefix) + len(name) + 2 :].split("/")
                flow = written
                for parent in parents:
                    flow = cast("dict[str, object]", flow[parent])
                assert flow.pop("scopes") == {}
        assert written == _value_at(data, f"{prefix}/{name}"), name


def test_corpus_findings_by_rule() -> None:
    """Pin the totals of the whole corpus, so that a change in any rule shows."""
    folder = CORPUS_DIR / "documents"
    if not folder.is_dir() and os.environ.get("CI") != "true":
        pytest.skip(f"the corpus folder {folder} is missing")
    totals: Counter[str] = Counter()
    paths = sorted(folder.glob("*.json"))

    for path in paths:
        totals.update(finding.rule for finding in read_document(path).findings)

    assert len(paths) == 109
    assert dict(totals) == {
        "undefined-scheme": 50,
        "roles-not-allowed": 49,
        "discouraged-flow": 30,
        "undefined-scope": 21,
        "field-not-allowed": 10,
        "missing-scopes": 7,
        "external-reference": 4,
        "insecure-url": 3,
        "invalid-value": 2,
        "invalid-requirement": 1,
    }


def test_corpus_drchrono_null_security_and_undefined_scope() -> None:
    _, document = _document("drchrono-v4")

    assert [str(finding) for finding in document.findings] == [
        "/paths/~1operation-1/get/security/0/drchrono_oauth2/0: warning: expected one of the scopes that oauth2"
        " scheme 'drchrono_oauth2' defines, got 'billing' [undefined-scope]",
        "/paths/~1operation-14/get/security: error: expected an array of Security Requirement Objects, got None"
        " (null) [invalid-requirement]",
    ]


def test_corpus_redocly_fixture_fields_on_wrong_types() -> None:
    _, document = _document("redocly-simple-security-fixture")

    assert document.version == "3.0"
    assert [str(finding) for finding in document.findings] == [
        "/components/securitySchemes/petstore_auth/bearerFormat: error: field 'bearerFormat' is not allowed on an"
        " oauth2 scheme (a field of http schemes), expected 'type', 'description', 'flows' or an 'x-' extension"
        " [field-not-allowed]",
        "/components/securitySchemes/petstore_auth/flows/implicit: warning: the implicit flow is advised against:"
        " RFC 9700 (OAuth 2.0 Security Best Current Practice) says clients should not use it, expected"
        " authorizationCode with PKCE [discouraged-flow]",
        "/components/securitySchemes/petstore_auth/flows/implicit/authorizationUrl: warning: expected an https URL,"
        " got plain http to a host other than loopback: 'http://petstore.swagger.io/api/oauth/dialog'"
        " [insecure-url]",
        "/components/securitySchemes/GitLab_PersonalAccessToken/bearerFormat: error: field 'bearerFormat' is not"
        " allowed on an apiKey scheme (a field of http schemes), expected 'type', 'description', 'name', 'in' or an"
        " 'x-' extension [field-not-allowed]",
        "/components/securitySchemes/GitLab_PersonalAccessToken/flows: error: field 'flows' is not allowed on an"
        " apiKey scheme (a field of oauth2 schemes), expected 'type', 'description', 'name', 'in' or an 'x-'"
        " extension [field-not-allowed]",
        "/components/securitySchemes/GitLab_OpenIdConnect/bearerFormat: error: field 'bearerFormat' is not allowed"
        " on an openIdConnect scheme (a field of http schemes), expected 'type', 'description', 'openIdConnectUrl'"
        " or an 'x-' extension [field-not-allowed]",
    ]


def test_corpus_wikimedia_definitions_in_openapi3() -> None:
    _, document = _document("wikimedia-rest-3.0")

    assert document.schemes == {}
    assert [(finding.path, finding.rule) for finding in document.findings] == [
        ("/securityDefinitions", "field-not-allowed")
    ]


def test_corpus_surevoip_external_references() -> None:
    _, document = _document("surevoip")

    assert all(isinstance(model, Reference) for model in document.schemes.values())
    assert document.resolved_schemes == {}
    assert [str(finding) for finding in document.findings] == [
        f"/components/securitySchemes/{name}/$ref: warning: external reference"
        f" 'components/securitySchemes/{name}.yaml' is not followed, so its target is not checked"
        " [external-reference]"
        for name in ("BasicAuth", "OAuth2", "OpenIDConnect")
    ]


def test_corpus_google_endpoints_swagger2_without_scopes() -> None:
    _, document = _document("google-endpoints-getting-started")

    assert Counter(finding.rule for finding in document.findings) == {
        "missing-scopes": 5,
        "discouraged-flow": 5,
    }
    assert document.findings[1].path == "/securityDefinitions/google_jwt/scopes"


def test_corpus_hubspot_api_key_with_flows_and_scopes() -> None:
    _, document = _document("hubspot-crm-contacts-v3")

    assert [(finding.path, finding.rule) for finding in document.findings] == [
        ("/components/securitySchemes/private_apps_legacy/flows", "field-not-allowed"),
        ("/components/securitySchemes/private_apps/flows", "field-not-allowed"),
        ("/paths/~1operation-1/get/security/1/private_apps", "roles-not-allowed"),
        ("/paths/~1operation-2/get/security/1/private_apps", "roles-not-allowed"),
    ]


def test_corpus_asana_sdk_undefined_oauth2_scheme() -> None:
    _, document = _document("asana-sdk-oas")

    assert {finding.rule for finding in document.findings} == {"undefined-scheme"}
    assert len(document.findings) == 20
    assert document.findings[0].message == (
        "undefined security scheme 'oauth2', expected one of 'personalAccessToken' from components.securitySchemes"
    )


@pytest.mark.parametrize(
    "stem",
    [
        "lyft-swagger2",
        "oai-learn-non-oauth-scopes-3.1",
        "cyberark-conjur",
        "zapier-nla",
        "okta-oauth",
        "clever",
    ],
)
def test_corpus_valid_document_has_no_findings(stem: str) -> None:
    _, document = _document(stem)

    assert document.findings == ()
