"""members.services: one module per feature (accounts, enquiries, opportunities, …)."""
