"""cleaners.hydration: the article read from a page's hydration data (Next.js, Nuxt, state objects, JSON scripts).

Every page here is built by the test as a string, in the shape the framework writes it, and read the way
the cleaner reads it: parsed (`parse_html`), its scripts taken (`page_scripts`), then `hydrated_text`.
"""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.html_tree import parse_html
from cleaners.hydration import MAX_SCRIPT_CHARS, HydratedText, hydrated_text, page_scripts

ARTICLE = [
    "The city council approved the new budget on Tuesday after a debate that lasted well into the night.",
    "Opposition members said the plan cut too deeply into library hours, and that bus routes would suffer.",
    "The mayor replied that the city had no choice, given the fall in tax revenue over the past two years.",
    "A final vote on the separate transport levy is expected next month, officials said on Wednesday.",
    "Residents can comment on the plan online until the end of the month, the council added in a statement.",
]
TEXT = "\n".join(ARTICLE)
SUBHEAD = "What comes next"
TEXT_WITH_SUBHEAD = "\n".join([*ARTICLE[:3], SUBHEAD, *ARTICLE[3:]])

KOREAN = [
    "서울시는 3일 내년부터 시내버스 노선 120개를 새로 조정한다고 밝혔다. 출퇴근 시간대 혼잡도를 낮추기 위해 "
    "배차 간격을 평균 2분가량 줄이는 것이 핵심이다.",
    "시에 따르면 이번 개편은 지하철 연계가 부족했던 강서·노원 지역을 중심으로 이뤄진다. 시는 올해 상반기 "
    "교통카드 이용 자료를 분석해 승객이 몰리는 구간을 골라냈다.",
    "시민 의견도 반영됐다. 시는 지난달 온라인 설문에 참여한 시민 1만2천 명 가운데 다수가 환승 대기 시간을 "
    "가장 큰 불편으로 꼽았다고 설명했다.",
    '버스 업계는 운전기사 확보가 과제라고 지적했다. 한 운수회사 관계자는 "배차를 늘리려면 인력이 먼저 '
    '충원돼야 한다"고 말했다.',
    "시는 다음 달 공청회를 열어 세부 노선안을 공개하고, 의견 수렴을 거쳐 최종안을 확정할 예정이다.",
]
JAPANESE = [
    "東京都は一日、来年度から都営バスの一部路線で運行本数を増やすと発表した。朝夕の混雑が続く区間を中心に、"
    "平日の便を約一割増やす計画で、利用者の待ち時間を短くする狙いがある。",
    "都によると、対象は駅と住宅地を結ぶ十二の路線で、いずれも定員を超える便が目立っていた。運転手の確保が"
    "課題となるため、都は採用の条件を見直し、研修の期間も短くする方針だ。",
    "利用者からは歓迎の声が上がる一方、運賃の値上げにつながるのではないかとの懸念も出ている。都は来月に"
    "説明会を開き、詳しい時刻表と今後の見通しを示すとしている。",
    "専門家は、増便の効果を確かめるには一年ほどの検証が必要だと指摘した。都は利用状況を毎月公表し、必要に"
    "応じて路線や本数を再び見直す考えを示した。",
]


def _html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def _with_subhead(paragraphs: list[str]) -> str:
    """The article as a CMS writes it: a subheading, a figure and an embedded script among its paragraphs."""
    return (
        _html(paragraphs[:3])
        + '<figure><img src="/a.jpg" alt=""><figcaption>The council chamber, on Tuesday.</figcaption></figure>'
        + f"<h2>{SUBHEAD}</h2>"
        + '<script>window.embed && embed("poll-12");</script>'
        + _html(paragraphs[3:])
    )


def _page(scripts: str, body: str = '<div id="__next"></div>') -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Budget passes</title>'
        '<script src="/_next/static/chunks/main.js" async></script></head>'
        f"<body>{body}{scripts}</body></html>"
    )


def _escaped(value: object) -> str:
    """JSON as Next.js writes it into a page: ``<``, ``>`` and ``&`` escaped (htmlEscapeJsonString)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _script(text: str, attributes: str = "") -> str:
    return f"<script{attributes}>{text}</script>"


def _read(page: str) -> HydratedText | None:
    tree = parse_html(page)
    assert tree is not None
    return hydrated_text(page_scripts(tree))


# Next.js pages router


def _next_data(page_props: dict[str, object]) -> str:
    data = {
        "props": {"pageProps": page_props, "__N_SSP": True},
        "page": "/news/[slug]",
        "query": {"slug": "budget-passes"},
        "buildId": "k3J9x0aQ",
        "isFallback": False,
        "gssp": True,
        "scriptLoader": [],
    }
    return _script(_escaped(data), ' id="__NEXT_DATA__" type="application/json"')


NEXT_DATA_PAGE = _page(
    _next_data(
        {
            "article": {
                "id": 8812,
                "title": "Budget passes after long debate",
                "summary": "The council approved the budget.",
                "url": "https://gazette.example/news/budget-passes",
                "content": _with_subhead(ARTICLE),
                "tags": ["Council", "Budget"],
            },
            "menu": [{"label": "Home", "href": "/"}, {"label": "World", "href": "/world"}],
        }
    )
)


# Next.js app router: the flight payload


def _row(row_id: str, value: object) -> str:
    return f"{row_id}:{json.dumps(value, ensure_ascii=False, separators=(',', ':'))}\n"


def _text_row(row_id: str, text: str) -> str:
    """A text row: its length is that of its UTF-8 bytes, in hex, and no newline ends it."""
    return f"{row_id}:T{len(text.encode('utf-8')):x},{text}"


def _flight(payload: str, size: int = 180) -> str:
    """The scripts that carry a flight payload, cut in chunks of ``size`` characters wherever they fall, with
    the bootstrap, a form-state and a binary chunk around them."""
    scripts = [_script("(self.__next_f=self.__next_f||[]).push([0])")]
    for start in range(0, len(payload), size):
        scripts.append(_script(f"self.__next_f.push({_escaped([1, payload[start : start + size]])})"))
    scripts.append(_script('self.__next_f.push([3,"PGgxPkJpbmFyeSBjaHVuazwvaDE+"])'))
    scripts.append(_script("self.__next_f.push([2,null])"))
    return "".join(scripts)


def _push(payload: str) -> str:
    """A script's text that pushes one chunk of flight payload."""
    return f"self.__next_f.push({json.dumps([1, payload])})"


def _el(tag: str, children: object = None, **props: object) -> list[object]:
    """A React element as the flight payload writes it."""
    if children is not None:
        props["children"] = children
    return ["$", tag, None, props]


def _flight_tree(article_children: list[object]) -> list[object]:
    """A page's element tree: a header with navigation, the article, related stories, a footer."""
    nav = _el("nav", [_el("a", "Home", href="/"), _el("a", "World", href="/world"), _el("a", "Sport", href="/sport")])
    related = _el(
        "aside",
        [
            _el("h2", "Related"),
            _el(
                "ul",
                [
                    _el(
                        "li", [_el("a", "Schools brace for cuts", href="/a"), _el("p", "Head teachers met on Monday.")]
                    ),
                    _el("li", [_el("a", "Bus fares to rise", href="/b"), _el("p", "The rise takes effect in May.")]),
                ],
            ),
        ],
    )
    body = _el(
        "body",
        [
            _el("header", [nav, _el("button", "Subscribe"), _el("$L3", None, label="Search")]),
            _el("main", [_el("article", article_children), related]),
            _el("footer", "© 2024 The Gazette. All rights reserved."),
        ],
    )
    head = _el("head", [_el("title", "Budget passes"), _el("meta", name="description", content=ARTICLE[0])])
    return _el("html", [head, body], lang="en")


def _article_elements(paragraphs: list[str]) -> list[object]:
    """The article as React elements: headline, byline, paragraphs (one with a link), an ad slot, a subheading."""
    first, *rest = paragraphs
    link_at = first.index("budget")
    linked = _el("p", [first[:link_at], _el("a", "budget", href="/budget"), first[link_at + len("budget") :]])
    return [
        _el("h1", "Budget passes after long debate"),
        _el("p", ["By ", _el("a", "Jane Doe", href="/authors/jane")], className="byline"),
        linked,
        *[_el("p", paragraph) for paragraph in rest[:2]],
        _el("$L7", None, slot="mid-article", className="ad"),
        _el("h2", SUBHEAD),
        *[_el("p", paragraph) for paragraph in rest[2:]],
        _el("div", [_el("button", "Share"), _el("button", "Copy link")], className="share"),
    ]


def _flight_payload(tree: list[object], *extra_rows: str) -> str:
    return (
        '1:I["static/chunks/app/layout.js","default"]\n'
        + '2:HL["/_next/static/css/app.css","style"]\n'
        + _row("0", ["$", "$L4", None, {"buildId": "k3J9x0aQ", "initialTree": tree}])
        + "".join(extra_rows)
    )


FLIGHT_PAGE = _page(_flight(_flight_payload(_flight_tree(_article_elements(ARTICLE)))), body="")

FLIGHT_TEXT_ROW_PAGE = _page(
    _flight(
        _row("0", _flight_tree([_el("div", dangerouslySetInnerHTML={"__html": "$5"}, className="body")]))
        + _text_row("5", _with_subhead(ARTICLE))
        + _row("6", {"title": "Budget passes after long debate", "section": "Local"})
    ),
    body="",
)


# Nuxt


NUXT_PAGE = _page(
    _script(
        "window.__NUXT__="
        + json.dumps(
            {
                "layout": "default",
                "data": [{"article": {"title": "Budget passes", "body": _with_subhead(ARTICLE), "tags": ["Council"]}}],
                "fetch": {},
                "error": None,
                "serverRendered": True,
                "routePath": "/news/budget-passes",
            }
        ).replace("</", "<\\/")
        + ";"
    ),
    body='<div id="__nuxt"></div>',
)

NUXT_FUNCTION_PAGE = _page(
    _script(
        'window.__NUXT__=(function(a,b,c,d){return {layout:"default",data:[{article:{title:b,body:a,tags:[c,d]}}],'
        'fetch:{},error:null,serverRendered:true,routePath:"/news/budget-passes"}}('
        + ",".join(
            json.dumps(value).replace("<", "\\u003C").replace("/", "\\u002F")
            for value in (_html(ARTICLE), "Budget passes", "council", "budget")
        )
        + "));"
    ),
    body='<div id="__nuxt"></div>',
)


def _devalue_payload(paragraphs: list[str]) -> list[object]:
    """Nuxt 3's payload (devalue's flat array: objects and arrays hold indices into it) of an article whose
    text is a list of paragraphs. Its summary stands just before them in the array, but is not one of them."""
    flat: list[object] = [
        ["ShallowReactive", 1],
        {"data": 2, "state": 9, "once": 10, "_errors": 11, "serverRendered": 12, "path": 13},
        ["ShallowReactive", 3],
        {"article-budget-passes": 4},
        {"title": 5, "paragraphs": 6, "author": 7, "published": 8, "summary": 14},
        "Budget passes after long debate",
        [],  # the paragraphs' indices, below
        "Jane Doe",
        ["Date", "2024-05-14T08:00:00.000Z"],
        ["Reactive", 11],
        ["Set"],
        {},
        True,
        "/news/budget-passes",
        "The council passed its budget after a long debate, with cuts to libraries and buses.",
    ]
    indices = flat[6]
    assert isinstance(indices, list)
    for paragraph in paragraphs:
        indices.append(len(flat))
        flat.append(paragraph)
    return flat


NUXT3_PAGE = _page(
    _script(_escaped(_devalue_payload(ARTICLE)), ' type="application/json" id="__NUXT_DATA__" data-ssr="true"')
    + _script('window.__NUXT__={};window.__NUXT__.config={public:{},app:{baseURL:"/",buildId:"x"}}'),
    body='<div id="__nuxt"></div>',
)


# State objects and JSON scripts


def _blocks(paragraphs: list[str]) -> list[dict[str, object]]:
    """The article as content blocks: paragraphs, an image with a caption, a subheading."""
    blocks: list[dict[str, object]] = [{"type": "paragraph", "text": p} for p in paragraphs[:3]]
    blocks.append({"type": "image", "url": "https://cdn.example/a.jpg", "caption": "The council chamber, on Tuesday."})
    blocks.append({"type": "heading", "level": 2, "text": SUBHEAD})
    blocks.extend({"type": "paragraph", "text": p} for p in paragraphs[3:])
    return blocks


STATE = {
    "article": {"id": "8812", "headline": "Budget passes after long debate", "blocks": _blocks(ARTICLE)},
    "ui": {"menu": ["Home", "World", "Sport"], "cookieBanner": "We use cookies.", "loading": False},
}


def _state_page(name: str) -> str:
    state = json.dumps(STATE).replace("</", "<\\/")
    return _page(_script(f"window.{name} = {state};"), body='<div id="app"></div>')


JSON_SCRIPT_PAGE = _page(
    _script(
        json.dumps({"story": {"id": 12, "paragraphs": ARTICLE, "related": ["Schools brace for cuts"]}}),
        ' type="application/json" id="story-data"',
    )
)

PLAIN_TEXT_PAGE = _page(
    _script(json.dumps({"story": {"title": "Budget", "text": "\n\n".join(ARTICLE)}}), ' type="application/json"')
)


SOURCES = {"next-data", "next-flight", "nuxt", "state", "json-script"}
SHAPES = {
    "next-data": (NEXT_DATA_PAGE, TEXT_WITH_SUBHEAD, "next-data"),
    "next-flight-elements": (FLIGHT_PAGE, TEXT_WITH_SUBHEAD, "next-flight"),
    "next-flight-text-row": (FLIGHT_TEXT_ROW_PAGE, TEXT_WITH_SUBHEAD, "next-flight"),
    "nuxt": (NUXT_PAGE, TEXT_WITH_SUBHEAD, "nuxt"),
    "nuxt-function": (NUXT_FUNCTION_PAGE, TEXT, "nuxt"),
    "nuxt3-devalue": (NUXT3_PAGE, TEXT, "nuxt"),
    "initial-state": (_state_page("__INITIAL_STATE__"), TEXT_WITH_SUBHEAD, "state"),
    "preloaded-state": (_state_page("__PRELOADED_STATE__"), TEXT_WITH_SUBHEAD, "state"),
    "apollo-state": (_state_page("__APOLLO_STATE__"), TEXT_WITH_SUBHEAD, "state"),
    "app-state": (_state_page("__APP_STATE__"), TEXT_WITH_SUBHEAD, "state"),
    "state-json-parse": (
        _page(_script(f'window["__INITIAL_STATE__"]=JSON.parse({json.dumps(json.dumps(STATE))});')),
        TEXT_WITH_SUBHEAD,
        "state",
    ),
    "json-script": (JSON_SCRIPT_PAGE, TEXT, "json-script"),
    "json-script-plain-text": (PLAIN_TEXT_PAGE, TEXT, "json-script"),
}


@pytest.mark.parametrize(("page", "text", "source"), SHAPES.values(), ids=SHAPES.keys())
def test_each_payload_shape_gives_the_article(page: str, text: str, source: str) -> None:
    assert _read(page) == HydratedText(text, source)


# Korean and other CJK writing


def test_korean_article_in_flight_data_with_escaped_html() -> None:
    """A Korean newspaper's Next.js page: an empty body, the article only as escaped HTML in the flight data."""
    article_row = _row(
        "8",
        {
            "article": {
                "aid": "2024051412345",
                "title": "서울시, 시내버스 노선 120개 개편",
                "section": "사회",
                "reporter": "김민준 기자",
                "content": "".join(f"<p>{p}</p>" for p in KOREAN[:2])
                + '<div class="ab_photo"><img src="/p.jpg"><figcaption>서울 시내버스 정류장 모습.</figcaption></div>'
                + "".join(f"<p>{p}</p>" for p in KOREAN[2:])
                + "<p>김민준 기자 minjun@example.co.kr</p>",
            }
        },
    )
    tree = _flight_tree([_el("$L9", None, article="$8:article"), _el("div", "많이 본 뉴스", className="ranking")])
    page = _page(_flight(_flight_payload(tree, article_row), size=120), body="")
    assert "\\u003cp\\u003e" in page  # the HTML is escaped in the page, as Next.js writes it
    assert _read(page) == HydratedText("\n".join([*KOREAN, "김민준 기자 minjun@example.co.kr"]), "next-flight")


def test_korean_text_row_is_read_by_its_byte_length() -> None:
    """A text row's length counts UTF-8 bytes (three a Hangul syllable): the row after it is read, not swallowed."""
    html = "".join(f"<p>{p}</p>" for p in KOREAN)
    payload = (
        _row("0", _flight_tree([_el("div", dangerouslySetInnerHTML={"__html": "$3"})]))
        + _text_row("3", html)
        + _row("4", ["$", "p", None, {"children": "관련 기사"}])
        + _text_row("5", "<p>짧은 글.</p>")
    )
    assert _read(_page(_flight(payload, size=97), body="")) == HydratedText("\n".join(KOREAN), "next-flight")


def test_cjk_paragraphs_without_spaces_are_prose() -> None:
    page = _page(_script(json.dumps({"article": {"paragraphs": JAPANESE}}), ' type="application/json"'))
    assert _read(page) == HydratedText("\n".join(JAPANESE), "json-script")


# What is kept, and what is passed over


def test_article_repeated_in_flight_data_is_kept_once() -> None:
    """Flight data repeats the article: the HTML string twice, and the paragraphs twice in one list."""
    html_rows = _row("5", {"content": _html(ARTICLE)}) + _row("6", ["$", "$L2", None, {"html": _html(ARTICLE)}])
    elements = [_el("p", paragraph) for paragraph in ARTICLE]
    twice = _flight_tree([*elements, _el("hr"), *elements])
    assert _read(_page(_flight(_flight_payload(twice, html_rows)), body="")) == HydratedText(TEXT, "next-flight")
    assert _read(_page(_flight(_flight_payload(twice)), body="")) == HydratedText(TEXT, "next-flight")


def test_navigation_related_links_and_ui_strings_are_left_out() -> None:
    """Only the article's paragraphs (and its subheading) come out: not the headline, byline, menus, buttons,
    ad slots, related stories, meta description or footer around them."""
    assert _read(FLIGHT_PAGE) == HydratedText(TEXT_WITH_SUBHEAD, "next-flight")


def test_flight_references_are_not_text_and_escaped_dollars_are() -> None:
    """In flight data a string that begins with ``$`` is a reference (``$L5``, ``$undefined``) and ``$$`` is an
    escaped ``$``."""
    dollars = "$4.2 million of it goes to libraries, which will keep their evening hours after all."
    paragraphs = [ARTICLE[0], ["$L5", "$undefined"], "$" + dollars, *ARTICLE[1:]]
    children = [_el("p", paragraph) for paragraph in paragraphs]
    page = _page(_flight(_row("0", _flight_tree([_el("div", children)]))), body="")
    assert _read(page) == HydratedText("\n".join([ARTICLE[0], dollars, *ARTICLE[1:]]), "next-flight")


def test_json_encoded_json_is_decoded_and_read() -> None:
    inner = json.dumps({"article": {"body": _html(ARTICLE), "byline": "Jane Doe"}})
    page = _page(_next_data({"articleJson": inner, "adsConfig": json.dumps({"slots": ["top", "mid"]})}))
    assert "\\u003cp\\u003e" in page
    assert _read(page) == HydratedText(TEXT, "next-data")


def test_content_blocks_that_are_cards_do_not_make_a_run() -> None:
    """Teasers (a title, a summary and a link each) are not paragraphs, however much prose their summaries hold."""
    teasers = [
        {"summary": paragraph, "title": f"Story {i}", "url": f"/news/{i}"} for i, paragraph in enumerate(ARTICLE)
    ]
    page = _page(_script(f"window.__INITIAL_STATE__={json.dumps({'home': {'teasers': teasers}})}"))
    assert _read(page) is None


def test_a_script_that_begins_with_a_bracket_but_is_code_is_read_for_assignments() -> None:
    state = json.dumps({"article": {"body": _html(ARTICLE)}})
    assert hydrated_text([f"[1, 2].forEach(f); window.__PRELOADED_STATE__ = {state};"]) == HydratedText(TEXT, "state")


def test_a_body_is_preferred_to_a_run_and_a_run_to_a_plain_string() -> None:
    longer = [*ARTICLE, *(f"Meanwhile, {p[0].lower()}{p[1:]}" for p in ARTICLE)]  # more prose than the article
    text = "\n".join(longer)
    body_and_run = {"a": {"paragraphs": longer}, "b": {"html": _html(ARTICLE)}}
    run_and_plain = {"a": {"text": "\n".join(longer)}, "b": {"paragraphs": ARTICLE}}
    two_bodies = {"short": {"html": _html(ARTICLE[:4])}, "long": {"html": _html(longer)}}
    for data, expected in ((body_and_run, TEXT), (run_and_plain, TEXT), (two_bodies, text)):
        assert hydrated_text([json.dumps(data)]) == HydratedText(expected, "json-script")


# Pages without an article in hydration data


NO_ARTICLE = {
    "no-scripts": [],
    "analytics-only": [
        "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());",
        "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments)"
        ":n.queue.push(arguments)};}(window,document,'script');",
    ],
    "next-data-listing": [
        json.dumps(
            {
                "props": {"pageProps": {"headlines": ["Budget passes", "Schools brace for cuts", "Bus fares rise"]}},
                "buildId": "x",
            }
        )
    ],
    "flight-without-article": [_push(_flight_payload(_flight_tree([_el("p", "Page not found.")])))],
    "config-json": [json.dumps({"apiBase": "https://api.example/v2", "features": {"comments": True}, "locale": "en"})],
    "short-article": [json.dumps({"article": {"body": _html(ARTICLE[:2])}})],
    "state-read-not-assigned": ["if (window.__INITIAL_STATE__ === undefined) { window.__APP_STATE__ == null; }"],
    "importmap-and-speculation-rules": [
        json.dumps({"imports": {"react": "/js/react.js"}}),
        json.dumps({"prerender": [{"source": "list", "urls": ["/next"]}]}),
    ],
}


@pytest.mark.parametrize("scripts", NO_ARTICLE.values(), ids=NO_ARTICLE.keys())
def test_no_article_in_hydration_data_gives_none(scripts: list[str]) -> None:
    assert hydrated_text(scripts) is None


# Hostile input: never an exception, and an end


_DEEP = "[" * 100_000 + "]" * 100_000
_JUNK = random.Random(7).randbytes(300_000).decode("latin-1")

HOSTILE = {
    "broken-next-data": ['{"props":{"pageProps":{"article":{"content":"<p>Cut off'],
    "broken-flight-chunk": ['self.__next_f.push([1,"0:[\\"$\\",\\"p\\",null,{\\"children\\":\\"Cut'],
    "broken-flight-rows": [_push("0:[1,2\n1:{}}}\n2:T\n3:Tzz,x\n:::\n\n4")],
    "unterminated-state": ['window.__INITIAL_STATE__ = {"article": {"body": "<p>Never closed'],
    "unterminated-nuxt-function": ['window.__NUXT__=(function(a){return {body:a}}("<p>Never closed. \\"'],
    "unterminated-literals": ["window.__NUXT__=(" + '"\\"' * 200_000],
    "deep-json-script": [_DEEP],
    "deep-unclosed-json-script": ["[" * 100_000],
    "deep-next-data": ['{"buildId":"x","props":' + _DEEP + "}"],
    "deep-flight-row": [_push(f"0:{_DEEP}\n")],
    "deep-state": ["window.__APP_STATE__=" + _DEEP],
    "deep-nuxt-objects": ["window.__NUXT__=" + '{"a":' * 100_000],
    "deep-json-in-string": [json.dumps({"a": _DEEP})],
    "deep-html-string": [json.dumps({"a": "<div>" * 100_000 + "Deep. " * 10})],
    "ten-megabyte-script": ['window.__INITIAL_STATE__={"a":"' + "Word, word. " * 900_000 + '"}'],
    "text-row-longer-than-payload": [_push("1:Tffffffff,<p>Short. Text.</p>")],
    "many-short-rows": [_push("0:1\n:::\n" * 300_000)],
    "binary-junk": [_JUNK, "__next_f.push(" + _JUNK, "__NUXT__=(" + _JUNK, "{" + _JUNK, "_STATE__=" + _JUNK],
    "surrogates-and-nul": ["\ud800{\x00", '{"a":"\ud800<p>x</p>\x00"}', 'self.__next_f.push([1,"0:\\"\\ud800\\"\\n"])'],
    "devalue-cycles": [json.dumps([["Reactive", 1], {"a": 1, "b": 2}, [0, 1, 2, 3, -1, 99, "x"], ["null", "k", 0]])],
    "not-strings": [None, 12, b"bytes"],  # a careless caller's list
}


@pytest.mark.parametrize("scripts", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_gives_none_without_raising(scripts: list[str]) -> None:
    assert hydrated_text(scripts) is None


PIECES = [
    "self.__next_f.push(",
    "[1,",
    '"',
    '\\"',
    "\\",
    "\\u003cp\\u003e",
    "\\n",
    "\n",
    "0:",
    "1a:T",
    "ff,",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "$",
    "$$",
    "$L1",
    '["$","p",null,{"children":',
    "<p>",
    "</p>",
    "<br>",
    "<figure>",
    "window.__NUXT__=",
    "(function(a){return ",
    "window.__INITIAL_STATE__ = ",
    "JSON.parse(",
    '"buildId"',
    '"props"',
    '["ShallowReactive",1]',
    "The council voted. It was late.",
    "서울시는 밝혔다.",
    "\\ud800",
    "\ud800",
    "\x00",
]
scripts_strategy = st.lists(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=40).map("".join), max_size=6
)


@given(scripts=scripts_strategy)
@settings(max_examples=400, deadline=None)
def test_any_scripts_give_a_text_or_none(scripts: list[str]) -> None:
    result = hydrated_text(scripts)
    assert result is None or (result.text and result.source in SOURCES)


def test_hostile_scripts_do_not_hide_an_article_after_them() -> None:
    """Junk, deep nesting and a script over the size bound are skipped, and the next script is still read."""
    scripts = [
        "self.__next_f.push([1," + "[" * 100_000,
        _DEEP,
        _JUNK,
        'window.__INITIAL_STATE__={"a":"' + "x" * (MAX_SCRIPT_CHARS + 1) + '"}',
        json.dumps({"article": {"body": _html(ARTICLE)}}),
    ]
    assert hydrated_text(scripts) == HydratedText(TEXT, "json-script")


def test_script_text_beyond_the_bound_is_not_read() -> None:
    article = json.dumps({"article": {"body": _html(ARTICLE)}})
    filler = "var x = 1;" * ((MAX_SCRIPT_CHARS - len(article)) // 10 + 1)
    assert hydrated_text([filler, article]) is None
    assert hydrated_text([filler[: -len(article) - 10], article]) == HydratedText(TEXT, "json-script")


# page_scripts


def test_page_scripts_gives_inline_scripts_in_order() -> None:
    page = (
        "<html><head>"
        '<script src="/js/app.js"></script>'
        "<script>var first = 1;</script>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "Text."}</script>'
        '<script type="Application/LD+JSON">{"@type": "Organization"}</script>'
        '<script id="__NEXT_DATA__" type="application/json">{"props": {}}</script>'
        '<script src="/js/inline-ignored.js">ignored();</script>'
        "</head><body><p>Text</p><script></script>"
        '<script type="text/javascript">self.__next_f.push([1,"0:\\"</p>\\"\\n"])</script>'
        "</body></html>"
    )
    tree = parse_html(page)
    assert tree is not None
    assert page_scripts(tree) == [
        "var first = 1;",
        '{"props": {}}',
        'self.__next_f.push([1,"0:\\"</p>\\"\\n"])',
    ]
