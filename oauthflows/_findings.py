"""The findings of the document checker: where, how serious, what, and which rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

__all__ = ["Finding", "Severity"]

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


def finding(rule: str, path: str, message: str) -> Finding:
    """Build a finding of ``rule``, with the rule's severity."""
    return Finding(path=path, severity=RULE_SEVERITIES[rule], message=message, rule=rule)
