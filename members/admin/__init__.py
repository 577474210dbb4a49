"""members.admin: one module per feature (accounts, enquiries, opportunities, …)."""
