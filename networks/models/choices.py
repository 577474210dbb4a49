"""Choices the network page and the rules about it share, in a module that imports nothing
of networks, so permissions and reading code can use them without loading the page models."""

from django.db import models


class JoinMode(models.TextChoices):
    OPEN = "open", "Open: members join at once"
    REQUEST = "request", "By request: a co-chair approves or declines"
    INVITATION = "invitation", "Invitation only"


class NetworkStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    SETTING_UP = "setting_up", "Being set up"
