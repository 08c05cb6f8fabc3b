"""`syndication_source`: the publication a syndication note names, over data tables.

The notes are wordings of our own; the generated table combines subjects, verbs, prepositions,
publication names and tails that no pattern was written from, in every language of the rule tables.
"""

from __future__ import annotations

import itertools

import pytest
from text_stage import clean

from cleaners.prefilter import fold
from cleaners.registry import Removal
from cleaners.syndication import _LICENCE, _LICENCE_LITERALS, syndication_source

PARAGRAPH = (
    "The regional council voted on Tuesday evening to close the old harbour bridge to heavy lorries after "
    "engineers found deep cracks in two of its stone piers during a routine inspection carried out last month."
)

SOURCES = [
    pytest.param("This story was originally published by Tidewater Press.", "Tidewater Press", id="by-name"),
    pytest.param("Originally published on harbourwatch.net.", "harbourwatch.net", id="host-name-trailing-dot"),
    pytest.param(
        "This column first appeared in the Valley Courier under a Creative Commons licence. Read the original article.",
        "the Valley Courier",
        id="licence-and-read-the-original",
    ),
    pytest.param(
        "This story was produced by Harbour Lab and distributed by Newswire Partners.", "Harbour Lab", id="produced-by"
    ),
    pytest.param(
        "Reprinted with permission from Inside Campus Weekly. Subscribe to their Friday newsletter to read stories "
        "like this first.",
        "Inside Campus Weekly",
        id="note-and-a-promotion",
    ),
    pytest.param(
        "This post first appeared on Riverbank Daily, a nonprofit newsroom covering the estuary.",
        "Riverbank Daily",
        id="appositive",
    ),
    pytest.param("First published by Tidewater Press on 3 May 2024.", "Tidewater Press", id="date-tail"),
    pytest.param("Reprinted with permission from *The Lakeside Gazette*.", "The Lakeside Gazette", id="emphasis"),
    pytest.param("Cet article a été publié initialement sur le site Exemple Info.", "Exemple Info", id="fr-le-site"),
    pytest.param("Une version de cet article est parue dans L'Écho des Ports.", "L'Écho des Ports", id="fr-elision"),
    pytest.param("Dieser Beitrag ist zuerst bei der Hafenzeitung erschienen.", "der Hafenzeitung", id="de-erschienen"),
    pytest.param("Este artículo se publicó originalmente en Diario del Puerto.", "Diario del Puerto", id="es"),
    pytest.param("Este artigo foi publicado originalmente no Jornal do Porto.", "Jornal do Porto", id="pt"),
    pytest.param("Esta reportagem foi publicada originalmente na Folha Litoral.", "Folha Litoral", id="pt-feminine"),
    pytest.param("Esta entrevista fue publicada originalmente en Radio Costera.", "Radio Costera", id="es-feminine"),
    pytest.param("Questa intervista è stata pubblicata su Radio Porto.", "Radio Porto", id="it-feminine"),
    pytest.param("Cette chronique a été initialement publiée dans Le Phare.", "Le Phare", id="fr-feminine"),
    pytest.param(
        "Questo articolo è apparso originariamente sul Corriere della Costa.", "Corriere della Costa", id="it"
    ),
    pytest.param("Dit artikel verscheen eerder op Kustkrant.nl.", "Kustkrant.nl", id="nl-verscheen"),
    pytest.param("Dit interview is eerder bij Radio Haven verschenen.", "Radio Haven", id="nl-verschenen"),
    pytest.param(
        "Dit artikel verscheen eerder in De Havenkoerier en is met toestemming overgenomen.",
        "De Havenkoerier",
        id="nl-met-toestemming-overgenomen",
    ),
    pytest.param(
        'Artikel ini telah tayang di Kabarpesisir.com dengan judul "Jembatan Pelabuhan Ditutup".',
        "Kabarpesisir.com",
        id="id-telah-tayang",
    ),
    pytest.param("Berita ini sudah dimuat di situs Warta Bahari.", "Warta Bahari", id="id-situs"),
    pytest.param("Статья впервые опубликована на сайте «Портовый вестник».", "Портовый вестник", id="ru-na-sajte"),
    pytest.param("Artykuł został pierwotnie opublikowany w serwisie Port24.", "Port24", id="pl-w-serwisie"),
    pytest.param("Artikeln publicerades först i Hamnbladet.", "Hamnbladet", id="sv-forst-i"),
    pytest.param("This article first appeared in “the harbour weekly”.", "the harbour weekly", id="quoted-lower-case"),
    # A distributor's credit, a pointer to the rest at the source, a note adapted with permission.
    pytest.param("Distributed by Tribune Content Agency, LLC.", "Tribune Content Agency", id="distributed-by"),
    pytest.param("Syndicated by Creators Syndicate.", "Creators Syndicate", id="syndicated-by"),
    pytest.param("Read more at The Harbour Weekly.", "The Harbour Weekly", id="read-more-at"),
    pytest.param("Continue reading at The Harbour Weekly.", "The Harbour Weekly", id="continue-reading-at"),
    pytest.param("Adapted with permission from The Harbour Weekly.", "The Harbour Weekly", id="adapted-permission"),
    # A note enclosed whole in brackets names its publication as it does without them.
    pytest.param("(Reprinted with permission from The Harbour Weekly.)", "The Harbour Weekly", id="in-brackets"),
    pytest.param("[Dieser Artikel erschien zuerst im Hafenkurier.]", "Hafenkurier", id="in-square-brackets"),
    # A note that names no publication, and lines that are no note.
    pytest.param(
        "This story first appeared in “Boats, bridges and the sea”, a collection.", None, id="quoted-words-no-name"
    ),
    pytest.param("Republished with permission.", None, id="names-none"),
    pytest.param("This article first appeared in our print edition.", None, id="our-print-edition"),
    pytest.param("First published on Tue 3 May 2024 10.12 BST", None, id="a-date-is-no-publication"),
    pytest.param("This study first appeared in the Lancet and caused an outcry.", None, id="article-sentence"),
    pytest.param("Originally published in 1887, the novel is set in the harbour town.", None, id="year-and-comma"),
    pytest.param("Sign up for our newsletter", None, id="not-a-note"),
]


@pytest.mark.parametrize(("line", "expected"), SOURCES)
def test_syndication_source(line: str, expected: str | None) -> None:
    assert syndication_source(line) == expected


def test_the_language_given_picks_its_wordings() -> None:
    note = "Dieser Text erschien ursprünglich im Hafenkurier."
    assert syndication_source(note, "de") == "Hafenkurier"
    assert syndication_source(note, "fr") is None


# Generated notes: subject × verb and preposition × publication × tail, per language.
SUBJECTS = {
    "en": ["This article", "This story", "This essay", "A version of this post"],
    "fr": ["Cet article", "Ce texte", "Ce reportage"],
    "de": ["Dieser Artikel", "Dieser Beitrag", "Dieser Text"],
    "es": ["Este artículo", "Este texto", "Este reportaje"],
    "pt": ["Este artigo", "Este texto", "Este ensaio"],
    "it": ["Questo articolo", "Questo testo", "Questo post"],
}
VERBS = {
    "en": ["was originally published on", "first appeared in", "originally ran in", "has been republished from"],
    "fr": ["a été initialement publié dans", "est paru d'abord sur", "a été republié à partir de"],
    "de": ["erschien zuerst bei", "erschien ursprünglich auf", "erschien im Original bei"],
    "es": ["fue publicado originalmente en", "se publicó por primera vez en", "apareció originalmente en"],
    "pt": ["foi publicado originalmente no", "foi publicado inicialmente pelo", "foi republicado do"],
    "it": ["è stato pubblicato originariamente su", "è apparso per la prima volta su", "fu pubblicato su"],
}
NAMES = ["Tidewater Press", "harbourwatch.net", "Northern Ledger Weekly"]
TAILS = {
    "en": ["", ".", ". Read the original article.", " under a Creative Commons licence.", " on 9 October 2023."],
    "fr": ["", ".", " sous licence Creative Commons. Lire l'article original."],
    "de": ["", ".", " unter einer Creative-Commons-Lizenz.", ". Lesen Sie den Originalartikel."],
    "es": ["", ".", " bajo licencia Creative Commons. Lea el original."],
    "pt": ["", ".", " sob uma licença Creative Commons. Leia o artigo original."],
    "it": ["", ".", " con licenza Creative Commons. Leggi l'articolo originale."],
}
GENERATED = [
    pytest.param(f"{subject} {verb} {name}{tail}", language, name, id=f"{language}-{s}{v}{n}{t}")
    for language in SUBJECTS
    for (s, subject), (v, verb), (n, name), (t, tail) in itertools.product(
        enumerate(SUBJECTS[language]), enumerate(VERBS[language]), enumerate(NAMES), enumerate(TAILS[language])
    )
]


@pytest.mark.parametrize(("line", "language", "name"), GENERATED)
def test_generated_note_is_removed_and_names_its_publication(line: str, language: str, name: str) -> None:
    kept, removals = clean([PARAGRAPH, line, PARAGRAPH], language, title=None)
    assert removals == (Removal("syndication", "text", line),)
    assert kept == (PARAGRAPH, PARAGRAPH)
    assert syndication_source(line, language) == name


# A line that states a Creative Commons licence and ends with the publication's name is a licence note whatever
# its wording; a sentence that only mentions such a licence goes on after it, and stays.
LICENCE_NOTES = [
    pytest.param(
        "en", "We run this piece under a Creative Commons licence from Tidewater Press.", "Tidewater Press", id="en"
    ),
    pytest.param(
        "de",
        "Wir übernehmen diesen Beitrag unter einer Creative-Commons-Lizenz vom Portal „Hafenkurier“.",
        "Hafenkurier",
        id="de-quoted",
    ),
    pytest.param(
        "sk",
        "Materiál používame na základe licencie Creative Commons od webu „Prístavné noviny“.",
        "Prístavné noviny",
        id="sk-quoted",
    ),
    pytest.param(
        "pl",
        "Tekst udostępniamy na licencji Creative Commons dzięki uprzejmości serwisu portowy24.pl",
        "portowy24.pl",
        id="pl-host-name",
    ),
    pytest.param("he", 'הכתבה מתפרסמת כאן ברישיון Creative Commons של "חדשות הנמל".', "חדשות הנמל", id="he-quoted"),
    pytest.param(
        "en",
        "The agency released the photos under a Creative Commons licence so that schools could use them freely.",
        None,
        id="near-en",
    ),
    pytest.param(
        "de",
        "Die Universität stellt ihre Daten seit Montag unter einer Creative-Commons-Lizenz zur Verfügung.",
        None,
        id="near-de",
    ),
    pytest.param(
        "fr", "Le musée a placé ses images sous licence Creative Commons, a annoncé sa directrice.", None, id="near-fr"
    ),
    pytest.param(
        "en", "We run this piece under a CC BY-ND 4.0 licence from Tidewater Press.", "Tidewater Press", id="en-cc-by"
    ),
    pytest.param(
        "en",
        "We run this piece under a CREATIVE COMMONS licence from Tidewater Press.",
        "Tidewater Press",
        id="en-capitals",
    ),
]


@pytest.mark.parametrize(
    "licence",
    ["Creative Commons", "creative-commons", "CREATIVE COMMONS", "CREATIVE COMMONſ", "CC BY", "cc-by", "Cc By"],
)
def test_every_spelling_of_a_licence_holds_one_of_its_literals(licence: str) -> None:
    text = f"Published under a {licence} 4.0 licence by Tidewater Press."
    assert _LICENCE.search(text)
    assert any(literal in fold(text) for literal in _LICENCE_LITERALS)


@pytest.mark.parametrize(("language", "line", "name"), LICENCE_NOTES)
def test_a_licence_note_ending_with_a_name_is_a_note(language: str, line: str, name: str | None) -> None:
    _kept, removals = clean([PARAGRAPH, line, PARAGRAPH], language, title=None)
    assert removals == ((Removal("syndication", "text", line),) if name else ())
    assert syndication_source(line, language) == name


# A publication's name after a note's lead with a word that says what it is, before it or after it, an apposition
# that names a place or body, or a second publication after "and"; each fails on the code before names were read so.
DESCRIBED = [
    pytest.param(
        "en",
        "Reprinted with permission from the Harbourside Institute newsroom.",
        "Harbourside Institute",
        id="en-after",
    ),
    pytest.param("en", "First published in the weekly Harbour Post.", "Harbour Post", id="en-before"),
    pytest.param("en", "First published by the Harbour Post, London.", "Harbour Post", id="en-apposition"),
    pytest.param("nl", "Dit artikel verscheen eerder in vakblad Havenkoerier.", "Havenkoerier", id="nl"),
    pytest.param("nl", "Overgenomen met toestemming van de gemeente Havenstad.", "Havenstad", id="nl-article"),
    pytest.param("sv", "Artikeln publicerades först i medlemstidningen Hamnbladet.", "Hamnbladet", id="sv"),
    pytest.param("da", "Artiklen blev oprindeligt bragt i medlemsbladet Havnebladet.", "Havnebladet", id="da"),
    pytest.param("id", "Artikel ini pertama kali terbit di buletin Warta Bahari.", "Warta Bahari", id="id"),
    pytest.param(
        "it", "Questo articolo è apparso originariamente sul bollettino Voce del Porto.", "Voce del Porto", id="it"
    ),
    pytest.param("pl", "Artykuł został pierwotnie opublikowany w biuletynie Głos Portu.", "Głos Portu", id="pl"),
    pytest.param("fr", "Cet article a été publié initialement dans le bulletin Le Phare.", "Le Phare", id="fr"),
    pytest.param("pt", "Este artigo foi publicado originalmente no boletim Farol do Porto.", "Farol do Porto", id="pt"),
    pytest.param("ro", "Articolul a fost publicat inițial în buletinul Vocea Portului.", "Vocea Portului", id="ro"),
    pytest.param(
        "es",
        "Este reportaje forma parte de una colaboración entre Radio Puerto y el pódcast Onda Abierta.",
        "Radio Puerto",
        id="es-two-publications",
    ),
]


# A note naming the issue of a periodical it first appeared in, whatever words say which issue, before the name, or
# after it by its number or its month.
ISSUES = [
    pytest.param(
        "en",
        "This article first appeared in the winter issue of Harbour Quarterly.",
        "Harbour Quarterly",
        id="issue-en",
    ),
    pytest.param(
        "fr",
        "Cet article a été publié initialement dans le numéro de mars de Terres Boréales.",
        "Terres Boréales",
        id="issue-fr",
    ),
    pytest.param(
        "es",
        "Este artículo se publicó originalmente en el número de otoño de la revista Ola Abierta.",
        "Ola Abierta",
        id="issue-es",
    ),
    pytest.param(
        "pt",
        "Este artigo foi publicado originalmente na edição de inverno da revista Horizonte Azul.",
        "Horizonte Azul",
        id="issue-pt",
    ),
    pytest.param(
        "it",
        "Questo articolo è stato pubblicato originariamente nel numero di aprile di Vento Nuovo.",
        "Vento Nuovo",
        id="issue-it",
    ),
    pytest.param("nl", "Dit artikel verscheen eerder in het winternummer van Kustlicht.", "Kustlicht", id="issue-nl"),
    pytest.param(
        "sv", "Artikeln publicerades ursprungligen i vårnumret av tidningen Fjärden.", "Fjärden", id="issue-sv"
    ),
    pytest.param(
        "da", "Artiklen blev oprindeligt bragt i efterårsnummeret af magasinet Kyststien.", "Kyststien", id="issue-da"
    ),
    pytest.param(
        "nb", "Artikkelen ble først publisert i sommernummeret av magasinet Fjordlys.", "Fjordlys", id="issue-nb"
    ),
    pytest.param(
        "pl", "Artykuł ukazał się pierwotnie w kwietniowym numerze miesięcznika Przystań.", "Przystań", id="issue-pl"
    ),
    pytest.param("cs", "Článek původně vyšel v dubnovém čísle časopisu Přístav.", "Přístav", id="issue-cs"),
    pytest.param("sk", "Článok pôvodne vyšiel v aprílovom čísle časopisu Prístav.", "Prístav", id="issue-sk"),
    pytest.param("ro", "Articolul a apărut inițial în numărul din aprilie al revistei Farul.", "Farul", id="issue-ro"),
    pytest.param(
        "hr", "Članak je izvorno objavljen u travanjskom broju časopisa Svjetionik.", "Svjetionik", id="issue-hr"
    ),
    pytest.param("ru", "Материал впервые опубликован в апрельском номере журнала «Маяк».", "Маяк", id="issue-ru"),
    pytest.param("bg", "Статията е публикувана първоначално в априлския брой на списание „Фар“.", "Фар", id="issue-bg"),
    pytest.param(
        "el", "Το άρθρο δημοσιεύθηκε αρχικά στο ανοιξιάτικο τεύχος του περιοδικού «Φάρος».", "Φάρος", id="issue-el"
    ),
    pytest.param("he", 'הכתבה פורסמה לראשונה בגיליון החורף של המגזין "מגדלור".', "מגדלור", id="issue-he"),
    pytest.param("id", "Artikel ini pertama kali terbit di edisi April majalah Mercusuar.", "Mercusuar", id="issue-id"),
    pytest.param(
        "en",
        "Originally published by Harbour Quarterly magazine, May 2025 issue.",
        "Harbour Quarterly",
        id="issue-en-after",
    ),
    pytest.param(
        "fr",
        "Article paru dans l'édition papier de Terres Boréales, n° 88, juin 2025.",
        "Terres Boréales",
        id="issue-fr-number-after",
    ),
    pytest.param(
        "de",
        "Ursprünglich veröffentlicht im Hafenblatt Nordsee, Ausgabe 3/2025.",
        "Hafenblatt Nordsee",
        id="issue-de-after",
    ),
    pytest.param(
        "pt",
        "Texto originalmente publicado na edição impressa da Gazeta do Porto, n.º 512.",
        "Gazeta do Porto",
        id="issue-pt-number-with-a-dot",
    ),
    pytest.param(
        "es",
        "Este reportaje se publicó originalmente en la revista Puerto Norte, n.º 87.",
        "Puerto Norte",
        id="issue-es-dot",
    ),
    pytest.param(
        "nl",
        "Eerder gepubliceerd in de printeditie van Kustlicht, nummer 4/2025.",
        "Kustlicht",
        id="issue-nl-number-after",
    ),
    pytest.param(
        "sv", "Tidigare publicerad i papperstidningen Fjärden, nummer 3 2025.", "Fjärden", id="issue-sv-after"
    ),
    pytest.param(
        "en",
        "This review originally ran in issue 214 of Continue Magazine and appears here with the publisher's "
        "permission.",
        "Continue Magazine",
        id="issue-by-number-and-permission-en",
    ),
]


# A note that names only the author (or the editors) as the one who gave leave to publish.
AUTHOR_NOTES = [
    pytest.param("nl", "Overgenomen met toestemming van de auteur.", id="nl"),
    pytest.param("sv", "Publiceras med tillstånd av författaren.", id="sv"),
    pytest.param("da", "Gengivet med tilladelse fra forfatteren.", id="da"),
    pytest.param("nb", "Gjengitt med tillatelse fra forfatteren og forlaget.", id="nb"),
    pytest.param("cs", "Přetištěno se svolením autora.", id="cs"),
    pytest.param("ro", "Republicat cu acordul autorului.", id="ro"),
    pytest.param("fr", "Article republié avec l'autorisation de l'auteur.", id="fr"),
    pytest.param("es", "Reproducido con autorización del autor.", id="es"),
    pytest.param("pt", "Reproduzido com autorização do autor.", id="pt"),
    pytest.param("it", "Riprodotto per gentile concessione dell'autore.", id="it"),
    pytest.param("de", "Mit freundlicher Genehmigung des Autors.", id="de"),
    pytest.param("el", "Αναδημοσίευση με την άδεια του συγγραφέα.", id="el"),
]


# Notes that the text comes from a podcast's episode: the newsroom's own podcast, or the text said to be drawn from one.
PODCAST_NOTES = [
    pytest.param(
        "en",
        "This piece is an edited transcript of episode 42 of our science podcast, Lab Notes.",
        id="podcast-en-ours",
    ),
    pytest.param("en", "Adapted from an episode of the Harbour Lights podcast.", id="podcast-en-adapted"),
    pytest.param("en", "The interview was first aired on the Long Table podcast in May.", id="podcast-en-aired"),
    pytest.param("fr", "Ce texte est adapté d'un épisode de notre podcast Sous la loupe.", id="podcast-fr"),
    pytest.param(
        "de", "Der Beitrag basiert auf einer Folge unseres Wissenschaftspodcasts Laborfunk.", id="podcast-de-compound"
    ),
    pytest.param(
        "es", "Esta entrevista es una versión editada de un episodio de nuestro podcast Sin Filtro.", id="podcast-es"
    ),
    pytest.param("pt", "Este texto foi adaptado de um episódio do nosso podcast Fora da Caixa.", id="podcast-pt"),
    pytest.param(
        "it", "Questo articolo è tratto da una puntata del nostro podcast settimanale Controluce.", id="podcast-it"
    ),
    pytest.param("nl", "Dit artikel is gebaseerd op een aflevering van onze podcast Onder de Loep.", id="podcast-nl"),
    pytest.param("sv", "Texten bygger på ett avsnitt av vår podd Vetenskapsradion Extra.", id="podcast-sv"),
    pytest.param("da", "Teksten er en redigeret udgave af et afsnit af vores podcast Bag Nyhederne.", id="podcast-da"),
    pytest.param(
        "nb", "Teksten er en forkortet versjon av en episode av podkasten vår, Bak Nyhetene.", id="podcast-nb-after"
    ),
    pytest.param("fi", "Juttu perustuu Tiedetunti-podcastimme jaksoon.", id="podcast-fi-suffix"),
    pytest.param("pl", "Tekst jest zapisem rozmowy z naszego podcastu Trzecie Ucho.", id="podcast-pl"),
    pytest.param("cs", "Článek vychází z rozhovoru v našem podcastu Ve stínu.", id="podcast-cs"),
    pytest.param("ru", "Этот текст — сокращённая версия выпуска нашего подкаста «Наука за чашкой».", id="podcast-ru"),
    pytest.param("tr", "Bu yazı, podcast\u2019imizin son bölümünden uyarlanmıştır.", id="podcast-tr-suffix"),
    pytest.param("he", "הטקסט מבוסס על פרק בפודקאסט שלנו, מדע בקטנה.", id="podcast-he"),
    pytest.param("ja", "※この記事は当社のポッドキャスト番組の内容をもとに再構成しました。", id="podcast-ja"),
]


# Notes that the text is an excerpt of a book, or adapted from one: the word for a book and its title.
BOOK_NOTES = [
    pytest.param("en", "Adapted from Jane Doe's book The Long Road, published by Harbour Press.", id="book-en-adapted"),
    pytest.param("en", "Excerpt from The Long Road, by Jane Doe (Harbour Press, $28).", id="book-en-price"),
    pytest.param(
        "en", "This excerpt is from The Long Road by Jane Doe, out now from Harbour Press.", id="book-en-this"
    ),
    pytest.param(
        "en", "Jane Doe is the author of The Long Road, from which this essay is adapted.", id="book-en-which"
    ),
    pytest.param(
        "de", "Auszug aus dem Buch „Der lange Weg“ von Anna Becker, erschienen im Hafen Verlag.", id="book-de"
    ),
    pytest.param("de", "Vorabdruck aus „Der lange Weg“, das am 3. Mai im Hafen Verlag erscheint.", id="book-de-pre"),
    pytest.param(
        "fr", "Extrait du livre « Le long chemin » de Jeanne Dupont, paru aux éditions du Port.", id="book-fr"
    ),
    pytest.param(
        "fr", "Ce texte est extrait de « Le long chemin », publié chez Éditions du Port.", id="book-fr-quoted"
    ),
    pytest.param("es", "Fragmento del libro «El largo camino», de Juana Pérez (Editorial Puerto).", id="book-es"),
    pytest.param("it", "Estratto dal libro «La lunga strada» di Anna Rossi, edito da Porto Editore.", id="book-it"),
    pytest.param("pt", 'Trecho do livro "O longo caminho", de Ana Souza, publicado pela Editora Porto.', id="book-pt"),
    pytest.param(
        "nl", "Fragment uit het boek 'De lange weg' van Anna de Vries, uitgegeven bij Havenpers.", id="book-nl"
    ),
    pytest.param("sv", 'Utdrag ur boken "Den långa vägen" av Anna Berg, utgiven på Hamnförlaget.', id="book-sv"),
    pytest.param("da", 'Uddrag af bogen "Den lange vej" af Anna Holm, udgivet på Havneforlaget.', id="book-da"),
    pytest.param("nb", "Utdrag fra boken «Den lange veien» av Anna Berg, utgitt på Havneforlaget.", id="book-nb"),
    pytest.param("pl", "Fragment książki „Długa droga” Anny Nowak, wydanej przez Wydawnictwo Port.", id="book-pl"),
    pytest.param(
        "cs", "Úryvek z knihy Dlouhá cesta od Anny Novákové, kterou vydalo nakladatelství Přístav.", id="book-cs"
    ),
]


@pytest.mark.parametrize(("language", "line"), AUTHOR_NOTES + PODCAST_NOTES + BOOK_NOTES)
def test_a_note_naming_no_publication_is_a_note(language: str, line: str) -> None:
    _kept, removals = clean([PARAGRAPH, line, PARAGRAPH], language, title=None)
    assert removals == (Removal("syndication", "text", line),)
    assert syndication_source(line, language) is None


# Article sentences that open as such notes do and go on with a clause: they stay.
NEAR_NOTES = [
    # a distributor or a place to read more in a sentence
    pytest.param("en", "Distributed by Netflix, the film opens on Friday.", id="en-distributed-clause"),
    pytest.param("en", "Read more at the library, the mayor urged residents.", id="en-read-more-clause"),
    # a book named in a sentence, or no title after the word for a book
    pytest.param("en", "An excerpt from the book The Long Road was read aloud at the trial.", id="en-book-read"),
    pytest.param("en", "Adapted from the novel Dune, the film was released by Warner as a box set.", id="en-book-film"),
    pytest.param("en", "Adapted from a 1950s novel, the film follows a fisherman's widow.", id="en-book-no-title"),
    pytest.param(
        "en", "Excerpted from The Long Road by Jane Doe, the scene shows the harbour in 1950.", id="en-book-clause"
    ),
    pytest.param("de", "Ein Auszug aus dem Buch „Der lange Weg“ wurde im Prozess verlesen.", id="de-book-read"),
    pytest.param("de", "Auszüge aus dem Buch las die Autorin am Abend im Rathaus vor.", id="de-book-no-title"),
    pytest.param("fr", "Un extrait du livre « Le long chemin » a été lu au procès.", id="fr-book-read"),
    pytest.param("es", "Un fragmento del libro «El largo camino» fue leído en el juicio.", id="es-book-read"),
    # a note, then a long sentence that is no promotion
    pytest.param(
        "en",
        "Reprinted with permission from Inside Campus Weekly. The weekly has covered the university since 1921 and "
        "won three awards.",
        id="note-and-a-long-sentence",
    ),
    # a clause after the comma, whose words come to a publication's kind only later: the sentence goes on
    pytest.param(
        "es", "Publicado originalmente en El País, el texto fue citado por el portal Infobae.", id="es-clause-portal"
    ),
    pytest.param(
        "pt",
        "Publicado originalmente na Folha, o texto foi citado pelo portal G1 na manhã de segunda-feira.",
        id="pt-clause-portal",
    ),
    pytest.param(
        "en", "The podcast's latest episode was downloaded a million times in its first week.", id="en-podcast"
    ),
    pytest.param(
        "en", "This story was first reported by the hosts of a true-crime podcast in 2019.", id="en-podcast-story"
    ),
    pytest.param(
        "en", "Our podcast host said the show would return in March after a short break.", id="en-podcast-said"
    ),
    pytest.param("en", "How do I grow my podcast without spending money on advertising?", id="en-my-podcast"),
    pytest.param(
        "fr", "Le podcast, lancé en 2019, compte désormais deux millions d'auditeurs par mois.", id="fr-podcast"
    ),
    pytest.param(
        "de", "Ein Podcast über den Klimawandel hat in diesem Jahr den Grimme-Preis gewonnen.", id="de-podcast"
    ),
    pytest.param("en", "First published in The Lancet, the study found no link between the two.", id="en-apposition"),
    pytest.param("en", "Courtesy of the Smithsonian, the exhibit opens Monday at the Met.", id="en-date-word"),
    pytest.param(
        "en", "This report was written in partnership with scientists from Oxford University.", id="en-people"
    ),
    pytest.param("es", "Este artículo se publicó originalmente en marzo y provocó una gran polémica.", id="es-clause"),
    pytest.param("nl", "Dit artikel verscheen eerder in het voorjaar en leidde tot Kamervragen.", id="nl-clause"),
    pytest.param(
        "nl",
        "Met toestemming van de auteur publiceren wij de brief van de burgemeester, waarin hij zijn ontslag "
        "aankondigt.",
        id="nl-author",
    ),
    pytest.param(
        "sv",
        "Med tillstånd av författaren publicerar vi borgmästarens brev, där han meddelar sin avgång.",
        id="sv-author",
    ),
    pytest.param(
        "it",
        "Per gentile concessione dell'autore pubblichiamo la lettera del sindaco, in cui annuncia le dimissioni.",
        id="it-author",
    ),
    pytest.param(
        "de",
        "Mit freundlicher Genehmigung des Autors veröffentlichen wir den Brief des Bürgermeisters, in dem er seinen "
        "Rücktritt erklärt.",
        id="de-author",
    ),
    pytest.param(
        "cs", "Se svolením autora zveřejňujeme dopis starosty, v němž oznamuje svou rezignaci.", id="cs-author"
    ),
    pytest.param("tr", "Yazarın izniyle yayımlanan mektupta belediye başkanı istifasını duyurdu.", id="tr-author"),
    pytest.param(
        "en",
        "This article first appeared in the spring issue of Harbour Quarterly and won a regional award.",
        id="en-issue-clause",
    ),
    pytest.param(
        "fr",
        "Cet article a été publié dans le numéro de mars de notre revue, qui a cessé de paraître depuis.",
        id="fr-issue-clause",
    ),
]


# A note that the text is based on a press release, and whose it is: the issuer is the source named.
PRESS_RELEASES = [
    pytest.param(
        "en", "Adapted from a press release issued by Harbour Valley College.", "Harbour Valley College", id="press-en"
    ),
    pytest.param(
        "en", "Source: news release from the Northfield Water Board", "Northfield Water Board", id="press-en-label"
    ),
    pytest.param(
        "fr", "D'après un communiqué de presse de l'Université de Rouen", "Université de Rouen", id="press-fr"
    ),
    pytest.param(
        "es",
        "Con información de una nota de prensa de la Universidad de Oviedo.",
        "Universidad de Oviedo",
        id="press-es",
    ),
    # a press release named as such before its issuer, as a label
    pytest.param("fr", "Communiqué de presse de la mairie de Lyon", "mairie de Lyon", id="label-fr"),
    pytest.param("fr", "Communiqué de la préfecture du Rhône", "préfecture du Rhône", id="label-fr-without-press"),
    pytest.param("es", "Nota de prensa de la Junta de Andalucía", "Junta de Andalucía", id="label-es"),
    pytest.param(
        "pt", "Comunicado de imprensa da Câmara Municipal do Porto", "Câmara Municipal do Porto", id="label-pt"
    ),
    pytest.param("it", "Comunicato stampa del Comune di Torino", "Comune di Torino", id="label-it"),
    pytest.param("de", "Pressemitteilung der Stadt Leipzig", "Stadt Leipzig", id="label-de"),
    pytest.param("nl", "Persbericht gemeente Utrecht", "gemeente Utrecht", id="label-nl-without-particle"),
    pytest.param("sv", "Pressmeddelande från Region Skåne", "Region Skåne", id="label-sv"),
    pytest.param("da", "Pressemeddelelse fra Aarhus Kommune", "Aarhus Kommune", id="label-da"),
    pytest.param("nb", "Pressemelding fra Oslo kommune", "Oslo kommune", id="label-nb"),
    pytest.param("pl", "Komunikat prasowy Urzędu Miasta Krakowa", "Urzędu Miasta Krakowa", id="label-pl"),
    pytest.param("cs", "Tisková zpráva Jihomoravského kraje", "Jihomoravského kraje", id="label-cs"),
    pytest.param("sk", "Tlačová správa Košického samosprávneho kraja", "Košického samosprávneho kraja", id="label-sk"),
    pytest.param("hr", "Priopćenje za medije Grada Zagreba", "Grada Zagreba", id="label-hr"),
    pytest.param("ro", "Comunicat de presă al Primăriei Cluj-Napoca", "Primăriei Cluj-Napoca", id="label-ro"),
    pytest.param("ru", "Пресс-служба правительства Москвы", "правительства Москвы", id="label-ru"),
    pytest.param("uk", "Пресслужба Львівської міської ради", "Львівської міської ради", id="label-uk"),
    pytest.param("fi", "Tiedote: Helsingin kaupunki", "Helsingin kaupunki", id="label-fi"),
    pytest.param(
        "hu", "Sajtóközlemény: Budapest Főváros Önkormányzata", "Budapest Főváros Önkormányzata", id="label-hu"
    ),
    pytest.param("tr", "Basın bülteni: İstanbul Valiliği", "İstanbul Valiliği", id="label-tr"),
    pytest.param("id", "Siaran pers Kementerian Kesehatan", "Kementerian Kesehatan", id="label-id"),
    pytest.param(
        "pt", "Com informações de um comunicado da Universidade do Minho.", "Universidade do Minho", id="press-pt"
    ),
    pytest.param("it", "Fonte: comunicato stampa dell'Università di Pavia", "Università di Pavia", id="press-it"),
    pytest.param("nl", "Op basis van een persbericht van de Hogeschool Zeeland", "Hogeschool Zeeland", id="press-nl"),
    pytest.param("de", "Nach einer Pressemitteilung der Hochschule Kiel.", "Hochschule Kiel", id="press-de"),
    pytest.param(
        "sv", "Baserat på ett pressmeddelande från Karolinska Institutet.", "Karolinska Institutet", id="press-sv"
    ),
    pytest.param(
        "da", "Baseret på en pressemeddelelse fra Roskilde Universitet", "Roskilde Universitet", id="press-da"
    ),
    pytest.param("nb", "Basert på en pressemelding fra NTNU.", "NTNU", id="press-nb"),
    pytest.param(
        "pl", "Na podstawie komunikatu prasowego Politechniki Gdańskiej.", "Politechniki Gdańskiej", id="press-pl"
    ),
    pytest.param("cs", "Zpracováno podle tiskové zprávy Masarykovy univerzity", "Masarykovy univerzity", id="press-cs"),
    pytest.param("sk", "Podľa tlačovej správy Žilinskej univerzity.", "Žilinskej univerzity", id="press-sk"),
    pytest.param("hr", "Prema priopćenju za medije Sveučilišta u Rijeci", "Sveučilišta u Rijeci", id="press-hr"),
    pytest.param(
        "ro",
        "Potrivit unui comunicat de presă al Universității din Craiova.",
        "Universității din Craiova",
        id="press-ro",
    ),
    pytest.param("ru", "По материалам пресс-службы «Уралвагонзавода»", "Уралвагонзавода", id="press-ru"),
    pytest.param("uk", "За матеріалами пресслужби «Укрзалізниці».", "Укрзалізниці", id="press-uk"),
    pytest.param("bg", "Според прессъобщение на Пловдивския университет.", "Пловдивския университет", id="press-bg"),
    pytest.param("el", "Πηγή: δελτίο τύπου του Πανεπιστημίου Κρήτης", "Πανεπιστημίου Κρήτης", id="press-el"),
    pytest.param("id", "Dikutip dari siaran pers resmi Universitas Airlangga.", "Universitas Airlangga", id="press-id"),
    pytest.param("vi", "Theo thông cáo báo chí của Vietjet Air.", "Vietjet Air", id="press-vi"),
    pytest.param("he", "לפי הודעה לעיתונות של אוניברסיטת חיפה", "אוניברסיטת חיפה", id="press-he"),
    pytest.param("ar", "نقلاً عن بيان صحفي صادر عن جامعة اليرموك", "جامعة اليرموك", id="press-ar"),
    # the issuer named with an organisation's common nouns in lower case (``organisation_word``)
    pytest.param(
        "en",
        "Adapted from a news release issued by the Westmoor University press office.",
        "Westmoor University press office",
        id="issuer-en",
    ),
    pytest.param(
        "it",
        "Dal comunicato dell'Ufficio Stampa dell'Università di Trento",
        "Ufficio Stampa dell'Università di Trento",
        id="issuer-it",
    ),
    pytest.param(
        "fr",
        "D'après un communiqué du service de presse de la Ville de Lyon",
        "service de presse de la Ville de Lyon",
        id="issuer-fr",
    ),
    pytest.param(
        "ru",
        "По материалам пресс-службы городской администрации Твери",
        "городской администрации Твери",
        id="issuer-ru",
    ),
    pytest.param(
        "bg",
        "Прессъобщение на Русенския университет „Ангел Кънчев“",
        "Русенския университет „Ангел Кънчев",
        id="issuer-bg",
    ),
    pytest.param("vi", "(Trích thông cáo báo chí của Đại học Cần Thơ)", "Đại học Cần Thơ", id="issuer-vi"),
    # the text named before the lead, with the verb that joins them (``self_subject``)
    pytest.param(
        "en",
        "This article is based on a press release from the University of Leeds.",
        "University of Leeds",
        id="self-en",
    ),
    pytest.param(
        "de", "Der Text basiert auf einer Pressemitteilung der Stadt Köln.", "Stadt Köln", id="self-de-basiert-auf"
    ),
    pytest.param(
        "fr",
        "Cet article est basé sur un communiqué de la préfecture de la Gironde.",
        "préfecture de la Gironde",
        id="self-fr",
    ),
    pytest.param(
        "es",
        "La nota está basada en un comunicado de la Universidad de Granada.",
        "Universidad de Granada",
        id="self-es",
    ),
    pytest.param(
        "pt",
        "Este texto foi baseado em um comunicado da Prefeitura de Curitiba.",
        "Prefeitura de Curitiba",
        id="self-pt",
    ),
    pytest.param(
        "it",
        "Questo articolo è basato su un comunicato stampa del Comune di Trento.",
        "Comune di Trento",
        id="self-it",
    ),
    pytest.param(
        "nl",
        "Deze tekst is gebaseerd op een persbericht van Hogeschool Windesheim.",
        "Hogeschool Windesheim",
        id="self-nl",
    ),
    pytest.param(
        "sv", "Artikeln bygger på ett pressmeddelande från Region Västerbotten.", "Region Västerbotten", id="self-sv"
    ),
    pytest.param(
        "da",
        "Teksten bygger på en pressemeddelelse fra Region Midtjylland.",
        "Region Midtjylland",
        id="self-da",
    ),
    pytest.param("nb", "Saken er basert på en pressemelding fra Norges Bank.", "Norges Bank", id="self-nb"),
    pytest.param(
        "pl",
        "Tekst powstał na podstawie komunikatu prasowego Politechniki Gdańskiej.",
        "Politechniki Gdańskiej",
        id="self-pl",
    ),
    pytest.param(
        "cs", "Článek vznikl na základě tiskové zprávy Univerzity Karlovy.", "Univerzity Karlovy", id="self-cs"
    ),
    pytest.param(
        "sk",
        "Text bol spracovaný na základe tlačovej správy Žilinskej univerzity.",
        "Žilinskej univerzity",
        id="self-sk",
    ),
    pytest.param(
        "ro",
        "Textul a fost realizat pe baza unui comunicat de presă al Primăriei Cluj-Napoca.",
        "Primăriei Cluj-Napoca",
        id="self-ro",
    ),
    pytest.param(
        "id",
        "Berita ini disusun berdasarkan siaran pers dari Universitas Gadjah Mada.",
        "Universitas Gadjah Mada",
        id="self-id",
    ),
    pytest.param(
        "ru",
        "Эта новость подготовлена по материалам пресс-службы Уральского федерального университета.",
        "Уральского федерального университета",
        id="self-ru",
    ),
    # a noun without its article ("Article", "Artikel"), where the lead would read it only after one
    pytest.param(
        "en", "Article first published in The Harbour Gazette.", "The Harbour Gazette", id="self-en-bare-noun"
    ),
    pytest.param("de", "Artikel zuerst erschienen in der Hafenzeitung.", "der Hafenzeitung", id="self-de-bare-noun"),
    pytest.param(
        "uk",
        "Новина підготовлена за матеріалами прес-служби Львівської міської ради.",
        "Львівської міської ради",
        id="self-uk",
    ),
]


# A sentence that reports what a press release said: a clause after the issuer.
NEAR_PRESS_RELEASES = [
    pytest.param(
        "en", "According to a press release from the college, enrolment rose by five per cent this autumn.", id="en"
    ),
    pytest.param(
        "en", "Based on a press release from the council, the bridge will stay closed until March.", id="en-based-on"
    ),
    pytest.param("fr", "Selon un communiqué de la mairie, les travaux sur le pont dureront encore six mois.", id="fr"),
    pytest.param("es", "Según un comunicado del ayuntamiento, las obras del puente terminarán en marzo.", id="es"),
    pytest.param("de", "Laut einer Pressemitteilung der Stadt bleibt die Brücke bis März gesperrt.", id="de"),
    pytest.param("pl", "Według komunikatu prasowego policji kierowca był trzeźwy i miał ważne prawo jazdy.", id="pl"),
    pytest.param("uk", "За інформацією поліції, водій був тверезий і мав чинне посвідчення.", id="uk"),
    pytest.param(
        "nl", "Volgens een persbericht van de gemeente blijft de brug tot maart gesloten voor verkeer.", id="nl"
    ),
    pytest.param("ru", "Согласно сообщению пресс-службы, мост будет закрыт до конца марта.", id="ru"),
    # a label of a release that goes on with what the release says
    pytest.param(
        "fr", "Communiqué de la préfecture : les routes seront fermées demain entre Lyon et Grenoble.", id="label-fr"
    ),
    pytest.param(
        "es", "Comunicado del Ayuntamiento de Sevilla sobre el corte de agua en Triana desde el lunes.", id="label-es"
    ),
    pytest.param("de", "Pressemitteilung der Stadt Leipzig kündigt neue Radwege im Süden an.", id="label-de"),
    pytest.param(
        "pl", "Komunikat prasowy Urzędu Miasta Krakowa wywołał falę krytyki wśród mieszkańców.", id="label-pl"
    ),
    pytest.param("cs", "Tisková zpráva Ministerstva zdravotnictví uvádí, že očkování začne v pondělí.", id="label-cs"),
    pytest.param("ru", "Пресс-служба правительства Москвы сообщила, что метро откроется в шесть утра.", id="label-ru"),
    pytest.param(
        "id", "Siaran pers Kementerian Kesehatan menyebutkan ada 12 kasus baru pada hari Senin.", id="label-id"
    ),
    # what follows the issuer is no organisation's word: the sentence goes on
    pytest.param("de", "Laut einer Pressemitteilung der Polizei Kiel wurde niemand verletzt.", id="de-issuer-verb"),
    pytest.param("it", "Dal comunicato della Regione emerge che i fondi sono stati spesi.", id="it-issuer-verb"),
    pytest.param("nl", "Volgens een persbericht van de gemeente Zwolle gaat de brug dicht.", id="nl-issuer-verb"),
    pytest.param(
        "ru", "По материалам пресс-службы городской администрации Твери был составлен план.", id="ru-issuer-verb"
    ),
    # the text named first, and a clause after the issuer
    pytest.param(
        "en",
        "Article 5 was first published in the Official Journal in 2019 and amended twice since.",
        id="en-bare-noun-of-a-law",
    ),
    pytest.param(
        "en",
        "This article is based on a press release from the ministry, which said 400 jobs would go.",
        id="en-self-clause",
    ),
    pytest.param(
        "en",
        "This report is based on a press release from the company and on interviews with six former employees.",
        id="en-self-and-more",
    ),
    pytest.param(
        "de",
        "Der Text basiert auf einer Pressemitteilung der Polizei Kiel und wurde am Montag aktualisiert.",
        id="de-self-clause",
    ),
    pytest.param(
        "es",
        "Esta información se basa en un comunicado de prensa del Ministerio de Sanidad que no detalla las cifras.",
        id="es-self-clause",
    ),
    pytest.param(
        "fr",
        "Cette information est tirée d'un communiqué de la préfecture qui précise que trois personnes ont été "
        "blessées.",
        id="fr-self-clause",
    ),
    pytest.param(
        "pt",
        "A notícia foi baseada em um comunicado da Polícia Militar divulgado na manhã desta segunda-feira.",
        id="pt-self-clause",
    ),
    pytest.param(
        "pl",
        "Informacja powstała na podstawie komunikatu prasowego policji, który opublikowano w poniedziałek rano.",
        id="pl-self-clause",
    ),
]


# A note that the text is based on a press release, where the issuer comes before the release and the verb ends
# the line (``press_release_after``).
ISSUER_FIRST = [
    pytest.param(
        "tr",
        "(Haber, Marmara Elektrik'in basın bülteninden derlenmiştir.)",
        "Marmara Elektrik",
        id="issuer-first-tr",
    ),
    pytest.param(
        "hu",
        "A hír a Debreceni Egyetem sajtóközleménye alapján készült.",
        "Debreceni Egyetem",
        id="issuer-first-hu",
    ),
    pytest.param(
        "hu", "A Pécsi Tudományegyetem sajtóközleménye alapján", "Pécsi Tudományegyetem", id="issuer-first-hu-label"
    ),
    pytest.param(
        "hi",
        "यह खबर पटना विश्वविद्यालय की प्रेस विज्ञप्ति पर आधारित है।",
        "पटना विश्वविद्यालय",
        id="issuer-first-hi",
    ),
    pytest.param("hi", "(यह खबर प्रेस विज्ञप्ति पर आधारित है।)", None, id="issuer-first-hi-unnamed"),
    pytest.param("ja", "※大阪大学の発表資料をもとに編集部が作成", "大阪大学", id="issuer-first-ja"),
    # the issuer and its release alone, as a label: no verb
    pytest.param("fi", "Helsingin kaupungin tiedote", "Helsingin kaupungin", id="issuer-first-fi-label"),
    pytest.param("hu", "A Miniszterelnökség sajtóközleménye", "Miniszterelnökség", id="issuer-first-hu-without-verb"),
    pytest.param(
        "tr", "Ankara Büyükşehir Belediyesi basın bülteni", "Ankara Büyükşehir Belediyesi", id="issuer-first-tr-label"
    ),
    pytest.param("hi", "स्वास्थ्य मंत्रालय की प्रेस विज्ञप्ति", "स्वास्थ्य मंत्रालय", id="issuer-first-hi-label"),
]

# A sentence that goes on after the release: no note.
NEAR_ISSUER_FIRST = [
    pytest.param("hu", "A rendőrség sajtóközleménye alapján a baleset hajnalban történt.", id="hu"),
    pytest.param("tr", "Bakanlığın basın açıklamasından derlenen bilgilere göre iki kişi yaralandı.", id="tr"),
    pytest.param("hi", "पुलिस की प्रेस विज्ञप्ति पर आधारित इस खबर में कई गलतियां थीं।", id="hi"),
    pytest.param("ja", "警察の発表をもとに作成された地図には誤りがあった。", id="ja"),
    pytest.param("fi", "Helsingin kaupungin tiedote kertoo, että uimahalli suljetaan kesäkuussa.", id="fi-label"),
    pytest.param(
        "hu", "A Miniszterelnökség sajtóközleménye szerint a tárgyalások jövő héten folytatódnak.", id="hu-label"
    ),
    pytest.param(
        "tr", "Ankara Büyükşehir Belediyesi basın bülteni yayımlayarak yolların kapanacağını duyurdu.", id="tr-label"
    ),
    pytest.param("hi", "स्वास्थ्य मंत्रालय की प्रेस विज्ञप्ति में कहा गया है कि 12 नए मामले सामने आए हैं।", id="hi-label"),
]

# The publication said again after a comma without an article (or with a possessive).
APPOSITIVES = [
    pytest.param(
        "pt",
        "Este texto foi publicado originalmente no Portal Respawn, parceiro do nosso site.",
        "Respawn",
        id="appositive-pt-without-article",
    ),
    pytest.param(
        "id", "Tulisan ini pertama kali dimuat di Balairung, pers mahasiswa UGM.", "Balairung", id="appositive-id"
    ),
    pytest.param(
        "it",
        "Questo articolo è stato pubblicato originariamente su Cinemaniaci, nostro partner.",
        "Cinemaniaci",
        id="appositive-it-possessive",
    ),
]

# A note that the text comes from a partner publication, named after the words for "our partner".
PARTNERS = [
    pytest.param(
        "en", "This story comes from our partners at the Riverside Gazette.", "the Riverside Gazette", id="partner-en"
    ),
    pytest.param("en", "Via our partner site Harbor Daily.", "Harbor Daily", id="partner-en-via"),
    pytest.param("fr", "Un article de notre partenaire La Voix du Nord.", "La Voix du Nord", id="partner-fr"),
    pytest.param("es", "Esta nota proviene de nuestro aliado El Espectador.", "El Espectador", id="partner-es"),
    pytest.param("pt", "Conteúdo do nosso parceiro Jornal do Commercio.", "Jornal do Commercio", id="partner-pt"),
    pytest.param("it", "Un articolo del nostro partner Il Fatto Quotidiano.", "Il Fatto Quotidiano", id="partner-it"),
    pytest.param(
        "de", "Ein Artikel unseres Kooperationspartners Tagesspiegel.", "Tagesspiegel", id="partner-de-genitive"
    ),
    pytest.param(
        "de",
        "Dieser Beitrag stammt von unserer Partnerzeitung Märkische Allgemeine.",
        "Märkische Allgemeine",
        id="partner-de",
    ),
    pytest.param("nl", "Dit bericht is afkomstig van onze partner Omroep Zeeland.", "Omroep Zeeland", id="partner-nl"),
    pytest.param("nb", "Saken er hentet fra vår samarbeidsavis Glåmdalen.", "Glåmdalen", id="partner-nb"),
    pytest.param("da", "Artiklen kommer fra vores samarbejdspartner Avisen Danmark.", "Danmark", id="partner-da"),
    pytest.param("pl", "Artykuł pochodzi od naszego partnera Gazeta Wrocławska.", "Gazeta Wrocławska", id="partner-pl"),
    pytest.param("cs", "Článek pochází od našeho partnera Deník N.", "Deník N", id="partner-cs"),
    pytest.param("hr", "Članak dolazi od našeg partnera Jutarnji list.", "Jutarnji list", id="partner-hr"),
    pytest.param("ru", "Материал нашего партнёра «Новая газета Европа».", "Новая газета Европа", id="partner-ru"),
    pytest.param("uk", "Матеріал нашого партнера «Українська правда».", "Українська правда", id="partner-uk"),
    pytest.param("bg", "Статия на нашия партньор „Капитал“.", "Капитал", id="partner-bg"),
    pytest.param("el", "Άρθρο του συνεργάτη μας Καθημερινή.", "Καθημερινή", id="partner-el"),
    pytest.param("fi", "Juttu on kumppanimme Helsingin Sanomien.", "Helsingin Sanomien", id="partner-fi"),
    pytest.param("tr", "Bu haber iş ortağımız Hürriyet'ten alınmıştır.", "Hürriyet", id="partner-tr"),
    pytest.param("vi", "Bài viết từ đối tác của chúng tôi báo Thanh Niên.", "Thanh Niên", id="partner-vi"),
]

# A note that the text first went out to a newsletter's subscribers, the newsletter named after the words.
NEWSLETTER_FIRST = [
    pytest.param(
        "en",
        "A version of this story first went out to subscribers of our Patch Notes newsletter.",
        "Patch Notes",
        id="newsletter-first-en",
    ),
    pytest.param(
        "en",
        "This story was originally sent to subscribers of the Morning Brief newsletter.",
        "Morning Brief",
        id="newsletter-sent-en",
    ),
]

# A sentence about a partner that is no publication, or that goes on after the partner's name: no note.
NEAR_PARTNERS = [
    pytest.param("en", "Our partner Siemens will build the new turbines, the mayor said.", id="partner-en"),
    pytest.param(
        "en", "From our partners at the university, we heard that the lab would close in June.", id="partner-en-clause"
    ),
    pytest.param(
        "en", "Via our partner network, more than 400 pharmacies will stock the test from Monday.", id="partner-en-via"
    ),
    pytest.param("fr", "Notre partenaire Airbus livrera les premiers appareils en mars.", id="partner-fr"),
    pytest.param("es", "Nuestro socio Telefónica invertirá 20 millones en la red.", id="partner-es"),
    pytest.param("de", "Von unserem Partner Siemens erwarten wir neue Aufträge.", id="partner-de"),
    pytest.param("nl", "Van onze partner Shell kregen we geen reactie.", id="partner-nl"),
    pytest.param("nb", "Vår samarbeidspartner Equinor skal bygge et nytt anlegg i Hammerfest.", id="partner-nb"),
    pytest.param("pl", "Od naszego partnera Orlen dostaliśmy ofertę na dostawy paliwa.", id="partner-pl"),
    pytest.param("ru", "Материал нашего партнёра показал, что цены выросли на 12 процентов.", id="partner-ru"),
    pytest.param("fi", "Kumppanimme Nokia avaa uuden tehtaan Ouluun ensi vuonna.", id="partner-fi"),
    pytest.param("tr", "İş ortağımız Arçelik yeni bir fabrika açacak.", id="partner-tr"),
    pytest.param(
        "en", "This story went to subscribers of the paper, who complained about the price rise.", id="newsletter-en"
    ),
    pytest.param(
        "en",
        "This article first appeared in The Atlantic and appears here with a new ending written by the author.",
        id="appears-here-without-permission-en",
    ),
]

# A note that the text appeared in a day's print edition, the date after the name or the edition.
PRINT_EDITIONS = [
    pytest.param("en", "A version of this article appeared in Tuesday's print edition.", None, id="print-en-day"),
    pytest.param(
        "it",
        "Questo articolo è uscito sul Corriere del Porto del 4 giugno.",
        "Corriere del Porto",
        id="print-it-date-after-the-name",
    ),
    pytest.param(
        "fr", "Cet article est paru dans notre édition papier du mardi 4 juin 2024.", None, id="print-fr-date"
    ),
    pytest.param("it", "Questo articolo è uscito sull'edizione cartacea di martedì.", None, id="print-it-day"),
    pytest.param(
        "ru", "Статья опубликована в печатной версии газеты «Гавань» от 4 июня.", "Гавань", id="print-ru-date"
    ),
]

# A sentence that goes on after a date: no note.
NEAR_DATES = [
    pytest.param(
        "en", "This study first appeared in Nature on 4 June and caused a stir among ecologists.", id="en-date"
    ),
]


# A note that the text is a translation, naming where its original appeared (`_translation_source`).
TRANSLATION_SOURCES = [
    pytest.param(
        "en",
        "Translated from the original English article published on Tidewater Press.",
        "Tidewater Press",
        id="translation-en-original-published-on",
    ),
    pytest.param(
        "en",
        "Translated and adapted from the original published by the Northern Ledger.",
        "the Northern Ledger",
        id="translation-en-adapted-by",
    ),
    pytest.param(
        "en",
        "Translation of an article first published in Harbour Review.",
        "Harbour Review",
        id="translation-en-of-an-article",
    ),
    pytest.param(
        "fr",
        "Traduit de l'article original paru dans Le Courrier du Port.",
        "Le Courrier du Port",
        id="translation-fr-paru-dans",
    ),
    pytest.param(
        "de",
        "Übersetzung eines Beitrags von Hafenblatt Online, gekürzt und redaktionell bearbeitet.",
        "Hafenblatt Online",
        id="translation-de-gekuerzt",
    ),
    pytest.param(
        "de",
        "Aus dem Englischen übersetzt, zuerst erschienen bei Harbour Review.",
        "Harbour Review",
        id="translation-de-aus-dem-englischen",
    ),
    pytest.param(
        "es",
        "Artículo traducido y adaptado del original en inglés publicado por Tidewater Press.",
        "Tidewater Press",
        id="translation-es-publicado-por",
    ),
    pytest.param(
        "pt",
        "Traduzido e adaptado do original em inglês, publicado pela Harbour Review.",
        "Harbour Review",
        id="translation-pt-comma-publicado",
    ),
    pytest.param(
        "it",
        "(Traduzione dall'originale inglese pubblicato su Harbour Review)",
        "Harbour Review",
        id="translation-it-dall-originale",
    ),
    pytest.param(
        "nl", "Vertaling van een artikel uit Het Havenblad.", "Het Havenblad", id="translation-nl-vertaling-van"
    ),
    pytest.param(
        "nl",
        "Vertaald uit het Engels; het origineel verscheen in Harbour Review.",
        "Harbour Review",
        id="translation-nl-het-origineel",
    ),
    pytest.param(
        "id",
        "Diterjemahkan dari artikel asli di Harbour Review dengan izin.",
        "Harbour Review",
        id="translation-id-dengan-izin",
    ),
    pytest.param(
        "ru",
        "Перевод статьи, впервые опубликованной в «Портовом вестнике».",
        "Портовом вестнике",
        id="translation-ru-perevod-stati",
    ),
    pytest.param(
        "pl", "Tłumaczenie artykułu opublikowanego w Harbour Review.", "Harbour Review", id="translation-pl-tlumaczenie"
    ),
    pytest.param(
        "sv",
        "Översatt från engelska; originalet publicerades i Harbour Review.",
        "Harbour Review",
        id="translation-sv-originalet",
    ),
    pytest.param(
        "uk", "Переклад статті, опублікованої в Harbour Review.", "Harbour Review", id="translation-uk-pereklad"
    ),
    pytest.param(
        "da",
        "Oversat fra engelsk af redaktionen; originalen blev bragt i Harbour Review.",
        "Harbour Review",
        id="translation-da-originalen",
    ),
    pytest.param(
        "nb",
        "Oversatt fra engelsk. Originalen ble publisert i Harbour Review.",
        "Harbour Review",
        id="translation-nb-originalen",
    ),
    pytest.param(
        "cs",
        "Přeloženo z angličtiny, originál vyšel na webu Harbour Review.",
        "Harbour Review",
        id="translation-cs-original-vysel",
    ),
    pytest.param(
        "sk",
        "(Preložené z angličtiny; originál uverejnil portál Harbour Review.)",
        "Harbour Review",
        id="translation-sk-original-uverejnil",
    ),
    pytest.param(
        "ro",
        "Traducere după un articol publicat în Harbour Review.",
        "Harbour Review",
        id="translation-ro-dupa-un-articol",
    ),
    pytest.param(
        "el", "Μετάφραση από το αγγλικό πρωτότυπο του Harbour Review.", "Harbour Review", id="translation-el-prototypo"
    ),
    pytest.param(
        "fi",
        "Juttu on käännetty englanninkielisestä alkuperäisartikkelista, joka julkaistiin Satamalehdessä.",
        "Satamalehdessä",
        id="translation-fi-joka-julkaistiin",
    ),
    pytest.param(
        "hr", "Prijevod članka objavljenog u Lučkom vjesniku.", "Lučkom vjesniku", id="translation-hr-prijevod-clanka"
    ),
    pytest.param(
        "bg",
        "Превод от Harbour Review с разрешение на редакцията.",
        "Harbour Review",
        id="translation-bg-s-razreshenie",
    ),
]

# News of a translation: what it was translated into, or a clause that goes on with the book.
NEAR_TRANSLATIONS = [
    pytest.param("en", "Translation services are offered by the City of Portsmouth.", id="translation-en-services"),
    pytest.param(
        "en",
        "Translated from the Greek by Robert Fagles, the poem still sells thousands of copies.",
        id="translation-en-translator-then-clause",
    ),
    pytest.param(
        "en", "Translated into 40 languages, the novel was first published by Penguin.", id="translation-en-into"
    ),
    pytest.param(
        "en", "Translated from Spanish, the book was published by Anagrama.", id="translation-en-from-then-the-book"
    ),
    pytest.param(
        "en",
        "Translation of the original letter shows the king knew of the plot by March.",
        id="translation-en-letter-shows",
    ),
    pytest.param(
        "de", "Übersetzung und Original sind im Band von Reclam erschienen.", id="translation-de-und-original"
    ),
    pytest.param("de", "Übersetzt aus dem Englischen, der Roman erschien bei Hanser.", id="translation-de-der-roman"),
    pytest.param(
        "fr", "Traduit en vingt langues, le roman a été publié par Gallimard.", id="translation-fr-en-vingt-langues"
    ),
    pytest.param("fr", "Traduit de l'anglais, le roman est paru chez Gallimard.", id="translation-fr-le-roman"),
    pytest.param(
        "es", "Traducido a 12 idiomas, el libro fue publicado por Anagrama.", id="translation-es-a-12-idiomas"
    ),
    pytest.param(
        "it", "Tradotto in venti lingue, il romanzo è stato pubblicato da Einaudi.", id="translation-it-in-venti-lingue"
    ),
    pytest.param(
        "pt",
        "Traduzido para 15 línguas, o livro foi publicado pela Companhia das Letras.",
        id="translation-pt-para-15-linguas",
    ),
    pytest.param("ru", "Переведена с английского, книга опубликована в издательстве «АСТ».", id="translation-ru-kniga"),
]


@pytest.mark.parametrize(
    ("language", "line", "name"),
    DESCRIBED
    + ISSUES
    + PRESS_RELEASES
    + ISSUER_FIRST
    + APPOSITIVES
    + PARTNERS
    + NEWSLETTER_FIRST
    + PRINT_EDITIONS
    + TRANSLATION_SOURCES,
)
def test_a_described_publication_is_a_note_and_named(language: str, line: str, name: str | None) -> None:
    _kept, removals = clean([PARAGRAPH, line, PARAGRAPH], language, title=None)
    assert removals == (Removal("syndication", "text", line),)
    assert syndication_source(line, language) == name


@pytest.mark.parametrize(
    ("language", "line"),
    NEAR_NOTES + NEAR_PRESS_RELEASES + NEAR_ISSUER_FIRST + NEAR_PARTNERS + NEAR_DATES + NEAR_TRANSLATIONS,
)
def test_an_article_sentence_opening_as_a_note_stays(language: str, line: str) -> None:
    kept, removals = clean([PARAGRAPH, line, PARAGRAPH], language, title=None)
    assert removals == ()
    assert kept == (PARAGRAPH, line, PARAGRAPH)
