"""Scrapy's meta-refresh redirects, without decoding every page in full to look for one.

Scrapy's middleware decodes the whole body of each HTML response (and keeps
the text on the response) to read its first 4,096 characters. Here the raw
bytes are looked at first: a page whose start has no ``refresh`` in it has no
meta refresh, and is passed on untouched.
"""

from __future__ import annotations

from codecs import BOM_UTF16_BE, BOM_UTF16_LE

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefreshMiddleware
from scrapy.http import HtmlResponse, Response

HEAD_BYTES = 4096 * 4
"""4,096 characters (what Scrapy looks at) are at most this many bytes in UTF-8."""
WIDE_BOMS = (BOM_UTF16_LE, BOM_UTF16_BE)  # UTF-16 and UTF-32 pages: left to Scrapy's full decoding


class MetaRefreshMiddleware(ScrapyMetaRefreshMiddleware):
    """Follows ``<meta http-equiv="refresh">`` as Scrapy does; skips pages that cannot have one."""

    def process_response(self, request: Request, response: Response, spider: object = None) -> Request | Response:
        if isinstance(response, HtmlResponse):
            head = response.body[:HEAD_BYTES]
            if not head.startswith(WIDE_BOMS) and b"refresh" not in head.lower():
                return response
        return super().process_response(request, response)
