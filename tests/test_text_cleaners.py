"""The text stage as a whole, over data tables: each candidate line stands between two article paragraphs.

BOILERPLATE lines must go, and the removal must name the cleaner that took
them; ARTICLE lines mention the same topics (newsletters, apps, following,
copyright, dates) in ordinary prose and must stay. Cases the cleaners get
wrong today are in KNOWN_GAPS at the bottom, as strict expected failures.
"""

from __future__ import annotations

import pytest
from text_stage import PARAGRAPH_AFTER, PARAGRAPH_BEFORE, TITLE, article_cases, boilerplate_cases, clean, sandwich

from cleaners import clean_page
from cleaners.bylines import byline_authors
from cleaners.registry import Removal, enclosed
from cleaners.syndication import syndication_source
from cleaners.text_cleaners import WORD_OR_NUMBER


@pytest.fixture
def paragraphs() -> tuple[str, str]:
    """The two article paragraphs a candidate line is put between."""
    return PARAGRAPH_BEFORE, PARAGRAPH_AFTER


BOILERPLATE = [
    # Labels with nothing after them.
    pytest.param("Issued on:", "en", "empty-labels", id="label-issued-on"),
    pytest.param("Modified:", "en", "empty-labels", id="label-modified"),
    pytest.param("Photo:", "en", "empty-labels", id="label-photo"),
    pytest.param("Advertisement", "en", "empty-labels", id="label-advertisement"),
    pytest.param("Publié le :", "fr", "empty-labels", id="label-publie-le-fr"),
    pytest.param("Aktualisiert am:", "de", "empty-labels", id="label-aktualisiert-am-de"),
    pytest.param("Table of Contents", "en", "empty-labels", id="label-table-of-contents"),
    pytest.param("Table of Contents Toggle", "en", "empty-labels", id="label-table-of-contents-toggle"),
    pytest.param("In this article:", "en", "empty-labels", id="label-in-this-article"),
    pytest.param("Sommaire", "fr", "empty-labels", id="label-sommaire-fr"),
    pytest.param("Inhaltsverzeichnis", "de", "empty-labels", id="label-inhaltsverzeichnis-de"),
    pytest.param("Índice", "es", "empty-labels", id="label-indice-es"),
    pytest.param("Actualizado:", "es", "empty-labels", id="label-actualizado-es"),
    # Timestamp lines.
    pytest.param("Updated: Tue., Nov. 19, 2019", "en", "timestamps", id="timestamp-updated-abbreviated"),
    pytest.param("Published 3 May 2024, 10:12 GMT", "en", "timestamps", id="timestamp-published-gmt"),
    pytest.param("Last updated at 09:45 BST, 3 March 2024", "en", "timestamps", id="timestamp-last-updated-time-first"),
    pytest.param(
        "Posted on Friday, March 1, 2024 at 6:30 pm EST", "en", "timestamps", id="timestamp-posted-weekday-est"
    ),
    pytest.param("Updated 2 hours ago", "en", "timestamps", id="timestamp-relative"),
    pytest.param("Monday, January 8, 2024", "en", "timestamps", id="timestamp-date-without-label"),
    pytest.param("2024-05-03T10:12:00Z", "en", "timestamps", id="timestamp-iso"),
    pytest.param("Mis à jour le 12 mars 2024 à 18h45", "fr", "timestamps", id="timestamp-mis-a-jour-fr"),
    pytest.param("Veröffentlicht am 4. Juni 2023 um 09:30 Uhr", "de", "timestamps", id="timestamp-veroeffentlicht-de"),
    pytest.param("Stand: 12.03.2024, 14:15 Uhr", "de", "timestamps", id="timestamp-stand-numeric-de"),
    pytest.param("Publicado el 15 de octubre de 2024 a las 08:15", "es", "timestamps", id="timestamp-publicado-es"),
    pytest.param("Atualizado em 12 de janeiro de 2024 às 10:30", "pt", "timestamps", id="timestamp-atualizado-pt"),
    # Reading times.
    pytest.param("4 min read", "en", "reading-times", id="reading-min-read"),
    pytest.param("Reading time: 6 minutes", "en", "reading-times", id="reading-time-label"),
    pytest.param("5 min de lecture", "fr", "reading-times", id="reading-lecture-fr"),
    pytest.param("Lesezeit: 5 Minuten", "de", "reading-times", id="reading-lesezeit-de"),
    pytest.param("Tiempo de lectura: 2 minutos", "es", "reading-times", id="reading-tiempo-es"),
    # Advertisement markers.
    pytest.param("Story continues below advertisement", "en", "ad-markers", id="ad-story-continues"),
    pytest.param("Sponsored content", "en", "ad-markers", id="ad-sponsored-content"),
    pytest.param("Scroll to continue reading", "en", "ad-markers", id="ad-scroll-to-continue"),
    pytest.param("La suite après cette publicité", "fr", "ad-markers", id="ad-suite-apres-publicite-fr"),
    pytest.param("Anzeige", "de", "ad-markers", id="ad-anzeige-de"),
    pytest.param("Weiter nach der Werbung", "de", "ad-markers", id="ad-weiter-nach-werbung-de"),
    pytest.param("Publicidad", "es", "ad-markers", id="ad-publicidad-es"),
    # Share prompts.
    pytest.param("Share on Facebook", "en", "share-prompts", id="share-on-facebook"),
    pytest.param("Share this article", "en", "share-prompts", id="share-this-article"),
    pytest.param("Link copied to clipboard", "en", "share-prompts", id="share-link-copied"),
    pytest.param("Facebook Twitter WhatsApp Email", "en", "share-prompts", id="share-network-list"),
    pytest.param("Like this story? Share it with a friend", "en", "share-prompts", id="share-like-this-story"),
    pytest.param("Partager sur WhatsApp", "fr", "share-prompts", id="share-partager-fr"),
    pytest.param("Compartir en Facebook", "es", "share-prompts", id="share-compartir-es"),
    # Pointers to other stories.
    pytest.param("Related: Floods close the coast road again", "en", "related-lines", id="related-colon"),
    pytest.param("Read more: Ferry strike called off after late talks", "en", "related-lines", id="related-read-more"),
    pytest.param("See also: How the harbour bridge was built", "en", "related-lines", id="related-see-also"),
    pytest.param("Watch - The harbour bridge from the air", "en", "related-lines", id="related-watch-spaced-hyphen"),
    pytest.param(
        "Lire aussi : La grève des ferries levée après des négociations",
        "fr",
        "related-lines",
        id="related-lire-aussi-fr",
    ),
    pytest.param(
        "Lesen Sie auch: Streik bei den Fähren beendet", "de", "related-lines", id="related-lesen-sie-auch-de"
    ),
    pytest.param("Lee también: El puente cerrado a los camiones", "es", "related-lines", id="related-lee-tambien-es"),
    pytest.param(
        "Leia também: Greve das balsas termina após acordo", "pt", "related-lines", id="related-leia-tambem-pt"
    ),
    # Headlines tagged as links to other content.
    pytest.param("Storm batters the coast as thousands lose power [VIDEO]", "en", "headline-tags", id="tag-video"),
    pytest.param("Police release footage of the raid [PICTURES]", "en", "headline-tags", id="tag-pictures"),
    # Calls to action, in wordings of our own.
    pytest.param("For all the latest Politics News Click Here", "en", "promo-lines", id="promo-latest-click-here"),
    pytest.param("Follow us on Telegram for breaking news", "en", "promo-lines", id="promo-follow-telegram"),
    pytest.param("Get our free app", "en", "promo-lines", id="promo-free-app"),
    pytest.param(
        "Sign up to our morning newsletter: the day's headlines in your inbox",
        "en",
        "promo-lines",
        id="promo-morning-newsletter",
    ),
    pytest.param("Subscribe to our YouTube channel for more videos", "en", "promo-lines", id="promo-youtube-channel"),
    pytest.param(
        "Don't miss out on the latest headlines from the region", "en", "promo-lines", id="promo-dont-miss-out"
    ),
    pytest.param("Tap here to get breaking news alerts on your phone", "en", "promo-lines", id="promo-tap-here"),
    pytest.param("Like us on Facebook and follow us on Instagram", "en", "promo-lines", id="promo-like-and-follow"),
    pytest.param("Join our WhatsApp channel for the day's top stories", "en", "promo-lines", id="promo-whatsapp"),
    pytest.param("Download the Example News app for iPhone and Android", "en", "promo-lines", id="promo-download-app"),
    pytest.param(
        "Get the best of Example News in your inbox every morning", "en", "promo-lines", id="promo-in-your-inbox"
    ),
    pytest.param("Want more stories like this? Sign up for our newsletter", "en", "promo-lines", id="promo-want-more"),
    pytest.param("Follow us on Google News", "en", "promo-lines", id="promo-google-news"),
    pytest.param(
        "Support independent journalism today by making a contribution", "en", "promo-lines", id="promo-support"
    ),
    pytest.param(
        "We may earn a commission if you buy through links on this page.",
        "en",
        "affiliate-notes",
        id="affiliate-we-may-earn",
    ),
    pytest.param("Join the conversation in the comments below", "en", "comment-prompts", id="comment-join"),
    pytest.param("Thanks for signing up!", "en", "promo-lines", id="promo-thanks-for-signing-up"),
    pytest.param("Suivez-nous sur Google Actualités", "fr", "promo-lines", id="promo-suivez-nous-fr"),
    pytest.param("Abonnez-vous à notre newsletter", "fr", "promo-lines", id="promo-abonnez-vous-fr"),
    pytest.param(
        "Pour suivre toute l'actualité, téléchargez notre application", "fr", "promo-lines", id="promo-application-fr"
    ),
    pytest.param("Cliquez ici pour recevoir nos alertes", "fr", "promo-lines", id="promo-cliquez-ici-fr"),
    pytest.param("Folgen Sie uns auf Instagram", "de", "promo-lines", id="promo-folgen-sie-uns-de"),
    pytest.param("Jetzt abonnieren und weiterlesen", "de", "promo-lines", id="promo-jetzt-abonnieren-de"),
    pytest.param("Síguenos en Twitter", "es", "promo-lines", id="promo-siguenos-es"),
    pytest.param("Suscríbete para seguir leyendo", "es", "promo-lines", id="promo-suscribete-es"),
    pytest.param("Siga-nos no Instagram", "pt", "promo-lines", id="promo-siga-nos-pt"),
    # Copyright notices.
    pytest.param("Copyright 2024 Example Media Ltd. All rights reserved.", "en", "copyright", id="copyright-word"),
    pytest.param("© 2024 The Example Gazette", "en", "copyright", id="copyright-sign"),
    pytest.param(
        "This work is licensed under a Creative Commons Attribution-NoDerivatives 4.0 International License.",
        "en",
        "copyright",
        id="copyright-licensed-under-creative-commons",
    ),
    pytest.param("حقوق النشر: وكالة الأنباء الأردنية (بترا)", "ar", "copyright", id="copyright-label-ar"),
    pytest.param("Urheberrecht: Hafenkurier GmbH", "de", "copyright", id="copyright-label-de"),
    pytest.param(
        "This article is for your personal, non-commercial use only.", "en", "copyright", id="copyright-personal-use"
    ),
    pytest.param("Tous droits réservés à Exemple Presse", "fr", "copyright", id="copyright-droits-reserves-fr"),
    pytest.param("Todos los derechos reservados.", "es", "copyright", id="copyright-derechos-es"),
    # Contact lines.
    pytest.param("Write to Jane Doe at jane.doe@example.com", "en", "contact-lines", id="contact-write-to"),
    pytest.param("Have a tip? Email tips@example.org", "en", "contact-lines", id="contact-tip"),
    # a letters page's or newsroom's address to write to, with no question before it (``letters_mailbox``)
    pytest.param("Send your letters to letters@harbourpost.co.uk.", "en", "contact-lines", id="letters-en"),
    pytest.param("Cartas al director: cartas@diariodelpuerto.es", "es", "contact-lines", id="letters-es"),
    pytest.param(
        "Leserbriefe bitte an leserbriefe@hafenblatt.de, höchstens 1.500 Zeichen.",
        "de",
        "contact-lines",
        id="letters-de",
    ),
    pytest.param("Zdanie czytelników: redakcja@glosportu.pl", "pl", "contact-lines", id="letters-pl"),
    # a question, then a newsroom's address to write to, in any wording (``newsroom_mailbox``)
    pytest.param(
        "Do you use the late ferry? Tell us at yoursay@harbourpost.co.uk.",
        "en",
        "contact-lines",
        id="asked-write-in-en",
    ),
    pytest.param(
        "Fahren Sie mit der Abendfähre? Post an leserbriefe@hafenblatt.de genügt.",
        "de",
        "contact-lines",
        id="asked-write-in-de",
    ),
    pytest.param(
        "Vous prenez ce bateau ? Racontez-nous tout à redaction@lecourrierdesiles.fr.",
        "fr",
        "contact-lines",
        id="asked-write-in-fr",
    ),
    pytest.param("Håller du med? Mejla debatt@skargardsposten.se.", "sv", "contact-lines", id="asked-write-in-sv"),
    pytest.param("Korzystasz z promu? Napisz: redakcja@glosportu.pl", "pl", "contact-lines", id="asked-write-in-pl"),
    pytest.param(
        "Usate il traghetto serale? Scriveteci a lettori@ilportodelmattino.it.",
        "it",
        "contact-lines",
        id="asked-write-in-it",
    ),
    pytest.param(
        "Jezdíte večerním trajektem? Napište nám na redakce@pristavnilisty.cz.",
        "cs",
        "contact-lines",
        id="asked-write-in-cs",
    ),
    pytest.param("The reporter can be reached at reporter@example.org", "en", "contact-lines", id="contact-reached"),
    pytest.param("jane.doe@example.com", "en", "contact-lines", id="contact-bare-address"),
    # Image markup left as text.
    pytest.param(
        "![](https://img.example.com/a.jpg 388w, https://img.example.com/b.jpg 720w)",
        "en",
        "image-lines",
        id="image-markdown-srcset",
    ),
    pytest.param("https://img.example.org/photos/bridge-cracks.jpg", "en", "image-lines", id="image-bare-url"),
    # Agency and contributor credits.
    pytest.param("(FRANCE 24 with AFP and REUTERS)", "en", "agency-credit", id="credit-france24-afp-reuters"),
    pytest.param("(With AP)", "en", "agency-credit", id="credit-with-ap"),
    pytest.param("(Reuters)", "en", "agency-credit", id="credit-reuters"),
    pytest.param("Reporting by Jane Doe; Editing by John Roe", "en", "agency-credit", id="credit-reporting-editing"),
    pytest.param("Jane Doe contributed reporting.", "en", "agency-credit", id="credit-contributed"),
    pytest.param("(Avec AFP)", "fr", "agency-credit", id="credit-avec-afp-fr"),
    pytest.param("Con información de EFE", "es", "agency-credit", id="credit-con-informacion-es"),
    # Taxonomy lines.
    pytest.param("Tags: transport, harbour, council", "en", "taxonomy", id="taxonomy-tags"),
    pytest.param("Filed under: Local news, Transport", "en", "taxonomy", id="taxonomy-filed-under"),
    pytest.param("Mots-clés : transport, pont", "fr", "taxonomy", id="taxonomy-mots-cles-fr"),
    pytest.param("Schlagworte: Verkehr, Brücke", "de", "taxonomy", id="taxonomy-schlagworte-de"),
]

BOILERPLATE += [
    pytest.param(
        "Don't miss our daily briefing, delivered every weekday morning",
        "en",
        "promo-lines",
        id="more-don-t-miss-our-daily-briefing-delivered-",
    ),
    pytest.param(
        "Don't miss our daily briefing – sign up now",
        "en",
        "promo-lines",
        id="more-don-t-miss-our-daily-briefing-sign-up-no",
    ),
    pytest.param(
        "Stay informed: get breaking news alerts on your phone",
        "en",
        "promo-lines",
        id="more-stay-informed-get-breaking-news-alerts-o",
    ),
    pytest.param(
        "Be the first to know: sign up for breaking news alerts",
        "en",
        "promo-lines",
        id="more-be-the-first-to-know-sign-up-for-breakin",
    ),
    pytest.param(
        "Turn on notifications to get breaking news first",
        "en",
        "promo-lines",
        id="more-turn-on-notifications-to-get-breaking-ne",
    ),
    pytest.param(
        "Click the bell icon to never miss an update",
        "en",
        "promo-lines",
        id="more-click-the-bell-icon-to-never-miss-an-upd",
    ),
    pytest.param(
        "Stay up to date with the latest news by following us on Instagram",
        "en",
        "promo-lines",
        id="more-stay-up-to-date-with-the-latest-news-by-",
    ),
    pytest.param("Follow our live coverage here", "en", "promo-lines", id="more-follow-our-live-coverage-here"),
    pytest.param(
        "Catch up on all the latest sports news here",
        "en",
        "promo-lines",
        id="more-catch-up-on-all-the-latest-sports-news-h",
    ),
    pytest.param(
        "Enjoy unlimited digital access for 99p", "en", "promo-lines", id="more-enjoy-unlimited-digital-access-for-99p"
    ),
    pytest.param("Subscribe to read the full story", "en", "promo-lines", id="more-subscribe-to-read-the-full-story"),
    pytest.param(
        "To continue reading, subscribe now", "en", "promo-lines", id="more-to-continue-reading-subscribe-now"
    ),
    pytest.param("Sign in to continue reading", "en", "promo-lines", id="more-sign-in-to-continue-reading"),
    pytest.param("Already a subscriber? Log in", "en", "promo-lines", id="more-already-a-subscriber-log-in"),
    pytest.param(
        "Like what you read? Subscribe today", "en", "promo-lines", id="more-like-what-you-read-subscribe-today"
    ),
    pytest.param(
        "Share your views in the comments below",
        "en",
        "comment-prompts",
        id="more-share-your-views-in-the-comments-below",
    ),
    pytest.param("Listen to this article", "en", "promo-lines", id="more-listen-to-this-article"),
    pytest.param(
        "Got a story? Email us at news@example.org",
        "en",
        "contact-lines",
        id="more-got-a-story-email-us-at-news-example-org",
    ),
    pytest.param(
        "Publié le 3 avril 2024 à 12h00, modifié à 14h30",
        "fr",
        "timestamps",
        id="more-publi-le-3-avril-2024-12h00-modifi-14h30",
    ),
    pytest.param(
        "Suivez toute l'actualité en direct sur notre application",
        "fr",
        "promo-lines",
        id="more-suivez-toute-l-actualit-en-direct-sur-no",
    ),
    pytest.param(
        "Retrouvez toute l'actualité sur notre chaîne WhatsApp",
        "fr",
        "promo-lines",
        id="more-retrouvez-toute-l-actualit-sur-notre-cha",
    ),
    pytest.param("Cet article vous est offert", "fr", "promo-lines", id="more-cet-article-vous-est-offert"),
    pytest.param("Mehr News gibt es in unserer App", "de", "promo-lines", id="more-mehr-news-gibt-es-in-unserer-app"),
    pytest.param(
        "Sie wollen keine Nachrichten verpassen? Dann abonnieren Sie unseren Newsletter",
        "de",
        "promo-lines",
        id="more-sie-wollen-keine-nachrichten-verpassen-d",
    ),
    pytest.param("Folgen Sie der Redaktion auf X", "de", "promo-lines", id="more-folgen-sie-der-redaktion-auf-x"),
    pytest.param(
        "Sigue toda la actualidad en nuestro canal de WhatsApp",
        "es",
        "promo-lines",
        id="more-sigue-toda-la-actualidad-en-nuestro-cana",
    ),
    pytest.param("Recibe las noticias en tu correo", "es", "promo-lines", id="more-recibe-las-noticias-en-tu-correo"),
]

ARTICLE = [
    # English prose that mentions the boilerplate topics.
    pytest.param(
        "In this article, the inspectors list the contents of every container seized at the port last spring.",
        "en",
        id="in-this-article-prose",
    ),
    pytest.param("- Video-on-demand sales: past streams sold as premium content", "en", id="video-compound-word"),
    pytest.param("Video-based lessons, so that you can see each step", "en", id="video-based-compound"),
    pytest.param(
        "The newspaper has built its digital strategy around a morning newsletter, which now reaches more than "
        "200,000 readers and brings in a growing share of new subscribers.",
        "en",
        id="newsletter-strategy",
    ),
    pytest.param(
        "Traffic from Google News and other aggregators fell sharply after the search company changed how it ranks "
        "local reporting, editors said.",
        "en",
        id="google-news-traffic",
    ),
    pytest.param(
        '"We will follow the evidence wherever it leads," the chief inspector told reporters outside the station.',
        "en",
        id="quote-follow",
    ),
    pytest.param(
        '"People don\'t subscribe to a paper any more, they subscribe to a person they trust," said the media analyst.',
        "en",
        id="quote-subscribe",
    ),
    pytest.param(
        '"You click a button and the water comes on, that\'s what people expect," the engineer said.',
        "en",
        id="quote-click",
    ),
    pytest.param(
        '"Don\'t miss the bus," she shouted as the children ran out of the house.', "en", id="quote-dont-miss"
    ),
    pytest.param(
        "By the end of the year, the council hopes to have reopened the bridge to buses and emergency vehicles.",
        "en",
        id="by-the-end-of-the-year",
    ),
    pytest.param("By 2030, the port wants to handle twice as many containers as today.", "en", id="by-a-year"),
    pytest.param(
        "The work began on 3 March 2024 and was supposed to finish by the end of May, but heavy rain in April "
        "delayed it.",
        "en",
        id="dates-in-sentence",
    ),
    pytest.param(
        "Updated figures released on Friday showed traffic on the bypass had doubled.", "en", id="updated-figures"
    ),
    pytest.param("Published in 1887, the novel is set in the harbour town.", "en", id="published-in-a-year"),
    pytest.param(
        "The band is locked in a copyright dispute with its former label over the rights to its first three albums.",
        "en",
        id="copyright-dispute",
    ),
    pytest.param(
        "The ferry company launched a new app last month that lets passengers book crossings and track delays in "
        "real time.",
        "en",
        id="ferry-app",
    ),
    pytest.param(
        "The app, which was downloaded more than a million times, has been withdrawn.", "en", id="app-withdrawn"
    ),
    pytest.param(
        "Advertising executives say the ban on junk food adverts will cost broadcasters millions.",
        "en",
        id="advertising-executives",
    ),
    pytest.param("Share prices fell by 4 per cent after the announcement.", "en", id="share-prices"),
    pytest.param(
        "Residents were told to share their concerns at a public meeting on Thursday evening.",
        "en",
        id="share-concerns",
    ),
    pytest.param(
        "Related work on the sea wall will start in the spring, the harbour master said.", "en", id="related-work"
    ),
    pytest.param(
        "Read more about the plan on the council's website, a spokeswoman said.", "en", id="read-more-in-sentence"
    ),
    pytest.param(
        "Sources close to the investigation said the engineers had raised concerns as early as 2021.",
        "en",
        id="sources-close-to",
    ),
    pytest.param(
        "The book was written by Jane Doe and John Roe, two former harbour pilots.", "en", id="written-by-names"
    ),
    pytest.param("Photo ID will be required at polling stations from next year.", "en", id="photo-id"),
    pytest.param("A long road to recovery", "en", id="crosshead-long-road"),
    pytest.param("What happens next", "en", id="crosshead-what-next"),
    pytest.param(
        "- Heavy goods vehicles over 7.5 tonnes are banned from the bridge.", "en", id="list-item-heavy-goods"
    ),
    pytest.param("- Buses and emergency vehicles may still cross at walking pace.", "en", id="list-item-buses"),
    pytest.param(
        "Residents with questions can call the council helpline on 0300 123 4567 between 9 a.m. and 5 p.m.",
        "en",
        id="phone-number",
    ),
    pytest.param("10 p.m.", "en", id="bare-time"),
    pytest.param(
        "Sign up sheets for the beach clean-up were posted in the library and the post office.",
        "en",
        id="sign-up-sheets",
    ),
    pytest.param(
        "Apps such as the one launched by the ferry company have been criticised for collecting too much data.",
        "en",
        id="apps-criticised",
    ),
    pytest.param(
        "For the latest figures, the ministry said, people should look at its website rather than at social media.",
        "en",
        id="for-the-latest-figures",
    ),
    # French.
    pytest.param(
        "Le journal mise sur sa lettre d'information du matin pour fidéliser ses lecteurs et attirer de nouveaux "
        "abonnés.",
        "fr",
        id="fr-newsletter-strategy",
    ),
    pytest.param(
        "« Nous allons suivre cette affaire de très près », a déclaré la maire lors d'une conférence de presse.",
        "fr",
        id="fr-quote-suivre",
    ),
    pytest.param("« Abonnez-vous, qu'ils disaient », ironise un lecteur mécontent.", "fr", id="fr-quote-abonnez-vous"),
    pytest.param(
        "Les travaux ont commencé le 12 mars et devraient durer jusqu'à la fin du mois de juin.",
        "fr",
        id="fr-dates-in-sentence",
    ),
    pytest.param(
        "Par ailleurs, la mairie a annoncé la création d'une navette gratuite entre la gare et le port.",
        "fr",
        id="fr-par-ailleurs",
    ),
    pytest.param("Une longue route vers la reprise", "fr", id="fr-crosshead"),
    # German.
    pytest.param(
        "Die Zeitung setzt bei ihrer Digitalstrategie vor allem auf einen morgendlichen Newsletter für ihre "
        "Abonnenten.",
        "de",
        id="de-newsletter-strategy",
    ),
    pytest.param(
        "„Wir werden den Ermittlungen folgen, wohin sie auch führen“, sagte der Polizeisprecher am Mittwoch.",
        "de",
        id="de-quote-folgen",
    ),
    pytest.param(
        "Anzeigen gegen den Bürgermeister wurden von der Staatsanwaltschaft eingestellt.",
        "de",
        id="de-anzeigen-in-sentence",
    ),
    pytest.param(
        "Die Arbeiten begannen am 4. Juni und sollen bis Ende Oktober abgeschlossen sein.",
        "de",
        id="de-dates-in-sentence",
    ),
    pytest.param(
        "Von den rund 300 Beschäftigten sollen nach Angaben der Gewerkschaft nur etwa 40 bleiben.",
        "de",
        id="de-von-den",
    ),
    pytest.param(
        "„Folgen Sie uns bitte zur Wache“, sagte der Polizist zu den beiden Männern.",
        "de",
        id="de-quote-folgen-sie-uns",
    ),
    pytest.param("Ein langer Weg zurück", "de", id="de-crosshead"),
    # Spanish.
    pytest.param(
        "El periódico ha apostado por una aplicación propia para llegar a los lectores más jóvenes, según su "
        "directora.",
        "es",
        id="es-app-strategy",
    ),
    pytest.param(
        "«Seguiremos trabajando hasta que el puente vuelva a abrir», dijo la alcaldesa el martes por la noche.",
        "es",
        id="es-quote-seguiremos",
    ),
    pytest.param(
        "Las obras comenzaron el 15 de octubre y se prevé que terminen antes del verano.",
        "es",
        id="es-dates-in-sentence",
    ),
    pytest.param(
        "Por la tarde, cientos de vecinos se concentraron frente al ayuntamiento para pedir explicaciones.",
        "es",
        id="es-por-la-tarde",
    ),
    pytest.param(
        "«Suscríbete a lo que quieras, pero paga las facturas», le dijo su madre.", "es", id="es-quote-suscribete"
    ),
    pytest.param("Un largo camino hacia la recuperación", "es", id="es-crosshead"),
]

ARTICLE += [
    pytest.param(
        "Copyright lawyers say the case could set a precedent for how news archives are licensed.",
        "en",
        id="more-copyright-lawyers-say-the-case-could-set",
    ),
    pytest.param(
        '"Click here, click there, and suddenly your savings are gone," said one victim of the scam.',
        "en",
        id="more-click-here-click-there-and-suddenly-your",
    ),
    pytest.param(
        '"Our fans follow us on Instagram, but they still buy the paper on Saturdays," the editor said.',
        "en",
        id="more-our-fans-follow-us-on-instagram-but-they",
    ),
    pytest.param(
        '"We don\'t want people to like us on Facebook, we want them to vote," the candidate said.',
        "en",
        id="more-we-don-t-want-people-to-like-us-on-faceb",
    ),
    pytest.param(
        "Join our team of volunteers, the flyer read, but few people turned up on the day.",
        "en",
        id="more-join-our-team-of-volunteers-the-flyer-re",
    ),
    pytest.param(
        "Suivez-nous, a lancé le guide aux touristes avant d'entrer dans la grotte.",
        "fr",
        id="more-suivez-nous-a-lanc-le-guide-aux-touriste",
    ),
    pytest.param(
        "Síguenos, dijo el guía a los turistas antes de entrar en la cueva.",
        "es",
        id="more-s-guenos-dijo-el-gu-a-a-los-turistas-ant",
    ),
    pytest.param(
        "Reporting by local journalists helped uncover the scandal, the committee found.",
        "en",
        id="more-reporting-by-local-journalists-helped-un",
    ),
    pytest.param(
        "Source: the ministry's own figures, published last year, show the opposite trend.",
        "en",
        id="more-source-the-ministry-s-own-figures-publis",
    ),
    pytest.param(
        "By Monday, the water had receded from most streets.", "en", id="more-by-monday-the-water-had-receded-from-mos"
    ),
]


# Syndication notes: the page says where it first appeared. Tenses, prepositions, names and tails vary.
SYNDICATION_NOTES: list[tuple[str, str, str]] = [
    ("syndication-originally-published-on", "en", "This story was originally published on example.org"),
    (
        "syndication-essay-republished-with-permission",
        "en",
        "This essay was first published in The Harbour Review and is republished here with permission.",
    ),
    ("syndication-piece-originally-ran", "en", "This piece originally ran on Coastline Weekly."),
    (
        "syndication-interview-creative-commons-licence",
        "en",
        "This interview has been republished from Northern Ledger under a Creative Commons licence.",
    ),
    (
        "syndication-earlier-version-of-this-column",
        "en",
        "An earlier version of this column appeared in the Valley Courier.",
    ),
    ("syndication-bare-appeared-at-host", "en", "Originally appeared at harbourwatch.net"),
    ("syndication-first-published-by-with-date", "en", "First published by Tidewater Press on 3 May 2024."),
    (
        "syndication-appositive-newsroom",
        "en",
        "This story first appeared on Riverbank Daily, an independent newsroom covering the estuary.",
    ),
    ("syndication-reproduced-kind-permission", "en", "Reproduced with kind permission of the Lakeside Gazette."),
    (
        "syndication-written-and-syndicated-by",
        "en",
        "This article was written by Harbour Lab and syndicated by Newswire Partners",
    ),
    ("syndication-read-the-original-on", "en", "Read the original article on Estuary Times."),
    ("syndication-republished-with-permission-no-name", "en", "Republished with permission."),
    ("syndication-our-print-edition", "en", "This story originally appeared in our print edition."),
    (
        "syndication-website-of-and-read-the-original",
        "en",
        "This post was originally published on the website of Harbour Watch. Read the original here.",
    ),
    ("syndication-fr-d-abord-publie-dans", "fr", "Cet article a d'abord été publié dans La Gazette du Port."),
    ("syndication-fr-paru-sur-le-site", "fr", "Ce texte est paru initialement sur le site Exemple Info."),
    ("syndication-fr-entretien-publie-par", "fr", "Cet entretien a été publié initialement par Radio Exemple."),
    ("syndication-fr-article-initialement-paru", "fr", "Article initialement paru dans Le Courrier du Littoral"),
    (
        "syndication-fr-une-version-de-cet-article",
        "fr",
        "Une version de cet article a été publiée dans L'Écho des Ports.",
    ),
    (
        "syndication-fr-republie-creative-commons",
        "fr",
        "Cet article est republié à partir de The Conversation France sous licence Creative Commons. "
        "Lire l'article original.",
    ),
    ("syndication-de-erschien-urspruenglich-im", "de", "Dieser Text erschien ursprünglich im Hafenkurier."),
    ("syndication-de-ist-zuerst-erschienen", "de", "Dieser Beitrag ist zuerst auf Küstenblog.de erschienen."),
    ("syndication-de-zuerst-erschienen-bei", "de", "Zuerst erschienen bei der Hafenzeitung"),
    (
        "syndication-de-wurde-zuerst-veroeffentlicht",
        "de",
        "Dieser Gastbeitrag wurde zuerst im Magazin Küste veröffentlicht.",
    ),
    (
        "syndication-de-mit-freundlicher-genehmigung",
        "de",
        "Veröffentlicht mit freundlicher Genehmigung von Hafen Online.",
    ),
    ("syndication-es-se-publico-originalmente", "es", "Este reportaje se publicó originalmente en Diario del Puerto."),
    (
        "syndication-es-articulo-lea-el-original",
        "es",
        "Artículo publicado originalmente en Revista Costera. Lea el original.",
    ),
    (
        "syndication-es-por-primera-vez-con-fecha",
        "es",
        "Este texto fue publicado por primera vez en El Faro del Sur el 3 de mayo de 2024.",
    ),
    ("syndication-pt-publicado-pela", "pt", "Este texto foi publicado originalmente pela Agência Litoral."),
    ("syndication-pt-publicado-originalmente-no", "pt", "Publicado originalmente no Jornal do Porto."),
    (
        "syndication-pt-republicado-creative-commons",
        "pt",
        "Este artigo foi republicado do The Conversation sob uma licença Creative Commons. Leia o artigo original.",
    ),
    (
        "syndication-it-apparso-per-la-prima-volta",
        "it",
        "Questo testo è apparso per la prima volta su Gazzetta del Porto.",
    ),
    (
        "syndication-it-pubblicato-originariamente-sul",
        "it",
        "Articolo pubblicato originariamente sul Corriere della Costa",
    ),
    ("syndication-it-con-il-permesso", "it", "Pubblicato con il permesso di Rivista Marittima"),
    ("syndication-nl-verscheen-eerder-op", "nl", "Dit artikel verscheen eerder op Kustkrant.nl."),
    ("syndication-nl-is-eerder-verschenen-in", "nl", "Dit verhaal is eerder verschenen in Het Havenblad."),
    ("syndication-nl-is-eerder-bij-verschenen", "nl", "Dit interview is eerder bij Radio Haven verschenen."),
    ("syndication-nl-oorspronkelijk-gepubliceerd-door", "nl", "Oorspronkelijk gepubliceerd door De Kustbode"),
    (
        "syndication-nl-met-toestemming",
        "nl",
        "Overgenomen met toestemming van De Havenkoerier. Lees het originele artikel.",
    ),
    (
        "syndication-id-telah-tayang-di",
        "id",
        'Artikel ini telah tayang di Kabarpesisir.com dengan judul "Jembatan Pelabuhan Ditutup untuk Truk".',
    ),
    ("syndication-id-dimuat-di-situs", "id", "Berita ini sudah dimuat di situs Warta Bahari."),
    ("syndication-ru-vpervye-opublikovana", "ru", "Статья впервые опубликована на сайте «Портовый вестник»."),
    ("syndication-ru-s-razresheniya", "ru", "Перепечатано с разрешения редакции."),
    ("syndication-pl-pierwotnie-opublikowany", "pl", "Artykuł został pierwotnie opublikowany w Gazecie Portowej."),
    ("syndication-pl-za-zgoda", "pl", "Publikujemy za zgodą redakcji."),
    ("syndication-sv-publicerades-forst", "sv", "Artikeln publicerades först i Hamnbladet."),
    ("syndication-sv-med-tillstand", "sv", "Publiceras med tillstånd av Kustposten."),
    (
        "syndication-please-read-the-original-post",
        "en",
        "This post first appeared on Harbour Notes, please read the original post here.",
    ),
]
BOILERPLATE += [
    pytest.param(line, language, "syndication", id=case_id) for case_id, language, line in SYNDICATION_NOTES
]

# Pointers to other stories, calls to follow and reading times in the languages that have only the
# injected-line families besides these (nl, id, pl, sv, ru).
POINTERS_AND_CALLS: list[tuple[str, str, str, str]] = [
    ("related-baca-juga-id", "id", "Baca juga: Harga Tiket Kapal Naik Mulai Bulan Depan", "related-lines"),
    ("related-lees-ook-nl", "nl", "Lees ook: Veerdienst hervat na staking", "related-lines"),
    ("related-ru", "ru", "Читайте также: Паромы снова ходят по расписанию", "related-lines"),
    ("related-pl", "pl", "Czytaj także: Promy znów kursują zgodnie z rozkładem", "related-lines"),
    ("related-sv", "sv", "Läs också: Färjorna går enligt tidtabell igen", "related-lines"),
    ("promo-simak-google-news-id", "id", "Simak berita dan artikel lainnya di Google News", "promo-lines"),
    ("promo-ikuti-kami-id", "id", "Ikuti kami di Instagram", "promo-lines"),
    ("promo-id-aplikasi", "id", "Download aplikasi Kabarpesisir.com sekarang", "promo-lines"),
    ("promo-volg-ons-nl", "nl", "Volg ons op Instagram", "promo-lines"),
    ("promo-download-app-nl", "nl", "Download onze app voor het laatste nieuws", "promo-lines"),
    ("promo-nl-nieuwsbrief", "nl", "Schrijf je in voor onze nieuwsbrief", "promo-lines"),
    ("promo-ru-telegram", "ru", "Подписывайтесь на наш канал в Telegram", "promo-lines"),
    ("promo-pl-google-news", "pl", "Obserwuj nas w Google News", "promo-lines"),
    ("promo-pl-newsletter", "pl", "Zapisz się do naszego newslettera", "promo-lines"),
    ("promo-sv-instagram", "sv", "Följ oss på Instagram", "promo-lines"),
    ("promo-sv-nyhetsbrev", "sv", "Registrera dig för vårt nyhetsbrev", "promo-lines"),
    ("reading-waktu-baca-id", "id", "Waktu baca: 3 menit", "reading-times"),
    ("reading-leestijd-nl", "nl", "Leestijd: 4 minuten", "reading-times"),
]
BOILERPLATE += [
    pytest.param(line, language, cleaner, id=case_id) for case_id, language, line, cleaner in POINTERS_AND_CALLS
]

# Comment calls to action and comment-section furniture.
COMMENT_PROMPTS: list[tuple[str, str, str]] = [
    ("comment-leave-us-a-reply", "en", "Leave us a reply below"),
    ("comment-share-your-thoughts", "en", "Share your thoughts on the plan in the comment section"),
    ("comment-let-us-know", "en", "Let us know what you think below."),
    ("comment-have-your-say-below", "en", "Have your say below"),
    ("comment-do-you-agree", "en", "Do you agree? Tell us in the comment section."),
    ("comment-view-all-n", "en", "View all 37 comments"),
    ("comment-count", "en", "48 comments"),
    ("comment-no-comments-yet", "en", "No comments yet"),
    ("comment-commenting-is-closed", "en", "Commenting is closed for this article."),
    ("comment-sign-in-to-join", "en", "Sign in to join the conversation"),
    ("comment-we-d-love-to-hear", "en", "We'd love to hear your thoughts"),
    ("comment-join-the-debate-question", "en", "Join the debate: what should happen to the old bridge?"),
    (
        "comment-form-email-not-published",
        "en",
        "Your email address will not be published. Required fields are marked *",
    ),
    ("comment-fr-reagir-a-cet-article", "fr", "Réagir à cet article"),
    ("comment-fr-laissez-votre-commentaire", "fr", "Laissez votre commentaire ci-dessous"),
    ("comment-fr-ajouter-un-commentaire", "fr", "Ajouter un commentaire"),
    (
        "comment-fr-qu-en-pensez-vous",
        "fr",
        "Et vous, qu'en pensez-vous ? Dites-le-nous dans les commentaires.",
    ),
    ("comment-fr-voir-les-n-commentaires", "fr", "Voir les 12 commentaires"),
    ("comment-fr-commentaires-clos", "fr", "Les commentaires sont clos pour cet article."),
    ("comment-fr-etre-connecte", "fr", "Vous devez être connecté pour publier un commentaire."),
    ("comment-de-diskutieren-sie-mit-uns", "de", "Diskutieren Sie mit uns in den Kommentaren"),
    ("comment-de-hinterlassen-sie", "de", "Hinterlassen Sie einen Kommentar"),
    ("comment-de-was-meinen-sie", "de", "Was meinen Sie? Schreiben Sie uns in die Kommentare."),
    ("comment-de-kommentarfunktion-geschlossen", "de", "Die Kommentarfunktion ist für diesen Artikel geschlossen."),
    ("comment-de-alle-kommentare-anzeigen", "de", "Alle 23 Kommentare anzeigen"),
    ("comment-de-jetzt-mitdiskutieren", "de", "Jetzt mitdiskutieren"),
    ("comment-es-deja-un-comentario", "es", "Deja un comentario"),
    ("comment-es-escribe-tu-opinion", "es", "Escribe tu opinión"),
    ("comment-es-y-tu-que-opinas", "es", "¿Y tú qué opinas? Cuéntanos en los comentarios."),
    ("comment-es-ver-los-comentarios", "es", "Ver los 15 comentarios"),
    ("comment-es-se-el-primero", "es", "Sé el primero en comentar"),
    ("comment-es-inicia-sesion", "es", "Inicia sesión para comentar"),
    ("comment-pt-deixe-um-comentario", "pt", "Deixe um comentário"),
    ("comment-pt-escreva-a-sua-opiniao", "pt", "Escreva a sua opinião"),
    ("comment-pt-o-que-voce-acha", "pt", "O que você acha? Deixe sua opinião nos comentários."),
    ("comment-pt-ver-todos", "pt", "Ver todos os comentários"),
    ("comment-pt-seja-o-primeiro", "pt", "Seja o primeiro a comentar"),
    ("comment-pt-desativados", "pt", "Os comentários foram desativados"),
    ("comment-it-lascia-il-tuo", "it", "Lascia il tuo commento"),
    ("comment-it-scrivi-un-commento", "it", "Scrivi un commento"),
    ("comment-it-cosa-ne-pensi", "it", "E tu cosa ne pensi? Scrivilo nei commenti."),
    ("comment-it-mostra-tutti", "it", "Mostra tutti i commenti"),
    ("comment-it-sii-il-primo", "it", "Sii il primo a commentare"),
    ("comment-it-disabilitati", "it", "I commenti sono disabilitati"),
    ("comment-moderation-note", "en", "Note: comments that include personal attacks will be removed."),
    ("comment-fr-moderation", "fr", "Les commentaires injurieux seront supprimés."),
    ("comment-nl-reageer", "nl", "Reageer op dit artikel"),
    ("comment-nl-plaats-een-reactie", "nl", "Plaats een reactie"),
    ("comment-nl-laat-een-reactie-achter", "nl", "Laat hieronder een reactie achter"),
    ("comment-nl-wat-vind-jij", "nl", "Wat vind jij ervan? Laat het ons weten in de reacties."),
    ("comment-nl-bekijk-alle-reacties", "nl", "Bekijk alle 14 reacties"),
    ("comment-nl-reacties-gesloten", "nl", "De reacties zijn gesloten."),
    ("comment-nl-wees-de-eerste", "nl", "Wees de eerste die reageert"),
    ("comment-nl-log-in", "nl", "Log in om te reageren"),
    ("comment-nl-e-mailadres", "nl", "Je e-mailadres wordt niet gepubliceerd."),
    ("comment-nl-geef-je-mening", "nl", "Geef je mening hieronder"),
    ("comment-nl-laat-het-ons-weten", "nl", "Laat het ons weten in de reacties"),
    ("comment-sv-lamna-nedan", "sv", "Lämna en kommentar nedan"),
    ("comment-id-tulis-komentar", "id", "Tulis komentar Anda di bawah ini"),
    ("comment-id-bagaimana-menurut-anda", "id", "Bagaimana menurut Anda? Sampaikan pendapat di kolom komentar."),
    ("comment-id-lihat-semua-komentar", "id", "Lihat semua komentar"),
    ("comment-id-n-komentar", "id", "12 komentar"),
    ("comment-ru-ostavte-kommentarij", "ru", "Оставьте свой комментарий"),
    ("comment-ru-a-chto-vy-dumaete", "ru", "А что вы думаете об этом? Напишите в комментариях."),
    ("comment-ru-n-kommentariev", "ru", "15 комментариев"),
    ("comment-ru-zakryty", "ru", "Комментарии закрыты."),
    ("comment-pl-dodaj-komentarz", "pl", "Dodaj komentarz"),
    ("comment-pl-co-myslicie", "pl", "A co wy o tym myślicie? Napiszcie w komentarzach."),
    ("comment-pl-pokaz-komentarze", "pl", "Pokaż wszystkie komentarze"),
    ("comment-sv-skriv-en-kommentar", "sv", "Skriv en kommentar"),
    ("comment-sv-vad-tycker-du", "sv", "Vad tycker du? Skriv en kommentar nedan."),
    ("comment-sv-kommentarsfaltet-stangt", "sv", "Kommentarsfältet är stängt."),
    ("comment-de-moderation", "de", "Kommentare mit Beleidigungen werden gelöscht."),
    ("comment-es-moderation", "es", "Los comentarios con insultos serán eliminados."),
    ("comment-pt-moderation", "pt", "Atenção: comentários com ofensas não serão aprovados pelo moderador."),
    ("comment-it-moderation", "it", "I commenti offensivi saranno rimossi."),
    # A question to the reader, in any wording, then a call to comment that the family reads, on one line.
    ("asked-en", "en", "What do you make of the new harbour timetable? Leave a comment below."),
    ("asked-de", "de", "Welche Erfahrungen haben Sie mit der neuen Fähre gemacht? Diskutieren Sie mit!"),
    ("asked-pt", "pt", "Já andou no novo ferry do porto? Partilhe a sua opinião."),
    ("asked-da", "da", "Hvad synes du om de nye færgepriser? Skriv din mening herunder."),
    ("asked-es", "es", "¿Qué opinas del nuevo horario del ferri? Déjanos tu comentario."),
    ("asked-ro", "ro", "Ce părere aveți despre noul program al feribotului? Lăsați un comentariu mai jos."),
    ("asked-vi", "vi", "Bạn nghĩ gì về lịch chạy phà mới? Hãy để lại bình luận bên dưới."),
    ("asked-zh", "zh", "你怎么看新的轮渡时刻表？欢迎在评论区留言讨论。"),
    # Notices that commenting needs an account.
    ("login-en-subscribers", "en", "Only registered members can comment here. Sign in to take part."),
    ("login-en-reply", "en", "Please log in with your library card number to post a reply."),
    ("login-fr", "fr", "Identifiez-vous pour commenter cet article."),
    ("login-de", "de", "Um mitzudiskutieren, melden Sie sich bitte mit Ihrem Leserkonto an."),
    ("login-es", "es", "Para comentar debes iniciar sesión con tu cuenta de suscriptor."),
    ("login-pt", "pt", "Faça login com a sua conta para comentar esta notícia."),
    ("login-nl", "nl", "Om te reageren moet je ingelogd zijn met je abonneeaccount."),
    ("login-sv", "sv", "Logga in med BankID för att kommentera."),
    ("login-fi", "fi", "Kirjaudu sisään kommentoidaksesi juttua."),
    ("login-pl", "pl", "Zaloguj się, aby dodać komentarz."),
    ("login-hr", "hr", "Za komentiranje se prijavite svojim korisničkim računom."),
    ("login-ro", "ro", "Pentru a comenta trebuie să fiți autentificat."),
    ("login-ru", "ru", "Чтобы оставить комментарий, войдите через VK ID."),
    ("login-tr", "tr", "Yorum yapmak için giriş yapın."),
    ("login-id", "id", "Silakan login untuk memberikan komentar."),
    ("login-ja", "ja", "コメントするにはログインしてください。"),
    # A comment count with a short call after it, parted by a dash, a bar or a dot.
    ("count-call-en", "en", "32 comments – join the discussion"),
    ("count-call-de", "de", "9 Kommentare · Jetzt lesen"),
    ("count-call-fr", "fr", "15 commentaires | Réagir"),
    ("count-call-es", "es", "7 comentarios – Opina"),
    ("count-call-nl", "nl", "18 reacties · Praat mee"),
    # a short call after a question to the reader that names where readers comment, in any wording of the call
    ("place-call-en", "en", "Which route do you take to work? Drop it in the comments or message our page."),
    ("place-call-es", "es", "¿Qué os pareció el final? Contádnoslo en los comentarios o en nuestras redes."),
    ("place-call-it", "it", "Vi è piaciuto il concerto? Fatecelo sapere nei commenti o sulla nostra pagina!"),
    ("place-call-cs", "cs", "Jak se vám líbil koncert? Napište nám do diskuze!"),
    ("place-call-ro", "ro", "Ce părere aveți despre noul parc? Lăsați-ne un gând în comentarii."),
    ("place-call-id", "id", "Bagaimana menurut kalian? Tuliskan jawabanmu di kolom komentar ya!"),
    ("place-call-pl", "pl", "A wy jak spędzacie weekend? Piszcie w komentarzach!"),
    ("place-call-ja", "ja", "皆さんはどう思いますか？ぜひコメント欄で教えてください。"),
    # a notice that the discussion of the piece is closed, in any wording
    ("closed-en", "en", "Discussion on this report has now closed."),
    ("closed-sv", "sv", "Diskussionen är avslutad för den här artikeln."),
    ("closed-de", "de", "Die Kommentarfunktion für diesen Beitrag wurde nach drei Tagen deaktiviert."),
    ("closed-es", "es", "Esta entrada ya no admite comentarios."),
    ("closed-fi", "fi", "Keskustelu tähän juttuun on suljettu."),
    ("closed-tr", "tr", "Bu habere yorumlar kapatılmıştır."),
    # a question that asks for the reader's view ("according to you") is no reported speech
    ("place-call-it-secondo-voi", "it", "E secondo voi, chi vincerà lo scudetto? Ditecelo nei commenti!"),
    ("place-call-es-segun-tu", "es", "Y según tú, ¿quién ganará la liga? Déjanos tu respuesta en los comentarios."),
]
BOILERPLATE += [
    pytest.param(line, language, "comment-prompts", id=case_id) for case_id, language, line in COMMENT_PROMPTS
]

# A dateline alone on a line near the top: a place in capitalised words, then a date.
PLACE_DATELINES: list[tuple[str, str, str]] = [
    ("dateline-es", "es", "San Juan, 4 de diciembre de 2023"),
    ("dateline-en-state", "en", "SPRINGFIELD, Ill. — Oct. 21, 2025"),
    ("dateline-ru", "ru", "Томск, 21 ноября."),
    ("dateline-fr", "fr", "Brest, le mardi 21 octobre 2025"),
    ("dateline-hr", "hr", "SPLIT, 14. veljače"),
    ("dateline-da", "da", "Odense, tirsdag den 9. januar 2024"),
]
BOILERPLATE += [pytest.param(line, language, "datelines", id=case_id) for case_id, language, line in PLACE_DATELINES]

# Affiliate and sponsorship disclosures.
AFFILIATE_NOTES: list[tuple[str, str, str]] = [
    (
        "affiliate-might-receive-a-share",
        "en",
        "If you click a link on this page and make a purchase, we might receive a small share of the sale.",
    ),
    (
        "affiliate-chosen-independently-a-cut",
        "en",
        "Items featured here are chosen independently by our editors; we may get a cut of sales.",
    ),
    ("affiliate-guide-includes-referral-links", "en", "This guide includes referral links."),
    ("affiliate-links-in-this-newsletter", "en", "Some links in this newsletter are affiliate links."),
    (
        "affiliate-no-extra-cost",
        "en",
        "Buying through the links below supports our reporting at no extra cost to you.",
    ),
    ("affiliate-video-sponsored-by", "en", "This video is sponsored by Harbour Outfitters."),
    ("affiliate-brought-to-you-by", "en", "Brought to you by Harbour Outfitters"),
    ("affiliate-partner-content-from", "en", "Partner content from Harbour Outfitters"),
    ("affiliate-amazon-affiliate", "en", "As an Amazon affiliate, this site earns from qualifying purchases."),
    (
        "affiliate-disclosure-label",
        "en",
        "Affiliate disclosure: we are paid when you sign up through our links.",
    ),
    ("affiliate-fr-liens-d-affiliation", "fr", "Ce guide comporte des liens d'affiliation."),
    (
        "affiliate-fr-toucher-une-commission",
        "fr",
        "Si vous achetez via nos liens, nous pouvons toucher une petite commission.",
    ),
    ("affiliate-fr-contenu-sponsorise", "fr", "Contenu sponsorisé par Maison Exemple"),
    ("affiliate-fr-partenariat-remunere", "fr", "En partenariat rémunéré avec Exemple Voyages"),
    ("affiliate-de-partner-links", "de", "Dieser Ratgeber enthält sogenannte Partner-Links."),
    (
        "affiliate-de-bekommen-wir-provision",
        "de",
        "Kaufen Sie über einen dieser Links, bekommen wir eine kleine Provision.",
    ),
    ("affiliate-de-gesponsert-von", "de", "Gesponsert von Hafen Reisen"),
    ("affiliate-de-keine-mehrkosten", "de", "Für Sie entstehen dabei keine Mehrkosten."),
    ("affiliate-es-enlaces-de-afiliados", "es", "Esta guía incluye enlaces de afiliados."),
    (
        "affiliate-es-podriamos-recibir",
        "es",
        "Si compras a través de nuestros enlaces, podríamos recibir una pequeña comisión.",
    ),
    ("affiliate-es-contenido-patrocinado", "es", "Contenido patrocinado por Viajes Ejemplo"),
    ("affiliate-pt-links-de-afiliados", "pt", "Esta página contém links de afiliados."),
    ("affiliate-pt-podemos-ganhar", "pt", "Ao comprar pelos nossos links, podemos ganhar uma pequena comissão."),
    ("affiliate-pt-patrocinado-pela", "pt", "Conteúdo patrocinado pela Viagens Exemplo"),
    ("affiliate-it-link-di-affiliazione", "it", "Questa guida contiene link di affiliazione."),
    (
        "affiliate-it-potremmo-ricevere",
        "it",
        "Acquistando tramite i nostri link potremmo ricevere una piccola commissione.",
    ),
    ("affiliate-it-sponsorizzato-da", "it", "Contenuto sponsorizzato da Viaggi Esempio"),
    ("affiliate-contains-sponsored-content", "en", "This review contains sponsored content."),
    ("affiliate-we-also-use-affiliate-links", "en", "We also use affiliate links in some of our guides."),
    ("affiliate-links-are-used", "en", "Affiliate links are used throughout this guide."),
    (
        "affiliate-supported-by-commissions",
        "en",
        "This blog is supported by commissions from the retailers it links to.",
    ),
    ("affiliate-nl-bevat-affiliate-links", "nl", "Dit artikel bevat affiliate links."),
    (
        "affiliate-nl-kleine-commissie",
        "nl",
        "Als je via onze links iets koopt, ontvangen we mogelijk een kleine commissie.",
    ),
    ("affiliate-nl-geen-extra-kosten", "nl", "Dit kost jou niets: het gaat zonder extra kosten voor jou."),
    ("affiliate-nl-gesponsord-door", "nl", "Gesponsord door Haven Reizen"),
    ("affiliate-id-tautan-afiliasi", "id", "Artikel ini mengandung tautan afiliasi."),
    ("affiliate-ru-partnerskie-ssylki", "ru", "Эта статья содержит партнерские ссылки."),
    ("affiliate-ru-na-pravah-reklamy", "ru", "На правах рекламы"),
    ("affiliate-pl-linki-afiliacyjne", "pl", "Ten artykuł zawiera linki afiliacyjne."),
    ("affiliate-pl-material-sponsorowany", "pl", "Materiał sponsorowany"),
    ("affiliate-pl-wspolpraca", "pl", "Artykuł powstał we współpracy z Portem Gdynia"),
    ("affiliate-sv-affiliatelankar", "sv", "Den här artikeln innehåller affiliatelänkar."),
    ("affiliate-sv-annonssamarbete", "sv", "Annonssamarbete med Hamnresor"),
    ("affiliate-small-amount-of-commission", "en", "I may receive a (very) small amount of commission if you buy."),
    # a sponsor's label or note and a short disclaimer on one line
    ("affiliate-label-and-disclaimer-sk", "sk", "Platená spolupráca. Za obsah zodpovedá klient."),
    ("affiliate-label-and-disclaimer-pl", "pl", "Materiał partnera. Redakcja nie odpowiada za jego treść."),
    (
        "affiliate-label-and-disclaimer-nb",
        "nb",
        "Betalt innhold fra Havnereiser – redaksjonen har ikke vært involvert.",
    ),
    ("affiliate-label-and-disclaimer-en", "en", "Sponsored content. The newsroom was not involved in its creation."),
    ("affiliate-label-and-disclaimer-de", "de", "Anzeige: Die Redaktion hatte keinen Einfluss auf den Inhalt."),
    ("affiliate-label-and-disclaimer-hr", "hr", "Plaćeni oglas. Za sadržaj odgovara oglašivač."),
]
BOILERPLATE += [
    pytest.param(line, language, "affiliate-notes", id=case_id) for case_id, language, line in AFFILIATE_NOTES
]

# Dateline and update labels with their dates: two on a line, separators, a reading time.
DATELINES: list[tuple[str, str, str]] = [
    ("timestamp-two-labels-joined-by-and", "en", "Published 12 June 2023 and updated 14 June 2023"),
    (
        "timestamp-two-labels-times-first",
        "en",
        "Posted: 8:15am EDT, June 2, 2023 — Last updated: 9:40am EDT, June 2, 2023",
    ),
    ("timestamp-created-modified-weekdays", "en", "Created Mon 5 Feb 2024 · Modified Tue 6 Feb 2024"),
    ("timestamp-issued-updated-on", "en", "Issued on 4 March 2024 | Updated on 5 March 2024"),
    ("timestamp-originally-posted-last-modified", "en", "Originally posted Nov 2, 2022; last modified Jan 9, 2023"),
    ("timestamp-last-modified-on", "en", "Last modified on Wed 4 May 2024 08.00 BST"),
    ("timestamp-date-and-reading-time", "en", "Jun 12, 2023 · 7 min read"),
    (
        "timestamp-fr-publie-mis-a-jour",
        "fr",
        "Publié le 5 février 2024 à 07h30 - Mis à jour le 6 février 2024 à 11h02",
    ),
    (
        "timestamp-fr-mis-en-ligne-derniere-modification",
        "fr",
        "Mis en ligne le 2 juin 2023, dernière modification le 3 juin 2023",
    ),
    (
        "timestamp-de-erstellt-zuletzt-aktualisiert",
        "de",
        "Erstellt am 5.2.2024, zuletzt aktualisiert am 6.2.2024 um 11:02 Uhr",
    ),
    (
        "timestamp-de-veroeffentlicht-geaendert",
        "de",
        "Veröffentlicht: 12.06.2023, 08:15 Uhr · Geändert: 12.06.2023, 10:40 Uhr",
    ),
    (
        "timestamp-es-publicado-actualizado",
        "es",
        "Publicado el 12 de junio de 2023 a las 08:15 | Actualizado el 13 de junio de 2023",
    ),
    (
        "timestamp-pt-publicado-atualizado",
        "pt",
        "Publicado em 12 de junho de 2023 às 08h15, atualizado em 13 de junho de 2023 às 10h40",
    ),
    (
        "timestamp-it-pubblicato-aggiornato",
        "it",
        "Pubblicato il 12 giugno 2023 alle 08:15 - Aggiornato il 13 giugno 2023 alle 10:40",
    ),
    ("timestamp-it-ultimo-aggiornamento", "it", "Ultimo aggiornamento: 13/06/2023"),
    (
        "timestamp-nl-gepubliceerd-bijgewerkt",
        "nl",
        "Gepubliceerd op 12 juni 2023 om 08:15 - Bijgewerkt op 13 juni 2023 om 10:40 uur",
    ),
    ("timestamp-nl-laatst-bijgewerkt", "nl", "Laatst bijgewerkt: 13-06-2023"),
    ("timestamp-nl-day-and-reading-time", "nl", "maandag 3 maart 2025 · 4 minuten leestijd"),
    ("timestamp-id-day-date-wib", "id", "Senin, 3 Maret 2025 | 10:15 WIB"),
    ("timestamp-id-diperbarui", "id", "Diperbarui: Selasa, 4 Maret 2025, 08:00 WIB"),
    ("timestamp-ru-opublikovano", "ru", "Опубликовано: 12 марта 2025, 10:15 мск"),
    ("timestamp-ru-obnovleno", "ru", "Обновлено 13 марта 2025 г. в 08:00"),
    ("timestamp-pl-opublikowano", "pl", "Opublikowano: 12 marca 2025, godz. 10:15"),
    ("timestamp-pl-aktualizacja", "pl", "Aktualizacja: 13.03.2025 08:00"),
    ("timestamp-sv-publicerad", "sv", "Publicerad 12 mars 2025 kl. 10.15"),
    ("timestamp-sv-uppdaterad", "sv", "Uppdaterad: 13 mars 2025 08:00"),
    ("timestamp-unlabelled-date-then-update", "en", "12 March 2021 – Updated 2 February 2024"),
    ("timestamp-fr-unlabelled-date-then-update", "fr", "3 mars 2021 · Mis à jour le 2 février 2024"),
]
BOILERPLATE += [pytest.param(line, language, "timestamps", id=case_id) for case_id, language, line in DATELINES]

# Dates in numbers alone, in any language's order, and (on a page in a language the label tables have no
# wordings for) one or two words and a colon before one: a dateline whatever the language.
NUMERIC_DATELINES: list[tuple[str, str, str]] = [
    ("timestamp-numeric-day-month-year", "en", "03.05.2024 10:15"),
    ("timestamp-numeric-year-month-day", "en", "2024.05.03 10:15"),
    ("timestamp-numeric-month-day-year-am", "en", "05/03/2024 10:15 AM"),
    ("timestamp-numeric-slashes-year-first", "en", "2024/5/3"),
    ("timestamp-numeric-spaced-dots", "en", "3. 5. 2024"),
    ("timestamp-ja-year-month-day-time", "ja", "2024年5月3日 10時15分"),
    ("timestamp-ja-weekday", "ja", "2024年5月3日(金) 10:15"),
    ("timestamp-ko-year-month-day-time", "ko", "2024년 5월 3일 10시 15분"),
    ("timestamp-ja-label-any-language", "ja", "更新日：2024年5月3日"),
    ("timestamp-zh-label-any-language", "zh", "发布时间：2024-05-03 10:15"),
    ("timestamp-tr-label-any-language", "tr", "Yayınlanma: 03.05.2024 10:15"),
    ("timestamp-cs-label-any-language", "cs", "Publikováno: 3. 5. 2024 10:15"),
    ("timestamp-ar-label-any-language", "ar", "نشر في: 03/05/2024 10:15"),
    # a label whose words hold combining marks (vowel signs, a virama, Arabic points), part of each word
    ("timestamp-bn-label-with-vowel-signs", "bn", "প্রকাশিত: 03.05.2024 10:15"),
    ("timestamp-ta-label-with-vowel-signs", "ta", "வெளியிடப்பட்டது: 03.05.2024 10:15"),
    ("timestamp-th-label-with-vowel-signs", "th", "เผยแพร่: 03/05/2024 10:15"),
    ("timestamp-ar-label-with-points", "ar", "نُشِرَ في: 03/05/2024 10:15"),
]

# Labels, month names and fillers of nine more languages (tr, cs, da, nb, fi, ro, hu, el, uk).
DATELINES_MORE_LANGUAGES: list[tuple[str, str, str]] = [
    ("timestamp-tr-0", "tr", "Yayınlanma 3 Mayıs 2024, saat 10:15"),
    ("timestamp-tr-1", "tr", "Güncellendi 4 Mayıs 2024 10:15"),
    ("timestamp-cs-2", "cs", "Publikováno 3. května 2024 v 10:15"),
    ("timestamp-cs-3", "cs", "Aktualizováno 4. 5. 2024"),
    ("timestamp-da-4", "da", "Udgivet 3. maj 2024 kl. 10.15"),
    ("timestamp-da-5", "da", "Opdateret 4. maj 2024"),
    ("timestamp-nb-6", "nb", "Publisert 3. mai 2024 kl. 10:15"),
    ("timestamp-nb-7", "nb", "Sist oppdatert 4. mai 2024"),
    ("timestamp-fi-8", "fi", "Julkaistu 3.5.2024 klo 10.15"),
    ("timestamp-fi-9", "fi", "Päivitetty 4. toukokuuta 2024"),
    ("timestamp-ro-10", "ro", "Publicat 3 mai 2024, ora 10:15"),
    ("timestamp-ro-11", "ro", "Actualizat 4 mai 2024"),
    ("timestamp-hu-12", "hu", "Közzétéve 2024. május 3. 10:15"),
    ("timestamp-hu-13", "hu", "Frissítve 2024. május 4."),
    ("timestamp-el-14", "el", "Δημοσίευση 3 Μαΐου 2024, 10:15"),
    ("timestamp-el-15", "el", "Ενημερώθηκε 4 Μαΐου 2024 στις 08:00"),
    ("timestamp-uk-16", "uk", "Опубліковано 3 травня 2024, 10:15"),
    ("timestamp-uk-17", "uk", "Оновлено 4 травня 2024 о 08:00"),
]
BOILERPLATE += [
    pytest.param(line, language, "timestamps", id=case_id) for case_id, language, line in DATELINES_MORE_LANGUAGES
]
BOILERPLATE += [pytest.param(line, language, "timestamps", id=case_id) for case_id, language, line in NUMERIC_DATELINES]

# Two labelled dates, generated: every pair of labels, date spelling and separator must go (the rule is
# labels + names + fillers + separators, not a list of sentences).
_LABEL_PAIRS = {
    "en": [("Published", "Updated"), ("Posted on", "Last updated on"), ("First published:", "Last modified:")],
    "fr": [("Publié le", "mis à jour le"), ("Mis en ligne le", "Dernière mise à jour le")],
    "de": [("Veröffentlicht am", "aktualisiert am"), ("Erstellt am", "Zuletzt geändert am")],
    "es": [("Publicado el", "actualizado el"), ("Publicado:", "Última actualización:")],
    "pt": [("Publicado em", "atualizado em"), ("Publicado:", "Última atualização:")],
    "it": [("Pubblicato il", "aggiornato il"), ("Pubblicato:", "Ultima modifica:")],
    "nl": [("Gepubliceerd op", "bijgewerkt op"), ("Geplaatst:", "Laatst gewijzigd:")],
    "id": [("Diterbitkan", "diperbarui"), ("Tayang:", "Terakhir diperbarui:")],
}
_DATES = {
    "en": [("9 October 2023", "10 October 2023"), ("Oct 9, 2023, 6:05 PM ET", "Oct 10, 2023, 7:00 AM ET")],
    "fr": [("9 octobre 2023 à 18h05", "10 octobre 2023 à 7h00"), ("09/10/2023", "10/10/2023")],
    "de": [("9. Oktober 2023, 18:05 Uhr", "10. Oktober 2023, 07:00 Uhr"), ("09.10.2023", "10.10.2023")],
    "es": [("9 de octubre de 2023 a las 18:05", "10 de octubre de 2023"), ("09/10/2023", "10/10/2023")],
    "pt": [("9 de outubro de 2023 às 18h05", "10 de outubro de 2023"), ("09/10/2023", "10/10/2023")],
    "it": [("9 ottobre 2023 alle 18:05", "10 ottobre 2023"), ("09/10/2023", "10/10/2023")],
    "nl": [("9 oktober 2023 om 18:05 uur", "10 oktober 2023"), ("09-10-2023", "10-10-2023")],
    "id": [("9 Oktober 2023 pukul 18:05 WIB", "10 Oktober 2023"), ("09/10/2023", "10/10/2023")],
}
_SEPARATORS = [", ", " | ", " · ", " - ", " — "]
BOILERPLATE += [
    pytest.param(
        f"{first} {date_one}{separator}{second} {date_two}",
        language,
        "timestamps",
        id=f"timestamp-generated-{language}-{p}{d}{s}",
    )
    for language, pairs in _LABEL_PAIRS.items()
    for p, (first, second) in enumerate(pairs)
    for d, (date_one, date_two) in enumerate(_DATES[language])
    for s, separator in enumerate(_SEPARATORS)
]

ARTICLE_ON_THE_SAME_TOPICS: list[tuple[str, str, str]] = [
    # Syndication: sentences about where something was published, and reported speech.
    (
        "syndication-survey-first-published-in-a-year",
        "en",
        "The harbour survey was first published in 1987 and has been updated every decade since.",
    ),
    (
        "syndication-study-appeared-in-the-lancet",
        "en",
        "This study first appeared in the Lancet and caused an outcry among doctors.",
    ),
    (
        "syndication-story-appeared-in-a-local-newspaper",
        "en",
        "This story first appeared in a local newspaper and was later picked up by national broadcasters.",
    ),
    (
        "syndication-originally-published-in-a-year-comma",
        "en",
        "Originally published in 1887, the novel is set in the harbour town.",
    ),
    (
        "syndication-first-published-by-penguin",
        "en",
        "First published by Penguin in 1950, the novel was banned in three countries.",
    ),
    (
        "syndication-republished-with-permission-from-the-estate",
        "en",
        "Republished with permission from the estate, the letters reveal a different side of the poet.",
    ),
    (
        "syndication-article-was-updated",
        "en",
        "This article was updated on Friday to include the council's response.",
    ),
    ("syndication-produced-by-students", "en", "This story was produced by students at the university."),
    ("syndication-quote", "en", '"This story first ran in the Harbour Herald," the editor said.'),
    (
        "syndication-originally-published-in-the-spring",
        "en",
        "Originally published in the spring, the guide sold out within weeks.",
    ),
    (
        "syndication-fr-rapport-publie-initialement",
        "fr",
        "Le rapport, publié initialement en 1998, a été révisé en 2004.",
    ),
    (
        "syndication-fr-initialement-publie-dans-une-revue",
        "fr",
        "Initialement publié dans une revue scientifique, le texte a fait scandale.",
    ),
    ("syndication-fr-quote", "fr", "« Cet article a été publié dans Le Monde », a rappelé l'avocat."),
    (
        "syndication-de-bericht-erschien-zuerst",
        "de",
        "Der Bericht erschien zuerst im Jahr 1998 und wurde 2004 überarbeitet.",
    ),
    (
        "syndication-de-dieser-bericht-im-herbst",
        "de",
        "Dieser Bericht erschien zuerst im Herbst und löste eine Debatte aus.",
    ),
    ("syndication-es-informe-publicado", "es", "El informe fue publicado originalmente en 1998 y revisado en 2004."),
    (
        "syndication-es-publicado-originalmente-en-un-ano",
        "es",
        "Publicado originalmente en 1998, el libro se convirtió en un clásico.",
    ),
    ("syndication-pt-relatorio-publicado", "pt", "O relatório foi publicado originalmente em 1998 e revisto em 2004."),
    (
        "syndication-it-rapporto-pubblicato",
        "it",
        "Il rapporto è stato pubblicato originariamente nel 1998 e rivisto nel 2004.",
    ),
    # Comments: sentences about comments, and quoted prompts.
    (
        "comment-residents-left-comments",
        "en",
        "Residents left more than 300 comments on the council's consultation page.",
    ),
    ("comment-comments-on-the-application-close", "en", "Comments on the planning application close on 30 June."),
    ("comment-comments-were-closed", "en", "The comments were closed after a flood of abuse."),
    ("comment-post-drew-comments", "en", "The mayor's post drew 2,000 comments within an hour."),
    (
        "comment-join-the-discussion-reported",
        "en",
        "Join the discussion at the library on Thursday, organisers said.",
    ),
    ("comment-quote", "en", '"Leave a comment and we will read it," the editor told the meeting.'),
    (
        "comment-what-do-you-think-question-put",
        "en",
        "What do you think about the bridge? That was the question put to 500 residents.",
    ),
    (
        "comment-have-your-say-on-the-plans",
        "en",
        "Have your say on the bridge plans at the consultation, which closes on 30 June.",
    ),
    (
        "comment-comments-are-closed-on-a-page",
        "en",
        "Comments are closed on the council's Facebook page since the abuse began.",
    ),
    (
        "comment-fr-internautes-ont-laisse",
        "fr",
        "Les internautes ont laissé des centaines de commentaires sous la publication du maire.",
    ),
    ("comment-fr-quote", "fr", "« Laissez un commentaire, on vous répondra », a promis la mairie."),
    (
        "comment-fr-commentaires-fermes-depuis",
        "fr",
        "Les commentaires sont fermés depuis l'attaque informatique de mars.",
    ),
    (
        "comment-de-leser-hinterliessen",
        "de",
        "Leser hinterließen Hunderte Kommentare unter dem Beitrag des Bürgermeisters.",
    ),
    ("comment-de-quote", "de", "„Schreiben Sie einen Kommentar, wenn Sie mögen“, sagte der Moderator."),
    (
        "comment-de-kommentarfunktion-abgeschaltet",
        "de",
        "Die Kommentarfunktion wurde nach den Beleidigungen im März abgeschaltet und nie wieder geöffnet.",
    ),
    (
        "comment-es-vecinos-dejaron",
        "es",
        "Los vecinos dejaron cientos de comentarios en la publicación del alcalde.",
    ),
    ("comment-es-quote", "es", "«Deja tu comentario y te responderemos», dijo la concejala."),
    ("comment-es-comentarios-fueron-cerrados", "es", "Los comentarios fueron cerrados tras una oleada de insultos."),
    (
        "comment-pt-leitores-deixaram",
        "pt",
        "Os leitores deixaram centenas de comentários na publicação do prefeito.",
    ),
    ("comment-pt-quote", "pt", '"Deixe seu comentário e responderemos", disse a vereadora.'),
    (
        "comment-it-lettori-hanno-lasciato",
        "it",
        "I lettori hanno lasciato centinaia di commenti sotto il post del sindaco.",
    ),
    ("comment-it-quote", "it", "«Lascia un commento e ti risponderemo», ha detto l'assessore."),
    # Affiliates and sponsors: commissions and sponsors in the news.
    (
        "affiliate-comparison-site-earns",
        "en",
        "The comparison site earns a commission on every policy sold, the regulator found.",
    ),
    (
        "affiliate-sponsored-by-breweries-comma",
        "en",
        "Sponsored by two local breweries, the regatta raised £40,000 for the lifeboat station.",
    ),
    (
        "affiliate-influencer-paid-partnership",
        "en",
        "The influencer failed to disclose that the post was a paid partnership with a fashion brand.",
    ),
    (
        "affiliate-links-source-of-income",
        "en",
        "Affiliate links have become a major source of income for review sites.",
    ),
    (
        "affiliate-programme-pays-publishers",
        "en",
        "Amazon's affiliate programme pays publishers between 1 and 10 per cent of each sale.",
    ),
    ("affiliate-quote", "en", '"We may earn a commission on some of these sales," the shop owner admitted.'),
    (
        "affiliate-sponsored-by-without-comma",
        "en",
        "Sponsored by the council the fun run attracted 2,000 runners",
    ),
    (
        "affiliate-fr-vendeur-touche",
        "fr",
        "Le vendeur touche une commission de 5 % sur chaque appartement vendu.",
    ),
    (
        "affiliate-fr-sponsorise-par-la-region",
        "fr",
        "Sponsorisé par la région, le festival a attiré 20 000 visiteurs.",
    ),
    ("affiliate-de-haendler-erhaelt", "de", "Der Händler erhält eine Provision für jeden verkauften Vertrag."),
    (
        "affiliate-de-gesponsert-von-der-stadt",
        "de",
        "Gesponsert von der Stadt, zog das Festival 20.000 Besucher an.",
    ),
    ("affiliate-es-tienda-cobra", "es", "La tienda cobra una comisión por cada venta, según la sentencia."),
    (
        "affiliate-es-patrocinado-por-el-ayuntamiento",
        "es",
        "Patrocinado por el ayuntamiento, el festival atrajo a 20.000 visitantes.",
    ),
    ("affiliate-pt-loja-recebe", "pt", "A loja recebe uma comissão por cada venda, segundo a sentença."),
    ("affiliate-it-negozio-riceve", "it", "Il negozio riceve una commissione su ogni vendita, secondo la sentenza."),
    # Dates: sentences with a label word and a date, a range, two days.
    (
        "timestamp-guidance-published-and-updated",
        "en",
        "The guidance was published on 12 June and updated two weeks later after a legal challenge.",
    ),
    (
        "timestamp-updated-forecasts",
        "en",
        "Updated forecasts issued on Monday put the cost of the repairs at £12m.",
    ),
    (
        "timestamp-posted-to-and-returned",
        "en",
        "Posted to the harbour office on 3 May 2024 and returned unopened on 4 May 2024",
    ),
    ("timestamp-range-without-labels", "en", "May 2019 – June 2020"),
    ("timestamp-two-days-without-labels", "en", "Saturday 3 and Sunday 4 June"),
    (
        "timestamp-fr-publie-et-mis-a-jour",
        "fr",
        "Le rapport a été publié le 3 mai et mis à jour la semaine suivante.",
    ),
    (
        "timestamp-de-veroeffentlicht-und-aktualisiert",
        "de",
        "Der Bericht wurde am 3. Mai veröffentlicht und eine Woche später aktualisiert.",
    ),
    (
        "timestamp-es-publico-y-actualizo",
        "es",
        "El informe se publicó el 3 de mayo y se actualizó una semana después.",
    ),
    (
        "timestamp-pt-publicado-e-atualizado",
        "pt",
        "O relatório foi publicado em 3 de maio e atualizado uma semana depois.",
    ),
    (
        "timestamp-it-pubblicato-e-aggiornato",
        "it",
        "Il rapporto è stato pubblicato il 3 maggio e aggiornato la settimana successiva.",
    ),
    (
        "timestamp-nl-gepubliceerd-en-bijgewerkt",
        "nl",
        "Het rapport werd op 3 mei gepubliceerd en een week later bijgewerkt.",
    ),
    (
        "syndication-nl-rapport-verscheen-eerder",
        "nl",
        "Het stuk verscheen eerder in 1998 en werd in 2004 herzien door de gemeente.",
    ),
    (
        "syndication-nl-quote",
        "nl",
        "„Dit artikel verscheen eerder in de Havenkrant”, zei de hoofdredacteur.",
    ),
    ("comment-nl-reageren-op-kritiek", "nl", "Reageren op kritiek vindt de burgemeester lastig, zegt hij."),
    (
        "comment-nl-reacties-van-bewoners",
        "nl",
        "De reacties van bewoners op het plan waren overwegend positief, meldt de gemeente.",
    ),
    (
        "affiliate-nl-commissie-van-experts",
        "nl",
        "We krijgen een commissie van experts die het plan beoordeelt, aldus de wethouder.",
    ),
    (
        "affiliate-nl-vergoeding-gemeente",
        "nl",
        "De boeren ontvangen een vergoeding van de provincie voor de schade aan hun gewassen.",
    ),
    (
        "syndication-id-majalah-terbit",
        "id",
        "Majalah itu pertama kali terbit di Surabaya pada 1998 dan kini dicetak ulang.",
    ),
    (
        "comment-id-warga-memberikan-tanggapan",
        "id",
        "Warga memberikan tanggapan beragam terhadap rencana penutupan jembatan itu, kata kepala desa.",
    ),
    (
        "promo-id-ikuti-rapat",
        "id",
        "Ikuti rapat dewan kota yang membahas perbaikan jembatan pada Selasa malam.",
    ),
    (
        "timestamp-id-diterbitkan-dan-diperbarui",
        "id",
        "Laporan itu diterbitkan pada 3 Mei dan diperbarui sepekan kemudian.",
    ),
    ("promo-nl-volg-ons-in-quote", "nl", "„Volg ons op de voet”, zei de woordvoerder van de havendienst."),
    (
        "syndication-ru-doklad-opublikovan",
        "ru",
        "Доклад был впервые опубликован в 1998 году и пересмотрен в 2004 году.",
    ),
    (
        "comment-ru-zhiteli-ostavili-kommentarii",
        "ru",
        "Жители оставили сотни комментариев к проекту моста, сообщил мэр города.",
    ),
    (
        "syndication-pl-raport-opublikowany",
        "pl",
        "Raport został po raz pierwszy opublikowany w 1998 roku i zmieniony w 2004 roku.",
    ),
    (
        "promo-pl-obserwuj-w-cytacie",
        "pl",
        "„Obserwuj nas uważnie”, powiedział rzecznik portu dziennikarzom.",
    ),
    (
        "syndication-sv-rapporten-publicerades",
        "sv",
        "Rapporten publicerades först 1998 och reviderades av kommunen 2004.",
    ),
    (
        "comment-sv-skriv-en-kommentar-citat",
        "sv",
        "Skriv en kommentar till förslaget senast i juni, sade kommunens talesperson.",
    ),
    (
        "promo-nl-schrijf-je-in-marathon",
        "nl",
        "Schrijf je in voor de marathon vóór 1 juni via de site van de gemeente.",
    ),
    ("promo-pl-zapisz-sie-na-szczepienie", "pl", "Zapisz się na szczepienie do 30 czerwca, apeluje ministerstwo."),
    (
        "promo-sv-registrera-dig-for-vaccination",
        "sv",
        "Registrera dig för vaccination senast på fredag, uppmanar regionen.",
    ),
    ("promo-id-unduh-aplikasi-pemerintah", "id", "Unduh aplikasi layanan publik itu untuk melapor kerusakan jalan."),
    (
        "promo-nl-nieuwsbrief-stays-in-prose",
        "nl",
        "De gemeente stuurt bewoners een nieuwsbrief over de werkzaamheden aan de brug.",
    ),
    ("comment-nl-laat-het-ons-weten-politie", "nl", "Laat het ons weten als u iets ziet, vraagt de politie."),
    (
        "comment-nl-geef-uw-mening-inspraak",
        "nl",
        "Geef uw mening over het plan tijdens de inspraakavond in het stadhuis.",
    ),
    ("comment-id-berikan-tanggapan", "id", "Berikan tanggapan terhadap rancangan peraturan sebelum 30 Juni."),
    ("comment-sv-lamna-din-kommentar", "sv", "Lämna din kommentar till kommunen senast den 1 juni."),
    ("affiliate-pl-powstal-we-wspolpracy", "pl", "Projekt powstał we współpracy z Uniwersytetem Morskim w Gdyni."),
    ("affiliate-nl-aangeboden-door", "nl", "Aangeboden door de gemeente"),
    ("comment-moderation-in-a-law", "en", "Comments that were posted anonymously may be removed under the new law."),
    (
        "comment-pt-comentarios-analisados",
        "pt",
        "Os comentários com ofensas serão analisados pela Justiça, segundo o delegado.",
    ),
    ("comment-es-comentarios-investigados", "es", "Los comentarios con insultos serán investigados por la fiscalía."),
    ("affiliate-marketing-data-reported", "en", "We use affiliate marketing data in our research, the company said."),
]
ARTICLE += article_cases(ARTICLE_ON_THE_SAME_TOPICS)

# An article's header left as a line of its own (`tests/test_header_lines.py` holds the header lines of parts):
# reading times in the languages that had none, labels of a page's last edit, datelines of more forms.
BOILERPLATE += boilerplate_cases(
    [
        ("reading-da", "da", "reading-times", "7 min. læsning"),
        ("reading-nb", "nb", "reading-times", "Lesetid: 4 minutter"),
        ("reading-fi", "fi", "reading-times", "Lukuaika 5 min"),
        ("reading-cs", "cs", "reading-times", "Doba čtení: 6 minut"),
        ("reading-ro", "ro", "reading-times", "Timp de citire: 4 minute"),
        ("reading-el", "el", "reading-times", "Χρόνος ανάγνωσης: 3 λεπτά"),
        ("reading-tr", "tr", "reading-times", "5 dk okuma"),
        ("reading-hu", "hu", "reading-times", "Olvasási idő: 7 perc"),
        ("reading-uk", "uk", "reading-times", "Читати 5 хвилин"),
        ("reading-ru-verb", "ru", "reading-times", "Читать за 4 минуты"),
        ("reading-ja", "ja", "reading-times", "読了時間：約4分"),
        ("reading-ko", "ko", "reading-times", "읽는 시간 5분"),
        ("reading-zh", "zh", "reading-times", "阅读时间：6分钟"),
        ("last-reviewed-en", "en", "timestamps", "Last reviewed: 9 January 2024"),
        ("last-edit-fr", "fr", "timestamps", "Dernière modification de la page : 14/03/2024"),
        ("last-edit-cs", "cs", "timestamps", "Naposledy upraveno: 4. 3. 2024"),
        ("last-edit-sk", "sk", "timestamps", "Naposledy upravené: 9. 4. 2024"),
        ("last-edit-ru", "ru", "timestamps", "Дата последнего изменения страницы: 12.04.2024"),
        ("last-edit-uk", "uk", "timestamps", "Остання зміна сторінки: 12.04.2024"),
        ("last-edit-tr", "tr", "timestamps", "Son düzenleme: 9 Nisan 2024"),
        ("last-edit-ko", "ko", "timestamps", "최종 수정일: 2024년 4월 9일"),
        ("dateline-bar", "es", "datelines", "Sevilla | 9 de abril de 2024"),
        ("dateline-caseless-place", "hi", "datelines", "जयपुर, 9 अप्रैल।"),
        ("dateline-agency-and-dash", "el", "datelines", "Θεσσαλονίκη, 9 Απριλίου (ΑΠΕ) —"),
        ("dateline-no-comma-then-dash", "sk", "datelines", "Prešov 9. apríla 2024 –"),
    ]
)
ARTICLE += article_cases(
    [
        ("a-table-row-with-a-date", "en", "| Harbour Works | March 3rd, 2024 |"),
        ("a-check-of-data-is-content", "en", "Last checked: 2024-03-09"),
        ("a-heading-with-the-words", "en", "The Last Reviewed Cases of 2023"),
    ]
)

# A question in an article, then an address that is no newsroom's: a service's own (an explainer's answer).
ARTICLE += article_cases(
    [
        ("asked-then-a-service-address-en", "en", "How do I apply? Email applications@harbourcouncil.gov.uk."),
        (
            "witnesses-asked-to-email-tips-en",
            "en",
            "Police asked witnesses to email tips@harbourpolice.example with any footage.",
        ),
        (
            "asked-then-a-press-office-en",
            "en",
            "Questions about the timetable? The operator asks passengers to write to press@islandferries.co.uk.",
        ),
        ("asked-then-a-support-address-de", "de", "Wer hilft bei Problemen? Der Betreiber nennt hilfe@faehre-nord.de."),
    ]
)

# A question in an article, then a sentence that is no call to comment: they stay.
ARTICLE += article_cases(
    [
        (
            "asked-then-answered",
            "en",
            "Could the new ferry run before the summer, as the council promised? Engineers doubt it.",
        ),
        ("asked-then-quoted", "en", "Why does this matter? Leave it to the experts, the minister said."),
        (
            "asked-then-told-de",
            "de",
            "Wann fährt die neue Fähre? Die Stadt nennt noch keinen Termin für die erste Fahrt.",
        ),
    ]
)

# Dates in numbers that are the article's own: a table's rows, a list's items, facts with a label in a language
# the tables have wordings for, sentences.
NUMERIC_DATES_THAT_STAY: list[tuple[str, str, str]] = [
    ("table-row-of-dates-and-figures", "en", "| 1/1/2013 | +13.1% |"),
    ("table-row-of-iso-dates", "en", "| 2013-01-01 | 2013-12-31 |"),
    ("list-item-last-checked", "en", "- Last checked: 2025-10-28"),
    ("list-item-any-language", "tr", "- Son başvuru: 03.05.2024"),
    ("event-fact-with-english-label", "en", "Registration closes: 03.05.2024"),
    ("range-of-numeric-dates", "en", "03.05.2024 – 10.05.2025"),
    ("sentence-with-numeric-date", "tr", "Seçim 03.05.2024 tarihinde yapılacak ve sonuçlar ertesi gün açıklanacak."),
    ("version-and-date", "en", "Version 2.1, released 03.05.2024 with the new maps"),
    ("numbers-that-are-no-date", "en", "12-34-2024"),
    ("month-thirteen-is-no-date", "en", "2024.13.01"),
]

# A site's cookie notice and its buttons, as a consent banner or its settings panel leaves them in the text.
COOKIE_NOTICES: list[tuple[str, str, str]] = [
    (
        "cookie-we-use-on-our-website",
        "en",
        "We use cookies on our website to give you the most relevant experience by remembering your preferences.",
    ),
    ("cookie-this-website-uses", "en", "This website uses cookies to improve your experience while you navigate."),
    ("cookie-we-and-our-partners", "en", "We and our partners use cookies to personalise content and ads."),
    (
        "cookie-by-clicking-accept",
        "en",
        "By clicking “Accept”, you consent to the use of ALL the cookies and agree to our Privacy Policy.",
    ),
    (
        "cookie-necessary-category",
        "en",
        "Necessary cookies are absolutely essential for the website to function properly.",
    ),
    ("cookie-functional-category", "en", "Functional cookies help to perform certain functionalities like sharing."),
    ("cookie-set-by-plugin", "en", "This cookie is set by GDPR Cookie Consent plugin to record the user consent."),
    ("cookie-table-header", "en", "Cookie Duration Description cookielawinfo-checkbox-analytics 11 months"),
    ("cookie-manage-consent", "en", "Manage consent"),
    ("cookie-accept-all", "en", "Accept all cookies"),
    ("cookie-settings", "en", "Cookie Settings"),
    ("cookie-fr-nous-utilisons", "fr", "Nous utilisons des cookies pour améliorer votre expérience sur notre site."),
    (
        "cookie-fr-en-poursuivant",
        "fr",
        "En poursuivant votre navigation, vous acceptez l'utilisation de cookies.",
    ),
    ("cookie-fr-gerer", "fr", "Gérer les cookies"),
    ("cookie-de-wir-verwenden", "de", "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten."),
    ("cookie-de-akzeptieren", "de", "Alle Cookies akzeptieren"),
    ("cookie-es-utilizamos", "es", "Utilizamos cookies propias y de terceros para mejorar nuestros servicios."),
    ("cookie-pt-utilizamos", "pt", "Utilizamos cookies para melhorar a sua experiência no nosso site."),
    (
        "cookie-it-questo-sito",
        "it",
        "Questo sito utilizza cookie tecnici e di terze parti per migliorare la navigazione.",
    ),
    ("cookie-nl-wij-gebruiken", "nl", "Wij gebruiken cookies om onze website te verbeteren."),
]
BOILERPLATE += [
    pytest.param(line, language, "cookie-notices", id=case_id) for case_id, language, line in COOKIE_NOTICES
]

# Sentences that say when something was published or updated, in the same nine languages.
DATED_SENTENCES_MORE_LANGUAGES: list[tuple[str, str, str]] = [
    ("dated-sentence-tr-0", "tr", "Rapor 3 Mayıs 2024'te yayınlandı ve bakanlık ertesi gün verileri güncelledi."),
    (
        "dated-sentence-cs-1",
        "cs",
        "Zpráva byla publikována 3. května 2024 a ministerstvo ji aktualizovalo o týden později.",
    ),
    ("dated-sentence-da-2", "da", "Rapporten blev udgivet 3. maj 2024, og ministeriet opdaterede tallene ugen efter."),
    (
        "dated-sentence-nb-3",
        "nb",
        "Rapporten ble publisert 3. mai 2024, og departementet oppdaterte tallene uken etter.",
    ),
    ("dated-sentence-fi-4", "fi", "Raportti julkaistiin 3.5.2024, ja ministeriö päivitti lukuja viikkoa myöhemmin."),
    (
        "dated-sentence-ro-5",
        "ro",
        "Raportul a fost publicat pe 3 mai 2024, iar ministerul a actualizat cifrele o săptămână mai târziu.",
    ),
    (
        "dated-sentence-hu-6",
        "hu",
        "A jelentést 2024. május 3-án tették közzé, és a minisztérium egy héttel később frissítette.",
    ),
    (
        "dated-sentence-el-7",
        "el",
        "Η έκθεση δημοσιεύθηκε στις 3 Μαΐου 2024 και το υπουργείο ενημέρωσε τα στοιχεία μια εβδομάδα αργότερα.",
    ),
    ("dated-sentence-uk-8", "uk", "Звіт опубліковано 3 травня 2024 року, а міністерство оновило дані через тиждень."),
    ("dated-sentence-tr-9", "tr", "Maç 3 Mayıs 2024 saat 20:00'de başlayacak."),
    ("dated-sentence-fi-10", "fi", "Kokous pidetään 3.5.2024 klo 10.15 kaupungintalolla."),
]
ARTICLE += article_cases(DATED_SENTENCES_MORE_LANGUAGES)

# Article sentences about cookies, of both kinds.
COOKIE_SENTENCES: list[tuple[str, str, str]] = [
    (
        "cookie-regulator-sentence",
        "en",
        "The regulator said the website uses cookies without asking, which breaks the law.",
    ),
    ("cookie-what-they-are", "en", "Cookies are small files that websites store on a reader's computer."),
    ("cookie-court-ruling", "en", "Necessary cookies, the court ruled, need no consent from the visitor."),
    ("cookie-bakery", "en", "We use cookies in our Christmas trifle instead of sponge, said the baker."),
    ("cookie-recipe-line", "en", "- Cookies and cream ice cream, for the topping"),
    ("cookie-fr-cnil", "fr", "La CNIL a sanctionné ce site qui déposait des cookies sans consentement."),
    ("cookie-de-gericht", "de", "Das Gericht entschied, dass Cookies nur mit Einwilligung gesetzt werden dürfen."),
]
ARTICLE += article_cases(COOKIE_SENTENCES)
ARTICLE += article_cases(NUMERIC_DATES_THAT_STAY)

# A sponsor's label, or a word of one, with a part after it that is no disclaimer: a definition, a sentence.
LABELLED_SENTENCES: list[tuple[str, str, str]] = [
    ("labelled-definition", "en", "Advertising – earned and paid advertising."),
    (
        "labelled-long-sentence",
        "en",
        "Advertisement. The city council met on Tuesday evening to vote on the harbour bridge.",
    ),
    ("labelled-pl-no-disclaimer", "pl", "Materiał partnera. Port w Gdyni jest zamknięty do maja."),
]
ARTICLE += article_cases(LABELLED_SENTENCES)

# Lines with a count of comments that is not alone before the mark, or a long text after it: they stay.
COUNT_SENTENCES: list[tuple[str, str, str]] = [
    ("count-sentence-head", "en", "12 comments were sent to the council – most of them angry"),
    ("count-sentence-long-tail", "en", "48 comments – the most the site has ever had on one story"),
    ("count-sentence-score", "en", "Final score: 3 – 1 after extra time"),
]
ARTICLE += article_cases(COUNT_SENTENCES)

# Article sentences with a word for logging in and one for commenting: the first comes late, or it is speech.
LOGIN_SENTENCES: list[tuple[str, str, str]] = [
    (
        "login-news-platform",
        "en",
        "The social network will soon require every user to log in with a verified phone number before commenting.",
    ),
    ("login-news-said", "en", "Readers must now sign in to comment, the newspaper's editor said on Monday."),
    (
        "login-news-de",
        "de",
        "Die Plattform will künftig nur noch Nutzern mit Klarnamen erlauben, sich anzumelden und zu kommentieren.",
    ),
    (
        "login-news-fr",
        "fr",
        "Le ministre a longtemps refusé de commenter, avant de se connecter au direct de la chaîne.",
    ),
]
ARTICLE += article_cases(LOGIN_SENTENCES)

# A question, and a sentence after it that names the comments but is no short call.
PLACE_SENTENCES: list[tuple[str, str, str]] = [
    (
        "place-long-sentence",
        "en",
        "Was the referee right? Thousands of fans argued about it in the comments under the club's post for days "
        "after the final whistle.",
    ),
    ("place-said", "en", "Was it staged? Many viewers thought so in the comments, the broadcaster said."),
    ("place-no-question", "es", "El debate siguió en los comentarios durante toda la semana."),
    ("place-short-question", "en", "Why? Because hundreds of readers complained in the comments."),
    ("closed-council", "en", "The council closed the discussion on the budget on Tuesday."),
    ("closed-said", "en", "The discussion on this story has been closed, the moderators said."),
    ("closed-forum-long", "en", "The forum where readers discussed this report was closed in 2019 after complaints."),
    ("closed-why", "en", "Comments on this article were closed after a wave of abusive posts last night."),
    ("place-short-question-zh", "zh", "为什么？网友在评论区给出了答案。"),
]
ARTICLE += article_cases(PLACE_SENTENCES)


@pytest.mark.parametrize(("line", "language", "expected_cleaner"), BOILERPLATE)
def test_boilerplate_line_is_removed_by_its_cleaner(
    line: str, language: str, expected_cleaner: str, paragraphs: tuple[str, str]
) -> None:
    _kept, removals = clean(sandwich(line, paragraphs), language)
    assert removals == (Removal(expected_cleaner, "text", line),)


@pytest.mark.parametrize(("line", "language", "expected_cleaner"), BOILERPLATE)
def test_boilerplate_removal_keeps_the_paragraphs(
    line: str, language: str, expected_cleaner: str, paragraphs: tuple[str, str]
) -> None:
    kept, _removals = clean(sandwich(line, paragraphs), language)
    assert kept == paragraphs


@pytest.mark.parametrize(("line", "language"), ARTICLE)
def test_article_line_is_kept(line: str, language: str, paragraphs: tuple[str, str]) -> None:
    kept, removals = clean(sandwich(line, paragraphs), language)
    assert removals == ()
    assert kept == (paragraphs[0], line, paragraphs[1])


def test_title_repeated_as_first_line_is_removed(paragraphs: tuple[str, str]) -> None:
    _kept, removals = clean([TITLE, *paragraphs], "en")
    assert removals == (Removal("title-repeat", "text", TITLE),)


def test_byline_near_the_start_is_removed(paragraphs: tuple[str, str]) -> None:
    _kept, removals = clean(["By Jane Doe and John Roe", *paragraphs], "en")
    assert removals == (Removal("byline", "text", "By Jane Doe and John Roe"),)


# A byline with a date on one line is furniture wherever it stands (a live blog's entries, a note moved into
# the body); a byline alone is read only near the start or the end.
MIDDLE = [
    ("dated-byline", "en", "Posted on March 12, 2024 by Sarah Jenkins", True),
    ("byline-then-date", "de", "Von Anna Becker | 12. März 2024", True),
    ("date-then-byline-fr", "fr", "Publié le 3 mai 2024 par Jean Dupont", True),
    ("bare-byline", "en", "By Jane Doe", False),
    ("sentence-with-a-date-and-by", "en", "On March 12, 2024 the bridge was reopened by Mayor Sarah Jenkins.", False),
]


@pytest.mark.parametrize(("language", "line", "removed"), [pytest.param(*case[1:], id=case[0]) for case in MIDDLE])
def test_a_dated_byline_in_the_middle_is_removed(language: str, line: str, removed: bool) -> None:
    before, after = ("First paragraph " * 12).strip(), ("Second paragraph " * 12).strip()
    lines = [before, before + " one", before + " two", before + " three", line, after, after + " one", after + " two"]
    kept, removals = clean(lines, language)
    assert (line not in kept) is removed
    assert removals == ((Removal("byline", "text", line),) if removed else ())


# A credit set apart as a label or in brackets is a credit wherever it stands (a copying site puts it where the
# copy's paragraphs break), and so is a contributor's credit in prose form, nothing but a role, "by" and names; in
# any other prose form ("Via Láctea", a line that opens as a credit does) it is read only near the start or the end.
MIDDLE_CREDITS = [
    ("bracketed-inputs", "en", "(With inputs from PTI)", True),
    ("bracketed-agency-inputs", "en", "(With agency inputs)", True),
    ("labelled-via-domain", "en", "Via: harbourpost.co.uk", True),
    ("labelled-courtesy", "en", "Courtesy: westcoastherald.co.nz", True),
    ("labelled-source-tr", "tr", "Kaynak: DHA", True),
    ("reporting-by-in-prose-form", "en", "Reporting by Jane Doe; Editing by John Roe", True),
    ("additional-reporting-by", "en", "Additional reporting by Tom Hale and Ana Ruiz.", True),
    ("translated-from-by", "en", "Translated from the Spanish by Ana Ruiz.", True),
    ("names-contributed-reporting", "en", "Jane Doe and Tom Hale contributed reporting from Kyiv.", True),
    ("near-contributed-in-a-sentence", "en", "Officials who contributed to this report asked not to be named.", False),
    ("near-reporting-by-in-a-sentence", "en", "Reporting by local outlets suggested the toll was far higher.", False),
    ("via-without-a-label-pt", "pt", "Via Láctea", False),
    (
        "long-bracketed-aside",
        "en",
        "(With inputs from the harbour authority, the council said the bridge will reopen)",
        False,
    ),
    # a text based on an agency's material, or that includes its reporting: "this" text, then the agencies' names
    ("based-on-agency-sv", "sv", "Artikeln bygger på uppgifter från TT och Reuters.", True),
    ("based-on-agency-nb", "nb", "Denne saken bygger på opplysninger fra NTB.", True),
    ("based-on-agency-da", "da", "Teksten bygger på materiale fra Ritzau.", True),
    ("based-on-agency-fi", "fi", "Juttu perustuu STT:n ja AFP:n tietoihin.", True),
    ("based-on-agency-de", "de", "Dieser Artikel basiert auf Material von Reuters und AFP.", True),
    ("based-on-agency-pl", "pl", "Na podstawie informacji PAP i Reutera.", True),
    ("includes-reporting-en", "en", "This article includes reporting from Reuters and Bloomberg.", True),
    ("material-was-used-en", "en", "Information from The Associated Press was used in this report.", True),
    (
        "a-report-on-a-report-en",
        "en",
        "The report includes information from Amnesty International and Human Rights Watch.",
        False,
    ),
    (
        "reporting-from-residents-en",
        "en",
        "This story includes reporting from local residents who witnessed the fire.",
        False,
    ),
    ("a-report-on-a-report-sv", "sv", "Rapporten bygger på uppgifter från SCB.", False),
]

# "(According to Reuters)": a credit set apart in brackets, in every language (the form the Czech, Slovak,
# Croatian and Vietnamese lists had alone); an attribution to a common noun ("(according to police)") or one
# that goes on as a sentence stays.
ACCORDING_TO_CREDITS = [
    ("according-to-en", "en", "(According to Reuters)", True),
    ("according-to-en-2", "en", "(according to The Associated Press)", True),
    ("according-to-fr", "fr", "(Selon l’AFP)", True),
    ("according-to-fr-2", "fr", "(D'après Reuters)", True),
    ("according-to-de", "de", "(Laut dpa)", True),
    ("according-to-de-2", "de", "(Nach Angaben von Reuters)", True),
    ("according-to-de-3", "de", "(Reuters zufolge)", True),
    ("according-to-es", "es", "(Según EFE)", True),
    ("according-to-pt", "pt", "(Segundo a Lusa)", True),
    ("according-to-pt-2", "pt", "(De acordo com Reuters)", True),
    ("according-to-it", "it", "(Secondo l'ANSA)", True),
    ("according-to-nl", "nl", "(Volgens ANP)", True),
    ("according-to-pl", "pl", "(Według PAP)", True),
    ("according-to-pl-2", "pl", "(za PAP)", True),
    ("according-to-sv", "sv", "(Enligt TT)", True),
    ("according-to-da", "da", "(Ifølge Ritzau)", True),
    ("according-to-nb", "nb", "(Ifølge NTB)", True),
    ("according-to-ro", "ro", "(Potrivit Agerpres)", True),
    ("according-to-id", "id", "(Menurut Antara)", True),
    ("according-to-ru", "ru", "(По данным ТАСС)", True),
    ("according-to-uk", "uk", "(За даними Укрінформу)", True),
    ("according-to-bg", "bg", "(По БТА)", True),
    ("according-to-bg-2", "bg", "(Според БТА)", True),
    ("according-to-el", "el", "(Σύμφωνα με το ΑΠΕ-ΜΠΕ)", True),
    ("according-to-fi", "fi", "(STT:n mukaan)", True),
    ("according-to-fi-2", "fi", "(Reutersin mukaan)", True),
    ("according-to-hu", "hu", "(Az MTI szerint)", True),
    ("according-to-tr", "tr", "(Anadolu Ajansı'na göre)", True),
    ("according-to-tr-2", "tr", "(AA'ya göre)", True),
    ("according-to-he", "he", "(לפי רויטרס)", True),
    ("according-to-ar", "ar", "(بحسب رويترز)", True),
    ("according-to-ar-2", "ar", "(نقلاً عن وكالة الأنباء الفرنسية)", True),
    ("according-to-hi", "hi", "(पीटीआई के अनुसार)", True),
    ("according-to-zh", "zh", "(据新华社)", True),
    ("according-to-ja", "ja", "(共同通信によると)", True),
    ("according-to-ko", "ko", "(연합뉴스에 따르면)", True),
    ("near-according-to-en", "en", "(according to police)", False),
    ("near-according-to-en-2", "en", "(According to the report, more were hurt)", False),
    ("near-according-to-fr", "fr", "(selon la police)", False),
    ("near-according-to-de", "de", "(laut Polizei, die noch ermittelt, waren es mehr)", False),
    ("near-according-to-es", "es", "(según la policía)", False),
    ("near-according-to-pt", "pt", "(segundo a polícia)", False),
    ("near-according-to-it", "it", "(secondo la polizia)", False),
    ("near-according-to-pl", "pl", "(za granicą)", False),
    ("near-according-to-bg", "bg", "(по-късно)", False),
    ("near-according-to-ru", "ru", "(по данным полиции)", False),
    ("near-according-to-nl", "nl", "(volgens de politie)", False),
    ("near-according-to-hu", "hu", "(a rendőrség szerint)", False),
    ("near-according-to-tr", "tr", "(polise göre)", False),
    ("near-according-to-fi", "fi", "(poliisin mukaan)", False),
    ("near-according-to-el", "el", "(σύμφωνα με την αστυνομία)", False),
    ("near-according-to-en-3", "en", "According to Reuters, the talks failed.", False),
    ("near-according-to-sv", "sv", "(enligt polisen)", False),
]


# A line that is nothing but names in brackets or between slashes is a credit in any language, whether the
# agency is known or not: a national agency ("(TASR)", "/БТА/"), an editor's initials after it ("(SITA, red)"), two
# agencies ("(Hina/AFP)"), a name of a script without letter case ("(भाषा)", "(رويترز)", "(أ ف ب)"). A sentence in
# brackets stays, in every script: words in lower case, a clause after a comma; and so does a name in square
# brackets, which also set a section's label or a cited source apart ("[Methods]", "[Engadget]").
NAMES_ONLY_CREDITS = [
    ("names-only-sk", "sk", "(TASR)", True),
    ("names-only-sk-initials", "sk", "(SITA, red)", True),
    ("names-only-cs", "cs", "(ČTK)", True),
    ("names-only-hr-two", "hr", "(Hina/AFP)", True),
    ("names-only-ru", "ru", "(ТАСС)", True),
    ("names-only-bg-slashes", "bg", "/БГНЕС/", True),
    ("names-only-ar", "ar", "(رويترز)", True),
    ("names-only-ar-letters", "ar", "(أ ف ب)", True),
    ("names-only-ar-two", "ar", "(رويترز، أ ف ب)", True),
    ("names-only-hi", "hi", "(आईएएनएस)", True),
    ("names-only-he", "he", "(רויטרס)", True),
    ("names-only-ja", "ja", "（共同）", True),
    ("near-names-only-en", "en", "(see below)", False),
    ("near-names-only-square-brackets", "en", "[Methods]", False),
    ("near-names-only-square-brackets-source", "en", "[Engadget]", False),
    ("near-names-only-en-2", "en", "(Police say nobody was hurt)", False),
    ("near-names-only-he", "he", "(לפי המשטרה, איש לא נפגע)", False),
    ("near-names-only-ja", "ja", "（警察によると、けが人はいない）", False),
    ("near-names-only-zh", "zh", "（据警方称，无人受伤）", False),
]


@pytest.mark.parametrize(
    ("language", "line", "removed"),
    [pytest.param(*case[1:], id=case[0]) for case in MIDDLE_CREDITS + ACCORDING_TO_CREDITS + NAMES_ONLY_CREDITS],
)
def test_a_credit_set_apart_in_the_middle_is_removed(language: str, line: str, removed: bool) -> None:
    before, after = ("First paragraph " * 12).strip(), ("Second paragraph " * 12).strip()
    lines = [*(f"{before} {n}" for n in range(4)), line, *(f"{after} {n}" for n in range(7))]
    kept, removals = clean(lines, language)
    assert (line not in kept) is removed
    assert removals == ((Removal("agency-credit", "text", line),) if removed else ())


# A credit in running prose form ("According to X", "From X") is read at the end of the text: the name quoted or
# a host name ("Theo “Người Lao Động”", "מתוך "ידיעות אחרונות"", "نقلاً عن independentarabia.com"). A sentence
# that opens the same way stays. So is an agency's bare sign-off: its short name in capitals, or a dash and a name
# (not a hyphen, which opens a list's item in the extracted text); a known agency's name needs no dash, a name that
# is not on that list does.
CREDITS_AT_THE_END = [
    ("according-to-quoted-vi", "vi", "Theo “Người Lao Động”", True),
    ("from-quoted-he", "he", 'מתוך "ידיעות אחרונות"', True),
    ("from-agencies-he", "he", "על פי סוכנויות הידיעות", True),
    ("from-domain-ar", "ar", "نقلاً عن independentarabia.com", True),
    ("from-newspaper-adapted-ar", "ar", 'عن صحيفة "القدس العربي" بتصرف', True),
    ("near-from-ar", "ar", "عن الرئيس قوله إن الوضع خطير", False),
    ("near-from-he", "he", "מתוך הדוח עולה כי המצב החמיר בשנה האחרונה", False),
    ("according-to-two-agencies-vi", "vi", "Theo Reuters, AFP", True),
    ("compiled-from-agencies-vi", "vi", "Tổng hợp từ các hãng tin quốc tế", True),
    ("near-according-to-vi", "vi", "Theo ông Nam, giá sẽ tăng", False),
    ("with-information-from-el", "el", "Με πληροφορίες από Reuters και AFP", True),
    ("with-information-from-en", "en", "With information from Reuters and AFP", True),
    ("with-information-from-it", "it", "Con informazioni di Ansa e Reuters", True),
    ("near-with-information-from-en", "en", "With information from the police, the report says more.", False),
    ("sign-off-capitals-fi", "fi", "STT", True),
    ("sign-off-capitals-sv", "sv", "TT", True),
    ("sign-off-dash-en", "en", "— Reuters", True),
    ("sign-off-dash-uk", "uk", "– Укрінформ", True),
    ("sign-off-slashes-lower-case-da", "da", "/ritzau/", True),
    ("near-sign-off-list-item", "en", "- Reuters", False),
    ("known-agency-without-a-dash-en", "en", "Reuters", True),
    ("known-agency-with-its-word-es", "es", "Agencia EFE", True),
    ("near-sign-off-name-without-a-dash", "en", "Anderson", False),
    ("near-known-agency-in-lower-case-en", "en", "ap", False),
    ("known-agency-uk-en", "en", "— PA", True),
    ("near-known-agency-in-lower-case-pa-en", "en", "pa", False),
    ("near-sign-off-dash-clause", "en", "— and then the lights went out", False),
]


@pytest.mark.parametrize(
    ("language", "line", "removed"), [pytest.param(*case[1:], id=case[0]) for case in CREDITS_AT_THE_END]
)
def test_a_credit_in_prose_form_at_the_end_is_removed(language: str, line: str, removed: bool) -> None:
    lines = [*(f"{'First paragraph ' * 12}{n}" for n in range(4)), line]
    kept, removals = clean(lines, language)
    assert (line not in kept) is removed
    assert removals == ((Removal("agency-credit", "text", line),) if removed else ())


@pytest.mark.parametrize(
    "line", ["— Reuters", "Lusa", "– Укрінформ", "— Press Association", "PA Media", "— The Canadian Press", "AAP"]
)
def test_a_known_agency_at_the_top_is_a_credit(line: str) -> None:
    lines = [line, *(f"{'First paragraph ' * 12}{n}" for n in range(4))]
    _kept, removals = clean(lines, "en")
    assert removals == (Removal("agency-credit", "text", line),)


def test_a_word_in_capitals_at_the_top_is_no_sign_off() -> None:
    lines = ["VIDEO", *(f"{'First paragraph ' * 12}{n}" for n in range(4))]
    _kept, removals = clean(lines, "fi")
    assert Removal("agency-credit", "text", "VIDEO") not in removals


def test_cleaning_article_lines_twice_removes_nothing_the_second_time(paragraphs: tuple[str, str]) -> None:
    lines = [paragraphs[0], *(str(case.values[0]) for case in ARTICLE), paragraphs[1]]
    once, _removals = clean(lines, "en")
    _twice, removed_again = clean(list(once), "en")
    assert removed_again == ()


# Wordings of the four kinds that leaked, written afresh as a publisher might phrase them: other word
# orders, other subjects ("This report", "l'articolo"), partnership credits, polite and indirect calls to
# comment, sponsor labels, relative timestamps.
MORE_WORDINGS: list[tuple[str, str, str, str]] = [
    ("synd-partnership", "en", "syndication", "This story is published in partnership with Tidewater Press."),
    ("synd-produced-in-partnership", "en", "syndication", "This piece was produced in partnership with Harbour Lab."),
    ("synd-co-published", "en", "syndication", "This story is co-published with the Northern Ledger."),
    (
        "synd-produced-by-apposition",
        "en",
        "syndication",
        "This article was produced by Harbour Lab, a national newsroom.",
    ),
    ("synd-report-noun", "en", "syndication", "This report was first published by Tidewater Press."),
    ("synd-date-before-by", "en", "syndication", "This article was first published on 3 May 2024 by Tidewater Press."),
    ("synd-date-before-on", "en", "syndication", "Originally published on 3 May 2024 on example.org"),
    (
        "synd-part-of-collaboration",
        "en",
        "syndication",
        "This story originally appeared in Tidewater Press and is part of the Coastal Desk collaboration.",
    ),
    ("synd-courtesy-of", "en", "syndication", "Courtesy of The Lakeside Gazette."),
    (
        "synd-republished-from",
        "en",
        "syndication",
        "Republished from Tidewater Press under a Creative Commons licence.",
    ),
    ("synd-featured-on", "en", "syndication", "This story was originally featured on harbourwatch.net."),
    ("synd-the-story-originally", "en", "syndication", "The story was originally published by Harbour & Main."),
    ("synd-permission-from-the-author", "en", "syndication", "Reprinted with permission from the author."),
    ("synd-authors-blog", "en", "syndication", "This post originally appeared on the author's blog."),
    ("synd-fr-participle-first", "fr", "syndication", "Article publié initialement dans Le Phare."),
    ("synd-de-der-beitrag", "de", "syndication", "Der Beitrag ist zuerst auf hafenblick.de erschienen."),
    ("synd-de-der-artikel", "de", "syndication", "Der Artikel erschien zuerst bei der Hafenzeitung."),
    ("synd-de-im", "de", "syndication", "Dieser Text erschien zuerst im Hafenkurier."),
    ("synd-it-l-articolo", "it", "syndication", "L'articolo è stato pubblicato originariamente su Radio Porto."),
    ("synd-it-adverb-first", "it", "syndication", "Articolo originariamente pubblicato su Corriere della Costa."),
    ("synd-pt-adverb-first", "pt", "syndication", "Artigo originalmente publicado na Folha Litoral."),
    ("synd-es-nota", "es", "syndication", "Esta nota fue publicada originalmente en Diario del Puerto."),
    ("synd-pl-adverb-after", "pl", "syndication", "Tekst ukazał się pierwotnie w Gazecie Portowej."),
    ("synd-nl-overgenomen", "nl", "syndication", "Dit artikel is overgenomen van De Havenkoerier."),
    ("comment-welcome-below", "en", "comment-prompts", "Comments are welcome below."),
    ("comment-your-comments-welcome", "en", "comment-prompts", "Your comments are welcome."),
    ("comment-readers-invited", "en", "comment-prompts", "Readers are invited to comment below."),
    ("comment-feel-free", "en", "comment-prompts", "Feel free to leave a comment below."),
    ("comment-have-your-say-colon", "en", "comment-prompts", "Have your say: comment below."),
    ("comment-scroll-down", "en", "comment-prompts", "Scroll down to comment."),
    ("comment-got-a-view", "en", "comment-prompts", "Got a view on this? Drop us a comment."),
    (
        "comment-tell-us-in-the-comments",
        "en",
        "comment-prompts",
        "Are you planning to buy one? Tell us in the comments.",
    ),
    ("comment-ask-them", "en", "comment-prompts", "Questions? Ask them in the comments section."),
    ("comment-lets-discuss", "en", "comment-prompts", "Let's discuss in the comments."),
    ("comment-sound-off", "en", "comment-prompts", "Sound off below."),
    ("comment-add-your-voice", "en", "comment-prompts", "Add your voice to the discussion below."),
    ("comment-leave-your-thoughts", "en", "comment-prompts", "Leave your thoughts below."),
    ("comment-want-to-know", "en", "comment-prompts", "We want to know what you think: leave a comment."),
    ("comment-lead-clause", "en", "comment-prompts", "Your opinion matters: leave a comment below."),
    ("comment-fr-laissez-nous", "fr", "comment-prompts", "Laissez-nous un commentaire ci-dessous."),
    ("comment-fr-n-hesitez-pas", "fr", "comment-prompts", "N'hésitez pas à laisser un commentaire."),
    ("comment-fr-bienvenus", "fr", "comment-prompts", "Vos commentaires sont les bienvenus."),
    (
        "comment-de-meinung-wichtig",
        "de",
        "comment-prompts",
        "Ihre Meinung ist uns wichtig: Schreiben Sie einen Kommentar.",
    ),
    ("comment-de-kommentieren-sie", "de", "comment-prompts", "Kommentieren Sie diesen Artikel."),
    ("comment-de-in-den-kommentaren", "de", "comment-prompts", "Teilen Sie Ihre Meinung in den Kommentaren."),
    ("comment-es-comenta", "es", "comment-prompts", "Comenta esta noticia."),
    ("comment-es-opina", "es", "comment-prompts", "Opina en los comentarios."),
    ("comment-it-dite-la-vostra", "it", "comment-prompts", "Dite la vostra nei commenti."),
    ("comment-pt-conte", "pt", "comment-prompts", "Conte para a gente nos comentários."),
    ("comment-nl-reageer-hieronder", "nl", "comment-prompts", "Reageer hieronder."),
    ("comment-nl-mening-achter", "nl", "comment-prompts", "Laat je mening achter in de reacties."),
    ("comment-pl-podziel-sie", "pl", "comment-prompts", "Podziel się opinią w komentarzu."),
    ("comment-sv-kommentera", "sv", "comment-prompts", "Kommentera artikeln nedan."),
    ("comment-ru-podelites", "ru", "comment-prompts", "Поделитесь своим мнением в комментариях."),
    ("comment-id-silakan", "id", "comment-prompts", "Silakan tulis komentar Anda di bawah ini."),
    ("affiliate-sponsored-bare", "en", "affiliate-notes", "This article is sponsored."),
    ("affiliate-in-partnership", "en", "affiliate-notes", "In partnership with Visit Harbourtown."),
    ("affiliate-paid-partnership", "en", "affiliate-notes", "This is a paid partnership with Acme."),
    ("affiliate-advertiser-content", "en", "affiliate-notes", "Advertiser content from Acme."),
    ("affiliate-sponsored-colon", "en", "affiliate-notes", "Sponsored: Acme Travel"),
    ("affiliate-advertisement-feature", "en", "affiliate-notes", "Advertisement feature"),
    ("affiliate-prices-accurate", "en", "affiliate-notes", "Prices were accurate at the time of publishing."),
    ("affiliate-may-include", "en", "affiliate-notes", "This page may include affiliate links."),
    (
        "affiliate-earn-revenue",
        "en",
        "affiliate-notes",
        "We may earn revenue from the products available on this page and participate in affiliate programs.",
    ),
    ("affiliate-fr-liens", "fr", "affiliate-notes", "Certains liens de cet article sont affiliés."),
    ("affiliate-fr-en-partenariat", "fr", "affiliate-notes", "En partenariat avec Acme."),
    ("affiliate-fr-realise", "fr", "affiliate-notes", "Ce contenu a été réalisé en partenariat avec Acme."),
    ("affiliate-de-werbung-label", "de", "affiliate-notes", "Werbung: Dieser Artikel enthält Affiliate-Links."),
    ("affiliate-es-patrocinado", "es", "affiliate-notes", "Este contenido fue patrocinado por Acme."),
    (
        "affiliate-nl-kunnen",
        "nl",
        "affiliate-notes",
        "Wij kunnen een commissie ontvangen als je via onze links iets koopt.",
    ),
    ("affiliate-sv-artikeln", "sv", "affiliate-notes", "Artikeln innehåller affiliatelänkar."),
    ("synd-also-appeared", "en", "syndication", "This story also appeared in The Harbour Herald."),
    (
        "synd-editors-note",
        "en",
        "syndication",
        "Editor's note: This story was originally published by Tidewater Press.",
    ),
    (
        "synd-part-of-a-series",
        "en",
        "syndication",
        "This article is part of a series produced in partnership with the Coastal Reporting Network.",
    ),
    ("synd-fr-extrait-du-site", "fr", "syndication", "Cet article est extrait du site Exemple Info."),
    ("comment-es-tus-comentarios", "es", "comment-prompts", "Deja tus comentarios abajo."),
    ("affiliate-produced-by-sponsor", "en", "affiliate-notes", "This content was produced by our sponsor, Acme."),
    (
        "affiliate-sponsored-then-independence",
        "en",
        "affiliate-notes",
        "Sponsored by Acme. Content independently produced by our editors.",
    ),
    ("affiliate-es-algunos-enlaces", "es", "affiliate-notes", "Algunos enlaces de este artículo son de afiliados."),
    ("affiliate-it-alcuni-link", "it", "affiliate-notes", "Alcuni link in questo articolo sono di affiliazione."),
    ("affiliate-pt-alguns-links", "pt", "affiliate-notes", "Alguns links deste artigo são de afiliados."),
    ("dateline-days-ago", "en", "timestamps", "Updated: 3 days ago"),
    ("dateline-fr-il-y-a", "fr", "timestamps", "Mis à jour il y a 2 heures"),
    ("dateline-es-hace", "es", "timestamps", "Actualizado hace 2 horas"),
    ("dateline-pt-ha", "pt", "timestamps", "Atualizado há 2 horas"),
    ("dateline-de-vor", "de", "timestamps", "Zuletzt aktualisiert: vor 3 Stunden"),
    ("dateline-nl-laatste-update", "nl", "timestamps", "Laatste update: 4 mei 2024 09:12"),
]
BOILERPLATE += boilerplate_cases(MORE_WORDINGS)

# Forms the families still missed after the rounds above: a note that names the language between its verb and
# the publication, a note of where a story was first reported, and a relative dateline with no number.
LATER_WORDINGS: list[tuple[str, str, str, str]] = [
    (
        "synd-published-in-a-language",
        "en",
        "syndication",
        "This story was first published in Portuguese by Agência Pública.",
    ),
    ("synd-originally-in-a-language", "en", "syndication", "Originally published in Spanish by El Faro."),
    ("synd-first-reported-by", "en", "syndication", "This story was first reported by The Markup."),
    ("synd-originally-reported-by", "en", "syndication", "Originally reported by Coastal Ledger."),
    ("synd-es-en-ingles-por", "es", "syndication", "Publicado originalmente en inglés por The Conversation."),
    (
        "synd-es-articulo-en-ingles",
        "es",
        "syndication",
        "Este artículo fue publicado originalmente en inglés en The Conversation.",
    ),
    (
        "synd-pt-em-ingles",
        "pt",
        "syndication",
        "Este artigo foi publicado originalmente em inglês no The Conversation.",
    ),
    (
        "synd-fr-en-anglais",
        "fr",
        "syndication",
        "Cet article a été initialement publié en anglais sur The Conversation.",
    ),
    (
        "synd-it-in-inglese",
        "it",
        "syndication",
        "Questo articolo è stato pubblicato originariamente in inglese su The Conversation.",
    ),
    ("dateline-a-day-ago", "en", "timestamps", "Updated a day ago"),
    ("dateline-an-hour-ago", "en", "timestamps", "Published: an hour ago"),
    ("dateline-fr-il-y-a-une-heure", "fr", "timestamps", "Mis à jour il y a une heure"),
    ("dateline-es-hace-un-dia", "es", "timestamps", "Actualizado hace un día"),
    ("dateline-de-vor-einer-stunde", "de", "timestamps", "Aktualisiert vor einer Stunde"),
    ("dateline-pt-ha-um-dia", "pt", "timestamps", "Atualizado há um dia"),
    ("dateline-it-un-ora-fa", "it", "timestamps", "Aggiornato un'ora fa"),
    ("dateline-nl-een-uur-geleden", "nl", "timestamps", "Bijgewerkt: een uur geleden"),
    ("synd-fr-publie-en-anglais-par", "fr", "syndication", "Texte publié d'abord en anglais par The Observer Weekly."),
    ("synd-nl-in-het-engels", "nl", "syndication", "Dit stuk verscheen eerder in het Engels bij The Conversation."),
    ("dateline-yesterday", "en", "timestamps", "Updated yesterday"),
    ("dateline-fr-hier", "fr", "timestamps", "Publié hier"),
    ("dateline-de-heute", "de", "timestamps", "Aktualisiert: heute"),
    ("comment-short-question-then-call", "en", "comment-prompts", "Any thoughts? Comment below!"),
    ("comment-two-questions-then-call", "en", "comment-prompts", "Agree? Disagree? Let us know below."),
    ("affiliate-pt-materia-patrocinada", "pt", "affiliate-notes", "Esta matéria foi patrocinada pela Acme Energia."),
    (
        "affiliate-it-contenuto-sponsorizzato",
        "it",
        "affiliate-notes",
        "Questo contenuto è sponsorizzato da Rossi Costruzioni.",
    ),
    (
        "affiliate-de-beitrag-gesponsert",
        "de",
        "affiliate-notes",
        "Dieser Beitrag wird von der Stadtwerke AG gesponsert.",
    ),
    ("affiliate-nl-artikel-gesponsord", "nl", "affiliate-notes", "Dit artikel is gesponsord door Van Dijk Bouw."),
]
BOILERPLATE += boilerplate_cases(LATER_WORDINGS)

# Article sentences near those wordings, which stay.
NEAR_THE_NEW_WORDINGS: list[tuple[str, str, str]] = [
    ("near-comments-welcome-until", "en", "Comments are welcome until 30 June at the town hall."),
    ("near-invited-to-comment", "en", "You are invited to comment on the proposals at a public meeting on Thursday."),
    ("near-have-your-say-headline", "en", "Have your say: the council opens a consultation on the new bus routes"),
    (
        "near-written-in-collaboration",
        "en",
        "This report was written in collaboration with researchers at Oxford University.",
    ),
    ("near-first-published-in-a-year", "en", "This report was first published in 2019 by the United Nations."),
    (
        "near-produced-by-which",
        "en",
        "This report was produced by the Institute for Fiscal Studies, which advises the government.",
    ),
    ("near-courtesy-of-a-donor", "en", "Courtesy of a generous donor, the museum now opens on Sundays."),
    (
        "near-in-partnership-with-schools",
        "en",
        "In partnership with local schools, the charity runs summer camps for 400 children.",
    ),
    ("near-prices-as-of", "en", "Prices are accurate as of Monday but may rise again next month, analysts warned."),
    ("near-readers-voiced-anger", "en", "Many readers voiced anger in the comments."),
    (
        "near-users-shared-photos",
        "en",
        "The post drew thousands of replies, and some users shared photos in the comments.",
    ),
    (
        "near-the-article-in-nature",
        "en",
        "The article was first published in Nature in 2019 and has been cited 4,000 times.",
    ),
    ("near-the-essay-first-ran", "en", "The essay first ran in a student magazine in 1998, when she was 19."),
    (
        "near-told-residents-leave-a-comment",
        "en",
        "Residents were told: leave a comment on the council's website before Friday if you object.",
    ),
    ("near-updated-figures", "en", "Updated figures from the ministry show 3 days of delays."),
    ("near-fr-deposer-un-avis", "fr", "Vous pouvez déposer un avis sur le registre de la mairie jusqu'au 30 juin."),
    ("near-fr-nous-avons-recu", "fr", "Nous avons reçu beaucoup de messages dans les commentaires."),
    ("near-de-mit-ihrem-arzt", "de", "Diskutieren Sie das mit Ihrem Arzt, bevor Sie die Dosis ändern."),
    ("near-de-leser-ihre-meinung", "de", "Die Leser äußerten ihre Meinung in den Kommentaren."),
    ("near-de-in-nature", "de", "Der Artikel erschien 2019 in der Zeitschrift Nature und löste eine Debatte aus."),
    ("near-de-vor-zwei-tagen", "de", "Vor 2 Tagen hatte der Bürgermeister noch widersprochen."),
    ("near-es-sus-comentarios", "es", "Sus comentarios son importantes, pero no decisivos para el resultado."),
    ("near-es-vecinos", "es", "Los vecinos dejaron sus quejas en los comentarios."),
    ("near-pt-leitor", "pt", "O leitor deixou sua opinião nos comentários."),
    ("near-it-ci-sono", "it", "Ci sono state molte critiche nei commenti."),
    ("near-it-su-nature", "it", "L'articolo è stato pubblicato su Nature nel 2020 e ha cambiato il dibattito."),
    ("near-nl-reageer-niet", "nl", "Reageer niet op verdachte e-mails van onbekende afzenders."),
    ("near-nl-je-ziet", "nl", "Je ziet veel kritiek in de reacties."),
    ("near-part-of-a-series-on", "en", "This article is part of a series on housing that began in March."),
    ("near-also-appeared-to", "en", "This story also appeared to confirm what residents had long suspected."),
    ("near-sponsored-by-the-council", "en", "Sponsored by the city council, the festival drew 10,000 visitors."),
    ("near-fr-extrait-du-livre", "fr", "Cet extrait est tiré du dernier livre de l'auteur, paru en mars."),
    (
        "near-es-deja-tus-comentarios-sobre",
        "es",
        "Deja tus comentarios sobre el plan en la web del ayuntamiento antes del viernes.",
    ),
]
ARTICLE += article_cases(NEAR_THE_NEW_WORDINGS)

# Article sentences near the later wordings, which stay.
NEAR_THE_LATER_WORDINGS: list[tuple[str, str, str]] = [
    (
        "near-first-reported-by-reuters",
        "en",
        "The leak was first reported by Reuters on Tuesday, citing two officials.",
    ),
    (
        "near-book-in-spanish",
        "en",
        "The novel was first published in Spanish in 1967 and translated three years later.",
    ),
    ("near-a-day-ago-nobody", "en", "A day ago, nobody in the village had heard of the company."),
    ("near-updated-an-hour-ago-said", "en", "The website was updated an hour ago, the spokesman said."),
    ("near-es-hace-un-dia", "es", "Hace un día que no sabemos nada de él."),
    ("near-fr-il-y-a-une-heure", "fr", "Il y a une heure, la police a fermé la route."),
    ("near-de-vor-einer-stunde", "de", "Vor einer Stunde hat die Polizei die Straße gesperrt."),
    ("near-it-un-anno-fa", "it", "Un anno fa la città era ancora chiusa."),
    ("near-met-yesterday", "en", "Officials met yesterday to discuss the plan."),
    ("near-fr-hier-le-ministre", "fr", "Hier, le ministre a démissionné."),
    ("near-updated-today-its-advice", "en", "The agency updated its advice today."),
    ("near-question-then-no-comment", "en", "Why? Comment was not immediately available from the company."),
    ("near-question-then-told-us", "en", "Guilty? Let us not rush to judgement, her lawyer told the court."),
    (
        "near-pt-estadio-patrocinado",
        "pt",
        "O estádio foi patrocinado pela prefeitura durante anos, disse o presidente.",
    ),
    ("near-it-progetto-finanziato", "it", "Il progetto è finanziato da fondi europei per tre anni."),
    ("near-de-konzert-finanziert", "de", "Das Konzert wurde von der Stadt finanziert und zog 2.000 Besucher an."),
    (
        "near-nl-onderzoek-mogelijk-gemaakt",
        "nl",
        "Het onderzoek is mogelijk gemaakt door een subsidie van de gemeente.",
    ),
]
ARTICLE += article_cases(NEAR_THE_LATER_WORDINGS)

# A tenth round: a note that names the author's own page, a note of what a text was adapted from, "republished
# from" in the Romance languages, and a byline after a date on the same line.
LATEST_WORDINGS: list[tuple[str, str, str, str]] = [
    ("synd-the-authors-substack", "en", "syndication", "This post originally appeared on the author's Substack."),
    ("synd-her-substack", "en", "syndication", "This column first appeared in her Substack."),
    ("synd-fr-son-substack", "fr", "syndication", "Ce texte a d'abord été publié sur son Substack."),
    (
        "synd-adapted-from-a-lecture",
        "en",
        "syndication",
        "This essay was adapted from a lecture given at the Harbour Literary Festival.",
    ),
    (
        "synd-adapted-from-a-longer-piece",
        "en",
        "syndication",
        "This post is adapted from a longer piece that first appeared in The Coastal Review.",
    ),
    (
        "synd-adapted-from-the-authors-book",
        "en",
        "syndication",
        "This article is adapted from the author's forthcoming book, The Long Tide.",
    ),
    (
        "synd-es-republicado-de",
        "es",
        "syndication",
        "Artículo republicado de The Conversation bajo licencia Creative Commons.",
    ),
    (
        "synd-pt-republicado-do",
        "pt",
        "syndication",
        "Texto republicado do The Conversation sob licença Creative Commons.",
    ),
    ("synd-fr-republie-de", "fr", "syndication", "Article republié de The Conversation sous licence Creative Commons."),
    (
        "synd-it-ripubblicato-da",
        "it",
        "syndication",
        "Articolo ripubblicato da The Conversation con licenza Creative Commons.",
    ),
    ("byline-after-a-date", "en", "byline", "Posted on May 3, 2024 by Jane Doe"),
    ("byline-after-a-date-and-time", "en", "byline", "Updated March 5, 2024, 10:12 a.m. by Jane Doe and John Roe"),
    ("byline-fr-apres-la-date", "fr", "byline", "Publié le 3 mai 2024 par Jean Dupont"),
    ("byline-de-nach-dem-datum", "de", "byline", "Veröffentlicht am 03.05.2024 von Max Mustermann"),
    ("byline-es-tras-la-fecha", "es", "byline", "Publicado el 3 de mayo de 2024 por Juan Pérez"),
]
BOILERPLATE += boilerplate_cases(LATEST_WORDINGS)

# Article sentences near the latest wordings, which stay.
NEAR_THE_LATEST_WORDINGS: list[tuple[str, str, str]] = [
    (
        "near-originally-appeared-in-a-newspaper",
        "en",
        "The report originally appeared in a local newspaper before national outlets picked it up.",
    ),
    (
        "near-posted-by-a-bystander",
        "en",
        "Posted on social media by a bystander, the video was viewed millions of times.",
    ),
    (
        "near-posted-on-a-date-by-the-city",
        "en",
        "Posted on May 3 by the city, the notice gave residents two weeks to respond.",
    ),
    (
        "near-published-on-a-date-by-a-press",
        "en",
        "Published on May 3, 2024 by a small press, the book became a surprise bestseller.",
    ),
    ("near-on-a-date-by-midnight", "en", "On May 3, 2024 by midnight, every ballot had been counted."),
    ("near-the-essay-was-adapted", "en", "The essay was adapted from a talk he gave in 2019 and later became a book."),
    ("near-adapted-from-a-novel", "en", "Adapted from a novel by Jane Austen, the film follows two sisters."),
    ("near-this-story-was-adapted", "en", "This story was adapted from a folk tale his grandmother told him."),
    ("near-this-piece-was-adapted", "en", "This piece was adapted from a folk song for string quartet."),
    ("near-es-republicado-de-nuevo", "es", "Republicado de nuevo en 2020, el libro vendió un millón de copias."),
    ("near-pt-republicado-do-jornal", "pt", "Republicado do jornal local, o texto gerou debate nas redes."),
    ("near-fr-publie-par-le-ministere", "fr", "Publié le 3 mai par le ministère, le décret entre en vigueur lundi."),
    (
        "near-de-veroeffentlicht-von-der-stadt",
        "de",
        "Veröffentlicht am 3. Mai von der Stadt, gilt die Regel ab Montag.",
    ),
]
ARTICLE += article_cases(NEAR_THE_LATEST_WORDINGS)

# Syndication notes, comment calls and affiliate notes in languages whose timestamp labels the tables had, but not
# these families: Czech, Danish, Norwegian, Romanian and Ukrainian.
MORE_LANGUAGES: list[tuple[str, str, str, str]] = [
    ("synd-uk-peredrukovano", "uk", "syndication", "Передруковано з дозволу редакції."),
    ("synd-da-oprindeligt-bragt", "da", "syndication", "Artiklen blev oprindeligt bragt i Politiken."),
    ("synd-da-med-tilladelse", "da", "syndication", "Bragt med tilladelse fra Information."),
    ("synd-no-forst-publisert", "no", "syndication", "Artikkelen ble først publisert i Aftenposten."),
    ("synd-nb-opprinnelig-publisert", "nb", "syndication", "Denne teksten ble opprinnelig publisert på NRK Ytring."),
    ("synd-cs-puvodne-publikovan", "cs", "syndication", "Článek byl původně publikován na webu Deník N."),
    ("synd-ro-publicat-initial", "ro", "syndication", "Acest articol a fost publicat inițial pe site-ul Recorder."),
    ("synd-ro-aparut-initial", "ro", "syndication", "Articolul a apărut inițial în Gazeta de Sud."),
    ("comment-uk-zalyshte", "uk", "comment-prompts", "Залиште свій коментар нижче."),
    ("comment-uk-zakryto", "uk", "comment-prompts", "Коментарі закрито."),
    ("comment-da-skriv", "da", "comment-prompts", "Skriv en kommentar nedenfor."),
    ("comment-da-hvad-synes-du", "da", "comment-prompts", "Hvad synes du? Skriv det i kommentarfeltet."),
    ("comment-no-hva-mener-du", "no", "comment-prompts", "Hva mener du? Skriv en kommentar under."),
    ("comment-nb-stengt", "nb", "comment-prompts", "Kommentarfeltet er stengt."),
    ("comment-cs-diskuse", "cs", "comment-prompts", "Zapojte se do diskuse."),
    ("comment-ro-lasa", "ro", "comment-prompts", "Lasă un comentariu mai jos."),
    ("affiliate-uk-posylannia", "uk", "affiliate-notes", "Ця стаття містить партнерські посилання."),
    ("affiliate-da-links", "da", "affiliate-notes", "Denne artikel indeholder affiliate-links."),
    ("affiliate-no-lenker", "no", "affiliate-notes", "Artikkelen inneholder annonselenker."),
    ("affiliate-nb-sponset", "nb", "affiliate-notes", "Sponset innhold"),
    ("affiliate-cs-odkazy", "cs", "affiliate-notes", "Tento článek obsahuje affiliate odkazy."),
    ("affiliate-cs-komercni-sdeleni", "cs", "affiliate-notes", "Komerční sdělení"),
    ("affiliate-ro-linkuri", "ro", "affiliate-notes", "Acest articol conține linkuri afiliate."),
    (
        "affiliate-ro-comision",
        "ro",
        "affiliate-notes",
        "Putem primi un comision pentru achizițiile făcute prin aceste linkuri.",
    ),
]
BOILERPLATE += boilerplate_cases(MORE_LANGUAGES)

# Article sentences near those wordings, which stay.
NEAR_MORE_LANGUAGES: list[tuple[str, str, str]] = [
    ("near-uk-nature", "uk", "Стаття вперше опублікована в журналі Nature у 2019 році, пояснив науковець."),
    ("near-uk-zalyshte-rechi", "uk", "Залиште свої речі в гардеробі, попросили організатори."),
    (
        "near-da-bragt-i-avisen",
        "da",
        "Artiklen blev oprindeligt bragt i avisen, men regeringen afviste kritikken dagen efter.",
    ),
    ("near-da-skriv-en-ansogning", "da", "Skriv en ansøgning inden fredag, lyder rådet fra kommunen."),
    (
        "near-no-lokalt-nettmagasin",
        "no",
        "Saken ble først publisert i et lokalt nettmagasin før riksmediene tok den opp.",
    ),
    ("near-nb-sponset-av-staten", "nb", "Sponset av staten i ti år har prosjektet fått kritikk fra opposisjonen."),
    ("near-cs-v-roce", "cs", "Článek byl původně publikován v roce 2015 a od té doby ho citovaly stovky studií."),
    ("near-cs-prevzato-z-ciziny", "cs", "Převzato z ciziny bylo i několik zákonů, uvedl ministr."),
    ("near-ro-presa-locala", "ro", "Articolul a apărut inițial în presa locală, iar apoi a fost preluat de agenții."),
    ("near-ro-lasa-un-mesaj", "ro", "Lasă un mesaj la poartă dacă nu ești acasă, a spus poștașul."),
]
ARTICLE += article_cases(NEAR_MORE_LANGUAGES)

# An eleventh round: Amazon's affiliate disclosure in other languages, a collaboration between publications,
# "versions of this story", "the original article was published in", a call to keep comments civil, and an Italian
# update label.
ELEVENTH_ROUND: list[tuple[str, str, str, str]] = [
    (
        "synd-collaboration-between",
        "en",
        "syndication",
        "This story is a collaboration between The Marshall Project and the Harbour Herald.",
    ),
    (
        "synd-versions-of-this-story",
        "en",
        "syndication",
        "Versions of this story appeared in The Guardian and The Observer.",
    ),
    ("synd-the-original-article", "en", "syndication", "The original article was published in The Coastal Review."),
    (
        "synd-de-auf-englisch-bei",
        "de",
        "syndication",
        "Dieser Beitrag wurde ursprünglich auf Englisch bei The Conversation veröffentlicht.",
    ),
    ("synd-it-articolo-originale", "it", "syndication", "L'articolo originale è stato pubblicato su Il Post."),
    ("synd-fr-article-original", "fr", "syndication", "L'article original a été publié dans Le Temps."),
    ("synd-es-articulo-original", "es", "syndication", "El artículo original fue publicado en El Faro."),
    ("comment-keep-civil", "en", "comment-prompts", "Please keep comments civil and on topic."),
    ("dateline-it-modifica-il", "it", "timestamps", "12 giugno 2024 (modifica il 13 giugno 2024 | 09:10)"),
    (
        "affiliate-fr-partenaire-amazon",
        "fr",
        "affiliate-notes",
        "En tant que Partenaire Amazon, nous réalisons un bénéfice sur les achats remplissant les conditions requises.",
    ),
    (
        "affiliate-de-amazon-partner",
        "de",
        "affiliate-notes",
        "Als Amazon-Partner verdienen wir an qualifizierten Verkäufen.",
    ),
    (
        "affiliate-es-afiliado-de-amazon",
        "es",
        "affiliate-notes",
        "Como afiliado de Amazon, obtenemos ingresos por las compras adscritas que cumplen los requisitos aplicables.",
    ),
    (
        "affiliate-it-affiliato-amazon",
        "it",
        "affiliate-notes",
        "In qualità di Affiliato Amazon, ricevo un guadagno dagli acquisti idonei.",
    ),
    (
        "affiliate-pt-associado-amazon",
        "pt",
        "affiliate-notes",
        "Como associado da Amazon, ganho com compras qualificadas.",
    ),
    (
        "affiliate-nl-amazon-partner",
        "nl",
        "affiliate-notes",
        "Als Amazon-partner verdienen wij aan in aanmerking komende aankopen.",
    ),
]
BOILERPLATE += boilerplate_cases(ELEVENTH_ROUND)

NEAR_THE_ELEVENTH_ROUND: list[tuple[str, str, str]] = [
    (
        "near-collaboration-between-neighbours",
        "en",
        "This story is a collaboration between neighbours who refused to give up on the old mill.",
    ),
    ("near-versions-have-circulated", "en", "Versions of this story have circulated in the village for decades."),
    (
        "near-original-article-in-1998",
        "en",
        "The original article was published in 1998 and cited widely by later studies.",
    ),
    ("near-keep-comments-short-asked", "en", "Please keep comments about the plan short, the council asked residents."),
    ("near-keep-it-clean", "en", "Keep it clean."),
    (
        "near-fr-partenaire-amazon-depuis",
        "fr",
        "En tant que partenaire d'Amazon depuis 2015, l'entreprise a vu ses ventes doubler.",
    ),
    (
        "near-de-amazon-partner-haendler",
        "de",
        "Als Amazon-Partner verdienen viele Händler kaum noch Geld, sagt die Studie.",
    ),
    (
        "near-it-originale-nel-1950",
        "it",
        "L'articolo originale è stato pubblicato nel 1950 e poi dimenticato per decenni.",
    ),
    ("near-de-originaltext-im-archiv", "de", "Der Originaltext ist im Archiv der Stadt verloren gegangen."),
    ("near-it-modifica-il-regolamento", "it", "Modifica il regolamento entro giugno 2024, chiede il sindaco."),
]
ARTICLE += article_cases(NEAR_THE_ELEVENTH_ROUND)

# A twelfth round: an edition named as the place, "cross-posted from", "une première fois", the author's blog in
# the Romance languages, a note that comments are moderated, and links marked with an asterisk.
TWELFTH_ROUND: list[tuple[str, str, str, str]] = [
    ("synd-the-sunday-edition", "en", "syndication", "This column originally ran in the Sunday edition."),
    ("synd-cross-posted-from", "en", "syndication", "Cross-posted from Daily Kos."),
    ("synd-fr-une-premiere-fois", "fr", "syndication", "Cet entretien a été publié une première fois dans L'Obs."),
    ("synd-es-blog-del-autor", "es", "syndication", "Publicado originalmente en el blog del autor."),
    ("synd-pt-blog-do-autor", "pt", "syndication", "Este texto foi originalmente publicado no blog do autor."),
    ("synd-fr-blog-de-l-auteur", "fr", "syndication", "Cet article a d'abord été publié sur le blog de l'auteur."),
    ("comment-moderated", "en", "comment-prompts", "Comments are moderated and may take time to appear."),
    (
        "affiliate-links-marked-with-an-asterisk",
        "en",
        "affiliate-notes",
        "Links marked with an asterisk are affiliate links.",
    ),
    (
        "affiliate-de-mit-sternchen",
        "de",
        "affiliate-notes",
        "Mit einem * gekennzeichnete Links sind Affiliate-Links.",
    ),
]
BOILERPLATE += boilerplate_cases(TWELFTH_ROUND)

NEAR_THE_TWELFTH_ROUND: list[tuple[str, str, str]] = [
    (
        "near-first-edition-the-poem",
        "en",
        "Originally published in the first edition, the poem was later revised.",
    ),
    ("near-comments-moderated-by-volunteers", "en", "Comments are moderated by volunteers in three countries."),
    ("near-links-marked-are-broken", "en", "Links marked with an asterisk are broken, the audit found."),
    (
        "near-es-blog-del-autor-libro",
        "es",
        "Publicado originalmente en el blog del autor, el texto se convirtió en un libro.",
    ),
    ("near-de-stern-nicht-erreichbar", "de", "Mit einem Stern gekennzeichnete Links sind nicht mehr erreichbar."),
    ("near-fr-une-premiere-fois-roman", "fr", "Publié une première fois en 1950, le roman a été réédité cette année."),
    (
        "near-sunday-edition-before-online",
        "en",
        "This column originally ran in the Sunday edition before moving online in 2010.",
    ),
]
ARTICLE += article_cases(NEAR_THE_TWELFTH_ROUND)

DATED_BYLINES = {
    "after-a-date": ("Posted on May 3, 2024 by Jane Doe", ("Jane Doe",)),
    "two-names": ("Updated March 5, 2024, 10:12 a.m. by Jane Doe and John Roe", ("Jane Doe", "John Roe")),
    "fr": ("Publié le 3 mai 2024 par Jean Dupont", ("Jean Dupont",)),
    "a-plain-byline": ("By Jane Doe", ("Jane Doe",)),
    "a-first-name-that-is-a-month": ("By June Carter", ("June Carter",)),
    "a-month-alone-is-no-name": ("By March", ()),
    "no-date-before-it": ("Ferry strike by Jane Doe", ()),
    "a-sentence-after-it": ("Posted on May 3 by the city, the notice gave residents two weeks.", ()),
}


@pytest.mark.parametrize(("line", "names"), DATED_BYLINES.values(), ids=DATED_BYLINES.keys())
def test_the_names_of_a_byline_after_a_date(line: str, names: tuple[str, ...]) -> None:
    assert byline_authors(line) == names


# Boilerplate the cleaners leave in today, kept as strict expected failures so that a fix is noticed.
KNOWN_GAPS = [
    pytest.param(
        "Dieses Interview erschien zuerst in der taz.",
        "de",
        "syndication",
        id="gap-syndication-name-in-lower-case",
        marks=pytest.mark.xfail(reason="a name written in lower case does not read as a publication's", strict=True),
    ),
]


@pytest.mark.parametrize(("line", "language", "expected_cleaner"), KNOWN_GAPS)
def test_known_gap(line: str, language: str, expected_cleaner: str, paragraphs: tuple[str, str]) -> None:
    _kept, removals = clean(sandwich(line, paragraphs), language)
    assert [(r.cleaner, r.text) for r in removals] == [(expected_cleaner, line)]


MEAL = ["Breakfast: two eggs and a slice of rye toast.", "Lunch: a bowl of lentil soup."]


@pytest.mark.parametrize(
    ("lines", "removed"),
    [
        pytest.param([PARAGRAPH_BEFORE, PARAGRAPH_AFTER] * 2, [PARAGRAPH_BEFORE, PARAGRAPH_AFTER], id="given-twice"),
        pytest.param(
            [PARAGRAPH_BEFORE, PARAGRAPH_AFTER] * 3,
            [PARAGRAPH_BEFORE, PARAGRAPH_AFTER] * 2,
            id="given-three-times",
        ),
        pytest.param(
            [PARAGRAPH_BEFORE, "Monday", *MEAL, "Tuesday", *MEAL, PARAGRAPH_AFTER, PARAGRAPH_BEFORE[::-1]],
            [],
            id="short-repeat-is-the-articles-own",
        ),
        pytest.param([PARAGRAPH_BEFORE, PARAGRAPH_AFTER, PARAGRAPH_BEFORE], [], id="one-line-said-twice"),
        pytest.param(["Issued on:", "0", "0", "0", "0"], [], id="short-lines-said-twice"),
    ],
)
def test_repeated_text_drops_the_later_copies_of_thearticle_cases(lines: list[str], removed: list[str]) -> None:
    kept, removals = clean(lines, "en", title=None)
    assert [r.text for r in removals if r.cleaner == "repeated-text"] == removed
    others = [r.text for r in removals if r.cleaner != "repeated-text"]
    assert list(kept) == [line for line in lines if line not in others][: len(lines) - len(others) - len(removed)]


@pytest.mark.parametrize(
    ("dateline", "words"),
    [
        pytest.param("प्रकाशित: 12 सितंबर 2024", ["प्रकाशित", "12", "सितंबर", "2024"], id="devanagari"),
        pytest.param("প্রকাশিত: 12 সেপ্টেম্বর 2024", ["প্রকাশিত", "12", "সেপ্টেম্বর", "2024"], id="bengali"),
        pytest.param("வெளியீடு: 12 செப்டம்பர் 2024", ["வெளியீடு", "12", "செப்டம்பர்", "2024"], id="tamil"),
        pytest.param("เผยแพร่: 12 กันยายน 2024", ["เผยแพร่", "12", "กันยายน", "2024"], id="thai"),
        pytest.param("نُشِرَ: 12 سبتمبر 2024", ["نُشِرَ", "12", "سبتمبر", "2024"], id="arabic-with-points"),
        pytest.param("Publie\u0301: 12 mai 2024", ["Publie\u0301", "12", "mai", "2024"], id="latin-decomposed-accent"),
    ],
)
def test_a_word_is_one_word_with_its_combining_marks(dateline: str, words: list[str]) -> None:
    # Python's \w does not match combining marks (Devanagari "ि", "ं", a Thai tone mark, Arabic points, an accent
    # written apart): a date's words would read as pieces of words.
    assert WORD_OR_NUMBER.findall(dateline) == words


def test_a_devanagari_source_is_named_whole() -> None:
    assert syndication_source("द वायर की अनुमति से पुनर्प्रकाशित।", "hi") == "द वायर"


@pytest.mark.parametrize(
    ("credit_line", "credit"),
    [
        pytest.param("/БТА/", "БТА", id="slashes"),
        pytest.param("(SITA, red)", "SITA, red", id="brackets-with-initials"),
        pytest.param("（共同）", "共同", id="full-width-brackets"),
    ],
)
def test_a_names_only_credit_becomes_the_articles_credit(credit_line: str, credit: str) -> None:
    paragraphs = [PARAGRAPH_BEFORE, PARAGRAPH_AFTER, PARAGRAPH_BEFORE.replace("Tuesday", "Monday")]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"<html><head><title>{TITLE}</title></head><body><article>{body}<p>{credit_line}</p></article></body></html>"
    article = clean_page(page, "https://example.org/news/bridge")
    assert article.text == "\n".join(paragraphs)
    assert article.credit == credit


# A question to the reader of a few words, then a call to answer; a call to weigh in; readers invited to comment.
CALLS_AFTER_QUESTIONS: list[tuple[str, str, str, str]] = [
    ("call-vote-social", "en", "comment-prompts", "How would you vote? Let us know on social media."),
    (
        "call-long-question",
        "en",
        "comment-prompts",
        "What are your thoughts on the new harbour rules? Tell us on X, Facebook or Instagram.",
    ),
    ("call-share-them", "en", "comment-prompts", "Have thoughts on this story? Share them with us."),
    ("call-poll", "en", "comment-prompts", "Is the council right? Vote in our poll below."),
    ("call-newsroom", "en", "comment-prompts", "Questions or comments about this story? Contact the newsroom."),
    ("call-weigh-in", "en", "comment-prompts", "Weigh in below: is the bridge worth saving?"),
    ("call-readers-can", "en", "comment-prompts", "Readers can share their views in the comments."),
]
BOILERPLATE += boilerplate_cases(CALLS_AFTER_QUESTIONS)

NEAR_CALLS_AFTER_QUESTIONS: list[tuple[str, str, str]] = [
    ("near-call-said", "en", "Did he know? Let us know if you have information, police said on Monday."),
    ("near-call-answer", "en", "Who pays for the repairs? Contact details for the council are on its website."),
    ("near-call-business", "en", "Ready to move your shop online? Contact us today for a free consultation."),
    ("near-call-weigh-in", "en", "Weigh in at 80 kilos before the fight."),
    (
        "near-call-readers",
        "en",
        "Readers can share their views at a public meeting on Tuesday, when the council votes.",
    ),
]
ARTICLE += article_cases(NEAR_CALLS_AFTER_QUESTIONS)


# A note that a site put in brackets, the brackets enclosing the whole line: read inside them.
ENCLOSED_NOTES: list[tuple[str, str, str, str]] = [
    ("enclosed-reprinted", "en", "syndication", "(Reprinted with permission from The Harbour Weekly.)"),
    ("enclosed-first-appeared", "en", "syndication", "[This article first appeared in The Harbour Weekly.]"),
    ("enclosed-de", "de", "syndication", "(Dieser Artikel erschien zuerst im Hafenkurier.)"),
    ("enclosed-fr", "fr", "syndication", "(Cet article a d'abord été publié sur Le Courrier du Port.)"),
    ("enclosed-es", "es", "syndication", "[Este artículo fue publicado originalmente en El Diario del Puerto.]"),
    ("enclosed-comments", "en", "comment-prompts", "[Comments are closed.]"),
    (
        "enclosed-update",
        "en",
        "timestamps",
        "(This story was updated at 3:40 p.m. to include comments from the mayor.)",
    ),
]
BOILERPLATE += boilerplate_cases(ENCLOSED_NOTES)

NEAR_ENCLOSED_NOTES: list[tuple[str, str, str]] = [
    ("near-enclosed-sentence", "en", "(The harbour company did not respond to a request for comment.)"),
    ("near-enclosed-two", "en", "(Comments are closed.) (The bridge is not.)"),
]
ARTICLE += article_cases(NEAR_ENCLOSED_NOTES)


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        pytest.param("(Reprinted with permission.)", "Reprinted with permission.", id="round"),
        pytest.param("[Note.].", "Note.", id="square-and-a-full-stop"),
        pytest.param("（本文转载自澎湃新闻）", "本文转载自澎湃新闻", id="full-width"),
        pytest.param("(a note (with brackets) inside)", "a note (with brackets) inside", id="nested"),
        pytest.param("(a) and (b)", None, id="two-pairs"),
        pytest.param("()", None, id="empty"),
        pytest.param("(not closed", None, id="not-closed"),
        pytest.param("Not opened)", None, id="not-opened"),
    ],
)
def test_brackets_that_enclose_a_whole_line(text: str, inside: str | None) -> None:
    assert enclosed(text) == inside


# A byline that names the newsroom, not a person, alone or with a timestamp, wherever it stands.
STAFF_BYLINES: list[tuple[str, str, str, str]] = [
    ("staff-board", "en", "byline", "By the Editorial Board"),
    ("staff-team-ago", "en", "byline", "Posted 3 hours ago by the Newsroom team"),
    ("staff-desk-label", "en", "byline", "Published by the news desk"),
    ("staff-outlet", "en", "byline", "By BBC News staff"),
    ("staff-reporter", "en", "byline", "By a Staff Reporter"),
    ("staff-de", "de", "byline", "Von der SZ-Redaktion"),
    ("staff-nl", "nl", "byline", "Door de redactie"),
    ("staff-sv", "sv", "byline", "Av redaktionen"),
    ("staff-nb", "nb", "byline", "Av nyhetsredaksjonen"),
    ("staff-it", "it", "byline", "Di redazione"),
]
BOILERPLATE += boilerplate_cases(STAFF_BYLINES)

NEAR_STAFF_BYLINES: list[tuple[str, str, str]] = [
    ("near-staff-count", "en", "By the editors' count, the festival drew 40,000 people."),
    ("near-staff-reviewed", "en", "Reviewed by the staff"),
    ("near-staff-supported", "en", "Supported by the team, she rebuilt the clinic in a year."),
    ("near-staff-time", "en", "By the time the team arrived, the fire was out."),
    ("near-staff-de", "de", "Von der Redaktion des Magazins kam keine Antwort."),
]
ARTICLE += article_cases(NEAR_STAFF_BYLINES)


# A dateline further down a text, alone between paragraphs (a note moved into the body, a live page's entry).
DATELINES_FURTHER_DOWN = {
    "middle-en": ("en", [PARAGRAPH_BEFORE, PARAGRAPH_AFTER, "OXFORD, England — March 18, 2024", PARAGRAPH_BEFORE]),
    "end-en": ("en", [PARAGRAPH_BEFORE, PARAGRAPH_AFTER, "Cambridge, Mass., Feb. 14, 2024"]),
    "end-es": ("es", [PARAGRAPH_BEFORE, PARAGRAPH_AFTER, "Ponce, Puerto Rico — 9 de abril de 2024"]),
    "middle-hi": ("hi", [PARAGRAPH_BEFORE, PARAGRAPH_AFTER, "नई दिल्ली, 5 सितंबर।", PARAGRAPH_BEFORE]),
}


@pytest.mark.parametrize(("language", "lines"), DATELINES_FURTHER_DOWN.values(), ids=DATELINES_FURTHER_DOWN.keys())
def test_a_dateline_alone_further_down_goes(language: str, lines: list[str]) -> None:
    kept, removals = clean(lines, language)
    assert [r.cleaner for r in removals] == ["datelines"]
    assert kept == tuple(line for line in lines if line in (PARAGRAPH_BEFORE, PARAGRAPH_AFTER))


# Further down, a place and a date that are a list's item stay: a run of them, a bullet, an announcing line
# before, or a show's venue and its run.
NEAR_DATELINES_FURTHER_DOWN = {
    "a-run": [PARAGRAPH_BEFORE, PARAGRAPH_AFTER, "New York, NY, May 3, 2024", "Los Angeles, Calif., May 5, 2024"],
    "a-bullet": [PARAGRAPH_BEFORE, PARAGRAPH_AFTER, "- New York, NY, May 3, 2024", PARAGRAPH_BEFORE],
    "after-a-colon": [PARAGRAPH_BEFORE, PARAGRAPH_AFTER, "The tour's last date:", "New York, NY, May 3, 2024"],
    "a-run-of-dates": [
        PARAGRAPH_BEFORE,
        PARAGRAPH_AFTER,
        "Lee Carter, Modern Gallery, October 2, 2025 – February 15, 2026",
        PARAGRAPH_BEFORE,
    ],
}


@pytest.mark.parametrize("lines", NEAR_DATELINES_FURTHER_DOWN.values(), ids=NEAR_DATELINES_FURTHER_DOWN.keys())
def test_a_place_and_a_date_in_a_list_further_down_stay(lines: list[str]) -> None:
    kept, removals = clean(lines, "en")
    assert [r.text for r in removals] == []
    assert kept == tuple(lines)


def test_a_place_and_a_year_on_top_are_no_dateline() -> None:
    lines = ["Berlin, 1989", PARAGRAPH_BEFORE, PARAGRAPH_AFTER]
    kept, removals = clean(lines, "en")
    assert removals == ()
    assert kept == tuple(lines)


# A notice of the article's age, alone on its line (``article_age``): the page's date said again.
ARTICLE_AGE_NOTICES = [
    ("age-en", "en", "timestamps", "This article is more than 2 years old"),
    ("age-en-in-words", "en", "timestamps", "This article is more than two years old."),
    ("age-en-published-ago", "en", "timestamps", "This article was published more than 5 years ago."),
    ("age-en-warning", "en", "timestamps", "Warning: This article is more than 3 years old"),
    ("age-de", "de", "timestamps", "Dieser Artikel ist mehr als 2 Jahre alt."),
    ("age-de-older-than", "de", "timestamps", "Dieser Artikel ist älter als ein Jahr."),
    ("age-de-published-ago", "de", "timestamps", "Dieser Beitrag wurde vor mehr als zwei Jahren veröffentlicht."),
    ("age-fr", "fr", "timestamps", "Cet article a plus de 2 ans."),
    ("age-fr-dates-from", "fr", "timestamps", "Cet article date de plus d'un an."),
    ("age-es", "es", "timestamps", "Este artículo tiene más de 2 años de antigüedad."),
    ("age-it", "it", "timestamps", "Questo articolo è stato pubblicato più di 2 anni fa."),
    ("age-pt", "pt", "timestamps", "Este artigo foi publicado há mais de 2 anos."),
    ("age-nl", "nl", "timestamps", "Dit artikel is meer dan 2 jaar oud."),
    ("age-sv", "sv", "timestamps", "Den här artikeln är mer än två år gammal."),
    ("age-da", "da", "timestamps", "Denne artikel er mere end to år gammel."),
    ("age-nb", "nb", "timestamps", "Denne artikkelen er mer enn to år gammel."),
    ("age-pl", "pl", "timestamps", "Ten artykuł ma ponad 2 lata."),
]
BOILERPLATE += boilerplate_cases(ARTICLE_AGE_NOTICES)

# An age or a length in an article's sentence: no notice.
NEAR_ARTICLE_AGE: list[tuple[str, str, str]] = [
    (
        "near-age-and-a-clause",
        "en",
        "This article is more than 2 years old, but its advice still holds for anyone buying a house this spring.",
    ),
    ("near-age-of-a-building", "en", "The church is more than 200 years old."),
    (
        "near-age-of-a-story-told",
        "en",
        "This story is more than 100 years old and has been told by every generation of islanders since.",
    ),
    ("near-age-de-length", "de", "Der Bericht ist mehr als 300 Seiten lang."),
    ("near-age-fr-pages", "fr", "Cet article a plus de 300 pages."),
    ("near-age-es-pages", "es", "El artículo tiene más de 20 páginas."),
]
ARTICLE += article_cases(NEAR_ARTICLE_AGE)


# A sponsor's label and the partner named "in association with"; a label and a disclaimer that names the content
# and who made or supplied it, in up to `DISCLAIMER_WORDS` words.
SPONSOR_LABELS_MORE: list[tuple[str, str, str, str]] = [
    (
        "affiliate-paid-content-in-association",
        "en",
        "affiliate-notes",
        "Paid content in association with Harbour Energy",
    ),
    ("affiliate-in-association-alone", "en", "affiliate-notes", "In association with Harbour Energy"),
    (
        "affiliate-label-content-supplied-by",
        "en",
        "affiliate-notes",
        "Advertisement feature: the content of this page was supplied by Lowland Building Society.",
    ),
    (
        "affiliate-label-content-produced-with",
        "en",
        "affiliate-notes",
        "Paid partnership: this content was produced in collaboration with Northfield Online MBA.",
    ),
]
BOILERPLATE += boilerplate_cases(SPONSOR_LABELS_MORE)

NEAR_SPONSOR_LABELS_MORE: list[tuple[str, str, str]] = [
    (
        "near-in-association-and-a-clause",
        "en",
        "In association with the museum, the school will open a new gallery next year.",
    ),
    ("near-run-in-association", "en", "The festival is run in association with Harbour Arts."),
    (
        "near-label-and-a-long-sentence",
        "en",
        "Advertising – the council spent more on advertising the festival than on its stage and its lighting "
        "this year.",
    ),
]
ARTICLE += article_cases(NEAR_SPONSOR_LABELS_MORE)


# A known agency alone on a line after "according to", after an editor's initials in brackets, or after a label of
# the writer (``agency_name``).
AGENCY_LINES_MORE: list[tuple[str, str, str, str]] = [
    ("agency-according-to-ru", "ru", "agency-credit", "По данным ТАСС"),
    ("agency-according-to-bg", "bg", "agency-credit", "По информация на БТА"),
    ("agency-according-to-de", "de", "agency-credit", "Nach Angaben der dpa."),
    ("agency-according-to-fr", "fr", "agency-credit", "Selon l'AFP"),
    ("agency-initials-pl", "pl", "agency-credit", "(mp/PAP)"),
    ("agency-initials-cs", "cs", "agency-credit", "(jkr/ČTK)"),
    ("agency-writer-label-hr", "hr", "agency-credit", "Piše: Hina"),
    ("agency-writer-label-de", "de", "agency-credit", "Text: dpa"),
]
BOILERPLATE += boilerplate_cases(AGENCY_LINES_MORE)

NEAR_AGENCY_LINES_MORE: list[tuple[str, str, str]] = [
    ("near-according-to-agency-en", "en", "According to Reuters, the company will close two plants."),
    ("near-according-to-agency-ru", "ru", "По данным ТАСС, в результате пожара никто не пострадал."),
]
ARTICLE += article_cases(NEAR_AGENCY_LINES_MORE)


# A comment section's short call or count, in the wordings of more languages.
COMMENT_CALLS_MORE: list[tuple[str, str, str, str]] = [
    ("comments-discuss-the-story-nb", "nb", "comment-prompts", "Diskuter saken"),
    ("comments-discuss-the-article-sv", "sv", "comment-prompts", "Diskutera artikeln"),
    ("comments-discuss-the-article-da", "da", "comment-prompts", "Diskuter artiklen her"),
    ("comments-join-the-discussion-hr", "hr", "comment-prompts", "Uključi se u raspravu"),
    ("comments-discussion-count-cs", "cs", "comment-prompts", "Diskuze (56)"),
    ("comments-discuss-in-the-comments-ru", "ru", "comment-prompts", "Обсудить в комментариях"),
    ("comments-discuss-in-the-comments-uk", "uk", "comment-prompts", "Обговорити в коментарях"),
    ("comments-readers-count-zh", "zh", "comment-prompts", "网友评论（36）"),
]
BOILERPLATE += boilerplate_cases(COMMENT_CALLS_MORE)

NEAR_COMMENT_CALLS_MORE: list[tuple[str, str, str]] = [
    ("near-discuss-with-your-doctor-nb", "nb", "Diskuter saken med fastlegen din før du slutter med medisinen."),
    ("near-discuss-with-pupils-sv", "sv", "Diskutera artikeln med dina elever och låt dem skriva en egen text."),
    ("near-residents-may-discuss-ru", "ru", "Обсудить проект жители смогут до конца месяца на сайте мэрии."),
    ("near-readers-comments-said-zh", "zh", "网友评论称，这项政策将影响数百万家庭。"),
]
ARTICLE += article_cases(NEAR_COMMENT_CALLS_MORE)


# A label of a partner's or a brand's content, which a site runs for pay (``ad_marker``).
PARTNER_CONTENT_LABELS: list[tuple[str, str, str, str]] = [
    ("partner-content-en", "en", "ad-markers", "Partner content"),
    ("partner-content-en-2", "en", "ad-markers", "Branded content"),
    ("partner-content-en-3", "en", "ad-markers", "Brand story"),
    ("partner-content-en-4", "en", "ad-markers", "Sponsor content"),
    ("partner-content-es", "es", "ad-markers", "Contenido aliado"),
    ("partner-content-pt", "pt", "ad-markers", "Conteúdo de parceiro"),
    ("partner-content-it", "it", "ad-markers", "Contenuto partner"),
    ("partner-content-de", "de", "ad-markers", "Partnerinhalt"),
    ("partner-content-de-2", "de", "ad-markers", "Markeninhalt"),
    ("partner-content-nl", "nl", "ad-markers", "Merkcontent"),
    ("partner-content-sv", "sv", "ad-markers", "Partnerinnehåll"),
    ("partner-content-da", "da", "ad-markers", "Partnerindhold"),
    ("partner-content-nb", "nb", "ad-markers", "Partnerinnhold"),
    ("partner-content-cs", "cs", "ad-markers", "Partnerský článek"),
    ("partner-content-cs-2", "cs", "ad-markers", "Obsah partnera"),
    ("partner-content-sk", "sk", "ad-markers", "Partnerský obsah"),
    ("partner-content-hr", "hr", "ad-markers", "Partnerski sadržaj"),
    ("partner-content-ro", "ro", "ad-markers", "Conținut partener"),
    ("partner-content-ru", "ru", "ad-markers", "Материал партнера"),
    ("partner-content-uk", "uk", "ad-markers", "Матеріал партнера"),
    ("partner-content-el", "el", "ad-markers", "Περιεχόμενο συνεργάτη"),
    ("partner-content-hu", "hu", "ad-markers", "Partnertartalom"),
    ("partner-content-tr", "tr", "ad-markers", "Partner içerik"),
    ("partner-content-id", "id", "ad-markers", "Konten mitra"),
    ("partner-content-vi", "vi", "ad-markers", "Nội dung đối tác"),
    ("partner-content-ja", "ja", "ad-markers", "スポンサーコンテンツ"),
    ("partner-content-ja-2", "ja", "ad-markers", "スポンサー記事"),
    ("partner-content-zh", "zh", "ad-markers", "合作内容"),
    ("partner-content-he", "he", "ad-markers", "תוכן שותפים"),
    ("promoted-by-en", "en", "affiliate-notes", "Promoted by Acme Bank"),
    ("supported-by-en", "en", "affiliate-notes", "Supported by the Lumen Foundation"),
]
BOILERPLATE += boilerplate_cases(PARTNER_CONTENT_LABELS)

NEAR_PARTNER_CONTENT_LABELS: list[tuple[str, str, str]] = [
    ("near-supported-by-clause-en", "en", "Supported by the new data, the council will close the bridge in May."),
    ("near-funded-by-clause-en", "en", "Funded by taxpayers, the scheme has cost more than £4m so far."),
    ("near-promoted-by-clause-en", "en", "Promoted by the club in 2019, he scored 12 goals in his first season."),
    ("near-brand-story-sentence-en", "en", "Brand story telling is what the agency sells to its clients, Smith said."),
    (
        "near-partner-content-sentence-en",
        "en",
        "Partner content now makes up a fifth of the site's revenue, the report found.",
    ),
    ("near-partner-content-sentence-de", "de", "Partnerinhalte machen inzwischen ein Fünftel der Einnahmen aus."),
    ("near-partner-material-sentence-ru", "ru", "Материал партнёра оказался неточным, признали в редакции."),
]
ARTICLE += article_cases(NEAR_PARTNER_CONTENT_LABELS)


# The rules of a comment section in more English wordings: the rules said to apply, comments subject to moderation,
# held for review, closed after a time or limited to some readers; a call to start the conversation or to report a
# comment; letters edited for length.
COMMENT_RULES_MORE: list[tuple[str, str, str, str]] = [
    (
        "comments-guidelines-apply",
        "en",
        "comment-prompts",
        "Our community guidelines apply: be respectful, stay on topic and avoid personal attacks.",
    ),
    ("comments-subject-to-moderation", "en", "comment-prompts", "All comments are subject to moderation."),
    (
        "comments-removed-and-banned",
        "en",
        "comment-prompts",
        "Abusive comments will be removed and repeat offenders banned.",
    ),
    ("comments-held-for-review", "en", "comment-prompts", "Comments that include links may be held for review."),
    ("comments-close-after", "en", "comment-prompts", "Comments close 48 hours after publication."),
    ("comments-open-for-days", "en", "comment-prompts", "The comments section is open for 7 days."),
    ("comments-limited-to-subscribers", "en", "comment-prompts", "Commenting is limited to subscribers."),
    ("comments-start-the-conversation", "en", "comment-prompts", "Start the conversation"),
    ("comments-weigh-in", "en", "comment-prompts", "Want to weigh in? Send us a letter to the editor."),
    ("comments-report", "en", "comment-prompts", "Please report any comment you think breaks our rules."),
    ("letters-edited", "en", "comment-prompts", "Letters may be edited for length and clarity."),
    (
        "affiliate-host-covered-travel",
        "en",
        "affiliate-notes",
        "Disclosure: Nightfall Studios covered travel and accommodation for this preview event.",
    ),
    ("affiliate-host-paid-for-review", "en", "affiliate-notes", "Ubisoft paid for flights and hotel for this review."),
    (
        "affiliate-brought-by-friends-tagline",
        "en",
        "affiliate-notes",
        "Brought to you by our friends at CampusNest – student housing made simple.",
    ),
]
COMMENT_RULES_MORE += [
    (
        "affiliate-funded-reporter-post",
        "en",
        "affiliate-notes",
        "Ellie Carter is a Local Democracy Reporter, a post funded by the BBC and shared with partner newspapers.",
    ),
    (
        "affiliate-funded-reporter-scheme",
        "en",
        "affiliate-notes",
        "Jane Doe is a Report for America corps member covering rural health in Kansas.",
    ),
    (
        "affiliate-funded-reporter-whose-post",
        "en",
        "affiliate-notes",
        "Sam Lee is an environment reporter, whose post is funded by the Lumen Foundation.",
    ),
]
BOILERPLATE += boilerplate_cases(COMMENT_RULES_MORE)

NEAR_COMMENT_RULES_MORE: list[tuple[str, str, str]] = [
    (
        "near-guidelines-apply-attributed",
        "en",
        "Our community guidelines apply to every platform we own, the company said in a statement on Tuesday.",
    ),
    (
        "near-subject-to-moderation-law",
        "en",
        "All comments are subject to moderation under the new law, which takes effect in March.",
    ),
    (
        "near-removed-and-banned-attributed",
        "en",
        "Abusive comments will be removed and repeat offenders banned, YouTube said on Monday.",
    ),
    (
        "near-close-after-attributed",
        "en",
        "Comments close 48 hours after publication under the new policy, the Times said.",
    ),
    (
        "near-limited-to-subscribers-study",
        "en",
        "Commenting is limited to subscribers on most news sites, a 2023 study found.",
    ),
    ("near-start-the-conversation", "en", "Start the conversation early, experts advise parents of teenagers."),
    ("near-weigh-in-residents", "en", "Want to weigh in? Residents can send their views to the council until Friday."),
    ("near-report-packages", "en", "Please report any suspicious packages to station staff."),
    (
        "near-letters-edited-judge",
        "en",
        "Letters may be edited for length, the judge told the jury, but not for content.",
    ),
    (
        "near-host-covered-travel-for-fans",
        "en",
        "Nightfall Studios covered travel and accommodation for 400 fans at the event in Paris.",
    ),
    ("near-host-provided-transport", "en", "Airbus provided transport."),
    ("near-supported-by-friends-clause", "en", "Supported by our friends at the museum, the school opened a new wing."),
]
NEAR_COMMENT_RULES_MORE += [
    ("near-reporter-honoured", "en", "John Smith is a retired reporter who was honoured by the BBC for his work."),
    ("near-funded-post-no-reporter", "en", "Maria Lopez is a nurse, a post funded by the hospital trust."),
]
ARTICLE += article_cases(NEAR_COMMENT_RULES_MORE)


# More news agencies alone on a line (``known_agency``): Serbian, Italian, Brazilian, Spanish-language, Russian,
# Chinese, Arabic and German ones.
AGENCIES_MORE: list[tuple[str, str, str, str]] = [
    ("agency-tanjug", "sr", "agency-credit", "Tanjug"),
    ("agency-lapresse", "it", "agency-credit", "LaPresse"),
    ("agency-askanews", "it", "agency-credit", "Askanews"),
    ("agency-estadao-conteudo", "pt", "agency-credit", "Estadão Conteúdo"),
    ("agency-prensa-latina", "es", "agency-credit", "Prensa Latina"),
    ("agency-sputnik-ru", "ru", "agency-credit", "Спутник"),
    ("agency-china-news-service", "zh", "agency-credit", "中新社"),
    ("agency-wam", "ar", "agency-credit", "وام"),
    ("agency-dts", "de", "agency-credit", "dts Nachrichtenagentur"),
]
BOILERPLATE += boilerplate_cases(AGENCIES_MORE)

NEAR_AGENCIES_MORE: list[tuple[str, str, str]] = [
    ("near-according-to-lapresse", "it", "Secondo LaPresse, il governo cadrà entro l'estate."),
    ("near-sputnik-sentence", "ru", "Спутник вышел на орбиту в 1957 году."),
]
ARTICLE += article_cases(NEAR_AGENCIES_MORE)


# A rule of the comment section alone on its line, in more languages: comments are moderated, reserved to
# subscribers or closed a time after publication.
COMMENT_RULES_LANGUAGES: list[tuple[str, str, str, str]] = [
    ("comment-rule-fr", "fr", "comment-prompts", "Tous les commentaires sont soumis à modération."),
    ("comment-rule-fr-2", "fr", "comment-prompts", "Les commentaires sont fermés 48 heures après la publication."),
    ("comment-rule-fr-3", "fr", "comment-prompts", "Les commentaires sont réservés aux abonnés."),
    ("comment-rule-fr-4", "fr", "comment-prompts", "Signalez tout commentaire contraire à notre charte."),
    ("comment-rule-fr-5", "fr", "comment-prompts", "Notre charte de modération s'applique."),
    ("comment-rule-de", "de", "comment-prompts", "Die Kommentarfunktion ist nur für Abonnenten verfügbar."),
    (
        "comment-rule-de-2",
        "de",
        "comment-prompts",
        "Die Kommentarfunktion wird 48 Stunden nach Veröffentlichung geschlossen.",
    ),
    ("comment-rule-de-3", "de", "comment-prompts", "Es gelten unsere Community-Richtlinien."),
    ("comment-rule-de-4", "de", "comment-prompts", "Melden Sie Kommentare, die gegen unsere Regeln verstoßen."),
    ("comment-rule-es", "es", "comment-prompts", "Todos los comentarios están sujetos a moderación."),
    ("comment-rule-es-2", "es", "comment-prompts", "Los comentarios se cierran 48 horas después de la publicación."),
    ("comment-rule-es-3", "es", "comment-prompts", "Los comentarios son exclusivos para suscriptores."),
    ("comment-rule-es-4", "es", "comment-prompts", "Denuncia los comentarios que incumplan nuestras normas."),
    ("comment-rule-pt", "pt", "comment-prompts", "Todos os comentários estão sujeitos a moderação."),
    ("comment-rule-pt-2", "pt", "comment-prompts", "Os comentários são exclusivos para assinantes."),
    ("comment-rule-it", "it", "comment-prompts", "Tutti i commenti sono soggetti a moderazione."),
    ("comment-rule-it-2", "it", "comment-prompts", "I commenti sono riservati agli abbonati."),
    ("comment-rule-it-3", "it", "comment-prompts", "I commenti vengono chiusi 48 ore dopo la pubblicazione."),
    ("comment-rule-nl", "nl", "comment-prompts", "Alle reacties worden gemodereerd."),
    ("comment-rule-nl-2", "nl", "comment-prompts", "Reageren is alleen mogelijk voor abonnees."),
    ("comment-rule-nl-3", "nl", "comment-prompts", "De reactiemogelijkheid sluit 48 uur na publicatie."),
    ("comment-rule-sv", "sv", "comment-prompts", "Kommentarsfältet stänger efter 48 timmar."),
    ("comment-rule-sv-2", "sv", "comment-prompts", "Endast prenumeranter kan kommentera."),
    ("comment-rule-da", "da", "comment-prompts", "Kun abonnenter kan kommentere."),
    ("comment-rule-nb", "nb", "comment-prompts", "Kun abonnenter kan kommentere."),
    ("comment-rule-nb-2", "nb", "comment-prompts", "Kommentarfeltet stenges etter 48 timer."),
    ("comment-rule-pl", "pl", "comment-prompts", "Komentarze mogą dodawać tylko subskrybenci."),
    ("comment-rule-pl-2", "pl", "comment-prompts", "Komentarze są zamykane po 48 godzinach."),
    ("comment-rule-cs", "cs", "comment-prompts", "Všechny komentáře podléhají moderaci."),
    ("comment-rule-cs-2", "cs", "comment-prompts", "Diskuze je přístupná pouze předplatitelům."),
    ("comment-rule-sk", "sk", "comment-prompts", "Diskusia je dostupná len pre predplatiteľov."),
    ("comment-rule-hr", "hr", "comment-prompts", "Svi komentari podliježu moderiranju."),
    ("comment-rule-hr-2", "hr", "comment-prompts", "Komentiranje je omogućeno samo pretplatnicima."),
    ("comment-rule-ro", "ro", "comment-prompts", "Toate comentariile sunt moderate."),
    ("comment-rule-ro-2", "ro", "comment-prompts", "Comentariile sunt rezervate abonaților."),
    ("comment-rule-ru", "ru", "comment-prompts", "Комментарии доступны только подписчикам."),
    ("comment-rule-ru-2", "ru", "comment-prompts", "Комментарии закрываются через 48 часов после публикации."),
    ("comment-rule-uk", "uk", "comment-prompts", "Коментувати можуть лише передплатники."),
    ("comment-rule-bg", "bg", "comment-prompts", "Всички коментари се модерират."),
    ("comment-rule-fi", "fi", "comment-prompts", "Kaikki kommentit moderoidaan."),
    ("comment-rule-fi-2", "fi", "comment-prompts", "Kommentointi on vain tilaajille."),
    ("comment-rule-hu", "hu", "comment-prompts", "Minden hozzászólás moderálásra kerül."),
    ("comment-rule-hu-2", "hu", "comment-prompts", "Hozzászólni csak előfizetők tudnak."),
    ("comment-rule-tr", "tr", "comment-prompts", "Tüm yorumlar moderasyondan geçmektedir."),
    ("comment-rule-tr-2", "tr", "comment-prompts", "Yorum yapmak için abone olun."),
    ("comment-rule-id", "id", "comment-prompts", "Komentar hanya untuk pelanggan."),
    ("comment-rule-vi", "vi", "comment-prompts", "Mọi bình luận đều được kiểm duyệt."),
    ("comment-rule-ja", "ja", "comment-prompts", "コメントは承認制です。"),
    ("comment-rule-ja-2", "ja", "comment-prompts", "コメントは会員限定です。"),
    ("comment-rule-zh", "zh", "comment-prompts", "仅限会员评论。"),
    ("comment-rule-he", "he", "comment-prompts", "כל התגובות עוברות סינון."),
]
BOILERPLATE += boilerplate_cases(COMMENT_RULES_LANGUAGES)

NEAR_COMMENT_RULES_LANGUAGES: list[tuple[str, str, str]] = [
    (
        "near-comment-rule-fr",
        "fr",
        "Les commentaires sont réservés aux abonnés depuis la réforme de 2023, selon la direction.",
    ),
    ("near-comment-rule-de", "de", "Die Kommentarfunktion ist nur für Abonnenten verfügbar, kritisierte der Verband."),
    (
        "near-comment-rule-es",
        "es",
        "Todos los comentarios están sujetos a moderación según la nueva ley aprobada el martes.",
    ),
    ("near-comment-rule-pt", "pt", "Os comentários são exclusivos para assinantes desde janeiro, informou o jornal."),
    ("near-comment-rule-it", "it", "I commenti sono riservati agli abbonati del quotidiano da due anni."),
    ("near-comment-rule-nl", "nl", "Alle reacties worden gemodereerd door vrijwilligers uit drie landen."),
    ("near-comment-rule-sv", "sv", "Endast prenumeranter kan kommentera artiklarna sedan i fjol, enligt tidningen."),
    ("near-comment-rule-pl", "pl", "Komentarze są zamykane po 48 godzinach, tłumaczy redaktor naczelny."),
    ("near-comment-rule-cs", "cs", "Všechny komentáře podléhají moderaci, uvedla mluvčí serveru."),
    ("near-comment-rule-ru", "ru", "Комментарии доступны только подписчикам с прошлого года, сообщил редактор."),
    ("near-comment-rule-fi", "fi", "Kaikki kommentit moderoidaan käsin, kertoo päätoimittaja."),
    ("near-comment-rule-tr", "tr", "Tüm yorumlar moderasyondan geçmektedir dedi yayın yönetmeni."),
    ("near-comment-rule-ja", "ja", "コメントは承認制ですが、返信はありません。"),
]
ARTICLE += article_cases(NEAR_COMMENT_RULES_LANGUAGES)


# A call to send the newsroom an opinion or a message, alone or after a question to the reader.
SEND_US_CALLS: list[tuple[str, str, str, str]] = [
    (
        "send-us-whatsapp-after-question-fr",
        "fr",
        "comment-prompts",
        "Une réaction ? Envoyez-nous un message sur WhatsApp.",
    ),
    ("send-us-opinion-es", "es", "comment-prompts", "¿Qué opinas? Envíanos tu opinión por WhatsApp."),
    ("send-us-write-to-address-pt", "pt", "contact-lines", "Tem uma opinião? Escreva para leitor@example.pt."),
    ("send-us-opinion-pt", "pt", "comment-prompts", "Mande sua opinião pelo WhatsApp."),
    ("send-us-socials-it", "it", "comment-prompts", "E voi cosa ne pensate? Scriveteci sui nostri social."),
    ("send-us-letter-nl", "nl", "comment-prompts", "Heeft u een mening? Stuur een brief naar de redactie."),
]
BOILERPLATE += boilerplate_cases(SEND_US_CALLS)

NEAR_SEND_US_CALLS: list[tuple[str, str, str]] = [
    (
        "near-write-to-us-advised-fr",
        "fr",
        "Écrivez-nous sur notre page Facebook pour signaler un problème de livraison, a conseillé la direction.",
    ),
    ("near-write-to-us-then-news-it", "it", "Scriveteci: la rubrica delle lettere torna a settembre."),
    ("near-send-us-no-photos-nl", "nl", "Stuur ons geen foto's van gewonden, vraagt de politie."),
]
ARTICLE += article_cases(NEAR_SEND_US_CALLS)


# A note of when the text was published or updated: the words that name the text before a timestamp
# (``update_subject``), maybe a short reason after it (``update_reason``).
UPDATE_NOTES: list[tuple[str, str, str, str]] = [
    ("update-note-last-updated", "en", "timestamps", "This post was last updated on January 12, 2025."),
    (
        "update-note-published-and-updated",
        "en",
        "timestamps",
        "This article was first published on 3 March 2024 and last updated on 5 March 2024.",
    ),
    (
        "update-note-with-reason",
        "en",
        "timestamps",
        "This story was updated at 3:40 p.m. to include comments from the mayor.",
    ),
    ("update-note-reviewed", "en", "timestamps", "This page was last reviewed on 4 March 2024."),
    (
        "update-note-fr",
        "fr",
        "timestamps",
        "Cet article a été mis à jour le 5 mars 2024 pour ajouter la réaction du maire.",
    ),
    ("update-note-de", "de", "timestamps", "Dieser Artikel wurde zuletzt am 5. März 2024 aktualisiert."),
    ("update-note-es", "es", "timestamps", "Este artículo fue actualizado el 5 de marzo de 2024."),
    ("update-note-it", "it", "timestamps", "Questo articolo è stato aggiornato il 5 marzo 2024."),
    ("update-note-nl", "nl", "timestamps", "Dit artikel is bijgewerkt op 5 maart 2024."),
    ("update-note-sv", "sv", "timestamps", "Artikeln uppdaterades 5 mars 2024."),
    ("update-note-nb", "nb", "timestamps", "Artikkelen ble sist oppdatert 5. mars 2024."),
    ("update-note-pl", "pl", "timestamps", "Artykuł został zaktualizowany 5 marca 2024 r."),
    ("update-note-ru", "ru", "timestamps", "Статья была обновлена 5 марта 2024 года."),
]
BOILERPLATE += boilerplate_cases(UPDATE_NOTES)

NEAR_UPDATE_NOTES: list[tuple[str, str, str]] = [
    ("near-update-published-by", "en", "This report was published on 3 May by the ministry."),
    ("near-update-week-after", "en", "This article was published on 3 May and updated the week after."),
    (
        "near-update-reason-goes-on",
        "en",
        "This story was updated at 3:40 p.m. to include comments from the mayor, who said the bridge will reopen.",
    ),
    (
        "near-update-reason-attributed",
        "en",
        "This report was updated in March 2024 to include new census data, the ministry said.",
    ),
    ("near-update-presented-de", "de", "Dieser Bericht wurde am 5. März 2024 im Landtag vorgestellt."),
    (
        "near-update-published-in-fr",
        "fr",
        "Cet article a été publié le 3 mars 2024 dans Le Monde et repris par 40 journaux.",
    ),
]
ARTICLE += article_cases(NEAR_UPDATE_NOTES)


# A notice that the text is updated or still developing, alone on its line (``update_label``).
UPDATE_LABELS: list[tuple[str, str, str, str]] = [
    ("update-label-updated-with", "en", "timestamps", "This story has been updated with additional information."),
    ("update-label-developing", "en", "timestamps", "This is a developing story and will be updated."),
    (
        "update-label-will-be-updated",
        "en",
        "timestamps",
        "This article will be updated as more information becomes available.",
    ),
    ("update-label-check-back", "en", "timestamps", "Check back for updates."),
    ("update-label-de", "de", "timestamps", "Dieser Artikel wird laufend aktualisiert."),
    ("update-label-es", "es", "timestamps", "Noticia en desarrollo."),
    ("update-label-pt", "pt", "timestamps", "Esta notícia está em atualização."),
    ("update-label-it", "it", "timestamps", "Notizia in aggiornamento."),
    ("update-label-nl", "nl", "timestamps", "Dit artikel wordt bijgewerkt."),
]
BOILERPLATE += boilerplate_cases(UPDATE_LABELS)

NEAR_UPDATE_LABELS: list[tuple[str, str, str]] = [
    (
        "near-update-label-textbook",
        "en",
        "The story will be updated in the next edition of the textbook, the publisher said.",
    ),
    (
        "near-update-label-developing-story-about",
        "en",
        "This is a developing story about two cities that share one river.",
    ),
    ("near-update-label-report-every-year", "en", "The report will be updated every year by the ministry."),
    ("near-update-label-the-report-corrected", "en", "The report was corrected."),
    ("near-update-label-es-goes-on", "es", "Noticia en desarrollo: el incendio sigue activo en la sierra de Gata."),
]
ARTICLE += article_cases(NEAR_UPDATE_LABELS)
