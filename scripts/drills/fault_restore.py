"""`make fault-restore` (RL-11): back up, restore into a fresh cluster, prove it works, time it.

1. A PostgreSQL cluster on 127.0.0.1 gets the demo data (pages, images, members, enquiries).
2. Backup: `pg_dump --format=custom` plus a tarball of MEDIA_ROOT.
3. Restore: a second, brand-new cluster; `pg_restore`; the tarball unpacked into a new
   MEDIA_ROOT.
4. Smoke checks against gunicorn on the restored copy: public pages and a stored image serve,
   a member signs in and sees the dashboard, and row counts (enquiries, users, pages,
   images, documents) match the original.
5. The time from "start restoring" to "smoke checks passed" is printed as the restore time.
"""

import argparse
import re
import tarfile
import time

from scripts.drills.common import (
    django_json,
    drill_env,
    log,
    prepare_site,
    run_drill,
    stop_process,
    workdir_for,
)
from scripts.drills.servers import Gunicorn, PostgresCluster
from scripts.drills.web import Browser

COUNTS = """
from django.apps import apps
names = ["members.Enquiry", "members.User", "wagtailcore.Page", "wagtailimages.Image",
         "wagtaildocs.Document", "post_office.Email"]
counts = {}
for name in names:
    try:
        counts[name] = apps.get_model(name).objects.count()
    except LookupError:
        pass
print(json.dumps(counts))
"""

PAGES = ["/", "/news/", "/networks/", "/opportunities/", "/enquire/"]


def body(options):
    def drill(summary, stack):
        workdir = workdir_for("fault-restore")
        log("Creating the original cluster and loading the demo data …")
        original = PostgresCluster("restore-src")
        stack.callback(original.drop)
        env = drill_env(workdir, original.url)
        prepare_site(env, cluster=original)
        before = django_json(env, COUNTS)
        summary.fact("rows in the original", before)

        log("Backing up: pg_dump plus a media tarball …")
        backup_started = time.monotonic()
        dump = workdir / "voices.dump"
        original.dump(dump)
        media_tar = workdir / "media.tar.gz"
        with tarfile.open(media_tar, "w:gz") as tar:
            tar.add(workdir / "media", arcname="media")
        backup_seconds = time.monotonic() - backup_started
        summary.fact("backup seconds", round(backup_seconds, 1))
        summary.fact(
            "backup size KB",
            {
                "database": dump.stat().st_size // 1024,
                "media": media_tar.stat().st_size // 1024,
            },
        )
        original.drop()  # the original is gone: only the backup is left

        log("Restoring into a fresh cluster …")
        restore_started = time.monotonic()
        fresh = PostgresCluster("restore-dst")
        stack.callback(fresh.drop)
        fresh.restore(dump)
        restored_media = workdir / "restored"
        restored_media.mkdir()
        with tarfile.open(media_tar) as tar:
            tar.extractall(restored_media, filter="data")
        restored_env = drill_env(
            workdir, fresh.url, MEDIA_ROOT=restored_media / "media"
        )
        restored_env["STATIC_ROOT"] = env["STATIC_ROOT"]
        server = Gunicorn(restored_env, workdir, workers=2, name="restored")
        stack.callback(server.stop)

        visitor = Browser(server.base)
        statuses = {path: visitor.get(path).status for path in PAGES}
        summary.check(
            "public pages serve from the restored copy",
            all(status == 200 for status in statuses.values()),
            f"{statuses}",
        )
        home = visitor.get("/").body
        image = re.search(r'(/media/images/[^"\s]+)', home)
        image_status = visitor.get(image.group(1)).status if image else None
        summary.check(
            "a stored image serves from the restored media",
            image_status == 200,
            f"{image.group(1) if image else 'no image on the home page'} → {image_status}",
        )
        member = Browser(server.base)
        signed_in = member.sign_in("member@example.org")
        dashboard = member.get("/portal/")
        summary.check(
            "a member signs in and sees the dashboard",
            signed_in.status == 302 and dashboard.status == 200,
            f"sign-in {signed_in.status}, dashboard {dashboard.status}",
        )
        after = django_json(restored_env, COUNTS)
        summary.check(
            "row counts match the original (enquiries, users, pages, images, documents, outbox)",
            after == before,
            f"{after}",
        )
        restore_seconds = time.monotonic() - restore_started
        summary.fact(
            "restore seconds (fresh cluster to smoke checks passed)",
            round(restore_seconds, 1),
        )
        summary.check(
            f"restore finished within {options.budget}s",
            restore_seconds <= options.budget,
            f"{restore_seconds:.1f}s",
        )
        stop_process(server.process)

    return drill


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--budget", type=int, default=120, help="restore time budget, seconds"
    )
    run_drill("fault-restore", body(parser.parse_args()))


if __name__ == "__main__":
    main()
