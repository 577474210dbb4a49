"""Small bar charts drawn on the server as SVG: no JavaScript, no front-end build.

A chart is geometry for `templates/members/impact/_chart.html`, which draws horizontal
bars (one a row, so long labels and a 360 px screen both fit) with a `<title>` and `<desc>`
and the same numbers in a table beside it. Hidden figures draw no bar and say "fewer
than 5". The bar colour is dark blue on white (contrast over 8:1); text is near-black.
"""

BAR = "#1d4f91"
ROW = 28
WIDTH = 360
# The compact layout (a printed page, where width is plenty and height is not): each
# label on the left of its bar, one row a figure.
LABEL_WIDTH = 280
COMPACT_WIDTH = 600
COMPACT_ROW = 26


def bar_chart(title, rows, *, unit="", compact=False):
    """`rows` are {"label", "shown"} with `shown` from members.impact.suppression. On
    screen each label sits above its bar, so the bar can use the whole width."""
    values = [row["shown"].value for row in rows if row["shown"].value is not None]
    top = max(values + [1])
    width, row_height = (COMPACT_WIDTH, COMPACT_ROW) if compact else (WIDTH, ROW * 2)
    bar_x = LABEL_WIDTH if compact else 0
    room = width - bar_x - (110 if compact else 60)  # room after the bar for its words
    bars = []
    for index, row in enumerate(rows):
        value = row["shown"].value
        y = index * row_height
        length = 0 if value is None else round(room * value / top, 1)
        bars.append(
            {
                "label": row["label"],
                "text": row["shown"].text + (f" {unit}" if unit else ""),
                "label_y": y + (18 if compact else 14),
                "bar_x": bar_x,
                "bar_y": y + (3 if compact else 20),
                "length": length,
                "value_x": bar_x + length + 6,
                "value_y": y + (18 if compact else 36),
            }
        )
    summary = "; ".join(f"{b['label']}: {b['text']}" for b in bars)
    return {
        "title": title,
        "desc": summary or "No figures to show.",
        "width": width,
        "height": max(len(bars) * row_height, ROW),
        "bars": bars,
        "colour": BAR,
    }
