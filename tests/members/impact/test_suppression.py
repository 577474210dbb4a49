"""Small-number protection on its own: single counts, one table (no cell workable out
from a total and the other cells), and grids of regions by answer, where a region's view
and the whole programme's view must not be set against each other."""

import itertools

from members.impact.suppression import (
    FEWER,
    WITHHELD_TEXT,
    protect,
    protect_grid,
    protect_grids,
    show,
)


def texts(table):
    return {key: shown.text for key, shown in table.cells.items()}, table.total.text


def derivable_small(cells, table):
    """True when the hidden cells of a shown total add up to 1 to 4 (a small group)."""
    if table.total.hidden:
        return False
    shown = sum(s.value for s in table.cells.values() if not s.hidden)
    return 0 < table.total.value - shown < 5


def test_counts_from_one_to_four_read_fewer_than_5_and_zero_and_five_show():
    assert [show(n).text for n in (0, 1, 4, 5, 1234)] == [
        "0",
        FEWER,
        FEWER,
        "5",
        "1,234",
    ]


def test_one_small_cell_beside_a_total_hides_the_next_smallest_cell_too():
    table = protect({"a": 20, "b": 9, "c": 3})
    # 9 is not "fewer than 5": it is hidden, and says so in other words.
    assert texts(table) == ({"a": "20", "b": WITHHELD_TEXT, "c": FEWER}, "32")


def test_two_small_cells_adding_up_to_under_5_hide_a_third():
    table = protect({"a": 20, "b": 2, "c": 1, "d": 7})
    cells, total = texts(table)
    assert cells["b"] == cells["c"] == FEWER
    assert cells["d"] == WITHHELD_TEXT
    assert total == "30" and cells["a"] == "20"


def test_when_nothing_else_can_be_hidden_the_total_is():
    table = protect({"a": 3, "b": 0})
    assert texts(table) == ({"a": FEWER, "b": FEWER}, FEWER)
    # Two cells hidden together (15 between them) say nothing exact about either.
    table = protect({"a": 12, "b": 3})
    assert texts(table) == ({"a": WITHHELD_TEXT, "b": FEWER}, "15")


def test_a_group_under_5_hides_even_its_zeros():
    table = protect({"yes": 3, "no": 0, "prefer": 0})
    assert set(texts(table)[0].values()) == {FEWER}


def test_no_table_of_three_cells_up_to_9_ever_lets_a_small_group_be_worked_out():
    for values in itertools.product(range(10), repeat=3):
        table = protect(dict(zip("abc", values, strict=True)))
        assert not derivable_small(values, table), values


def test_a_grid_gives_a_region_view_and_a_whole_view_that_cannot_be_set_against_each_other():
    grid = {
        "north": {"yes": 10, "no": 8},
        "south": {"yes": 6, "no": 3},
        "east": {"yes": 0, "no": 0},
    }
    tables, whole, by_region = protect_grid(grid, ["yes", "no"])
    # south's "no" is small; its row total must then hide another cell, and the whole
    # programme's "no" (11) less north's (8) would give it away, so north's "no" goes too.
    assert tables["south"].cells["no"].hidden
    assert tables["south"].cells["yes"].hidden or tables["south"].total.hidden
    assert tables["north"].cells["no"].hidden or whole.cells["no"].hidden
    for c in ("yes", "no"):
        col_shown = sum(
            t.cells[c].value for t in tables.values() if not t.cells[c].hidden
        )
        if not whole.cells[c].hidden:
            assert not 0 < whole.cells[c].value - col_shown < 5
    for table in tables.values():
        assert not derivable_small(None, table)
    assert not derivable_small(None, by_region)


def test_every_small_grid_keeps_rows_columns_and_margins_safe():
    for a, b, c, d in itertools.product((0, 2, 5, 9), repeat=4):
        grid = {"r1": {"x": a, "y": b}, "r2": {"x": c, "y": d}}
        tables, whole, by_row = protect_grid(grid, ["x", "y"])
        for table in [*tables.values(), whole, by_row]:
            assert not derivable_small(None, table), (a, b, c, d)
            for shown in table.cells.values():
                assert shown.hidden or not 0 < shown.value < 5
        for col in ("x", "y"):
            if whole.cells[col].hidden:
                continue
            shown = sum(
                t.cells[col].value for t in tables.values() if not t.cells[col].hidden
            )
            assert not 0 < whole.cells[col].value - shown < 5, (a, b, c, d)
        for row, table in tables.items():
            if not by_row.cells[row].hidden:
                assert table.total.value == by_row.cells[row].value


def test_a_region_hidden_in_one_question_is_hidden_in_every_question():
    grids = {
        "q1": {"r1": {"a": 10, "b": 10}, "r2": {"a": 3, "b": 0}},
        "q2": {"r1": {"a": 20, "b": 0}, "r2": {"a": 3, "b": 0}},
    }
    done = protect_grids(grids, {"q1": ["a", "b"], "q2": ["a", "b"]})
    hidden = [
        {r for r, s in by_row.cells.items() if s.hidden}
        for _t, _w, by_row in done.values()
    ]
    assert hidden[0] == hidden[1]


def _audit(grid, rows, columns, tables, whole, by_row):
    """Independently of the code: every line of the table (a region's cells and its total,
    an answer's cells across regions and its total, and both margins) either shows
    everything or hides at least two numbers, and never lets a small sum be worked out."""
    lines = []
    for r in rows:
        lines.append(
            (
                [tables[r].cells[c] for c in columns],
                tables[r].total,
                [grid[r][c] for c in columns],
            )
        )
    for c in columns:
        lines.append(
            (
                [tables[r].cells[c] for r in rows],
                whole.cells[c],
                [grid[r][c] for r in rows],
            )
        )
    lines.append(
        (
            [whole.cells[c] for c in columns],
            whole.total,
            [sum(grid[r][c] for r in rows) for c in columns],
        )
    )
    lines.append(
        (
            [by_row.cells[r] for r in rows],
            by_row.total,
            [sum(grid[r].values()) for r in rows],
        )
    )
    for shown, total, truth in lines:
        hidden = [t for s, t in zip(shown, truth, strict=True) if s.hidden]
        if not total.hidden:
            assert not 0 < sum(hidden) < 5
            assert len(hidden) != 1 or not 0 < hidden[0] < 5
        for s, t in zip(shown, truth, strict=True):
            assert s.hidden or s.value == t
            assert s.hidden or not 0 < t < 5


def test_random_grids_of_three_regions_by_three_answers_never_give_a_small_group_away():
    import random

    chance = random.Random(22)
    rows, columns = ["r1", "r2", "r3"], ["x", "y", "z"]
    for _ in range(400):
        grid = {
            r: {c: chance.choice((0, 0, 1, 3, 5, 6, 9, 14)) for c in columns}
            for r in rows
        }
        tables, whole, by_row = protect_grid(grid, columns)
        _audit(grid, rows, columns, tables, whole, by_row)
        for r in rows:
            assert by_row.cells[r] == tables[r].total
