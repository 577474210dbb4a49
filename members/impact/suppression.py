"""Small-number protection: the one place that decides which counts the impact report,
its charts, its downloads and the public "in numbers" block may show.

Three rules, applied to every table before anything is displayed or exported:

1. A count from 1 to 4 is shown as "fewer than 5" (a zero is shown: nobody is revealed).
2. Within one table (cells that add up to a total), the hidden cells together must not be
   workable out as a small group: while the total minus the shown cells is from 1 to 4,
   the smallest shown non-zero cell is hidden as well, and when none is left, the total.
3. When the group a table describes is itself under 5 (a filter that isolates fewer than 5
   people), everything in it is hidden, zeros included, since a zero beside one hidden cell
   says which group those few people are in.

Filtered views never count on their own: they are read from the same protected table the
unfiltered view shows (a region's figures are that region's row, and for a figure split
between programme strands, a strand's figures are its slice of one protected cube of
regions, strands and months), so comparing two filter combinations over the same dates
cannot reveal what either hides.
"""

from dataclasses import dataclass

THRESHOLD = 5
FEWER = "fewer than 5"
WITHHELD_TEXT = "not shown"


@dataclass(frozen=True)
class Shown:
    """One figure as people may see it: the number, or None and "fewer than 5" (or "not
    shown" for a figure of 5 or more hidden only so that a small one stays hidden)."""

    value: int | None
    withheld: bool = False

    @property
    def hidden(self):
        return self.value is None

    @property
    def text(self):
        if self.value is None:
            return WITHHELD_TEXT if self.withheld else FEWER
        return f"{self.value:,}"

    def __str__(self):
        return self.text


HIDDEN = Shown(None)
WITHHELD = Shown(None, withheld=True)


def _hide(value):
    """The hidden form of a count: "fewer than 5" when it is, "not shown" otherwise."""
    return WITHHELD if value >= THRESHOLD else HIDDEN


def small(number):
    return 0 < number < THRESHOLD


def show(number):
    """A single count on its own (rule 1)."""
    number = int(number or 0)
    return HIDDEN if small(number) else Shown(number)


@dataclass
class Table:
    """Protected cells {key: Shown} and their protected total."""

    cells: dict
    total: Shown

    def rows(self, labels=None):
        labels = labels or {}
        return [
            {"key": key, "label": labels.get(key, key), "shown": shown}
            for key, shown in self.cells.items()
        ]


def protect(cells, total=None, also_hidden=()):
    """Rules 1 to 3 for one table: `cells` is {key: count} in display order, `total` the
    count of the whole group (the sum of the cells when not given); `also_hidden` names
    cells another table has had to hide."""
    cells = {key: int(value or 0) for key, value in cells.items()}
    total = sum(cells.values()) if total is None else int(total or 0)
    if small(total):  # rule 3: the whole group is too small to describe
        return Table(dict.fromkeys(cells, HIDDEN), HIDDEN)
    hidden = {key for key, value in cells.items() if small(value)} | set(also_hidden)
    total_hidden = False
    while True:
        shown_sum = sum(v for k, v in cells.items() if k not in hidden)
        if not small(total - shown_sum):
            break
        spare = [k for k, v in cells.items() if k not in hidden and v > 0]
        if not spare:
            total_hidden = True
            break
        hidden.add(min(spare, key=lambda k: cells[k]))
    return Table(
        {k: _hide(v) if k in hidden else Shown(v) for k, v in cells.items()},
        _hide(total) if total_hidden else Shown(total),
    )


def protect_grid(grid, columns, forced=(), row_totals=None):
    """A two-way table {row: {column: count}} (regions by answer) with its margins: the
    row totals, the column totals and the grand total. Returns {row: Table} (a region's
    view), the column totals' Table (the whole programme's view) and the row totals'
    Table (the table by region), all from one audit, so no view can be set against
    another. `forced` names rows whose total another grid had to hide.

    The audit works out everything the shown numbers give away (any line of the table
    with one number missing gives it), and while that reveals a count from 1 to 4, or a
    sum of hidden cells from 1 to 4, hides one more number in that line.

    `row_totals` are given when a row's cells do not add up to it: people counted once
    each month and once over the whole range (a partner involved in March and April is
    one partner); then only the columns, and the rows' totals, add up."""
    rows = list(grid)
    value = {("c", r, c): int(grid[r].get(c, 0) or 0) for r in rows for c in columns}
    for r in rows:
        value["r", r] = (
            int(row_totals.get(r, 0) or 0)
            if row_totals is not None
            else sum(value["c", r, c] for c in columns)
        )
    for c in columns:
        value["k", c] = sum(value["c", r, c] for r in rows)
    value["g"] = sum(value["r", r] for r in rows)
    adds_up = row_totals is None
    lines = [([("c", r, c) for c in columns], ("r", r)) for r in rows if adds_up]
    lines += [([("c", r, c) for r in rows], ("k", c)) for c in columns]
    if adds_up:
        lines.append(([("k", c) for c in columns], "g"))
    lines.append(([("r", r) for r in rows], "g"))

    hidden = {key for key, number in value.items() if small(number)}
    for r in rows:  # rule 3: a small region is hidden whole, zeros too
        if small(value["r", r]) or r in forced:
            hidden |= {("c", r, c) for c in columns} | {("r", r)}
    for c in columns:
        if small(value["k", c]):
            hidden |= {("c", r, c) for r in rows}
    if small(value["g"]):
        hidden |= set(value)
    hidden = audit(value, lines, hidden)

    def entry(key):
        return _hide(value[key]) if key in hidden else Shown(value[key])

    tables = {
        r: Table({c: entry(("c", r, c)) for c in columns}, entry(("r", r)))
        for r in rows
    }
    whole = Table({c: entry(("k", c)) for c in columns}, entry("g"))
    by_row = Table({r: entry(("r", r)) for r in rows}, entry("g"))
    return tables, whole, by_row


def _same(key):
    return 0


def audit(value, lines, hidden, rank=_same, batch=False):
    """Rule 2 over any set of lines (cells that add up to a total): hide one more number
    while the shown ones give a small count or a small sum away, the lowest `rank` first
    and then the smallest (`batch`: one more in every such line at once, for big tables).
    A number of 5 or more the shown ones already give away is shown again: hiding it
    would only puzzle the reader (April "not shown" beside a total of April alone)."""
    hidden = set(hidden)
    by_key = {}
    for index, (cells, total) in enumerate(lines):
        for key in (*cells, total):
            by_key.setdefault(key, []).append(index)
    while extra := _leak(value, lines, hidden, rank, by_key, batch):
        hidden |= extra
    return hidden - {
        k
        for k in hidden & _known(value, lines, hidden, by_key)
        if value[k] >= THRESHOLD
    }


def _known(value, lines, hidden, by_key):
    """Every number the shown ones give away: a line missing only one number gives it,
    and that may leave another line missing only one."""
    known = set(value) - hidden
    unknown = [
        {key for key in (*cells, total) if key not in known} for cells, total in lines
    ]
    ready = [index for index, left in enumerate(unknown) if len(left) == 1]
    while ready:
        index = ready.pop()
        if len(unknown[index]) != 1:
            continue
        (key,) = unknown[index]
        known.add(key)
        for other in by_key[key]:
            left = unknown[other]
            left.discard(key)
            if len(left) == 1:
                ready.append(other)
    return known


def _leak(value, lines, hidden, rank, by_key, batch):
    """The next numbers to hide (one, or with `batch` one a line), or an empty set when
    the shown numbers give nothing small away."""
    known = _known(value, lines, hidden, by_key)
    chosen = set()
    for cells, total in lines:
        if chosen and not chosen.isdisjoint((*cells, total)):
            continue  # this line changes once the numbers already chosen are hidden
        missing = [key for key in cells if key not in known]
        revealed = [key for key in (*cells, total) if key in hidden and key in known]
        gives_sum = total in known and small(sum(value[key] for key in missing))
        gives_small = any(small(value[key]) for key in revealed)
        if not (gives_sum or gives_small):
            continue
        pick = _to_hide(value, lines, hidden, rank, cells, total)
        if pick is None:
            continue
        chosen.add(pick)
        if not batch:
            return chosen
    if chosen:
        return chosen
    # Something small is still worked out through a chain of lines: hide the smallest
    # shown number left anywhere (this always ends: every step hides one more).
    for key in hidden & known:
        if small(value[key]):
            spare = [k for k in value if k not in hidden and value[k] > 0]
            spare = spare or [k for k in value if k not in hidden]
            return {min(spare, key=lambda k: (rank(k), value[k]))} if spare else set()
    return set()


def _to_hide(value, lines, hidden, rank, cells, total):
    """The number to hide for a line that gives something small away (None: none left)."""
    spare = [k for k in cells if k not in hidden and value[k] > 0]
    if spare:
        return min(spare, key=lambda k: (rank(k), value[k]))
    if total not in hidden:
        return total
    # The total is hidden but worked out from another line: hide more there.
    for other_cells, other_total in lines:
        if total in other_cells:
            spare = [
                k
                for k in (*other_cells, other_total)
                if k not in hidden and value[k] > 0
            ]
            if spare:
                return min(spare, key=lambda k: (rank(k), value[k]))
    spare = [k for k in value if k not in hidden]
    if not spare:
        return None
    # The smallest non-zero number left anywhere; zeros last.
    return min(spare, key=lambda k: (value[k] == 0, rank(k), value[k]))


def protect_grids(grids, columns_for):
    """Several grids over the same rows (each equality question by region): a row hidden
    in one is hidden in all, so no question's table gives away another's hidden total."""
    forced = set()
    while True:
        done = {
            name: protect_grid(grid, columns_for[name], forced)
            for name, grid in grids.items()
        }
        hidden = {
            r
            for _tables, _whole, by_row in done.values()
            for r, shown in by_row.cells.items()
            if shown.hidden
        }
        if hidden <= forced:
            return done
        forced |= hidden


@dataclass
class Cube:
    """A figure split by region, programme strand and month, protected in one audit.
    Every view the report offers (the whole programme, a region, a strand, a region in
    a strand) reads its numbers from here, so no two filters can be set against each
    other: the whole programme minus one strand never gives away a small other strand."""

    entries: dict
    regions: list
    buckets: list
    months: list

    def view(self, region=None, bucket=None):
        """(the Table by month with its total, the Table by region or None)."""
        e, months = self.entries, self.months
        if region is not None and region not in self.regions:
            return protect({}, 0), None
        if region is None and bucket is None:
            return (
                Table({m: e["m", m] for m in months}, e["g"]),
                Table({r: e["r", r] for r in self.regions}, e["g"]),
            )
        if bucket is None:
            return Table({m: e["rm", region, m] for m in months}, e["r", region]), None
        if region is None:
            return (
                Table({m: e["bm", bucket, m] for m in months}, e["b", bucket]),
                Table({r: e["rb", r, bucket] for r in self.regions}, e["b", bucket]),
            )
        return (
            Table(
                {m: e["c", region, bucket, m] for m in months}, e["rb", region, bucket]
            ),
            None,
        )


def protect_cube(cube, regions, buckets, months):
    """`cube` is {region: {(bucket, month): count}}, the buckets splitting the figure's
    rows between strands (and "other"), so each row is in exactly one. Rules 1 to 3 over
    every cell and every total a view can show, with all the lines they add up along."""
    value = {}
    for r in regions:
        for b in buckets:
            for m in months:
                value["c", r, b, m] = int(cube.get(r, {}).get((b, m), 0) or 0)
    lines = []

    def margin(key, parts):
        value[key] = sum(value[p] for p in parts)
        lines.append((parts, key))

    for r in regions:
        for b in buckets:
            margin(("rb", r, b), [("c", r, b, m) for m in months])
        for m in months:
            margin(("rm", r, m), [("c", r, b, m) for b in buckets])
        margin(("r", r), [("rb", r, b) for b in buckets])
        lines.append(([("rm", r, m) for m in months], ("r", r)))
    for b in buckets:
        for m in months:
            margin(("bm", b, m), [("c", r, b, m) for r in regions])
        margin(("b", b), [("rb", r, b) for r in regions])
        lines.append(([("bm", b, m) for m in months], ("b", b)))
    for m in months:
        margin(("m", m), [("rm", r, m) for r in regions])
        lines.append(([("bm", b, m) for b in buckets], ("m", m)))
    margin("g", [("r", r) for r in regions])
    lines.append(([("b", b) for b in buckets], "g"))
    lines.append(([("m", m) for m in months], "g"))

    hidden = {key for key, number in value.items() if small(number)}
    # Rule 3: a small group is hidden whole, zeros too (a region, a strand, a month, or a
    # region in a strand, a region in a month, a strand in a month).
    inside = _by_axis(value)
    for key, number in value.items():
        if key == "g" or key[0] == "c" or not small(number):
            continue
        hidden |= set.intersection(*(inside[fixed] for fixed in _fixes(key)))
    if small(value["g"]):
        hidden |= set(value)
    hidden = audit(value, lines, hidden, rank=_strand_first, batch=True)
    entries = {k: _hide(v) if k in hidden else Shown(v) for k, v in value.items()}
    return Cube(entries, list(regions), list(buckets), list(months))


def _strand_first(key):
    """Hide a strand's numbers before the whole programme's (which everyone sees first)."""
    return 0 if key != "g" and "b" in _AXES[key[0]] else 1


_AXES = {"c": "rbm", "rb": "rb", "rm": "rm", "bm": "bm", "r": "r", "b": "b", "m": "m"}


def _fixes(key):
    """The (axis, value) pairs a cell or a total fixes: ("rb", r, b) fixes region r and
    strand b."""
    return zip(_AXES[key[0]], key[1:], strict=True)


def _by_axis(value):
    """For each (axis, value), the cells and totals that fix it: the keys inside a total
    are those that fix everything it fixes."""
    inside = {}
    for key in value:
        if key != "g":
            for fixed in _fixes(key):
                inside.setdefault(fixed, set()).add(key)
    return inside
