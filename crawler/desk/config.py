"""Where the desk's configuration lives: the ``newsrake`` section of Datasette's plugin settings names the database
the desk serves; without it the plugin adds nothing, so that Datasette on another file is left as it is."""

from __future__ import annotations

from typing import Any

PLUGIN = "newsrake"
"""The plugin's name: its entry point in pyproject.toml, its settings' key, its static files' folder."""

DASHBOARD = "newsrake"
"""The slug of the front page's dashboard (datasette-dashboards): ``/-/dashboards/newsrake``."""

READING_COLUMNS = ("id", "published", "source", "title", "language", "story_role")
"""The columns the articles table opens with; ``_all_columns=1`` (or any ``_col`` / ``_nocol``) shows others."""

SHOW_ALL = "_all_columns"


def desk_settings(database: str) -> dict[str, Any]:
    """The plugin's settings for a desk on ``database``."""
    return {"database": database}


def desk_database(settings: object) -> str | None:
    """The database the desk serves, from the plugin's settings (None when there are none, as on a file that is
    not newsrake's)."""
    name = settings.get("database") if isinstance(settings, dict) else None
    return name if isinstance(name, str) and name else None
