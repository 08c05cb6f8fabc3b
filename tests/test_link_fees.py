"""The fees the page's links may earn the site (`cleaners/link_fees.py`), read by what the note names in every
language: the links, a fee, buying and the site itself. The notes and the sentences are wordings of our own."""

from __future__ import annotations

import pytest
from text_stage import PARAGRAPH_AFTER, PARAGRAPH_BEFORE, clean, sandwich

from cleaners.link_fees import link_fee_notes
from cleaners.prefilter import fold

PARAGRAPHS = (PARAGRAPH_BEFORE, PARAGRAPH_AFTER)

NOTES = [
    pytest.param("en", "If you buy something through the links on this page, we may earn a small commission.", id="en"),
    pytest.param(
        "en",
        "Some of the links in this guide are affiliate links: we get a small fee when you shop through them.",
        id="en-2",
    ),
    pytest.param(
        "el",
        "Κάποιοι σύνδεσμοι της σελίδας είναι συνεργατικοί· αν αγοράσετε μέσω αυτών, κερδίζουμε μια μικρή προμήθεια.",
        id="el",
    ),
    pytest.param("ar", "تحتوي هذه الصفحة على روابط تسويق بالعمولة، وقد نحصل على عمولة إذا اشتريت عبرها.", id="ar"),
    pytest.param(
        "pt", "Este site pode receber uma comissão pelas compras feitas através dos links desta página.", id="pt"
    ),
    pytest.param(
        "ru", "Некоторые ссылки в материале партнёрские: если вы купите товар, мы получим небольшой процент.", id="ru"
    ),
    pytest.param(
        "id",
        "Sebagian tautan di artikel ini adalah tautan afiliasi; kami bisa mendapat komisi kecil dari pembelian Anda.",
        id="id",
    ),
    pytest.param(
        "uk", "Деякі посилання в матеріалі партнерські: з ваших покупок ми отримуємо невелику винагороду.", id="uk"
    ),
    pytest.param("de", "Wenn Sie über Links auf dieser Seite einkaufen, erhalten wir eine kleine Provision.", id="de"),
    pytest.param(
        "fr", "Si vous achetez via les liens de cette page, nous pouvons toucher une petite commission.", id="fr"
    ),
    pytest.param(
        "es", "Si compras a través de los enlaces de esta página, podemos recibir una pequeña comisión.", id="es"
    ),
    pytest.param(
        "it", "Se acquisti tramite i link di questa pagina, potremmo ricevere una piccola commissione.", id="it"
    ),
    pytest.param("nl", "Als je iets koopt via de links op deze pagina, ontvangen wij een kleine vergoeding.", id="nl"),
    pytest.param("pl", "Jeśli kupisz coś przez linki w tym artykule, otrzymamy niewielką prowizję.", id="pl"),
    pytest.param("sv", "Om du köper via länkarna i artikeln kan vi få provision.", id="sv"),
    pytest.param("da", "Hvis du køber via links i artiklen, kan vi få en provision.", id="da"),
    pytest.param("nb", "Hvis du kjøper via lenkene i saken, kan vi få provisjon.", id="nb"),
    pytest.param("cs", "Pokud nakoupíte přes odkazy v článku, můžeme získat provizi.", id="cs"),
    pytest.param("sk", "Ak nakúpite cez odkazy v článku, môžeme získať províziu.", id="sk"),
    pytest.param("ro", "Dacă cumpărați prin linkurile din articol, putem primi un mic comision.", id="ro"),
    pytest.param("fi", "Jos ostat artikkelin linkkien kautta, saatamme saada palkkion.", id="fi"),
    pytest.param("hu", "Ha a cikkben lévő linkeken keresztül vásárolsz, jutalékot kaphatunk.", id="hu"),
    pytest.param("tr", "Bu sayfadaki bağlantılardan alışveriş yaparsanız bir komisyon alabiliriz.", id="tr"),
    pytest.param("hr", "Ako kupite putem poveznica u članku, možemo dobiti proviziju.", id="hr"),
    pytest.param("bg", "Ако купите чрез връзките в статията, може да получим комисионна.", id="bg"),
    pytest.param("vi", "Nếu bạn mua hàng qua các liên kết trong bài, chúng tôi có thể nhận hoa hồng.", id="vi"),
    pytest.param("he", "אם תרכשו דרך הקישורים בכתבה, אנו עשויים לקבל עמלה.", id="he"),
    pytest.param("hi", "यदि आप इस पेज के लिंक से खरीदारी करते हैं, तो हमें कमीशन मिल सकता है।", id="hi"),
    pytest.param("ja", "この記事のリンクから購入されると、当サイトに報酬が支払われることがあります。", id="ja"),
    pytest.param("ko", "이 기사의 링크를 통해 구매하시면 저희가 수수료를 받을 수 있습니다.", id="ko"),
    pytest.param("zh", "通过本文链接购买商品，本站可能获得佣金。", id="zh"),
    pytest.param(
        "en",
        "Some links here are affiliate links. If you buy through them, we may get a small share of the sale.",
        id="en-two-sentences",
    ),
]

# News of links, commissions and purchases that names no site of its own, or reports what was said.
NEWS = [
    pytest.param(
        "en", "The commission found links between the company and a shell firm that bought votes.", id="en-body"
    ),
    pytest.param(
        "en",
        "Amazon pays a small commission to sites whose links lead shoppers to buy, the lawsuit alleges.",
        id="en-speech",
    ),
    pytest.param(
        "en", "Amazon pays a small commission to sites whose links lead shoppers to buy products.", id="en-no-site"
    ),
    pytest.param(
        "en",
        "Our reporters found links between the commission and firms that sold fuel at inflated prices.",
        id="en-our",
    ),
    pytest.param("zh", "如果通过本文提到的可疑链接购买商品，骗子可能从中收取佣金。", id="zh-scammers"),
    pytest.param("de", "Die Kommission sieht Links zwischen den Käufen und einer Provision für Vermittler.", id="de"),
    pytest.param(
        "es", "La comisión investiga los enlaces entre la empresa y las compras de material sanitario.", id="es-body"
    ),
]


def test_a_paragraph_is_no_note() -> None:
    note = "If you buy through links on this page, we may earn a small commission."
    long = f"{note} " + "The shop was closed for a week while the owners repaired the roof. " * 3
    assert link_fee_notes([note, long], [fold(note), fold(long)], "en") == [0]


@pytest.mark.parametrize(("language", "line"), NOTES)
def test_a_note_of_link_fees_is_an_affiliate_note(language: str, line: str) -> None:
    kept, removals = clean(sandwich(line, PARAGRAPHS), language)
    assert kept == PARAGRAPHS
    assert [(r.cleaner, r.text) for r in removals] == [("affiliate-notes", line)]


@pytest.mark.parametrize(("language", "line"), NEWS)
def test_news_of_links_and_commissions_stays(language: str, line: str) -> None:
    kept, removals = clean(sandwich(line, PARAGRAPHS), language)
    assert removals == ()
    assert kept == (PARAGRAPH_BEFORE, line, PARAGRAPH_AFTER)
