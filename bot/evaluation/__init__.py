"""Tools that measure the extractor; nothing here is imported by the bot itself."""
