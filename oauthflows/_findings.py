"""The findings of the document checker: where, how serious, what, and which rule."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

__all__ = ["MAX_FINDINGS", "BoundedFindings", "Finding", "Severity"]

Severity: TypeAlias = Literal["error", "warning"]
"""``error`` for what the specification forbids, ``warning`` for what it or RFC 9700 advises against."""

RULE_SEVERITIES: Final[dict[str, Severity]] = {
    "invalid-value": "error",
    "field-not-allowed": "error",
    "missing-scopes": "error",
    "newer-than-version": "error",
    "invalid-version": "error",
    "invalid-requirement": "error",
    "undefined-scheme": "error",
    "roles-not-allowed": "error",
    "unresolved-reference": "error",
    "external-reference": "warning",
    "ignored-reference-field": "warning",
    "undefined-scope": "warning",
    "insecure-url": "warning",
    "discouraged-flow": "warning",
    "bearer-format-mismatch": "warning",
    "not-expressible": "warning",
}
"""Every rule id with its fixed severity."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Finding:
    """One problem found in a document, at a JSON Pointer from the document's root."""

    path: str
    """RFC 6901 JSON Pointer from the document's root, such as ``/components/securitySchemes/oauth/type``."""
    severity: Severity
    """``error`` or ``warning``, fixed by the rule."""
    message: str
    """A sentence saying what was expected and what was found."""
    rule: str
    """The stable rule id, such as ``undefined-scope``."""

    def __str__(self) -> str:
        return f"{self.path}: {self.severity}: {self.message} [{self.rule}]"

    def to_dict(self) -> dict[str, str]:
        """Write the finding as a fresh JSON object with ``path``, ``severity``, ``message`` and ``rule``."""
        return {"path": self.path, "severity": self.severity, "message": self.message, "rule": self.rule}


MAX_FINDINGS: Final = 10_000
"""Maximum number of findings kept for one document; one more finding counts those left out.

YAML aliases can repeat one bad value a million times in a small file, and
each use is a finding, so without a cap the output would grow to gigabytes.
"""

_MAX_MESSAGE: Final = 2_000
"""Maximum length of a finding's message, in characters, because messages quote values of the input."""

_MAX_PATH: Final = 10_000
"""Longest path of a finding, in characters: paths hold keys of the input, and 100 nested callbacks."""


def finding(rule: str, path: str, message: str) -> Finding:
    """Build a finding of ``rule``, with the rule's severity."""
    # NOTE: a path longer than _MAX_PATH is cut, so it is no longer a JSON Pointer that resolves.
    if len(path) > _MAX_PATH:
        path = path[: _MAX_PATH - 3] + "..."
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 3] + "..."
    return Finding(path=path, severity=RULE_SEVERITIES[rule], message=message, rule=rule)


class BoundedFindings(list[Finding]):
    """A list of findings that keeps the first ``MAX_FINDINGS`` and counts the rest."""

    left_out: int = 0

    def append(self, item: Finding) -> None:
        if len(self) < MAX_FINDINGS:
            super().append(item)
        else:
            self.left_out += 1

    def extend(self, items: Iterable[Finding]) -> None:
        for item in items:
            self.append(item)

    def closed(self) -> list[Finding]:
        """Return the findings kept, then one that counts those left out, if any."""
        if not self.left_out:
            return list(self)
        message = (
            f"{self.left_out:,} more findings are left out, past the limit of {MAX_FINDINGS:,} findings"
            " for one document"
        )
        return [*self, finding("invalid-value", "", message)]
