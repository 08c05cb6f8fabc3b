"""Article URLs: the link to fetch (as published) and the key an article is known by (`normalise_url`)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pipelines.url_identity import url_key

normalise_url = url_key
"""The key an article is stored and looked up under (`pipelines.url_identity.url_key`); never fetched."""


def published_link(url: str) -> str | None:
    """The URL to fetch for a link, exactly as published (surrounding whitespace aside), or None when it
    is no http(s) URL newsrake fetches (see `normalise_url`)."""
    link = url.strip()
    return link if normalise_url(link) is not None else None


# newsrake 0.1 stored articles under this spelling (parse_qsl + urlencode, a shorter list of tracking
# keys): an article stored then is still recognised under it, so that it is not fetched a second time.
_LEGACY_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|"
    r"ocid|cmpid|at_medium|at_campaign|ito|xtor|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee)$",
    re.IGNORECASE,
)


def legacy_key(url: str) -> str | None:
    """The key an article was stored under before keys kept the query byte for byte (or None)."""
    key = normalise_url(url)
    if key is None:
        return None
    parts = urlsplit(key)
    query = [(k, v) for k, v in parse_qsl(urlsplit(url.strip()).query, keep_blank_values=True)
             if not _LEGACY_TRACKING.match(k)]  # fmt: skip
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, doseq=True), ""))
