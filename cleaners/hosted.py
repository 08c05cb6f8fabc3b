"""A host's gift the writer discloses: a press trip a host paid for, or the products a brand gave, in any wording.

Travel, motoring, fashion, food and trade pages end (or open) with a line that says who paid for the writer's trip
or gave the products reviewed: "The writer's travel to the fair was paid for by the organiser.", "Deze persreis
werd aangeboden door de organisatie van de beurs.", "Ürünler markası tarafından hediye olarak gönderilmiştir.".
Each site words it its own way, and the words are those of news ("trip", "paid", "invited"), so a list of
wordings misses most of them and the note model scores them as article text.

What they share is their form: a short sentence (or clause, before a semicolon) that opens with the trip (or the
products, or the writer) and says a host paid for it, gave it or invited the writer; or that says a host, named by
its kind, lent "us" something ("The manufacturer lent us the car for a week", "La tondeuse nous a été prêtée par le
fabricant": a word of lending, not "offered", which a refund or a comment is too). Word tables per language give the
parts (`cleaners/rules/text.toml`): ``hosted_thing`` (the trip, the stay, the products, a test car),
``hosted_review`` (a review copy, code or key, the items reviewed: read when the host's name ends the sentence),
``hosted_giver`` (paid for, at the invitation of, free of charge), ``hosted_writer`` (the writer, our reporter),
``hosted_recipient`` ("us"), ``hosted_host`` (the manufacturer, the brand, the organiser) and ``hosted_loan`` (lent,
free of charge); ``hosted_guard`` keeps the news such a sentence may also be (a head of state as the host, a report
of it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaners.prefilter import lines_passing
from cleaners.rules import WITHOUT_SPACES, loose_pattern, word_gate, word_pattern

MAX_WORDS = 32
"""A line of more words is a paragraph: a disclosure is a sentence or two."""
SENTENCE_WORDS = 16
"""The disclosure's own sentence has at most this many words (a news sentence on a trip that a sponsor paid for
runs longer: "The tournament's main sponsor, a local furniture maker, also paid for the youth teams' travel …")."""
SYLLABLE_FACTOR = 1.5
"""Vietnamese writes each syllable apart: its sentences have this many times the words."""
CJK_SENTENCE_CHARACTERS = 45
"""`SENTENCE_WORDS` in Chinese and Japanese, written without spaces: characters."""
LEAD_WORDS = 3
"""The trip or the writer stands among the sentence's first words (after a label such as "Disclosure:"): the
sentence is about it. Arabic puts the verb first: two words more."""
LEAD_CHARACTERS = 10
"""`LEAD_WORDS` in Chinese and Japanese: characters."""
REVIEW_TAIL_WORDS = 4
"""A review copy's disclosure ends within this many words after its words of giving: the host's name."""
_SENTENCE = re.compile(r"(?<=[.!?。！？;；])\s*")
"""Where a line's sentences, and the clauses a semicolon parts, meet."""
_LABEL = re.compile(r"[\W\d_]*(?:[^\W\d_][\w-]*(?: [^\W\d_][\w-]*)?\s*[:：|]\s*)?")
"""What may stand before a disclosure's sentence: marks ("※", "*") and a label of one or two words ("Disclosure:",
"Transparenzhinweis:")."""


_GATE = ("hosted_giver", "hosted_loan")
"""The words of giving and of lending: a line that holds none of them discloses no gift (`word_gate`)."""


def is_hosted_disclosure(text: str, language: str | None, folded: str | None = None) -> bool:
    """Whether ``text`` discloses a host's gift: one of its sentences or clauses (of at most `SENTENCE_WORDS`
    words) opens with the trip or the products (``hosted_thing``) or the writer (``hosted_writer``) and says a host
    paid, gave or invited (``hosted_giver``; lent or gave free of charge, ``hosted_loan``, when the writer or "us"
    received it: "The trip is free for residents" is news), or says that a host named by its kind
    (``hosted_host``) lent something to "us" (``hosted_recipient``, ``hosted_loan``); and names no head of state,
    report, third party or donation (``hosted_guard``). Reported speech ("…, the council said.") is none.
    ``folded`` is ``text`` case-folded (`cleaners.prefilter.fold`), if the caller has it."""
    return bool(word_gate(language, *_GATE).search(text, folded)) and _discloses(text, language)


def _discloses(text: str, language: str | None) -> bool:
    """`is_hosted_disclosure` of a line that holds a word of giving or lending (the gate passed)."""
    if len(text.split()) > MAX_WORDS or loose_pattern("speech", language).search(text):
        return False
    giver = word_pattern("hosted_giver", language)
    loan = word_pattern("hosted_loan", language)
    thing = word_pattern("hosted_thing", language)
    writer = word_pattern("hosted_writer", language)
    guard = word_pattern("hosted_guard", language)
    recipient = word_pattern("hosted_recipient", language)
    host = word_pattern("hosted_host", language)
    review = word_pattern("hosted_review", language)
    limit = SENTENCE_WORDS * (SYLLABLE_FACTOR if language == "vi" else 1)
    for sentence in _SENTENCE.split(text):
        words = sentence.split()
        if not words or len(words) > limit:
            continue
        label = _LABEL.match(sentence)
        body = sentence[label.end() :] if label else sentence
        if language in WITHOUT_SPACES:
            if len(sentence) > CJK_SENTENCE_CHARACTERS:
                continue
            lead = body[:LEAD_CHARACTERS]
        else:
            lead = " ".join(body.split()[: LEAD_WORDS + (2 if language == "ar" else 0)])
        to_us = recipient.search(body)
        loaned = loan.search(body)
        gave = giver.search(body)
        given = gave if gave is not None else (loaned if loaned and (writer.search(body) or to_us) else None)
        lent = to_us and host.search(body) and loaned
        reviewed = given and _reviewed(review, body, lead, given.end())
        opens = _opening(thing, body, lead) or writer.search(lead)
        if (lent or reviewed or (opens and given)) and not guard.search(body):
            return True
    return False


def _reviewed(review: re.Pattern[str], body: str, lead: str, given: int) -> bool:
    """Whether ``body`` names a review copy or the items reviewed (``review``) among its first words, and ends
    within `REVIEW_TAIL_WORDS` words after them and the words of giving (which end at ``given``): the host is named,
    and nothing else follows ("… provided by the publisher.", "تم توفير نسخة المراجعة من قِبل الناشر."; not "…
    provided by the ministry to journalists on Monday.")."""
    found = _opening(review, body, lead)
    return found is not None and len(body[max(found.end(), given) :].split()) <= REVIEW_TAIL_WORDS


def _opening(words: re.Pattern[str], body: str, lead: str) -> re.Match[str] | None:
    """The first of ``words`` in ``body`` if it begins among the body's first words (``lead``, which it begins
    with), or None: the words may go on after them ("Codice per la recensione fornito da …", "A cópia do jogo para
    esta análise …")."""
    found = words.search(body)
    return found if found is not None and found.start() < len(lead) else None


def hosted_disclosures(texts: Sequence[str], folded: Sequence[str], language: str | None) -> list[int]:
    """The indices of the ``texts`` (one line each; ``folded``, the same case-folded) that disclose a host's gift
    (`is_hosted_disclosure`). The gate's literals are looked for once in all the lines joined (`lines_passing`): a
    page's short lines hold a literal in about one line in forty."""
    # a candidate holds a literal; whether as a whole word, the sentence test reads (it looks for the words again)
    candidates = lines_passing(word_gate(language, *_GATE), texts, folded)
    return [i for i in candidates if _discloses(texts[i], language)]
