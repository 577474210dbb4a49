"""Moving the test database between schemas, for migration tests that write rows with the
models of an earlier release and run a migration forward and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to `targets`; the historical apps of that state, for writing old rows."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    """Back to today's schema, so later tests see the database they expect."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def schema_fixture(targets):
    """A fixture giving the historical apps at `targets`, back to today's schema after."""

    @pytest.fixture
    def old_schema():
        apps = migrate(targets)
        yield apps
        migrate_to_latest()

    return old_schema
