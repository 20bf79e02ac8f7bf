"""Converting the security of a document between Swagger 2.0 and OpenAPI 3, both ways.

Each returns the security parts as a minimal document of the target version,
holding only what has security: the schemes, the top-level ``security`` and
the ``security`` of each operation under ``paths``. The findings are those of
``check_document`` about the input, and what the target cannot express, all
at JSON Pointers from the input document's root.

Requirements fail closed. A requirement that names a scheme left out of the
output is left out too, because it cannot be met there, while the other
requirements of its ``security`` still apply. When every requirement of a
``security`` would go, they are all kept as they are, naming the missing
scheme, so that the output still cannot be met rather than needing nothing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias, cast
from urllib.parse import unquote

from ._checks import SpecVersion
from ._convert_schemes import scheme_to_openapi3, scheme_to_swagger2
from ._document import Document, read_completely
from ._errors import ValidationError, ValidationErrorItem, escape_pointer_token
from ._fields import MAX_DEPTH, MAX_NODES, MISSING, Budget, Check
from ._findings import Finding, finding
from ._reference import Reference
from ._requirements import SecurityRequirement
from ._schemes import APIKey, HTTPAuthentication, MutualTLS, OAuth2, OpenIdConnect
from ._swagger2 import Swagger2APIKey, Swagger2Basic, Swagger2OAuth2, Swagger2SecurityScheme
from ._values import FrozenDict, JSONValue, describe, thaw

__all__ = ["Conversion", "OpenAPI3Version", "to_openapi3", "to_swagger2"]

OpenAPI3Version: TypeAlias = Literal["3.0", "3.1", "3.2"]
"""The OpenAPI 3 versions that ``to_openapi3`` writes, as major.minor."""

_RELEASES: Final[dict[str, str]] = {"3.0": "3.0.3", "3.1": "3.1.0", "3.2": "3.2.0"}
"""The ``openapi`` value written for each target version: its latest patch release."""

_SWAGGER2_METHODS: Final = ("get", "put", "post", "delete", "options", "head", "patch")
"""The operations of a Swagger 2.0 Path Item Object; ``trace`` and ``query`` came later."""

_COMPONENT_NAME: Final = re.compile(r"[A-Za-z0-9._-]+")
"""The names that OpenAPI 3 allows for components."""

_SCHEME_URI: Final = re.compile(r"#/components/securitySchemes/([^/]+)")
"""An OpenAPI 3.2 scheme URI naming a scheme of the same document by its JSON Pointer."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Conversion:
    """The security of a document converted to another version, and the problems found on the way."""

    document: Mapping[str, JSONValue]
    """The minimal converted document, frozen: ``openapi`` or ``swagger``, then whichever of the schemes
    (``components.securitySchemes`` or ``securityDefinitions``), ``security`` and ``paths`` it has."""
    findings: tuple[Finding, ...]
    """The findings of ``check_document`` about the input, and what the target cannot express, in order.

    Paths are JSON Pointers from the input document's root. A scheme without
    ``scopes`` is converted with empty scopes, so its ``missing-scopes``
    finding is a warning here.
    """

    def to_dict(self) -> dict[str, JSONValue]:
        """Write the converted document as fresh plain dicts and lists, which ``json.dumps`` accepts."""
        return cast("dict[str, JSONValue]", thaw(self.document))


def to_openapi3(document: Mapping[str, object], *, version: OpenAPI3Version = "3.0") -> Conversion:
    """Convert the security of a Swagger 2.0 document to a minimal OpenAPI 3 document.

    ``version`` picks the ``openapi`` value written: ``3.0.3``, ``3.1.0`` or
    ``3.2.0``. Problems inside the document do not raise: they are findings.
    Raises ``ValidationError`` when the document is not Swagger 2.0 or the
    conversion passes its limit (see ``_Converter._spend``), ``ValueError``
    for another ``version``, and ``TypeError`` when ``document`` is not a
    mapping.
    """
    if version not in _RELEASES:
        raise ValueError(f"expected version '3.0', '3.1' or '3.2', got {describe(version)}")
    read = _read("to_openapi3", document)
    _require_swagger2(document, read)
    return _Converter(document, read, "3.0").to_openapi3(_RELEASES[version])


def to_swagger2(document: Mapping[str, object]) -> Conversion:
    """Convert the security of an OpenAPI 3 document to a minimal Swagger 2.0 document.

    An oauth2 scheme with several flows becomes one definition per flow,
    named ``NAME_FLOW`` with the Swagger 2.0 flow name, and each requirement
    that names it becomes one alternative per flow. Problems inside the
    document do not raise: they are findings. Raises ``ValidationError`` when
    the document is not OpenAPI 3.0, 3.1 or 3.2 or the conversion passes its
    limit (see ``_Converter._spend``), and ``TypeError`` when ``document`` is
    not a mapping.
    """
    read = _read("to_swagger2", document)
    _require_openapi3(document, read)
    return _Converter(document, read, "2.0").to_swagger2()


def _read(function: str, document: object) -> Document:
    if not isinstance(document, Mapping):
        raise TypeError(f"{function}() expects a mapping, got {describe(document)}")
    mapping = cast("Mapping[str, object]", document)
    for section in ("paths", "webhooks"):
        items = mapping.get(section)
        if isinstance(items, Mapping):
            for key in cast("Mapping[object, object]", items):
                if not isinstance(key, str):
                    # Written as JSON, 1 and "1" would name one path, and either could lose its security.
                    message = (
                        f"expected a string as the key of a path item, got {describe(key)}, so the document"
                        " is not converted (quote the key)"
                    )
                    raise _one_error(f"/{section}/{escape_pointer_token(key)}", message)
    read, complete = read_completely(mapping)
    if not complete:
        # Fail closed: the operations after the limit were not read, and would lose their security.
        where = next((finding for finding in read.findings if "more than the limit" in finding.message), None)
        message = "the document exceeds a limit of the reader (check shows which), so it is not converted"
        if where is not None:
            message = f"{where.message}, so the document is not converted"
        raise _one_error("" if where is None else where.path, message)
    return read


def _one_error(path: str, message: str) -> ValidationError:
    """Build the ``ValidationError`` of one problem at ``path`` of the input document."""
    return ValidationError((ValidationErrorItem(path, message),))


def _require_swagger2(document: Mapping[str, object], read: Document) -> None:
    if read.spec_version == "2.0":
        return
    if "openapi" in document:
        raise _one_error(
            "/openapi", f"expected 'swagger': '2.0', got 'openapi': {describe(document['openapi'])}"
        )
    if "swagger" in document:
        raise _one_error("/swagger", f"expected '2.0', got {describe(document['swagger'])}")
    raise _one_error("/swagger", "missing required field, expected 'swagger': '2.0'")


def _require_openapi3(document: Mapping[str, object], read: Document) -> None:
    expected = "3.0.x, 3.1.x or 3.2.x"
    if "openapi" in document:
        if not any(item.rule == "invalid-version" for item in read.findings):
            return
        raise _one_error("/openapi", f"expected {expected}, got {describe(document['openapi'])}")
    if "swagger" in document:
        message = f"expected 'openapi': {expected}, got 'swagger': {describe(document['swagger'])}"
        raise _one_error("/swagger", message)
    raise _one_error("/openapi", f"missing required field, expected 'openapi': {expected}")


def _pointer(parent: str, key: str) -> str:
    return f"{parent}/{escape_pointer_token(key)}"


def _error(rule: str, path: str, message: str) -> Finding:
    """Build a finding that is an error here, whatever the severity of its rule in the checker.

    A conversion that cannot write its output correctly fails, so a name
    collision and a requirement that can no longer be met are errors.
    """
    return Finding(path=path, severity="error", message=message, rule=rule)


def _tokens(pointer: str) -> list[str]:
    """Split a JSON Pointer into its unescaped reference tokens."""
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer.split("/")[1:]]


def _freeze(value: object) -> JSONValue:
    """Freeze the plain dicts and lists of a document built by the converter.

    The requirements are built frozen, and a frozen value stays as it is, so
    a requirement array that several operations share is not copied.
    """
    if type(value) is dict:
        members = cast("dict[str, object]", value)
        return FrozenDict({key: _freeze(item) for key, item in members.items()})
    if type(value) is list:
        return tuple([_freeze(item) for item in cast("list[object]", value)])
    return cast("JSONValue", value)


_Referrer: TypeAlias = tuple[str, int]
"""A path that refers to a path item, and how many references it follows to get there."""

_Placement: TypeAlias = tuple[str, ...]
"""The place of an operation in the output: a path, then a method or ``additionalOperations`` and a method."""


class _Converter:
    """One conversion: the input, its reading, and what the conversion builds and finds."""

    def __init__(self, document: Mapping[str, object], read: Document, target: SpecVersion) -> None:
        self.document = document
        self.read = read
        self.target = target
        self.section = "/securityDefinitions" if read.spec_version == "2.0" else "/components/securitySchemes"
        self.findings: list[Finding] = []
        self.outputs: dict[str, tuple[str, ...]] = {}
        self.output_scopes: dict[str, frozenset[str]] = {}  # The scopes of each oauth2 definition written.
        """Each scheme name of the input mapped to its names in the output, or to () when it is left out."""
        self.output_types: dict[str, str] = {}
        """Each scheme name of the input that is converted, mapped to its type in the output."""
        self.unchanged: set[str] = set()
        """The scheme names of the input that requirements name as they are, with the same scopes."""
        self.unchanged_without_roles: set[str] = set()
        """The scheme names of the input that requirements name as they are, when they list no roles."""
        self.converted_flows: set[str] = set()
        """The JSON Pointers of the input's flows that are converted: a 2.0 oauth2 scheme, or a 3.x flow."""
        self.nodes_left = MAX_NODES
        self._arrays: dict[int, JSONValue] = {}  # Converted security arrays, by the id of the input's.
        self._ways: dict[str, list[object]] = {}  # Each path's path item, then those its $ref chain leads to.
        self._scheme_uri_findings: set[str] = set()

    # The two directions

    def to_openapi3(self, release: str) -> Conversion:
        schemes: dict[str, JSONValue] = {}
        for name in self.read.schemes:
            entry = _pointer(self.section, name)
            scheme = self.read.resolved_schemes.get(name)
            self.outputs[name] = ()
            if not isinstance(scheme, (Swagger2Basic, Swagger2APIKey, Swagger2OAuth2)):
                continue  # Invalid, or a reference that leads nowhere, as the input's findings report.

            if not _COMPONENT_NAME.fullmatch(name):
                message = (
                    f"invalid component name {name!r} in OpenAPI 3, expected only letters, digits, '.', '-'"
                    " and '_' (rename the definition and the requirements that name it)"
                )
                self.findings.append(finding("invalid-value", entry, message))
            at = self._scheme_pointer(entry)
            converted, findings = scheme_to_openapi3(at, scheme)
            self.findings.extend(findings)
            schemes[name] = converted.to_dict()
            self.outputs[name] = (name,)
            self.unchanged.add(name)
            self.output_types[name] = converted.type
            if isinstance(scheme, Swagger2OAuth2):
                self.converted_flows.add(at)

        output: dict[str, JSONValue] = {"openapi": release}
        if schemes:
            output["components"] = {"securitySchemes": schemes}
        return self._finish(output)

    def to_swagger2(self) -> Conversion:
        planned: list[tuple[str, str, list[tuple[str | None, Swagger2SecurityScheme]]]] = []
        for name, model in self.read.schemes.items():
            entry = _pointer(self.section, name)
            scheme = self.read.resolved_schemes.get(name)
            self.outputs[name] = ()
            if not isinstance(scheme, (APIKey, HTTPAuthentication, OAuth2, OpenIdConnect, MutualTLS)):
                if isinstance(model, Reference):
                    message = (
                        f"reference {model.ref!r} does not lead to a scheme of this document, and Swagger 2.0"
                        " has no references in securityDefinitions, so the scheme is left out"
                    )
                    self.findings.append(finding("not-expressible", f"{entry}/$ref", message))
                continue  # Otherwise invalid, as the input's findings report.

            description = scheme.description
            if isinstance(model, Reference):
                description = self._reference_description(entry, model, description)
            at = self._scheme_pointer(entry)
            definitions, findings = scheme_to_swagger2(at, scheme, description)
            self.findings.extend(findings)
            planned.append((name, at, definitions))

        definitions_out = self._name_definitions(planned)
        output: dict[str, JSONValue] = {"swagger": "2.0"}
        if definitions_out:
            output["securityDefinitions"] = definitions_out
        return self._finish(output)

    def _reference_description(self, entry: str, reference: Reference, description: str | None) -> str | None:
        """Return the description of a referenced scheme, which a Reference Object overrides since 3.1."""
        if self.read.spec_version in ("3.0", "2.0"):
            return description  # Ignored before 3.1, and reported by the checker.
        if reference.summary is not None:
            message = "field 'summary' beside '$ref' is not expressible in Swagger 2.0, so it is left out"
            self.findings.append(finding("not-expressible", f"{entry}/summary", message))
        return description if reference.description is None else reference.description

    def _name_definitions(
        self, planned: list[tuple[str, str, list[tuple[str | None, Swagger2SecurityScheme]]]]
    ) -> dict[str, JSONValue]:
        """Name each Swagger 2.0 definition: a scheme's own name, or ``NAME_FLOW`` for a split scheme.

        Every name in the input stays reserved: the names of schemes, also of
        schemes left out, and the names that requirements use, also undefined
        ones. Otherwise a split definition could take the name in a
        requirement that no credential meets, and make it one that a
        credential meets.
        """
        used_names = set(self.read.schemes)
        for security in (self.read.security, *(operation.security for operation in self.read.operations)):
            for requirement in security or ():
                used_names.update(requirement.schemes)
        written: dict[str, JSONValue] = {}
        for name, at, definitions in planned:
            names: list[str] = []
            for flow_key, definition in definitions:
                if len(definitions) == 1:
                    new_name = name
                else:
                    assert isinstance(definition, Swagger2OAuth2)  # Only oauth2 schemes split.
                    new_name = f"{name}_{definition.flow}"
                    if new_name in used_names:
                        message = (
                            f"the Swagger 2.0 definition of this flow would be named {new_name!r}, which"
                            " another scheme or a requirement already uses, so the flow is left out (rename"
                            " the scheme)"
                        )
                        self.findings.append(_error("not-expressible", f"{at}/flows/{flow_key}", message))
                        continue
                    used_names.add(new_name)
                names.append(new_name)
                written[new_name] = definition.to_dict()
                if isinstance(definition, Swagger2OAuth2):
                    self.output_scopes[new_name] = frozenset(definition.scopes)
                if flow_key is not None:
                    self.converted_flows.add(f"{at}/flows/{flow_key}")
            self.outputs[name] = tuple(names)
            if names:
                self.output_types[name] = kind = definitions[0][1].type
                if names == [name]:
                    roles_kept = kind == "oauth2" or self.read.spec_version == "3.0"
                    (self.unchanged if roles_kept else self.unchanged_without_roles).add(name)
        return written

    def _scheme_pointer(self, entry: str) -> str:
        """Return where the scheme of an entry is: the entry, or the end of its chain of local references."""
        pointer = entry
        value = _value_at(self.document, _tokens(entry))
        for _ in range(MAX_DEPTH):
            members = _mapping(value)
            if members is None or "$ref" not in members:
                return pointer
            reference = members["$ref"]
            if not isinstance(reference, str) or not reference.startswith("#/"):
                return entry
            pointer = unquote(reference[1:])
            value = _value_at(self.document, _tokens(pointer))
        return entry

    # Requirements and operations

    def _finish(self, output: dict[str, JSONValue]) -> Conversion:
        if "security" in self.document:
            output["security"] = self._security("/security", self.read.security, self.document["security"])
        paths = self._paths()
        if paths:
            output["paths"] = paths
        document = cast("Mapping[str, JSONValue]", _freeze(output))
        return Conversion(document=document, findings=self._all_findings())

    def _paths(self) -> dict[str, JSONValue]:
        paths: dict[str, dict[str, JSONValue]] = {}
        referrers = self._path_item_referrers()
        for operation in self.read.operations:
            raw_security: object = MISSING
            if operation.security is None:  # Absent, or invalid and then copied as it is.
                raw = _mapping(_value_at(self.document, _tokens(operation.pointer)))
                raw_security = MISSING if raw is None else raw.get("security", MISSING)
                if raw_security is MISSING:
                    continue
            tokens = _tokens(operation.pointer)
            security_pointer = f"{operation.pointer}/security"
            placements = self._placements(operation.pointer, tokens, referrers)
            if not placements:
                message = (
                    "the operation is in a callback or a webhook, not in a path, so its security is left out"
                    " (Swagger 2.0 has neither callbacks nor webhooks)"
                )
                self.findings.append(finding("not-expressible", security_pointer, message))
                continue
            method = placements[0][1]
            if self.target == "2.0" and method not in _SWAGGER2_METHODS:
                missing = (
                    "additionalOperations" if method == "additionalOperations" else f"{method!r} operations"
                )
                message = f"Swagger 2.0 has no {missing}, so the security of this operation is left out"
                self.findings.append(finding("not-expressible", security_pointer, message))
                continue

            security = self._security(security_pointer, operation.security, raw_security)
            for path, *keys in placements:
                node = paths.setdefault(path, {})
                for key in keys[:-1]:
                    node = cast("dict[str, JSONValue]", node.setdefault(key, {}))
                if keys[-1] not in node:
                    self._spend(security_pointer, len(security) if isinstance(security, tuple) else 1)
                    node[keys[-1]] = FrozenDict({"security": security})
        return cast("dict[str, JSONValue]", paths)

    def _placements(
        self, pointer: str, tokens: list[str], referrers: Mapping[str, list[_Referrer]]
    ) -> list[_Placement]:
        """Return each place under ``paths`` where an operation of the input applies.

        That is its own path, and every path whose path item refers to the
        operation's path item with a local ``$ref``, unless a path item on the
        way there has an operation of the same method itself. ``tokens`` are
        those of the operation's JSON Pointer ``pointer``.
        """
        if len(tokens) >= 2 and tokens[-2] == "additionalOperations":
            method: tuple[str, ...] = ("additionalOperations", tokens[-1])
            item = tokens[:-2]
            item_pointer = pointer.rsplit("/", 2)[0]
        else:
            method = (tokens[-1],)
            item = tokens[:-1]
            item_pointer = pointer.rpartition("/")[0]

        placements: list[_Placement] = []
        if len(item) == 2 and item[0] == "paths":
            placements.append((item[1], *method))
        if not referrers:
            return placements
        for path, steps in referrers.get(item_pointer, ()):
            if not any(_has_operation(item, method) for item in self._ways[path][:steps]):
                placements.append((path, *method))
        return placements

    def _path_item_referrers(self) -> dict[str, list[_Referrer]]:
        """Map the JSON Pointer of each path item that paths refer to with local ``$ref``s to those paths.

        Each path comes with the number of references it follows to the
        target. The path items on its way there, which ``_ways`` keeps, have
        operations that take precedence over the target's.
        """
        referrers: dict[str, list[_Referrer]] = {}
        paths = self.document.get("paths")
        if not isinstance(paths, Mapping):
            return referrers
        first_path: dict[int, str] = {}  # The first path of each path item object, by id.
        for path, item in cast("Mapping[object, object]", paths).items():
            if not isinstance(path, str):
                continue
            # The reader reads a path item that YAML aliases share once, under its first path, so
            # the other paths that hold the same object refer to that one, as a $ref would.
            shared_with = first_path.setdefault(id(item), path)
            if shared_with != path:
                self._spend(_pointer("/paths", path), 1)
                self._ways[path] = [item]
                referrers.setdefault(_pointer("/paths", shared_with), []).append((path, 0))
                continue
            if not _may_refer(item):
                continue
            way: list[object] = [item]
            self._ways[path] = way
            seen: set[str] = set()
            for _ in range(MAX_DEPTH):
                members = _mapping(item)
                reference = None if members is None else members.get("$ref")
                if not isinstance(reference, str) or not reference.startswith("#/"):
                    break
                target = unquote(reference[1:])
                if target in seen:
                    break
                self._spend(_pointer("/paths", path), 1)
                seen.add(target)
                referrers.setdefault(target, []).append((path, len(way)))
                item = _value_at(self.document, _tokens(target))
                way.append(item)
        return referrers

    def _spend(self, pointer: str, count: int) -> None:
        """Count ``count`` more requirements written or path item references followed.

        Raises ``ValidationError`` past ``MAX_NODES`` in one conversion, which
        takes a hostile document: shared YAML aliases, long chains of path item
        references, or requirements on many split schemes. It raises rather
        than stop, because a partial output could leave an operation without
        the security it has.
        """
        self.nodes_left -= count
        if self.nodes_left < 0:
            message = (
                f"the conversion would write or follow more than the limit of {MAX_NODES:,} requirements and"
                " path item references (shared YAML aliases count each time they are used)"
            )
            raise _one_error(pointer, message)

    def _security(
        self, pointer: str, requirements: tuple[SecurityRequirement, ...] | None, raw: object
    ) -> JSONValue:
        """Convert one ``security`` array, once for every operation that shares it.

        ``raw`` is the value in the input, which is only read when ``requirements`` is None (invalid).
        Raises ``ValidationError`` when that value contains a part that JSON cannot express.
        """
        # The reader returns the same tuple for an array that YAML aliases share.
        key = id(raw) if requirements is None else id(requirements)
        converted = self._arrays.get(key)
        if converted is not None:
            return converted
        if requirements is None:
            # An invalid value stays as it is, broken in the same way, as the input's findings report.
            parent = pointer.removesuffix("/security")  # Every caller passes the pointer of a security.
            check = Check(parent, Budget())
            converted = check.json_value("security", raw)
            if check.problems:
                # JSON cannot contain that part, and leaving it out could remove a credential, so stop.
                _, problem = check.problems[0]
                message = (
                    f"{problem.message}, so this security cannot be copied into the converted document,"
                    " and leaving the value out could let the operation run with fewer credentials"
                    " (fix the value, then convert again)"
                )
                raise _one_error(problem.path, message)
        else:
            converted = tuple(self._requirements(pointer, requirements))
        self._arrays[key] = converted
        return converted

    def _requirements(self, pointer: str, requirements: tuple[SecurityRequirement, ...]) -> list[JSONValue]:
        alternatives: list[JSONValue] = []
        left_out: list[tuple[int, SecurityRequirement, list[str]]] = []
        with_roles: list[tuple[int, list[tuple[str, tuple[str, ...]]]]] = []
        unchanged = self.unchanged
        without_roles = self.unchanged_without_roles
        for index, requirement in enumerate(requirements):
            members = requirement.schemes
            if members.keys() <= unchanged or all(
                name in unchanged or (name in without_roles and not scopes)
                for name, scopes in members.items()
            ):
                # The common case: the requirement is written as it is, and its members are already frozen.
                self._spend(pointer, len(requirement.schemes) or 1)
                alternatives.append(cast("JSONValue", requirement.schemes))
                continue
            item_pointer = f"{pointer}/{index}"
            roles = [
                (name, scopes) for name, scopes in members.items() if scopes and self._roles_dropped(name)
            ]
            if roles:
                with_roles.append((index, roles))
                continue
            missing = [name for name in requirement.schemes if self._output_names(item_pointer, name) == ()]
            if missing:
                left_out.append((index, requirement, missing))
            else:
                alternatives.extend(self._alternatives(item_pointer, requirement, set()))

        if left_out and not alternatives:
            for index, requirement, missing in left_out:
                item_pointer = f"{pointer}/{index}"
                for name in missing:
                    message = (
                        f"scheme {name!r} is left out of the converted document, and every requirement of"
                        " this security names such a scheme, so they are kept as they are and cannot be met"
                    )
                    self.findings.append(_error("not-expressible", _pointer(item_pointer, name), message))
                alternatives.extend(self._alternatives(item_pointer, requirement, set(missing)))
        else:
            for index, _, missing in left_out:
                for name in missing:
                    message = (
                        f"this requirement is left out, because scheme {name!r} is left out of the converted"
                        " document; the other requirements of this security still apply"
                    )
                    self.findings.append(
                        finding("not-expressible", _pointer(f"{pointer}/{index}", name), message)
                    )
        self._leave_out_roles(pointer, with_roles, bool(alternatives))
        return alternatives

    def _roles_dropped(self, name: str) -> bool:
        """Tell whether Swagger 2.0 output would lose the roles that a requirement lists for ``name``."""
        kind = self.output_types.get(name)
        # 3.0 did not allow roles either, so they are kept there and the checker reports them.
        return self.target == "2.0" and kind not in (None, "oauth2") and self.read.spec_version != "3.0"

    def _leave_out_roles(
        self, pointer: str, with_roles: list[tuple[int, list[tuple[str, tuple[str, ...]]]]], others: bool
    ) -> None:
        """Leave out each requirement with roles, which Swagger 2.0 cannot express, or fail closed.

        Without its roles, a requirement would let any holder of the
        credential in, so it is left out while other requirements remain.
        When every requirement has roles, nothing is left to write, and the
        conversion raises ``ValidationError`` rather than drop the security.
        """
        for index, roles in with_roles:
            for name, scopes in roles:
                kind = self.output_types.get(name)
                member_pointer = _pointer(f"{pointer}/{index}", name)
                expressed = (
                    f"the roles {list(scopes)!r} of {kind} scheme {name!r} are not expressible in Swagger"
                    " 2.0, which allows scopes only for oauth2 schemes"
                )
                if not others:
                    message = (
                        f"{expressed}, and every requirement of this security lists such roles, so the"
                        " document is not converted: without them, any holder of the credential would pass"
                    )
                    raise _one_error(member_pointer, message)
                message = f"{expressed}, so this requirement is left out; the other requirements still apply"
                self.findings.append(finding("not-expressible", member_pointer, message))

    def _output_names(self, item_pointer: str, name: str) -> tuple[str, ...] | None:
        """Return the output names of a requirement's scheme: empty when left out, None when undefined."""
        outputs = self.outputs.get(name)
        if outputs is not None:
            return outputs
        if self.read.spec_version != "3.2" or not any(mark in name for mark in ":/#"):
            return None

        # OpenAPI 3.2 reads a key that looks like a URI (as the checker decides) as a reference to a
        # scheme. Swagger 2.0 cannot hold such a reference.
        match = _SCHEME_URI.fullmatch(name)
        if match:
            target = unquote(match[1]).replace("~1", "/").replace("~0", "~")
            if target in self.outputs:
                return self.outputs[target]
        path = _pointer(item_pointer, name)
        if path not in self._scheme_uri_findings:
            self._scheme_uri_findings.add(path)
            message = (
                f"scheme URI {name!r} is not expressible in Swagger 2.0, which names schemes only by their"
                " names in securityDefinitions"
            )
            self.findings.append(finding("not-expressible", path, message))
        return ()

    def _alternatives(
        self, item_pointer: str, requirement: SecurityRequirement, keep: set[str]
    ) -> list[JSONValue]:
        """Rewrite one requirement with the output names: one alternative per combination of split flows.

        The names in ``keep`` are written as they are.
        """
        choices: list[tuple[str, ...]] = []
        scopes: list[tuple[str, ...]] = []
        count = 1
        for name, names in requirement.schemes.items():
            outputs = None if name in keep else self._output_names(item_pointer, name)
            required = self._scopes(_pointer(item_pointer, name), name, names)
            if outputs and len(outputs) > 1 and required:
                # A split scheme: only the flows that define every scope asked for can meet the
                # requirement. When none does, the scope was undefined already, and all are kept.
                able = tuple(
                    output
                    for output in outputs
                    if self.output_scopes.get(output, frozenset()) >= set(required)
                )
                outputs = able or outputs
            choices.append(outputs or (name,))
            scopes.append(required)
            count *= len(choices[-1])
        self._spend(item_pointer, count * max(len(choices), 1))

        if count == 1 and len({names[0] for names in choices}) == len(choices):
            # The common case: no split scheme, and no scheme named twice.
            return [FrozenDict({names[0]: required for names, required in zip(choices, scopes, strict=True)})]
        alternatives: list[JSONValue] = []
        for combination in itertools.product(*choices):
            alternative: dict[str, tuple[str, ...]] = {}
            for output_name, required in zip(combination, scopes, strict=True):
                listed = alternative.get(output_name)
                if listed is None:
                    alternative[output_name] = required
                else:  # A 3.2 scheme URI and the scheme's name in one requirement: one member of both.
                    alternative[output_name] = listed + tuple(
                        scope for scope in required if scope not in listed
                    )
            alternatives.append(FrozenDict(alternative))
        return alternatives

    def _scopes(self, member_pointer: str, name: str, scopes: tuple[str, ...]) -> tuple[str, ...]:
        """Return the scopes of a requirement member, without roles that Swagger 2.0 cannot express."""
        kind = self.output_types.get(name)
        if not scopes or self.target != "2.0" or kind in (None, "oauth2"):
            return scopes
        if self.read.spec_version == "3.0":
            return scopes  # Roles were not allowed in 3.0 either, and the checker reports them.
        message = (
            f"roles {list(scopes)!r} of {kind} scheme {name!r} are not expressible in Swagger 2.0,"
            " which allows scopes only for oauth2 schemes, so they are left out"
        )
        self.findings.append(finding("not-expressible", member_pointer, message))
        return ()

    # Findings

    def _all_findings(self) -> tuple[Finding, ...]:
        """Merge the input's findings with the conversion's, in document order, each once."""
        findings: list[Finding] = []
        for item in self.read.findings:
            if item.rule == "missing-scopes" and item.path.removesuffix("/scopes") in self.converted_flows:
                message = "missing required field, so the converted flow has empty scopes ({})"
                item = Finding(path=item.path, severity="warning", message=message, rule="missing-scopes")
            findings.append(item)

        seen: set[Finding] = set(findings)
        for item in self.findings:
            if item not in seen:  # A scheme and a reference to it report the same problems of the scheme.
                seen.add(item)
                findings.append(item)
        return tuple(sorted(findings, key=self._order_key()))

    def _order_key(self) -> _OrderKey:
        schemes = {name: index for index, name in enumerate(self.read.schemes)}
        operations = {operation.pointer: index for index, operation in enumerate(self.read.operations)}
        section = self.section
        return _OrderKey(section, schemes, operations)


class _OrderKey:
    """The sort key of a finding: version first, then each scheme, the top-level security, each operation."""

    __slots__ = ("operations", "schemes", "section")

    def __init__(self, section: str, schemes: dict[str, int], operations: dict[str, int]) -> None:
        self.section = section
        self.schemes = schemes
        self.operations = operations

    def __call__(self, item: Finding) -> tuple[int, int]:
        path = item.path
        if path.startswith(self.section + "/"):
            name = _tokens(path[len(self.section) :])[0]
            return (1, self.schemes.get(name, len(self.schemes)))
        if path == "/security" or path.startswith("/security/"):
            return (2, 0)
        tokens = path.split("/")
        for end in range(len(tokens) - 1, 1, -1):
            index = self.operations.get("/".join(tokens[:end]))
            if index is not None:
                return (3, index)
        if path.startswith(("/paths", "/webhooks")):
            return (3, -1)
        return (0, 0)


def _mapping(value: object) -> Mapping[str, object] | None:
    """Return ``value`` as a JSON object, or None when it is not one.

    Keys are not checked: a non-string key is never equal to the string keys looked up.
    """
    return cast("Mapping[str, object]", value) if isinstance(value, Mapping) else None


def _value_at(document: Mapping[str, object], tokens: list[str]) -> object:
    """Return the value at the unescaped tokens of a JSON Pointer from the document's root, or MISSING."""
    node: object = document
    for token in tokens:
        if type(node) is dict:
            node = cast("dict[str, object]", node).get(token, MISSING)
            if node is MISSING:
                return MISSING
            continue
        members = _mapping(node)
        if members is not None:
            node = members.get(token, MISSING)
        elif isinstance(node, (list, tuple)) and token.isascii() and token.isdigit() and len(token) < 19:
            items = cast("Sequence[object]", node)
            node = items[int(token)] if int(token) < len(items) else MISSING
        else:
            return MISSING
        if node is MISSING:
            return MISSING
    return node


def _may_refer(item: object) -> bool:
    """Tell whether a path item may have a ``$ref``: it has one, or it is not a plain dict."""
    return type(item) is not dict or "$ref" in item


def _has_operation(item: object, method: tuple[str, ...]) -> bool:
    """Tell whether a path item has the operation at ``method``: a method, or additionalOperations and one."""
    node = item
    for key in method:
        members = _mapping(node)
        if members is None:
            return False
        node = members.get(key, MISSING)
    return node is not MISSING
