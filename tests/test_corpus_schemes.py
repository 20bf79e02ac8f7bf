"""Every 3.x security scheme of the real corpus round-trips exactly, or is rejected where the spec says so."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import cast

import pytest
from corpus import corpus_files, load_corpus_file

from oauthflows import Reference, ValidationError, parse_security_scheme

# The corpus schemes that break the specification, with the error each must get.
REJECTED = {
    # A YAML typo put quote characters inside the key names (`type"`), so the scheme has no `type`.
    ("importio-data", "api_key_"): (
        "/type: missing required field, expected one of 'apiKey', 'http', 'mutualTLS', 'oauth2', 'openIdConnect'"
    ),
    # `bearerFormat` is a string field; null is not a string, and dropping it would lose input.
    ("keycloak-21.1.2", "access_token"): "/bearerFormat: expected a string, got None (null)",
}


def _schemes(path: Path | None) -> dict[str, Mapping[str, object]]:
    document = load_corpus_file(path)
    if str(document["openapi"]).startswith("2"):
        pytest.skip("a Swagger 2.0 document: its schemes are not OpenAPI 3 Security Scheme Objects")
    # One 3.x document keeps its schemes under the 2.0 keyword; they are still 3.x-shaped schemes.
    schemes = document.get("securitySchemes", document.get("securityDefinitions", {}))
    assert isinstance(schemes, dict)
    return cast("dict[str, Mapping[str, object]]", schemes)


@pytest.mark.parametrize("path", corpus_files("real"))
def test_corpus_scheme_round_trips_exactly(path: Path | None) -> None:
    stem = path.stem if path else ""
    for name, data in _schemes(path).items():
        if (stem, name) in REJECTED:
            continue
        model = Reference.from_dict(data) if "$ref" in data else parse_security_scheme(data)

        assert model.to_dict() == data, name
        assert type(model).from_dict(data) == model
        assert hash(type(model).from_dict(data)) == hash(model)


@pytest.mark.parametrize("path", corpus_files("real"))
def test_corpus_scheme_invalid_is_rejected_at_its_path(path: Path | None) -> None:
    stem = path.stem if path else ""
    expected = {name: message for (file, name), message in REJECTED.items() if file == stem}

    found = {}
    for name, data in _schemes(path).items():
        if "$ref" in data:
            continue
        try:
            parse_security_scheme(data)
        except ValidationError as error:
            found[name] = str(error)

    assert found == expected
