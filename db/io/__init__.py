"""Formats that cross the file's border: ledgers in and out, the example data."""
