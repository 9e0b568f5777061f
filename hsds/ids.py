"""Stable HSDS ids (UUIDs) for everything the site exchanges.

Each object that lives on its own has one stored UUID: an offer its page's
``translation_key`` (Wagtail's own stable id, kept across revisions), an organisation its
``hsds_id``. A partner's UUID is taken over as it is; a partner's id that is not a UUID
(``demo-0001``) becomes the same name-based UUID in every database (``from_source_id``).
Objects inside an offer (phones, schedules, places without a partner id ...) and the
taxonomy terms get a UUID derived from their owner's id and their position or code, so they
stay the same as long as their owner does.
"""

import uuid

# Fixed for good: changing it changes every derived id that partners have stored.
NAMESPACE = uuid.UUID("8f0c2c8e-5d43-4a5e-9a59-0c3c1e6a7b14")


def from_source_id(source_id: str) -> uuid.UUID:
    """A partner's id as a UUID: itself when it is one, else derived from it."""
    try:
        return uuid.UUID(source_id)
    except ValueError:
        return uuid.uuid5(NAMESPACE, source_id)


def derived(owner, part: str) -> str:
    """The id of ``part`` ("phone/0", "schedule/2") inside the object with id ``owner``."""
    return str(uuid.uuid5(uuid.UUID(str(owner)), part))


def taxonomy_id(taxonomy: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"taxonomy/{taxonomy}"))


def term_id(taxonomy: str, code: str) -> str:
    return derived(taxonomy_id(taxonomy), f"term/{code}")


def parse_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return None
