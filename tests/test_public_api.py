"""No ``typing.Any`` in the public API: every annotation reachable from ``oauthflows.__all__`` is checked.

The walk resolves annotations with ``typing.get_type_hints`` and follows
generic arguments, type variable bounds and aliases such as ``JSONValue``,
including their forward references.
"""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import pytest

import oauthflows

Namespace = dict[str, object]


def _namespace(owner: object) -> Namespace:
    """Return the names a forward reference in ``owner``'s annotations may use."""
    module = sys.modules.get(getattr(owner, "__module__", "") or "", oauthflows)
    return {**vars(oauthflows), **vars(module)}


def _any_paths(annotation: object, namespace: Namespace, path: str, seen: set[str]) -> list[str]:
    """Return a path to each ``typing.Any`` inside ``annotation``.

    ``seen`` holds the forward references already followed, which ends the walk of a recursive alias.
    """
    if annotation is typing.Any:
        return [path]
    if isinstance(annotation, str):
        annotation = typing.ForwardRef(annotation)
    if isinstance(annotation, typing.ForwardRef):
        name = annotation.__forward_arg__
        if name in seen:
            return []
        seen.add(name)
        resolved = eval(name, namespace)  # The text of an annotation, resolved as get_type_hints does.
        return _any_paths(resolved, namespace, f"{path} -> {name}", seen)
    if isinstance(annotation, typing.TypeVar):
        parts = list(annotation.__constraints__)
        if annotation.__bound__ is not None:
            parts.append(annotation.__bound__)
        where = f"{path} -> {annotation.__name__}"
        return [found for part in parts for found in _any_paths(part, namespace, where, seen)]
    if type(annotation).__name__ == "TypeAliasType":  # A `type X = ...` alias, Python 3.12 and newer.
        return _any_paths(getattr(annotation, "__value__", None), namespace, path, seen)
    if typing.get_origin(annotation) is typing.Literal:
        return []  # The arguments of Literal are values, not types.

    arguments: list[object] = []
    for argument in typing.get_args(annotation):
        if isinstance(argument, list):  # The parameter list of a Callable.
            arguments.extend(typing.cast("list[object]", argument))
        else:
            arguments.append(argument)
    return [found for argument in arguments for found in _any_paths(argument, namespace, path, seen)]


def _function_hints(function: Callable[..., object], where: str) -> Iterator[tuple[str, object]]:
    """Yield each annotation of a function, failing the test on a parameter or return without one."""
    hints = typing.get_type_hints(function, include_extras=True)
    parameters = list(inspect.signature(function).parameters)
    if parameters and parameters[0] in ("self", "cls") and parameters[0] not in hints:
        parameters = parameters[1:]
    for name in [*parameters, "return"]:
        if name not in hints:
            pytest.fail(f"{where}: {name} has no annotation, which a type checker reads as Any")
        yield f"{where}({name})", hints[name]


def _class_hints(cls: type) -> Iterator[tuple[str, object]]:
    """Yield the annotations of a class's fields and of its public methods, ``__init__`` included."""
    for name, hint in typing.get_type_hints(cls, include_extras=True).items():
        yield f"{cls.__name__}.{name}", hint

    for name, member in inspect.getmembers(cls):
        if name.startswith("_") and name != "__init__":
            continue
        if isinstance(member, property) and member.fget is not None:
            member = member.fget
        function = getattr(member, "__func__", member)  # A classmethod, read from the class, is bound.
        if inspect.isfunction(function):
            yield from _function_hints(function, f"{cls.__name__}.{name}")


def _public_hints(name: str) -> Iterator[tuple[str, object]]:
    """Yield every annotation that the public name ``name`` exposes."""
    public = getattr(oauthflows, name)
    if inspect.isclass(public):
        yield from _class_hints(public)
    elif inspect.isfunction(public):
        yield from _function_hints(public, name)
    else:
        yield name, public  # A type alias such as JSONValue or SecurityScheme.


@pytest.mark.parametrize("name", sorted(oauthflows.__all__))
def test_public_name_has_no_any(name: str) -> None:
    owner = getattr(oauthflows, name)
    hints = list(_public_hints(name))
    found = [path for where, hint in hints for path in _any_paths(hint, _namespace(owner), where, seen=set())]

    assert hints, f"{name} exposes no annotation to check"
    assert found == []


def test_public_api_kinds_are_recognized() -> None:
    kinds = {
        "class": [name for name in oauthflows.__all__ if inspect.isclass(getattr(oauthflows, name))],
        "function": [name for name in oauthflows.__all__ if inspect.isfunction(getattr(oauthflows, name))],
    }

    assert "OAuth2" in kinds["class"]
    assert "parse_security_scheme" in kinds["function"]
    assert "JSONValue" not in kinds["class"] + kinds["function"]


# Samples with Any in the places that the walk must reach, so that the test above can fail.

Nested: typing.TypeAlias = "Mapping[str, Sequence[Nested] | typing.Any]"
_Bounded = typing.TypeVar("_Bounded", bound="Mapping[str, typing.Any]")


def _any_in_alias(value: Nested) -> None: ...


def _any_in_bound(value: _Bounded) -> _Bounded:
    return value


def _any_in_callable(callback: Callable[[typing.Any], None]) -> None: ...


def _unannotated(value: int) -> None: ...


del _unannotated.__annotations__[
    "value"
]  # Only at run time, so the type checkers still see a typed function.


@pytest.mark.parametrize(
    "function",
    [
        pytest.param(_any_in_alias, id="forward-reference-alias"),
        pytest.param(_any_in_bound, id="type-variable-bound"),
        pytest.param(_any_in_callable, id="callable-parameter"),
    ],
)
def test_any_walk_finds_any(function: Callable[..., object]) -> None:
    found = [
        path
        for where, hint in _function_hints(function, function.__name__)
        for path in _any_paths(hint, _namespace(function), where, seen=set())
    ]

    assert found != []


def test_any_walk_fails_on_missing_annotation() -> None:
    with pytest.raises(pytest.fail.Exception, match="value has no annotation"):
        list(_function_hints(_unannotated, "_unannotated"))


# `import oauthflows` leaves typing unloaded, so its replacements must give the same answers.


def test_literal_resolves_to_typing_literal() -> None:
    hints = typing.get_type_hints(oauthflows.APIKey)

    assert hints["in_"] == typing.Literal["query", "header", "cookie"]


def test_flow_type_variable_resolves_to_bound() -> None:
    hints = typing.get_type_hints(oauthflows.OAuthFlowPassword.from_dict)

    assert hints["return"].__name__ == "_FlowMethods"
    assert issubclass(oauthflows.OAuthFlowPassword, hints["return"])


def test_fields_ignore_typing_import_order() -> None:
    # dataclasses reads a ClassVar annotation as such only when typing is loaded, so no model may have one.
    code = (
        "import sys, dataclasses\n"
        "{first}\n"
        "print('typing' in sys.modules)\n"
        "import oauthflows\n"
        "print(sorted((name, [field.name for field in dataclasses.fields(getattr(oauthflows, name))])"
        " for name in oauthflows.__all__ if dataclasses.is_dataclass(getattr(oauthflows, name))))\n"
    )
    # -S skips the .pth files of site-packages, which may import typing at start-up.
    package_parent = str(Path(oauthflows.__file__).parent.parent)
    environment = {**os.environ, "PYTHONPATH": package_parent}
    with_typing, without_typing = (
        subprocess.run(
            [sys.executable, "-S", "-c", code.format(first=first)],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        ).stdout
        for first in ("import typing", "")
    )

    assert with_typing.startswith("True\n")
    assert without_typing.startswith("False\n")
    assert with_typing.split("\n", 1)[1] == without_typing.split("\n", 1)[1]
    assert "'type'" not in without_typing
    assert "'_KEYS'" not in without_typing
    assert "('OAuthFlowPassword', ['token_url', 'refresh_url', 'scopes', 'extra'])" in without_typing
