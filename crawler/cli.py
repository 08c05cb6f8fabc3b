"""The `newsrake` command: one click group of the commands in `crawler.commands`, and its entry point."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from crawler.commands.common import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from crawler.commands.crawl import crawl
from crawler.commands.demo import demo
from crawler.commands.extract import extract
from crawler.commands.reclean import reclean
from crawler.commands.serve import serve
from crawler.commands.stories import stories


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsrake")
def cli() -> None:
    """newsrake: news feeds to clean article text in one SQLite file.

    \b
    Example:
        newsrake demo                       # crawl the bundled demo site
        newsrake crawl --seeds seeds/default.toml --db news.db
        newsrake serve --db news.db         # browse and search it with Datasette
    """


for _command in (crawl, reclean, stories, serve, extract, demo):
    cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the command; errors become one line on stderr and an exit code."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="newsrake", standalone_mode=False)
    except click.UsageError as error:
        hint = f" (see '{error.ctx.command_path} --help')" if error.ctx else ""
        click.echo(f"newsrake: error: {error.format_message()}{hint}", err=True)
        sys.exit(EXIT_USAGE)
    except click.ClickException as error:
        click.echo(f"newsrake: error: {error.format_message()}", err=True)
        sys.exit(error.exit_code)
    except click.Abort:
        click.echo("newsrake: aborted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(result if isinstance(result, int) else EXIT_OK)


if __name__ == "__main__":
    main()
