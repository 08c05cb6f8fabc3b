"""Scrapy settings for newsrake: polite, bounded and quiet by default.

Any of these can be changed for one run with ``-s NAME=VALUE``.
"""

from scrapy.settings import default_settings as _scrapy

from pipelines import defaults as _pipelines  # the defaults of the settings the pipelines read, defined there once

BOT_NAME = "newsrake"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- newsrake's own settings ---------------------------------------------
NEWSRAKE_DB = _pipelines.DB  # the SQLite file
NEWSRAKE_ALLOW_PRIVATE_ADDRESSES = False  # loopback/private networks are refused unless this is on
NEWSRAKE_ALLOW_ADDRESSES: list[str] = []  # "host:port" servers let through even if private
NEWSRAKE_MAX_FEED_ENTRIES = 1000  # entries read from one feed
NEWSRAKE_CLEAN_WORKERS = _pipelines.CLEAN_WORKERS  # cleaning processes: -1 one per core, 0 in the crawl's own process
NEWSRAKE_CLEAN_TIMEOUT = _pipelines.CLEAN_TIMEOUT  # seconds one page may take to clean; past that stored with why
NEWSRAKE_CLEAN_STARTED_EARLY = False  # set by `newsrake crawl`, not by hand: it started the fork server itself
NEWSRAKE_CLEAN_MEMORY_MB = _pipelines.CLEAN_MEMORY_MB  # memory a worker may add; past that the page is stored with why
NEWSRAKE_STORE_BATCH = _pipelines.STORE_BATCH  # articles written per transaction (each still all or nothing)
NEWSRAKE_STORE_BATCH_SECONDS = _pipelines.STORE_BATCH_SECONDS  # a batch is committed this long after its first article
NEWSRAKE_STORIES = _pipelines.STORIES  # fingerprint stored articles and group copies into stories
NEWSRAKE_STORY_THRESHOLD = _pipelines.STORY_THRESHOLD  # the similarity (0-1) at which an article joins a story
NEWSRAKE_REFETCH_UPDATED = False  # fetch again an article whose feed entry's updated date changed
NEWSRAKE_FEED_BACKOFF = _pipelines.FEED_BACKOFF  # seconds before re-polling a failed feed; doubles per failure in a row
NEWSRAKE_FEED_BACKOFF_MAX = _pipelines.FEED_BACKOFF_MAX  # the back-off never exceeds a day
NEWSRAKE_POLL_MIN = _pipelines.POLL_MIN  # a feed is polled at most this often (seconds), however busy
NEWSRAKE_POLL_MAX = _pipelines.POLL_MAX  # and at least this often (seconds), however quiet
NEWSRAKE_POLL_DEFAULT = _pipelines.POLL_DEFAULT  # the interval of a feed never polled before (seconds)
NEWSRAKE_ALL_FEEDS = False  # poll every feed now, whatever its interval says (newsrake crawl --all-feeds)
NEWSRAKE_CLUSTER_LEASE = 60.0  # cluster mode: seconds a node's task is leased (renewed while it works on it)
NEWSRAKE_CLUSTER_GATE_MARGIN = 0.1  # cluster mode: seconds added to each host's delay, from the gate to the wire
NEWSRAKE_CLUSTER_WAIT_FOR_WRITER = 30.0  # cluster mode: a worker with nothing to do waits this long for a writer
NEWSRAKE_ARTICLE_RETRY_MAX = 5  # attempts at an article that fails for now (5xx, timeout ...) before giving it up
NEWSRAKE_ARTICLE_RETRY_BACKOFF = 900  # seconds before trying a failed article again (a later run); doubles
NEWSRAKE_ARTICLE_RETRY_BACKOFF_MAX = 86400  # that wait never exceeds a day
NEWSRAKE_CONTACT_URL = "https://github.com/newsrake/newsrake"  # put your own contact page here

# --- politeness ----------------------------------------------------------
USER_AGENT = "newsrake/0.1 (+https://github.com/newsrake/newsrake)"
ROBOTSTXT_OBEY = True  # 5xx or no answer: the host is skipped this run; 4xx: allowed (RFC 9309)
NEWSRAKE_MAX_CRAWL_DELAY = 30.0  # Crawl-delay honoured up to this; a host asking more is skipped
NEWSRAKE_MAX_RETRY_AFTER = 120.0  # 429/503 Retry-After honoured up to this; longer: host left this run
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1  # one request at a time per host
DOWNLOAD_DELAY = 1.0  # seconds between requests to one host
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
COOKIES_ENABLED = False  # and its middleware is not even loaded (below)

# --- bounds --------------------------------------------------------------
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
CONCURRENT_ITEMS = 4  # per response: a page gives one item; Scrapy starts this many tasks per response
RETRY_TIMES = 2
MEMUSAGE_ENABLED = True
MEMUSAGE_LIMIT_MB = 1024  # past this the crawl stops cleanly (exit 1, logged); cleaning workers have their own cap
DOWNLOAD_HANDLERS = {"data": None, "file": None, "s3": None, "ftp": None}  # http(s) only

# --- components ----------------------------------------------------------
# Scrapy components newsrake replaces or never uses are left out of the base lists rather than set to None:
# Scrapy imports every component it is given, even one set to None or one that then turns itself off
# (Settings.get_component_priority_dict_with_base loads each key to find duplicates). Measured in issue 18 with
# Scrapy 2.19: the documented way (these five set to None in DOWNLOADER_MIDDLEWARES, SPIDER_MIDDLEWARES and
# EXTENSIONS) imports all five, aiohttp and tldextract with them, and a tiny real crawl's main process took 0.45 s
# more CPU (median of 6 runs each, 1.80 s against 1.35 s, on a busy 2-core machine; the five imports alone
# 0.56-0.79 s there), so the base lists stay rebuilt. test_clean_bounds' whole-crawl test checks none is loaded.
_NOT_LOADED = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware",  # replaced: RFC 9309 semantics
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware",  # replaced: no full decode of each page
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware",  # cookies are off; it imports tldextract (45 ms)
    "scrapy.extensions.remote_control.RemoteControl",  # a code-running HTTP server: never; imports aiohttp (100 ms)
    "scrapy.spidermiddlewares.depth.DepthMiddleware",  # feeds -> articles: the depth is known
}
DOWNLOADER_MIDDLEWARES_BASE = {k: v for k, v in _scrapy.DOWNLOADER_MIDDLEWARES_BASE.items() if k not in _NOT_LOADED}
SPIDER_MIDDLEWARES_BASE = {k: v for k, v in _scrapy.SPIDER_MIDDLEWARES_BASE.items() if k not in _NOT_LOADED}
EXTENSIONS_BASE = {k: v for k, v in _scrapy.EXTENSIONS_BASE.items() if k not in _NOT_LOADED}
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.address_guard.AddressGuardMiddleware": 50,
    "crawler.middlewares.feed_state.FeedStateMiddleware": 55,
    "crawler.middlewares.seen_urls.SeenUrlsMiddleware": 60,
    "crawler.middlewares.meta_refresh.MetaRefreshMiddleware": 580,
    # robots.txt, Crawl-delay, Retry-After; before RetryMiddleware (550) sees 429/503
    "crawler.middlewares.host_policy.HostPolicyMiddleware": 560,
}
ITEM_PIPELINES = {
    "pipelines.clean_pipeline.CleanPipeline": 300,
    "pipelines.store_pipeline.StorePipeline": 800,
}
LOG_FORMATTER = "crawler.logformatter.ShortLogFormatter"
LOG_LEVEL = "WARNING"  # one line per problem; -s LOG_LEVEL=INFO for more
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # Scrapy's code-running HTTP control server: never, in a cron job (not loaded)
FEED_EXPORT_ENCODING = "utf-8"
