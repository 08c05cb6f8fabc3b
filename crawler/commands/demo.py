"""`newsrake demo`: serve the bundled demo news site on 127.0.0.1 and crawl it into a SQLite file."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from crawler.commands.crawl import crawl_into
from crawler.crawl_job import CrawlJob


@click.command()
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default="newsrake-demo.db",
    show_default=True,
    help="The SQLite file to write.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8642,
    show_default=True,
    help="Port for the demo site on 127.0.0.1 (a free one is used if it is taken; 0 for any).",
)
def demo(db: Path, port: int) -> int:
    """Serve the bundled demo news site on 127.0.0.1 and crawl it into a SQLite file.

    Needs no internet. Three publishers (RSS 2.0, Atom and RSS 1.0 feeds;
    one found from its homepage) with pages full of the boilerplate that
    newsrake cleans away.

    \b
    Example:
        newsrake demo && newsrake serve --db newsrake-demo.db
    """
    from crawler.demo.server import LoopbackServer
    from crawler.demo.site import demo_seeds, site_routes

    with LoopbackServer(site_routes, port=port) as server, tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "demo.toml"
        seeds.write_text(demo_seeds(server.base_url), encoding="utf-8")
        click.echo(f"newsrake demo: serving the demo site at {server.base_url}/", err=True)
        job = CrawlJob(
            db,
            (seeds,),
            allow_addresses=(server.address,),
            extra={"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False},
        )
        status = crawl_into(job)
    click.echo(
        f"\nThe articles are in {db}. Browse and search them with Datasette:\n\n    newsrake serve --db {db}\n\n"
        f"One story is on two sites (a republished copy): see it with\n\n    newsrake stories --db {db}\n"
    )
    return status
