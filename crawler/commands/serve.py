"""`newsrake serve`: browse and search the file with Datasette, set up for newsrake."""

from __future__ import annotations

import json
from pathlib import Path

import click

from crawler.commands.common import EXIT_OK, NewsrakeError, check_db
from pipelines import defaults


@click.command()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=defaults.DB, show_default=True,
              help="The SQLite file to serve.")  # fmt: skip
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port to listen on.")
@click.option("--write-config", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write the Datasette metadata to FILE (for plain `datasette -m FILE`, with the same plugins "
                   "installed: they come with newsrake) and exit.")  # fmt: skip
def serve(db: Path, host: str, port: int, write_config: Path | None) -> int:
    """Read, search and watch the crawl in Datasette: newsrake's news desk.

    \b
    /                  the crawl at a glance: articles per day and source,
                       extraction health, failing feeds, what the cleaners
                       removed, the stories carried by the most sources
    /-/search?q=...    search with the matched words in context, each
                       result linked to its reading view; as an Atom feed too
    /-/article/ID      one article to read, its story's copies, what the
                       cleaners removed, the raw page as a download

    Every table and stored query stays plain Datasette, with titles and
    descriptions, facets, JSON and CSV. Datasette only reads: a crawl can
    write to the file meanwhile. Nothing is fetched from outside: the charts'
    scripts are served by the plugins themselves.

    \b
    Example:
        newsrake serve --db news.db            # then open http://127.0.0.1:8001/
        newsrake serve --db news.db --write-config newsrake-datasette.json
        datasette news.db -m newsrake-datasette.json --setting suggest_facets off
    """
    from crawler.datasette_metadata import datasette_metadata
    from crawler.datasette_server import serve_datasette
    from crawler.lock import LockOpenError, unless_locked

    metadata = json.dumps(datasette_metadata(db.stem), indent=2, ensure_ascii=False)
    if write_config is not None:
        try:
            write_config.write_text(metadata + "\n", encoding="utf-8")
        except OSError as error:
            raise NewsrakeError(f"cannot write {write_config}: {error.strerror or error}") from None
        click.echo(f"wrote {write_config}; use it with: datasette {db} -m {write_config}", err=True)
        return EXIT_OK
    if not db.exists():
        raise NewsrakeError(f"database not found: {db}")
    try:
        unless_locked(db, lambda: check_db(db))  # a run holding the lock brought the schema up to date itself
    except LockOpenError as error:
        raise NewsrakeError(str(error)) from None
    click.echo(f"newsrake serve: the news desk at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    return serve_datasette(db, metadata, host, port)
