"""Templates are compiled once per process, not on every request (issue 18): with no
`loaders` set, Django wraps the file loaders in its cached loader whenever DEBUG is off.
Production's own check is in tests/website/test_settings.py."""

from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader


def test_templates_are_compiled_once_per_process():
    engine = engines["django"].engine
    assert [type(loader) for loader in engine.template_loaders] == [CachedLoader]
