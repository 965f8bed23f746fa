"""The Russian edition of the interface: catalogs complete and current, plurals by each
language's rule, dates in prose, the language chosen by ``--lang`` or the environment, and
views in Russian that say no English word of their own."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from babel.messages.pofile import read_po

from csto_program import words
from csto_program._i18n import (
    LANGUAGES,
    check_lang,
    lang_from_env,
    ngettext,
    prose_date,
    translations,
    using,
)
from csto_program.cli import cli as click_group
from csto_program.cli import main
from csto_program.datasets import tajik_afghan_border
from csto_program.serialize import to_dict

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "csto_program" / "locale"
POT = LOCALE / "csto_program.pot"
PO = {lang: LOCALE / lang / "LC_MESSAGES" / "csto_program.po" for lang in LANGUAGES[1:]}


class Result(NamedTuple):
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)

    def invoke(*args: object, env: dict[str, str] | None = None) -> Result:
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        for name in env or {}:
            monkeypatch.delenv(name)
        return Result(code, captured.out, captured.err)

    return invoke


# --------------------------------------------------------------------------- catalogs


def _read(path: Path, lang: str | None = None) -> Any:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_every_message_has_a_translation_that_is_not_fuzzy(lang: str) -> None:
    catalog = _read(PO[lang], lang)
    untranslated = [
        m.id
        for m in catalog
        if m.id and (not all(m.string) if isinstance(m.string, tuple) else not m.string)
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []
    assert catalog.num_plurals == 3


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_each_catalog_has_exactly_the_messages_of_the_template(lang: str) -> None:
    template = {m.id for m in _read(POT) if m.id}
    catalog = {m.id for m in _read(PO[lang], lang) if m.id}
    assert catalog == template


def test_the_template_is_current_with_the_sources() -> None:
    """Extracting again gives the template's messages: no message was added, changed or
    removed in the code without `make catalogs`."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.pot"
        subprocess.run(
            [
                *(sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg"),
                *("--no-location", "-o", str(fresh), "."),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
            env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        )
        extracted = {m.id for m in _read(fresh) if m.id}
    assert extracted == {m.id for m in _read(POT) if m.id}


def test_every_placeholder_of_a_message_is_in_its_translation() -> None:
    """A translation that drops or misspells a placeholder fails when formatted; the
    heading may use the prose form of its days instead."""
    field = re.compile(r"{(\w+)}")
    for message in _read(PO["ru"], "ru"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = {name.removesuffix("_prose") for text in ids for name in field.findall(text)}
        for text in strings:
            found = {name.removesuffix("_prose") for name in field.findall(text)}
            assert found == wanted, (message.id, text)


# --------------------------------------------------------------------------- plurals, dates


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (1, "просрочен на 1 день"),
        (2, "просрочен на 2 дня"),
        (5, "просрочен на 5 дней"),
        (11, "просрочен на 11 дней"),
        (21, "просрочен на 21 день"),
        (22, "просрочен на 22 дня"),
    ],
)
def test_days_overdue_in_russian_follow_the_plural_rule(day: int, expected: str) -> None:
    """Stage 1 of the embedded record ended on 2025-12-31: overdue by `day` days on the
    day `day` of January 2026."""
    view = words.cut(tajik_afghan_border(), datetime.date(2026, 1, day), lang="ru")
    stage = next(e for e in view.events() if e.kind == "stage" and e.stages == (1,))
    assert stage.text == expected
    with using("ru"):
        assert words.state_words(view.status.stages[0]) == expected
    english = words.cut(tajik_afghan_border(), datetime.date(2026, 1, day), lang="en")
    assert english.status.stages[0].days_overdue == day


@pytest.mark.parametrize(
    ("count", "form"),
    [
        *[(1, "день"), (2, "дня"), (4, "дня"), (5, "дней"), (11, "дней"), (12, "дней")],
        *[(14, "дней"), (21, "день"), (22, "дня"), (25, "дней"), (101, "день"), (111, "дней")],
    ],
)
def test_days_in_russian(count: int, form: str) -> None:
    with using("ru"):
        assert words.days(count) == f"{count} {form}"
    assert words.days(count) == f"{count} day{'s' if count != 1 else ''}"


def test_remaining_days_in_a_real_status(run: Run) -> None:
    """Stage 2 runs to 2027-12-31: 1, 2 and 5 days remain on its last days."""
    for day, text in [(30, "остался 1 день"), (29, "осталось 2 дня"), (26, "осталось 5 дней")]:
        view = words.cut(tajik_afghan_border(), datetime.date(2027, 12, day), lang="ru")
        stage = next(e for e in view.events() if e.kind == "stage" and e.stages == (2,))
        assert stage.text == f"идёт, {text}"


def test_dates_in_prose() -> None:
    day = datetime.date(2024, 11, 28)
    assert prose_date(day, "ru") == "28 ноября 2024 г."
    assert prose_date(day, "en") == "28 November 2024"
    months = [prose_date(datetime.date(2025, m, 1), "ru").split()[1] for m in range(1, 13)]
    assert months == [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ]
    with using("ru"):
        view = words.cut(tajik_afghan_border(), datetime.date(2026, 12, 6))
        assert view.heading == "на 6 декабря 2026 г., по сведениям на 6 декабря 2026 г."


# --------------------------------------------------------------------------- the language


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_MESSAGES": "ru_RU", "LANG": "en_GB.UTF-8"}, "ru"),
        ({"LC_ALL": "C.UTF-8", "LC_MESSAGES": "ru_RU", "LANG": "ru_RU"}, "en"),
        ({"LANGUAGE": "ru", "LC_ALL": "en_US.UTF-8"}, "ru"),
        ({"LANGUAGE": "de:ru:en", "LANG": "de_DE"}, "ru"),
        ({"LANGUAGE": "", "LANG": "ru"}, "ru"),
        ({"LANG": "ru@latin"}, "ru"),
    ],
)
def test_the_language_from_the_environment(environ: dict[str, str], lang: str) -> None:
    assert lang_from_env(environ) == lang


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'de'; known: en, ru"):
        check_lang("de")
    with pytest.raises(TypeError):
        check_lang(None)
    with pytest.raises(ValueError):
        words.cut(tajik_afghan_border(), datetime.date(2026, 1, 1), lang="fr")


def test_the_language_is_restored_after_a_block_and_after_the_command(run: Run) -> None:
    with using("ru"):
        assert words.days(2) == "2 дня"
    assert words.days(2) == "2 days"
    assert run("--lang", "ru", "plan", "--start", "2025-01-01").code == 0
    assert words.days(2) == "2 days"
    from click.testing import CliRunner

    result = CliRunner().invoke(click_group, ["--lang", "ru", "status", "--as-of", "2026-01-29"])
    assert "Действующий план" in result.output
    assert words.days(2) == "2 days"


def test_ru_catalog_is_loaded() -> None:
    assert translations("ru").gettext("no progress report") == "нет отчёта о ходе работ"
    with using("ru"):
        assert ngettext("{n} day", "{n} days", 3).format(n=3) == "3 дня"


# --------------------------------------------------------------------------- no English word


def _record_text(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _record_text(item)
    elif isinstance(value, list):
        for item in value:
            yield from _record_text(item)


_ISO = re.compile(r"\b\d{4}(?:-\d{2}(?:-\d{2})?)?\b")
_WORD = re.compile(r"[A-Za-z]{3,}")


def english_words(output: str) -> list[str]:
    """The ASCII words of three or more letters of ``output`` that are not data: record
    text (names, titles, roles, quotes, outlets, notes, ids) is taken out whole, longest
    first, then ISO days; what is left is the interface's own words."""
    recorded = set(_record_text(to_dict(tajik_afghan_border())))
    recorded |= {re.sub(r"^Stage \d+:? *", "", text) for text in recorded}  # a stage title
    data = sorted(recorded, key=len, reverse=True)
    text = output
    for piece in data:
        if len(piece) >= 3 and piece in text:  # whole words only: "state" of "statement" stays
            text = re.sub(rf"(?<!\w){re.escape(piece)}(?!\w)", " ", text)
    text = _ISO.sub(" ", text)
    return _WORD.findall(text)


def test_the_check_finds_english_words() -> None:
    assert english_words("Stage 1 overdue by 29 days") == ["Stage", "overdue", "days"]
    assert english_words("Этап 1: TASS, 2026-01-29") == []


@pytest.mark.parametrize(
    "how",
    [("--lang", "ru"), ("LANG", "ru_RU.UTF-8"), ("LANGUAGE", "ru"), ("after", "ru")],
)
def test_status_in_russian_says_no_english_word(run: Run, how: tuple[str, str]) -> None:
    args: list[str] = ["status", "--as-of", "2026-01-29"]
    env = None
    if how[0] == "--lang":
        args = ["--lang", "ru", *args]
    elif how[0] == "after":
        args = [*args, "--lang", "ru"]
    else:
        env = {how[0]: how[1]}
    result = run(*args, env=env)
    assert result.code == 0
    assert "Действующий план" in result.out
    assert english_words(result.out) == []


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--as-of", "2026-12-06"],
        ["timeline", "--stage", "1", "--as-of", "2026-12-06"],
        ["status", "--as-of", "2026-12-06"],
        ["plans"],
        ["status", "--as-of", "2024-11-01"],
    ],
)
def test_views_in_russian_say_no_english_word(run: Run, args: list[str]) -> None:
    result = run("--lang", "ru", *args)
    assert result.code == 0
    assert english_words(result.out) == []


@pytest.mark.parametrize("command", ["status", "timeline", "plans", "validate", "export"])
def test_help_in_russian(run: Run, command: str) -> None:
    result = run("--lang", "ru", command, "--help")
    assert result.code == 0
    assert result.out.startswith("Использование: csto-program")
    assert "Параметры:" in result.out
    assert "Показать эту справку и выйти." in result.out
    # what is not words: option names, metavars and variables (capitals), the command
    # line itself, and the formats' and states' names (values to type)
    text = re.sub(r"--?[\w-]+|\b[A-Z_]{2,}\b|csto-program \w+", " ", result.out)
    values = {"json", "jsonl", "datapackage", "html", "markdown", "mermaid", "ics", "png"}
    values |= {"svg", "today", "upcoming", "active", "overdue", "completed", "late"}
    values |= {"cancelled", "draft", "error", "path", "message", "Secretary", "General"}
    values |= {"not_started", "in_progress", "completed_late", "csto", "program", "Schema"}
    values |= {"adopted", "plan", "meeting", "statement", "report", "stage"}  # --kind
    assert [w for w in english_words(text) if w not in values] == []


def test_group_help_in_russian(run: Run) -> None:
    result = run("--lang", "ru", "--help")
    assert "Команды:" in result.out
    assert "Проверить файлы программы" in result.out
    assert "[по умолчанию" not in run("--lang", "en", "status", "--help").out


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--as-of", "2026-01-29", "--json"],
        ["timeline", "--as-of", "2026-12-06", "--json"],
        ["plans", "--json"],
    ],
)
def test_json_is_the_same_in_every_language(run: Run, args: list[str]) -> None:
    english = run(*args)
    russian = run("--lang", "ru", *args)
    assert english.code == russian.code == 0
    assert json.loads(russian.out) == json.loads(english.out)
    assert run(*args, env={"LANG": "ru_RU.UTF-8"}).out == english.out


@pytest.mark.parametrize(
    "args", [["status", "--as-of", "2026-01-29"], ["timeline", "--as-of", "2026-12-06"]]
)
def test_english_is_unchanged_under_a_c_locale(run: Run, args: list[str]) -> None:
    plain = run(*args)
    assert run(*args, env={"LANG": "C.UTF-8"}).out == plain.out
    assert run(*args, env={"LANGUAGE": "ru", "LC_ALL": "C"}).out == plain.out
    assert run("--lang", "en", *args, env={"LANG": "ru_RU.UTF-8"}).out == plain.out
    assert "Stage 1" in plain.out


def test_a_usage_error_in_russian(run: Run) -> None:
    result = run("--lang", "ru", "status", "--as-of", "bad")
    assert result.code == 2
    assert "(см. 'csto-program status --help')" in result.err


def test_a_quote_in_another_language_says_so(run: Run) -> None:
    out = run("--lang", "ru", "status", "--as-of", "2026-01-29").out
    assert "Таалатбек Масадыков" in out
    assert "(на английском)" in out  # a paraphrase recorded only in English
    english = run("status", "--as-of", "2026-01-29").out
    assert "Talatbek Masadykov" in english
    assert "(in English)" not in english


# --------------------------------------------------------------------------- the HTML report


def test_the_html_report_in_russian_says_no_english_word() -> None:
    from csto_program.export.html import to_html

    page = to_html(tajik_afghan_border(), as_of=datetime.date(2026, 12, 6), lang="ru")
    assert '<html lang="ru">' in page
    assert "Показано событий:" in page and "Все виды" in page
    body = page.split("<main>", 1)[1].split("<script>", 1)[0]
    chart = re.compile(r"<figure class=\"chart\">.*?</figure>", re.DOTALL)
    shown = re.sub(r"<[^>]+>", " ", chart.sub(" ", body))
    import html as html_module

    left = english_words(html_module.unescape(shown))
    assert [w for w in left if w not in {"csto", "program"}] == []
    english = to_html(tajik_afghan_border(), as_of=datetime.date(2026, 12, 6))
    assert '<html lang="en">' in english and "Показано" not in english


def test_markdown_in_russian(run: Run) -> None:
    result = run("--lang", "ru", "export", "--format", "markdown", "--as-of", "2026-12-06")
    assert result.code == 0
    assert result.out.startswith("# Целевая межгосударственная программа ОДКБ")
    assert "## Состояние на 6 декабря 2026 г., по сведениям на 6 декабря 2026 г." in result.out
    assert "Принята 28 ноября 2024 г. Действующий план" in result.out
    english = run("export", "--format", "markdown", "--as-of", "2026-12-06").out
    assert english.startswith("# CSTO Targeted Interstate Program")


def test_the_russian_report_in_chromium_at_390_and_1280(driver: Any) -> None:
    """The Russian report at a phone's and a desktop's width: no element reaches past the
    page or clips its text; screenshots /tmp/report-ru-390.png and /tmp/report-ru-1280.png."""
    from browser import full_page_screenshot, set_viewport
    from csto_program.export.html import to_html
    from test_report_layout import _OVERFLOW

    folder = Path(tempfile.gettempdir())
    path = folder / "csto-program-report-ru-2026-12-06.html"
    page = to_html(tajik_afghan_border(), as_of=datetime.date(2026, 12, 6), lang="ru")
    path.write_text(page, encoding="utf-8")
    for width in (390, 1280):
        set_viewport(driver, width)
        driver.get(path.as_uri())
        found, scroll, seen = driver.execute_script(_OVERFLOW)
        assert found == [], width
        assert scroll <= seen == width
        assert driver.find_element("css selector", "html").get_attribute("lang") == "ru"
        count = driver.find_element("id", "filter-count").text
        assert count.startswith("Показано событий:")
        text = driver.find_element("css selector", "main").text
        assert "нет отчёта о ходе работ уже 311 дней (с 2026-01-29)" in text
        assert full_page_screenshot(driver, width, folder / f"report-ru-{width}.png") > 1000


# --------------------------------------------------------------------------- the other formats


_MERMAID_ENTITY = re.compile(r"#(\d+);")


def _mermaid_words(chart: str) -> str:
    """What a reader of the chart sees: the title, the comment, section and task names
    (entities decoded), without Mermaid's own syntax (settings, task tags and ids)."""
    shown = []
    for line in chart.splitlines()[1:]:
        body = line.strip()
        if body.startswith(("dateFormat", "axisFormat", "todayMarker")):
            continue
        for keyword in ("title ", "%% ", "section "):
            if body.startswith(keyword):
                body = body[len(keyword) :]
                break
        else:
            body = body.rpartition(" :")[0]
        shown.append(_MERMAID_ENTITY.sub(lambda m: chr(int(m[1])), body))
    return "\n".join(shown)


@pytest.mark.parametrize("as_of", ["2024-11-01", "2026-01-29", "2026-12-06"])
def test_mermaid_in_russian_says_no_english_word(run: Run, as_of: str) -> None:
    result = run("--lang", "ru", "export", "-f", "mermaid", "--as-of", as_of)
    assert result.code == 0
    shown = _mermaid_words(result.out)
    assert "Ключевые даты" in shown
    assert english_words(shown) == []
    english = run("export", "-f", "mermaid", "--as-of", as_of).out
    assert "section Key dates" in english


def test_the_mermaid_comment_is_plain_text(run: Run) -> None:
    """A ``%%`` comment is not drawn, so it holds the headline as written (no entities),
    on one line."""
    out = run("export", "-f", "mermaid", "--as-of", "2026-01-29").out
    comment = out.splitlines()[2]
    assert comment == "    %% planned: stage 2 of 3; reported: stage 1 in progress (2026-01-29)"
    russian = run("--lang", "ru", "export", "-f", "mermaid", "--as-of", "2026-01-29").out
    assert russian.splitlines()[2] == (
        "    %% по плану: этап 2 из 3; по отчётам: этап 1 в работе (2026-01-29)"
    )


def _calendar_words(data: str) -> str:
    from icalendar import Calendar

    calendar = Calendar.from_ical(data)
    shown = [str(calendar["DESCRIPTION"]), str(calendar["NAME"])]
    for event in calendar.walk("VEVENT"):
        shown += [str(event["SUMMARY"]), str(event["DESCRIPTION"])]
        shown += [str(category) for category in event["CATEGORIES"].cats]
    return "\n".join(shown)


def _without_urls(text: str) -> str:
    return re.sub(r"<https?://[^>]*>", " ", text)


@pytest.mark.parametrize("as_of", ["2026-01-29", "2026-12-06"])
def test_the_calendar_in_russian_says_no_english_word(run: Run, as_of: str) -> None:
    result = run("--lang", "ru", "export", "-f", "ics", "--as-of", as_of)
    assert result.code == 0
    shown = _calendar_words(result.out)
    assert "Срок этапа 1" in shown and "Источники:" in shown
    # quoted source titles and cut decisions are record text the check cannot match whole
    left = english_words(_without_urls(re.sub(r"“[^”]*”", " ", shown)))
    assert left == []
    english = _calendar_words(run("export", "-f", "ics", "--as-of", as_of).out)
    assert "Stage 1 deadline" in english and "Sources:" in english


def test_the_chart_in_russian_says_no_english_word() -> None:
    """The chart's legend, row labels, key dates, report labels, subtitle and notes."""
    from csto_program.export.plot._layout import chart

    for day, since in [(datetime.date(2026, 12, 6), None), (datetime.date(2026, 1, 29), None)]:
        drawn = chart(tajik_afghan_border(), day, since=since, lang="ru")
        legend = [item.text for item in drawn.legend]
        assert "просрочен" in legend and f"на {day}" in legend
        rows = [words.splitlines()[-1] for _, words in drawn.rows]  # a stage's name is data
        assert rows[0] == "Ключевые даты"
        texts = [*legend, *rows, *(w.text for w in drawn.words), drawn.subtitle]
        assert english_words("\n".join(texts)) == []
    late = chart(
        tajik_afghan_border(),
        datetime.date(2026, 12, 6),
        lang="ru",
        since=datetime.date(2025, 6, 1),
    )
    assert late.footnote.startswith("Вне периода")
    assert english_words(late.footnote) == []
    english = chart(tajik_afghan_border(), datetime.date(2026, 12, 6))
    assert english.rows[0][1] == "Key dates"


def test_the_html_reports_chart_in_russian() -> None:
    from csto_program.export.html import to_html

    page = to_html(tajik_afghan_border(), as_of=datetime.date(2026, 12, 6), lang="ru")
    figure = page.split('<figure class="chart">', 1)[1].split("</figure>", 1)[0]
    for words_shown in ("Ключевые даты", "просрочен", "на 2026-12-06", "объявлен план"):
        assert words_shown in figure
    for english in ("Key dates", "overdue", "as of 2026-12-06", "plan announced"):
        assert english not in figure


# --------------------------------------------------------------------------- other commands


@pytest.fixture
def document(tmp_path: Path) -> Path:
    from csto_program.serialize import to_json_bytes

    path = tmp_path / "program.json"
    path.write_bytes(to_json_bytes(tajik_afghan_border(), indent=True))
    return path


def _without_cut_record_text(output: str) -> str:
    """``output`` without the record texts that it shows cut short (ending in ``…``)."""
    recorded = [" ".join(t.split()) for t in _record_text(to_dict(tajik_afghan_border()))]
    lines = []
    for line in output.splitlines():
        while "…" in line:
            before, _, after = line.partition("…")
            cut = max(
                (
                    piece[:length].rstrip()
                    for piece in recorded
                    for length in range(len(piece), 9, -1)
                    if before.rstrip().endswith(piece[:length].rstrip())
                ),
                key=len,
                default=None,
            )
            before = before.rstrip()
            line = (before[: len(before) - len(cut)] if cut else before) + " " + after
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize(
    "args",
    [
        ["changes", "--since", "2026-01-01", "--until", "2026-12-06"],
        ["changes", "--since", "2024-01-01", "--until", "2026-12-06"],
        ["changes", "--since", "2026-01-01", "--until", "2026-12-06", "--format", "markdown"],
        ["changes", "--since", "2024-01-01", "--until", "2026-12-06", "--format", "markdown"],
        ["find", "masadykov"],
        ["find", "csto"],
        ["find", "no-such-thing"],
        ["plan", "--start", "2025-01-01"],
    ],
)
def test_commands_in_russian_say_no_english_word(run: Run, args: list[str]) -> None:
    result = run("--lang", "ru", *args)
    assert result.code == 0, result.err
    out = _without_cut_record_text(re.sub(r"'no-such-thing'", " ", result.out))
    assert english_words(_without_urls(out)) == []
    assert run(*args).out != result.out


def test_validate_and_diff_in_russian(run: Run, document: Path) -> None:
    result = run("--lang", "ru", "validate", document)
    assert result.code == 0
    text = result.out.replace(str(document), " ")
    assert "в порядке (3 плана, 3 этапа, 17 встреч, 18 заявлений, 6 отчётов о ходе работ)" in text
    assert english_words(text) == []
    english = run("validate", document).out
    assert "ok (3 plans, 3 stages, 17 meetings, 18 statements, 6 progress reports)" in english
    same = run("--lang", "ru", "diff", document, document, "--as-of", "2026-12-06")
    assert same.code == 0
    assert "различий нет" in same.out
    assert english_words(same.out.replace(str(document), " ")) == []


def test_a_refusal_in_russian_names_force(run: Run, document: Path) -> None:
    result = run("--lang", "ru", "export", "-o", document, document)
    assert result.code == 2
    assert "--force" in result.err and "входной" in result.err


@pytest.mark.parametrize(
    "args",
    [
        ["changes", "--since", "2026-01-01", "--until", "2026-12-06", "--json"],
        ["find", "masadykov", "--json"],
        ["plan", "--start", "2025-01-01", "--json"],
    ],
)
def test_json_of_the_other_commands_is_the_same_in_every_language(
    run: Run, args: list[str]
) -> None:
    assert json.loads(run("--lang", "ru", *args).out) == json.loads(run(*args).out)


def test_diff_json_is_the_same_in_every_language(run: Run, document: Path) -> None:
    args = ["diff", document, document, "--as-of", "2026-12-06", "--json"]
    assert json.loads(run("--lang", "ru", *args).out) == json.loads(run(*args).out)
