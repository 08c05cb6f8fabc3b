"""`newsrake extract`: clean saved pages, one JSON object per file on stdout."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import click

from crawler.commands.common import EXIT_FAILED, EXIT_OK


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--url", help="The URL the page was fetched from (with a single FILE).")
def extract(files: tuple[Path, ...], url: str | None) -> int:
    """Clean saved pages (.html or .html.gz): one JSON object per file on stdout.

    Each object has path, url (given, or the page's canonical URL), title,
    text, published, authors and the other article fields. A file that
    cannot be read gives an object with an "error" key and exit code 1.

    \b
    Example:
        newsrake extract saved/*.html.gz > articles.jsonl
    """
    from cleaners import clean_page

    if url and len(files) > 1:
        raise click.UsageError("--url needs exactly one FILE")
    status = EXIT_OK
    for path in files:
        try:
            raw = path.read_bytes()
            if path.suffix == ".gz":
                raw = gzip.decompress(raw)
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            click.echo(f"newsrake: cannot read {path}: {getattr(error, 'strerror', None) or error}", err=True)
            click.echo(json.dumps({"path": str(path), "error": str(error)}, ensure_ascii=False))
            status = EXIT_FAILED
            continue
        article = clean_page(raw, url or "")
        record = {"path": str(path), **article.to_dict()}
        record["url"] = url or article.canonical_url
        record.pop("final_url", None)
        click.echo(json.dumps(record, ensure_ascii=False))
    return status
