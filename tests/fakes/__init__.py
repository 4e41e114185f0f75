"""Test doubles for external services (currently: a loopback Discord)."""

from .fake_discord import FakeDiscord
from .fake_discord_model import FakeInteraction, FakeMessage, RequestRecord

__all__ = ["FakeDiscord", "FakeInteraction", "FakeMessage", "RequestRecord"]
