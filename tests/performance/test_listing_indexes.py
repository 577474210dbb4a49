"""Listings stay fast as data grows only if their sort and filter columns are indexed
(issue 11): checked in the real database schema, on SQLite and PostgreSQL alike."""

import pytest
from django.db import connection

from home.models import NewsPage
from members.models import ExpressionOfInterest, OpportunityPage
from networks.models import CoChairUpdate, NetworkMembership

# (model, column) pairs a listing sorts or filters on; each must lead some index.
LISTING_COLUMNS = [
    (NewsPage, "date"),  # news index and home page: newest first
    (OpportunityPage, "closes_at"),  # opportunities listing: closing soonest first
    (ExpressionOfInterest, "opportunity_id"),  # places taken per opportunity
    (NetworkMembership, "network_id"),  # member counts
    (CoChairUpdate, "network_id"),  # a network's updates
]


def leading_index_columns(model):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, model._meta.db_table
        )
    return {
        details["columns"][0]
        for details in constraints.values()
        if (details["index"] or details["unique"] or details["primary_key"])
        and details["columns"]
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model,column",
    LISTING_COLUMNS,
    ids=[f"{m.__name__}.{c}" for m, c in LISTING_COLUMNS],
)
def test_listing_sort_and_filter_columns_are_indexed(model, column):
    assert column in leading_index_columns(model), (
        f"{model.__name__}.{column} is used to sort or filter a listing but no index "
        "starts with it"
    )
