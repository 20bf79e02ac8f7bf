"""Whole OpenAPI documents: ``read_document`` reads their security as models, ``check_document`` checks it."""

from __future__ import annotations

import gc
import os
from collections.abc import Generator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import cast

from ._checks import AnyScheme, SpecVersion
from ._findings import Finding
from ._loading import load_file, load_text
from ._reference import Reference
from ._requirements import OperationSecurity, SecurityRequirement
from ._values import FrozenDict, describe
from ._walk import DocumentReader

__all__ = ["Document", "check_document", "read_document"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
    """The security of an OpenAPI 3.x or Swagger 2.0 document, and the checker's findings about it."""

    version: str | None
    """The ``openapi`` or ``swagger`` value as written (a YAML number as its text); None when missing."""
    spec_version: SpecVersion
    """The major.minor version the document was read and checked as; ``3.2`` when ``version`` is unusable."""
    schemes: Mapping[str, AnyScheme | Reference | None]
    """The schemes as written, by name; None for an invalid scheme.

    They come from ``components.securitySchemes``, or ``securityDefinitions`` in Swagger 2.0.
    """
    resolved_schemes: Mapping[str, AnyScheme]
    """Each scheme name mapped to its scheme with local references followed; unusable schemes are absent."""
    security: tuple[SecurityRequirement, ...] | None
    """The top-level ``security``; None when absent or invalid (see the findings)."""
    operations: tuple[OperationSecurity, ...]
    """Every operation of paths, webhooks and callbacks with its ``security``, in reading order."""
    findings: tuple[Finding, ...]
    """The findings of ``check_document`` for this document."""


def read_document(source: str | bytes | os.PathLike[str] | Mapping[str, object]) -> Document:
    """Read the security of an OpenAPI document from a file, its text, or its parsed mapping.

    A path-like object names a file, and so does a ``str`` without a line
    break that does not start with ``{`` or ``[``. Other text is the
    document itself. JSON
    is read with the standard library, YAML with PyYAML's ``safe_load``.
    Problems inside the document do not raise: they are in ``findings``.
    Raises ``OSError`` when the file cannot be read, ``ValidationError`` when
    the text cannot be parsed or is not an object, and ``ModuleNotFoundError``
    for YAML without PyYAML.
    """
    given = cast(object, source)  # Callers without a type checker may pass anything.
    with _collector_paused():
        if isinstance(given, Mapping):
            document = cast("Mapping[str, object]", given)
        elif isinstance(given, os.PathLike):
            document = load_file(cast("os.PathLike[str]", given))
        elif isinstance(given, bytes):
            document = load_text(given)
        elif isinstance(given, str):
            is_text = "\n" in given or given.lstrip().startswith(("{", "["))
            document = load_text(given) if is_text else load_file(given)
        else:
            raise TypeError(f"read_document() expects a path, text or a mapping, got {describe(given)}")
        return _read(document)[0]


def check_document(document: Mapping[str, object]) -> tuple[Finding, ...]:
    """Check the security of a parsed OpenAPI document and return the findings.

    The findings come in reading order: the version, the schemes, the
    top-level ``security``, then the operations. Within one scheme they
    follow the order of its keys.

    Raises ``TypeError`` when ``document`` is not a mapping.
    """
    given = cast(object, document)  # Callers without a type checker may pass anything.
    if not isinstance(given, Mapping):
        raise TypeError(f"check_document() expects a mapping, got {describe(given)}")
    with _collector_paused():
        return _read(document)[0].findings


@contextmanager
def _collector_paused() -> Generator[None, None, None]:
    """Pause Python's cyclic garbage collector, and restore its state afterwards.

    Parsing and reading allocate many objects but make no reference cycles,
    and each collection rescans the whole document built so far. Pausing
    made ``read_document`` of a generated 11 MB JSON text with 40,000
    operations about twice as fast: 1.3 s to 0.6 s of CPU time, the best of
    five runs on CPython 3.11 on a 2-core machine.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_completely(document: Mapping[str, object]) -> tuple[Document, bool]:
    """Read a parsed document as ``read_document`` does, and tell whether it was read to the end.

    The reading stops early when a limit is hit, which the findings report.
    A conversion must not write a document read only in part, because the
    operations it did not read would lose their security.
    """
    with _collector_paused():
        return _read(document)


def _read(document: Mapping[str, object]) -> tuple[Document, bool]:
    """Read ``document`` into its models and findings, and tell whether no limit stopped the reading."""
    reader = DocumentReader(document)
    reader.read()
    document_read = Document(
        version=reader.version,
        spec_version=reader.spec_version,
        schemes=FrozenDict(reader.schemes),
        resolved_schemes=FrozenDict(reader.resolved),
        security=reader.security,
        operations=tuple(reader.operations),
        findings=tuple(reader.findings.closed()),
    )
    return document_read, not reader.budget.exhausted
