"""Authentication: OAuth 2.0 client credentials (token lifecycle, stores), API keys, HTTP basic
and bearer tokens."""
