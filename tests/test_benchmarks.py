"""The benchmarks still run: each on a few pages of the bundled extraction sample (the figures of record are
measured by hand, on the whole benchmark; see docs/performance.md)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PAGES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("benchmark-data")
    (folder / "html").mkdir()
    for path in PAGES[:4]:
        shutil.copy(path, folder / "html" / path.name)
    return folder


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def verdict_of_crawl_checks(out: str) -> bool:
    """Whether every deciding check that benchmarks/crawl.py printed is met (``ok``), read from its lines:
    whether a target is met on a sample this small is up to the machine, what the benchmark makes of it is not."""
    checks = re.findall(r"^  \S.* \(target [<>]= [\d.]+\) (ok|MISSED)(  \(stricter reading, reported\))?$", out, re.M)
    deciding = [verdict for verdict, stricter in checks if not stricter]
    assert len(deciding) == 11, out  # four at each of the two sizes, three across them
    return all(verdict == "ok" for verdict in deciding)


def verdict_of_reclean_checks(out: str) -> bool:
    """Whether each throughput ratio that benchmarks/reclean.py printed meets its target, read from its lines."""
    ratios = [
        float(ratio) for ratio in re.findall(r"^throughput ratio reclean / trafilatura at \d+: ([\d.]+) ", out, re.M)
    ]
    assert ratios, out
    return all(ratio >= 1.7 for ratio in ratios)


@pytest.mark.parametrize(("repeat", "runs"), [("1", 1), ("2", 2)], ids=["one-round", "mirrored-rounds"])
def test_crawl_benchmark_measures_both_sizes_and_judges_the_targets(data: Path, repeat: str, runs: int) -> None:
    done = run("benchmarks/crawl.py", str(data), "--sizes", "4", "8", "--repeat", repeat, "--side-by-side", "3")
    passed = verdict_of_crawl_checks(done.stdout)
    assert done.returncode == (0 if passed else 1), done.stderr  # 1: a target missed, on a sample this small
    lines = done.stdout.splitlines()
    for label, per_size in (
        ("trafilatura loop, 1 process", runs),
        ("newsrake crawl, whole process tree", runs),
        (f"trafilatura loop, {runs} runs", 1),
        (f"newsrake crawl, {runs} runs", 1),
        ("newsrake cleaning, side by side", 1),
        ("newsrake crawl, memory sampled", 1),
    ):
        assert sum(label in line for line in lines) == 2 * per_size, (label, done.stdout)
    assert "8: articles stored / served" in done.stdout
    assert "peak memory at 8 / at 4" in done.stdout
    assert lines[-1] == ("RESULT: pass" if passed else "RESULT: FAIL")
    sampled = [line for line in lines if "memory sampled" in line]
    assert all(line.rstrip().endswith(" MB") for line in sampled), sampled  # the timed runs sample no memory
    timed = [line for line in lines if "newsrake crawl, whole process tree" in line]
    assert all(line.rstrip().endswith(" -") for line in timed), timed
    stored = [line for line in lines if "articles stored / served" in line]
    assert all(line.rstrip().endswith("ok") for line in stored), stored


def test_crawl_benchmark_mirrors_its_rounds() -> None:
    from benchmarks.crawl import turns

    assert turns(1) == ["loop", "crawl"]
    assert turns(2) == ["loop", "crawl", "crawl", "loop"]
    assert turns(3) == ["loop", "crawl", "crawl", "loop", "loop", "crawl"]
    assert turns(2, against=True) == ["loop", "crawl", "against", "against", "crawl", "loop"]


def test_crawl_benchmark_times_a_crawl_against_another_setting(data: Path) -> None:
    done = run("benchmarks/crawl.py", str(data), "--sizes", "4", "--repeat", "1", "--side-by-side", "2",
               "--against", "NEWSRAKE_STORIES=False")  # fmt: skip
    lines = done.stdout.splitlines()
    assert sum("newsrake crawl, NEWSRAKE_STORIES=False" in line for line in lines) == 1, done.stdout + done.stderr
    assert sum("crawl with NEWSRAKE_STORIES=False, 1 runs" in line for line in lines) == 1, done.stdout
    [check] = [line for line in lines if "4: crawl rate / rate with NEWSRAKE_STORIES=False" in line]
    assert "(target >= 0.95)" in check


def test_the_loop_takes_the_pages_in_the_crawls_order_or_with_copies_together(tmp_path: Path) -> None:
    from benchmarks.crawl import save_pages
    from benchmarks.extract_loop import _copied_page

    pages = {f"{name}-{copy}": b"<html></html>" for copy in range(3) for name in ("bbb", "aaa")}
    save_pages(pages, tmp_path / "pages")
    files = sorted((tmp_path / "pages").glob("*.html"))
    assert [path.name.split("-", 1)[1] for path in files] == [f"{name}.html" for name in pages]
    together = sorted(files, key=_copied_page)
    assert [_copied_page(path) for path in together] == ["aaa-0", "aaa-1", "aaa-2", "bbb-0", "bbb-1", "bbb-2"]


def test_crawl_store_benchmark_passes(data: Path) -> None:
    done = run("benchmarks/crawl_store.py", str(data))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == "RESULT: pass"


def test_reclean_benchmark_runs(data: Path) -> None:
    done = run("benchmarks/reclean.py", str(data), "--sizes", "6")
    assert "throughput ratio reclean / trafilatura at 6" in done.stdout, done.stdout + done.stderr
    passed = verdict_of_reclean_checks(done.stdout)
    assert done.returncode == (0 if passed else 1), done.stderr
    assert done.stdout.splitlines()[-1] == ("RESULT: pass" if passed else "RESULT: FAIL")


def test_a_missing_data_folder_is_one_line(tmp_path: Path) -> None:
    done = run("benchmarks/crawl.py", str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert "html not found" in done.stderr
    assert "Traceback" not in done.stderr


def test_loop_order_benchmark_compares_both_orders(data: Path) -> None:
    done = run("benchmarks/loop_order.py", str(data), "--group", "2", "--copies", "2", "--rounds", "1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["trafilatura.extract", "newsrake"], done.stdout
    assert all("back to back costs" in line for line in lines)


def answers(address: str) -> list[tuple[int, str | None, str | None, bytes]]:
    """Status, Content-Type, ETag and body of a few requests to ``address`` on one kept-alive connection, the last one
    conditional on the first's ETag."""
    import http.client

    host, port = address.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    got = []
    etag = ""
    for path in ["/a.html", "/feed.xml?x=1", "/missing", "/a.html", "/a.html"]:
        conn.request("GET", path, headers={"If-None-Match": etag} if len(got) == 4 else {})
        response = conn.getresponse()
        got.append((response.status, response.getheader("Content-Type"), response.getheader("ETag"), response.read()))
        etag = etag or response.getheader("ETag") or ""
    conn.close()
    return got


def test_the_lean_server_answers_as_the_loopback_server_does() -> None:
    from benchmarks.lean_server import LeanServer
    from crawler.demo.server import LoopbackServer, Resource

    routes = {"/a.html": Resource(b"<html>A</html>"), "/feed.xml": Resource(b"<rss/>", "application/rss+xml")}
    with LeanServer(lambda base: routes) as lean, LoopbackServer(lambda base: routes) as loopback:
        lean_answers, loopback_answers = answers(lean.address), answers(loopback.address)
    assert [(status, body) for status, _type, _etag, body in lean_answers] == [
        (200, b"<html>A</html>"),
        (200, b"<rss/>"),
        (404, b"not found\n"),
        (200, b"<html>A</html>"),
        (304, b""),
    ]
    assert lean_answers == loopback_answers


@pytest.fixture(scope="module")
def extraction_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The extraction benchmark over both bundled samples, with floors in a file of its own."""
    floors = tmp_path_factory.mktemp("floors") / "floors.json"
    done = run("benchmarks/extraction.py", "tests/data", "--worst", "2", "--floor-file", str(floors), "--update-floor")
    return done, floors


def test_extraction_benchmark_scores_both_sets_against_trafilatura(
    extraction_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, _floors = extraction_run
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    for heading in ("article-extraction (6 pages", "wcxb-dev (3 pages"):
        assert heading in out
    assert out.count("trafilatura.extract (defaults)") == 2
    assert out.count("newsrake clean_page") == 2
    assert out.count("the 2 worst pages for newsrake") == 2
    assert "cost, CPU per page side by side" in out
    assert "wcxb-dev: headline exact match" in out
    assert "cleaning cost / trafilatura's" in out


def test_extraction_benchmark_pins_a_floor_per_set_and_fails_below_it(
    extraction_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    _done, floors = extraction_run
    pinned = json.loads(floors.read_text(encoding="utf-8"))
    assert sorted(pinned) == ["article-extraction", "wcxb-dev"]
    floors.write_text(json.dumps({**pinned, "wcxb-dev": 1.0}), encoding="utf-8")
    done = run("benchmarks/extraction.py", "tests/data/wcxb-dev", "--worst", "0", "--floor-file", str(floors))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL: below the pinned floor: wcxb-dev" in done.stdout
    lowered = run(
        "benchmarks/extraction.py", "tests/data/wcxb-dev", "--worst", "0", "--floor-file", str(floors), "--update-floor"
    )
    assert lowered.returncode == 1
    assert "add --lower-floor" in lowered.stdout


def test_stories_benchmark_scores_pairs_and_times_look_ups(data: Path) -> None:
    done = run("benchmarks/stories.py", str(data), "--lookup-sizes", "200", "2000")
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert re.search(r"^pair precision [\d.]+, pair recall [\d.]+ \(threshold 0\.5\)$", out, re.M), out
    for kind in ("boilerplate top", "boilerplate middle", "boilerplate end", "paragraphs reordered"):
        assert re.search(rf"^  {kind} +\d+ / \d+ +[\d.]+$", out, re.M), (kind, out)
    assert re.search(r"^ +0\.50 +[\d.]+ +[\d.]+ +\d+ +\d+  <- default$", out, re.M), out
    for size in ("200", "2,000"):
        assert re.search(rf"^look-up at +{size} signatures: median +[\d.]+ µs", out, re.M), (size, out)
    assert re.search(r"^save_articles per article \(.*\): stories on [\d.]+ ms, off [\d.]+ ms; added", out, re.M), out
    targets = re.findall(r"^  \S.* \(target [<>]= [\d.]+\) (ok|MISSED)$", out, re.M)
    assert len(targets) == 4, out


def test_stories_benchmark_on_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    done = run("benchmarks/stories.py", str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert done.stderr.startswith("stories.py: no benchmark pages in"), done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr


HAS_CHROMIUM = all(Path(shutil.which(name) or f"/usr/bin/{name}").exists() for name in ("chromium", "chromedriver"))
DESK_PAGES = ["front page / (charts drawn)", "search common word", "search rare word", "search common word, newest "
              "first", "search common word, page ", "article, typical", "article, largest story", "articles table "
              "(after its redirect)", "query articles_per_day.json", "query feeds_failing_since.json",
              "query removals_per_source.json", "query extraction_health.json", "query extraction_jumps.json",
              "query top_stories_week.json"]  # fmt: skip


@pytest.mark.parametrize(
    "browser",
    [
        pytest.param(False, id="http-only"),
        pytest.param(True, id="in-chromium", marks=pytest.mark.skipif(not HAS_CHROMIUM, reason="needs chromium")),
    ],
)
def test_desk_benchmark_times_every_page(data: Path, browser: bool) -> None:
    done = run("benchmarks/desk.py", str(data), "--articles", "30", "--repeat", "1",
               *([] if browser else ["--no-browser"]))  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert re.search(r"^database: 30 articles from \d+ sources, \d+ stories", out, re.M), out
    number = r" +\d+ +\d+" if browser else r" +- +-"
    for label in DESK_PAGES:
        shown = number if not label.startswith("query") else r" +- +-"
        assert re.search(rf"^{re.escape(label)}.*?  +\d+ +\d+ {shown}$", out, re.M), (label, out)
    if browser:
        assert re.search(r"^front page /, browser cache on +- +- +\d+ +\d+$", out, re.M), out
        assert re.search(
            r"^front page, cache off, median ms: DOM content loaded \d+, .* last chart drawn \d+", out, re.M
        )
        assert re.search(r"^front page loads \d+ resources: \d+ scripts, .*; all from 127\.0\.0\.1: yes$", out, re.M)
        assert re.search(r"^front page, cache off: \d+ KiB over the network; cache on: \d+ KiB$", out, re.M), out
    assert "ERROR" not in out
    assert re.search(r"^over 1000 ms: ", out, re.M), out


def test_desk_benchmark_says_what_it_measures() -> None:
    done = run("benchmarks/desk.py", "--help")
    assert done.returncode == 0, done.stderr
    for option in ("--articles", "--repeat", "--no-browser", "--keep", "--db"):
        assert option in done.stdout


def test_cluster_benchmark_crawls_plain_and_as_clusters_of_one_and_three() -> None:
    done = run("benchmarks/cluster.py", "--articles", "12", "--hosts", "3", "--feeds", "2", "--latency", "0.05",
               "--delay", "0.2", "--concurrency", "2")  # fmt: skip
    out = done.stdout
    for label in ("plain newsrake crawl", "cluster of 1 node(s)", "cluster of 3 node(s)"):
        assert re.search(rf"^  {re.escape(label)} +12 articles +[\d.]+ s +[\d.]+/s +[\d.]+ CPU s/article", out, re.M), (
            label, out + done.stderr)  # fmt: skip
    checks = re.findall(r"^  (\S.*?) +[\d.]+  \(target [<>]= [\d.]+\) (ok|MISSED)$", out, re.M)
    verdicts = dict(checks)
    for name in ("1-node: same articles (URLs, texts) as plain", "3-node: same articles (URLs, texts) as plain",
                 "plain: articles stored / served", "3-node: article pages fetched twice"):  # fmt: skip
        assert verdicts.get(name) == "ok", (name, out)
    assert {"rate, 3 nodes / 1 node", "rate, 1-node cluster / plain crawl"} <= set(verdicts), out
    passed = all(verdict == "ok" for verdict in verdicts.values())  # the rates, on a sample this small: up to chance
    assert out.splitlines()[-1] == ("RESULT: pass" if passed else "RESULT: FAIL")
    assert done.returncode == (0 if passed else 1), done.stderr


def test_cluster_benchmark_says_what_it_measures() -> None:
    done = run("benchmarks/cluster.py", "--help")
    assert done.returncode == 0, done.stderr
    for option in ("--articles", "--hosts", "--latency", "--delay", "--concurrency"):
        assert option in done.stdout


def test_polling_benchmark_reports_requests_delays_and_verdicts() -> None:
    done = run("benchmarks/polling.py", "--feeds", "300", "--seed", "5", "--distribution", "lognormal", "pareto")
    out = done.stdout
    for distribution in ("lognormal", "pareto"):
        assert re.search(rf"^seed 5, {distribution} rates: \d+ articles published in the measured day$", out, re.M), out
    baseline = 300 * 96  # every feed every 15 minutes, for a day
    saved = re.findall(rf"^  feed requests: adaptive (\d+), baseline {baseline}: [\d.]+% saved$", out, re.M)
    assert len(saved) == 2, out
    assert all(0 < int(adaptive) < baseline for adaptive in saved)
    delays = r"^  delay (adaptive|baseline) \(min\): median [\d.]+, p90 [\d.]+, mean [\d.]+; missed \d+ \([\d.]+%\)$"
    assert re.findall(delays, out, re.M) == ["adaptive", "baseline"] * 2, out
    verdict = r"^  (?:requests saved [\d.]+%|median delay ratio [\d.]+) \(target [<>]= [\d.%]+\) (ok|MISSED)$"
    verdicts = re.findall(verdict, out, re.M)
    assert len(verdicts) == 4, out
    assert done.returncode == (0 if all(verdict == "ok" for verdict in verdicts) else 1), done.stderr


def test_polling_benchmark_says_what_it_measures() -> None:
    done = run("benchmarks/polling.py", "--help")
    assert done.returncode == 0, done.stderr
    for option in ("--feeds", "--seed", "--distribution", "--cron", "--baseline"):
        assert option in done.stdout


def test_injected_benchmark_puts_lines_into_pages_and_reports_both_extractors() -> None:
    done = run("benchmarks/injected.py", "tests/data", "--seed", "3", "--show", "5")
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    injected = int(re.search(r"^(\d+) lines injected, one per page$", out, re.M).group(1))  # type: ignore[union-attr]
    assert injected >= 3  # of the 9 bundled pages, those with three paragraphs of article
    for name in ("trafilatura.extract (defaults)", "newsrake clean_page"):
        assert re.search(rf"^  {re.escape(name)} +\d+ \( *\d+\.\d%\) +\d+$", out, re.M), out
    for attribute in ("kind", "position", "wrapper", "language"):
        assert f"  newsrake's leaks by {attribute}: " in out


def test_injected_benchmark_refuses_a_lines_file_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "lines.json"
    bad.write_text("{not json", encoding="utf-8")
    done = run("benchmarks/injected.py", "tests/data", "--lines", str(bad))
    assert done.returncode == 2
    assert "cannot read the lines in" in done.stderr
    assert "Traceback" not in done.stderr


def test_note_model_benchmark_leaves_each_probe_set_out_and_reads_real_pages(tmp_path: Path) -> None:
    rows = [
        {"id": f"{name}-{i}", "language": "en", "kind": kind, "line": line, "probe_set": name, **extra}
        for name in ("A", "B")
        for i, (kind, line, extra) in enumerate(
            [
                (
                    "syndication",
                    f"This story first ran in the {name} Gazette and is republished here.",
                    {"cleaner": None},
                ),
                ("comments", f"Leave your thoughts in the comments below, {name} readers.", {"cleaner": None}),
                ("article", f"The {name} council voted to close the old bridge to lorries on Tuesday.", {}),
            ]
        )
    ]
    wordings = tmp_path / "wordings.json"
    wordings.write_text(json.dumps({"rows": rows}), encoding="utf-8")
    own = [  # the model's own lines: a third probe set, whose rows say whether they are notes
        {
            "probe_set": "C",
            "language": "en",
            "kind": "comments",
            "line": "Comments are closed, C readers.",
            "note": True,
        },
        {"probe_set": "C", "language": "en", "kind": "article", "line": "The C ferry sails at noon.", "note": False},
    ]
    lines = tmp_path / "note_lines.json"
    lines.write_text(json.dumps({"rows": own}), encoding="utf-8")
    args = ("tests/data", "--wordings", str(wordings), "--thresholds", "0", "10")
    done = run("benchmarks/note_model.py", *args, "--lines", str(lines))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "probe sets left out in turn (3): 5 boilerplate lines, 3 article sentences" in done.stdout
    alone = run("benchmarks/note_model.py", *args, "--lines")
    assert "probe sets left out in turn (2): 4 boilerplate lines, 2 article sentences" in alone.stdout
    assert "  above 10: " in done.stdout
    assert "real pages (6): " in done.stdout
    assert "; above 20 elsewhere: " in done.stdout  # the lines away from the edges, above twice the threshold
    assert "real pages (3): " in done.stdout


@pytest.mark.parametrize(("language", "expected"), [("zh", 10.0), ("ja", 10.0), ("en", 20.0), (None, 20.0)])
def test_note_model_benchmark_puts_chinese_and_japanese_scores_on_the_thresholds_scale(
    language: str | None, expected: float
) -> None:
    from benchmarks.note_model import normalised

    assert normalised(20.0, language) == expected


def test_note_model_benchmark_on_a_missing_table_is_one_line(tmp_path: Path) -> None:
    done = run("benchmarks/note_model.py", "--wordings", str(tmp_path / "nowhere.json"))
    assert done.returncode == 2
    assert "cannot read the rows of" in done.stderr
    assert "Traceback" not in done.stderr


def test_note_model_benchmark_puts_probe_lines_at_each_place(tmp_path: Path) -> None:
    probes = tmp_path / "probes.json"
    rows = [
        {
            "language": "en",
            "kind": "comments",
            "line": "Be part of the conversation by leaving a reply under this article.",  # scores above 20
        },
        {
            "language": "en",
            "kind": "comments",
            "line": "Share what you think of this story in the replies section.",  # above 10, not 20
        },
        {
            "language": "en",
            "kind": "article",
            "line": "The council voted to close the old bridge to lorries on Tuesday.",
        },
    ]
    probes.write_text(json.dumps(rows), encoding="utf-8")
    wordings = tmp_path / "wordings.json"  # a table of one row: the probes are cleaned by the shipped model,
    wordings.write_text(json.dumps({"rows": [{"language": "en", "line": "A sentence."}]}), encoding="utf-8")
    args = ("--wordings", str(wordings), "--lines", "--thresholds", "10", "--probes", str(probes))
    done = run("benchmarks/note_model.py", *args)  # and a cross-validation of the whole table takes a minute
    assert done.returncode == 0, done.stdout + done.stderr
    places = {line.split(" leaked")[0].strip(): line for line in done.stdout.splitlines() if " leaked " in line}
    # the note model reads the first and last lines of a text of four or more above 10; the others above 20
    assert "leaked 0 (0.0%) [comments 0/2]; article lost 0" in places["first"]
    assert "leaked 0 (0.0%) [comments 0/2]; article lost 0" in places["last"]
    assert "leaked 1 (50.0%) [comments 1/2]; article lost 0" in places["middle"]
    assert "leaked 1 (50.0%) [comments 1/2]; article lost 0" in places["between two"]
