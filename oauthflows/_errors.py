"""The error raised for invalid input, with one JSON Pointer per problem."""

from __future__ import annotations

from dataclasses import dataclass

from ._model import ModelMethods
from ._values import cast

__all__ = ["ValidationError", "ValidationErrorItem"]


@dataclass(frozen=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class ValidationErrorItem(ModelMethods):
    """One problem of an input: where it is and what was wrong."""

    path: str
    """RFC 6901 JSON Pointer from the value given, in spec keys (``/flows/implicit``)."""

    message: str
    """The expected and the found value, in one sentence."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ValidationError(ValueError):
    """Invalid input to a model, listing every problem found in one pass.

    ``str()`` gives one ``PATH: MESSAGE`` line per item, in input order.
    """

    errors: tuple[ValidationErrorItem, ...]
    """The problems, in the order of the input, depth first."""

    def __init__(self, errors: tuple[ValidationErrorItem, ...]) -> None:
        argument = cast(object, errors)  # Callers without a type checker may pass anything.
        items = tuple(cast("list[object]", argument)) if isinstance(argument, (tuple, list)) else ()
        if not items or not all(isinstance(item, ValidationErrorItem) for item in items):
            # A message string would otherwise print one character per line.
            raise TypeError(
                "ValidationError() expects a non-empty tuple or list of ValidationErrorItem, got"
                f" {type(errors).__name__}: {errors!r:.100}"
            )
        super().__init__(items)
        self.errors = cast("tuple[ValidationErrorItem, ...]", items)

    def __str__(self) -> str:
        return "\n".join(str(item) for item in self.errors)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[ValidationErrorItem, ...]]]:
        return (ValidationError, (self.errors,))


def escape_pointer_token(key: object) -> str:
    """Escape one JSON Pointer reference token (RFC 6901, section 3)."""
    if type(key) is str:
        text = key
    elif isinstance(key, str):
        text = str.__str__(key)  # A subclass's own __str__ would show other text than the key holds.
    else:
        try:
            text = str(key)
        except Exception:  # A caller's key with a broken __str__ must not hide the real error.
            text = f"<{type(key).__name__} object>"
    if "~" in text or "/" in text:
        text = text.replace("~", "~0").replace("/", "~1")
    return text
