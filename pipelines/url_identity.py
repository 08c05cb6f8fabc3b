"""An article's identity from its URL: the URL as published, less what only tracks a click.

The crawler fetches the URL exactly as the feed published it; this spelling is only the key under which
the article is stored and looked up. It lives below the crawler so that the store can key (and migrate)
rows with the same function.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

TRACKING_KEYS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|twclid|ttclid|li_fat_id|yclid|igshid|mc_cid|mc_eid|"
    r"_hsenc|_hsmi|mkt_tok|_ga|_gl|ocid|cmp|cmpid|icid|ncid|s_cid|at_medium|at_campaign|ito|xtor|"
    r"ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|ref|ref_src|ref_url|oly_anon_id|oly_enc_id|"
    r"vero_id|vero_conv|wt\.mc_id|wt_mc|sr_share|guccounter|guce_referrer|guce_referrer_sig|smid|smtyp)$",
    re.IGNORECASE,
)
"""Query keys that only say where a click came from (any case)."""

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _kept(pair: str) -> bool:
    return not TRACKING_KEYS.match(unquote(pair.split("=", 1)[0]))


def url_key(url: str) -> str | None:
    """The identity of an http(s) URL, or None if it is not one (no host, credentials, a bad port).

    Scheme and host are lower-cased, a default port, the fragment and the tracking keys of the query
    (``utm_*``, ``fbclid``, ``ref``, ``CMP`` ...) are dropped and an empty path is ``/``. Everything else
    is kept byte for byte: the other query pairs in their order and spelling (``?id`` stays ``?id``,
    ``;`` and ``%20`` stay as they are).
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host or parts.username is not None or parts.password is not None:
        return None
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    pairs = [pair for pair in parts.query.split("&") if _kept(pair)]
    query = "&".join(pairs) if any(pairs) else ""
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))
