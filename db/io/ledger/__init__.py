"""The ledger spreadsheet (台账): its template, reading, checking, import and export."""
