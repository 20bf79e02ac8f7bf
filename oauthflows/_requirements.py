"""The Security Requirement Object, and the reading of a ``security`` array.

Spec: https://spec.openapis.org/oas/v3.2.0#security-requirement-object
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, cast

from ._errors import ValidationErrorItem
from ._fields import MAX_NODES, Budget, Check, begin
from ._values import EMPTY, FrozenDict, JSONValue, describe

__all__ = ["OperationSecurity", "SecurityRequirement"]

BUDGET_EXHAUSTED: Final = (
    f"more than the limit of {MAX_NODES:,} array items and object members read in one call"
    " (shared YAML aliases count each time they are used), so the rest is not read"
)
"""The message where the shared budget of one call runs out."""


def _empty() -> Mapping[str, tuple[str, ...]]:
    # A factory, because Python 3.10's dataclasses reject any dict default, even a frozen one.
    return EMPTY  # type: ignore[return-value]


@dataclass(frozen=True, kw_only=True, slots=True)
class SecurityRequirement:
    """A Security Requirement Object: schemes that must all be satisfied together.

    Each key is a scheme name (in OpenAPI 3.2 also a scheme URI), ``x-`` or
    not, mapped to the scope names (oauth2, openIdConnect) or role names it
    needs. An empty requirement (``{}``) allows anonymous access.
    """

    schemes: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    """Scheme names mapped to the scopes or roles required of each, in input order."""

    def __post_init__(self) -> None:
        check = Check("", Budget())
        argument = cast(object, self.schemes)  # Callers without a type checker may pass anything.
        object.__setattr__(self, "schemes", read_requirement_members(check, argument))
        check.raise_if_failed(
            cast("Mapping[object, object]", argument) if isinstance(argument, Mapping) else ()
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> SecurityRequirement:
        """Read a Security Requirement Object, reporting every problem in one ``ValidationError``."""
        check = begin(cls.__name__, data)
        schemes = read_requirement_members(check, data)
        check.raise_if_failed(data)
        requirement = object.__new__(cls)
        object.__setattr__(requirement, "schemes", schemes)
        return requirement

    @property
    def anonymous(self) -> bool:
        """Whether this is the empty requirement ``{}``, which allows access without credentials."""
        return not self.schemes

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the requirement as a fresh JSON object of scheme names to lists of scopes."""
        return {name: list(scopes) for name, scopes in self.schemes.items()}


@dataclass(frozen=True, kw_only=True, slots=True)
class OperationSecurity:
    """The place and the ``security`` of one operation of a document."""

    pointer: str
    """JSON Pointer of the Operation Object from the document's root, such as ``/paths/~1pets/get``."""
    security: tuple[SecurityRequirement, ...] | None
    """The operation's ``security``, any one of which grants access; ``()`` means none is needed.

    ``None`` when the operation has no ``security`` field, so the document's
    top-level requirements apply, or when the value is invalid (see the findings).
    """


def read_requirement_members(check: Check, value: object) -> FrozenDict[str, tuple[str, ...]]:
    """Read the members of one requirement object into ``check``: scheme names to scope lists."""
    if not isinstance(value, Mapping):
        check.fail("schemes", f"expected a mapping of scheme names to scope lists, got {describe(value)}")
        return EMPTY  # type: ignore[return-value]
    members = cast("Mapping[object, object]", value)
    if not spend_budget(check, "", len(members)):
        return EMPTY  # type: ignore[return-value]

    schemes: dict[str, tuple[str, ...]] = {}
    for name, scopes in members.items():
        if not isinstance(name, str):
            check.fail(name, f"expected a string key (a scheme name), got {describe(name)}")
            continue
        if not isinstance(scopes, (list, tuple)):
            check.fail(name, f"expected an array of scope names, got {describe(scopes)}")
            continue
        items = cast("Sequence[object]", scopes)
        if not spend_budget(check, name, len(items)):
            break
        names: list[str] = []
        for index, scope in enumerate(items):
            if isinstance(scope, str):
                names.append(str.__str__(scope))
            else:
                check.fail(name, f"expected a string (a scope name), got {describe(scope)}", f"/{index}")
        schemes[str.__str__(name)] = tuple(names)
    return FrozenDict(schemes)


def spend_budget(check: Check, key: str, count: int) -> bool:
    """Take ``count`` nodes from the shared budget; record the limit once and return False when it runs out.

    ``key`` names the member being read, or is empty for the object of ``check`` itself.
    """
    budget = check.budget
    if budget.exhausted:
        return False
    budget.nodes_left -= count
    if budget.nodes_left >= 0:
        return True
    budget.exhausted = True
    message = BUDGET_EXHAUSTED
    if key:
        check.fail(key, message)
    else:
        check.problems.append(("", ValidationErrorItem(check.path, message)))
    return False
