"""Cluster mode (`newsrake crawl --cluster redis://...`): crawl nodes share a frontier in Redis, one writer
node stores every result into the SQLite file. Nothing here is imported unless ``--cluster`` is given."""
