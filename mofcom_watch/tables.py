"""A table as a command prints it: rich's boxed table on a terminal, the same text drawn directly into a pipe.

rich renders every cell through its segment pipeline: replay's table of 3,500 notices took 3.5 s into a
pipe, more than the rest of a replay with nothing new. Into a pipe the table is never fitted to a width
(:data:`mofcom_watch.term.PIPE_WIDTH`), has no colours and no column bounded by a ``max_width``
(:func:`unbounded`), so nearly every cell is one line that fits its column, and :func:`plain_text` lays it
out itself: rich's column widths, padding and heavy-head box, byte for byte. The few cells that hold tabs,
newlines or other unprintable characters (or that rich would wrap, given a table with a ``max_width``) are
laid out by rich's own code, so they break where rich breaks them. The cells are :class:`rich.text.Text` on a terminal too: page text is printed as it is,
never read as console markup (``[/]`` in a title would stop rich) or emoji codes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Sequence

from rich.cells import cell_len
from rich.text import Text

from mofcom_watch.term import PIPE_WIDTH

if TYPE_CHECKING:  # rich.table is imported only for a terminal
    from rich.console import Console
    from rich.table import Table

PADDING = 1  # rich's default cell padding, each side
PAD = " " * PADDING
# rich.box.HEAVY_HEAD, rich.table.Table's default box
TOP, HEAD_ROW, BOTTOM = ("┏", "━", "┳", "┓"), ("┡", "━", "╇", "┩"), ("└", "─", "┴", "┘")
HEAD_BAR, BODY_BAR = "┃", "│"


@dataclass(frozen=True)
class Column:
    header: str
    wrap: bool = False  # fold a cell over lines when it is wider than max_width; else one line, never cut
    max_width: int | None = None  # the widest a wrapped cell may be (without padding)
    drop: int = 0  # on a terminal too narrow for every column: hidden, 1 first, then 2... (0: only as a last resort)


@dataclass(frozen=True)
class TableText:
    """What a table shows: every cell already made safe to print (:func:`mofcom_watch.term.shown`)."""

    title: str
    columns: tuple[Column, ...]
    rows: Sequence[tuple[str, ...]]


def rich_table(table: TableText) -> Table:
    """The table for a terminal: fitted to its width by rich."""
    from rich.table import Table

    shown = Table(title=Text(table.title, style="table.title"), show_lines=False)
    for c in table.columns:
        if c.wrap:
            shown.add_column(c.header, overflow="fold", max_width=c.max_width)
        else:
            shown.add_column(c.header, no_wrap=True)
    for row in table.rows:
        shown.add_row(*map(Text, row))
    return shown


def unbounded(table: TableText) -> TableText:
    """``table`` with no column's width bounded: into a pipe or a file every cell is one line (a ``max_width`` is the
    widest a column may take of a terminal). Was: review's URLs past 48 cells and its reasons past 60, replay's
    titles past 40 and entities past 36, folded over lines into pipes and logs, ``review | grep URL`` finding half a
    URL (cli34)."""
    if all(column.max_width is None for column in table.columns):
        return table
    return replace(table, columns=tuple(replace(column, max_width=None) for column in table.columns))


def print_table(console: Console, table: TableText) -> None:
    """Print ``table`` on ``console``: laid out here into a pipe or a file, each cell on one line; by rich on a
    terminal, fitted to its width."""
    if not console.is_terminal:
        table = unbounded(table)
    text = plain_text(console, table)
    if text is None:
        ranked = sorted((c for c in table.columns if c.drop), key=lambda c: c.drop)
        print_fitted(console, rich_table(table), drop=[c.header for c in ranked])
    else:
        console.file.write(text)


FOLD_FLOOR = 10  # on a terminal, a column is folded down to this many cells (or its header's longest word), no less
WORD_FLOOR = 24  # with print_fitted's blocks, a column of short values not below its longest word up to this many cells:
# "countermea|sure", a deciding notice's key
# "QA-2025-11-05-68a8|1f8d" were folded mid-word at 100 and 160 columns (user38, user39); a longer word (a URL,
# a Chinese number with no space) is folded


def print_fitted(console: Console, table: Table, drop: Sequence[str] = (), *, blocks: bool = False,
                 dense: Callable[[], Table] | None = None) -> None:
    """Print a rich table fitted to the terminal (:func:`fit`), then say which columns it hid. ``blocks``: every
    column ``drop`` does not name is needed: where hiding those is not enough, each row is printed as a block of
    its own instead (:func:`print_blocks`), every cell shown, and no word of a cell is folded (``fit``'s ``whole``). Was: ``status`` at 60 columns hid until, list and
    the deciding notice (user38). ``dense``: before the blocks, the same rows in fewer columns (cells joined), printed
    where it fits hiding none (``status`` with an end date needed 104 columns for its table, user39; 78 now)."""
    cells = [(str(c.header), list(c.cells)) for c in table.columns]  # before fit removes any
    empty = [header for header, column in cells[1:] if column and not any(map(_shows, column))]
    hidden = fit(console, table, (*empty, *drop), whole=blocks)  # a column empty on every row goes first: nothing is lost
    if blocks and any(header not in drop and header not in empty for header in hidden):
        narrower = dense() if dense is not None else None
        if narrower is not None and not fit(console, narrower, whole=True):
            console.print(narrower)
            unseen = [header for header in drop if header not in empty]
            console.print(Text(f"(cells joined to fit {console.width} columns" + (
                f"; not shown: {', '.join(unseen)}; widen the terminal to see them" if unseen else "") + ")", style="dim"))
            return
        print_blocks(console, table.title, cells)
        return
    console.print(table)
    unseen = [header for header in hidden if header not in empty]
    if hidden:
        said = f"hidden to fit {console.width} columns: {', '.join(unseen)}; widen the terminal to see them" \
            if unseen else ""
        blank = [header for header in hidden if header in empty]
        said += ("; " if said and blank else "") + (f"empty on every row: {', '.join(blank)}" if blank else "")
        console.print(Text(f"({said})", style="dim"))


def _plain(cell: Any) -> str:
    return cell.plain if isinstance(cell, Text) else str(cell)


def _shows(cell: Any) -> bool:
    return bool(_plain(cell).strip())


def print_blocks(console: Console, title: Any, cells: list[tuple[str, list[Any]]]) -> None:
    """A table too wide for the terminal, one row a block: its first cell on a line ("line 2", "notice
    MOFCOM-2025-21"), then each other non-empty
    cell under it as ``header  value``, the value wrapped at the terminal's width (by words, folded only where a
    word is wider than the line)."""
    from rich.table import Table

    if title:
        console.print(title)
    (first, keys), others = cells[0], cells[1:]
    label = max((cell_len(header) for header, _ in others), default=0)
    for index, key in enumerate(keys):
        console.print(Text.assemble((f"{first} ", "dim"), key if isinstance(key, Text) else Text(str(key), style="bold")))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, width=2 + label)
        grid.add_column(overflow="fold")
        for header, column in others:
            value = column[index]
            if _shows(value):
                grid.add_row(Text("  " + header, style="dim"), value if isinstance(value, Text) else Text(value))
        console.print(grid)
    console.print(Text(f"(one row a block to fit {console.width} columns; widen the terminal for the table)",
                       style="dim"))


def fit(console: Console, table: Table, drop: Sequence[str] = (), *, whole: bool = False) -> tuple[str, ...]:
    """Make ``table`` fit a terminal narrower than its columns without cutting a cell to ``…`` or squeezing a
    column to nothing, as rich does then: cells are folded over lines, down to :data:`FOLD_FLOOR` cells a column
    (the first column, the row's key, is never folded); if even that is too wide, the columns whose headers
    ``drop`` names are hidden, first first, then others from the right. ``whole``: a column of short values (no
    ``max_width``) is folded no narrower than its longest word (:data:`WORD_FLOOR`). Returns the headers hidden. Into a pipe, nothing changes (its
    console is never narrower than a line)."""
    if not console.is_terminal or not table.columns:
        return ()
    from rich.measure import Measurement

    options = console.options
    padding = 2 * PADDING

    def widths(column: Any) -> tuple[int, int]:  # natural width and the narrowest it may be folded to, padded
        cells = [Measurement.get(console, options, cell) for cell in (column.header, *column.cells)]
        natural = min(max(m.maximum for m in cells), column.max_width or PIPE_WIDTH)
        header = Measurement.get(console, options, column.header).minimum
        word = 0 if not whole or column.max_width else min(max(  # prose bounded by a max_width folds as before
            (len(w) for cell in (column.header, *column.cells) for w in _plain(cell).split() if w.isascii()),
            default=0), WORD_FLOOR)  # else the longest word, kept whole up to WORD_FLOOR (Chinese folds anywhere)
        return natural + padding, min(natural, max(FOLD_FLOOR, header, word)) + padding

    sizes = {id(c): widths(c) for c in table.columns}
    first = table.columns[0]

    def needed(columns: list[Any]) -> int:
        return sum(sizes[id(c)][0] if c is first else sizes[id(c)][1] for c in columns) + len(columns) + 1

    hidden = []
    last_resort = [c.header for c in reversed(table.columns[1:])]  # then from the right: never a squeezed column
    for header in (*drop, *last_resort):
        if needed(table.columns) <= console.width:
            break
        for column in [c for c in table.columns if c.header == header and c is not first]:
            table.columns.remove(column)
            hidden.append(str(header))
    for index, column in enumerate(table.columns):
        column._index = index  # rich places each column's padding and cells by it
    room = console.width - (len(table.columns) + 1)  # the vertical bars
    allotted = {id(c): sizes[id(c)][0] for c in table.columns}
    floor = {id(c): sizes[id(c)][0] if c is first else sizes[id(c)][1] for c in table.columns}
    excess = sum(allotted.values()) - room
    while excess > 0:  # narrow the column with the most to give, one cell at a time
        widest = max(table.columns, key=lambda c: allotted[id(c)] - floor[id(c)])
        if allotted[id(widest)] <= floor[id(widest)]:
            break
        allotted[id(widest)] -= 1
        excess -= 1
    for column in table.columns:
        column.overflow = "fold"
        if excess <= 0:
            column.no_wrap = False
            column.width = allotted[id(column)] - padding
    return tuple(hidden)


def plain_text(console: Console, table: TableText) -> str | None:
    """The text rich would print for ``table`` on ``console`` (:func:`mofcom_watch.term.console` into a pipe:
    soft-wrapped, no styles); None where only rich draws it as rich would: on a terminal, in colour, with an
    ASCII-only encoding (another box), or wider than the console (rich shrinks the columns)."""
    if not console.soft_wrap or console.color_system is not None or console.legacy_windows \
            or console.options.ascii_only:
        return None
    columns = table.columns
    grid = [tuple(c.header for c in columns), *table.rows]
    sizes = [[_measure(console, cell) for cell in row] for row in grid]
    widths = []  # per column, with padding, as rich.table.Table._calculate_column_widths makes them
    for i, column in enumerate(columns):
        width = max(row[i] for row in sizes) + 2 * PADDING
        if column.max_width is not None:
            width = min(width, column.max_width + 2 * PADDING)
        widths.append(width)
    if sum(widths) + len(widths) + 1 > console.width:
        return None  # rich would shrink the columns to fit
    lines = [table.title, _rule(TOP, widths)]
    rooms = [width - 2 * PADDING for width in widths]
    for index, (row, size) in enumerate(zip(grid, sizes)):
        if index and all(map(int.__le__, size, rooms)) and all(map(str.isprintable, row)):  # one line, as below
            lines.append(BODY_BAR + BODY_BAR.join([PAD + cell + " " * (room - used) + PAD
                                                   for cell, used, room in zip(row, size, rooms)]) + BODY_BAR)
            continue
        cells = [_cell_lines(console, cell, used, width, column)
                 for cell, used, width, column in zip(row, size, widths, columns)]
        height = max(map(len, cells))
        if index == 0:  # header cells sit on the rule below them, body cells hang from the line above
            cells = [[" " * w] * (height - len(c)) + c for c, w in zip(cells, widths)]
        bar = HEAD_BAR if index == 0 else BODY_BAR
        for n in range(height):
            lines.append(bar + bar.join(c[n] if n < len(c) else " " * w for c, w in zip(cells, widths)) + bar)
        if index == 0:
            lines.append(_rule(HEAD_ROW, widths))
    lines.append(_rule(BOTTOM, widths))
    return "\n".join(lines) + "\n"


def _rule(parts: tuple[str, str, str, str], widths: list[int]) -> str:
    left, line, divider, right = parts
    return left + divider.join(line * w for w in widths) + right


def _measure(console: Console, cell: str) -> int:
    """The widest line of ``cell`` in cells, as rich measures a :class:`rich.text.Text`."""
    if cell.isprintable():  # one line, no tab: its width (the usual case)
        return len(cell) if cell.isascii() else cell_len(cell)  # a printable ASCII character is one cell
    from rich.measure import Measurement

    return Measurement.get(console, console.options, Text(cell)).maximum


def _cell_lines(console: Console, cell: str, used: int, width: int, column: Column) -> list[str]:
    """``cell`` (``used`` cells wide) as the lines rich renders it in a column ``width`` cells wide, padding
    included."""
    if cell.isprintable():
        if used <= width - 2 * PADDING:
            return [PAD + cell + " " * (width - 2 * PADDING - used) + PAD]
        if column.wrap:  # one line of printable text: rich's word wrap, each line padded to the width
            return [PAD + line.plain + PAD for line in
                    Text(cell).wrap(console, width - 2 * PADDING, justify="left", overflow="fold")]
    from rich.padding import Padding

    options = console.options.update(width=width, justify="left", no_wrap=not column.wrap,
                                     overflow="fold" if column.wrap else "ellipsis", height=None, highlight=False)
    return ["".join(segment.text for segment in line)
            for line in console.render_lines(Padding(Text(cell), (0, PADDING)), options, pad=True)]
