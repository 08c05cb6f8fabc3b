"""An article's header left in the text as one line of parts: a byline, a date, a reading time, a correspondent's
credit (`cleaners/byline_parts.py`). The lines are wordings of our own, in many of the languages the cleaners cover;
the near misses beside them are article lines that hold the same words, and stay. A reading time, a label of the
last edit or a dateline alone on its line is in the tables of `tests/test_text_cleaners.py`."""

from __future__ import annotations

import pytest
from text_stage import PARAGRAPH_AFTER, PARAGRAPH_BEFORE, clean

from cleaners.byline_parts import header_names
from cleaners.bylines import byline_authors
from cleaners.registry import Line, Removal
from cleaners.text_cleaners import timestamp_test

TEXT = [PARAGRAPH_BEFORE, PARAGRAPH_BEFORE + " Again.", PARAGRAPH_AFTER, PARAGRAPH_AFTER + " Again."]
"""A text whose middle a header line is put in: away from the edges, where a byline alone is not read."""

# A byline, a date and a reading time on one line: the names it gives.
HEADERS = [
    pytest.param("en", "By Harriet Collins | 6 min read", ("Harriet Collins",), id="en-byline-reading"),
    pytest.param("en", "Words: Tom Baxter · 12 June 2024 · 4 min read", ("Tom Baxter",), id="en-label-date-reading"),
    pytest.param("da", "Af Rasmus Holm · 7 min. læsning", ("Rasmus Holm",), id="da"),
    pytest.param("nb", "Av Kari Nordvik – 3 min lesetid", ("Kari Nordvik",), id="nb-dash"),
    pytest.param("sv", "Av Johan Ekberg | 5 min läsning", ("Johan Ekberg",), id="sv"),
    pytest.param("fi", "Teksti: Sanna Heikkinen · Lukuaika 6 min", ("Sanna Heikkinen",), id="fi"),
    pytest.param("cs", "Autorka: Lucie Dvořáková · 3 minuty čtení", ("Lucie Dvořáková",), id="cs"),
    pytest.param("sk", "Autor: Martin Kováč | čítanie na 7 minút", ("Martin Kováč",), id="sk"),
    pytest.param("pl", "Autor: Marek Zieliński · Czas czytania: 8 min", ("Marek Zieliński",), id="pl"),
    pytest.param("hr", "Autorica: Petra Babić | 6 min čitanja", ("Petra Babić",), id="hr"),
    pytest.param("ro", "de Mihai Ionescu · 7 minute de citit", ("Mihai Ionescu",), id="ro"),
    pytest.param("fr", "Par Claire Morel | 5 min de lecture", ("Claire Morel",), id="fr"),
    pytest.param("es", "Por Andrés Molina Ruiz | 9 min de lectura", ("Andrés Molina Ruiz",), id="es"),
    pytest.param("pt", "Por Beatriz Lopes — 6 min de leitura", ("Beatriz Lopes",), id="pt"),
    pytest.param("it", "di Paolo Ricci | Tempo di lettura: 5 minuti", ("Paolo Ricci",), id="it"),
    pytest.param("nl", "Door Pieter van Dam · 4 minuten leestijd", ("Pieter van Dam",), id="nl-particle"),
    pytest.param("de", "Text: Katrin Vogel · Lesezeit 4 Minuten", ("Katrin Vogel",), id="de"),
    pytest.param("el", "Του Νίκου Αλεξίου | 6 λεπτά ανάγνωση", ("Νίκου Αλεξίου",), id="el-genitive"),
    pytest.param("tr", "Mert Aydın | 9 Nisan 2024 | Okuma süresi: 7 dk", ("Mert Aydın",), id="tr-bare-name"),
    pytest.param("hu", "Tóth Eszter | 2024. április 9. | 6 perc olvasás", ("Tóth Eszter",), id="hu-bare-name"),
    pytest.param("ru", "Ирина Соколова, 3 марта 2024 · Читать 6 минут", ("Ирина Соколова",), id="ru-name-comma-date"),
    pytest.param("uk", "Автор: Тарас Мельник · 4 хв читання", ("Тарас Мельник",), id="uk"),
    pytest.param("bg", "Автор: Иван Стоянов | 6 мин. за четене", ("Иван Стоянов",), id="bg"),
    pytest.param("vi", "Tác giả: Lê Minh Tuấn · 5 phút đọc", ("Lê Minh Tuấn",), id="vi"),
    pytest.param(
        "id",
        "Penulis: Andi Saputra | Editor: Rina Wulandari | 5 menit baca",
        ("Andi Saputra", "Rina Wulandari"),
        id="id-two-labels",
    ),
    pytest.param("ar", "بقلم: سارة الخطيب | مدة القراءة: 6 دقائق", ("سارة الخطيب",), id="ar-caseless-name"),
    pytest.param("he", "מאת נועה לוי | 5 דקות קריאה", ("נועה לוי",), id="he"),
    pytest.param("hi", "लेखक: अमित शर्मा | पढ़ने का समय: 6 मिनट", ("अमित शर्मा",), id="hi"),
    pytest.param("zh", "作者：陈静 | 阅读约 7 分钟", ("陈静",), id="zh"),
    pytest.param("ko", "2024.05.02 · 읽는 시간 6분", (), id="ko-date-and-reading-time"),
    pytest.param("ko", "박서연 | 읽는 시간 4분", (), id="ko-a-caseless-name-alone-is-no-author"),
    # a dateline and a correspondent's credit (``correspondent_label``), with a name or without one
    pytest.param(
        "de", "Lübeck, 3.06.2024 – von unserer Korrespondentin Maren Lüders", ("Maren Lüders",), id="de-correspondent"
    ),
    pytest.param("nl", "Van onze correspondent · Zwolle · 4 juni 2024", (), id="nl-correspondent-place-date"),
    pytest.param("hu", "Szolnok, 2024. június 4. – Saját tudósítónktól", (), id="hu-correspondent"),
    pytest.param(
        "ru", "ТВЕРЬ, 4 июня — корреспондент «Тверской недели» Олег Малов", ("Олег Малов",), id="ru-correspondent"
    ),
    pytest.param(
        "uk", "Полтава, 4 червня — власкор «Полтавщини» Олена Гребінь", ("Олена Гребінь",), id="uk-correspondent"
    ),
    pytest.param("el", "ΠΑΤΡΑ, 4 Ιουνίου – Της ανταποκρίτριας μας", (), id="el-correspondent"),
    pytest.param("vi", "Huế, ngày 4/6 – Phóng viên Minh Châu", ("Minh Châu",), id="vi-correspondent"),
    pytest.param(
        "pl",
        "Gdynia, 4 czerwca 2024 – od naszego korespondenta Piotra Wolnego",
        ("Piotra Wolnego",),
        id="pl-correspondent",
    ),
    pytest.param("en", "From our correspondent in Lagos · 4 June 2024", (), id="en-correspondent"),
]


@pytest.mark.parametrize(("language", "line", "names"), HEADERS)
def test_a_header_line_goes_wherever_it_stands_and_names_its_authors(
    language: str, line: str, names: tuple[str, ...]
) -> None:
    lines = [*TEXT[:2], line, *TEXT[2:]]
    kept, removals = clean(lines, language)
    assert kept == tuple(TEXT)
    assert removals == (Removal("byline", "text", line),)
    assert byline_authors(line, language) == names


# Lines with a header's parts that are not a header: every part must be a byline, a name, a date or a reading
# time, and one a reading time or a labelled name.
NOT_HEADERS = [
    pytest.param("en", "Arsenal – Chelsea | 12 May 2024", id="a-fixture-has-no-byline"),
    pytest.param("en", "Manchester United – Leeds United | 12 May 2024", id="two-names-and-a-date"),
    pytest.param("es", "Por la tarde | 4 de mayo de 2024", id="a-lead-word-without-a-name"),
    pytest.param("en", "By Jane Doe – a teacher for twelve years | 6 min read", id="a-clause-after-the-name"),
    pytest.param("es", "por Dios | 5 min de lectura", id="a-lead-without-a-colon-needs-a-name-of-two-words"),
    pytest.param("en", "| By Jane Doe | 6 min read |", id="a-table-row"),
    pytest.param("en", "Harbour | ferries | 6 min read", id="a-word-in-lower-case"),
    pytest.param(
        "de", "Kiel, 14.05.2024 – von unserem Korrespondenten erfuhr die Polizei nichts", id="a-clause-after-a-credit"
    ),
]


@pytest.mark.parametrize(("language", "line"), NOT_HEADERS)
def test_a_line_of_other_parts_is_no_header(language: str, line: str) -> None:
    is_timestamp = timestamp_test(language)
    assert header_names(line, language, lambda text: is_timestamp(Line.of(text))) is None


# Article sentences with a header's words, in the middle of a text: they stay.
SENTENCES = [
    pytest.param("en", "By the time the ferry docked at 6 pm, the queue of cars stretched back to the harbour gate."),
    pytest.param("da", "Af de 40 elever i klassen valgte 12 at læse videre, og læsning fylder mere i skemaet i år."),
    pytest.param("fi", "Lukuaika kirjastossa pidennettiin tänä syksynä kahdella tunnilla, kertoi kirjaston johtaja."),
    pytest.param("tr", "Okuma süresi uzayan öğrenciler için 20 dakikalık ek bir ders saati planlandı, dedi müdür."),
    pytest.param("hu", "A vizsgán 90 perc olvasási idő jár a diákoknak, közölte az oktatási hivatal szóvivője."),
    pytest.param("zh", "作者：这位老师在2024年出版的新书中，用了整整一章讨论阅读时间与成绩的关系。"),
]


@pytest.mark.parametrize(("language", "line"), SENTENCES)
def test_a_sentence_with_a_headers_words_stays(language: str, line: str) -> None:
    lines = [*TEXT[:2], line, *TEXT[2:]]
    kept, removals = clean(lines, language)
    assert removals == ()
    assert kept == tuple(lines)
