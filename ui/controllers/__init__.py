"""The main window's controllers: files, transfers, projects, reports."""
