"""Network business logic, one module per concern: membership (joining, leaving, join
requests, the directory), updates (co-chair updates and moderation), digests, meetings,
routed_enquiries, dashboard and member_data (export and erasure). What the public pages show
is in networks.reading, below the page models.

Views stay thin and call these. Each function validates, saves, then queues any email in
the same transaction, so a saved record always has its notification and vice versa.
Import from the concern's module; this package re-exports nothing.
"""
