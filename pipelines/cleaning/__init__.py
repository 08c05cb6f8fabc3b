"""The cleaning service: cleaning pages in worker processes, one service for `newsrake crawl` and `newsrake reclean`.

Read it in this order:

- `worker_pool`: the parent's side. `WorkerPool` keeps a fixed number of worker processes, each page bounded in
  time and memory; a worker over a bound, or dead, is killed and replaced and the page comes back with the
  reason. Pages are fed from one thread per worker, never from the event loop: a crawl awaits
  `CleanWorkers.clean`, a reclean iterates `WorkerPool.map_unordered`.
- `one_page`: what a worker runs on one page, never raising: a crawl's fetched page (`cleaned`) or a stored page
  of a reclean (`clean_stored`), and the records that come back.
- `worker_loop`: the worker's loop (receive a page, run the function, send back the result).
- `worker_setup`: what every worker does before its first page: Ctrl-C left to the parent, death with the
  parent, a garbage collector that runs less often; and the cleaner's warm-up.
- `fork_server_preload`: imported once by the fork server the workers are forked from, so they start warm and
  share the cleaner's memory.

This package imports nothing at import time, so that loading one of its modules loads only what that one needs
(the crawl's own process never loads the cleaners).
"""
