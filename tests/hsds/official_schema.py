"""Validate against the official HSDS 3.0 schemas kept in ``hsds/schema/`` (see its README).

The schemas refer to each other by their public address; the registry maps every address to
the local file, so nothing is fetched. Formats (uuid, email, uri, date-time) are checked.
"""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "hsds" / "schema"
BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
# The compiled objects the API returns are the object schemas with their $refs inlined;
# we resolve the $refs instead of keeping the multi-megabyte compiled copies.
COMPILED_SOURCE = {
    "compiled/service.json": "service.json",
    "compiled/organization.json": "organization.json",
}


@cache
def registry() -> Registry:
    resources = []
    for path in SCHEMA_DIR.rglob("*.json"):
        name = path.relative_to(SCHEMA_DIR).as_posix()
        if name.startswith("examples/"):
            continue
        resources.append((BASE + name, DRAFT202012.create_resource(json.loads(path.read_text()))))
    for compiled, source in COMPILED_SOURCE.items():
        contents = json.loads((SCHEMA_DIR / source).read_text())
        resources.append((BASE + compiled, DRAFT202012.create_resource(contents)))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for ``service.json``, ``compiled/service_list.json`` ..."""
    return Draft202012Validator(
        {"$ref": BASE + name},
        registry=registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


@cache
def openapi() -> dict:
    return json.loads((SCHEMA_DIR / "openapi.json").read_text())


def response_validator(path: str) -> Draft202012Validator:
    """The 200 response schema of ``path`` ("/services") in the official openapi.json."""
    spec = openapi()
    schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    document = {**schema, "components": spec["components"]}  # for "#/components/schemas/Page"
    return Draft202012Validator(
        document,
        registry=registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def errors(instance, name: str) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(name).iter_errors(instance)
    ]


def response_errors(instance, path: str) -> list[str]:
    found = response_validator(path).iter_errors(instance)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]
