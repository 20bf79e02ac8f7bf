"""Turning a file or text into the mapping of an OpenAPI document: JSON always, YAML with PyYAML."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final, NoReturn, cast

from ._errors import ValidationError, ValidationErrorItem
from ._values import describe

__all__ = ["YAML_MISSING", "load_file", "load_text"]

YAML_MISSING: Final = (
    "reading YAML needs PyYAML, install it with: pip install PyYAML (or the oauthflows[yaml] extra)"
)
"""The message when a YAML document is read without PyYAML installed."""

_JSON_SUFFIXES: Final = (".json",)
_YAML_SUFFIXES: Final = (".yaml", ".yml")


def load_file(path: str | os.PathLike[str]) -> Mapping[str, object]:
    """Read and parse the document in the file at ``path``; ``OSError`` when it cannot be read."""
    with open(path, "rb") as file:
        data = file.read()
    return load_text(data, os.fspath(path))


def load_text(text: str | bytes, name: str = "") -> Mapping[str, object]:
    """Parse a document from its text, as JSON or as YAML.

    A file name ending in ``.json``, ``.yaml`` or ``.yml`` sets the format.
    Without one, text that starts with ``{`` or ``[`` (after white space) is
    JSON, and other text is YAML. Raises ``ValidationError`` with one item at
    the root for text that cannot be parsed or is not an object, and
    ``ModuleNotFoundError`` for YAML without PyYAML.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            _fail(f"not UTF-8 text: byte {error.start} is invalid ({error.reason})")
    elif text.startswith("\ufeff"):
        text = text[1:]

    if not text.strip():
        _fail("the input is empty, expected an OpenAPI document (a JSON or YAML object)")

    lowered = name.lower()
    if lowered.endswith(_JSON_SUFFIXES):
        document = _load_json(text)
    elif lowered.endswith(_YAML_SUFFIXES):
        document = _load_yaml(text)
    elif text.lstrip().startswith(("{", "[")):
        document = _load_json(text)
    else:
        document = _load_yaml(text)

    if not isinstance(document, Mapping):
        _fail(f"expected an object (an OpenAPI document) at the root, got {describe(document)}")
    # Keys other than strings, which YAML allows, are reported where the checker meets them.
    return cast("Mapping[str, object]", document)


def _fail(message: str) -> NoReturn:
    raise ValidationError((ValidationErrorItem("", message),))


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")


def _load_json(text: str) -> object:
    import json

    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        _fail(f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}")
    except RecursionError:
        _fail("invalid JSON: arrays and objects nested too deeply to read")
    except ValueError as error:  # NaN and Infinity, or an integer longer than Python converts.
        _fail(f"invalid JSON: {error}")


def _load_yaml(text: str) -> object:
    try:
        import yaml
    except ModuleNotFoundError:
        raise ModuleNotFoundError(YAML_MISSING, name="yaml") from None

    # The safe loader builds only plain types. Its C twin (CSafeLoader) is faster but crashes the
    # interpreter on deeply nested input, where the pure Python one raises RecursionError.
    class JSONCompatibleLoader(yaml.SafeLoader):
        """The safe loader without YAML 1.1 timestamps, which JSON cannot hold: 2024-01-01 stays a string."""

    JSONCompatibleLoader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    try:
        return yaml.load(text, Loader=JSONCompatibleLoader)
    except yaml.MarkedYAMLError as error:
        where = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "malformed document"
        if error.context and error.problem and error.problem.startswith("but "):
            # The problem ends a sentence that the context begins ("expected a single document ...").
            problem = f"{error.context}, {error.problem}"
        position = f" at line {where.line + 1} column {where.column + 1}" if where else ""
        _fail(f"invalid YAML: {problem}{position}")
    except yaml.YAMLError as error:
        _fail(f"invalid YAML: {' '.join(str(error).split())}")
    except RecursionError:
        _fail("invalid YAML: collections nested too deeply to read")
    except ValueError as error:  # An integer longer than Python converts, or a bad timestamp.
        _fail(f"invalid YAML: {error}")
