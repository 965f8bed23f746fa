"""Terminal text: the escaping rule (checked against ``unicode_escape``), cutting, safe output."""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import pickle
import subprocess
import sys
import textwrap
import threading
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csto_program._escape import MAYBE_HIDDEN
from csto_program._terminal import Output, OutputError, display, escape, fit, shorten
from csto_program.errors import CstoProgramError
from support import untraced

HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs"}
# The characters that can forge what a terminal shows, named one by one.
FORGERS = (
    [chr(code) for code in range(0x20)]
    + [chr(0x7F)]
    + [chr(code) for code in range(0x80, 0xA0)]
    + list("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    + list("\u2028\u2029\u200b\u200c\u200d\ufeff")
    + ["\ud800", "\udfff", "\U000e0001"]
)
characters = st.one_of(
    st.characters(),
    st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Cs"]),
    st.sampled_from([*FORGERS, "\\", "x", "u", "U", "0", "a"]),
)
texts = st.text(characters, max_size=60)


def unescape(text: str) -> str:
    """The inverse of ``escape``, by Python's own ``unicode_escape`` codec."""
    return codecs.decode(text.encode("ascii", "backslashreplace"), "unicode_escape")


def hidden(text: str) -> list[str]:
    return [char for char in text if unicodedata.category(char) in HIDDEN]


# --------------------------------------------------------------------------- escape


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("line\nbreak", "line\\nbreak"),
        ("tab\there", "tab\\there"),
        ("over\rwrite", "over\\rwrite"),
        ("\x1b[2Jclear", "\\x1b[2Jclear"),
        ("nul\x00 del\x7f csi\x9b", "nul\\x00 del\\x7f csi\\x9b"),
        ("invoice\u202egpj.exe", "invoice\\u202egpj.exe"),
        (
            "\u2066isolate\u2069 \u200emark\u200f \u061c",
            "\\u2066isolate\\u2069 \\u200emark\\u200f \\u061c",
        ),
        ("zero\u200bwidth\u200c\u200d\ufeff", "zero\\u200bwidth\\u200c\\u200d\\ufeff"),
        ("line\u2028para\u2029", "line\\u2028para\\u2029"),
        ("lone \ud800 \udfff", "lone \\ud800 \\udfff"),
        ("tag \U000e0041", "tag \\U000e0041"),
        ("back\\slash \\n", "back\\\\slash \\\\n"),
        ("Қазақстан, Тәжікстан, Таджикистан", "Қазақстан, Тәжікстан, Таджикистан"),
        ("Café, naïve, Ångström, 日本, 😀 …", "Café, naïve, Ångström, 日本, 😀 …"),
        ("", ""),
    ],
)
def test_escape_examples(raw: str, shown: str) -> None:
    assert escape(raw) == shown
    assert unescape(shown) == raw


@pytest.mark.parametrize("char", FORGERS)
def test_every_forging_character_is_escaped(char: str) -> None:
    shown = escape(char)
    assert shown.startswith("\\") and shown.isascii() and shown.isprintable()
    assert unescape(shown) == char


@given(texts)
def test_escape_hides_nothing_and_can_be_undone(text: str) -> None:
    shown = escape(text)
    assert hidden(shown) == []
    assert unescape(shown) == text


@given(st.text(st.characters(exclude_characters="\\")))
def test_escape_keeps_printable_text(text: str) -> None:
    if text.isprintable():
        assert escape(text) == text


def test_the_shortcut_passes_over_no_hidden_and_no_unassigned_character() -> None:
    # MAYBE_HIDDEN lets the regex engine skip runs of characters surely shown as themselves:
    # none of those may be hidden, a backslash, or unassigned (a later Unicode version could
    # make an unassigned one a format character).
    with untraced():  # a million characters: the regex and unicodedata, not this package
        skipped = [chr(c) for c in range(0x110000) if MAYBE_HIDDEN.match(chr(c)) is None]
    assert len(skipped) > 1000
    assert [c for c in skipped if c == "\\" or unicodedata.category(c) in HIDDEN | {"Cn"}] == []


@given(st.lists(st.sampled_from(["word ", "Ж", "\u202e", "\\", "\n", "\x00"]), max_size=40))
def test_a_long_text_is_escaped_character_by_character(parts: list[str]) -> None:
    text = "".join(parts) * 50
    assert escape(text) == "".join(escape(char) for char in text)


# --------------------------------------------------------------------------- shorten and fit


def whole_escapes(prefix: str, raw: str) -> bool:
    """Whether ``prefix`` is the escape of a prefix of ``raw`` (no escape cut in two)."""
    try:
        start = unescape(prefix)
    except UnicodeDecodeError:
        return False
    return raw.startswith(start) and escape(start) == prefix


@given(texts, st.integers(1, 80))
def test_shorten_cuts_escaped_text_between_escapes(raw: str, width: int) -> None:
    text = escape(raw)
    short = shorten(text, width)
    assert len(short) <= width
    if len(text) <= width:
        assert short == text
    else:
        assert short.endswith("…")
        kept = short[:-1]
        assert text.startswith(kept)
        assert whole_escapes(kept, raw)
        assert len(kept) > width - 1 - len("\\U0001f600")  # at most one escape dropped


@given(texts, st.integers(-5, 80) | st.none())
def test_fit_is_shorten_on_a_terminal_and_nothing_elsewhere(raw: str, columns: int | None) -> None:
    line = escape(raw)
    if columns is None or columns < 1:
        assert fit(line, columns) == line
    else:
        assert fit(line, columns) == shorten(line, columns)


@pytest.mark.parametrize("width", [0, -1])
def test_shorten_needs_a_width(width: int) -> None:
    with pytest.raises(ValueError, match="width must be at least 1"):
        shorten("text", width)


def test_shorten_examples() -> None:
    assert shorten("abcdef", 6) == "abcdef"
    assert shorten("abcdefg", 6) == "abcde…"
    assert shorten("abcdefg", 1) == "…"
    assert shorten("ab\\u202edef", 7) == "ab…"
    assert shorten("ab\\u202edef", 9) == "ab\\u202e…"
    assert shorten("a\\\\u202e", 6) == "a\\\\u2…"  # an escaped backslash, then plain text


class _OnlyTheStart(str):
    """A text that fails if anything reads all of it rather than a slice of its start."""

    def _whole(self, *args: object, **kwargs: object) -> Any:
        raise AssertionError("the whole text was read")

    __iter__ = isprintable = isascii = encode = replace = translate = split = _whole
    splitlines = count = __contains__ = _whole

    def find(self, sub: str, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        assert start is not None and end is not None and end - start <= 100, (start, end)
        return str(self).find(sub, start, end)

    def __str__(self) -> str:
        return str.__str__(self)


def test_shorten_and_display_look_only_at_the_start() -> None:
    huge = _OnlyTheStart("Tajik\\istan\n" * 500_000)
    assert shorten(huge, 60) == ("Tajik\\istan\n" * 5)[:59] + "…"
    assert display(huge, 60).startswith("Tajik\\\\istan\\n")
    assert fit(huge, 80).endswith("…")


# --------------------------------------------------------------------------- display


@given(texts, st.integers(1, 80))
def test_display_is_shorten_of_escape(raw: str, width: int) -> None:
    assert display(raw, width) == shorten(escape(raw), width)


def test_display_of_other_values() -> None:
    assert display(42) == "42"
    assert display(Path("a\nb.json")) == "a\\nb.json"
    assert display("x" * 100) == "x" * 59 + "…"


# --------------------------------------------------------------------------- Output


def text_stream(encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict")


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("latin-1", "????? ? Café ? ?\n"),
        ("cp1251", "Т?жік – Caf? ? ?\n"),
        ("ascii", "????? ? Caf? ? ?\n"),
        ("utf-8", "Тәжік – Café ? 😀\n"),
    ],
)
def test_output_replaces_what_the_encoding_cannot_show(encoding: str, expected: str) -> None:
    stream = text_stream(encoding)
    Output(stream).line("Тәжік – Café \ud800 😀")
    assert isinstance(stream.buffer, io.BytesIO)
    assert stream.buffer.getvalue().decode(encoding) == expected


def test_output_to_a_stream_without_a_buffer() -> None:
    stream = io.StringIO()
    out = Output(stream)
    out.line("Тәжік \ud800")
    out.lines(["a", "b"])
    out.write("end")
    assert stream.getvalue() == "Тәжік ?\na\nb\nend"


def test_output_keeps_the_order_of_earlier_text_writes() -> None:
    stream = text_stream("utf-8")
    stream.write("written before\n")
    Output(stream).lines(["first", "second"])
    stream.write("written after\n")
    stream.flush()
    assert isinstance(stream.buffer, io.BytesIO)
    assert stream.buffer.getvalue() == b"written before\nfirst\nsecond\nwritten after\n"


def test_output_goes_to_standard_output_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    Output().lines(["STAGE  NAME", "1      Stage 1"])
    assert capsys.readouterr().out == "STAGE  NAME\n1      Stage 1\n"


@pytest.mark.parametrize("stream", [io.StringIO(), text_stream("utf-8")])
def test_a_closed_stream_is_an_output_error(stream: io.TextIOBase) -> None:
    stream.close()
    with pytest.raises(OutputError) as caught:
        Output(stream).line("x")  # type: ignore[arg-type]
    assert str(caught.value) == "cannot write to standard output: the stream is closed"


def test_a_closed_buffer_is_an_output_error() -> None:
    stream = text_stream("utf-8")
    stream.buffer.close()
    with pytest.raises(OutputError, match="the stream is closed"):
        Output(stream).line("x")


def test_another_value_error_is_not_hidden() -> None:
    class Picky(io.StringIO):
        def write(self, text: str) -> int:
            raise ValueError("not this text")

    with pytest.raises(ValueError, match="not this text"):
        Output(Picky()).line("x")


def close_quietly(stream: io.TextIOWrapper) -> None:
    """Close a stream whose unwritten text can never be written."""
    with contextlib.suppress(OSError):
        stream.close()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_device_is_an_output_error() -> None:
    stream = open("/dev/full", "w", encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        with pytest.raises(OutputError) as caught:
            Output(stream, name="report.txt").line("x")
    finally:
        close_quietly(stream)
    assert caught.value.errno == errno.ENOSPC
    assert str(caught.value) == "cannot write to report.txt: No space left on device"
    assert isinstance(caught.value.__cause__, OSError)


def test_a_reader_that_has_gone_is_an_output_error() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    stream = open(write_end, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        with pytest.raises(OutputError) as caught:
            Output(stream).line("x")
    finally:
        close_quietly(stream)
    assert caught.value.errno == errno.EPIPE
    assert str(caught.value) == "cannot write to standard output: Broken pipe"


STDOUT_FULL = """
    import sys
    from csto_program._terminal import Output, OutputError

    try:
        Output().lines(["Stage 1"] * 10_000)
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
"""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_program_on_a_full_disk_says_one_line() -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(STDOUT_FULL)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr == "error: cannot write to standard output: No space left on device\n"


def test_output_error_is_one_line_and_pickles() -> None:
    err = OutputError("out\n.txt", "Broken pipe", errno=errno.EPIPE)
    assert str(err) == "cannot write to out\\n.txt: Broken pipe"
    assert isinstance(err, CstoProgramError) and isinstance(err, OSError)
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.name, copy.reason, copy.errno) == (err.name, err.reason, errno.EPIPE)


# --------------------------------------------------------------------------- every byte


class _Trickle(io.RawIOBase):
    """A raw stream with no descriptor that takes at most ``step`` bytes a write, or none
    (``None``: it would block) once ``full`` bytes are in."""

    def __init__(self, step: int, full: int | None = None) -> None:
        self.data = bytearray()
        self.step = step
        self.full = full

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int | None:
        if self.full is not None and len(self.data) >= self.full:
            return None
        taken = bytes(data[: self.step])
        self.data += taken
        return len(taken)


def test_short_writes_without_a_descriptor_are_repeated() -> None:
    raw = _Trickle(step=3)
    stream = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)  # type: ignore[arg-type]
    Output(stream).line("Таджикистан – Қазақстан")
    assert bytes(raw.data).decode("utf-8") == "Таджикистан – Қазақстан\n"


def test_a_full_stream_without_a_descriptor_is_an_error() -> None:
    raw = _Trickle(step=3, full=6)
    stream = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)  # type: ignore[arg-type]
    with pytest.raises(OutputError, match="Resource temporarily unavailable"):
        Output(stream, name="the pipe").write_bytes(b"0123456789")
    assert bytes(raw.data) == b"012345"


def _slow_reader(fd: int, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        time.sleep(0.2)  # let the writer fill the pipe first
        with os.fdopen(fd, "rb") as reader:
            while chunk := reader.read(65536):
                into.append(chunk)

    thread = threading.Thread(target=read)
    thread.start()
    return thread


@pytest.mark.parametrize("unbuffered", [True, False])
def test_a_full_non_blocking_pipe_is_waited_on(unbuffered: bool) -> None:
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    chunks: list[bytes] = []
    reader = _slow_reader(read_end, chunks)
    data = ("Қазақстан " * 30_000).encode("utf-8")  # far more than a pipe holds
    # PYTHONUNBUFFERED=1 gives standard output a raw file as its buffer, as here
    binary = open(write_end, "wb", buffering=0 if unbuffered else -1)  # noqa: SIM115
    with io.TextIOWrapper(binary, encoding="utf-8", write_through=unbuffered) as stream:
        stream.write("first ")  # written to the text stream before: it comes first
        Output(stream).write_bytes(data)
    reader.join(timeout=60)
    assert b"".join(chunks) == b"first " + data


def test_what_was_buffered_is_flushed_first_even_to_a_full_pipe() -> None:
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    chunks: list[bytes] = []
    with open(write_end, "wb", buffering=200_000) as binary:
        stream = io.TextIOWrapper(binary, encoding="utf-8")
        early = b"x" * 150_000  # held in the buffer, more than the pipe takes at once
        binary.write(early)
        reader = _slow_reader(read_end, chunks)
        Output(stream).line("end")
        stream.detach()
    reader.join(timeout=60)
    assert b"".join(chunks) == early + b"end\n"
