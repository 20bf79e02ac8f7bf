"""Typed readers for the fields of a model, shared by ``from_dict`` and the constructors.

A ``Check`` collects the problems of one JSON object. Each reader returns the
value to store, or a placeholder after recording a problem, so that one pass
finds every problem of the input.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Collection, Iterable, Mapping
from itertools import islice

from ._errors import ValidationError, ValidationErrorItem, escape_pointer_token
from ._values import EMPTY, FrozenDict, JSONValue, cast, describe, quote

TYPE_CHECKING = False  # As typing's, without importing typing: see _values.py.
if TYPE_CHECKING:
    from typing import Final

__all__ = [
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_VALUE_PROBLEMS",
    "MISSING",
    "Budget",
    "Check",
    "int_fits_text",
    "max_int_digits",
]

MAX_DEPTH: Final = 100
"""Deepest nesting of arrays and objects inside one extension value.

Freezing, comparing and writing back recurse once per level, so the limit
keeps them far below Python's default recursion limit of 1000, and it stops
a cyclic structure given by a Python caller.
"""

MAX_NODES: Final = 1_000_000
"""Most array items and object members in the extension values of one call.

YAML aliases can make one small file name the same object billions of times.
Counting every visit, shared or not, bounds the time and memory of freezing,
comparing and writing back.
"""

MAX_VALUE_PROBLEMS: Final = 1_000
"""Most problems reported inside the extension values of one call.

A bad value shared through YAML aliases is met once per use, so a 12 kB file
could otherwise yield a million error lines and hundreds of megabytes.
"""


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()
"""The value of a key that the input does not have."""


_DIGITS_PER_BIT = 0.30103
"""log10(2): an integer of n bits has about n times this many decimal digits."""


def max_int_digits() -> int:
    """Return the most digits that ``str()`` and ``json.dumps`` write for an integer here; 0 for no limit."""
    # CPython 3.11, 3.10.7 and the matching security releases of older lines have it (4,300 digits).
    reader: Callable[[], int] | None = getattr(sys, "get_int_max_str_digits", None)
    return 0 if reader is None else reader()


def int_fits_text(number: int) -> bool:
    """Tell whether ``str()`` and ``json.dumps`` can write ``number`` under this interpreter's limit."""
    limit = max_int_digits()
    # Each digit takes more than 3 bits, so a number of at most 3 bits for each allowed digit fits.
    if limit == 0 or number.bit_length() <= 3 * limit:
        return True
    try:
        str(number)
    except ValueError:
        return False
    return True


class Budget:
    """The extension-value nodes and problems still allowed in one call.

    ``exhausted`` is set when any limit is hit and stops the walk of every
    extension value, so that a cyclic or shared structure gets one error
    rather than one for each path through it.
    """

    __slots__ = ("exhausted", "nodes_left", "problems_left")

    def __init__(self, nodes: int = MAX_NODES, problems: int = MAX_VALUE_PROBLEMS) -> None:
        self.nodes_left = nodes
        self.problems_left = problems
        self.exhausted = False


class Check:
    """The problems found in one JSON object, keyed by the member they belong to."""

    __slots__ = ("budget", "path", "problems")

    def __init__(self, path: str, budget: Budget) -> None:
        self.path = path
        self.budget = budget
        self.problems: list[tuple[object, ValidationErrorItem]] = []

    def fail(self, key: object, message: str, below: str = "") -> None:
        """Record a problem at member ``key``, or at ``below`` inside its value."""
        pointer = f"{self.path}/{escape_pointer_token(key)}{below}"
        self.problems.append((key, ValidationErrorItem(pointer, message)))

    def child(self, key: str) -> Check:
        """Start the check of the object nested at member ``key``."""
        return Check(f"{self.path}/{escape_pointer_token(key)}", self.budget)

    def adopt(self, key: object, child: Check, keys: Iterable[object]) -> None:
        """Take the problems of a nested object, ordered as its ``keys``."""
        if child.problems:
            for item in child.sorted_items(keys):
                self.problems.append((key, item))

    def sorted_items(self, keys: Iterable[object]) -> list[ValidationErrorItem]:
        """Return the problems in the order of the input keys; missing keys come last."""
        position = {key: index for index, key in enumerate(keys)}
        end = len(position)
        ordered = sorted(self.problems, key=lambda problem: position.get(problem[0], end))
        return [item for _, item in ordered]

    def raise_if_failed(self, keys: Iterable[object]) -> None:
        """Raise one ``ValidationError`` with every problem found, if there is any."""
        if self.problems:
            raise ValidationError(tuple(self.sorted_items(keys)))

    # Readers for model fields. `value` is MISSING when the key is absent.

    def string(self, key: str, value: object) -> str:
        """Read a required string."""
        if type(value) is str:
            return value
        return self._not_plain_string(key, value, required=True) or ""

    def optional_string(self, key: str, value: object) -> str | None:
        """Read an optional string; ``None`` when absent."""
        if type(value) is str:
            return value
        if value is MISSING:
            return None
        return self._not_plain_string(key, value, required=False)

    def _not_plain_string(self, key: str, value: object, *, required: bool) -> str | None:
        if isinstance(value, str):
            return str.__str__(value)
        if value is MISSING:
            self.fail(key, "missing required field, expected a string")
        else:
            self.fail(key, f"expected a string, got {describe(value)}")
        return None

    def optional_bool(self, key: str, value: object) -> bool | None:
        """Read an optional boolean; ``None`` when absent."""
        if value is True or value is False:
            return value
        if value is not MISSING:
            self.fail(key, f"expected a boolean, got {describe(value)}")
        return None

    def choice(self, key: str, value: object, allowed: tuple[str, ...], what: str) -> str:
        """Read a required string that must be one of ``allowed`` (case-sensitive)."""
        if type(value) is str and value in allowed:
            return value

        listed = ", ".join(repr(name) for name in allowed)
        if value is MISSING:
            self.fail(key, f"missing required field, expected one of {listed}")
            return ""
        if not isinstance(value, str):
            self.fail(key, f"expected one of {listed}, got {describe(value)}")
            return ""
        text = str.__str__(value)
        if text in allowed:
            return text
        for name in allowed:
            if name.lower() == text.lower():
                self.fail(key, f"unknown {what} {quote(text)}, did you mean {name!r}?")
                return text
        self.fail(key, f"unknown {what} {quote(text)}, expected one of {listed}")
        return text

    def scopes(self, key: str, value: object) -> FrozenDict[str, str]:
        """Read a map of scope names to descriptions; empty when absent."""
        counted = value  # A copy to narrow, so that pyright keeps value an object below.
        if isinstance(counted, Mapping):
            size = len(cast("Mapping[object, object]", counted))
            if not self.spend_scopes(key, size):
                return EMPTY  # type: ignore[return-value]
        if type(value) is dict or type(value) is FrozenDict:
            # The common case: check the types in one pass and copy at C speed.
            given = cast("dict[object, object]", value)
            for name, description in given.items():
                if type(name) is not str or type(description) is not str:
                    break
            else:
                strings = cast("dict[str, str]", given)
                return strings if isinstance(strings, FrozenDict) else FrozenDict(strings)
        if value is MISSING:
            return EMPTY  # type: ignore[return-value]
        if not isinstance(value, Mapping):
            self.fail(key, f"expected an object mapping scope names to descriptions, got {describe(value)}")
            return EMPTY  # type: ignore[return-value]

        members = cast("Mapping[object, object]", value)
        scopes: dict[str, str] = {}
        check = self.child(key)
        for name, description in members.items():
            if not isinstance(name, str):
                check.fail(name, f"expected a string key (a scope name), got {describe(name)}")
                continue
            if not isinstance(description, str):
                check.fail(name, f"expected a string (the scope's description), got {describe(description)}")
                continue
            scopes[str.__str__(name)] = str.__str__(description)
        self.adopt(key, check, members)
        return FrozenDict(scopes)

    def extra_from(self, data: Mapping[str, object], known: frozenset[str]) -> FrozenDict[str, JSONValue]:
        """Read the keys of ``data`` that the model does not name as fields."""
        extra: dict[str, JSONValue] | None = None
        key: object
        for key, value in data.items():
            if key in known:
                continue
            if extra is None:
                extra = {}
            name = self._key(key)
            if name is not None:
                extra[name] = self.json_value(name, value)
        return EMPTY if extra is None else FrozenDict(extra)

    def extra(self, value: object, reserved: frozenset[str], owner: str) -> FrozenDict[str, JSONValue]:
        """Check the ``extra`` argument of a constructor."""
        if type(value) is FrozenDict and not (value.keys() & reserved):
            # Built by this package, so every value in it is already checked.
            return cast("FrozenDict[str, JSONValue]", value)
        if not isinstance(value, Mapping):
            self.fail("extra", f"expected a mapping of extra keys, got {describe(value)}")
            return EMPTY

        extra: dict[str, JSONValue] = {}
        for key, item in cast("Mapping[object, object]", value).items():
            name = self._key(key)
            if name is None:
                continue
            if name in reserved:
                self.fail(
                    name, f"{name!r} is a field of {owner}, set it by its keyword argument, not in extra"
                )
                continue
            extra[name] = self.json_value(name, item)
        return FrozenDict(extra) if extra else EMPTY

    def _key(self, key: object) -> str | None:
        if type(key) is str:
            return key
        if isinstance(key, str):
            return str.__str__(key)
        self.fail(key, f"expected a string key, got {describe(key)}")
        return None

    def json_value(self, key: str, value: object) -> JSONValue:
        """Freeze an extension value, checking that it is JSON."""
        kind = type(value)
        if kind is str or kind is bool or value is None:
            return value  # type: ignore[return-value]
        return self._freeze(key, "", value, 1)

    def _freeze(self, key: str, below: str, value: object, depth: int) -> JSONValue:
        kind = type(value)
        if kind is str or kind is bool or value is None:
            return value  # type: ignore[return-value]
        if isinstance(value, int):
            number = value if kind is int else int.__int__(value)
            if int_fits_text(number):
                return number
            digits = int(number.bit_length() * _DIGITS_PER_BIT) + 1
            self._fail_in_value(
                key,
                f"expected an integer that Python can write as text, got one of about {digits:,} digits,"
                f" over the limit of {max_int_digits():,} (sys.set_int_max_str_digits raises it)",
                below,
            )
            return None
        if isinstance(value, float):
            if math.isfinite(value):
                return float.__float__(value)
            self._fail_in_value(
                key, f"expected a JSON value, got {describe(value)}: JSON has no NaN or infinity", below
            )
            return None
        if isinstance(value, (Mapping, list, tuple)):
            container = cast("Mapping[object, object] | list[object] | tuple[object, ...]", value)
            return self._freeze_container(key, below, container, depth)
        if isinstance(value, str):
            return str.__str__(value)
        self._fail_in_value(key, f"expected a JSON value, got {describe(value)}", below)
        return None

    def _freeze_container(
        self,
        key: str,
        below: str,
        value: Mapping[object, object] | list[object] | tuple[object, ...],
        depth: int,
    ) -> JSONValue:
        budget = self.budget
        if budget.exhausted:
            return None
        if depth > MAX_DEPTH:
            self._fail_in_value(
                key,
                f"value nested deeper than the limit of {MAX_DEPTH} arrays and objects"
                " (a cyclic structure also reaches it)",
                below,
            )
            budget.exhausted = True
            return None

        if isinstance(value, Mapping):
            members: Collection[tuple[object, object]] = value.items()
            if type(value) is not dict and type(value) is not FrozenDict:
                # The len() of a subclass or of a caller's Mapping need not match its iteration,
                # which may even be endless, so count a copy cut at the budget.
                members = list(islice(members, budget.nodes_left + 1))
            if not self._spend(key, below, len(members)):
                return None
            frozen: dict[str, JSONValue] = {}
            for member, item in members:
                pointer = f"{below}/{escape_pointer_token(member)}"
                if not isinstance(member, str):
                    self._fail_in_value(key, f"expected a string key, got {describe(member)}", pointer)
                    continue
                frozen[str.__str__(member)] = self._freeze(key, pointer, item, depth + 1)
            return FrozenDict(frozen)

        items: Collection[object] = value
        if type(value) is not list and type(value) is not tuple:
            items = list(islice(items, budget.nodes_left + 1))  # As for a Mapping above.
        if not self._spend(key, below, len(items)):
            return None
        return tuple(
            [self._freeze(key, f"{below}/{index}", item, depth + 1) for index, item in enumerate(items)]
        )

    def spend_scopes(self, key: str, count: int) -> bool:
        """Take ``count`` scopes from the budget; record the problem and return False past the limit."""
        budget = self.budget
        budget.nodes_left -= count
        if budget.nodes_left >= 0:
            return True
        if not budget.exhausted:
            budget.exhausted = True
            self.fail(
                key,
                f"scopes and extension values hold more than the limit of {MAX_NODES:,} entries in all"
                " (shared YAML aliases count each time they are used)",
            )
        return False

    def _spend(self, key: str, below: str, count: int) -> bool:
        """Take ``count`` nodes from the budget; record the problem and return False past the limit."""
        budget = self.budget
        budget.nodes_left -= count
        if budget.nodes_left >= 0:
            return True
        budget.exhausted = True
        self.fail(
            key,
            f"extension values hold more than the limit of {MAX_NODES:,} array items and"
            " object members in all (shared YAML aliases count each time they are used)",
            below,
        )
        return False

    def _fail_in_value(self, key: str, message: str, below: str) -> None:
        """Record a problem inside an extension value, up to ``MAX_VALUE_PROBLEMS`` in one call."""
        budget = self.budget
        if budget.exhausted:
            return
        if budget.problems_left == 0:
            budget.exhausted = True
            message = (
                f"more than {MAX_VALUE_PROBLEMS:,} problems in extension values, the rest are not reported"
            )
        budget.problems_left -= 1
        self.fail(key, message, below)

    def model(self, key: str, value: object, expected: type) -> None:
        """Record that a constructor argument is not an instance of the model ``expected``."""
        name = expected.__name__
        self.fail(key, f"expected {name}, got {describe(value)} (build it with {name}.from_dict)")


def begin(owner: str, data: object) -> Check:
    """Start a read: reject a non-mapping argument, then check from the root.

    ``owner`` is a class, whose ``from_dict`` is called, or a function such as ``parse_security_scheme``.
    """
    if not isinstance(data, Mapping):
        called = f"{owner}()" if owner.islower() else f"{owner}.from_dict()"
        raise TypeError(f"{called} expects a mapping, got {describe(data)}")
    return Check("", Budget())


def absent_if_none(value: object) -> object:
    """Map a constructor's ``None`` (an unset optional field) to MISSING."""
    return MISSING if value is None else value
