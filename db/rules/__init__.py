"""The counting rules (统计口径) and the vocabulary of the ledger, each stated once."""
