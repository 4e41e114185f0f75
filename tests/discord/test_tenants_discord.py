"""Two servers on the loopback Discord, the real bot: what a second server's admin sees and can do
with the first server's feeds, follows, followed-by-name people and settings (nothing)."""

from __future__ import annotations

from storage import feeds as feed_store
from tests.helpers import A_ADMIN, A_CHAN, B_ADMIN, B_CHAN, A, B, Two

SECRET = "https://feeds.example.org/a-only.xml?token=s3cret"


async def test_feeds_list_remove_resume_stay_within_a_server(two: Two) -> None:
    added = await two.slash(A, "feeds", {"url": SECRET, "name": "A wire"}, sub="add")
    assert added["text"].startswith("Added feed #")
    feed = await feed_store.by_url(two.app.db, SECRET)
    assert feed is not None
    feed_id = feed.id
    await feed_store.set_paused(two.app.db, feed_id, True, "paused after 40 failed fetches")

    mine = await two.slash(A, "feeds", sub="list")
    assert "s3cret" in mine["text"] and "A wire" in mine["text"] and "operator-only" not in mine["text"]
    theirs = await two.slash(B, "feeds", sub="list")
    assert theirs["ephemeral"] and "s3cret" not in theirs["text"] and "A wire" not in theirs["text"]
    assert "operator-only" not in theirs["text"] and "This server has added no feeds yet" in theirs["text"]

    for ref in (str(feed_id), SECRET):
        refused = await two.slash(B, "feeds", {"feed": ref}, sub="remove")
        assert refused["ephemeral"] and "on this server's list" in refused["text"]
        refused = await two.slash(B, "feeds", {"feed": ref}, sub="resume")
        assert refused["ephemeral"] and "on this server's list" in refused["text"]
    row = await feed_store.by_id(two.app.db, feed_id)
    assert row is not None and row.paused == 1

    [config] = [r for r in await feed_store.list_with_health(two.app.db) if r.origin == "config"]
    refused = await two.slash(A, "feeds", {"feed": str(config.id)}, sub="remove")
    assert "on this server's list" in refused["text"]
    assert await feed_store.by_id(two.app.db, config.id) is not None


async def test_follows_and_names_typed_in_one_server_stay_there(two: Two) -> None:
    followed = await two.slash(A, "follow", {"name": "Zorbo Quill"})
    assert followed["text"].startswith("Following Zorbo Quill. I have not seen them in the news yet")
    mine = await two.fake.inject_autocomplete(A, A_CHAN, A_ADMIN, "follow", {"name": "zorb"})
    assert [c["value"] for c in mine] == ["Zorbo Quill"]
    theirs = await two.fake.inject_autocomplete(B, B_CHAN, B_ADMIN, "follow", {"name": "zorb"})
    assert theirs == []
    following = await two.slash(B, "following")
    assert "Zorbo" not in following["text"] and "Nobody is followed here yet" in following["text"]
    refused = await two.slash(B, "unfollow", {"name": "Zorbo Quill"})
    assert refused["ephemeral"] and "does not follow anyone" in refused["text"]
    assert (await two.app.db.fetchone("SELECT count(*) FROM follows"))[0] == 1


async def test_settings_and_latest_are_per_server(two: Two) -> None:
    await two.slash(A, "alerts", {"kinds": "bid", "digest": True}, sub="settings")
    theirs = await two.slash(B, "alerts", sub="settings")
    assert theirs["text"] == "Alerts: instant alerts; minimum source tier: any; kinds: all; notices channel: not set."
    await two.slash(A, "follow", {"name": "Zorbo Quill"})
    latest = await two.slash(B, "latest")
    assert "No developments yet" in latest["text"]
