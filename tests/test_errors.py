"""Invalid input: every problem reported at once, each at its JSON Pointer, with what was expected."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest

from oauthflows import (
    APIKey,
    HTTPAuthentication,
    MutualTLS,
    OAuth2,
    OAuthFlowAuthorizationCode,
    OAuthFlowClientCredentials,
    OAuthFlowDeviceAuthorization,
    OAuthFlowImplicit,
    OAuthFlowPassword,
    OAuthFlows,
    OpenIdConnect,
    Reference,
    ValidationError,
    ValidationErrorItem,
    parse_security_scheme,
)

Reader = Callable[[Mapping[str, object]], object]

URL = "https://auth.example.com/x"

# A valid input for each reader, to which one wrong field is applied.
VALID: dict[str, tuple[Reader, dict[str, object]]] = {
    "APIKey": (APIKey.from_dict, {"type": "apiKey", "name": "key", "in": "header"}),
    "HTTPAuthentication": (HTTPAuthentication.from_dict, {"type": "http", "scheme": "bearer"}),
    "OAuth2": (OAuth2.from_dict, {"type": "oauth2", "flows": {}}),
    "OpenIdConnect": (OpenIdConnect.from_dict, {"type": "openIdConnect", "openIdConnectUrl": URL}),
    "MutualTLS": (MutualTLS.from_dict, {"type": "mutualTLS"}),
    "OAuthFlowImplicit": (OAuthFlowImplicit.from_dict, {"authorizationUrl": URL, "scopes": {}}),
    "OAuthFlowPassword": (OAuthFlowPassword.from_dict, {"tokenUrl": URL, "scopes": {}}),
    "OAuthFlowClientCredentials": (OAuthFlowClientCredentials.from_dict, {"tokenUrl": URL, "scopes": {}}),
    "OAuthFlowAuthorizationCode": (
        OAuthFlowAuthorizationCode.from_dict,
        {"authorizationUrl": URL, "tokenUrl": URL, "scopes": {}},
    ),
    "OAuthFlowDeviceAuthorization": (
        OAuthFlowDeviceAuthorization.from_dict,
        {"deviceAuthorizationUrl": URL, "tokenUrl": URL, "scopes": {}},
    ),
    "OAuthFlows": (OAuthFlows.from_dict, {}),
    "Reference": (Reference.from_dict, {"$ref": "#/components/securitySchemes/main"}),
}

STRING = "expected a string, got {got}"
BOOLEAN = "expected a boolean, got {got}"
LOCATION = "expected one of 'query', 'header', 'cookie', got {got}"
FLOWS = "expected an object of flows, got {got}"
SCOPES = "expected an object mapping scope names to descriptions, got {got}"


def _flow(key: str) -> str:
    return f"expected an object (the {key} flow), got {{got}}"


# Every field of every model, with the message its wrong values get.
FIELDS: list[tuple[str, str, str, str]] = [
    ("APIKey", "description", "string", STRING),
    ("APIKey", "name", "string", STRING),
    ("APIKey", "in", "choice", LOCATION),
    ("APIKey", "deprecated", "boolean", BOOLEAN),
    ("HTTPAuthentication", "description", "string", STRING),
    ("HTTPAuthentication", "scheme", "string", STRING),
    ("HTTPAuthentication", "bearerFormat", "string", STRING),
    ("HTTPAuthentication", "deprecated", "boolean", BOOLEAN),
    ("OAuth2", "description", "string", STRING),
    ("OAuth2", "flows", "object", FLOWS),
    ("OAuth2", "oauth2MetadataUrl", "string", STRING),
    ("OAuth2", "deprecated", "boolean", BOOLEAN),
    ("OpenIdConnect", "description", "string", STRING),
    ("OpenIdConnect", "openIdConnectUrl", "string", STRING),
    ("OpenIdConnect", "deprecated", "boolean", BOOLEAN),
    ("MutualTLS", "description", "string", STRING),
    ("MutualTLS", "deprecated", "boolean", BOOLEAN),
    ("OAuthFlowImplicit", "authorizationUrl", "string", STRING),
    ("OAuthFlowImplicit", "refreshUrl", "string", STRING),
    ("OAuthFlowImplicit", "scopes", "object", SCOPES),
    ("OAuthFlowPassword", "tokenUrl", "string", STRING),
    ("OAuthFlowPassword", "refreshUrl", "string", STRING),
    ("OAuthFlowPassword", "scopes", "object", SCOPES),
    ("OAuthFlowClientCredentials", "tokenUrl", "string", STRING),
    ("OAuthFlowClientCredentials", "refreshUrl", "string", STRING),
    ("OAuthFlowClientCredentials", "scopes", "object", SCOPES),
    ("OAuthFlowAuthorizationCode", "authorizationUrl", "string", STRING),
    ("OAuthFlowAuthorizationCode", "tokenUrl", "string", STRING),
    ("OAuthFlowAuthorizationCode", "refreshUrl", "string", STRING),
    ("OAuthFlowAuthorizationCode", "scopes", "object", SCOPES),
    ("OAuthFlowDeviceAuthorization", "deviceAuthorizationUrl", "string", STRING),
    ("OAuthFlowDeviceAuthorization", "tokenUrl", "string", STRING),
    ("OAuthFlowDeviceAuthorization", "refreshUrl", "string", STRING),
    ("OAuthFlowDeviceAuthorization", "scopes", "object", SCOPES),
    ("OAuthFlows", "implicit", "object", _flow("implicit")),
    ("OAuthFlows", "password", "object", _flow("password")),
    ("OAuthFlows", "clientCredentials", "object", _flow("clientCredentials")),
    ("OAuthFlows", "authorizationCode", "object", _flow("authorizationCode")),
    ("OAuthFlows", "deviceAuthorization", "object", _flow("deviceAuthorization")),
    ("Reference", "$ref", "string", STRING),
    ("Reference", "summary", "string", STRING),
    ("Reference", "description", "string", STRING),
]

# One value of each JSON type, with how a message shows it.
JSON_VALUES: list[tuple[str, object, str]] = [
    ("null", None, "None (null)"),
    ("boolean", True, "True (boolean)"),
    ("integer", 5, "5 (integer)"),
    ("number", 1.5, "1.5 (number)"),
    ("string", "text", "'text' (string)"),
    ("array", ["a"], "['a'] (array)"),
    ("object", {"a": "b"}, "{'a': 'b'} (object)"),
]

WRONG_LOCATION = "unknown API key location 'text', expected one of 'query', 'header', 'cookie'"


def _wrong_type_cases() -> list[Any]:
    cases: list[Any] = []
    for model, key, kind, template in FIELDS:
        for type_name, value, got in JSON_VALUES:
            if type_name == kind:
                continue
            if kind == "choice" and type_name == "string":
                message = WRONG_LOCATION
            else:
                message = template.format(got=got)
            cases.append(pytest.param(model, key, value, message, id=f"{model}-{key}-{type_name}"))
    return cases


def _errors(read: Reader, data: Mapping[str, object]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as raised:
        read(data)
    return [(item.path, item.message) for item in raised.value.errors]


@pytest.mark.parametrize(("model", "key", "value", "message"), _wrong_type_cases())
def test_field_wrong_type_is_reported_at_its_key(model: str, key: str, value: object, message: str) -> None:
    read, valid = VALID[model]

    assert _errors(read, {**valid, key: value}) == [(f"/{key}", message)]


@pytest.mark.parametrize(
    ("model", "key", "value", "message"),
    [
        pytest.param(model, key, value, message, id=f"{model}-{key}")
        for model, key, value, message in [
            ("OAuth2", "flows", {"implicit": 5}, "expected an object (the implicit flow), got 5 (integer)"),
            (
                "OAuthFlowPassword",
                "scopes",
                {"read": 5},
                "expected a string (the scope's description), got 5 (integer)",
            ),
        ]
    ],
)
def test_nested_wrong_type_is_reported_at_its_full_path(
    model: str, key: str, value: dict[str, object], message: str
) -> None:
    read, valid = VALID[model]
    inner = next(iter(value))

    assert _errors(read, {**valid, key: value}) == [(f"/{key}/{inner}", message)]


REQUIRED: list[tuple[str, str, str]] = [
    ("APIKey", "type", "missing required field, expected 'apiKey'"),
    ("APIKey", "name", "missing required field, expected a string"),
    ("APIKey", "in", "missing required field, expected one of 'query', 'header', 'cookie'"),
    ("HTTPAuthentication", "type", "missing required field, expected 'http'"),
    ("HTTPAuthentication", "scheme", "missing required field, expected a string"),
    ("OAuth2", "type", "missing required field, expected 'oauth2'"),
    ("OAuth2", "flows", "missing required field, expected an object of flows"),
    ("OpenIdConnect", "type", "missing required field, expected 'openIdConnect'"),
    ("OpenIdConnect", "openIdConnectUrl", "missing required field, expected a string"),
    ("MutualTLS", "type", "missing required field, expected 'mutualTLS'"),
    ("OAuthFlowImplicit", "authorizationUrl", "missing required field, expected a string"),
    ("OAuthFlowPassword", "tokenUrl", "missing required field, expected a string"),
    ("OAuthFlowClientCredentials", "tokenUrl", "missing required field, expected a string"),
    ("OAuthFlowAuthorizationCode", "authorizationUrl", "missing required field, expected a string"),
    ("OAuthFlowAuthorizationCode", "tokenUrl", "missing required field, expected a string"),
    ("OAuthFlowDeviceAuthorization", "deviceAuthorizationUrl", "missing required field, expected a string"),
    ("OAuthFlowDeviceAuthorization", "tokenUrl", "missing required field, expected a string"),
    ("Reference", "$ref", "missing required field, expected a string"),
]


@pytest.mark.parametrize(
    ("model", "key", "message"), [pytest.param(*case, id=f"{case[0]}-{case[1]}") for case in REQUIRED]
)
def test_required_field_absent_is_reported_at_its_key(model: str, key: str, message: str) -> None:
    read, valid = VALID[model]
    data = {name: value for name, value in valid.items() if name != key}

    assert _errors(read, data) == [(f"/{key}", message)]


def test_scopes_absent_reads_as_empty() -> None:
    flow = OAuthFlowClientCredentials.from_dict({"tokenUrl": URL})

    assert flow.scopes == {}
    assert flow.to_dict() == {"tokenUrl": URL, "scopes": {}}


def test_every_problem_is_reported_in_input_order_depth_first() -> None:
    data: dict[str, object] = {
        "x-before": {1, 2},
        "flows": {
            "password": {"scopes": {"read": ["a"]}, "tokenUrl": False},
            "implicit": {"authorizationUrl": None},
        },
        "description": 7,
        "deprecated": "yes",
        "type": "oauth2",
    }

    with pytest.raises(ValidationError) as raised:
        OAuth2.from_dict(data)

    assert str(raised.value) == "\n".join(
        [
            "/x-before: expected a JSON value, got {1, 2} (set)",
            "/flows/password/scopes/read: expected a string (the scope's description), got ['a'] (array)",
            "/flows/password/tokenUrl: expected a string, got False (boolean)",
            "/flows/implicit/authorizationUrl: expected a string, got None (null)",
            "/description: expected a string, got 7 (integer)",
            "/deprecated: expected a boolean, got 'yes' (string)",
        ]
    )


def test_missing_fields_come_after_present_ones_in_spec_order() -> None:
    with pytest.raises(ValidationError) as raised:
        APIKey.from_dict({"description": 1})

    assert str(raised.value) == "\n".join(
        [
            "/description: expected a string, got 1 (integer)",
            "/type: missing required field, expected 'apiKey'",
            "/name: missing required field, expected a string",
            "/in: missing required field, expected one of 'query', 'header', 'cookie'",
        ]
    )


def test_error_items_carry_path_and_message() -> None:
    with pytest.raises(ValidationError) as raised:
        OAuthFlowPassword.from_dict({"tokenUrl": 1})

    assert raised.value.errors == (ValidationErrorItem("/tokenUrl", "expected a string, got 1 (integer)"),)
    assert isinstance(raised.value, ValueError)


def test_pointer_escapes_tilde_and_slash() -> None:
    data: dict[str, object] = {
        "type": "oauth2",
        "flows": {"implicit": {"authorizationUrl": URL, "scopes": {}}},
    }
    data["flows"]["implicit"]["scopes"] = {"read/write~all": 1}  # type: ignore[index]

    assert _errors(OAuth2.from_dict, data) == [
        (
            "/flows/implicit/scopes/read~1write~0all",
            "expected a string (the scope's description), got 1 (integer)",
        )
    ]


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        pytest.param(
            {"type": "http", "scheme": "basic", 7: "seven"},
            [("/7", "expected a string key, got 7 (integer)")],
            id="scheme",
        ),
        pytest.param(
            {"type": "http", "scheme": "basic", "x-map": {None: 1}},
            [("/x-map/None", "expected a string key, got None (null)")],
            id="extension",
        ),
        pytest.param(
            {"type": "oauth2", "flows": {"password": {"tokenUrl": URL, "scopes": {1.5: "half"}}}},
            [("/flows/password/scopes/1.5", "expected a string key (a scope name), got 1.5 (number)")],
            id="scopes",
        ),
        pytest.param(
            {"type": "oauth2", "flows": {(1, 2): {}}},
            [("/flows/(1, 2)", "expected a string key, got (1, 2) (array)")],
            id="flows",
        ),
    ],
)
def test_non_string_key_is_reported_by_str_and_repr(
    data: dict[Any, object], errors: list[tuple[str, str]]
) -> None:
    assert _errors(parse_security_scheme, data) == errors


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param({1, 2}, "expected a JSON value, got {1, 2} (set)", id="set"),
        pytest.param(b"key", "expected a JSON value, got b'key' (bytes)", id="bytes"),
        pytest.param(
            float("nan"), "expected a JSON value, got nan (number): JSON has no NaN or infinity", id="nan"
        ),
        pytest.param(
            float("-inf"),
            "expected a JSON value, got -inf (number): JSON has no NaN or infinity",
            id="infinity",
        ),
        pytest.param([1, complex(1, 2)], "expected a JSON value, got (1+2j) (complex)", id="in-array"),
    ],
)
def test_non_json_extension_value_is_rejected(value: object, message: str) -> None:
    path = "/x-value/1" if isinstance(value, list) else "/x-value"
    data: dict[str, object] = {"type": "mutualTLS", "x-value": value}

    assert _errors(parse_security_scheme, data) == [(path, message)]


def test_tuple_from_python_counts_as_array() -> None:
    scheme = parse_security_scheme({"type": "mutualTLS", "x-pair": ("a", ("b",))})

    assert scheme.to_dict() == {"type": "mutualTLS", "x-pair": ["a", ["b"]]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(
            {"type": "OAuth2", "flows": {}},
            "/type: unknown security scheme type 'OAuth2', did you mean 'oauth2'?",
            id="miscased",
        ),
        pytest.param(
            {"type": "basic"},
            "/type: unknown security scheme type 'basic',"
            " expected one of 'apiKey', 'http', 'mutualTLS', 'oauth2', 'openIdConnect'",
            id="unknown",
        ),
        pytest.param(
            {"type": 2},
            "/type: expected one of 'apiKey', 'http', 'mutualTLS', 'oauth2', 'openIdConnect', got 2 (integer)",
            id="not-a-string",
        ),
        pytest.param(
            {"scheme": "basic"},
            "/type: missing required field, expected one of 'apiKey', 'http', 'mutualTLS', 'oauth2', 'openIdConnect'",
            id="missing",
        ),
        pytest.param(
            {"$ref": "#/components/securitySchemes/main"},
            "/type: missing required field: this is a Reference Object, read it with Reference",
            id="reference",
        ),
        pytest.param(
            {"type": "apiKey", "name": "key", "in": "Header"},
            "/in: unknown API key location 'Header', did you mean 'header'?",
            id="in-miscased",
        ),
        pytest.param(
            {"type": "apiKey", "name": "key", "in": "body"},
            "/in: unknown API key location 'body', expected one of 'query', 'header', 'cookie'",
            id="in-unknown",
        ),
    ],
)
def test_parse_security_scheme_rejects_bad_type_or_location(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_security_scheme(data)

    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("read", "data", "message"),
    [
        pytest.param(
            APIKey.from_dict,
            {"type": "http", "scheme": "basic"},
            "/type: expected 'apiKey', got 'http' (read it with HTTPAuthentication or parse_security_scheme)",
            id="other-type",
        ),
        pytest.param(
            HTTPAuthentication.from_dict,
            {"type": "HTTP", "scheme": "basic"},
            "/type: unknown security scheme type 'HTTP', did you mean 'http'?",
            id="miscased",
        ),
        pytest.param(
            MutualTLS.from_dict,
            {"type": "tls"},
            "/type: expected 'mutualTLS', got 'tls' (not a security scheme type)",
            id="unknown",
        ),
        pytest.param(
            OpenIdConnect.from_dict,
            {"type": None, "openIdConnectUrl": URL},
            "/type: expected 'openIdConnect', got None (null)",
            id="null",
        ),
    ],
)
def test_scheme_class_rejects_type_of_another_class(
    read: Reader, data: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        read(data)

    assert str(raised.value) == message


@pytest.mark.parametrize("read", [reader for reader, _ in VALID.values()] + [parse_security_scheme])
@pytest.mark.parametrize("argument", [None, [("type", "apiKey")], "type: apiKey"])
def test_from_dict_non_mapping_raises_type_error(read: Reader, argument: object) -> None:
    with pytest.raises(TypeError, match=r"expects a mapping, got "):
        read(argument)  # type: ignore[arg-type]


def test_type_error_names_the_reader() -> None:
    with pytest.raises(TypeError) as raised:
        OAuthFlows.from_dict([])  # type: ignore[arg-type]

    assert str(raised.value) == "OAuthFlows.from_dict() expects a mapping, got [] (array)"


# Constructors: the same rules, with errors at the spec key of the field.


def test_constructor_reports_every_problem_at_spec_keys() -> None:
    with pytest.raises(ValidationError) as raised:
        OAuthFlowAuthorizationCode(
            authorization_url=None,  # type: ignore[arg-type]
            token_url=b"https://auth.example.com/token",  # type: ignore[arg-type]
            refresh_url=3,  # type: ignore[arg-type]
            scopes={"read": None},  # type: ignore[dict-item]
        )

    assert str(raised.value) == "\n".join(
        [
            "/authorizationUrl: expected a string, got None (null)",
            "/tokenUrl: expected a string, got b'https://auth.example.com/token' (bytes)",
            "/refreshUrl: expected a string, got 3 (integer)",
            "/scopes/read: expected a string (the scope's description), got None (null)",
        ]
    )


@pytest.mark.parametrize(
    ("build", "message"),
    [
        pytest.param(
            lambda: APIKey(name="key", in_="body"),  # type: ignore[arg-type]
            "/in: unknown API key location 'body', expected one of 'query', 'header', 'cookie'",
            id="api-key-in",
        ),
        pytest.param(
            lambda: APIKey(name="key", in_="query", deprecated="no"),  # type: ignore[arg-type]
            "/deprecated: expected a boolean, got 'no' (string)",
            id="deprecated",
        ),
        pytest.param(
            lambda: HTTPAuthentication(scheme="bearer", bearer_format=["JWT"]),  # type: ignore[arg-type]
            "/bearerFormat: expected a string, got ['JWT'] (array)",
            id="bearer-format",
        ),
        pytest.param(
            lambda: OAuth2(flows={"implicit": {}}),  # type: ignore[arg-type]
            "/flows: expected OAuthFlows, got {'implicit': {}} (object) (build it with OAuthFlows.from_dict)",
            id="flows-dict",
        ),
        pytest.param(
            lambda: OAuthFlows(password=OAuthFlowClientCredentials(token_url=URL)),  # type: ignore[arg-type]
            "/password: expected OAuthFlowPassword, got OAuthFlowClientCredentials(t...rl=None, scopes={}, extra={})"
            " (OAuthFlowClientCredentials) (build it with OAuthFlowPassword.from_dict)",
            id="flow-class",
        ),
        pytest.param(
            lambda: OpenIdConnect(open_id_connect_url=1),  # type: ignore[arg-type]
            "/openIdConnectUrl: expected a string, got 1 (integer)",
            id="open-id-connect-url",
        ),
        pytest.param(
            lambda: Reference(ref=None),  # type: ignore[arg-type]
            "/$ref: expected a string, got None (null)",
            id="reference",
        ),
        pytest.param(
            lambda: OAuthFlowPassword(token_url=URL, scopes=[("read", "Read")]),  # type: ignore[arg-type]
            "/scopes: expected an object mapping scope names to descriptions, got [('read', 'Read')] (array)",
            id="scopes-pairs",
        ),
        pytest.param(
            lambda: MutualTLS(extra=["x-a"]),  # type: ignore[arg-type]
            "/extra: expected a mapping of extra keys, got ['x-a'] (array)",
            id="extra-not-mapping",
        ),
        pytest.param(
            lambda: MutualTLS(extra={"x-set": {1}}),  # type: ignore[dict-item]
            "/x-set: expected a JSON value, got {1} (set)",
            id="extra-not-json",
        ),
    ],
)
def test_constructor_enforces_from_dict_rules(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        build()

    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("build", "message"),
    [
        pytest.param(
            lambda: APIKey(name="key", in_="query", extra={"in": "header"}),
            "/in: 'in' is a field of APIKey, set it by its keyword argument, not in extra",
            id="api-key",
        ),
        pytest.param(
            lambda: HTTPAuthentication(scheme="basic", extra={"type": "http"}),
            "/type: 'type' is a field of HTTPAuthentication, set it by its keyword argument, not in extra",
            id="type",
        ),
        pytest.param(
            lambda: OAuthFlowPassword(token_url=URL, extra={"scopes": {}}),
            "/scopes: 'scopes' is a field of OAuthFlowPassword, set it by its keyword argument, not in extra",
            id="flow",
        ),
        pytest.param(
            lambda: OAuthFlows(extra={"implicit": {}}),
            "/implicit: 'implicit' is a field of OAuthFlows, set it by its keyword argument, not in extra",
            id="flows",
        ),
        pytest.param(
            lambda: Reference(ref="#/a", extra={"$ref": "#/b"}),
            "/$ref: '$ref' is a field of Reference, set it by its keyword argument, not in extra",
            id="reference",
        ),
    ],
)
def test_constructor_rejects_extra_key_naming_a_field(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        build()

    assert str(raised.value) == message


def test_constructor_accepts_extra_key_of_another_type() -> None:
    scheme = HTTPAuthentication(scheme="basic", extra={"name": "Authorization", "x-a": None})

    assert scheme.to_dict() == {"type": "http", "scheme": "basic", "name": "Authorization", "x-a": None}


def test_constructor_and_from_dict_build_equal_models() -> None:
    built = OAuthFlowImplicit(authorization_url=URL, scopes={"a": "b"}, extra={"x-k": [1]})

    assert built == OAuthFlowImplicit.from_dict({"authorizationUrl": URL, "scopes": {"a": "b"}, "x-k": [1]})


@pytest.mark.parametrize(
    ("errors", "shown"),
    [
        pytest.param("bad token URL", "str: 'bad token URL'", id="message"),
        pytest.param("", "str: ''", id="empty-message"),
        pytest.param(["/tokenUrl"], "list: ['/tokenUrl']", id="list-of-strings"),
        pytest.param(None, "NoneType: None", id="none"),
        pytest.param((), "tuple: ()", id="no-items"),
    ],
)
def test_validation_error_rejects_other_than_items(errors: object, shown: str) -> None:
    # A string would otherwise be read as its characters, one problem each.
    with pytest.raises(TypeError) as raised:
        ValidationError(errors)  # type: ignore[arg-type]

    assert str(raised.value) == (
        f"ValidationError() expects a non-empty tuple or list of ValidationErrorItem, got {shown}"
    )


def test_validation_error_takes_list_of_items() -> None:
    error = ValidationError([ValidationErrorItem("/tokenUrl", "expected a string")])  # type: ignore[arg-type]

    assert error.errors == (ValidationErrorItem("/tokenUrl", "expected a string"),)
    assert str(error) == "/tokenUrl: expected a string"
