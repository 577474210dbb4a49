"""`make fault-disk` (RL-8, UP-5): the media disk fills up while an editor uploads.

MEDIA_ROOT is a small tmpfs mounted by the drill (root is needed; if mounting is refused the
drill falls back to a storage that raises ENOSPC, and says so). The drill fills it, then an
editor uploads an image and a document through the Wagtail admin (Django's test Client in a
separate process with the real production settings). Passes when each upload gets a clear
form error, no row is created, gunicorn still serves pages and stored images, and the same
uploads succeed once space is freed.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess

from scripts.drills.common import (
    PYTHON,
    ROOT,
    drill_env,
    log,
    prepare_site,
    run_drill,
    workdir_for,
)
from scripts.drills.servers import Gunicorn
from scripts.drills.web import Browser, leaks_traceback

WARM_PAGES = ["/", "/enquire/", "/networks/", "/opportunities/"]
COLD_PAGE = "/news/"

UPLOAD = r"""
import errno, io, json, os, sys
import django
django.setup()
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from members.models import User

if os.environ.get("DRILL_FAKE_ENOSPC") == "1":
    def refuse(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")
    FileSystemStorage._save = refuse

client = Client(HTTP_HOST="127.0.0.1")
client.force_login(User.objects.get(email="editor@example.org"))
root = Collection.get_first_root_node().pk
buffer = io.BytesIO()
PILImage.new("RGB", (600, 400), "#005ea5").save(buffer, "PNG")
image_bytes = buffer.getvalue()
document_bytes = b"%PDF-1.4\n" + os.urandom(300_000)
Document, Image = get_document_model(), get_image_model()
before = {"documents": Document.objects.count(), "images": Image.objects.count()}
results = {}
for kind, url, upload in [
    ("document", reverse("wagtaildocs:add"),
     SimpleUploadedFile("drill-report.pdf", document_bytes, "application/pdf")),
    ("image", reverse("wagtailimages:add"),
     SimpleUploadedFile("drill-photo.png", image_bytes, "image/png")),
]:
    response = client.post(url, {"title": f"Drill {kind}", "collection": root, "file": upload})
    body = response.content.decode("utf-8", "replace")
    results[kind] = {
        "status": response.status_code,
        "form_error": "file storage for this site is full or unavailable" in body,
        "traceback": "Traceback (most recent call last)" in body,
    }
after = {"documents": Document.objects.count(), "images": Image.objects.count()}
missing = [d.pk for d in Document.objects.all() if not d.file.storage.exists(d.file.name)]
missing += [i.pk for i in Image.objects.all() if not i.file.storage.exists(i.file.name)]
from pathlib import Path
from django.conf import settings
leftovers = sorted(
    f"{path.relative_to(settings.MEDIA_ROOT)} ({path.stat().st_size} bytes)"
    for folder in ("documents", "original_images")
    for path in (Path(settings.MEDIA_ROOT) / folder).glob("drill-*")
)
print(json.dumps({"results": results, "before": before, "after": after,
                  "rows_without_file": missing, "files": leftovers}))
"""


def upload(env, fake_enospc):
    result = subprocess.run(
        [PYTHON, "-c", UPLOAD],
        cwd=ROOT,
        env={**env, "DRILL_FAKE_ENOSPC": "1" if fake_enospc else "0"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    if result.returncode != 0:
        raise RuntimeError(f"upload client failed: {result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def directory_bytes(path):
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def fill(path):
    """Write until the filesystem says ENOSPC; returns the filler file."""
    filler = path / "filler.bin"
    block = b"\0" * 65536
    with contextlib.suppress(OSError), filler.open("wb") as handle:
        while True:
            handle.write(block)
            handle.flush()
    return filler


def body(options):
    def drill(summary, stack):
        workdir = workdir_for("fault-disk")
        env = drill_env(workdir, f"sqlite:///{workdir / 'drill.sqlite3'}")
        prepare_site(env)
        demo_media = workdir / "media"
        mount_point = workdir / "media-tmpfs"
        mount_point.mkdir()
        size_kb = directory_bytes(demo_media) // 1024 + options.free_kb
        mounted = (
            subprocess.run(
                [
                    "mount",
                    "-t",
                    "tmpfs",
                    "-o",
                    f"size={size_kb}k,mode=0755",
                    "tmpfs",
                    str(mount_point),
                ],
                capture_output=True,
            ).returncode
            == 0
            if os.geteuid() == 0 and not options.no_mount
            else False
        )
        if mounted:
            stack.callback(
                subprocess.run, ["umount", str(mount_point)], check=False
            )  # runs last
            shutil.copytree(demo_media, mount_point, dirs_exist_ok=True)
            env["MEDIA_ROOT"] = str(mount_point)
            log(f"tmpfs of {size_kb} KB mounted as MEDIA_ROOT")
        else:
            env["MEDIA_ROOT"] = str(demo_media)
            log("No tmpfs (mount refused, or --no-mount): a storage that raises ENOSPC")
        summary.fact(
            "full storage", "tmpfs" if mounted else "ENOSPC storage (fallback)"
        )

        server = Gunicorn(env, workdir, workers=2)
        stack.callback(server.stop)
        visitor = Browser(server.base)
        # Pages visited before the disk fills have their image renditions stored already, as
        # a live site's pages do; /news/ is left unvisited to see what a page needing a new
        # rendition does on a full disk.
        warm = {path: visitor.get(path) for path in WARM_PAGES}
        stored = re.search(r'(/media/images/[^"\s]+)', warm["/"].body)

        filler = fill(mount_point) if mounted else None
        if mounted:
            free = shutil.disk_usage(mount_point).free
            summary.fact("free bytes after filling", free)
        log("Uploading an image and a document as an editor on the full storage …")
        full = upload(env, fake_enospc=not mounted)
        for kind in ("document", "image"):
            result = full["results"][kind]
            summary.check(
                f"{kind} upload on full storage: a clear form error, not a 500",
                result["status"] == 200
                and result["form_error"]
                and not result["traceback"],
                f"{result}",
            )
        summary.check(
            "no orphan rows after the failed uploads",
            full["after"] == full["before"] and not full["rows_without_file"],
            f"before {full['before']}, after {full['after']}, "
            f"rows without a file {full['rows_without_file']}",
        )
        summary.fact(
            "files left on the full disk by the failed uploads (no row points at them)",
            full["files"] or "none",
        )
        pages = {path: visitor.get(path).status for path in WARM_PAGES}
        image_status = visitor.get(stored.group(1)).status if stored else None
        summary.check(
            "pages and already stored images still serve while the disk is full",
            all(s == 200 for s in pages.values()) and image_status == 200,
            f"{pages}, stored image {image_status}",
        )
        cold = visitor.get(COLD_PAGE)
        summary.fact(
            f"known gap: {COLD_PAGE} needing new image renditions on the full disk",
            f"HTTP {cold.status}"
            + (", traceback shown" if leaks_traceback(cold.body) else ", no traceback"),
        )
        summary.check(
            "a page needing new renditions on the full disk shows no traceback",
            not leaks_traceback(cold.body),
            f"HTTP {cold.status}",
        )
        if filler:
            filler.unlink()
        log("Space freed; uploading again …")
        retry = upload(env, fake_enospc=False)
        summary.check(
            "after freeing space the same uploads succeed",
            all(r["status"] == 302 for r in retry["results"].values())
            and retry["after"]["documents"] == retry["before"]["documents"] + 1
            and retry["after"]["images"] == retry["before"]["images"] + 1
            and not retry["rows_without_file"],
            f"{retry['results']}, rows {retry['before']} → {retry['after']}",
        )
        server.stop()

    return drill


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--free-kb",
        type=int,
        default=2048,
        help="room on the tmpfs above the demo media",
    )
    parser.add_argument(
        "--no-mount",
        action="store_true",
        help="skip the tmpfs and use the ENOSPC storage fallback (as without root)",
    )
    run_drill("fault-disk", body(parser.parse_args()))


if __name__ == "__main__":
    main()
