"""Demo networks, built idempotently by `manage.py load_demo`."""


def load():
    """Networks arrive with the networks issue."""
