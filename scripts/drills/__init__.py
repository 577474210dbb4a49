"""Reliability drills: `make fault-smtp`, `fault-db`, `fault-disk`, `fault-restore`, `fault-two-servers`."""
