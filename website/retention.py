"""Retention steps (security checklist DP-6): the app that owns a kind of record says when
it expires, so the core's ``purge_expired`` runs them without naming the apps above it.

A step is a named function ``step(now) -> int`` that deletes or anonymises what is due at
``now`` and returns how many records it changed. Its summary is the phrase that reports that
count in the command's one-line output. Steps run daily and must be idempotent: a second
run finds nothing left to do. Each step keeps its own writes consistent (one UPDATE, or its
own transaction), so one failing leaves the others' work in place for the next run::

    @retention.step("deleted {count} expired invitations", order=20)
    def purge_invitations(now):
        ...

Steps run, and are reported, by ``order`` (then by registration).
"""

from datetime import timedelta

from django.conf import settings
from wagtail import hooks

HOOK = "register_retention_step"


def step(summary, order=0):
    """Register the decorated ``step(now) -> int``; ``summary`` holds ``{count}``."""

    def register(function):
        function.retention_summary = summary
        hooks.register(HOOK, function, order=order)
        return function

    return register


def days(setting, default):
    """A retention period set in days in settings, with the default the data map states."""
    return timedelta(days=getattr(settings, setting, default))


def run_steps(now):
    """Run every registered step in order; the phrases reporting what each one did."""
    return [
        function.retention_summary.format(count=function(now))
        for function in hooks.get_hooks(HOOK)
    ]
