"""The fast path of ``from_dict``: plain, valid input read without a reader call per field.

Almost every input is a ``dict`` whose values are exact ``str``, ``bool``
and ``dict`` objects that break no rule. A model's ``_read_plain`` reads
such input straight into its slots, and raises ``NotPlain`` at the first
value it does not take. The model's checked reader then reads the whole
object again with the ``Check`` readers, which apply every rule and report
every problem. The fast path only takes values that the checked readers
accept unchanged, so both paths build the same model and only the checked
one reports.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from types import MemberDescriptorType

from ._fields import MAX_DEPTH, Budget, Check
from ._values import EMPTY, FrozenDict, JSONValue, cast

TYPE_CHECKING = False  # As typing's, without importing typing: see _values.py.
if TYPE_CHECKING:
    from typing import TypeVar

    _Model = TypeVar("_Model", bound="Readable")

__all__ = ["NotPlain", "Readable", "Setter", "plain_extra", "slot_setters"]

Setter = Callable[[object, object], None]
"""The ``__set__`` of a slot, bound to the slot: ``setter(instance, value)``."""


class NotPlain(Exception):
    """Raised by a fast reader on a value that it leaves to the checked reader."""


class Readable:
    """The ``_read`` of a model: its fast reader first, its checked reader if the fast one gives up."""

    __slots__ = ()

    @classmethod
    def _read(cls: type[_Model], data: Mapping[str, object], check: Check) -> _Model:
        """Read ``data`` into a new model, recording its problems in ``check``."""
        given = data  # Narrow a copy, because pyright would type data below the if as a union.
        if type(given) is dict:
            plain: dict[str, object] = given  # pyright: ignore[reportUnknownVariableType]
            budget = check.budget
            nodes_left = budget.nodes_left
            try:
                return cls._read_plain(plain, budget)
            except NotPlain:
                budget.nodes_left = nodes_left  # The checked reader counts these nodes again.
        return cls._read_checked(data, check)

    @classmethod
    def _read_plain(cls: type[_Model], data: dict[str, object], budget: Budget) -> _Model:
        """Read plain, valid input, or raise ``NotPlain``."""
        raise NotImplementedError

    @classmethod
    def _read_checked(cls: type[_Model], data: Mapping[str, object], check: Check) -> _Model:
        """Read any input and record every problem in ``check``, with a placeholder for each bad field."""
        raise NotImplementedError


def slot_setters(model: type, *names: str) -> tuple[Setter, ...]:
    """Return the ``__set__`` of each named slot of ``model``, to fill a new instance.

    A frozen dataclass's own ``__setattr__`` raises, and ``object.__setattr__``
    ends in these setters after a look-up by name. Calling a setter directly
    takes about 35 ns instead of 57 ns (CPython 3.11, the machine of
    docs/benchmarks.md).
    """
    members = cast("Mapping[str, MemberDescriptorType]", vars(model))
    return tuple(members[name].__set__ for name in names)


_SCALARS = frozenset({str, bool, type(None)})
"""The exact types of the JSON values stored as given; integers are checked for size first."""

_PLAIN_INT_BITS = 1_920
"""The most bits of an integer that the fast path stores: under 640 digits, the lowest limit that Python
allows for writing integers as text, so such an integer fits under any setting. The checked reader
judges a longer one."""


def plain_extra(data: dict[str, object], known: frozenset[str], budget: Budget) -> FrozenDict[str, JSONValue]:
    """Freeze the keys of ``data`` not in ``known``, as ``Check.extra_from`` does, or raise ``NotPlain``."""
    extra: dict[str, JSONValue] = {}
    for key, value in data.items():
        if key in known:
            continue
        if type(key) is not str:
            raise NotPlain
        # One set look-up finds the common scalars, which saves a call for each.
        extra[key] = value if type(value) in _SCALARS else _plain_json(value, budget, 1)  # type: ignore[assignment]
    return FrozenDict(extra) if extra else EMPTY


def _plain_json(value: object, budget: Budget, depth: int) -> JSONValue:
    # Freeze an array, an object, an integer or a float, as Check.json_value does, or raise NotPlain.
    if type(value) is dict or type(value) is list or type(value) is tuple:
        container: dict[object, object] | list[object] | tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
        if depth > MAX_DEPTH or budget.exhausted:
            raise NotPlain
        # The len() of an exact dict, list or tuple is the count of what iterating it yields.
        budget.nodes_left -= len(container)
        if budget.nodes_left < 0:
            raise NotPlain

        if type(container) is dict:  # Faster than isinstance(), and the container is an exact type.
            frozen: dict[str, JSONValue] = {}
            for key, item in container.items():
                if type(key) is not str:
                    raise NotPlain
                frozen[key] = item if type(item) in _SCALARS else _plain_json(item, budget, depth + 1)  # type: ignore[assignment]
            return FrozenDict(frozen)

        for item in container:
            if type(item) not in _SCALARS:
                break
        else:
            return tuple(container)  # type: ignore[arg-type]  # An array of scalars is copied at C speed.
        return tuple(
            [item if type(item) in _SCALARS else _plain_json(item, budget, depth + 1) for item in container]  # type: ignore[misc]
        )
    if type(value) is int and value.bit_length() <= _PLAIN_INT_BITS:
        return value
    if type(value) is float and math.isfinite(value):
        return value
    raise NotPlain
