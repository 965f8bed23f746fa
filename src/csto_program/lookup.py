"""Find records by what a reader knows of them: a name, a title, part of an id.

Texts are compared *folded* (:func:`fold`): Unicode compatibility decomposition, combining
marks removed, case folded and spaces collapsed, so ``"MASADÝKOV"`` finds ``Masadykov``.
Nothing is transliterated: a name in Cyrillic finds only what is written in Cyrillic.

>>> from csto_program.datasets import tajik_afghan_border
>>> program = tajik_afghan_border()
>>> [(m.kind, m.id) for m in find(program, "masadykov")]
[('person', 'masadykov'), ('meeting', 'masadykov-interview-2026-01-29')]
>>> resolve_speaker(program, "Taalatbek Masadykov").id
'masadykov'
>>> suggest(["masadykov", "semerikov", "sidorov"], "Masadykof")
('masadykov',)
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final

import attrs

from csto_program._suggest import fold, suggest
from csto_program.errors import DataError
from csto_program.model import Person, Program

__all__ = [
    "Match",
    "Quality",
    "SpeakerError",
    "find",
    "fold",
    "resolve_speaker",
    "suggest",
]

# The collections `find` searches, in the order its results are listed, and the fields of
# their records it reads (whichever of these a record class has).
_FIND_COLLECTIONS: Final = ("people", "organizations", "meetings", "sources")
_SEARCHED_FIELDS: Final = ("id", "name", "abbreviation", "other_names", "title", "outlet")
_WORD_BREAK: Final = re.compile(r"[\W_]+")
_MOST_LISTED: Final = 10  # candidates named in one ambiguity message


class Quality(enum.IntEnum):
    """How well a :class:`Match` matched, best first (smaller is better).

    >>> sorted([Quality.SUBSTRING, Quality.EXACT_ID, Quality.PREFIX])
    [<Quality.EXACT_ID: 0>, <Quality.PREFIX: 2>, <Quality.SUBSTRING: 3>]
    """

    EXACT_ID = 0
    """The text is the record's id."""
    EXACT = 1
    """The text is one of the record's names or titles, whole."""
    PREFIX = 2
    """A name, title or id begins with the text, or has a word that does."""
    SUBSTRING = 3
    """The text occurs somewhere in a name, title or id."""


@attrs.frozen(slots=True)
class Match:
    """A record that :func:`find` found: its kind (``person``, ``organization``,
    ``meeting``, ``source``), id and label, and the field and value that matched best.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> match = find(tajik_afghan_border(), "Rakhmon")[0]
    >>> match.kind, match.id, match.label, match.field, match.value, match.quality.name
    ('person', 'rahmon', 'Emomali Rahmon', 'other_names', 'Emomali Rakhmon', 'PREFIX')
    >>> match.to_dict()["quality"]
    'prefix'
    """

    kind: str
    id: str
    label: str
    field: str
    value: str
    quality: Quality

    def to_dict(self) -> dict[str, str]:
        """The match as a JSON-ready dict; ``quality`` is the lower-case name.

        >>> from csto_program.datasets import tajik_afghan_border
        >>> find(tajik_afghan_border(), "csto")[0].to_dict()  # doctest: +NORMALIZE_WHITESPACE
        {'kind': 'organization', 'id': 'csto', 'label': 'Collective Security Treaty
         Organization', 'field': 'id', 'value': 'csto', 'quality': 'exact_id'}
        """
        return {
            "kind": self.kind,
            "id": self.id,
            "label": self.label,
            "field": self.field,
            "value": self.value,
            "quality": self.quality.name.lower(),
        }


def _label(record: Any) -> str:
    """How a record is named in a list: a name, a title, an outlet with its date."""
    name = getattr(record, "name", None)
    if isinstance(name, str):
        return name
    outlet = getattr(record, "outlet", None)
    if isinstance(outlet, str):  # a source
        label = outlet
        if record.published_on is not None:
            label += f" ({record.published_on})"
        return f"{label}: {record.title}" if record.title else label
    starts_on = getattr(record, "starts_on", None)
    title: str = record.title  # a meeting
    return f"{title} ({starts_on})" if starts_on is not None else title


def _texts(record: Any) -> Iterator[tuple[str, str]]:
    """``(field, value)`` for every searched text of ``record``, in field order."""
    for attribute in attrs.fields(type(record)):
        if attribute.name not in _SEARCHED_FIELDS:
            continue
        value = getattr(record, attribute.name)
        values = value if isinstance(value, tuple) else (value,)
        for item in values:
            if isinstance(item, str) and item:
                yield attribute.name, item


def _quality(field_name: str, folded: str, query: str) -> Quality | None:
    if folded == query:
        return Quality.EXACT_ID if field_name == "id" else Quality.EXACT
    if folded.startswith(query) or any(
        word.startswith(query) for word in _WORD_BREAK.split(folded) if word
    ):
        return Quality.PREFIX
    if query in folded:
        return Quality.SUBSTRING
    return None


def find(program: Program, text: str) -> tuple[Match, ...]:
    """The people, organisations, meetings and sources whose id, name, abbreviation, other
    names, title or outlet contain ``text``, compared folded (:func:`fold`).

    Each record is listed once, with its best match; people come first, then
    organisations, meetings and sources, each by :class:`Quality` and then in the record's
    order. A blank ``text`` lists every one of these records.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> for match in find(program, "Tajik")[:3]:
    ...     print(match.kind, match.id, match.field, match.quality.name)
    organization tajikistan id PREFIX
    organization tajikistan-security-council id PREFIX
    organization tajikistan-defence-ministry id PREFIX
    >>> [(m.id, m.field) for m in find(program, "ASIA-PLUS")[:2]]
    [('asia-plus-2024-11-25-article', 'outlet'), ('asia-plus-2013-09-24', 'outlet')]
    >>> find(program, "Таалатбек")
    ()
    """
    if not isinstance(program, Program):
        raise TypeError(f"expected a Program, got {type(program).__name__}")
    query = fold(text)
    found: list[tuple[int, Quality, int, Match]] = []
    for rank, collection in enumerate(_FIND_COLLECTIONS):
        for position, record in enumerate(getattr(program, collection)):
            best: tuple[Quality, str, str] | None = None
            for field_name, value in _texts(record):
                quality = _quality(field_name, fold(value), query)
                if quality is not None and (best is None or quality < best[0]):
                    best = (quality, field_name, value)
            if best is None:
                continue
            quality, field_name, value = best
            match = Match(
                kind=type(record).__name__.lower(),
                id=record.id,
                label=_label(record),
                field=field_name,
                value=value,
                quality=quality,
            )
            found.append((rank, quality, position, match))
    found.sort(key=lambda item: item[:3])
    return tuple(item[3] for item in found)


class SpeakerError(DataError):
    """A speaker that names no one in the record, or more than one person.

    ``text`` is what was asked; ``candidates`` the people it could mean (ambiguous) or the
    closest ones (unknown), in the record's order or best first; ``ambiguous`` tells which.
    Its one problem is at the path ``$``.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> try:
    ...     resolve_speaker(tajik_afghan_border(), "Masadykof")
    ... except SpeakerError as exc:
    ...     print(exc.problems[0][1])
    ...     print(exc.ambiguous, [person.id for person in exc.candidates])
    unknown speaker 'Masadykof'; did you mean 'masadykov' (Talatbek Masadykov)?
    False ['masadykov']
    """

    text: str
    candidates: tuple[Person, ...]
    ambiguous: bool

    def __init__(self, text: str, candidates: Sequence[Person], *, ambiguous: bool) -> None:
        self.text = text
        self.candidates = tuple(candidates)
        self.ambiguous = ambiguous
        named = [f"{person.id!r} ({person.name})" for person in self.candidates[:_MOST_LISTED]]
        if len(self.candidates) > _MOST_LISTED:
            named.append(f"and {len(self.candidates) - _MOST_LISTED} more")
        asked = _shown(text)
        if ambiguous:
            message = f"ambiguous speaker {asked}: {', '.join(named)}; give one of these ids"
        elif named:
            choices = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} or {named[-1]}"
            message = f"unknown speaker {asked}; did you mean {choices}?"
        else:
            message = f"unknown speaker {asked}; no person's id, name or role is like it"
        super().__init__([("$", message)])

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_speaker_error, (self.text, self.candidates, self.ambiguous))


def _rebuild_speaker_error(
    text: str, candidates: tuple[Person, ...], ambiguous: bool
) -> SpeakerError:
    return SpeakerError(text, candidates, ambiguous=ambiguous)


def _shown(text: str) -> str:
    """``repr(text)``, cut to 60 characters: a message does not echo a huge argument."""
    return repr(text) if len(text) <= 60 else repr(text[:57]) + "..."


def _roles(program: Program) -> dict[str, set[str]]:
    """The folded roles each person is recorded with, by person id."""
    roles: dict[str, set[str]] = {}
    for statement in program.statements:
        roles.setdefault(statement.speaker, set()).add(fold(statement.role))
    for meeting in program.meetings:
        for participant in meeting.participants:
            if participant.person is not None:
                roles.setdefault(participant.person, set()).add(fold(participant.role))
    return roles


def _surname(name: str) -> str:
    words = fold(name).split(" ")
    return words[-1]


def resolve_speaker(program: Program, text: str, role: str | None = None) -> Person:
    """The person ``text`` names, tried in this order: the id as written; a name or other
    name; the id or a surname (the last word of a name); a role the record gives the person
    (in a statement or as a participant). All but the first are compared folded
    (:func:`fold`), so ``Rahmon`` is ambiguous when a Rustam Rahmon is recorded too, and
    ``rahmon``, the id, is not.

    The first of these that matches anyone decides. When it matches several people,
    ``role`` (the role the speaker held) picks the one recorded with that role, if there is
    exactly one; a ``role`` never overrules a single match, since people take new roles.
    No match, or several, raises :class:`SpeakerError` (a
    :class:`~csto_program.DataError`) naming the closest candidates or all of them.

    >>> from csto_program.datasets import tajik_afghan_border
    >>> program = tajik_afghan_border()
    >>> [resolve_speaker(program, text).id for text in ("rahmon", "RAKHMON", "Zas")]
    ['rahmon', 'rahmon', 'zas']
    >>> resolve_speaker(program, "President of Kazakhstan").id
    'tokayev'
    >>> try:
    ...     resolve_speaker(program, "CSTO Secretary-General")
    ... except SpeakerError as exc:
    ...     print(exc.problems[0][1])  # doctest: +NORMALIZE_WHITESPACE
    ambiguous speaker 'CSTO Secretary-General': 'tasmagambetov' (Imangali Tasmagambetov),
    'masadykov' (Talatbek Masadykov), 'semerikov' (Valery Semerikov), 'zas' (Stanislav Zas);
    give one of these ids
    >>> resolve_speaker(program, "CSTO Secretary-General", role="CSTO Secretary-General").id
    Traceback (most recent call last):
    ...
    csto_program.lookup.SpeakerError: 1 problem:
      $: ambiguous speaker ...
    >>> resolve_speaker(program, "Semerikov", role="CSTO Deputy Secretary-General").id
    'semerikov'
    """
    if not isinstance(program, Program):
        raise TypeError(f"expected a Program, got {type(program).__name__}")
    query = fold(text)
    if not query:  # a blank text names no one, whatever the record holds
        raise SpeakerError(text, (), ambiguous=False)
    people = program.people
    roles = _roles(program)

    def by_id(person: Person) -> bool:
        return person.id == text

    def by_name(person: Person) -> bool:
        return query in {fold(name) for name in (person.name, *person.other_names)}

    def by_surname(person: Person) -> bool:
        names = (person.name, *person.other_names)
        return fold(person.id) == query or query in {_surname(name) for name in names}

    def by_role(person: Person) -> bool:
        return query in roles.get(person.id, ())

    tiers: tuple[Callable[[Person], bool], ...] = (by_id, by_name, by_surname, by_role)
    for matches in tiers:
        found = [person for person in people if matches(person)]
        if len(found) == 1:
            return found[0]
        if found:
            if role is not None:
                wanted = fold(role)
                held = [person for person in found if wanted in roles.get(person.id, ())]
                if len(held) == 1:
                    return held[0]
            raise SpeakerError(text, found, ambiguous=True)
    raise SpeakerError(text, _closest(program, text), ambiguous=False)


def _closest(program: Program, text: str) -> list[Person]:
    """Up to three people whose id, names or surnames are closest to ``text``."""
    forms: dict[str, list[Person]] = {}
    for person in program.people:
        for name in (person.id, person.name, *person.other_names):
            for form in {fold(name), _surname(name)}:
                forms.setdefault(form, []).append(person)
    chosen: list[Person] = []
    for form in suggest(forms, text, n=len(forms) or 1):
        for person in forms[form]:
            if person not in chosen:
                chosen.append(person)
        if len(chosen) >= 3:
            break
    return chosen[:3]
