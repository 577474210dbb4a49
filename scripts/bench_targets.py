"""The performance targets `make bench` checks (issue 18), as fractions of the static
file's throughput measured in the same run, never figures from another run or machine."""

# Issue 18's targets, as fractions of the static file's throughput in the same run.
UNCACHED_TARGETS = {"home": 0.07}
UNCACHED_TARGET = 0.05  # every other page, anonymous or signed in
CACHED_TARGET = 0.80
PUBLIC_P99_MS = 50  # uncached public pages at 4 connections
PUBLISH_P95_MS = 300


def targets_missed(rows, publish):
    """Each target this run missed, in words (empty when every one is met)."""
    missed = []
    for row in rows:
        if row["name"] == "static CSS":
            continue
        target = UNCACHED_TARGETS.get(row["name"], UNCACHED_TARGET)
        if row["fraction_of_static"] < target:
            missed.append(f"{row['name']}: {row['fraction_of_static']:.3f} < {target}")
        cached = row.get("cached_fraction_of_static")
        public = cached is not None  # measured anonymous, with the cache on and off
        if public and (row.get("p99_ms") or 0) >= PUBLIC_P99_MS:
            missed.append(f"{row['name']} p99 {row['p99_ms']} ms >= {PUBLIC_P99_MS} ms")
        # The enquiry page is never kept (its form sets a CSRF cookie).
        if (
            cached is not None
            and row["name"] != "enquiry page"
            and cached < CACHED_TARGET
        ):
            missed.append(f"{row['name']} cached: {cached:.3f} < {CACHED_TARGET}")
    if publish and publish["p95_ms"] >= PUBLISH_P95_MS:
        missed.append(f"publish p95 {publish['p95_ms']} ms >= {PUBLISH_P95_MS} ms")
    return missed


def print_targets(report):
    """The publish timing (with --volume) and each target missed, under the table."""
    publish = report.get("publish")
    if publish:
        print(
            f"\nPublishing from the admin ({publish['publishes']} times, 2,000 articles): "
            f"median {publish['median_ms']} ms, p95 {publish['p95_ms']} ms, "
            f"{publish['tasks_queued']} background tasks queued"
        )
    print(
        "\nTargets (issue 18): " + ("all met" if not report["targets_missed"] else "")
    )
    for line in report["targets_missed"]:
        print(f"  missed: {line}")
