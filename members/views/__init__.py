"""Member-facing views, one module per feature (portal, opportunities, …)."""
