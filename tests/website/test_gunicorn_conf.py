"""gunicorn.conf.py freezes each worker's long-lived objects out of the garbage collector:
once the site is loaded, and once more after the warm-up requests."""

import gc
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


@pytest.fixture
def conf():
    gc.unfreeze()
    yield runpy.run_path(str(CONF))
    gc.unfreeze()  # the test process goes on collecting everything


def test_a_worker_freezes_what_it_loaded(conf):
    worker = SimpleNamespace()
    conf["post_worker_init"](worker)
    assert gc.get_freeze_count() > 0
    assert worker.voices_requests == 0


def test_a_worker_freezes_again_after_its_warm_up_requests_only(conf):
    worker = SimpleNamespace(voices_requests=0)
    settle = conf["SETTLE_AFTER_REQUESTS"]
    for _ in range(settle - 1):
        conf["post_request"](worker, None, {}, None)
    assert gc.get_freeze_count() == 0
    conf["post_request"](worker, None, {}, None)
    frozen = gc.get_freeze_count()
    assert frozen > 0
    gc.unfreeze()
    conf["post_request"](worker, None, {}, None)  # later requests leave it alone
    assert gc.get_freeze_count() == 0


def test_gunicorn_reads_this_file_from_the_working_directory():
    from gunicorn.config import Config

    assert Config().settings["config"].default == "./gunicorn.conf.py"
