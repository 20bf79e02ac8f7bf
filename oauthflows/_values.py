"""Frozen JSON values: the immutable mapping, equality as JSON defines it, and writing back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# Type checkers read this name as true. The modules that `import oauthflows` loads import typing only
# for them, because typing adds about 1.7 ms to the import (measured on CPython 3.11).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, TypeAlias, TypeVar
    from typing import Literal as Literal
    from typing import cast as cast

    _K = TypeVar("_K")
    _V = TypeVar("_V")
else:

    def cast(_type: object, value: object) -> object:
        """Return ``value``, as ``typing.cast`` does."""
        return value

    class _Literal:
        """The ``Literal`` that ``typing.get_type_hints`` finds in the annotations of the models.

        That function imports typing before it reads an annotation, so this
        one can return typing's ``Literal[...]`` without loading typing early.
        """

        __slots__ = ()

        def __getitem__(self, values: object) -> object:
            import typing

            return typing.Literal[values]

    Literal = _Literal()


__all__ = ["EMPTY", "FrozenDict", "JSONValue", "describe", "json_equal", "quote", "thaw", "write_extra"]

JSONValue: TypeAlias = bool | int | float | str | Sequence["JSONValue"] | Mapping[str, "JSONValue"] | None
"""A value that JSON can express. Arrays are stored as tuples, objects as read-only mappings."""


class FrozenDict(dict["_K", "_V"]):
    """A dict that cannot be changed after it is built, hashable, equal by JSON rules.

    Subclassing dict keeps look-ups, iteration and ``json.dumps`` at C speed.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Mapping):
            return NotImplemented
        # One walk by JSON rules. With dict.__eq__ first and a recheck after it, every nested
        # level would be checked again by each level above it, which is quadratic in the depth.
        return json_equal(self, cast("Mapping[object, object]", other))

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[type[FrozenDict[_K, _V]], tuple[dict[_K, _V]]]:
        return (type(self), (dict(self),))

    def _reject(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("this mapping is immutable; build a new model with dataclasses.replace")

    __setitem__ = _reject
    __delitem__ = _reject
    __ior__ = _reject
    clear = _reject
    pop = _reject
    popitem = _reject
    # pyright rejects these two because some overloads of dict's methods declare self as a
    # MutableMapping, which the self of _reject does not accept. Raising fits every signature.
    setdefault = _reject  # pyright: ignore[reportAssignmentType]
    update = _reject  # pyright: ignore[reportAssignmentType]


EMPTY: FrozenDict[str, JSONValue] = FrozenDict()
"""The shared empty mapping, for models without scopes or extra keys."""


def json_equal(left: object, right: object) -> bool:
    """Compare two JSON values as JSON does: ``true`` is not ``1``, but ``1`` is ``1.0``."""
    if type(left) is bool or type(right) is bool:
        return left is right
    if isinstance(left, Mapping):
        if not isinstance(right, Mapping):
            return False
        left_members = cast("Mapping[object, object]", left)
        right_members = cast("Mapping[object, object]", right)
        if len(left_members) != len(right_members):
            return False
        for key, value in left_members.items():
            if type(value) is str:
                # Most members are strings (scope descriptions): compare them without a call.
                if right_members.get(key) != value:
                    return False
            elif key not in right_members or not json_equal(value, right_members[key]):
                return False
        return True
    if isinstance(left, (list, tuple)):
        if not isinstance(right, (list, tuple)):
            return False
        left_items = cast("Sequence[object]", left)
        right_items = cast("Sequence[object]", right)
        return len(left_items) == len(right_items) and all(map(json_equal, left_items, right_items))
    if isinstance(right, (Mapping, list, tuple)):
        return False
    return left == right


_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})
"""The exact types of the JSON values that ``thaw`` returns as they are."""


def thaw(value: JSONValue) -> JSONValue:
    """Return a fresh plain copy of a frozen value: dicts for objects, lists for arrays."""
    # Scalar members are copied as they are, which saves a call for each. A set look-up finds them
    # faster than isinstance(), and a loop runs faster than a comprehension on CPython 3.11.
    if isinstance(value, dict):
        output: dict[str, JSONValue] = {}
        for key, item in value.items():
            output[key] = item if type(item) in _SCALAR_TYPES else thaw(item)
        return output
    if isinstance(value, tuple):
        for item in value:
            if type(item) not in _SCALAR_TYPES:
                return [member if type(member) in _SCALAR_TYPES else thaw(member) for member in value]
        return list(value)  # An array of scalars is copied at C speed.
    return value


def write_extra(output: dict[str, JSONValue], extra: Mapping[str, JSONValue]) -> dict[str, JSONValue]:
    """Add a fresh plain copy of each extra key to ``output``, and return ``output``."""
    for key, value in extra.items():
        # Strings, the most common extension values, need no copy: this skips a call each.
        output[key] = value if type(value) is str else thaw(value)
    return output


_JSON_TYPE_NAMES: Final[dict[type[object], str]] = {
    type(None): "null",
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    dict: "object",
    FrozenDict: "object",
    list: "array",
    tuple: "array",
}


def _json_type_name(value: object) -> str:
    kind = _JSON_TYPE_NAMES.get(type(value))
    if kind is not None:
        return kind
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, (list, tuple)):
        return "array"
    return type(value).__name__


_MAX_SHOWN: Final = 100
"""Maximum length, in characters, of a value shown in an error message."""


def describe(value: object) -> str:
    """Show a value for an error message: a short repr and its JSON type."""
    import reprlib  # Only error paths need it, so keep it out of the import of the package.

    kind = _json_type_name(value)
    short = reprlib.Repr()
    short.maxstring = short.maxother = 60
    # reprlib's limits apply per level: 6 items on each of 6 levels could visit 6**6 nodes.
    short.maxlevel = 3
    short.maxlist = short.maxtuple = short.maxdict = short.maxset = short.maxfrozenset = 5
    try:
        text = short.repr(value)
    except Exception:  # A caller's object with a broken __repr__ must not hide the real error.
        text = f"<{type(value).__name__} object>"
    # reprlib cuts each level, not the total: a wide nested value would still fill pages.
    if len(text) > _MAX_SHOWN:
        text = text[: _MAX_SHOWN - 3] + "..."
    return f"{text} ({kind})"


def quote(text: str) -> str:
    """Return ``repr(text)`` cut to a readable length, for a string value named in a message."""
    if len(text) <= _MAX_SHOWN:
        return repr(text)
    return repr(text[: _MAX_SHOWN - 3]) + "..."
