"""The note model (`cleaners/note_model.py`): a second opinion on the lines at an article's edges.

It must be the model the wordings table and the model's own lines give, take out at an article's first and
last lines the notes whose wording no rule family reads, leave those lines alone in the middle of an article
and in a text too short to have edges, and keep every article sentence of both, wherever it stands.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from text_stage import RULE_FAMILIES, clean

from benchmarks.note_model import ARTICLE
from cleaners import note_model
from cleaners.note_model import NoteModel, features, is_note, note_shaped, read_rows, shipped_model, threshold

DATA = Path(__file__).parent / "data"
ROWS = read_rows([DATA / "wordings.json", DATA / "note_lines.json"])

# Notes worded as no rule family reads them (the whole text stage keeps each between two paragraphs).
NOTES = {
    "en-comment-call": ("en", "Be part of the conversation by leaving a reply under this article."),
    "en-comment-call-of-two-clauses": ("en", "Be part of the conversation; leave a reply under this article."),
    "en-comment-call-of-two-parts": ("en", "Be part of the conversation | leave a reply under this article."),
    "en-syndication": ("en", "This text was republished with the consent of the Harbour Gazette newsroom."),
    "es-syndication": ("es", "Con autorización de la redacción de La Gaceta del Puerto republicamos este texto."),
    "pt-syndication": ("pt", "Este texto foi republicado com autorização da redação da Gazeta do Porto."),
    "zh-syndication": ("zh", "本文经授权转自海港日报微信公众号。"),
    "ja-feedback-call": ("ja", "ご感想は編集部までお寄せください。"),
}


def test_the_shipped_model_is_learnt_from_the_wordings_table_and_the_note_lines() -> None:
    learnt = NoteModel.learn(ROWS)
    assert learnt.weights == shipped_model().weights, (
        "cleaners/rules/note_model.json is out of date: "
        "python -m cleaners.note_model tests/data/wordings.json tests/data/note_lines.json"
    )


@pytest.mark.parametrize(("language", "note"), NOTES.values(), ids=NOTES.keys())
def test_the_rule_families_alone_keep_the_note(language: str, note: str) -> None:
    kept, _ = clean([ARTICLE[0], note, ARTICLE[1]], language, cleaners=RULE_FAMILIES)
    assert note in kept


@pytest.mark.parametrize("place", ["first", "last"])
@pytest.mark.parametrize(("language", "note"), NOTES.values(), ids=NOTES.keys())
def test_a_note_at_an_edge_of_the_article_goes(language: str, note: str, place: str) -> None:
    lines = [note, *ARTICLE[:5]] if place == "first" else [*ARTICLE[:5], note]
    kept, removals = clean(lines, language)
    assert kept == ARTICLE[:5]
    assert [(r.cleaner, r.text) for r in removals] == [("note-model", note)]


FAR_FROM_AN_EDGE = {  # id -> (language, line, whether it goes): away from the edges, twice the threshold
    **{key: (language, note, True) for key, (language, note) in NOTES.items() if not key.startswith(("zh", "ja"))},
    "zh-syndication": (*NOTES["zh-syndication"], False),  # above 20, below 40
    "ja-feedback-call": (*NOTES["ja-feedback-call"], False),
    "en-comment-call-above-the-threshold-only": (
        "en",
        "Share what you think of this story in the replies section.",  # above 10, below 20
        False,
    ),
    "en-comment-call-of-too-many-words": (
        "en",
        "Be part of the conversation by leaving a reply under this article: tell us what you think of the "
        "timetable and of the plans for the harbour office and the north pier.",  # 32 words, above 20
        False,
    ),
}


@pytest.mark.parametrize(("language", "note", "goes"), FAR_FROM_AN_EDGE.values(), ids=FAR_FROM_AN_EDGE.keys())
@pytest.mark.parametrize("place", ["middle", "between-two"])
def test_away_from_the_edges_a_short_note_goes_when_it_scores_twice_the_threshold(
    place: str, language: str, note: str, goes: bool
) -> None:
    score, above = shipped_model().score(note, language), threshold(language)
    assert score > above  # each would go at an edge
    assert goes == (score > 2 * above and len(note.split()) <= 25)
    if place == "middle":  # fifth of nine lines
        article = list(ARTICLE)
        lines = [*ARTICLE[:4], note, *ARTICLE[4:]]
    else:  # a text too short to have edges of its own
        article = [ARTICLE[0], ARTICLE[1]]
        lines = [ARTICLE[0], note, ARTICLE[1]]
    kept, removals = clean(lines, language)
    assert list(kept) == (article if goes else lines)
    assert [(r.cleaner, r.text) for r in removals] == ([("note-model", note)] if goes else [])


def test_a_text_of_one_line_is_left_be() -> None:
    language, note = NOTES["en-comment-call"]
    assert shipped_model().score(note, language) > 2 * threshold(language)
    kept, _ = clean([note], language)
    assert kept == (note,)


SENTENCES: dict[str, list[str]] = defaultdict(list)
for _row in ROWS:
    if not is_note(_row):
        SENTENCES[_row["language"]].append(_row["line"])


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_no_article_sentence_scores_as_a_note(language: str) -> None:
    model = shipped_model()
    flagged = [s for s in SENTENCES[language] if note_shaped(s) and model.score(s, language) > threshold(language)]
    assert flagged == []


@pytest.mark.parametrize(
    ("line", "shaped"),
    [
        pytest.param("Be part of the conversation by leaving a reply under this article.", True, id="a-sentence"),
        pytest.param("Leave a reply", False, id="three-words"),
        pytest.param(" ".join(["word"] * 46), False, id="forty-six-words"),
        pytest.param("In this article, you will find out:", False, id="introduces-what-follows"),
        pytest.param("- Leave a reply under this article please", False, id="a-list-item"),
        pytest.param("Read the original at https://example.org/story today", False, id="an-address"),
        pytest.param("if (reply) { post(comment); } else { wait(); }", False, id="code"),
        pytest.param("Be part of the conversation; leave a reply under this article.", True, id="two-clauses"),
        pytest.param("Sponsored content | Made for the Harbour Bank by our studio", True, id="a-label-and-a-note"),
        pytest.param("Name | Replies | Last post | Views", False, id="a-table-row"),
        pytest.param("本文 " + "転載" * 31, False, id="sixty-two-cjk-characters"),
        pytest.param("本文经授权转自海港日报微信公众号。", True, id="a-chinese-sentence-without-spaces"),
        pytest.param("ご感想は編集部までお寄せください。", True, id="a-japanese-sentence-without-spaces"),
        pytest.param("（共同通信）", False, id="five-han-and-kana-characters"),
        pytest.param("댓글 쓰기 안내문", False, id="three-korean-words"),
    ],
)
def test_what_is_shaped_like_a_note(line: str, shaped: bool) -> None:
    assert note_shaped(line) is shaped


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        pytest.param(
            "Leave a reply",
            "en",
            {
                "leave",
                "a",
                "reply",
                "leave a",
                "a reply",
                "#<lea",
                "#leav",
                "#eave",
                "#ave>",
                "#<rep",
                "#repl",
                "#eply",
                "#ply>",
            },
            id="words-pairs-and-pieces",
        ),
        pytest.param("转载文章", "zh", {"转载文章", "转载", "载文", "文章"}, id="chinese-character-pairs"),
        pytest.param(
            "Published 3 May",
            "en",
            {
                "published",
                "may",
                "published may",
                "#<pub",
                "#publ",
                "#ubli",
                "#blis",
                "#lish",
                "#ishe",
                "#shed",
                "#hed>",
                "#<may",
                "#may>",
            },
            id="no-digits",
        ),
        pytest.param(
            "लेख छपा",
            "hi",
            {"लेख", "छपा", "लेख छपा", "#<लेख", "#लेख>", "#<छपा", "#छपा>"},
            id="hindi-words-keep-their-vowel-signs",
        ),
        pytest.param(
            "نُشر المقال",
            "ar",
            {"نُشر", "المقال", "نُشر المقال", "#<نُش", "#نُشر", "#ُشر>", "#<الم", "#المق", "#لمقا", "#مقال", "#قال>"},
            id="arabic-words-keep-their-points",
        ),
    ],
)
def test_the_features_of_a_line(line: str, language: str, expected: set[str]) -> None:
    assert features(line, language) == expected


def test_a_lines_score_adds_its_words_with_their_pieces_and_its_pairs() -> None:
    weights = {"leave": 1.0, "#<lea": 0.5, "#ave>": 0.25, "reply": 2.0, "leave a": 4.0, "a reply": 8.0, "zz": 99.0}
    model = NoteModel(weights)
    # "leave" twice counts once; "a" has no weight and no pieces (too short); "reply"'s pieces have none
    assert model.score("Leave a reply, leave", "en") == 1.0 + 0.5 + 0.25 + 2.0 + 4.0 + 8.0
    assert model.score("Leave a reply, leave", "en") == model.score("Leave a reply, leave", "en")  # kept words
    assert model.score("留言", "zh") == 0.0


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_lines_score_is_its_weights_sum_in_hundredths_in_any_order(language: str) -> None:
    # 0.1 + 0.2 is 0.30000000000000004 in floats; added in a set's order, which changes from process to
    # process, a sum of several such weights would be now just above a threshold and now on it
    words = ("aa", "bb") if language == "en" else ("甲乙", "丙丁")
    model = NoteModel({words[0]: 0.1, words[1]: 0.2})
    assert model.score(" ".join(words), language) == 0.3


def test_the_shipped_model_shares_one_float_per_weight_value() -> None:
    weights = shipped_model().weights
    assert len({id(weight) for weight in weights.values()}) == len(set(weights.values()))


@pytest.mark.parametrize(
    ("row", "note"),
    [
        ({"line": "Comments are closed.", "note": True}, True),
        ({"line": "The ferry sails at noon.", "note": False}, False),
        ({"line": "First published by the Gazette.", "cleaner": "syndication"}, True),
        ({"line": "Republished with the consent of the Gazette.", "cleaner": None}, True),
        ({"line": "The Gazette first published the letters in 1921."}, False),
    ],
    ids=["own-note", "own-sentence", "table-note", "table-known-gap", "table-sentence"],
)
def test_which_rows_are_notes(row: dict[str, object], note: bool) -> None:
    assert is_note(row) is note


def test_the_model_is_rebuilt_from_every_file_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notes = ["Comments are closed.", "Comments are closed here."]  # each file's features come twice
    sentences = ["The ferry sails at noon.", "The ferry sails at dawn."]
    table = tmp_path / "wordings.json"
    table.write_text(json.dumps({"rows": [{"language": "en", "line": line, "cleaner": None} for line in notes]}))
    own = tmp_path / "note_lines.json"
    own.write_text(json.dumps({"rows": [{"language": "en", "line": line, "note": False} for line in sentences]}))
    written = tmp_path / "note_model.json"
    monkeypatch.setattr(note_model, "MODEL_PATH", written)
    assert note_model.main([str(table), str(own)]) == 0
    model = json.loads(written.read_text(encoding="utf-8"))
    assert model == NoteModel.learn(read_rows([table, own])).weights
    assert model["comments"] > 0 > model["ferry"]  # a weight from each file


@pytest.mark.parametrize(
    ("argv", "message"),
    [([], "usage: python -m cleaners.note_model"), (["nowhere.json"], "cannot read the rows")],
    ids=["no-file", "missing-file"],
)
def test_rebuilding_the_model_from_bad_input_is_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert note_model.main(argv) == 2
    error = capsys.readouterr().err
    assert error.startswith(message)
    assert error.count("\n") == 1


def test_rebuilding_the_model_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert note_model.main(["--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: python -m cleaners.note_model")


OWN_LINES = read_rows([DATA / "note_lines.json"])
TABLE = read_rows([DATA / "wordings.json"])


def test_the_models_own_lines_are_well_formed() -> None:
    kinds = {"syndication", "comments", "dates", "affiliate", "article"}
    bad = [
        r
        for r in OWN_LINES
        if set(r) != {"probe_set", "language", "kind", "line", "note"}
        or r["kind"] not in kinds
        or r["note"] is not (r["kind"] != "article")
        or not str(r["line"]).strip()
        or "\n" in str(r["line"])
    ]
    assert bad == []


def test_the_models_own_lines_hold_no_line_twice_nor_one_of_the_table() -> None:
    keys = [(r["language"], r["line"]) for r in OWN_LINES]
    assert len(set(keys)) == len(keys)
    assert set(keys).isdisjoint((r["language"], r["line"]) for r in TABLE)


def test_the_models_own_lines_are_in_the_tables_languages_and_name_sets_of_their_own() -> None:
    assert {r["language"] for r in OWN_LINES} == {r["language"] for r in TABLE}
    assert {r["probe_set"] for r in OWN_LINES}.isdisjoint(r.get("probe_set") for r in TABLE)
