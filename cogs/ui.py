"""The Discord pieces cogs share, from their homes in bot/: replies and pages (bot/discord_views.py)
and the alert buttons (bot/alerts/buttons.py)."""

from __future__ import annotations

from bot.alerts.buttons import TimelineButton as TimelineButton
from bot.alerts.buttons import UnfollowButton as UnfollowButton
from bot.alerts.buttons import alert_buttons as alert_buttons
from bot.alerts.buttons import marker_of as marker_of
from bot.discord_views import NO_PINGS as NO_PINGS
from bot.discord_views import Paginator as Paginator
from bot.discord_views import app_of as app_of
from bot.discord_views import embeds as embeds
from bot.discord_views import reply_error as reply_error
from bot.discord_views import send_pages as send_pages
