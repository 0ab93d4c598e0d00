"""Small builders shared by the tests."""

from __future__ import annotations

import json
from typing import Any

SEED = "fixtures/prezly/000_8ad76214cebdd4ac.txt"


def story(**fields: Any) -> dict[str, Any]:
    """A minimal flat Prezly story, with ``fields`` added or replaced."""
    base: dict[str, Any] = {
        "title": "A title",
        "published_at": "2026-01-02 03:04:05",
        "url": "https://example.org/story",
        "culture": "en_BE",
        "format_version": 1,
        "body": "<p>First paragraph.</p><p>Second paragraph.</p>",
    }
    base.update(fields)
    return base


def story_bytes(**fields: Any) -> bytes:
    return json.dumps(story(**fields)).encode()
