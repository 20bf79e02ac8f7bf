"""The ``convert`` command: output document, findings on standard error, exit status, versions and failures."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from oauthflows import JSONValue
from oauthflows.__main__ import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "petstore-security.json"

SWAGGER2: dict[str, JSONValue] = {
    "swagger": "2.0",
    "info": {"title": "Pets", "version": "1"},
    "securityDefinitions": {
        "key": {"type": "apiKey", "name": "api_key", "in": "query"},
        "oauth": {
            "type": "oauth2",
            "flow": "accessCode",
            "authorizationUrl": "https://auth.example.com/authorize",
            "tokenUrl": "https://auth.example.com/token",
            "scopes": {"read": "Read", "x-scope-order": ["read"]},
        },
    },
    "security": [{"key": []}],
    "paths": {"/pets": {"get": {"security": [{"oauth": ["read"]}]}, "post": {"responses": {}}}},
}
OPENAPI3: dict[str, JSONValue] = {
    "openapi": "3.0.3",
    "components": {
        "securitySchemes": {
            "key": {"type": "apiKey", "name": "api_key", "in": "query"},
            "oauth": {
                "type": "oauth2",
                "flows": {
                    "authorizationCode": {
                        "authorizationUrl": "https://auth.example.com/authorize",
                        "tokenUrl": "https://auth.example.com/token",
                        "scopes": {"read": "Read"},
                        "x-scope-order": ["read"],
                    }
                },
            },
        }
    },
    "security": [{"key": []}],
    "paths": {"/pets": {"get": {"security": [{"oauth": ["read"]}]}}},
}
MISSING_SCOPES_LINE = (
    "/securityDefinitions/oauth/scopes: warning: missing required field, so the converted flow has empty"
    " scopes ({}) [missing-scopes]"
)


def _write(folder: Path, name: str, document: dict[str, JSONValue]) -> str:
    path = folder / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _without_scopes() -> dict[str, JSONValue]:
    oauth = {"type": "oauth2", "flow": "application", "tokenUrl": "https://auth.example.com/token"}
    return {"swagger": "2.0", "securityDefinitions": {"oauth": oauth}}


def test_convert_prints_minimal_openapi3_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "convert", _write(tmp_path, "api.json", SWAGGER2))

    assert status == 0
    assert err == ""
    assert json.loads(out) == OPENAPI3
    assert out.endswith("}\n")


@pytest.mark.parametrize(("target", "release"), [("3.0", "3.0.3"), ("3.1", "3.1.0"), ("3.2", "3.2.0")])
def test_convert_to_picks_openapi_version(
    target: str, release: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, "convert", "--to", target, _write(tmp_path, "api.json", SWAGGER2))

    assert status == 0
    assert json.loads(out) == {**OPENAPI3, "openapi": release}


def test_convert_to_swagger2_goes_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "convert", "--to", "2.0", _write(tmp_path, "api.json", OPENAPI3))

    assert status == 0
    assert err == ""
    assert json.loads(out) == {
        "swagger": "2.0",
        "securityDefinitions": SWAGGER2["securityDefinitions"],
        "security": [{"key": []}],
        "paths": {"/pets": {"get": {"security": [{"oauth": ["read"]}]}}},
    }


def test_convert_output_passes_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "convert", _write(tmp_path, "api.json", SWAGGER2))
    converted = tmp_path / "converted.json"
    converted.write_text(out, encoding="utf-8")

    status, checked, _ = _run(capsys, "check", str(converted))

    assert status == 0
    assert checked.splitlines()[-1] == "findings: none"


def test_convert_prints_findings_on_standard_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, "convert", "--to", "2.0", str(EXAMPLE))

    assert status == 1
    assert json.loads(out)["swagger"] == "2.0"
    assert err.splitlines()[:2] == [
        "/components/securitySchemes/session/scheme: warning: http scheme 'bearer' is not expressible in"
        " Swagger 2.0, which has only basic authentication, so the scheme is left out [not-expressible]",
        "/components/securitySchemes/staff_sso/type: warning: type 'openIdConnect' is not expressible in"
        " Swagger 2.0, so the scheme is left out [not-expressible]",
    ]
    assert err.splitlines()[-1] == (
        "/paths/~1user~1me/get/security/0/session: error: scheme 'session' is left out of the converted"
        " document, and every requirement of this security names such a scheme, so they are kept as they are"
        " and cannot be met [not-expressible]"
    )


def test_convert_exit_status_ignores_warnings_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "api.json", _without_scopes())

    status, _, err = _run(capsys, "convert", path)
    strict_status, _, _ = _run(capsys, "convert", "--strict", path)

    assert status == 0
    assert err.splitlines() == [MISSING_SCOPES_LINE]
    assert strict_status == 1


def test_convert_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(SWAGGER2).encode())))

    status, out, err = _run(capsys, "convert", "-")

    assert status == 0
    assert err == ""
    assert json.loads(out) == OPENAPI3


def test_convert_yaml_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("yaml")
    path = tmp_path / "api.yaml"
    path.write_text("swagger: '2.0'\nsecurityDefinitions:\n  basic: {type: basic}\n", encoding="utf-8")

    status, out, _ = _run(capsys, "convert", str(path))

    assert status == 0
    assert json.loads(out) == {
        "openapi": "3.0.3",
        "components": {"securitySchemes": {"basic": {"type": "http", "scheme": "basic"}}},
    }


WRONG_VERSIONS: dict[str, tuple[list[str], dict[str, JSONValue], str]] = {
    "openapi3-to-openapi3": (
        [],
        {"openapi": "3.1.0"},
        "/openapi: expected 'swagger': '2.0', got 'openapi': '3.1.0' (string)"
        " (--to 2.0 converts an OpenAPI 3 document to Swagger 2.0)",
    ),
    "swagger2-to-swagger2": (
        ["--to", "2.0"],
        {"swagger": "2.0"},
        "/swagger: expected 'openapi': 3.0.x, 3.1.x or 3.2.x, got 'swagger': '2.0' (string)"
        " (without --to 2.0, convert reads Swagger 2.0 and writes OpenAPI 3)",
    ),
    "no-version": ([], {"paths": {}}, "/swagger: missing required field, expected 'swagger': '2.0'"),
}


@pytest.mark.parametrize(
    ("options", "document", "reason"), WRONG_VERSIONS.values(), ids=WRONG_VERSIONS.keys()
)
def test_convert_wrong_version_fails_in_one_line(
    options: list[str],
    document: dict[str, JSONValue],
    reason: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _write(tmp_path, "api.json", document)

    status, out, err = _run(capsys, "convert", *options, path)

    assert status == 2
    assert out == ""
    assert err == f"oauthflows: {path}: {reason}\n"


def test_convert_limit_fails_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    flows: dict[str, JSONValue] = {
        "password": {"tokenUrl": "/token", "scopes": {}},
        "clientCredentials": {"tokenUrl": "/token", "scopes": {}},
    }
    schemes: dict[str, JSONValue] = {f"s{index}": {"type": "oauth2", "flows": flows} for index in range(20)}
    document: dict[str, JSONValue] = {
        "openapi": "3.1.0",
        "components": {"securitySchemes": schemes},
        "security": [{name: [] for name in schemes}],
    }
    path = _write(tmp_path, "api.json", document)

    status, out, err = _run(capsys, "convert", "--to", "2.0", path)

    assert status == 2
    assert out == ""
    assert err == (
        f"oauthflows: {path}: /security/0: the conversion would write or follow more than the limit of"
        " 1,000,000 requirements and path item references (shared YAML aliases count each time they are used)\n"
    )


def test_convert_fails_closed_on_unquoted_yaml_scheme_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("yaml")
    path = tmp_path / "api.yaml"
    path.write_text(
        "openapi: 3.0.3\n"
        "components:\n"
        "  securitySchemes:\n"
        '    "1": {type: apiKey, name: k, in: query}\n'
        "paths:\n"
        "  /admin:\n"
        "    delete:\n"
        "      security:\n"
        "        - 1: []\n",
        encoding="utf-8",
    )

    status, out, err = _run(capsys, "convert", "--to", "2.0", str(path))

    assert status == 2
    assert out == ""
    assert err.startswith(
        f"oauthflows: {path}: /paths/~1admin/delete/security/0/1: expected a string key, got 1 (integer), so"
        " this security cannot be copied"
    )


def test_convert_unparsable_file_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"swagger": "2.0",', encoding="utf-8")

    status, out, err = _run(capsys, "convert", str(path))

    assert status == 2
    assert out == ""
    assert err == (
        f"oauthflows: {path}: invalid JSON: Expecting property name enclosed in double quotes at line 1 column 19\n"
    )


def test_convert_missing_file_fails_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "missing.json"

    status, out, err = _run(capsys, "convert", str(path))

    assert status == 2
    assert out == ""
    assert err == f"oauthflows: {path}: cannot read the file: No such file or directory\n"


def test_convert_escapes_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document: dict[str, JSONValue] = {
        "swagger": "2.0",
        "securityDefinitions": {"a\nb": {"type": "basic"}},
    }

    status, _, err = _run(capsys, "convert", _write(tmp_path, "api.json", document))

    assert status == 1
    assert err.splitlines() == [
        "/securityDefinitions/a\\nb: error: invalid component name 'a\\nb' in OpenAPI 3, expected only letters,"
        " digits, '.', '-' and '_' (rename the definition and the requirements that name it) [invalid-value]"
    ]


@pytest.mark.parametrize(
    "arguments",
    [["convert"], ["convert", "--to", "4.0", "a.json"], ["convert", "a.json", "b.json"]],
    ids=["no-file", "unknown-version", "two-files"],
)
def test_convert_usage_error_exits_with_two(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(arguments)

    assert raised.value.code == 2
    assert capsys.readouterr().err.startswith("usage: oauthflows")


def test_convert_help_explains_each_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["convert", "--help"])

    assert raised.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert (
        "FILE a Swagger 2.0 document, or an OpenAPI 3.x one with --to 2.0 (.json, .yaml or .yml), or -"
        in text
    )
    assert "--to {3.0,3.1,3.2,2.0} the version to write: 3.0 (default, written as 3.0.3)" in text
    assert "--strict exit with status 1 when there are warnings, not only errors" in text
    assert "exit status: 0 without errors, 1 with errors (or warnings with --strict), 2 when the file" in text


def test_module_converts_from_repository_root() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "oauthflows", "convert", "-"],
        cwd=ROOT,
        input=json.dumps(_without_scopes()),
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0
    assert result.stderr.splitlines() == [MISSING_SCOPES_LINE]
    assert json.loads(result.stdout)["openapi"] == "3.0.3"
