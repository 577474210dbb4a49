"""Involvement payments: one ledger of what people are owed for taking part, whatever the
kind of involvement (see ARCHITECTURE.md, "Involvement payments")."""
