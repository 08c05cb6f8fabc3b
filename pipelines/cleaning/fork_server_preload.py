"""Imported once by the cleaning workers' fork server (`CleanWorkers`), before it forks any worker.

Importing this module warms the cleaner up (extractor and its fallbacks, rule
tables, language model) in the fork server, so that every worker starts warm
and shares those pages with its siblings instead of loading its own copy: the
language model alone is some 70 MB, the stop words of every language that
jusText (the extractor's fallback) reads some 25 MB. The workers' own code
(`pipelines.cleaning.worker_loop` and what it imports) is loaded here too,
once, rather than by each worker after it is forked. The warmed-up objects
are then moved out of the garbage collector's reach (`gc.freeze`), so that a
collection in a worker does not write to them and unshare their pages.
"""

from __future__ import annotations

import gc

import pipelines.cleaning.worker_loop  # noqa: F401 - the workers' code, loaded once for all of them
from pipelines.cleaning.worker_setup import warm_up

warm_up(fallbacks=True)  # jusText's stop words too: some 25 MB each worker would otherwise load for itself
gc.collect()
gc.freeze()
