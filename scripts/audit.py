"""`make audit`: Lighthouse scores for the home page, an article, the enquiry page and the
opportunities listing, on mobile and desktop, against this machine's own server.

Lighthouse comes from npm (pinned in scripts/audit/package-lock.json, installed with
`npm ci`); the browser is Debian's Chromium (CHROME_PATH, /usr/bin/chromium by default),
never a downloaded one. The site runs under gunicorn with production settings on 127.0.0.1
with the demo content, like `make bench`. Prints a table and writes
bench-results/audit.json. Everything it starts, it stops.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import (  # noqa: E402
    PYTHON,
    RESULTS,
    ROOT,
    prepare,
    production_env,
    run,
    serving,
)

AUDIT_DIR = ROOT / "scripts" / "audit"
LIGHTHOUSE = AUDIT_DIR / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

PROBE = r"""
import json
import django
django.setup()
from home.models import NewsPage
article = NewsPage.objects.live().public().order_by("-date").first()
print(json.dumps([
    ("home", "/"),
    ("news article", article.url if article else "/news/"),
    ("enquiry page", "/enquire/"),
    ("opportunities", "/opportunities/"),
]))
"""


def lighthouse(url, form_factor, chrome, out):
    args = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]
    if form_factor == "desktop":
        args.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chrome}
    subprocess.run(args, env=env, check=True, timeout=240, capture_output=True)
    report = json.loads(Path(out).read_text())
    return {
        name: round((report["categories"][name]["score"] or 0) * 100)
        for name in CATEGORIES
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args()
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not Path(chrome).exists():
        sys.exit(
            f"No Chromium at {chrome}: apt-get install chromium (Debian's package)."
        )
    if not LIGHTHOUSE.exists():
        sys.exit(
            "Lighthouse is not installed: run `make audit` (it runs npm ci first)."
        )
    workdir = RESULTS / "audit"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    env = production_env(workdir, "audit")
    prepare(env)
    pages = json.loads(
        run([PYTHON, "-c", PROBE], env, capture_output=True, text=True)
        .stdout.strip()
        .splitlines()[-1]
    )
    rows = []
    with serving(env) as base:
        for name, path in pages:
            for form_factor in ("mobile", "desktop"):
                out = workdir / f"{name.replace(' ', '-')}-{form_factor}.json"
                print(f"Lighthouse: {name} ({form_factor}) …", flush=True)
                scores = lighthouse(base + path, form_factor, chrome, out)
                rows.append({"page": name, "path": path, "form": form_factor, **scores})

    (RESULTS / "audit.json").write_text(json.dumps(rows, indent=2))
    header = f"{'page':16} {'form':8} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}"
    print("\n" + header + "\n" + "-" * len(header))
    for row in rows:
        print(
            f"{row['page']:16} {row['form']:8} {row['performance']:5d} "
            f"{row['accessibility']:5d} {row['best-practices']:5d} {row['seo']:5d}"
        )
    print(f"\nWritten to {(RESULTS / 'audit.json').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
