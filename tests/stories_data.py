"""Article texts for the story tests: an original, the ways sites copy it, and distinct articles on the same
topic. All invented; the wordings are ours."""

from __future__ import annotations

from collections.abc import Callable

ORIGINAL = [
    "Work on the tidal barrier across the mouth of Ellery Bay will begin in March, the harbour board confirmed on"
    " Tuesday, ending six years of argument over how to protect the lower town from winter storm surges.",
    "The barrier, a row of eleven steel gates hinged on the seabed, will lie flat in normal weather and rise only"
    " when forecasters expect a surge of more than a metre above the highest spring tide.",
    "Engineers say the gates could be raised in under forty minutes and would have kept the water out of the"
    " lower town during each of the four floods that closed the fish market in the past decade.",
    "The board chose the hinged design over a fixed wall after fishing crews warned that a permanent structure"
    " would narrow the channel and make the entrance dangerous for smaller boats in a strong ebb.",
    "The project will cost an estimated 86 million, of which the national flood agency will pay two thirds and"
    " the county the rest, spread over a construction period of about three and a half years.",
    "Residents of Quay Street, where sandbags have become a familiar sight each November, welcomed the decision"
    " but asked for a clear timetable for the road closures that the works will require.",
    "Hollis Brandt, who has run a chandlery on the quay for thirty years, said he would believe it when he saw the"
    " first gate in the water, but added that the board had at last listened to the people who live with floods.",
    "A public exhibition of the final design opens at the harbour office on Monday and will run for three weeks,"
    " with engineers on hand every Thursday evening to answer questions from residents and boat owners.",
]

SAME_TOPIC = [
    "Fishing crews in Ellery Bay have asked the harbour board to guarantee that the new tidal barrier will never"
    " be closed during the autumn herring run, when dozens of boats return to port each night.",
    "The crews' association says a closure at the wrong hour could leave boats stranded outside in rough seas,"
    " and wants a written rule that the gates stay down whenever vessels are waiting to enter.",
    "Board members said on Wednesday they understood the concern and would draw up an operating manual with the"
    " coastguard before the first gate is installed, but declined to promise that closures would never clash.",
    "Under the present plan the barrier would be raised only a few times each winter, usually at night and with"
    " at least six hours of warning broadcast on the harbour radio channel and posted on the quay.",
    "Older skippers recall the storm of 1994, when the lifeboat station itself was flooded, and many support the"
    " barrier in principle while distrusting the board's promises about how it will be run.",
    "The association will put its proposals to members at a meeting in the Mariners' Hall next week, and a"
    " spokesman said a vote against the operating manual could not be ruled out.",
]

OTHER = [
    "The county library service will open its branches on Sunday afternoons from January after a pilot at two"
    " town libraries drew more than three thousand visitors in its first month.",
    "Librarians say families with young children and students preparing for exams made up most of the Sunday"
    " visitors, and that the reading rooms were often full by three o'clock.",
    "The extra hours will be staffed by part-time workers and volunteers, and the council says the cost will be"
    " met from savings on heating after the libraries' boilers were replaced last year.",
    "A union representing library staff said it supported longer opening but wanted assurances that no existing"
    " employee would be made to work weekends against their will.",
]

PROMO = ["Follow us on Google News for the latest coast news", "For all the latest Local News Click Here"]
RELATED = "Related: Council approves new car park on the old rail yard"


def text(paragraphs: list[str]) -> str:
    return "\n".join(paragraphs)


def with_lines_at(position: str) -> Callable[[list[str]], list[str]]:
    """Promo and related-headline lines injected at the top, the middle or the end."""

    def inject(paragraphs: list[str]) -> list[str]:
        at = {"top": 0, "middle": len(paragraphs) // 2, "end": len(paragraphs)}[position]
        return [*paragraphs[:at], PROMO[0], RELATED, *paragraphs[at:], PROMO[1]]

    return inject


def last_cut(paragraphs: list[str]) -> list[str]:
    return paragraphs[:-2]


def reordered(paragraphs: list[str]) -> list[str]:
    return [paragraphs[0], *reversed(paragraphs[1:])]


def restyled(paragraphs: list[str]) -> list[str]:
    """The same words, other case, spacing and punctuation."""
    return [p.upper().replace(",", " ;").replace(".", " !") for p in paragraphs]
