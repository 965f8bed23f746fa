"""What mypy sees of the records' constructors is what they accept at run time.

One mypy run (with ``csto_program.mypy_plugin``, a fresh cache) checks a snippet: the calls
that spell values as in JSON type-check (and run), the wrong types are refused, and each
record's ``__init__`` as mypy reveals it has the parameters, defaults and types of
``inspect.signature``.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from mypy import api

import csto_program

# Calls that spell the values as JSON does; they type-check and they run.
ACCEPTED = """\
import datetime

import attrs

from csto_program import Plan, Program, ProgressReport, Statement, plan_stages

report = ProgressReport(id="r", stage=1, progress="in_progress", reported_on="2026-01-29")
statement = Statement(
    id="s", speaker="p", role="A role.", said_on="2026-01-29", text="Words.",
    kind="quote", sources=["tass"], stages=[1],
)
plan = Plan(id="plan", announced_on="2024-11-28", starts_on="2025-01-01",
            stages=plan_stages("2025-01-01"))
program = Program(id="p", title="P", adopted_on=datetime.date(2024, 11, 28), plans=[plan])
program = Program(id="p", title="P", adopted_on="2024-11-28", plans=(plan,), reports=[report])
later = attrs.evolve(report, progress="completed", as_of=None)
"""

# Each line marked ``# refused [code]`` is an error of that code; no other line is an error.
REFUSED = """\

def refused() -> None:
    ProgressReport(id="r", stage=1, progress=3, reported_on="2026-01-29")  # refused [arg-type]
    ProgressReport(id="r", stage=1, progress="done", reported_on=20260129)  # refused [arg-type]
    Program(id="p", title="P", adopted_on="2024-11-28", plans="x")  # refused [arg-type]
    Program(id="p", title="P", adopted_on="2024-11-28")  # refused [call-arg]
    Statement(id="s", speaker="p", role="r", said_on="2026", text="t", kind=1)  # refused [arg-type]
    report.reported_on.startswith("2026")  # refused [attr-defined]
"""

# Fields the plugin reads otherwise: the kind by keyword, an explicit default, and shapes
# that do not match the arguments (left as declared).
CUSTOM = """\

from csto_program._spec import Kind, field
from csto_program.dates import PartialDate

KIND = Kind.TEXT


@attrs.frozen
class Custom:
    when: PartialDate = field(kind=Kind.PARTIAL_DATE, description="When.")
    count: int = field(Kind.INT, "How many.", default=0)
    tags: list[str] = field(Kind.TEXT, "Tags.", many=True)
    label: str = field(Kind.TEXT, "A label.", optional=True)
    extra: int = attrs.field(default=0)
    odd: str = field(KIND, "A kind the plugin cannot read.")


@attrs.frozen
class Sub(Custom):
    more: int = 0


@attrs.define
class Plain:
    x: int


reveal_type(Custom.__init__)
reveal_type(Plain.__init__)
reveal_type(Sub.__init__)
reveal_type(report.reported_on)
"""


def _record_classes() -> list[type]:
    """The public classes whose fields are made by the field factory."""
    found = []
    for name in csto_program.__all__:
        value = getattr(csto_program, name)
        if attrs.has(value) and any("spec" in a.metadata for a in attrs.fields(value)):
            found.append(value)
    return found


RECORDS = _record_classes()

REVEALS = "".join(f"reveal_type(csto_program.{cls.__name__}.__init__)\n" for cls in RECORDS)


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[int, list[str]]]:
    """The snippet and mypy's messages on it, by line."""
    folder = tmp_path_factory.mktemp("typing")
    source = ACCEPTED + REFUSED + CUSTOM + "\nimport csto_program\n" + REVEALS
    snippet = folder / "snippet.py"
    snippet.write_text(source, encoding="utf-8")
    config = folder / "mypy.ini"
    # The package under test, from its source tree (mypy refuses site-packages on its path).
    src = Path(csto_program.__file__).resolve().parent.parent
    path = "" if src.name == "site-packages" else f"mypy_path = {src}\n"
    config.write_text(
        f"[mypy]\nstrict = True\nplugins = csto_program.mypy_plugin\n{path}",
        encoding="utf-8",
    )
    stdout, stderr, _ = api.run(
        [
            "--config-file",
            str(config),
            "--cache-dir",
            str(folder / "cache"),
            "--no-error-summary",
            "--hide-error-context",
            str(snippet),
        ]
    )
    assert not stderr, stderr
    messages: dict[int, list[str]] = {}
    for line in stdout.splitlines():
        match = re.match(r".*snippet\.py:(\d+): (.*)$", line)
        assert match is not None, line
        messages.setdefault(int(match[1]), []).append(match[2])
    return source, messages


def _errors(messages: dict[int, list[str]]) -> dict[int, list[str]]:
    found = {n: [m for m in ms if m.startswith("error:")] for n, ms in messages.items()}
    return {n: ms for n, ms in found.items() if ms}


def _revealed(messages: dict[int, list[str]], line: int) -> str:
    (note,) = messages[line]
    match = re.fullmatch(r'note: Revealed type is "(.*)"', note)
    assert match is not None, note
    return match[1]


def test_the_json_spellings_type_check_and_the_wrong_types_are_refused(
    checked: tuple[str, dict[int, list[str]]],
) -> None:
    source, messages = checked
    refused = {
        n: [match[1]]
        for n, line in enumerate(source.splitlines(), 1)
        if (match := re.search(r"# refused (\[[a-z-]+\])$", line))
    }
    found = {n: [m.rpartition("  ")[2] for m in ms] for n, ms in _errors(messages).items()}
    assert found == refused


def test_the_accepted_calls_run() -> None:
    namespace: dict[str, Any] = {}
    exec(ACCEPTED, namespace)
    assert namespace["later"].progress.value == "completed"
    assert namespace["program"].reports == (namespace["report"],)


def test_fields_the_plugin_cannot_read_keep_their_declared_types(
    checked: tuple[str, dict[int, list[str]]],
) -> None:
    source, messages = checked
    lines = source.splitlines()
    custom = lines.index("reveal_type(Custom.__init__)") + 1
    fields = (
        "when: csto_program.dates.PartialDate | str, count: int =, tags: list[str] =, "
        "label: str =, extra: int =, odd: str ="
    )
    assert _revealed(messages, custom) == f"def (self: snippet.Custom, {fields})"
    assert _revealed(messages, custom + 1) == "def (self: snippet.Plain, x: int)"
    # A subclass inherits the parameters as the plugin typed them.
    assert _revealed(messages, custom + 2) == f"def (self: snippet.Sub, {fields}, more: int =)"
    # The attribute holds the converted value: a partial date, not a string.
    assert _revealed(messages, custom + 3) == "csto_program.dates.PartialDate"


def _unqualified(text: str) -> str:
    """A type's text without module names: ``csto_program.codes.Progress`` -> ``Progress``."""
    return re.sub(r"\b(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_])", "", text)


def _split(parameters: str) -> list[str]:
    """The parameters of a revealed signature, split at the commas outside brackets."""
    found, depth, start = [], 0, 0
    for index, char in enumerate(parameters):
        depth += char == "["
        depth -= char == "]"
        if char == "," and depth == 0:
            found.append(parameters[start:index].strip())
            start = index + 1
    found.append(parameters[start:].strip())
    return found


def _from_mypy(revealed: str) -> list[tuple[str, str, bool]]:
    """``(name, type, has a default)`` of each parameter but ``self``."""
    match = re.fullmatch(r"def \((.*)\)", revealed)
    assert match is not None, revealed
    found = []
    for parameter in _split(match[1])[1:]:
        name, _, annotation = parameter.partition(": ")
        found.append((name, _unqualified(annotation.removesuffix(" =")), parameter.endswith("=")))
    return found


def _from_inspect(cls: type) -> list[tuple[str, str, bool]]:
    found = []
    for parameter in inspect.signature(cls).parameters.values():
        annotation = parameter.annotation
        text = annotation if isinstance(annotation, str) else repr(annotation)
        has_default = parameter.default is not inspect.Parameter.empty
        found.append((parameter.name, _unqualified(text), has_default))
    return found


@pytest.mark.parametrize("cls", RECORDS, ids=[cls.__name__ for cls in RECORDS])
def test_mypy_sees_the_signature_inspect_shows(
    checked: tuple[str, dict[int, list[str]]], cls: type
) -> None:
    source, messages = checked
    line = source.splitlines().index(f"reveal_type(csto_program.{cls.__name__}.__init__)") + 1
    assert _from_mypy(_revealed(messages, line)) == _from_inspect(cls)


def test_every_record_is_compared() -> None:
    names = {cls.__name__ for cls in RECORDS}
    assert {"Program", "ProgressReport", "Statement", "Plan", "Stage", "Source"} <= names


def test_the_project_and_the_guide_enable_the_plugin() -> None:
    root = Path(__file__).resolve().parent.parent
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert 'plugins = ["csto_program.mypy_plugin"]' in pyproject
    guide = (root / "docs" / "guides" / "json.md").read_text(encoding="utf-8")
    assert "plugins = csto_program.mypy_plugin" in guide
