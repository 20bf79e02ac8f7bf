"""Reading the security of a whole OpenAPI document, with the findings of every rule.

The reader takes the version, reads each scheme of ``components.securitySchemes``
(``securityDefinitions`` in Swagger 2.0), follows local references, and reads
the ``security`` of the document and of every operation: all methods of every
path item, webhooks and callbacks. It reports the structural rules itself and
calls the rules of ``_checks`` on each scheme, reference and requirement.

Hostile input stays bounded: one ``Budget`` counts the items read across the
document, nesting through callbacks and references is limited, and a YAML
alias that makes a path item contain itself is reported, not followed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Final, TypeGuard, cast
from urllib.parse import unquote

from ._checks import (
    AnyScheme,
    SpecVersion,
    at_least,
    check_reference,
    check_requirement_member,
    check_scheme,
    defined_scopes,
    scopes_without_findings,
    undefined_scheme,
    version_name,
)
from ._errors import escape_pointer_token
from ._fields import MAX_DEPTH, MISSING, Budget, Check
from ._findings import BoundedFindings, Finding, finding
from ._plain import slot_setters
from ._reference import Reference
from ._requirements import (
    BUDGET_EXHAUSTED,
    OperationSecurity,
    SecurityRequirement,
    read_requirement_members,
)
from ._schemes import SCHEME_TYPES, read_scheme
from ._swagger2 import SWAGGER2_TYPES, read_swagger2_scheme
from ._values import FrozenDict, describe

__all__ = ["DocumentReader"]

_METHODS: Final = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
"""The operation fields of a Path Item Object across all versions."""

_SINCE: Final = {
    "trace": "3.0",
    "query": "3.2",
    "additionalOperations": "3.2",
    "callbacks": "3.0",
    "webhooks": "3.1",
}
"""Fields that lead to operations and are newer than Swagger 2.0, with the version that added each."""

_COMPONENT_NAME: Final = re.compile(r"[A-Za-z0-9._-]+")
"""The names that OpenAPI 3 allows for components."""

_VERSION: Final = re.compile(r"([0-9]+)\.([0-9]+)(?:\.[0-9]+)?(?:-[0-9A-Za-z.-]+)?")
"""A version as major.minor, optionally with a patch number and a pre-release suffix."""

_OPENAPI_VERSIONS: Final[tuple[SpecVersion, ...]] = ("3.0", "3.1", "3.2")

_OPENAPI3_ONLY_TYPES: Final = {"http": "3.0", "openIdConnect": "3.0", "mutualTLS": "3.1"}


class _NotCached(Enum):
    """The default of a cache look-up; an enum of one member, so that a type checker narrows it away."""

    NOT_CACHED = 0


# The slot setters of the frozen models that the reader builds by the thousand. Calling one skips
# the two argument tuples that each object.__setattr__ call builds, which saved 8% of the walk's
# instructions on the benchmark's document (counted by valgrind on CPython 3.11).
(_set_schemes,) = slot_setters(SecurityRequirement, "schemes")
_set_pointer, _set_security = slot_setters(OperationSecurity, "pointer", "security")


def _is_object(value: object) -> TypeGuard[Mapping[object, object]]:
    """Tell whether ``value`` is a JSON object; its keys may still be other than strings."""
    # Testing for an exact dict first skips the slower ABC instance check of Mapping.
    return type(value) is dict or isinstance(value, Mapping)


def _is_array(value: object) -> TypeGuard[Sequence[object]]:
    """Tell whether ``value`` is a JSON array: a list, or a tuple from a Python caller."""
    return isinstance(value, (list, tuple))


def _as_fields(value: Mapping[object, object]) -> Mapping[str, object]:
    # The model readers take string keys and report any other key themselves.
    return cast("Mapping[str, object]", value)


def _pointer(parent: str, key: object) -> str:
    return f"{parent}/{escape_pointer_token(key)}"


def _fragment_pointer(reference: str) -> str | None:
    """Return the JSON Pointer of a same-document reference (``#/a/b``), or None when it has none."""
    fragment = unquote(reference[1:])
    if fragment and not fragment.startswith("/"):
        return None
    return fragment


def _position(data: object, tokens: list[str]) -> tuple[int, ...]:
    """Sort key of a JSON Pointer's tokens: the index of each key in the input, missing keys last."""
    key: list[int] = []
    node = data
    for token in tokens:
        if _is_object(node):
            for index, name in enumerate(node):
                if name == token:
                    key.append(index)
                    node = node[name]
                    break
            else:
                key.append(len(node))
                node = None
        elif _is_array(node) and token.isascii() and token.isdigit():
            index = int(token[:18])
            key.append(index)
            node = node[index] if index < len(node) else None
        else:
            key.append(0)
    return tuple(key)


def _in_input_order(pointer: str, data: Mapping[str, object], findings: list[Finding]) -> list[Finding]:
    """Sort the findings of the object ``data`` at ``pointer`` in the order of the input's keys."""
    start = len(pointer) + 1

    def key(item: Finding) -> tuple[int, ...]:
        below = item.path[start:]
        tokens = [token.replace("~1", "/").replace("~0", "~") for token in below.split("/")] if below else []
        return _position(data, tokens)

    return sorted(findings, key=key)


class DocumentReader:
    """Read the security of one document; ``read()`` fills the attributes below."""

    def __init__(self, document: Mapping[str, object]) -> None:
        self.document = document
        self.budget = Budget()
        self.findings = BoundedFindings()
        self.version: str | None = None
        """The declared ``openapi`` or ``swagger`` value as text, None when missing or not text."""
        self.spec_version: SpecVersion = "3.2"
        self.schemes: dict[str, AnyScheme | Reference | None] = {}
        """Each scheme name mapped to its model as written; None when it is invalid."""
        self.resolved: dict[str, AnyScheme] = {}
        """Each scheme name mapped to its scheme, references followed; unusable ones are absent."""
        self.security: tuple[SecurityRequirement, ...] | None = None
        self.operations: list[OperationSecurity] = []

        self._section = "components.securitySchemes"
        self._entry_names: dict[str, str] = {}  # The JSON Pointer of each scheme entry, to its name.
        self._scheme_objects: dict[str, AnyScheme | None] = {}  # Scheme objects read, by pointer.
        self._references: dict[str, Reference | None] = {}  # Reference Objects read, by pointer.
        self._reported_references: set[str] = set()
        # NOTE: A path item or security array that YAML aliases share is read once, where it is first
        # met, so its operations and findings appear there only. This keeps alias bombs linear.
        self._read_items: set[int] = set()  # Path items read, by id.
        self._open_items: set[int] = set()  # Path items being read, by id, to stop at recursive aliases.
        self._read_arrays: dict[int, tuple[SecurityRequirement, ...] | None] = {}  # Security arrays, by id.
        self._defined_scopes: dict[int, frozenset[str]] = {}  # The scopes of each scheme model, by id.
        # The result of scopes_without_findings for each defined scheme name, filled on first use.
        self._quiet_scopes: dict[str, frozenset[str] | None] = {}
        self._followed: dict[str, tuple[str, str, str, object] | None] = {}  # Reference chains, by pointer.
        self._newer_keys: frozenset[str] = frozenset()  # The fields of _SINCE newer than the document.

    def read(self) -> None:
        """Read the version, the schemes, the top-level security and every operation."""
        self._read_version()
        version = self.spec_version
        self._newer_keys = frozenset(key for key, since in _SINCE.items() if not at_least(version, since))
        self._read_schemes()
        for name, model in self.schemes.items():
            if isinstance(model, Reference):
                target = self._follow_scheme_reference(self._entry_pointer(name))
            else:
                target = model
            if target is not None:
                self.resolved[name] = target

        document = self.document
        if "security" in document:
            self.security = self._read_security("", document["security"])
        self._read_path_items("/paths", document.get("paths", MISSING), "paths")
        webhooks = document.get("webhooks", MISSING)
        if webhooks is not MISSING:
            self._check_newer("", "webhooks")
            self._read_path_items("/webhooks", webhooks, "webhook names")

    # Findings and limits

    def _add(self, rule: str, path: str, message: str) -> None:
        self.findings.append(finding(rule, path, message))

    def _spend(self, pointer: str, count: int) -> bool:
        """Take ``count`` items from the document's budget; False, reported once, when it runs out."""
        budget = self.budget
        if budget.exhausted:
            return False
        budget.nodes_left -= count
        if budget.nodes_left >= 0:
            return True
        budget.exhausted = True
        self._add("invalid-value", pointer, BUDGET_EXHAUSTED)
        return False

    def _check_newer(self, pointer: str, key: str) -> None:
        since = _SINCE.get(key)
        if since is not None and not at_least(self.spec_version, since):
            document = version_name(self.spec_version)
            message = f"field {key!r} needs OpenAPI {since} or later, the document is {document}"
            self._add("newer-than-version", _pointer(pointer, key), message)

    # The version

    def _read_version(self) -> None:
        """invalid-version: a missing or unknown ``openapi`` or ``swagger``.

        A document without a usable version is read and checked as OpenAPI 3.2.
        """
        document = self.document
        if "openapi" in document:
            key, expected = "openapi", "3.0.x, 3.1.x or 3.2.x"
        elif "swagger" in document:
            key, expected = "swagger", "'2.0'"
        else:
            message = (
                "missing required field, expected 'openapi' with a version such as '3.1.0'"
                " or 'swagger' with '2.0' (checked as OpenAPI 3.2)"
            )
            self._add("invalid-version", "/openapi", message)
            return

        value = document[key]
        if type(value) is float:  # YAML reads an unquoted 3.1 as a number.
            text = repr(value)
        elif isinstance(value, str):
            text = str.__str__(value)
        else:
            message = (
                f"expected a version string such as '3.1.0', got {describe(value)} (checked as OpenAPI 3.2)"
            )
            self._add("invalid-version", f"/{key}", message)
            return

        self.version = text
        match = _VERSION.fullmatch(text)
        major_minor = f"{match[1]}.{match[2]}" if match else ""
        known = _OPENAPI_VERSIONS if key == "openapi" else ("2.0",)
        for version in known:
            if version == major_minor:
                self.spec_version = version
                if version == "2.0":
                    self._section = "securityDefinitions"
                return
        name = "OpenAPI" if key == "openapi" else "Swagger"
        message = f"unknown {name} version {text!r}, expected {expected} (checked as OpenAPI 3.2)"
        self._add("invalid-version", f"/{key}", message)

    # Schemes

    def _entry_pointer(self, name: str) -> str:
        section = "/securityDefinitions" if self.spec_version == "2.0" else "/components/securitySchemes"
        return _pointer(section, name)

    def _read_schemes(self) -> None:
        """Read every entry of the version's scheme section."""
        document = self.document
        if self.spec_version == "2.0":
            pointer = "/securityDefinitions"
            container = document.get("securityDefinitions", MISSING)
            components = document.get("components", MISSING)
            if _is_object(components) and "securitySchemes" in components:
                message = (
                    "field 'securitySchemes' needs OpenAPI 3.0 or later, the document is Swagger 2.0,"
                    " so these schemes are not read (expected them in securityDefinitions)"
                )
                self._add("newer-than-version", "/components/securitySchemes", message)
        else:
            pointer = "/components/securitySchemes"
            if "securityDefinitions" in document:
                message = (
                    f"field 'securityDefinitions' is not allowed in an {version_name(self.spec_version)}"
                    " document, so its schemes are not read (a Swagger 2.0 field, expected the schemes"
                    " in components.securitySchemes)"
                )
                self._add("field-not-allowed", "/securityDefinitions", message)
            components = document.get("components", MISSING)
            if components is MISSING:
                return
            if not _is_object(components):
                self._add(
                    "invalid-value",
                    "/components",
                    f"expected an object (the Components Object), got {describe(components)}",
                )
                return
            container = components.get("securitySchemes", MISSING)

        if container is MISSING:
            return
        if not _is_object(container):
            expected = "an object mapping scheme names to Security Scheme Objects"
            message = f"expected {expected}, got {describe(container)}"
            self._add("invalid-value", pointer, message)
            return
        if not self._spend(pointer, len(container)):
            return

        for name, value in container.items():
            entry = _pointer(pointer, name)
            if not isinstance(name, str):
                self._add(
                    "invalid-value", entry, f"expected a string key (a scheme name), got {describe(name)}"
                )
                continue
            name = str.__str__(name)
            if self.spec_version != "2.0" and not _COMPONENT_NAME.fullmatch(name):
                message = f"invalid component name {name!r}, expected only letters, digits, '.', '-' and '_'"
                self._add("invalid-value", entry, message)
            self._entry_names[entry] = name
            self.schemes[name] = self._read_entry(entry, value)

    def _read_entry(self, pointer: str, value: object) -> AnyScheme | Reference | None:
        if not _is_object(value):
            message = (
                f"expected an object (a Security Scheme Object or a Reference Object), got {describe(value)}"
            )
            self._add("invalid-value", pointer, message)
            self._scheme_objects[pointer] = None
            return None
        if "$ref" in value:
            if self.spec_version == "2.0":
                message = (
                    "a Reference Object in securityDefinitions needs OpenAPI 3.0 or later,"
                    " the document is Swagger 2.0"
                )
                self._add("newer-than-version", f"{pointer}/$ref", message)
            return self._read_reference(pointer, value)
        return self._read_scheme_object(pointer, value)

    def _read_scheme_object(self, pointer: str, value: Mapping[object, object]) -> AnyScheme | None:
        """Read and check the scheme at ``pointer`` once; None when it has errors."""
        if pointer in self._scheme_objects:
            return self._scheme_objects[pointer]
        self._scheme_objects[pointer] = None
        data = _as_fields(value)

        kind = data.get("type")
        if self.spec_version == "2.0" and isinstance(kind, str) and kind in _OPENAPI3_ONLY_TYPES:
            since = _OPENAPI3_ONLY_TYPES[kind]
            message = f"type {kind!r} needs OpenAPI {since} or later, the document is Swagger 2.0"
            self._add("newer-than-version", f"{pointer}/type", message)
            return None

        check = Check(pointer, self.budget)
        if self.spec_version == "2.0":
            scheme: AnyScheme | None = read_swagger2_scheme(data, check)
        else:
            scheme = read_scheme(data, check)
        findings = [finding("invalid-value", item.path, item.message) for item in check.sorted_items(data)]
        if scheme is not None:
            # A scheme with errors still has every field that was read, so the other rules can run.
            findings.extend(check_scheme(pointer, data, scheme, self.spec_version))
        self.findings.extend(_in_input_order(pointer, data, findings))

        valid = None if check.problems else scheme
        self._scheme_objects[pointer] = valid
        return valid

    def _read_reference(self, pointer: str, value: Mapping[object, object]) -> Reference | None:
        """Read and check the Reference Object at ``pointer`` once; None when it has errors."""
        if pointer in self._references:
            return self._references[pointer]
        data = _as_fields(value)
        check = Check(pointer, self.budget)
        reference = Reference._read(data, check)  # pyright: ignore[reportPrivateUsage]
        findings = [finding("invalid-value", item.path, item.message) for item in check.sorted_items(data)]
        findings.extend(check_reference(pointer, reference, self.spec_version))
        self.findings.extend(_in_input_order(pointer, data, findings))

        valid = None if check.problems else reference
        self._references[pointer] = valid
        return valid

    # References

    def _report_reference(self, rule: str, path: str, message: str) -> None:
        if path not in self._reported_references:
            self._reported_references.add(path)
            self._add(rule, path, message)

    def _value_at(self, pointer: str) -> object:
        """Return the value at a JSON Pointer from the document's root, or MISSING."""
        node: object = self.document
        if not pointer:
            return node
        for escaped in pointer[1:].split("/"):
            token = escaped.replace("~1", "/").replace("~0", "~")
            if _is_object(node):
                node = node.get(token, MISSING)
            elif _is_array(node) and token.isascii() and token.isdigit():
                index = int(token) if len(token) < 19 and (token == "0" or token[0] != "0") else len(node)
                node = node[index] if index < len(node) else MISSING
            else:
                return MISSING
            if node is MISSING:
                return MISSING
        return node

    def _resolve_local(self, pointer: str, reference: str) -> tuple[str, object] | None:
        """Follow the ``$ref`` of the object at ``pointer`` one step; None, reported, when it fails."""
        path = f"{pointer}/$ref"
        if not reference.startswith("#"):
            message = f"external reference {reference!r} is not followed, so its target is not checked"
            self._report_reference("external-reference", path, message)
            return None
        target_pointer = _fragment_pointer(reference)
        if target_pointer is None:
            example = "'#/components/securitySchemes/name'"
            message = f"expected a JSON Pointer after '#', such as {example}, got {reference!r}"
            self._report_reference("unresolved-reference", path, message)
            return None
        target = self._value_at(target_pointer)
        if target is MISSING:
            self._report_reference(
                "unresolved-reference", path, f"reference target {reference!r} not found in this document"
            )
            return None
        return target_pointer, target

    def _report_cycle(self, members: list[tuple[str, str]]) -> None:
        """unresolved-reference, at each ``$ref`` of a cycle given as (pointer, reference) pairs."""
        references = [reference for _, reference in members]
        for index, (pointer, reference) in enumerate(members):
            cycle = " -> ".join(repr(item) for item in [*references[index:], *references[:index], reference])
            message = f"reference cycle {cycle}, expected the references to end at an object"
            self._report_reference("unresolved-reference", f"{pointer}/$ref", message)

    def _follow_references(self, pointer: str, data: object) -> tuple[str, str, str, object] | None:
        """Follow a chain of Reference Objects from ``data`` at ``pointer`` to the first other value.

        Return the pointer and text of the last reference, and the target's
        pointer and value; None when the chain is broken, after reporting it.
        Each reference is followed once, so long chains stay linear.
        """
        chain: list[tuple[str, str]] = []
        positions: dict[str, int] = {}
        result: tuple[str, str, str, object] | None = None
        while _is_object(data) and "$ref" in data:
            if pointer in self._followed:
                result = self._followed[pointer]
                break
            if pointer in positions:
                self._report_cycle(chain[positions[pointer] :])
                break
            reference = self._read_reference(pointer, data)
            if reference is None:
                break
            positions[pointer] = len(chain)
            chain.append((pointer, reference.ref))
            step = self._resolve_local(pointer, reference.ref)
            if step is None:
                break
            pointer, data = step
        else:
            if chain:
                last_pointer, last_reference = chain[-1]
                result = (last_pointer, last_reference, pointer, data)
        for seen, _ in chain:
            self._followed[seen] = result
        return result

    def _follow_scheme_reference(self, pointer: str) -> AnyScheme | None:
        """Return the scheme that the reference at ``pointer`` leads to; None when there is none."""
        step = self._follow_references(pointer, self._value_at(pointer))
        if step is None:
            return None
        last_pointer, reference, target_pointer, target = step
        return self._scheme_target(f"{last_pointer}/$ref", reference, target_pointer, target)

    def _scheme_target(self, path: str, reference: str, pointer: str, target: object) -> AnyScheme | None:
        """Return the scheme at ``pointer``, where ``reference`` ends.

        When the target is not a Security Scheme Object, report that at ``path`` and return None.
        """
        if pointer in self._entry_names:
            return self._scheme_objects.get(pointer)
        types = SWAGGER2_TYPES + tuple(_OPENAPI3_ONLY_TYPES) if self.spec_version == "2.0" else SCHEME_TYPES
        kind = target.get("type") if _is_object(target) else None
        if not _is_object(target) or kind not in types:
            message = (
                f"reference target {reference!r} is not a Security Scheme Object, got {describe(target)}"
            )
            self._report_reference("unresolved-reference", path, message)
            return None
        return self._read_scheme_object(pointer, target)  # Outside the section, so checked where it is.

    # Security requirements

    def _read_security(self, parent: str, value: object) -> tuple[SecurityRequirement, ...] | None:
        """Read the ``security`` array of the object at ``parent`` and check each requirement.

        Return None when the array's shape is invalid.
        """
        if not _is_array(value):
            message = f"expected an array of Security Requirement Objects, got {describe(value)}"
            self._add("invalid-requirement", f"{parent}/security", message)
            return None
        array_id = id(value)
        read_arrays = self._read_arrays
        if array_id in read_arrays:
            return read_arrays[array_id]
        read_arrays[array_id] = None
        budget = self.budget
        if not budget.exhausted and budget.nodes_left >= len(value):
            budget.nodes_left -= len(value)  # The common case of _spend, inlined to save a call.
        elif not self._spend(f"{parent}/security", len(value)):
            return None

        # Bound once, because the loop below runs for every requirement of the document.
        quiet_scopes = self._quiet_scopes
        not_cached = _NotCached.NOT_CACHED

        requirements: list[SecurityRequirement] = []
        valid = True
        for index, item in enumerate(value):
            # A parsed JSON document has only exact dicts, lists and strings, so type() tests read
            # its requirements in one pass. Any other value takes the checked reader below.
            # Annotations stand in for cast() here, because each cast() is a function call.
            candidate = item  # Narrowed in place of item, which pyright would then type as partly unknown.
            entries: dict[object, object] | None = candidate if type(candidate) is dict else None  # pyright: ignore[reportUnknownVariableType]
            members: dict[str, tuple[str, ...]] = {}
            count = 0
            clean = True  # Whether no member can have a finding, so the rules of each are skipped.
            if entries is not None:
                count = len(entries)
                for name, scopes in entries.items():
                    if type(name) is not str or type(scopes) is not list:
                        entries = None
                        break
                    values: list[object] = scopes  # pyright: ignore[reportUnknownVariableType]
                    for scope in values:
                        if type(scope) is not str:
                            entries = None
                            break
                    if entries is None:
                        break
                    names: list[str] = scopes  # pyright: ignore[reportUnknownVariableType]
                    count += len(names)
                    members[name] = tuple(names)
                    quiet = quiet_scopes.get(name, not_cached)
                    if quiet is not_cached or (names and quiet is not None and not quiet.issuperset(names)):
                        clean = False

            item_pointer = ""
            if entries is not None:
                if not budget.exhausted and budget.nodes_left >= count:
                    budget.nodes_left -= count  # The common case of _spend, inlined to save a call.
                else:
                    item_pointer = f"{parent}/security/{index}"
                    if not self._spend(item_pointer, count):
                        members = {}
                frozen = FrozenDict(members)
            elif not _is_object(item):
                message = f"expected an object mapping scheme names to scope lists, got {describe(item)}"
                self._add("invalid-requirement", f"{parent}/security/{index}", message)
                valid = False
                continue
            else:
                clean = False
                item_pointer = f"{parent}/security/{index}"
                check = Check(item_pointer, budget)
                frozen = read_requirement_members(check, item)
                for problem in check.sorted_items(item):
                    rule = "invalid-value" if problem.message == BUDGET_EXHAUSTED else "invalid-requirement"
                    self._add(rule, problem.path, problem.message)
                valid = valid and not check.problems

            if not clean:
                item_pointer = item_pointer or f"{parent}/security/{index}"
                for name, scopes in frozen.items():
                    self._check_member(item_pointer, name, scopes)
            requirement = object.__new__(SecurityRequirement)
            _set_schemes(requirement, frozen)
            requirements.append(requirement)
            if budget.exhausted:
                return None
        result = tuple(requirements) if valid else None
        read_arrays[array_id] = result
        return result

    def _check_member(self, item_pointer: str, name: str, scopes: tuple[str, ...]) -> None:
        """undefined-scheme, and the rules of ``check_requirement_member`` for a defined one."""
        if name in self.schemes:
            if name not in self._quiet_scopes:
                scheme = self.resolved.get(name)
                quiet = None if scheme is None else scopes_without_findings(scheme, self.spec_version)
                self._quiet_scopes[name] = quiet
            if scopes:  # The other rules are about scopes.
                scheme = self.resolved.get(name)
                self._check_scopes(_pointer(item_pointer, name), name, scopes, scheme)
            return
        pointer = _pointer(item_pointer, name)
        if self.spec_version == "3.2" and any(mark in name for mark in ":/#"):
            # OpenAPI 3.2 reads a key that is not a component name as a URI reference to a scheme.
            # NOTE: Only keys with a colon, slash or "#" are taken as URIs, so that a misspelt
            # name is reported as undefined rather than as a reference to another document.
            self._check_scopes(pointer, name, scopes, self._scheme_by_uri(pointer, name))
            return

        hint = ""
        definitions = self.document.get("securityDefinitions")
        if self.spec_version != "2.0" and _is_object(definitions) and name in definitions:
            hint = " (it is in securityDefinitions, which OpenAPI 3 does not read)"
        elif name.startswith("#"):
            hint = " (scheme URIs in requirements need OpenAPI 3.2)"
        self.findings.append(undefined_scheme(pointer, name, list(self.schemes), self._section, hint))

    def _check_scopes(
        self, pointer: str, name: str, scopes: tuple[str, ...], scheme: AnyScheme | None
    ) -> None:
        if scheme is None:
            return
        defined = self._defined_scopes.get(id(scheme))
        if defined is None:
            defined = self._defined_scopes[id(scheme)] = defined_scopes(scheme)
        self.findings.extend(
            check_requirement_member(pointer, name, scopes, scheme, defined, self.spec_version)
        )

    def _scheme_by_uri(self, pointer: str, uri: str) -> AnyScheme | None:
        if not uri.startswith("#"):
            message = f"external reference {uri!r} is not followed, so its target is not checked"
            self._report_reference("external-reference", pointer, message)
            return None
        target_pointer = _fragment_pointer(uri)
        target = MISSING if target_pointer is None else self._value_at(target_pointer)
        if target_pointer is None or target is MISSING:
            self._report_reference(
                "unresolved-reference", pointer, f"scheme URI {uri!r} not found in this document"
            )
            return None
        if target_pointer in self._entry_names:
            return self.resolved.get(self._entry_names[target_pointer])
        if _is_object(target) and "$ref" in target:
            step = self._follow_references(target_pointer, target)
            if step is None:
                return None
            last_pointer, reference, target_pointer, target = step
            return self._scheme_target(f"{last_pointer}/$ref", reference, target_pointer, target)
        return self._scheme_target(pointer, uri, target_pointer, target)

    # Operations

    def _read_path_items(self, pointer: str, container: object, keys: str) -> None:
        """Read the path items of ``paths`` or ``webhooks``."""
        if container is MISSING:
            return
        if not _is_object(container):
            self._add(
                "invalid-value",
                pointer,
                f"expected an object mapping {keys} to Path Item Objects, got {describe(container)}",
            )
            return
        if not self._spend(pointer, len(container)):
            return
        for key, item in container.items():
            if type(key) is not str and not isinstance(key, str):  # An unquoted YAML key such as 5 or null.
                message = f"expected a string as the key of a path item, got {describe(key)}"
                self._add("invalid-value", _pointer(pointer, key), message)
            elif pointer == "/paths" and key.startswith("x-"):
                continue  # An extension of the Paths Object.
            self._read_path_item(_pointer(pointer, key), item, 0)
            if self.budget.exhausted:
                return

    def _read_path_item(self, pointer: str, item: object, depth: int) -> None:
        """Read the operations of a path item, then those of each path item that its ``$ref`` chain names.

        ``depth`` counts the callbacks around the path item, which nest by recursion.
        """
        # A path item's $ref is a field, not a Reference Object: its other fields count too.
        chain: list[tuple[str, str]] = []
        positions: dict[str, int] = {}
        while True:
            if not _is_object(item):
                message = f"expected an object (a Path Item Object), got {describe(item)}"
                self._add("invalid-value", pointer, message)
                return
            if id(item) in self._open_items:
                message = (
                    "expected a tree of objects,"
                    " got a path item that contains itself (a recursive YAML alias)"
                )
                self._add("invalid-value", pointer, message)
                return
            if id(item) in self._read_items:
                return
            self._read_items.add(id(item))
            if depth > MAX_DEPTH:
                self._add("invalid-value", pointer, f"callbacks nested deeper than the limit of {MAX_DEPTH}")
                return
            self._read_operations(pointer, item, depth)

            reference = item.get("$ref", MISSING)
            if reference is MISSING:
                return
            if not isinstance(reference, str):
                message = f"expected a string (a URI reference), got {describe(reference)}"
                self._add("invalid-value", f"{pointer}/$ref", message)
                return
            positions[pointer] = len(chain)
            chain.append((pointer, reference))
            step = self._resolve_local(pointer, reference)
            if step is None:
                return
            if step[0] in positions:
                self._report_cycle(chain[positions[step[0]] :])
                return
            pointer, item = step

    def _read_operations(self, pointer: str, item: Mapping[object, object], depth: int) -> None:
        """Read the operations of the path item ``item`` itself."""
        self._open_items.add(id(item))
        try:
            newer_keys = self._newer_keys
            for method in _METHODS:
                if method in item:
                    if method in newer_keys:  # Saves a call of _check_newer for each operation.
                        self._check_newer(pointer, method)
                    # A method name has no "~" or "/" to escape in a JSON Pointer.
                    self._read_operation(f"{pointer}/{method}", item[method], depth)
            if "additionalOperations" in item:
                self._check_newer(pointer, "additionalOperations")
                operations = item["additionalOperations"]
                self._read_additional_operations(f"{pointer}/additionalOperations", operations, depth)
        finally:
            self._open_items.discard(id(item))

    def _read_additional_operations(self, pointer: str, operations: object, depth: int) -> None:
        if not _is_object(operations):
            message = (
                f"expected an object mapping HTTP methods to Operation Objects, got {describe(operations)}"
            )
            self._add("invalid-value", pointer, message)
            return
        for method, operation in operations.items():
            self._read_operation(_pointer(pointer, method), operation, depth)

    def _read_operation(self, pointer: str, operation: object, depth: int) -> None:
        budget = self.budget
        if not budget.exhausted and budget.nodes_left >= 1:
            budget.nodes_left -= 1  # The common case of _spend, inlined to save a call.
        elif not self._spend(pointer, 1):
            return
        if not _is_object(operation):
            self._add(
                "invalid-value",
                pointer,
                f"expected an object (an Operation Object), got {describe(operation)}",
            )
            return
        security = None
        if "security" in operation:
            security = self._read_security(pointer, operation["security"])
        # Filling the slots directly skips the keyword call of the frozen dataclass's __init__.
        record = object.__new__(OperationSecurity)
        _set_pointer(record, pointer)
        _set_security(record, security)
        self.operations.append(record)
        if "callbacks" in operation:
            if "callbacks" in self._newer_keys:
                self._check_newer(pointer, "callbacks")
            self._read_callbacks(f"{pointer}/callbacks", operation["callbacks"], depth)

    def _read_callbacks(self, pointer: str, callbacks: object, depth: int) -> None:
        if not _is_object(callbacks):
            message = (
                f"expected an object mapping callback names to Callback Objects, got {describe(callbacks)}"
            )
            self._add("invalid-value", pointer, message)
            return
        if not self._spend(pointer, len(callbacks)):
            return
        for name, callback in callbacks.items():
            callback_pointer = _pointer(pointer, name)
            if _is_object(callback) and "$ref" in callback:
                step = self._follow_references(callback_pointer, callback)
                if step is None:
                    continue
                _, _, callback_pointer, callback = step
            if not _is_object(callback):
                self._add(
                    "invalid-value",
                    callback_pointer,
                    f"expected an object (a Callback Object), got {describe(callback)}",
                )
                continue
            if not self._spend(callback_pointer, len(callback)):
                return
            for expression, item in callback.items():
                if isinstance(expression, str) and expression.startswith("x-"):
                    continue  # An extension of the Callback Object.
                self._read_path_item(_pointer(callback_pointer, expression), item, depth + 1)
