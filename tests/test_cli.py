"""The command line: output, JSON shape, exit status, several files, standard input and failures."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from oauthflows import JSONValue
from oauthflows.__main__ import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "petstore-security.json"

EXAMPLE_FINDINGS = [
    "/components/securitySchemes/petstore_oauth/flows/clientCredentials/tokenUrl: warning: expected an https"
    " URL, got plain http to a host other than loopback: 'http://auth.petstore.example/oauth/token' [insecure-url]",
    "/components/securitySchemes/petstore_oauth/flows/password: warning: the password flow is advised against:"
    " RFC 9700 (OAuth 2.0 Security Best Current Practice) says it must not be used, expected authorizationCode,"
    " or clientCredentials without a user [discouraged-flow]",
    "/paths/~1pets~1{petId}/delete/security/0/petstore_oauth/1: warning: expected one of the scopes that oauth2"
    " scheme 'petstore_oauth' defines, got 'pets:admin' [undefined-scope]",
    "/paths/~1store~1inventory/get/security/0/api_key: error: expected an empty list for apiKey scheme 'api_key',"
    " got ['inventory:read'] (array), because OpenAPI 3.0 allows scopes only for oauth2 and openIdConnect"
    " schemes (roles need OpenAPI 3.1) [roles-not-allowed]",
]


def _write(folder: Path, name: str, document: dict[str, JSONValue]) -> str:
    path = folder / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


WARNINGS_ONLY: dict[str, JSONValue] = {
    "openapi": "3.1.0",
    "components": {
        "securitySchemes": {
            "legacy": {
                "type": "oauth2",
                "flows": {"implicit": {"authorizationUrl": "/authorize", "scopes": {}}},
            }
        }
    },
}
CLEAN: dict[str, JSONValue] = {
    "swagger": "2.0",
    "securityDefinitions": {"key": {"type": "apiKey", "name": "api_key", "in": "query"}},
    "security": [{"key": []}],
}


def test_check_prints_schemes_then_findings(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "check", str(EXAMPLE))

    assert status == 1
    assert err == ""
    assert out.splitlines() == [
        f"{EXAMPLE} (3.0.3)",
        "schemes:",
        "  api_key: apiKey in header 'X-API-Key'",
        "  shelter_key: reference #/components/securitySchemes/api_key",
        "  session: http bearer, bearerFormat 'JWT'",
        "  staff_sso: openIdConnect https://id.petstore.example/.well-known/openid-configuration",
        "  petstore_oauth: oauth2",
        "    password: tokenUrl /oauth/token, 1 scope",
        "    clientCredentials: tokenUrl http://auth.petstore.example/oauth/token, 1 scope",
        "    authorizationCode: authorizationUrl https://auth.petstore.example/oauth/authorize,"
        " tokenUrl https://auth.petstore.example/oauth/token, refreshUrl https://auth.petstore.example/oauth/refresh,"
        " 2 scopes",
        "findings: 1 error, 3 warnings",
        *EXAMPLE_FINDINGS,
    ]


def test_check_summarizes_swagger2_and_other_types(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    swagger = _write(
        tmp_path,
        "swagger.json",
        {
            "swagger": "2.0",
            "securityDefinitions": {
                "basic": {"type": "basic"},
                "code": {
                    "type": "oauth2",
                    "flow": "accessCode",
                    "authorizationUrl": "https://a.example/authorize",
                    "tokenUrl": "https://a.example/token",
                    "scopes": {"read": "Read"},
                },
            },
        },
    )
    openapi = _write(
        tmp_path,
        "openapi.json",
        {
            "openapi": "3.2.0",
            "components": {
                "securitySchemes": {
                    "mtls": {"type": "mutualTLS", "deprecated": True},
                    "bare": {
                        "type": "oauth2",
                        "flows": {},
                        "oauth2MetadataUrl": "https://a.example/.well-known",
                    },
                    "broken": {"type": "apiKey"},
                }
            },
        },
    )

    status, out, _ = _run(capsys, "check", swagger, openapi)

    assert status == 1
    assert out.splitlines()[:12] == [
        f"{swagger} (2.0)",
        "schemes:",
        "  basic: basic",
        "  code: oauth2",
        "    accessCode: authorizationUrl https://a.example/authorize, tokenUrl https://a.example/token, 1 scope",
        "findings: none",
        "",
        f"{openapi} (3.2.0)",
        "schemes:",
        "  mtls: mutualTLS (deprecated)",
        "  bare: oauth2, oauth2MetadataUrl https://a.example/.well-known",
        "    no flows",
    ]
    assert out.splitlines()[12:14] == [
        "  broken: invalid, see the findings",
        "findings: 2 errors, 0 warnings",
    ]


def test_check_document_without_schemes_or_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "empty.json", {"paths": {}})

    status, out, _ = _run(capsys, "check", path)

    assert status == 1
    assert out.splitlines() == [
        f"{path} (no version)",
        "schemes: none",
        "findings: 1 error, 0 warnings",
        "/openapi: error: missing required field, expected 'openapi' with a version such as '3.1.0' or 'swagger'"
        " with '2.0' (checked as OpenAPI 3.2) [invalid-version]",
    ]


def test_check_json_format_has_contract_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "missing.json")

    status, out, err = _run(capsys, "check", "--format", "json", str(EXAMPLE), missing)

    assert status == 2
    assert err == f"oauthflows: {missing}: cannot read the file: No such file or directory\n"
    output = json.loads(out)
    assert list(output) == ["documents"]
    first, second = output["documents"]
    assert list(first) == ["file", "version", "schemes", "findings"]
    assert first["file"] == str(EXAMPLE)
    assert first["version"] == "3.0.3"
    assert first["schemes"]["shelter_key"] == {"$ref": "#/components/securitySchemes/api_key"}
    assert first["schemes"]["api_key"] == {
        "type": "apiKey",
        "description": "A key issued in the partner portal",
        "name": "X-API-Key",
        "in": "header",
    }
    assert list(first["schemes"]) == ["api_key", "shelter_key", "session", "staff_sso", "petstore_oauth"]
    assert [
        f"{item['path']}: {item['severity']}: {item['message']} [{item['rule']}]"
        for item in first["findings"]
    ] == (EXAMPLE_FINDINGS)
    assert all(list(item) == ["path", "severity", "message", "rule"] for item in first["findings"])
    assert second == {
        "file": missing,
        "version": None,
        "error": "cannot read the file: No such file or directory",
    }


def test_check_json_format_writes_invalid_scheme_as_null(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path, "api.json", {"openapi": 3.1, "components": {"securitySchemes": {"k": {"type": "apiKey"}}}}
    )

    status, out, _ = _run(capsys, "check", "--format=json", path)

    assert status == 1
    document = json.loads(out)["documents"][0]
    assert document["version"] == "3.1"
    assert document["schemes"] == {"k": None}
    assert [item["path"] for item in document["findings"]] == [
        "/components/securitySchemes/k/name",
        "/components/securitySchemes/k/in",
    ]


def test_check_exit_status_ignores_warnings_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "legacy.json", WARNINGS_ONLY)

    assert _run(capsys, "check", path)[0] == 0
    assert _run(capsys, "check", "--strict", path)[0] == 1


def test_check_exit_status_clean_document_is_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "clean.json", CLEAN)

    assert _run(capsys, "check", "--strict", path)[0] == 0


def test_check_several_files_returns_highest_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = _write(tmp_path, "clean.json", CLEAN)
    broken = tmp_path / "broken.json"
    broken.write_text('{"openapi": "3.1.0",', encoding="utf-8")

    status, out, err = _run(capsys, "check", clean, str(broken), str(EXAMPLE))

    assert status == 2
    assert (
        err
        == f"oauthflows: {broken}: invalid JSON: Expecting property name enclosed in double quotes at line 1 column 21\n"
    )
    headers = [line for line in out.splitlines() if line.endswith(")") and not line.startswith(" ")]
    assert headers == [f"{clean} (2.0)", f"{EXAMPLE} (3.0.3)"]


def test_check_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(CLEAN).encode())))

    status, out, err = _run(capsys, "check", "--format", "json", "-")

    assert status == 0
    assert err == ""
    assert json.loads(out)["documents"][0]["file"] == "-"


def test_check_standard_input_text_header(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(CLEAN).encode())))

    status, out, _ = _run(capsys, "check", "-")

    assert status == 0
    assert out.splitlines()[0] == "- (2.0)"


def test_check_yaml_without_pyyaml_fails_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)
    path = tmp_path / "api.yaml"
    path.write_text("openapi: 3.1.0\n", encoding="utf-8")

    status, out, err = _run(capsys, "check", str(path))

    assert status == 2
    assert out == ""
    assert (
        err
        == f"oauthflows: {path}: reading YAML needs PyYAML, install it with: pip install PyYAML (or the oauthflows[yaml] extra)\n"
    )


def test_check_yaml_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("yaml")
    path = tmp_path / "api.yml"
    path.write_text("swagger: '2.0'\nsecurityDefinitions:\n  basic: {type: basic}\n", encoding="utf-8")

    status, out, _ = _run(capsys, "check", str(path))

    assert status == 0
    assert out.splitlines() == [f"{path} (2.0)", "schemes:", "  basic: basic", "findings: none"]


def test_check_directory_fails_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "check", str(tmp_path))

    assert status == 2
    assert out == ""
    assert err == f"oauthflows: {tmp_path}: cannot read the file: Is a directory\n"


def test_check_escapes_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "api.json", {"openapi": "3.1.0", "security": [{"evil\nname": []}]})

    _, out, _ = _run(capsys, "check", path)

    assert out.splitlines()[-1] == (
        "/security/0/evil\\nname: error: undefined security scheme 'evil\\nname', components.securitySchemes"
        " defines no schemes [undefined-scheme]"
    )


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["check"],
        ["lint", "a.json"],
        ["check", "--format", "xml", "a.json"],
        ["check", "--unknown", "a.json"],
    ],
    ids=["no-command", "no-file", "unknown-command", "unknown-format", "unknown-option"],
)
def test_usage_error_exits_with_two(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(arguments)

    assert raised.value.code == 2
    assert capsys.readouterr().err.startswith("usage: oauthflows")


def test_check_help_explains_each_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["check", "--help"])

    assert raised.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert (
        "FILE an OpenAPI 3.x or Swagger 2.0 document (.json, .yaml or .yml), or - for standard input" in text
    )
    assert "--format {text,json} text (default): a summary of the schemes, then the findings" in text
    assert "--strict exit with status 1 when there are warnings, not only errors" in text
    assert "exit status: 0 without errors, 1 with errors (or warnings with --strict), 2 when a file" in text


def test_module_runs_from_repository_root() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "oauthflows", "check", "examples/petstore-security.json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout.splitlines()[0] == "examples/petstore-security.json (3.0.3)"
    assert result.stdout.splitlines()[-4:] == EXAMPLE_FINDINGS


def test_module_reads_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "oauthflows", "check", "--strict", "-"],
        cwd=ROOT,
        input=json.dumps(WARNINGS_ONLY),
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "- (3.1.0)"


def test_module_stops_quietly_when_output_is_closed(tmp_path: Path) -> None:
    requirements: list[JSONValue] = [{f"missing-{index}": []} for index in range(5000)]
    path = _write(tmp_path, "many.json", {"openapi": "3.1.0", "security": requirements})
    process = subprocess.Popen(
        [sys.executable, "-m", "oauthflows", "check", path],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None

    first_line = process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read()
    process.stderr.close()
    process.wait(timeout=60)

    assert first_line == f"{path} (3.1.0)\n".encode()
    assert error == b""
    # 141 when a write failed on the closed pipe; 1 (errors found) when the kernel took the whole
    # output in one write before the reader went away. Never 2, which means an unreadable file.
    assert process.returncode in (1, 141)


UNICODE_CLEAN: dict[str, JSONValue] = {
    "openapi": "3.1.0",
    "components": {
        "securitySchemes": {
            "oauth": {
                "type": "oauth2",
                "flows": {"clientCredentials": {"tokenUrl": "https://тест.example/token", "scopes": {}}},
            }
        }
    },
}
"""A document without findings, with a token URL that ASCII cannot encode."""


def _shell(command: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    # The shell closes or redirects the streams as a user's would; "$0" is this Python.
    return subprocess.run(
        ["sh", "-c", command, sys.executable, *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(os.name != "posix", reason="closing a stream with >&- needs a POSIX shell")
def test_module_writes_nowhere_when_output_is_closed(tmp_path: Path) -> None:
    path = _write(tmp_path, "clean.json", UNICODE_CLEAN)

    checked = _shell('"$0" -m oauthflows check "$1" >&-', path)
    converted = _shell('"$0" -m oauthflows convert --to 2.0 "$1" >&-', path)

    assert (checked.returncode, checked.stderr) == (0, "")
    assert (converted.returncode, converted.stderr) == (0, "")


@pytest.mark.skipif(os.name != "posix", reason="closing a stream with 2>&- needs a POSIX shell")
def test_module_exit_status_survives_closed_error_stream(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.json")

    closed_error = _shell('"$0" -m oauthflows check "$1" 2>&-', missing)
    both_closed = _shell('"$0" -m oauthflows check "$1" >&- 2>&-', missing)

    assert (closed_error.returncode, closed_error.stdout) == (2, "")
    assert both_closed.returncode == 2


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a device that is always full")
def test_module_reports_output_it_cannot_write(tmp_path: Path) -> None:
    path = _write(tmp_path, "clean.json", UNICODE_CLEAN)

    result = _shell('"$0" -m oauthflows check "$1" > /dev/full', path)

    assert result.returncode == 2
    assert result.stderr == "oauthflows: cannot write the output: No space left on device\n"


def test_module_escapes_what_output_encoding_lacks(tmp_path: Path) -> None:
    path = _write(tmp_path, "clean.json", UNICODE_CLEAN)

    result = subprocess.run(
        [sys.executable, "-m", "oauthflows", "check", path],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )

    assert result.returncode == 0
    assert result.stderr == ""
    assert "tokenUrl https://\\u0442\\u0435\\u0441\\u0442.example/token" in result.stdout


@pytest.mark.skipif(os.name != "posix", reason="closing a stream with <&- needs a POSIX shell")
@pytest.mark.parametrize("command", ["check", "convert"])
def test_module_reports_closed_standard_input(command: str) -> None:
    result = _shell(f'"$0" -m oauthflows {command} - <&-')

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "oauthflows: -: cannot read the file: standard input is closed\n"
