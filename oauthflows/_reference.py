"""The Reference Object, as it appears in ``components.securitySchemes``.

Spec: https://spec.openapis.org/oas/v3.2.0#reference-object
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Final

from ._fields import MISSING, Budget, Check, absent_if_none, begin
from ._model import ModelMethods
from ._plain import NotPlain, Readable, plain_extra, slot_setters
from ._values import EMPTY, JSONValue, write_extra

__all__ = ["Reference"]


def _empty() -> Mapping[str, JSONValue]:
    # A factory, because Python 3.10's dataclasses reject any dict default, even a frozen one.
    return EMPTY


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)  # ModelMethods has both.
class Reference(Readable, ModelMethods):
    """A Reference Object: ``$ref``, and since OpenAPI 3.1 ``summary`` and ``description``.

    The specification ignores any other key beside ``$ref``. They are kept in
    ``extra`` so that nothing is lost, and the document checker warns of them.
    """

    _KEYS: ClassVar[frozenset[str]] = frozenset({"$ref", "summary", "description"})

    ref: str
    """``$ref``: the URI of the referenced object, such as ``#/components/securitySchemes/oauth``."""
    summary: str | None = None
    """``summary`` (OpenAPI 3.1), overriding the target's."""
    description: str | None = None
    """``description`` (OpenAPI 3.1), overriding the target's."""
    extra: Mapping[str, JSONValue] = field(default_factory=_empty)
    """Other keys beside ``$ref``, which the specification ignores."""

    def __post_init__(self) -> None:
        check = Check("", Budget())
        object.__setattr__(self, "ref", check.string("$ref", self.ref))
        object.__setattr__(self, "summary", check.optional_string("summary", absent_if_none(self.summary)))
        description = check.optional_string("description", absent_if_none(self.description))
        object.__setattr__(self, "description", description)
        object.__setattr__(self, "extra", check.extra(self.extra, self._KEYS, "Reference"))
        check.raise_if_failed(("$ref", "summary", "description"))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Reference:
        """Read a Reference Object, reporting every problem in one ``ValidationError``."""
        check = begin(cls.__name__, data)
        reference = cls._read(data, check)
        check.raise_if_failed(data)
        return reference

    @classmethod
    def _read_plain(cls, data: dict[str, object], budget: Budget) -> Reference:
        ref = data.get("$ref")
        summary = data.get("summary", MISSING)
        description = data.get("description", MISSING)
        if type(ref) is not str:
            raise NotPlain
        found = 1  # The keys of data that are fields: if all are, there is no extra key.
        if type(summary) is str:
            found += 1
        elif summary is MISSING:
            summary = None
        else:
            raise NotPlain
        if type(description) is str:
            found += 1
        elif description is MISSING:
            description = None
        else:
            raise NotPlain

        set_ref, set_summary, set_description, set_extra = _REFERENCE_SETTERS
        reference = object.__new__(cls)
        set_ref(reference, ref)
        set_summary(reference, summary)
        set_description(reference, description)
        set_extra(reference, EMPTY if len(data) == found else plain_extra(data, cls._KEYS, budget))
        return reference

    @classmethod
    def _read_checked(cls, data: Mapping[str, object], check: Check) -> Reference:
        reference = object.__new__(cls)
        object.__setattr__(reference, "ref", check.string("$ref", data.get("$ref", MISSING)))
        object.__setattr__(
            reference, "summary", check.optional_string("summary", data.get("summary", MISSING))
        )
        description = check.optional_string("description", data.get("description", MISSING))
        object.__setattr__(reference, "description", description)
        object.__setattr__(reference, "extra", check.extra_from(data, cls._KEYS))
        return reference

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the reference as a fresh JSON object: ``$ref``, ``summary``, ``description``, extra keys."""
        output: dict[str, JSONValue] = {"$ref": self.ref}
        if self.summary is not None:
            output["summary"] = self.summary
        if self.description is not None:
            output["description"] = self.description
        return write_extra(output, self.extra)


_REFERENCE_SETTERS: Final = slot_setters(Reference, "ref", "summary", "description", "extra")
"""The slot setters of Reference, in field order, for its fast reader."""
