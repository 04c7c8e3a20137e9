"""The file itself: models, opening and checking a file, migrations, the lock, settings."""
