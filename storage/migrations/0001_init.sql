-- The foundation schema: feeds and their fetch state, items, people, claims, stories, follows, outbox.

CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    name TEXT,
    interval_seconds INTEGER,
    origin TEXT NOT NULL DEFAULT 'config',          -- config | discord | cli
    added_by TEXT,
    guild_id INTEGER,
    etag TEXT,
    last_modified TEXT,
    body_hash TEXT,
    first_fetch_done INTEGER NOT NULL DEFAULT 0,
    last_fetch_at TEXT,
    last_success_at TEXT,
    last_error TEXT,
    last_error_at TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    next_fetch_at TEXT,
    paused INTEGER NOT NULL DEFAULT 0,
    paused_reason TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    guid TEXT,
    link TEXT,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    published TEXT,
    fetched_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    UNIQUE (feed_id, key)
);
CREATE INDEX items_fetched ON items (fetched_at);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT,
    club TEXT,
    placeholder INTEGER NOT NULL DEFAULT 0,          -- followed by name before any claim named them
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE entity_aliases (
    alias TEXT NOT NULL,                              -- folded: accents and case removed
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                               -- full | surname
    PRIMARY KEY (alias, entity_id)
);
CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id);

CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    track TEXT NOT NULL,                              -- deal | loan | contract_extension | departure | denial
    counterpart TEXT,
    counterpart_key TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,                               -- the kind of its latest development
    rung INTEGER NOT NULL,
    best_tier_rank INTEGER NOT NULL,
    first_seen_at TEXT NOT NULL,
    last_report_at TEXT NOT NULL,
    rung_reached_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX stories_lookup ON stories (entity_id, track, counterpart_key, last_report_at);
CREATE INDEX stories_timeline ON stories (entity_id, first_seen_at);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,
    subject TEXT NOT NULL,
    subject_key TEXT NOT NULL,
    role TEXT NOT NULL,
    kind TEXT NOT NULL,
    counterpart TEXT,
    counterpart_key TEXT NOT NULL DEFAULT '',
    from_club TEXT,
    source TEXT,
    source_tier TEXT,
    outlet TEXT,
    published TEXT,
    evidence TEXT NOT NULL,
    link TEXT,
    title TEXT,
    ambiguous INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (item_id, subject_key, kind, counterpart_key)
);
CREATE INDEX claims_story ON claims (story_id, published);
CREATE INDEX claims_entity ON claims (entity_id, published);

CREATE TABLE story_events (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,                             -- new | climb | denial | confirmation | rejected
    created_at TEXT NOT NULL
);
CREATE INDEX story_events_story ON story_events (story_id);
CREATE INDEX story_events_created ON story_events (created_at);

CREATE TABLE follows (
    id INTEGER PRIMARY KEY,
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    paused INTEGER NOT NULL DEFAULT 0,
    paused_reason TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (guild_id, channel_id, entity_id)
);
CREATE INDEX follows_entity ON follows (entity_id);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES story_events(id) ON DELETE CASCADE,
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',            -- pending | sending | sent | failed
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    nonce TEXT NOT NULL,
    message_id TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    UNIQUE (event_id, channel_id)
);
CREATE INDEX outbox_pending ON outbox (state, next_attempt_at);
