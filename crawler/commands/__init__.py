"""The `newsrake` commands, one module each; `crawler.cli` puts them in one click group."""
