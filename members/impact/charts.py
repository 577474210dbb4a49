"""Small bar charts drawn on the server as SVG: no JavaScript, no front-end build.

A chart is geometry for `templates/members/impact/_chart.html`, which draws horizontal
bars (one a row, so long labels and a 360 px screen both fit) with a `<title>` and `<desc>`
and the same numbers in a table beside it. Hidden figures draw no bar and say "fewer
than 5". The bar colour is dark blue on white (contrast over 8:1); text is near-black.
"""

BAR = "#1d4f91"
ROW = 28
WIDTH = 360


def bar_chart(title, rows, *, unit=""):
    """`rows` are {"label", "shown"} with `shown` from members.impact.suppression; each
    label sits above its bar, so the bar can use the whole width."""
    values = [row["shown"].value for row in rows if row["shown"].value is not None]
    top = max(values + [1])
    bars = []
    for index, row in enumerate(rows):
        value = row["shown"].value
        y = index * ROW * 2
        length = 0 if value is None else round((WIDTH - 60) * value / top, 1)
        bars.append(
            {
                "label": row["label"],
                "text": row["shown"].text + (f" {unit}" if unit else ""),
                "label_y": y + 14,
                "bar_y": y + 20,
                "length": length,
                "value_x": length + 6,
                "value_y": y + 36,
            }
        )
    summary = "; ".join(f"{b['label']}: {b['text']}" for b in bars)
    return {
        "title": title,
        "desc": summary or "No figures to show.",
        "width": WIDTH,
        "height": max(len(bars) * ROW * 2, ROW),
        "bars": bars,
        "colour": BAR,
    }
