-- When a delivery last went out: a row still 'sending' at start-up may already be in its channel,
-- and past Discord's nonce window only the channel's history can tell (bot/alerts/deliver.py).
ALTER TABLE outbox ADD COLUMN sending_at TEXT
