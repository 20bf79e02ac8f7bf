"""The ``__eq__``, ``__hash__`` and ``__repr__`` of the models, written once for all of them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from reprlib import recursive_repr

from ._values import cast

TYPE_CHECKING = False  # As typing's, without importing typing: see _values.py.
if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["ModelMethods"]


class ModelMethods:
    """The ``__eq__``, ``__hash__`` and ``__repr__`` of the models, written once for all of them.

    ``@dataclass`` compiles these three from source text for each class, which
    took about 0.15 ms of ``import oauthflows`` per model class (CPython 3.11).
    The models pass ``eq=False, repr=False`` and inherit these, which behave as
    the generated ones do: equal to a model of the same class with equal
    fields, hashed as the tuple of the fields, shown as ``Class(field=value)``.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return _field_values(self) == _field_values(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_field_values(self))

    @recursive_repr()
    def __repr__(self) -> str:
        fields = dataclasses.fields(cast("DataclassInstance", self))
        shown = ", ".join(f"{field.name}={getattr(self, field.name)!r}" for field in fields if field.repr)
        return f"{self.__class__.__qualname__}({shown})"


_FIELD_GETTERS: dict[type, Callable[[object], tuple[object, ...]]] = {}
"""The getter of each model class's field values, made on first use."""


def _field_values(model: object) -> tuple[object, ...]:
    getter = _FIELD_GETTERS.get(model.__class__)
    if getter is None:
        names = [field.name for field in dataclasses.fields(cast("DataclassInstance", model))]
        # Every model has two fields or more, so attrgetter returns a tuple.
        getter = attrgetter(*names)
        _FIELD_GETTERS[model.__class__] = getter
    return getter(model)
