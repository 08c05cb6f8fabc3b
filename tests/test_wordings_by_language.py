"""The wording families in every language the text cleaners cover, over a data table (``tests/data/wordings.json``).

Each boilerplate line stands between two article paragraphs and must go, removed by the cleaner the table
names; each article sentence near the same words must stay. Lines the families leave in today are strict
expected failures, so that a fix is noticed (read by the families alone: the note model is learnt from these
rows).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from text_stage import PARAGRAPH_AFTER, PARAGRAPH_BEFORE, RULE_FAMILIES, clean, sandwich

from cleaners.bylines import byline_authors
from cleaners.registry import Removal
from cleaners.syndication import syndication_source

ROWS = json.loads((Path(__file__).parent / "data" / "wordings.json").read_text(encoding="utf-8"))["rows"]
PARAGRAPHS = (PARAGRAPH_BEFORE, PARAGRAPH_AFTER)

REMOVED = [pytest.param(r["line"], r["language"], r["cleaner"], id=r["id"]) for r in ROWS if r.get("cleaner")]
GAPS = [
    pytest.param(
        r["line"],
        r["language"],
        id=r["id"],
        marks=pytest.mark.xfail(reason="a form the families do not read yet", strict=True),
    )
    for r in ROWS
    if "cleaner" in r and r["cleaner"] is None
]
KEPT = [pytest.param(r["line"], r["language"], id=r["id"]) for r in ROWS if "cleaner" not in r]


def test_the_table_covers_every_kind_in_every_language() -> None:
    kinds = {(r["language"], r["kind"]) for r in ROWS if r.get("cleaner")}
    languages = {r["language"] for r in ROWS}
    assert len(languages) == 30
    assert {(lang, kind) for lang in languages for kind in ("syndication", "comments", "dates", "affiliate")} <= kinds


@pytest.mark.parametrize(("line", "language", "cleaner"), REMOVED)
def test_the_line_is_removed_by_its_cleaner(line: str, language: str, cleaner: str) -> None:
    kept, removals = clean(sandwich(line, PARAGRAPHS), language)
    assert removals == (Removal(cleaner, "text", line),)
    assert kept == PARAGRAPHS


@pytest.mark.parametrize(("line", "language"), KEPT)
def test_the_article_sentence_stays(line: str, language: str) -> None:
    kept, removals = clean(sandwich(line, PARAGRAPHS), language)
    assert removals == ()
    assert kept == (PARAGRAPH_BEFORE, line, PARAGRAPH_AFTER)


@pytest.mark.parametrize(("line", "language"), GAPS)
def test_known_gap(line: str, language: str) -> None:
    # the families alone: the note model, learnt from these very rows, would read them as it reads no new line
    kept, _removals = clean(sandwich(line, PARAGRAPHS), language, cleaners=RULE_FAMILIES)
    assert kept == PARAGRAPHS


# The publication a syndication note names, which becomes the article's `syndicated_from` (None: a note that
# names none, or a sentence that is no note).
SOURCES = {
    "licence-note-en": (
        "This article originally appeared on The Conversation and is republished under a Creative Commons licence.",
        "en",
        "The Conversation",
    ),
    "licence-note-da": (
        "Denne artikel er oprindeligt publiceret på The Conversation og genudgives under en Creative Commons-licens.",
        "da",
        "The Conversation",
    ),
    "after-a-translation-sentence": (
        "Übersetzung aus dem Englischen. Das Original ist im Magazin „The Atlantic“ erschienen.",
        "de",
        "The Atlantic",
    ),
    "closing-quote-lost-at-the-end": (
        "Перепечатано с разрешения редакции «Уральского рабочего»",
        "ru",
        "Уральского рабочего",
    ),
    "turkish-suffix-after-an-apostrophe": ("Bu yazı ilk olarak Cumhuriyet'te yayımlanmıştır.", "tr", "Cumhuriyet"),
    "hungarian-verb-after-the-name": ("A cikk eredetileg a Telex oldalán jelent meg.", "hu", "Telex"),
    "korean": ("이 기사는 한겨레에 처음 실렸습니다.", "ko", "한겨레"),
    "korean-quoted": ("이 기사는 「시사IN」에 실린 기사입니다.", "ko", "시사IN"),
    "japanese": ("この記事は東洋経済オンラインに掲載されたものです。", "ja", "東洋経済オンライン"),
    "japanese-with-permission": (
        "※この記事は「東洋経済オンライン」の許諾を得て転載しています。",
        "ja",
        "東洋経済オンライン",
    ),
    "hebrew-three-words": ("זוהי גרסה ערוכה של ראיון שפורסם במגזין סוף שבוע פלוס.", "he", "סוף שבוע פלוס"),
    "arabic-three-words": ("نُشر هذا المقال في الأصل على موقع سكاي نيوز عربية.", "ar", "سكاي نيوز عربية"),
    "near-hindi-a-day-before-the-name": ("यह रिपोर्ट सोमवार को द हिंदू में प्रकाशित हुई थी।", "hi", None),
    "chinese-account-name": ("本文转载自微信公众号「财经十一人」。", "zh", "财经十一人"),
    "the-authors-blog-names-none": ("本稿は筆者のブログに掲載した記事を加筆・修正したものです。", "ja", None),
    "a-later-lead-when-the-first-does-not-read": (
        "Artiklen er oversat fra engelsk og blev først bragt i The New York Times.",
        "da",
        "The New York Times",
    ),
    "partners-joined-by-a-conjunction": (
        "Saken er et samarbeid mellom NRK og Bergens Tidende.",
        "nb",
        "NRK og Bergens Tidende",
    ),
    "czech-name-capitalised-only-at-its-first-word": (
        "Přetištěno se svolením Přístavního zpravodaje.",
        "cs",
        "Přístavního zpravodaje",
    ),
    "an-apostrophe-inside-a-quoted-name": (
        "Вперше цей текст було опубліковано в «Карпатському кур’єрі».",
        "uk",
        "Карпатському кур’єрі",
    ),
    "near-czech-a-year-after-the-lead": ("Článek byl poprvé publikován v roce 2019 a vyvolal debatu.", "cs", None),
    # sentences of an article that begin as a note does, with a participle where a note has its verb
    "near-korean-cited-research": ("이 기사는 한겨레에 실린 연구를 인용했다.", "ko", None),
    "near-japanese-introduces-research": ("この記事は東洋経済オンラインに掲載された研究を紹介する。", "ja", None),
    "near-chinese-study-in-a-journal": ("本文发表于《自然》杂志的研究显示，气温上升。", "zh", None),
    "near-turkish-participle": (
        "İlk olarak Nature dergisinde yayımlanan çalışma, daha sonra çok daha geniş bir grupta tekrarlandı.",
        "tr",
        None,
    ),
}


@pytest.mark.parametrize(("line", "language", "source"), SOURCES.values(), ids=SOURCES.keys())
def test_the_publication_a_note_names(line: str, language: str, source: str | None) -> None:
    assert syndication_source(line, language) == source


# A byline and a date on one line, either way round: the names become authors.
BYLINES_WITH_DATES = {
    "byline-then-date": ("Von Anna Becker | 12. März 2024, 09:30 Uhr", "de", ("Anna Becker",)),
    "a-source-between": ("Por Mariana Souza, g1 RJ — 12/03/2024 09h30", "pt", ("Mariana Souza",)),
    "a-name-particle": ("Door Jan de Vries | 12 maart 2024, 09.30 uur", "nl", ("Jan de Vries",)),
    "cyrillic-name-after-a-label": ("Автор: Ирина Соколова | 12 марта 2024 в 09:30", "ru", ("Ирина Соколова",)),
    "date-then-a-name-alone": ("Julkaistu: 12.3.2024 | Matti Virtanen", "fi", ("Matti Virtanen",)),
    "greek-article-after-the-lead": (
        "Αναρτήθηκε στις 12 Μαρτίου 2024 από τη Μαρία Παπαδοπούλου",
        "el",
        ("Μαρία Παπαδοπούλου",),
    ),
    # a byline inside a timestamp's label: "Published by …", then the date
    "inside-a-timestamp": ("Published by Newsroom Staff on 12 March 2024", "en", ("Newsroom Staff",)),
    "es-inside-a-timestamp": ("Publicado por María López el 12 de marzo de 2024 a las 10:15", "es", ("María López",)),
    "de-inside-a-timestamp": ("Veröffentlicht von Max Muster am 12. März 2024", "de", ("Max Muster",)),
    "ro-inside-a-timestamp": ("Publicat de Ioana Popescu la 12 martie 2024, 10:15", "ro", ("Ioana Popescu",)),
    "a-user-name-in-lower-case": ("Posted by admin on March 3, 2024", "en", ()),
    "lower-case-by-then-a-weekday": ("by Jeff Foust Monday, November 18, 2019", "en", ("Jeff Foust",)),
}


@pytest.mark.parametrize(("line", "language", "names"), BYLINES_WITH_DATES.values(), ids=BYLINES_WITH_DATES.keys())
def test_a_byline_with_a_date_is_removed_and_gives_its_names(line: str, language: str, names: tuple[str, ...]) -> None:
    kept, removals = clean([line, *PARAGRAPHS], language)
    assert removals == (Removal("byline", "text", line),)
    assert kept == PARAGRAPHS
    assert byline_authors(line, language) == names


NOT_A_BYLINE_WITH_A_DATE = {
    "a-sentence-after-the-date": "Von Anna Becker | 12. März 2024 begann der Streik der Fährleute im Hafen.",
    "too-many-words-between": "Por Mariana Souza, repórter do jornal em São Paulo há dez anos — 12/03/2024",
    "a-lower-case-word-after-the-date": "Julkaistu: 12.3.2024 | lisätty kuvat",
}


@pytest.mark.parametrize("line", NOT_A_BYLINE_WITH_A_DATE.values(), ids=NOT_A_BYLINE_WITH_A_DATE.keys())
def test_a_line_that_only_looks_like_a_byline_with_a_date_stays(line: str) -> None:
    _kept, removals = clean([line, *PARAGRAPHS], None)
    assert [r.cleaner for r in removals if r.text == line] == []


# Sentences that begin as a timestamp with a byline inside it does, in the page's language.
NOT_A_BYLINE_IN_A_TIMESTAMP = {
    "en": ("Published by Penguin on 12 March 2024, the novel sold out within a week.", "en"),
    "es": ("Publicado por la editorial el 12 de marzo, el libro se agotó en una semana.", "es"),
    "de": ("Veröffentlicht von der Stadt am 12. März 2024, wurde der Plan sofort kritisiert.", "de"),
    "a-number-after-by": ("Posted by 300 residents on 12 March 2024", "en"),
}


@pytest.mark.parametrize(
    ("line", "language"), NOT_A_BYLINE_IN_A_TIMESTAMP.values(), ids=NOT_A_BYLINE_IN_A_TIMESTAMP.keys()
)
def test_a_sentence_that_begins_as_a_byline_in_a_timestamp_stays(line: str, language: str) -> None:
    kept, _removals = clean(sandwich(line, PARAGRAPHS), language)
    assert line in kept


# A time ago written with a number is a timestamp line by itself ("2 hours ago"), in any language.
TIMES_AGO = {
    "en": ("35 minutes ago", "en"),
    "de": ("vor 3 Stunden", "de"),
    "hu": ("35 perce", "hu"),
    "tr": ("2 saat önce güncellendi", "tr"),
    "ja": ("2時間前に更新", "ja"),
    "zh": ("35分钟前", "zh"),
    "ko-labelled": ("등록 : 35분 전", "ko"),
    "zh-labels-before-numbers-with-no-space": ("发布于2024年5月3日，更新于2024年5月4日 10:12", "zh"),
    "tr-case-endings-after-the-months": ("3 Mayıs'ta yayımlandı, 4 Mayıs'ta güncellendi", "tr"),
}


@pytest.mark.parametrize(("line", "language"), TIMES_AGO.values(), ids=TIMES_AGO.keys())
def test_a_time_ago_alone_is_a_timestamp(line: str, language: str) -> None:
    _kept, removals = clean(sandwich(line, PARAGRAPHS), language)
    assert removals == (Removal("timestamps", "text", line),)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("It happened 35 minutes ago, witnesses said.", id="in-a-sentence"),
        pytest.param("3 hours ago, the council voted to close the bridge.", id="at-the-start-of-a-sentence"),
    ],
)
def test_a_time_ago_in_a_sentence_stays(line: str) -> None:
    _kept, removals = clean(sandwich(line, PARAGRAPHS), "en")
    assert removals == ()


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("1 to 25", id="a-range"),
        pytest.param("$38 to $275", id="a-price-range"),
        pytest.param("Do 3 things before 9", id="a-short-heading"),
    ],
)
def test_short_words_that_are_weekdays_elsewhere_do_not_make_a_date(line: str) -> None:
    _kept, removals = clean(sandwich(line, PARAGRAPHS), "en")
    assert removals == ()


# A line of several sentences: a syndication note when one sentence is a note and the others are notes or short.
SENTENCES_OF_A_NOTE = {
    "a-short-sentence-after-the-note": (
        "Publicado originalmente pela Agência Pública. Leia a reportagem original.",
        "pt",
        True,
    ),
    "a-short-sentence-before-the-note": (
        "Z angličtiny přeložil Jan Novák. Původně vyšlo v magazínu The Atlantic.",
        "cs",
        True,
    ),
    "three-sentences": (
        "Oversatt fra engelsk. Originalartikkelen ble publisert i Financial Times. Les originalen her.",
        "nb",
        True,
    ),
    "a-clause-after-a-semicolon": (
        "Originally published at stateline.org on Jan. 9, 2024; reprinted by permission.",
        "en",
        True,
    ),
    "a-long-sentence-after-the-note": (
        "This story was first published by ProPublica. The council voted on Tuesday to close the old bridge "
        "to lorries after engineers found cracks in two of its piers.",
        "en",
        False,
    ),
    "no-note-among-short-sentences": ("It was a shock. Nobody saw it coming. The bridge is closed.", "en", False),
}


@pytest.mark.parametrize(("line", "language", "is_note"), SENTENCES_OF_A_NOTE.values(), ids=SENTENCES_OF_A_NOTE.keys())
def test_a_line_of_sentences_around_a_note(line: str, language: str, is_note: bool) -> None:
    _kept, removals = clean(sandwich(line, PARAGRAPHS), language)
    assert removals == ((Removal("syndication", "text", line),) if is_note else ())
