"""A host's gift the writer discloses (`cleaners/hosted.py`), read by its form in every language: the trip, the
products or the writer first, then who paid, gave or invited. The notes and the sentences are wordings of our own;
the affiliate rows of the wordings table hold more."""

from __future__ import annotations

import pytest
from text_stage import PARAGRAPH_AFTER, PARAGRAPH_BEFORE, clean, sandwich

from cleaners.hosted import is_hosted_disclosure

PARAGRAPHS = (PARAGRAPH_BEFORE, PARAGRAPH_AFTER)

DISCLOSURES = [
    pytest.param("en", "Our reporter's flights and hotel were paid for by the Alpine Rail Alliance.", id="en-writer"),
    pytest.param("en", "Review samples were sent to us free of charge by the maker.", id="en-samples"),
    pytest.param("fr", "Les produits testés nous ont été prêtés gracieusement par la marque.", id="fr-products"),
    pytest.param("de", "Hinweis: Flug und Hotel hat der Veranstalter übernommen.", id="de-label"),
    pytest.param("es", "Los vuelos y el alojamiento fueron pagados por la oficina de turismo de la isla.", id="es"),
    pytest.param("pt", "A viagem foi custeada pela companhia aérea, que não reviu o texto.", id="pt"),
    pytest.param("it", "Il viaggio è stato offerto dall'ente del turismo regionale.", id="it"),
    pytest.param("sv", "Resan till mässan betalades av tillverkaren.", id="sv"),
    pytest.param("da", "Flybilletter og hotel blev betalt af rederiet.", id="da"),
    pytest.param("nb", "Testbilen ble utlånt av importøren i to uker.", id="nb-test-car"),
    pytest.param("pl", "Przelot i nocleg opłacił organizator targów.", id="pl"),
    pytest.param("cs", "Cestu a ubytování redakci uhradila cestovní kancelář.", id="cs"),
    pytest.param("sk", "Letenky a ubytovanie redakcii poskytla cestovná kancelária.", id="sk"),
    pytest.param("ru", "Поездку журналиста оплатила авиакомпания.", id="ru"),
    pytest.param("uk", "Продукти для тесту редакція отримала безкоштовно від виробника.", id="uk-products"),
    pytest.param("bg", "Пътуването на автора е за сметка на туроператора.", id="bg"),
    pytest.param("hr", "Smještaj i let platila je turistička zajednica.", id="hr"),
    pytest.param("ro", "Zborul și cazarea au fost plătite de agenția de turism.", id="ro"),
    pytest.param("tr", "Seyahat masrafları tur şirketi tarafından karşılanmıştır.", id="tr"),
    pytest.param("fi", "Matkan kustansi kaupungin matkailutoimisto.", id="fi"),
    pytest.param("hu", "Az utazás költségeit a légitársaság fizette.", id="hu"),
    pytest.param("el", "Το ταξίδι πραγματοποιήθηκε με πρόσκληση του ξενοδοχείου.", id="el"),
    pytest.param("id", "Biaya perjalanan penulis ditanggung oleh maskapai.", id="id"),
    pytest.param("vi", "Vé máy bay và chỗ ở của phóng viên được hãng lữ hành chi trả.", id="vi"),
    pytest.param("hi", "इस यात्रा का खर्च पर्यटन बोर्ड ने वहन किया।", id="hi"),
    pytest.param("ar", "تكفّلت شركة الطيران بتكاليف سفر الكاتب وإقامته.", id="ar-verb-first"),
    pytest.param("he", "הטיסה והלינה מומנו על ידי משרד התיירות.", id="he"),
    pytest.param("ja", "※本記事の取材旅費はメーカーが負担しています。", id="ja-mark"),
    pytest.param("ko", "※ 이 기사의 취재 경비는 관광청이 부담했습니다.", id="ko"),
    pytest.param("zh", "本文作者的机票和住宿由航空公司提供。", id="zh-writer"),
    pytest.param("en", "The maker lent us the e-bike for two weeks.", id="en-lent-to-us"),
    pytest.param("fr", "Le robot testé nous a été prêté par le fabricant.", id="fr-lent-to-us"),
    pytest.param("de", "Die Bohrmaschine hat uns der Hersteller kostenlos überlassen.", id="de-lent-to-us"),
    pytest.param("sv", "Resan bekostades av arrangören; vi bestämde själva vad vi skrev.", id="sv-clause"),
    pytest.param("ko", "※ 이번 시승은 제조사의 초청으로 이뤄졌습니다.", id="ko-test-drive"),
    pytest.param("zh", "本次试驾由厂商邀请并承担费用。", id="zh-test-drive"),
]

NEWS = [
    pytest.param(
        "zh", "记者从市教育局获悉，今年全市小学生可免费乘坐公交车上学，新规下月起实施。", id="zh-reporter-learned"
    ),
    pytest.param(
        "vi",
        "Phóng viên được mời dự họp báo nhưng không được phép đặt câu hỏi cho lãnh đạo sở.",
        id="vi-reporter-invited",
    ),
    pytest.param(
        "en", "The senator's trip to Taiwan was paid for by a foreign lobby group, records show.", id="en-whose"
    ),
    pytest.param(
        "en", "The trip was made at the invitation of the Prime Minister of India.", id="en-head-of-government"
    ),
    pytest.param("en", "The club's travel to the final was paid for by its main sponsor.", id="en-club"),
    pytest.param(
        "en",
        "Travel costs for the school choir were covered by parents and a bake sale that raised £4,000 in two weekends.",
        id="en-long",
    ),
    pytest.param(
        "en",
        "Products worth millions were donated by local firms to the flood victims, the council said.",
        id="en-said",
    ),
    pytest.param("en", "The minister paid for the trip herself after the invitation was withdrawn.", id="en-not-first"),
    pytest.param("de", "Die Reise des Kanzlers nach Peking wurde von der Regierung bezahlt.", id="de-chancellor"),
    pytest.param("fr", "Le voyage du président en Chine a été financé par l'État.", id="fr-president"),
    pytest.param("pl", "Wyjazd odbył się na zaproszenie premiera Japonii.", id="pl-prime-minister"),
    pytest.param("ru", "Поездку делегации оплатило правительство региона.", id="ru-government"),
    pytest.param("ja", "旅費は政府が負担したと報じられた。", id="ja-reported"),
    pytest.param("zh", "总统此次出访的行程由政府安排并承担费用。", id="zh-president"),
    pytest.param("en", "The airline offered us a refund after the flight was cancelled.", id="en-offered-us"),
    pytest.param("en", "The carmaker offered us no comment on the recall.", id="en-no-comment"),
    # whose trip it was, or who received the gift: news of a school, a charity, a rescue
    pytest.param("en", "Products provided by the food bank reached 300 families last month.", id="en-food-bank"),
    pytest.param("en", "Flights were provided free of charge to evacuate the stranded tourists.", id="en-evacuation"),
    pytest.param("en", "The trip was funded by the school's parents' association.", id="en-school-trip"),
    pytest.param("de", "Die Reise der Schüler wurde vom Förderverein bezahlt.", id="de-pupils"),
    pytest.param("fr", "Les produits ont été offerts par des commerçants du quartier aux sinistrés.", id="fr-victims"),
    pytest.param("nl", "De reis van de leerlingen werd betaald door de ouderraad.", id="nl-pupils"),
    pytest.param("pl", "Wyjazd uczniów sfinansowała gmina.", id="pl-pupils"),
    pytest.param("ru", "Поездку школьников оплатила администрация района.", id="ru-pupils"),
    pytest.param("it", "Il viaggio degli studenti è stato pagato dal comune.", id="it-students"),
    pytest.param("es", "Los vuelos de repatriación fueron pagados por el Estado.", id="es-repatriation"),
    # free, said of what no writer received; and a word of one language that is another's ("lent", slow)
    pytest.param("en", "The trip is free for residents over 65.", id="en-free-for-residents"),
    pytest.param("id", "Perjalanan ke sana gratis bagi warga.", id="id-free-for-residents"),
    pytest.param("fr", "Le voyage est lent et coûteux.", id="fr-an-english-word"),
    # a verb of giving that also says what a trip or a product does or costs
    pytest.param("en", "The journey covered 1,200 kilometres in four days.", id="en-covered-a-distance"),
    pytest.param("en", "The trip provided a rare glimpse of the country's north.", id="en-provided-a-glimpse"),
    pytest.param("de", "Die Reise ermöglicht Einblicke in den Alltag der Fischer.", id="de-allows"),
    pytest.param("fi", "Matka maksaa noin 200 euroa.", id="fi-costs"),
    pytest.param("hu", "Az utazás költsége 200 euró.", id="hu-costs"),
    pytest.param("tr", "Seyahat güvenliği jandarma tarafından sağlanacak.", id="tr-ensured"),
    pytest.param("it", "Il prodotto in prova è una lavatrice da otto chili.", id="it-under-test"),
    pytest.param("bg", "Пътуването с платформата отнема два часа.", id="bg-platform"),
    pytest.param("ar", "رحلة فريق كرة القدم إلى القاهرة تستغرق يومين.", id="ar-football"),
]


def test_a_paragraph_is_no_disclosure() -> None:
    note = "The trip was paid for by the organiser."
    assert is_hosted_disclosure(note, "en")
    assert not is_hosted_disclosure(f"{note} " + "It rained every day of the week we spent there. " * 3, "en")


# A review copy, code or key, or the items reviewed, that a host provided: the host's name ends the sentence.
REVIEW_COPIES = [
    pytest.param("en", "Review copy supplied by the publisher.", id="review-en"),
    pytest.param("en", "Preview build provided by the developer.", id="review-en-preview"),
    pytest.param("fr", "Clé de test fournie par l'éditeur.", id="review-fr"),
    pytest.param("de", "Das Rezensionsexemplar wurde uns vom Verlag zur Verfügung gestellt.", id="review-de"),
    pytest.param("es", "Código de análisis cedido por el distribuidor.", id="review-es"),
    pytest.param("pt", "Código para análise fornecido pela distribuidora.", id="review-pt"),
    pytest.param("it", "Copia per la recensione fornita dal distributore.", id="review-it"),
    pytest.param("nl", "De besproken spellen werden ter beschikking gesteld door de uitgever.", id="review-nl-items"),
    pytest.param("sv", "Recensionskoden har tillhandahållits av förlaget.", id="review-sv"),
    pytest.param("da", "Anmelderkoden er stillet til rådighed af udgiveren.", id="review-da"),
    pytest.param("fi", "Arvostelukoodi saatu maahantuojalta.", id="review-fi"),
    pytest.param("pl", "Klucz do recenzji otrzymaliśmy od dystrybutora.", id="review-pl"),
    pytest.param("cs", "Recenzní klíč poskytl vydavatel.", id="review-cs"),
    pytest.param("sk", "Recenzný kód poskytol distribútor.", id="review-sk"),
    pytest.param("hr", "Recenzijski ključ ustupio je izdavač.", id="review-hr"),
    pytest.param("ro", "Cheia pentru recenzie a fost oferită de editor.", id="review-ro"),
    pytest.param("ru", "Ключ для обзора предоставлен издателем.", id="review-ru"),
    pytest.param("uk", "Код для огляду надав дистриб'ютор.", id="review-uk"),
    pytest.param("bg", "Ключът за ревю е предоставен от издателя.", id="review-bg"),
    pytest.param("id", "Kode ulasan disediakan oleh penerbit.", id="review-id"),
    pytest.param("vi", "Mã game để đánh giá do nhà phân phối cung cấp.", id="review-vi"),
    pytest.param("he", "קוד לביקורת סופק על ידי המפיץ.", id="review-he"),
    pytest.param("ar", "تم توفير رمز المراجعة من قبل الموزع.", id="review-ar-verb-first"),
    pytest.param("ja", "レビュー用のキーはメーカーより提供を受けました。", id="review-ja"),
    pytest.param("zh", "评测所用样机由厂商提供。", id="review-zh"),
]


# Copies and tested items in news: more follows the one who provided them.
REVIEW_NEWS = [
    pytest.param("en", "Review copies of the report were provided by the ministry to journalists on Monday.", id="en"),
    pytest.param(
        "en", "Press copies of the budget were provided by the Treasury an hour before the speech.", id="en-press"
    ),
    pytest.param("en", "The games tested by the lab were provided by the police after the raid.", id="en-items"),
    pytest.param(
        "en", "Test versions of the app were supplied by the developer to a small group of teachers.", id="en-to"
    ),
    pytest.param(
        "fr", "Les livres présentés au salon ont été offerts par des éditeurs locaux à la bibliothèque.", id="fr"
    ),
    pytest.param(
        "de", "Die besprochenen Bücher wurden vom Verlag an alle Schulen des Landkreises verschickt.", id="de"
    ),
]


@pytest.mark.parametrize(("language", "line"), DISCLOSURES + REVIEW_COPIES)
def test_a_hosts_gift_is_an_affiliate_note(language: str, line: str) -> None:
    kept, removals = clean(sandwich(line, PARAGRAPHS), language)
    assert kept == PARAGRAPHS
    assert [(r.cleaner, r.text) for r in removals] == [("affiliate-notes", line)]


@pytest.mark.parametrize(("language", "line"), NEWS + REVIEW_NEWS)
def test_news_of_a_paid_trip_stays(language: str, line: str) -> None:
    assert not is_hosted_disclosure(line, language)
    kept, removals = clean(sandwich(line, PARAGRAPHS), language)
    assert removals == ()
    assert kept == (PARAGRAPH_BEFORE, line, PARAGRAPH_AFTER)
