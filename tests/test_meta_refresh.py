"""Meta refresh is followed as Scrapy does, without decoding pages that cannot hold one."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.middlewares.meta_refresh import MetaRefreshMiddleware
from crawler.run import build_settings

URL = "http://127.0.0.1:8000/news/a.html"
FILLER = "<p>" + "Ordinary article prose. " * 2000 + "</p>"


def middleware_of_a_crawl() -> MetaRefreshMiddleware:
    crawler = get_crawler(settings_dict={"REDIRECT_MAX_TIMES": 5})
    return MetaRefreshMiddleware.from_crawler(crawler)


def respond(body: str, encoding: str = "utf-8") -> tuple[Request, HtmlResponse]:
    request = Request(URL)
    response = HtmlResponse(URL, body=body.encode(encoding), encoding=encoding, request=request)
    return request, response


@pytest.mark.parametrize(
    ("body", "target"),
    [
        pytest.param('<html><head><meta http-equiv="refresh" content="0; url=/news/b.html"></head></html>',
                     "http://127.0.0.1:8000/news/b.html", id="refresh"),
        pytest.param('<html><head><META HTTP-EQUIV="Refresh" CONTENT="1;URL=b.html"></head></html>',
                     "http://127.0.0.1:8000/news/b.html", id="upper-case"),
        pytest.param(f"<html><head><title>t</title></head><body>{FILLER}</body></html>", None, id="no-refresh"),
        pytest.param('<html><head><meta http-equiv="refresh" content="500; url=/b"></head></html>', None,
                     id="too-long-a-delay"),
    ],
)  # fmt: skip
def test_meta_refresh_is_followed_as_scrapy_does(body: str, target: str | None) -> None:
    middleware = middleware_of_a_crawl()
    request, response = respond(body)
    result = middleware.process_response(request, response)
    if target is None:
        assert result is response
    else:
        assert isinstance(result, Request)
        assert result.url == target


class UndecodableResponse(HtmlResponse):
    """A page whose text must not be asked for: decoding it is what the middleware saves."""

    @property
    def text(self) -> str:
        raise AssertionError("the whole page was decoded")


def test_a_page_without_refresh_is_not_decoded() -> None:
    middleware = middleware_of_a_crawl()
    request = Request(URL)
    response = UndecodableResponse(URL, body=f"<html><body>{FILLER}</body></html>".encode(), request=request)
    assert middleware.process_response(request, response) is response  # Scrapy's own would raise here


def test_a_utf16_page_is_left_to_scrapy() -> None:
    middleware = middleware_of_a_crawl()
    body = '<html><head><meta http-equiv="refresh" content="0; url=/news/b.html"></head></html>'
    request, response = respond(body, "utf-16")
    result = middleware.process_response(request, response)
    # Scrapy's own reading (which percent-encodes the URL in UTF-16, BOM and all) is what is kept
    assert isinstance(result, Request)
    assert result.url.startswith("http://127.0.0.1:8000/news/b.html")


def test_remote_control_and_telnet_are_off() -> None:
    settings = build_settings({})
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
