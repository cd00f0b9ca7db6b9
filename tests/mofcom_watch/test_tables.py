"""A table into a pipe is drawn by mofcom_watch/tables.py, byte for byte as rich draws it; on a terminal rich draws it.

Random tables (Chinese, long words, combining marks, emoji, tabs, newlines, ideographic spaces, markup-like
brackets) are printed both ways on the console ``term.console()`` gives a pipe; the fixtures' own table is
checked through the real CLI by tests/test_golden_replay.py.
"""

from __future__ import annotations

import io
import random

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from mofcom_watch import term
from mofcom_watch.tables import Column, TableText, plain_text, print_table, rich_table

# what page text can hold after storage.cleantext: CJK (2 cells), marks and joiners (0), tabs and newlines
ALPHABET = [*"abc xyz  ABC-;,.:[]/", *"不可靠实体清单工作机制公告〔〕号（）", "\u0301", "\u200d", "\ufe0f", "😀", "\u3000",
            "\xa0", "\t", "\n", "\u200b", "ｱ", "é", "\u2028", " " * 3, "Illumina,Inc.", "[bold]", "[/]", ":warning:"]


def rich_text(console: Console, table: TableText) -> str:
    with console.capture() as capture:
        console.print(rich_table(table))
    return capture.get()


def random_table(rng: random.Random) -> TableText:
    def cell() -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, rng.choice([1, 4, 12, 40, 90]))))

    columns = tuple(Column(f"h{i}" + "x" * rng.randint(0, 12), wrap=True, max_width=rng.choice([None, 3, 10, 40]))
                    if rng.random() < 0.5 else Column(f"head {i}") for i in range(rng.randint(1, 6)))
    return TableText("Stored notices", columns, [tuple(cell() for _ in columns) for _ in range(rng.randint(0, 5))])


@pytest.mark.parametrize("seed", range(4))
def test_a_table_into_a_pipe_is_the_text_rich_prints(seed: int) -> None:
    console, rng = term.console(), random.Random(seed)
    assert not console.is_terminal  # pytest captures stdout
    compared = 0
    for _ in range(150):
        table = random_table(rng)
        try:
            expected = rich_text(console, table)
        except IndexError:  # rich itself fails on a few joiner sequences in a 3-cell column
            continue
        assert plain_text(console, table) == expected, table
        compared += 1
    assert compared > 140


def test_page_text_is_printed_as_it_is_never_as_markup() -> None:
    table = TableText("Stored notices", (Column("notice"), Column("number / title", wrap=True, max_width=12)),
                      [("UEL-[/]", "[bold]x[/] :warning: 商务部公告2025年第21号")])
    piped = plain_text(term.console(), table)
    assert piped is not None and "UEL-[/]" in piped and "[bold]x[/]" in piped and ":warning:" in piped
    terminal = Console(force_terminal=True, width=60, file=io.StringIO())
    with terminal.capture() as capture:  # str cells: rich would read "[/]" as a closing tag and fail
        print_table(terminal, table)
    assert "UEL-[/]" in capture.get() and "[bold]x[/]" in capture.get()


def test_a_terminal_gets_rich_fitted_to_its_width() -> None:
    rows = [(f"MOFCOM-2025-{i}", "出口管制管控名单 " * 8, "lapsed: presumed back in force, needs review") for i in range(30)]
    table = TableText("Stored notices", (Column("notice"), Column("title", wrap=True), Column("state")), rows)
    terminal = Console(force_terminal=True, color_system="truecolor", width=70, file=io.StringIO())
    assert plain_text(terminal, table) is None
    print_table(terminal, table)
    out = terminal.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b[" in out and "MOFCOM-2025-29" in out
    assert max(cell_len(line) for line in Text.from_ansi(out).plain.splitlines()) <= 70


def test_an_ascii_only_pipe_gets_rich_own_box() -> None:
    table = TableText("Stored notices", (Column("notice"),), [("UEL-2025-7",)])
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    ascii_pipe = Console(file=stream, width=term.PIPE_WIDTH, soft_wrap=True, no_color=True, highlight=False)
    assert plain_text(ascii_pipe, table) is None
    print_table(ascii_pipe, table)
    stream.flush()
    assert "| UEL-2025-7 |" in stream.buffer.getvalue().decode("ascii")  # type: ignore[attr-defined]


def test_a_stream_that_cannot_write_the_names_gets_utf8_or_escapes_in_line(monkeypatch) -> None:
    """cli35: under ``PYTHONIOENCODING=ascii`` (or ``LC_ALL=C`` with ``PYTHONUTF8=0 PYTHONCOERCECLOCALE=0``) a name
    printed as ``\\u5916\\u4ea4…`` escapes, measured by rich as the two-cell characters they stand for: the columns
    out of line. Now an ASCII stream writes UTF-8 (click's rule, which typer's own lines followed already), and a
    stream of another encoding that cannot write them (Latin-1) gets escapes made before the table measures them."""
    ascii_out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    latin = io.TextIOWrapper(io.BytesIO(), encoding="latin-1", errors="strict")
    monkeypatch.setattr("sys.stdout", ascii_out)
    monkeypatch.setattr("sys.stderr", latin)
    term.tolerant_streams()
    assert (ascii_out.encoding, latin.encoding, latin.errors) == ("utf-8", "latin-1", "backslashreplace")
    monkeypatch.setattr("sys.stdout", latin)
    assert term.shown("外交部令第4号 é") == "\\u5916\\u4ea4\\u90e8\\u4ee4\\u7b2c4\\u53f7 é"  # é is Latin-1
    table = TableText("Listings", (Column("notice"), Column("number")),
                      [("MFA-ORDER-2022-4", term.shown("外交部令第4号")), ("X", term.shown("Skydio é"))])
    print_table(term.console(), table)
    latin.flush()
    lines = latin.buffer.getvalue().decode("latin-1").splitlines()[1:]  # type: ignore[attr-defined]
    assert len({len(line) for line in lines}) == 1, lines  # every line as wide as the box
    assert "| MFA-ORDER-2022-4 | \\u5916\\u4ea4\\u90e8\\u4ee4\\u7b2c4\\u53f7 |" in lines


def test_a_table_into_a_pipe_folds_no_cell_over_lines() -> None:
    """cli34: a column bounded for a terminal (review's URL, 48 cells; replay's title, 40) folded its cells over
    lines into a pipe too, so ``review | grep URL`` found half a URL. Into a pipe each row is one line, whole; on a
    terminal the bound still folds."""
    url = "https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_eba76b74d5e147c99fd86bc8a47c5b57.html"
    why = "the name 'Planate Management Groupâ€™ Inc.' holds 'â€', characters of another encoding: a person must read it"
    table = TableText("Held for a person to read", (Column("url", wrap=True, max_width=48),
                                                    Column("why", wrap=True, max_width=60), Column("SHA-256")),
                      [(url, why, "1c9ad51bd73009d4")])
    pipe = io.StringIO()
    print_table(Console(file=pipe, width=term.PIPE_WIDTH, soft_wrap=True, no_color=True, highlight=False), table)
    rows = [line for line in pipe.getvalue().splitlines() if line.startswith("│")]
    assert len(rows) == 1 and url in rows[0] and why in rows[0] and "1c9ad51bd73009d4" in rows[0]
    terminal = Console(force_terminal=True, width=200, file=io.StringIO())
    print_table(terminal, table)
    assert url not in Text.from_ansi(terminal.file.getvalue()).plain  # type: ignore[attr-defined]


def test_a_command_to_copy_is_one_line_on_any_terminal() -> None:
    """cli34: ``review``'s ``mofcom-watch accept 'URL' SHA256`` lines were broken by rich at the terminal's width (a
    jpaas URL is ~300 characters): copied and pasted into a shell, ``mofcom-watch accept`` ran without its arguments.
    Printed as one line, the terminal wraps it on screen only; a page's control characters are still shown safe."""
    url = ("https://www.mofcom.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit?parseType=bulidstatic"
           "&webId=8f43c7ad3afc411fb56f281724b73708&pageNo=1&pageSize=20")
    command = f"  mofcom-watch accept '{url}' gone\x1b[2J"
    terminal = Console(force_terminal=True, width=60, file=io.StringIO())
    term.print_command(terminal, command)
    lines = Text.from_ansi(terminal.file.getvalue()).plain.splitlines()  # type: ignore[attr-defined]
    assert lines == [f"  mofcom-watch accept '{url}' gone"], lines
