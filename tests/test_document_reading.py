"""Reading whole documents: files and text, versions, schemes, requirements, operations and URLs."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from oauthflows import (
    APIKey,
    Document,
    HTTPAuthentication,
    OAuth2,
    OAuthFlowAuthorizationCode,
    OAuthFlowClientCredentials,
    OAuthFlowPassword,
    OAuthFlows,
    OpenIdConnect,
    OperationSecurity,
    Reference,
    SecurityRequirement,
    Swagger2APIKey,
    Swagger2Basic,
    Swagger2OAuth2,
    ValidationError,
    read_document,
    resolve_urls,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

MINIMAL_JSON = '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}'


def _requirement(**schemes: list[str]) -> SecurityRequirement:
    return SecurityRequirement(schemes={name: tuple(scopes) for name, scopes in schemes.items()})


# Sources: files, text, bytes and mappings


def test_read_document_reads_json_file_by_path(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_text(MINIMAL_JSON, encoding="utf-8")

    assert read_document(path).version == "3.1.0"
    assert read_document(str(path)).version == "3.1.0"


def test_read_document_reads_json_text_and_bytes() -> None:
    assert read_document(MINIMAL_JSON).spec_version == "3.1"
    assert read_document(MINIMAL_JSON.encode()).spec_version == "3.1"
    assert read_document(b"\xef\xbb\xbf" + MINIMAL_JSON.encode()).spec_version == "3.1"


def test_read_document_reads_parsed_mapping() -> None:
    document = read_document({"swagger": "2.0", "securityDefinitions": {"basic": {"type": "basic"}}})

    assert document.spec_version == "2.0"
    assert document.schemes == {"basic": Swagger2Basic()}


def test_read_document_reads_yaml_file(tmp_path: Path) -> None:
    pytest.importorskip("yaml")
    path = tmp_path / "api.yaml"
    path.write_text("openapi: 3.1\ninfo: {title: t, version: '1'}\npaths: {}\n", encoding="utf-8")

    document = read_document(path)

    assert document.version == "3.1"  # An unquoted 3.1 is a YAML number.
    assert document.spec_version == "3.1"
    assert document.findings == ()


def test_read_document_yaml_dates_stay_strings() -> None:
    pytest.importorskip("yaml")
    text = (
        "openapi: 3.1.0\npaths: {}\ncomponents:\n  securitySchemes:\n"
        "    key: {type: apiKey, name: k, in: query, x-released: 2024-01-01, x-at: 2024-01-01T10:00:00Z}\n"
    )

    document = read_document(text)

    key = document.schemes["key"]
    assert key is not None
    assert key.to_dict() == {
        "type": "apiKey",
        "name": "k",
        "in": "query",
        "x-released": "2024-01-01",
        "x-at": "2024-01-01T10:00:00Z",
    }
    assert document.findings == ()


def test_read_document_reads_yaml_text() -> None:
    pytest.importorskip("yaml")

    document = read_document(
        "swagger: '2.0'\nsecurityDefinitions:\n  key: {type: apiKey, name: k, in: query}\n"
    )

    assert document.schemes == {"key": Swagger2APIKey(name="k", in_="query")}


def test_read_document_without_pyyaml_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)  # Makes `import yaml` raise ModuleNotFoundError.
    path = tmp_path / "api.yaml"
    path.write_text("openapi: 3.1.0\n", encoding="utf-8")

    with pytest.raises(ModuleNotFoundError) as raised:
        read_document(path)

    assert (
        str(raised.value)
        == "reading YAML needs PyYAML, install it with: pip install PyYAML (or the oauthflows[yaml] extra)"
    )


def test_read_document_json_file_does_not_need_pyyaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)
    path = tmp_path / "api.json"
    path.write_text(MINIMAL_JSON, encoding="utf-8")

    assert read_document(path).version == "3.1.0"


def test_read_document_missing_file_raises_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_document(tmp_path / "missing.json")


UNPARSABLE: dict[str, tuple[str | bytes, str]] = {
    "broken-json": (
        '{"openapi": "3.1.0",',
        "invalid JSON: Expecting property name enclosed in double quotes at line 1 column 21",
    ),
    "nan": ('{"openapi": "3.1.0", "x-limit": NaN}', "invalid JSON: NaN is not a JSON value"),
    "array-root": ("[1, 2]", "expected an object (an OpenAPI document) at the root, got [1, 2] (array)"),
    "not-utf8": (b"\xff\xfeo\x00", "not UTF-8 text: byte 0 is invalid (invalid start byte)"),
    "deep-json": (
        "{" + '"a": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "invalid JSON: arrays and objects nested too deeply to read",
    ),
}


@pytest.mark.parametrize(("text", "message"), UNPARSABLE.values(), ids=UNPARSABLE.keys())
def test_read_document_unparsable_text_raises_one_error(text: str | bytes, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        read_document(text)

    assert [(item.path, item.message) for item in raised.value.errors] == [("", message)]


YAML_UNPARSABLE: dict[str, tuple[str, str]] = {
    "unclosed": (
        "openapi: [\n",
        "invalid YAML: expected the node content, but found '<stream end>' at line 2 column 1",
    ),
    "python-tag": (
        "openapi: !!python/object/apply:os.system ['true']\n",
        "invalid YAML: could not determine a constructor for the tag"
        " 'tag:yaml.org,2002:python/object/apply:os.system' at line 1 column 10",
    ),
    "scalar-root": (
        "just text\n",
        "expected an object (an OpenAPI document) at the root, got 'just text' (string)",
    ),
    "empty": ("\n", "the input is empty, expected an OpenAPI document (a JSON or YAML object)"),
    "two-documents": (
        "openapi: 3.1.0\n---\nopenapi: 3.0.3\n",
        "invalid YAML: expected a single document in the stream, but found another document at line 2 column 1",
    ),
    "deep": ("a: " + "[" * 5000 + "]" * 5000 + "\n", "invalid YAML: collections nested too deeply to read"),
}


@pytest.mark.parametrize(("text", "message"), YAML_UNPARSABLE.values(), ids=YAML_UNPARSABLE.keys())
def test_read_document_unparsable_yaml_raises_one_error(text: str, message: str) -> None:
    pytest.importorskip("yaml")

    with pytest.raises(ValidationError) as raised:
        read_document(text)

    assert [(item.path, item.message) for item in raised.value.errors] == [("", message)]


def test_read_document_rejects_other_argument_types() -> None:
    with pytest.raises(
        TypeError, match=r"^read_document\(\) expects a path, text or a mapping, got 3 \(integer\)$"
    ):
        read_document(3)  # type: ignore[arg-type]


# Versions


VERSIONS: dict[str, tuple[dict[str, object], str | None, str]] = {
    "3.0.3": ({"openapi": "3.0.3"}, "3.0.3", "3.0"),
    "3.0": ({"openapi": "3.0"}, "3.0", "3.0"),
    "3.1-float": ({"openapi": 3.1}, "3.1", "3.1"),
    "3.2.0": ({"openapi": "3.2.0"}, "3.2.0", "3.2"),
    "3.1.0-rc1": ({"openapi": "3.1.0-rc1"}, "3.1.0-rc1", "3.1"),
    "2.0": ({"swagger": "2.0"}, "2.0", "2.0"),
    "2.0-float": ({"swagger": 2.0}, "2.0", "2.0"),
    "unknown": ({"openapi": "4.0.0"}, "4.0.0", "3.2"),
    "missing": ({}, None, "3.2"),
    "integer": ({"openapi": 3}, None, "3.2"),
}


@pytest.mark.parametrize(("data", "version", "spec_version"), VERSIONS.values(), ids=VERSIONS.keys())
def test_read_document_reads_version_as_major_minor(
    data: dict[str, object], version: str | None, spec_version: str
) -> None:
    document = read_document(data)

    assert document.version == version
    assert document.spec_version == spec_version


# Schemes and references


SCHEMES_DOCUMENT: dict[str, object] = {
    "openapi": "3.1.0",
    "components": {
        "securitySchemes": {
            "X-API-Key": {"type": "apiKey", "name": "X-API-Key", "in": "header"},
            "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
            "oauth": {
                "type": "oauth2",
                "flows": {
                    "authorizationCode": {
                        "authorizationUrl": "/authorize",
                        "tokenUrl": "/token",
                        "scopes": {"read": "Read"},
                    }
                },
            },
            "alias": {
                "$ref": "#/components/securitySchemes/oauth",
                "description": "The same, by another name",
            },
            "alias-of-alias": {"$ref": "#/components/securitySchemes/alias"},
            "broken": {"type": "apiKey", "in": "body"},
            "elsewhere": {"$ref": "#/x-shared/oidc"},
        }
    },
    "x-shared": {"oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://id.example.com/.well-known"}},
}


def test_read_document_keeps_schemes_as_written() -> None:
    document = read_document(SCHEMES_DOCUMENT)

    assert list(document.schemes) == [
        "X-API-Key",
        "bearer",
        "oauth",
        "alias",
        "alias-of-alias",
        "broken",
        "elsewhere",
    ]
    assert document.schemes["X-API-Key"] == APIKey(name="X-API-Key", in_="header")
    assert document.schemes["bearer"] == HTTPAuthentication(scheme="bearer", bearer_format="JWT")
    assert document.schemes["alias"] == Reference(
        ref="#/components/securitySchemes/oauth", description="The same, by another name"
    )
    assert document.schemes["broken"] is None


def test_read_document_follows_local_references() -> None:
    document = read_document(SCHEMES_DOCUMENT)
    oauth = document.schemes["oauth"]
    assert isinstance(oauth, OAuth2)

    assert list(document.resolved_schemes) == [
        "X-API-Key",
        "bearer",
        "oauth",
        "alias",
        "alias-of-alias",
        "elsewhere",
    ]
    assert document.resolved_schemes["alias"] is oauth
    assert document.resolved_schemes["alias-of-alias"] is oauth
    assert document.resolved_schemes["elsewhere"] == OpenIdConnect(
        open_id_connect_url="https://id.example.com/.well-known"
    )


def test_read_document_reports_invalid_scheme_as_finding() -> None:
    document = read_document(SCHEMES_DOCUMENT)

    assert [str(finding) for finding in document.findings] == [
        "/components/securitySchemes/broken/in: error: unknown API key location 'body',"
        " expected one of 'query', 'header', 'cookie' [invalid-value]",
        "/components/securitySchemes/broken/name: error: missing required field, expected a string [invalid-value]",
    ]


def test_read_document_reads_swagger2_definitions() -> None:
    document = read_document(
        {
            "swagger": "2.0",
            "securityDefinitions": {
                "Client Authentication": {"type": "basic"},
                "oauth": {
                    "type": "oauth2",
                    "flow": "application",
                    "tokenUrl": "https://auth.example.com/token",
                    "scopes": {"read": "Read", "x-note": "not a scope"},
                },
            },
            "security": [{"oauth": ["read"]}],
        }
    )

    assert document.schemes["Client Authentication"] == Swagger2Basic()
    assert document.schemes["oauth"] == Swagger2OAuth2(
        flow="application",
        token_url="https://auth.example.com/token",
        scopes={"read": "Read"},
        scope_extensions={"x-note": "not a scope"},
    )
    assert document.security == (_requirement(oauth=["read"]),)
    assert document.findings == ()


def test_read_document_ignores_security_definitions_in_openapi3() -> None:
    document = read_document({"openapi": "3.0.3", "securityDefinitions": {"key": {"type": "basic"}}})

    assert document.schemes == {}


# Requirements and operations


def test_read_document_reads_top_level_security() -> None:
    document = read_document(
        {"openapi": "3.1.0", "security": [{"a": [], "b": ["read", "write"]}, {}], **_components("a", "b")}
    )

    security = document.security
    assert security == (_requirement(a=[], b=["read", "write"]), SecurityRequirement())
    assert security is not None
    assert security[1].anonymous
    assert not security[0].anonymous


def test_read_document_without_security_has_none() -> None:
    document = read_document({"openapi": "3.1.0", "paths": {"/a": {"get": {}}}})

    assert document.security is None
    assert document.operations == (OperationSecurity(pointer="/paths/~1a/get", security=None),)


def _components(*names: str) -> dict[str, object]:
    schemes = {name: {"type": "apiKey", "name": name, "in": "header"} for name in names}
    return {"components": {"securitySchemes": schemes}}


def _operation(scheme: str) -> dict[str, object]:
    return {"security": [{scheme: []}]}


def test_read_document_finds_every_operation() -> None:
    names = [
        "get",
        "put",
        "post",
        "delete",
        "options",
        "head",
        "patch",
        "trace",
        "query",
        "extra",
        "hook",
        "cb",
    ]
    document = read_document(
        {
            "openapi": "3.2.0",
            **_components(*names),
            "paths": {
                "x-internal": {"get": _operation("ignored")},
                "/pets/{id}": {
                    **{method: _operation(method) for method in names[:9]},
                    "additionalOperations": {"LINK": _operation("extra")},
                    "parameters": [],
                },
                "/shared": {"$ref": "#/paths/~1pets~1{id}"},
                "/callbacks": {
                    "post": {
                        "callbacks": {
                            "onEvent": {
                                "{$request.body#/url}": {"post": _operation("cb")},
                                "x-note": {"post": _operation("ignored")},
                            }
                        }
                    }
                },
            },
            "webhooks": {"newPet": {"post": _operation("hook")}},
        }
    )

    assert [(operation.pointer, operation.security) for operation in document.operations] == [
        *[
            (f"/paths/~1pets~1{{id}}/{method}", (SecurityRequirement(schemes={method: ()}),))
            for method in names[:9]
        ],
        ("/paths/~1pets~1{id}/additionalOperations/LINK", (_requirement(extra=[]),)),
        ("/paths/~1callbacks/post", None),
        ("/paths/~1callbacks/post/callbacks/onEvent/{$request.body#~1url}/post", (_requirement(cb=[]),)),
        ("/webhooks/newPet/post", (_requirement(hook=[]),)),
    ]
    assert document.findings == ()


def test_read_document_follows_path_item_reference() -> None:
    document = read_document(
        {
            "openapi": "3.1.0",
            **_components("a", "b"),
            "paths": {"/a": {"$ref": "#/components/pathItems/shared", "get": _operation("a")}},
            "components": {
                **_components("a", "b")["components"],  # type: ignore[dict-item]
                "pathItems": {"shared": {"post": _operation("b")}},
            },
        }
    )

    assert [operation.pointer for operation in document.operations] == [
        "/paths/~1a/get",
        "/components/pathItems/shared/post",
    ]
    assert document.findings == ()


def test_read_document_operation_with_empty_security_needs_none() -> None:
    document = read_document({"openapi": "3.0.3", "paths": {"/login": {"post": {"security": []}}}})

    assert document.operations == (OperationSecurity(pointer="/paths/~1login/post", security=()),)


def test_read_document_invalid_security_reads_as_none() -> None:
    document = read_document({"openapi": "3.0.3", **_components("a"), "security": [{"a": "read"}]})

    assert document.security is None
    assert [str(finding) for finding in document.findings] == [
        "/security/0/a: error: expected an array of scope names, got 'read' (string) [invalid-requirement]"
    ]


def test_document_is_frozen() -> None:
    document = read_document(SCHEMES_DOCUMENT)

    assert isinstance(document, Document)
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.version = "3.0.0"  # type: ignore[misc]
    with pytest.raises(TypeError, match="immutable"):
        document.schemes["new"] = None  # type: ignore[index]


# The Security Requirement model


def test_security_requirement_round_trips_exactly() -> None:
    data = {"oauth": ["read", "write"], "x-partner-key": [], "https://example.com/schemes/mtls": []}

    requirement = SecurityRequirement.from_dict(data)

    assert requirement.to_dict() == data
    assert requirement.schemes == {
        "oauth": ("read", "write"),
        "x-partner-key": (),
        "https://example.com/schemes/mtls": (),
    }
    assert SecurityRequirement.from_dict(data) == requirement
    assert hash(SecurityRequirement.from_dict(data)) == hash(requirement)


def test_security_requirement_empty_is_anonymous() -> None:
    assert SecurityRequirement.from_dict({}).anonymous
    assert SecurityRequirement().to_dict() == {}


def test_security_requirement_is_immutable() -> None:
    requirement = SecurityRequirement(schemes={"oauth": ["read"]})  # type: ignore[dict-item]

    assert requirement.schemes["oauth"] == ("read",)
    with pytest.raises(TypeError, match="immutable"):
        requirement.schemes["other"] = ()  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        requirement.schemes = {}  # type: ignore[misc]


def test_security_requirement_lists_every_problem() -> None:
    with pytest.raises(ValidationError) as raised:
        SecurityRequirement.from_dict({"a": "read", "b": ["read", 2, None], 3: []})  # type: ignore[dict-item]

    assert str(raised.value) == (
        "/a: expected an array of scope names, got 'read' (string)\n"
        "/b/1: expected a string (a scope name), got 2 (integer)\n"
        "/b/2: expected a string (a scope name), got None (null)\n"
        "/3: expected a string key (a scheme name), got 3 (integer)"
    )


def test_security_requirement_constructor_checks_like_from_dict() -> None:
    with pytest.raises(ValidationError) as raised:
        SecurityRequirement(schemes={"a": "read"})  # type: ignore[dict-item]
    assert str(raised.value) == "/a: expected an array of scope names, got 'read' (string)"

    with pytest.raises(ValidationError) as raised:
        SecurityRequirement(schemes=["a"])  # type: ignore[arg-type]
    assert (
        str(raised.value) == "/schemes: expected a mapping of scheme names to scope lists, got ['a'] (array)"
    )


# resolve_urls


def test_resolve_urls_joins_relative_oauth2_urls() -> None:
    scheme = OAuth2(
        flows=OAuthFlows(
            authorization_code=OAuthFlowAuthorizationCode(
                authorization_url="/oauth/authorize",
                token_url="token",
                refresh_url="https://other.example.com/refresh",
                scopes={"read": "Read"},
            )
        ),
        oauth2_metadata_url="/.well-known/oauth-authorization-server",
    )

    resolved = resolve_urls(scheme, "https://api.example.com/v1/")

    flow = resolved.flows.authorization_code
    assert flow is not None
    assert flow.authorization_url == "https://api.example.com/oauth/authorize"
    assert flow.token_url == "https://api.example.com/v1/token"
    assert flow.refresh_url == "https://other.example.com/refresh"
    assert flow.scopes == {"read": "Read"}
    assert resolved.oauth2_metadata_url == "https://api.example.com/.well-known/oauth-authorization-server"
    assert scheme.flows.authorization_code is not None
    assert scheme.flows.authorization_code.token_url == "token"


def test_resolve_urls_joins_openid_connect_and_swagger2_urls() -> None:
    openid = resolve_urls(
        OpenIdConnect(open_id_connect_url=".well-known/openid-configuration"), "https://id.example.com/"
    )
    swagger2 = resolve_urls(
        Swagger2OAuth2(flow="accessCode", authorization_url="/authorize", token_url="/token"),
        "https://auth.example.com/base",
    )

    assert openid.open_id_connect_url == "https://id.example.com/.well-known/openid-configuration"
    assert swagger2.authorization_url == "https://auth.example.com/authorize"
    assert swagger2.token_url == "https://auth.example.com/token"


def test_resolve_urls_reports_each_url_it_cannot_parse() -> None:
    scheme = OAuth2(
        flows=OAuthFlows(
            password=OAuthFlowPassword(token_url="http://[::1/token", refresh_url="/refresh"),
            client_credentials=OAuthFlowClientCredentials(token_url="https://[fe80::1/token"),
        ),
        oauth2_metadata_url="http://[::1",
    )

    with pytest.raises(ValidationError) as raised:
        resolve_urls(scheme, "https://api.example.com/")

    assert [(item.path, item.message) for item in raised.value.errors] == [
        (
            "/flows/password/tokenUrl",
            "expected a URL that can be resolved against the server URL, got 'http://[::1/token'"
            " (Invalid IPv6 URL)",
        ),
        (
            "/flows/clientCredentials/tokenUrl",
            "expected a URL that can be resolved against the server URL, got 'https://[fe80::1/token'"
            " (Invalid IPv6 URL)",
        ),
        (
            "/oauth2MetadataUrl",
            "expected a URL that can be resolved against the server URL, got 'http://[::1' (Invalid IPv6 URL)",
        ),
    ]


def test_resolve_urls_rejects_server_url_it_cannot_parse() -> None:
    with pytest.raises(
        ValueError, match=r"^resolve_urls\(\) expects a server URL, got 'http://\[::1' \(Invalid IPv6 URL\)$"
    ):
        resolve_urls(OpenIdConnect(open_id_connect_url="/x"), "http://[::1")


def test_resolve_urls_returns_scheme_without_urls_unchanged() -> None:
    key = APIKey(name="k", in_="query")

    assert resolve_urls(key, "https://api.example.com/") is key


def test_resolve_urls_rejects_reference() -> None:
    with pytest.raises(TypeError, match=r"resolve a Reference to its scheme first"):
        resolve_urls(Reference(ref="#/components/securitySchemes/a"), "https://api.example.com/")  # type: ignore[type-var]


# Lazy loading


def test_import_oauthflows_loads_no_document_modules() -> None:
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"  # A .pth file of the interpreter may import some of them first.
        "import oauthflows\n"
        "loaded = [name for name in ('json', 'yaml', 'argparse', 'typing', 'oauthflows._document',"
        " 'oauthflows._cli', 'oauthflows._swagger2', 'oauthflows._checks', 'oauthflows._reference')"
        " if name in sys.modules and name not in before]\n"
        "print(loaded)\n"
        "oauthflows.check_document\n"
        "print('oauthflows._document' in sys.modules, 'check_document' in dir(oauthflows))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert result.stdout == "[]\nTrue True\n"


def test_lazy_names_are_public() -> None:
    import oauthflows

    for name in oauthflows.__all__:
        assert getattr(oauthflows, name) is not None, name
    with pytest.raises(AttributeError, match="has no attribute 'missing'"):
        oauthflows.missing  # type: ignore[attr-defined]  # noqa: B018


# The bundled example


def test_example_json_is_twin_of_yaml() -> None:
    yaml = pytest.importorskip("yaml")

    with (EXAMPLES / "petstore-security.yaml").open(encoding="utf-8") as file:
        from_yaml = yaml.safe_load(file)
    with (EXAMPLES / "petstore-security.json").open(encoding="utf-8") as file:
        from_json = json.load(file)

    assert from_json == from_yaml


def test_resolve_urls_reports_port_it_cannot_parse() -> None:
    scheme = OpenIdConnect(open_id_connect_url="https://id.example.com:port/.well-known")

    with pytest.raises(ValidationError) as raised:
        resolve_urls(scheme, "https://api.example.com/")
    with pytest.raises(
        ValueError, match=r"^resolve_urls\(\) expects a server URL, got 'http://h:99999/' \(Port out"
    ):
        resolve_urls(OpenIdConnect(open_id_connect_url="/x"), "http://h:99999/")

    assert [(item.path, item.message) for item in raised.value.errors] == [
        (
            "/openIdConnectUrl",
            "expected a URL that can be resolved against the server URL, got"
            " 'https://id.example.com:port/.well-known' (Port could not be cast to integer value as 'port')",
        )
    ]
