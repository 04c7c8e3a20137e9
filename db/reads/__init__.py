"""Queries: the ledger table, the figures, and the data behind each report and screen."""
