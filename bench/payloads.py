"""The inputs of the benchmark, generated here so that every run measures the same data.

Each payload is a plain JSON value, as ``json.load`` returns it. Every
library reads its own deep copy, so no library reuses objects that another
library has read.
"""

from __future__ import annotations

import json
from typing import Any

JSON = Any

AUTH_SERVER = "https://auth.example.com/oauth2"


def scopes(flow: str, count: int) -> dict[str, str]:
    """Build ``count`` scope names of the form ``resource:action`` with one-sentence descriptions."""
    return {
        f"{flow}.resource{index // 4}:{('read', 'write', 'delete', 'admin')[index % 4]}": (
            f"Grants {('read', 'write', 'delete', 'admin')[index % 4]} access to resource {index // 4}"
        )
        for index in range(count)
    }


def flow(name: str, scope_count: int, *, refresh: bool = True) -> dict[str, JSON]:
    """Build one OAuth Flow Object with the URL fields its flow requires."""
    output: dict[str, JSON] = {}
    if name in ("implicit", "authorizationCode"):
        output["authorizationUrl"] = f"{AUTH_SERVER}/authorize"
    if name != "implicit":
        output["tokenUrl"] = f"{AUTH_SERVER}/token"
    if refresh:
        output["refreshUrl"] = f"{AUTH_SERVER}/refresh"
    output["scopes"] = scopes(name, scope_count)
    return output


def small() -> dict[str, JSON]:
    """Build an oauth2 scheme with one password flow and 2 scopes."""
    return {"type": "oauth2", "flows": {"password": flow("password", 2, refresh=False)}}


def typical() -> dict[str, JSON]:
    """Build an oauth2 scheme with the four classic flows, each with refreshUrl and 10 scopes.

    The scheme carries an object-valued extension and the authorization code
    flow a string-valued one, as API gateways and client generators add them.
    """
    flows = {
        name: flow(name, 10) for name in ("implicit", "password", "clientCredentials", "authorizationCode")
    }
    flows["authorizationCode"]["x-pkce-required"] = "S256"
    return {
        "type": "oauth2",
        "description": "OAuth 2.0 with the four flows of RFC 6749.",
        "flows": flows,
        "x-gateway": {"cacheSeconds": 300, "audiences": ["api://orders", "api://billing"]},
    }


def large() -> dict[str, JSON]:
    """Build an oauth2 scheme with one client credentials flow of 2,000 scopes."""
    return {"type": "oauth2", "flows": {"clientCredentials": flow("clientCredentials", 2000)}}


def components() -> dict[str, JSON]:
    """Build a ``components.securitySchemes`` map of 8 schemes of the four types all libraries model."""
    return {
        "apiKeyHeader": {"type": "apiKey", "name": "X-API-Key", "in": "header"},
        "apiKeyQuery": {"type": "apiKey", "name": "api_key", "in": "query", "description": "Legacy key."},
        "apiKeyCookie": {"type": "apiKey", "name": "session", "in": "cookie"},
        "basic": {"type": "http", "scheme": "basic"},
        "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
        "oauth": {
            "type": "oauth2",
            "flows": {
                "clientCredentials": flow("clientCredentials", 4),
                "authorizationCode": flow("authorizationCode", 4),
            },
        },
        "oauthImplicit": {"type": "oauth2", "flows": {"implicit": flow("implicit", 3, refresh=False)}},
        "openId": {
            "type": "openIdConnect",
            "openIdConnectUrl": f"{AUTH_SERVER}/.well-known/openid-configuration",
        },
    }


PAYLOADS = {
    "small": small,
    "typical": typical,
    "components": components,
    "large": large,
}
"""The payloads by name; ``components`` is a map of schemes, the others one oauth2 scheme."""


def fresh(payload: JSON) -> JSON:
    """Return a deep copy made by ``json``, so each library gets its own objects."""
    return json.loads(json.dumps(payload))


HTTP_METHODS = ("get", "put", "post", "delete")


def document(path_count: int = 1500) -> dict[str, JSON]:
    """Build an OpenAPI 3.1 document with ``path_count`` paths of four operations each.

    Every operation has parameters, a request or response schema and a
    ``security`` list naming one to three of the 8 component schemes, with
    scopes that the schemes define. The security parts are a small share of
    the text, as in real documents; the rest is what ``check`` must skip.
    """
    schemes = components()
    oauth_scopes = list(schemes["oauth"]["flows"]["clientCredentials"]["scopes"])
    paths: dict[str, JSON] = {}
    for index in range(path_count):
        item: dict[str, JSON] = {
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}
            ]
        }
        for number, method in enumerate(HTTP_METHODS):
            item[method] = operation(index, method, number, oauth_scopes)
        paths[f"/resources{index % 40}/items{index}/{{id}}"] = item
    return {
        "openapi": "3.1.0",
        "info": {"title": "Generated benchmark API", "version": "1.0.0"},
        "servers": [{"url": "https://api.example.com/v1"}],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {"securitySchemes": schemes},
    }


def operation(index: int, method: str, number: int, oauth_scopes: list[str]) -> dict[str, JSON]:
    """Build one operation with a security requirement chosen by its position."""
    choice = (index + number) % 4
    if choice == 0:
        security: list[JSON] = [{"oauth": oauth_scopes[: 1 + index % 3]}]
    elif choice == 1:
        security = [{"apiKeyHeader": []}, {"bearer": []}]
    elif choice == 2:
        security = [{"oauth": [oauth_scopes[index % 4]], "apiKeyHeader": []}, {"openId": ["openid"]}]
    else:
        security = [{}, {"basic": []}]
    schema = {
        "type": "object",
        "required": ["id", "name"],
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "name": {"type": "string", "maxLength": 200},
            "tags": {"type": "array", "items": {"type": "string"}},
            "updated": {"type": "string", "format": "date-time"},
        },
    }
    output: dict[str, JSON] = {
        "operationId": f"{method}Item{index}",
        "summary": f"{method.upper()} item {index} of resource group {index % 40}",
        "tags": [f"group{index % 40}"],
        "parameters": [
            {"name": "verbose", "in": "query", "schema": {"type": "boolean", "default": False}},
        ],
        "responses": {
            "200": {"description": "The item.", "content": {"application/json": {"schema": schema}}},
            "404": {"description": "No item has this id."},
        },
        "security": security,
    }
    if method in ("put", "post"):
        output["requestBody"] = {"required": True, "content": {"application/json": {"schema": schema}}}
    return output
