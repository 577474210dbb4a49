"""members.permissions: one module per feature (accounts, enquiries, opportunities, …)."""
