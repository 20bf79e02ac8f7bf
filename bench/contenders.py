"""The libraries compared, each behind the same four calls: read and write one scheme or a map of schemes.

Importing this module imports every library, so the import-time measurement
does not use it: it imports each ``module`` below in a fresh process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

import mashumaro_models
import msgspec
import msgspec_models
from fastapi.openapi import models as fastapi_models

import oauthflows

JSON = Any


@dataclass(frozen=True)
class Contender:
    """One library and how the benchmark calls it."""

    name: str
    version: str
    module: str
    """The module whose cold import is timed: the library with the models the benchmark uses."""
    parse: Callable[[JSON], object]
    """Read one oauth2 scheme."""
    dump: Callable[[Any], JSON]
    """Write one oauth2 scheme back to plain JSON values."""
    parse_map: Callable[[JSON], object]
    """Read a ``components.securitySchemes`` map of schemes of any type."""
    dump_map: Callable[[Any], JSON]
    calls: str
    """The calls, as the results page shows them."""
    keeps: str
    """The parts of the input that a round trip keeps and drops, as the results page shows them."""


def _oauthflows_parse_map(data: JSON) -> object:
    return {name: oauthflows.parse_security_scheme(scheme) for name, scheme in data.items()}


def _oauthflows_dump_map(schemes: Any) -> JSON:
    return {name: scheme.to_dict() for name, scheme in schemes.items()}


def _fastapi_dump(model: Any) -> JSON:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def _fastapi_parse_map(data: JSON) -> object:
    return fastapi_models.Components.model_validate({"securitySchemes": data})


def _fastapi_dump_map(components: Any) -> JSON:
    return _fastapi_dump(components)["securitySchemes"]


_MSGSPEC_MAP = dict[str, msgspec_models.SecurityScheme]  # type: ignore[valid-type]


def _msgspec_parse(data: JSON) -> object:
    return msgspec.convert(data, msgspec_models.OAuth2)


def _msgspec_parse_map(data: JSON) -> object:
    return msgspec.convert(data, _MSGSPEC_MAP)


def _mashumaro_parse_map(data: JSON) -> object:
    return mashumaro_models.Components.from_dict({"securitySchemes": data})


def _mashumaro_dump_map(components: Any) -> JSON:
    return components.to_dict()["securitySchemes"]


CONTENDERS = (
    Contender(
        name="oauthflows",
        version="the working tree",
        module="oauthflows",
        parse=oauthflows.OAuth2.from_dict,
        dump=oauthflows.OAuth2.to_dict,
        parse_map=_oauthflows_parse_map,
        dump_map=_oauthflows_dump_map,
        calls="`OAuth2.from_dict(x)`, `scheme.to_dict()`; a map with `parse_security_scheme` per scheme",
        keeps="everything: extensions and unknown keys with their JSON types, in input order",
    ),
    Contender(
        name="FastAPI",
        version=f"fastapi {version('fastapi')}, pydantic {version('pydantic')}",
        module="fastapi.openapi.models",
        parse=fastapi_models.OAuth2.model_validate,
        dump=_fastapi_dump,
        parse_map=_fastapi_parse_map,
        dump_map=_fastapi_dump_map,
        calls=(
            '`OAuth2.model_validate(x)`, `model_dump(mode="json", by_alias=True, exclude_none=True)`;'
            ' a map through `Components.model_validate({"securitySchemes": x})`'
        ),
        keeps=(
            'extensions, through `extra="allow"`; it has no `deprecated`, `oauth2MetadataUrl`,'
            " `deviceAuthorization` or `mutualTLS` fields, which extra keys would carry"
        ),
    ),
    Contender(
        name="msgspec",
        version=f"msgspec {version('msgspec')}",
        module="msgspec_models",
        parse=_msgspec_parse,
        dump=msgspec.to_builtins,
        parse_map=_msgspec_parse_map,
        dump_map=msgspec.to_builtins,
        calls=(
            "`msgspec.convert(x, OAuth2)`, `msgspec.to_builtins(scheme)`,"
            " on `Struct`s written for the benchmark"
        ),
        keeps="the modelled fields only: extensions are dropped, and an empty `scopes` is written as absent",
    ),
    Contender(
        name="mashumaro",
        version=f"mashumaro {version('mashumaro')}",
        module="mashumaro_models",
        parse=mashumaro_models.OAuth2.from_dict,
        dump=mashumaro_models.OAuth2.to_dict,
        parse_map=_mashumaro_parse_map,
        dump_map=_mashumaro_dump_map,
        calls=(
            "`OAuth2.from_dict(x)`, `scheme.to_dict()` on dataclasses written for the benchmark;"
            " a map through a `Components` dataclass"
        ),
        keeps="the modelled fields only: extensions are dropped",
    ),
)
"""The libraries, oauthflows first and FastAPI, the reference of every ratio, second."""
