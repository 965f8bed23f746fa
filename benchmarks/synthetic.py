"""A deterministic synthetic program document, built from the library's own model.

The default size is the benchmark's: 10,000 statements, 1,000 meetings and 500 people, with
sources, organisations and notes around them, three plans (the schedule as announced, then
revised twice) and progress reports. Text is realistic Unicode (Russian, Tajik and
Kazakh Cyrillic, Latin), dates are full ISO dates and EDTF partial dates (year, month, day,
with ``?``/``~``/``%`` qualifiers). Everything comes from one seeded ``random.Random``: the
same arguments always give the same ``Program`` and so the same JSON bytes. The plans and
progress reports come from a second generator, so that everything else is what it was before
the document had them, and the figures stay comparable.

:func:`build_scaled` builds the record of the linear-cost case: ``n`` people, sources,
meetings and statements.
"""

from __future__ import annotations

import datetime
import random

from csto_program import (
    Meeting,
    MeetingKind,
    Note,
    NoteKind,
    Organization,
    PartialDate,
    Participant,
    Person,
    Place,
    Plan,
    Program,
    Progress,
    ProgressReport,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    plan_stages,
)
from csto_program.dates import Qualifier

__all__ = ["build_program", "build_scaled"]


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


START = datetime.date(2025, 1, 1)

_WORDS = {
    "ru": _split(
        "граница программа этап укрепление безопасность таджикско-афганской участке "
        "оборудование поставка техника пограничники ОДКБ государства члены совет "
        "реализация финансирование инженерные сооружения заставы Душанбе меры контроль "
        "сотрудничество генеральный секретарь заявил подчеркнул выполнение первого года"
    ),
    "tg": _split(
        "сарҳад барнома марҳила таҳкими амният тоҷикистон афғонистон таҷҳизот интиқол "
        "сарҳадбонон созмон давлатҳо шӯрои амнияти дастаҷамъӣ иҷрои маблағгузорӣ иншооти "
        "муҳандисӣ қароргоҳ ҳамкорӣ котиби генералӣ изҳор намуд таъкид кард нақша соли "
        "ҷорӣ ғамхорӣ ӯҳдадорӣ"
    ),
    "kk": _split(
        "шекара бағдарлама кезең нығайту қауіпсіздік тәжік ауған жабдық жеткізу "
        "шекарашылар ұйым мүше мемлекеттер кеңес іске асыру қаржыландыру инженерлік "
        "құрылыстар заставалар Астана ынтымақтастық бас хатшы мәлімдеді атап өтті өңір "
        "үкімет жұмыс"
    ),
    "en": _split(
        "border program stage strengthening security Tajik Afghan section equipment "
        "delivery vehicles guards CSTO member states council implementation funding "
        "engineering structures outposts Dushanbe measures monitoring cooperation "
        "secretary-general said stressed first year"
    ),
}
_LANGUAGES = ("ru", "tg", "kk", "en")

_GIVEN = _split(
    "Talatbek Imangali Emomali Sirojiddin Rustam Nurlan Aleksandr Sergei Aigerim "
    "Dilshod Farrukh Gulnora Zarina Bakhtiyor Askar Timur Marat Saule Mehrinisso "
    "Jamshed"
)
_FAMILY = _split(
    "Masadykov Tasmagambetov Rahmon Muhriddin Mirzoev Ermekbaev Lukashenko Shoigu "
    "Nazarov Saidov Kurbanov Abdulloev Zhaksylykov Ismoilov Sultanov Omarova Karimov "
    "Tokayev Rakhimov Yusupov"
)
_GIVEN_CYR = _split(
    "Талатбек Имангали Эмомали Сироҷиддин Рустам Нурлан Александр Сергей Әйгерім "
    "Дилшод Фаррух Гулнора Зарина Бахтиёр Асқар Тимур Марат Сәуле Меҳринисо Ҷамшед"
)
_FAMILY_CYR = _split(
    "Масадыков Тасмағамбетов Раҳмон Муҳриддин Мирзоев Ермекбаев Лукашенко Шойгу "
    "Назаров Саидов Қурбонов Абдуллоев Жақсылықов Исмоилов Сұлтанов Омарова Каримов "
    "Тоқаев Раҳимов Юсупов"
)
_ROLES = (
    "CSTO Secretary-General",
    "Генеральный секретарь ОДКБ",
    "Вазири корҳои хориҷии Тоҷикистон",
    "Қазақстан Сыртқы істер министрі",
    "Chief of the Joint Staff",
    "Раиси Кумитаи давлатии амнияти миллӣ",
    "Director of the Border Service",
    "Председатель Совета министров обороны",
)
_PLACES = (
    ("Dushanbe", "TJ", "Asia/Dushanbe"),
    ("Astana", "KZ", "Asia/Almaty"),
    ("Moscow", "RU", "Europe/Moscow"),
    ("Bishkek", "KG", "Asia/Bishkek"),
    ("Minsk", "BY", "Europe/Minsk"),
    ("Yerevan", "AM", "Asia/Yerevan"),
    ("Душанбе", "TJ", "Asia/Dushanbe"),
    ("Алматы", "KZ", "Asia/Almaty"),
)
_OUTLETS = ("TASS", "Khovar", "Asia-Plus", "Kazinform", "РИА Новости", "Sputnik Тоҷикистон")
_TOPICS = ("equipment", "funding", "engineering", "training", "оборудование", "маблағгузорӣ")


def _text(rng: random.Random, language: str, low: int, high: int) -> str:
    words = _WORDS[language]
    sentence = " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))
    return sentence[0].upper() + sentence[1:] + rng.choice((".", ".", "!", " — «итог»."))


def _partial(rng: random.Random, low: int = 2013, high: int = 2029) -> PartialDate:
    year = rng.randint(low, high)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    qualifier = rng.choice((None,) * 12 + tuple(Qualifier))
    precision = rng.random()
    if precision < 0.1:
        return PartialDate(year, qualifier=qualifier)
    if precision < 0.25:
        return PartialDate(year, month, qualifier=qualifier)
    return PartialDate(year, month, day, qualifier=qualifier)


def _participant(rng: random.Random, person_ids: list[str], org_ids: list[str]) -> Participant:
    person = rng.choice(person_ids) if rng.random() < 0.8 else None
    organization = rng.choice(org_ids) if person is None or rng.random() < 0.5 else None
    return Participant(role=rng.choice(_ROLES), person=person, organization=organization)


def _ids(rng: random.Random, pool: list[str], most: int) -> tuple[str, ...]:
    return tuple(rng.sample(pool, rng.randint(0, most)))


def build_program(
    statements: int = 10_000,
    meetings: int = 1_000,
    people: int = 500,
    *,
    sources: int | None = None,
    organizations: int = 40,
    notes: int | None = None,
    reports: int | None = None,
    seed: int = 20241128,
) -> Program:
    """The synthetic program: same arguments, same document.

    ``sources`` defaults to one and a half per meeting, ``notes`` and ``reports`` to one per
    hundred statements (at least one each).
    """
    rng = random.Random(seed)
    n_sources = max(1, meetings * 3 // 2) if sources is None else sources
    n_notes = max(1, statements // 100) if notes is None else notes
    n_reports = max(1, statements // 100) if reports is None else reports

    org_ids = [f"org-{i}" for i in range(organizations)]
    orgs = tuple(
        Organization(
            id=org_id,
            name=f"{rng.choice(('Министерство', 'Вазорати', 'Ministry of', 'Комитет'))} {i}",
            abbreviation=rng.choice((None, f"M{i}", f"ВК{i}")),
            other_names=tuple(_text(rng, "en", 2, 4) for _ in range(rng.randint(0, 2))),
            classification=rng.choice(("", "state", "intergovernmental", "agency")),
            parent=org_ids[rng.randrange(i)] if i and rng.random() < 0.3 else None,
        )
        for i, org_id in enumerate(org_ids)
    )

    source_ids = [f"src-{i}" for i in range(n_sources)]
    source_list = []
    for i, source_id in enumerate(source_ids):
        language = rng.choice(_LANGUAGES)
        source_list.append(
            Source(
                id=source_id,
                outlet=rng.choice(_OUTLETS),
                url=f"https://news.example.org/{language}/{2013 + i % 17}/{i}"
                if rng.random() < 0.9
                else None,
                published_on=_partial(rng),
                kind=rng.choice(tuple(SourceKind)),
                title=_text(rng, language, 4, 10),
                language=language,
                via=tuple(rng.sample(source_ids[:i], 1)) if i and rng.random() < 0.2 else (),
                note="" if rng.random() < 0.8 else _text(rng, "en", 3, 8),
            )
        )

    person_ids = [f"person-{i}" for i in range(people)]
    person_list = []
    for person_id in person_ids:
        given, family = rng.randrange(len(_GIVEN)), rng.randrange(len(_FAMILY))
        cyrillic = f"{_GIVEN_CYR[given]} {_FAMILY_CYR[family]}"
        latin = f"{_GIVEN[given]} {_FAMILY[family]}"
        first, other = (cyrillic, latin) if rng.random() < 0.5 else (latin, cyrillic)
        person_list.append(
            Person(
                id=person_id,
                name=first,
                other_names=(other,) if rng.random() < 0.7 else (),
                description=rng.choice(("", _text(rng, "ru", 3, 8))),
                sources=_ids(rng, source_ids, 2),
            )
        )

    meeting_ids = [f"meeting-{i}" for i in range(meetings)]
    meeting_list = []
    for meeting_id in meeting_ids:
        starts = _partial(rng)
        ends = None
        if starts.day is not None and rng.random() < 0.3:
            ends = PartialDate.from_date(starts.earliest.add(days=rng.randint(0, 3)))
        language = rng.choice(_LANGUAGES)
        name, country, zone = rng.choice(_PLACES)
        meeting_list.append(
            Meeting(
                id=meeting_id,
                title=_text(rng, language, 3, 9),
                kind=rng.choice(tuple(MeetingKind)),
                starts_on=starts,
                ends_on=ends,
                place=Place(name=name, country=country, timezone=zone)
                if rng.random() < 0.8
                else None,
                organizer=rng.choice(org_ids) if rng.random() < 0.6 else None,
                participants=tuple(
                    _participant(rng, person_ids, org_ids) for _ in range(rng.randint(0, 4))
                ),
                decisions=tuple(_text(rng, language, 5, 12) for _ in range(rng.randint(0, 2))),
                description="" if rng.random() < 0.5 else _text(rng, language, 8, 20),
                sources=_ids(rng, source_ids, 3),
            )
        )

    statement_list = []
    for i in range(statements):
        language = rng.choice(_LANGUAGES)
        statement_list.append(
            Statement(
                id=f"statement-{i}",
                speaker=rng.choice(person_ids),
                role=rng.choice(_ROLES),
                said_on=_partial(rng),
                text=_text(rng, language, 8, 30),
                kind=rng.choice(tuple(StatementKind)),
                language=language,
                on_behalf_of=rng.choice(org_ids) if rng.random() < 0.5 else None,
                meeting=rng.choice(meeting_ids) if rng.random() < 0.7 else None,
                stages=tuple(sorted(rng.sample((1, 2, 3), rng.randint(0, 2)))),
                topics=tuple(rng.sample(_TOPICS, rng.randint(0, 2))),
                sources=_ids(rng, source_ids, 3),
                note="" if rng.random() < 0.9 else _text(rng, "en", 3, 8),
            )
        )

    record_ids = org_ids + person_ids + meeting_ids + source_ids
    note_list = tuple(
        Note(
            id=f"note-{i}",
            kind=rng.choice(tuple(NoteKind)),
            text=_text(rng, rng.choice(_LANGUAGES), 6, 20),
            about=_ids(rng, record_ids, 3),
            stated=rng.choice(("", "в конце ноября", "дар охири моҳи ноябр", "late November")),
            resolved=_partial(rng) if rng.random() < 0.5 else None,
            sources=_ids(rng, source_ids, 2),
        )
        for i in range(n_notes)
    )

    description = _text(rng, "en", 20, 40)
    # A second generator: the records above are what they were before plans and reports.
    more = random.Random(f"{seed}-plans-and-reports")
    plans = _plans(more, source_ids)
    statement_ids = [statement.id for statement in statement_list]
    report_list = tuple(_report(more, i, statement_ids, source_ids) for i in range(n_reports))
    return Program(
        id="tajik-afghan-border",
        title="Целевая межгосударственная программа по укреплению таджикско-афганской границы",
        adopted_on=datetime.date(2024, 11, 28),
        plans=plans,
        other_names=("Барномаи байнидавлатии мақсадноки таҳкими сарҳади Тоҷикистону Афғонистон",),
        description=description,
        decided_on=PartialDate.parse("2024-11-28"),
        organization="org-0",
        beneficiary="org-1" if organizations > 1 else "org-0",
        organizations=orgs,
        people=tuple(person_list),
        meetings=tuple(meeting_list),
        statements=tuple(statement_list),
        reports=report_list,
        sources=tuple(source_list),
        notes=note_list,
    )


def _plans(rng: random.Random, source_ids: list[str]) -> tuple[Plan, ...]:
    """Three versions of the schedule, in the order they became known; the last starts on
    ``START`` with stages of 12, 24 and 24 months, the schedule the document had before it
    had plans."""
    adopted = datetime.date(2024, 11, 28)
    versions = (
        ("2024-11-25", adopted, (12, 24, 24), "Stage one is taken to start on the adoption day."),
        ("2024-12", START, (12, 18, 30), "Stated by month only: «в декабре»."),
        ("2025-04-11~", START, (12, 24, 24), "Stated in full by the press service."),
    )
    return tuple(
        Plan(
            id=f"plan-{i}",
            announced_on=PartialDate.parse(announced),
            starts_on=start,
            stages=plan_stages(start, months=months),
            basis=f"{basis} {_text(rng, 'en', 10, 20)}",
            sources=_ids(rng, source_ids, 2),
            note="" if i else _text(rng, "ru", 5, 10),
        )
        for i, (announced, start, months, basis) in enumerate(versions)
    )


def _report(
    rng: random.Random, i: int, statement_ids: list[str], source_ids: list[str]
) -> ProgressReport:
    reported = _partial(rng, 2025, 2026)
    as_of = None
    if rng.random() < 0.3:
        as_of = PartialDate.from_date(reported.earliest.add(days=-rng.randint(0, 30)))
    return ProgressReport(
        id=f"report-{i}",
        stage=rng.randint(1, 3),
        progress=rng.choice(tuple(Progress)),
        reported_on=reported,
        as_of=as_of,
        statement=rng.choice(statement_ids) if statement_ids and rng.random() < 0.5 else None,
        sources=_ids(rng, source_ids, 2),
        note="" if rng.random() < 0.5 else _text(rng, rng.choice(_LANGUAGES), 5, 15),
    )


def build_scaled(n: int, *, seed: int = 20241128) -> Program:
    """The record of the linear-cost case: ``n`` people, sources, meetings and statements
    (and, as always, 40 organisations, three plans, and notes and progress reports one per
    hundred statements)."""
    return build_program(n, n, n, sources=n, seed=seed)
