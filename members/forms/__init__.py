"""members.forms: one module per feature (accounts, enquiries, opportunities, …)."""
