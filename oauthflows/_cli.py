"""The command line: ``oauthflows check FILE...`` prints each document's schemes and findings.

``oauthflows convert FILE`` prints the security of a Swagger 2.0 document as
a minimal OpenAPI 3 document, or of an OpenAPI 3 document as Swagger 2.0 with
``--to 2.0``, and its findings on standard error.

Exit status: 0 without errors, 1 with errors (or warnings, with ``--strict``),
2 when a file cannot be read or parsed, the output cannot be written, or the
usage is wrong, and 141 when the reader of the output stops early. With
several files the highest status wins.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Generator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Final, TextIO

from ._convert import to_openapi3, to_swagger2
from ._document import Document, read_document
from ._errors import ValidationError
from ._flows import OAuthFlow
from ._loading import load_file, load_text
from ._reference import Reference
from ._schemes import APIKey, HTTPAuthentication, MutualTLS, OAuth2, OpenIdConnect
from ._swagger2 import Swagger2APIKey, Swagger2Basic, Swagger2OAuth2
from ._urls import FLOW_URLS
from ._values import JSONValue

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_UNREADABLE: Final = 2
EXIT_OUTPUT_CLOSED: Final = 141
"""128 plus SIGPIPE (13): what a shell reports for a program that a closed pipe stopped."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    with _usable_streams():
        parser = _build_parser()
        arguments = parser.parse_args(argv)
        try:
            status: int = arguments.run(arguments)
        except BrokenPipeError:
            # The reader of our output went away (`oauthflows check x.json | head`): stop quietly.
            _discard_output()
            return EXIT_OUTPUT_CLOSED
        except OSError as error:
            # Reading reports its own errors, so this one is from writing, as on a full disk (`> /dev/full`).
            _discard_output()
            _report_write_error(error)
            return EXIT_UNREADABLE
        except KeyboardInterrupt:
            return 130
        return status


@contextmanager
def _usable_streams() -> Generator[None, None, None]:
    """Make standard output and error safe to write to, and restore them afterwards.

    A stream that the shell closed (``>&-``) is ``None`` in Python: it is
    replaced by os.devnull, as if the output had been sent there. Characters
    that a stream's encoding lacks (an ASCII or cp1252 console) are written as
    backslash escapes instead of raising ``UnicodeEncodeError``.
    """
    saved = (sys.stdout, sys.stderr)
    opened: list[TextIO] = []
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  # Closed below.
        opened.append(sys.stdout)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  # Closed below.
        opened.append(sys.stderr)
    previous_errors = [_set_errors(stream, "backslashreplace") for stream in (sys.stdout, sys.stderr)]
    try:
        yield
    finally:
        for stream, errors in zip((sys.stdout, sys.stderr), previous_errors, strict=True):
            # Flushing may fail as writing did, and the exit status already reports that.
            with suppress(OSError):
                _set_errors(stream, errors)
        sys.stdout, sys.stderr = saved
        for stream in opened:
            stream.close()


def _set_errors(stream: object, errors: str | None) -> str | None:
    """Set how ``stream`` encodes what its encoding lacks, and return the setting it had."""
    if not isinstance(stream, io.TextIOWrapper) or errors is None:
        return None
    previous = stream.errors
    stream.reconfigure(errors=errors)
    return previous


def _discard_output() -> None:
    """Point standard output at os.devnull where it has a file descriptor, for the flush at exit."""
    # Python exits with status 120 when that flush fails, which would hide the status returned.
    with suppress(OSError, ValueError):  # A stream without a file descriptor, as in tests, stays.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _report_write_error(error: OSError) -> None:
    with suppress(OSError):  # Standard error may fail too, and then the exit status is all that is left.
        print(f"oauthflows: cannot write the output: {error.strerror or error}", file=sys.stderr)
        sys.stderr.flush()


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="oauthflows",
        description="Check the security schemes and requirements of OpenAPI 3.x and Swagger 2.0 documents.",
    )
    commands = parser.add_subparsers(title="commands", dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="check the security of OpenAPI documents",
        description=(
            "Print each document's security schemes and the problems found, one a line, as"
            " PATH: SEVERITY: MESSAGE [RULE], where PATH is a JSON Pointer from the document's root."
            " Reading YAML needs PyYAML (pip install PyYAML), reading JSON needs nothing more."
        ),
        epilog=(
            "exit status: 0 without errors, 1 with errors (or warnings with --strict),"
            " 2 when a file cannot be read or parsed or the output cannot be written, 141 when the reader"
            " of the output stops early (| head). With several files, the highest status wins."
        ),
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="an OpenAPI 3.x or Swagger 2.0 document (.json, .yaml or .yml), or - for standard input",
    )
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): a summary of the schemes, then the findings. json: one object with a"
        ' "documents" array holding each file\'s version, schemes and findings',
    )
    check.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 when there are warnings, not only errors",
    )
    check.set_defaults(run=_run_check)

    convert = commands.add_parser(
        "convert",
        help="convert the security of a Swagger 2.0 document to OpenAPI 3, or back",
        description=(
            "Print the security of a Swagger 2.0 document as a minimal OpenAPI 3 document in JSON: its"
            " schemes, its top-level security and the security of each operation under paths. With"
            " --to 2.0, convert an OpenAPI 3 document to Swagger 2.0 instead. The findings are printed on"
            " standard error as check prints them, with paths from the input document's root."
        ),
        epilog=(
            "exit status: 0 without errors, 1 with errors (or warnings with --strict), 2 when the file"
            " cannot be read or parsed, is not of the version that --to converts from, passes the limit"
            " of 1,000,000 requirements written and path item references followed, or holds a security"
            " that JSON or Swagger 2.0 cannot express without losing a credential, or when the output"
            " cannot be written; 141 when the reader of the"
            " output stops early."
        ),
    )
    convert.add_argument(
        "file",
        metavar="FILE",
        help="a Swagger 2.0 document, or an OpenAPI 3.x one with --to 2.0 (.json, .yaml or .yml),"
        " or - for standard input",
    )
    convert.add_argument(
        "--to",
        choices=("3.0", "3.1", "3.2", "2.0"),
        default="3.0",
        help="the version to write: 3.0 (default, written as 3.0.3), 3.1 (3.1.0) or 3.2 (3.2.0) from"
        " Swagger 2.0, or 2.0 from OpenAPI 3",
    )
    convert.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 when there are warnings, not only errors",
    )
    convert.set_defaults(run=_run_convert)
    return parser


def _run_check(arguments: argparse.Namespace) -> int:
    status = EXIT_OK
    entries: list[dict[str, JSONValue]] = []
    for index, name in enumerate(arguments.files):
        document = _read(name)
        if isinstance(document, str):
            print(f"oauthflows: {name}: {document}", file=sys.stderr)
            status = EXIT_UNREADABLE
            entries.append({"file": name, "version": None, "error": document})
            continue

        severities = {finding.severity for finding in document.findings}
        if "error" in severities or (arguments.strict and "warning" in severities):
            status = max(status, EXIT_FINDINGS)
        if arguments.format == "json":
            entries.append(_json_entry(name, document))
        else:
            if index:
                sys.stdout.write("\n")
            _print_text(sys.stdout, name, document)

    if arguments.format == "json":
        json.dump({"documents": entries}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    sys.stdout.flush()
    return status


def _read(name: str) -> Document | str:
    """Read the document of one FILE argument, or return why it cannot be read or parsed."""
    try:
        return read_document(_standard_input() if name == "-" else Path(name))
    except OSError as error:
        return f"cannot read the file: {error.strerror or error}"
    except ValidationError as error:
        return error.errors[0].message
    except ModuleNotFoundError as error:
        return str(error)


def _run_convert(arguments: argparse.Namespace) -> int:
    name: str = arguments.file
    document = _load(name)
    if isinstance(document, str):
        print(f"oauthflows: {name}: {document}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        if arguments.to == "2.0":
            conversion = to_swagger2(document)
        else:
            conversion = to_openapi3(document, version=arguments.to)
    except ValidationError as error:
        problem = error.errors[0]
        hint = ""
        if arguments.to != "2.0" and "openapi" in document:
            hint = " (--to 2.0 converts an OpenAPI 3 document to Swagger 2.0)"
        elif arguments.to == "2.0" and "swagger" in document:
            hint = " (without --to 2.0, convert reads Swagger 2.0 and writes OpenAPI 3)"
        print(_printable(f"oauthflows: {name}: {problem.path}: {problem.message}{hint}"), file=sys.stderr)
        return EXIT_UNREADABLE

    json.dump(conversion.document, sys.stdout, indent=2)
    sys.stdout.write("\n")
    sys.stdout.flush()
    sys.stderr.write("".join(_printable(str(finding)) + "\n" for finding in conversion.findings))
    severities = {finding.severity for finding in conversion.findings}
    if "error" in severities or (arguments.strict and "warning" in severities):
        return EXIT_FINDINGS
    return EXIT_OK


def _load(name: str) -> Mapping[str, object] | str:
    """Parse the document of a FILE argument, or return why it cannot be read or parsed."""
    try:
        return load_text(_standard_input()) if name == "-" else load_file(Path(name))
    except OSError as error:
        return f"cannot read the file: {error.strerror or error}"
    except ValidationError as error:
        return error.errors[0].message
    except ModuleNotFoundError as error:
        return str(error)


def _standard_input() -> bytes:
    """Read all of standard input as bytes; raise ``OSError`` when the shell closed it (``<&-``)."""
    if sys.stdin is None:
        raise OSError("standard input is closed")
    return sys.stdin.buffer.read()


def _json_entry(name: str, document: Document) -> dict[str, JSONValue]:
    schemes: dict[str, JSONValue] = {}
    for scheme_name, model in document.schemes.items():
        schemes[scheme_name] = None if model is None else model.to_dict()
    return {
        "file": name,
        "version": document.version,
        "schemes": schemes,
        "findings": [finding.to_dict() for finding in document.findings],
    }


def _print_text(output: TextIO, name: str, document: Document) -> None:
    version = document.version if document.version is not None else "no version"
    lines = [f"{name} ({version})"]
    if document.schemes:
        lines.append("schemes:")
        for scheme_name, model in document.schemes.items():
            lines.extend(_scheme_lines(scheme_name, model))
    else:
        lines.append("schemes: none")

    errors = sum(1 for finding in document.findings if finding.severity == "error")
    warnings = len(document.findings) - errors
    if document.findings:
        lines.append(f"findings: {_count(errors, 'error')}, {_count(warnings, 'warning')}")
    else:
        lines.append("findings: none")
    lines.extend(str(finding) for finding in document.findings)
    output.write("".join(_printable(line) + "\n" for line in lines))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _printable(text: str) -> str:
    """Escape control characters, so that a hostile name cannot start a new output line."""
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text
    )


def _scheme_lines(name: str, model: object) -> list[str]:
    """Summarize one scheme: its type and main fields, then one line per OAuth flow."""
    if model is None:
        return [f"  {name}: invalid, see the findings"]
    if isinstance(model, Reference):
        return [f"  {name}: reference {model.ref}"]

    flows: list[str] = []
    if isinstance(model, (APIKey, Swagger2APIKey)):
        head = f"apiKey in {model.in_} {model.name!r}"
    elif isinstance(model, HTTPAuthentication):
        head = f"http {model.scheme}"
        if model.bearer_format is not None:
            head += f", bearerFormat {model.bearer_format!r}"
    elif isinstance(model, Swagger2Basic):
        head = "basic"
    elif isinstance(model, OpenIdConnect):
        head = f"openIdConnect {model.open_id_connect_url}"
    elif isinstance(model, MutualTLS):
        head = "mutualTLS"
    elif isinstance(model, OAuth2):
        head = "oauth2"
        if model.oauth2_metadata_url is not None:
            head += f", oauth2MetadataUrl {model.oauth2_metadata_url}"
        flows = [f"    {key}: {_flow_summary(flow)}" for key, flow in model.flows.items()]
        if not flows:
            flows = ["    no flows"]
    elif isinstance(model, Swagger2OAuth2):
        head = "oauth2"
        urls = [("authorizationUrl", model.authorization_url), ("tokenUrl", model.token_url)]
        parts = [f"{key} {url}" for key, url in urls if url is not None]
        flows = [f"    {model.flow}: {', '.join([*parts, _count(len(model.scopes), 'scope')])}"]
    else:
        head = type(model).__name__
    if getattr(model, "deprecated", None):
        head += " (deprecated)"
    return [f"  {name}: {head}", *flows]


def _flow_summary(flow: OAuthFlow) -> str:
    parts: list[str] = []
    for attribute, key in FLOW_URLS:
        url = getattr(flow, attribute, None)
        if url is not None:
            parts.append(f"{key} {url}")
    parts.append(_count(len(flow.scopes), "scope"))
    return ", ".join(parts)
