"""Coaching's own expense claims move into the one payments ledger, nothing lost: each
becomes a claim for its session with a fee line (the session payment) and an expense line,
at the same stage (a claim that was not approved comes back as returned, saying so), within
its pairing's expenses limit, and its history moves with it. Then the old table goes.
Going back rebuilds the old claims from the ledger's coaching claims that had been sent.
(The cap's column came first, in 0028: PostgreSQL cannot alter a table in the transaction
that changed its rows.)"""

from django.db import migrations
from django.utils import timezone

SOURCE = "coaching-session:"
INTO_LEDGER = {"submitted": "submitted", "approved": "approved", "paid": "paid", "rejected": "returned"}
OUT_OF_LEDGER = {"submitted": "submitted", "approved": "approved", "paid": "paid", "returned": "rejected"}
NOT_APPROVED = "Not approved (decided before claims moved to My payments)."


def _types(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old, _ = ContentType.objects.get_or_create(app_label="members", model="expenseclaim")
    new, _ = ContentType.objects.get_or_create(app_label="members", model="claim")
    return old, new


def _move_history(Activity, from_type, from_id, to_type, to_id, states):
    rows = Activity.objects.filter(content_type=from_type, object_id=from_id)
    for row in rows:
        row.content_type = to_type
        row.object_id = to_id
        row.from_state = states.get(row.from_state, row.from_state)
        row.to_state = states.get(row.to_state, row.to_state)
        row.save(update_fields=["content_type", "object_id", "from_state", "to_state"])


def into_ledger(apps, schema_editor):
    ExpenseClaim = apps.get_model("members", "ExpenseClaim")
    Claim = apps.get_model("members", "Claim")
    ClaimLine = apps.get_model("members", "ClaimLine")
    Activity = apps.get_model("website", "Activity")
    old_type, new_type = _types(apps)
    for old in ExpenseClaim.objects.select_related("session", "pairing").order_by("pk"):
        session = old.session
        status = INTO_LEDGER[old.status]
        claim = Claim.objects.create(
            person_id=old.partner_id,
            involvement="coaching_session",
            source=f"{SOURCE}{session.pk}",
            title=f"Coaching session on {session.date.day} {session.date:%B %Y}",
            happened_on=session.date,
            logged_by_id=session.recorded_by_id,
            pay_as="fee_and_expenses",
            status=status,
            created_at=old.submitted_at,
            submitted_at=old.submitted_at,
            approved_at=old.decided_at if status in ("approved", "paid") else None,
            approved_by_id=old.decided_by_id if status in ("approved", "paid") else None,
            paid_on=timezone.localdate(old.paid_at) if old.paid_at else None,
            returned_reason=NOT_APPROVED if status == "returned" else "",
            expenses_cap=old.pairing.expenses_limit,
        )
        if old.payment:
            ClaimLine.objects.create(
                claim=claim,
                kind="fee",
                amount=old.payment,
                description="The session payment set for the pairing",
                added_at=old.submitted_at,
            )
        if old.expenses:
            ClaimLine.objects.create(
                claim=claim,
                kind="expense",
                amount=old.expenses,
                description=(old.expenses_description or "Expenses for the session")[:300],
                added_at=old.submitted_at,
            )
        _move_history(Activity, old_type, old.pk, new_type, claim.pk, INTO_LEDGER)


def out_of_ledger(apps, schema_editor):
    ExpenseClaim = apps.get_model("members", "ExpenseClaim")
    Claim = apps.get_model("members", "Claim")
    PairingSession = apps.get_model("members", "PairingSession")
    Activity = apps.get_model("website", "Activity")
    old_type, new_type = _types(apps)
    claims = Claim.objects.filter(
        source__startswith=SOURCE, status__in=list(OUT_OF_LEDGER), person__isnull=False
    )
    for claim in claims.order_by("pk"):
        session = PairingSession.objects.filter(pk=int(claim.source[len(SOURCE):])).first()
        if session is None:
            continue
        lines = list(claim.lines.all())
        fees = sum((line.amount for line in lines if line.kind == "fee"), 0)
        spent = [line for line in lines if line.kind == "expense"]
        old = ExpenseClaim.objects.create(
            pairing_id=session.pairing_id,
            session=session,
            partner_id=claim.person_id,
            payment=fees,
            expenses=sum((line.amount for line in spent), 0),
            expenses_description="; ".join(line.description for line in spent)[:500],
            status=OUT_OF_LEDGER[claim.status],
            submitted_at=claim.submitted_at or claim.created_at,
            decided_at=claim.approved_at,
            decided_by_id=claim.approved_by_id,
            paid_at=timezone.make_aware(
                timezone.datetime.combine(claim.paid_on, timezone.datetime.min.time())
            )
            if claim.paid_on
            else None,
        )
        _move_history(Activity, new_type, claim.pk, old_type, old.pk, OUT_OF_LEDGER)
        claim.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0028_claim_expenses_cap"),
        ("website", "0001_activity"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(into_ledger, out_of_ledger),
        migrations.DeleteModel(name="ExpenseClaim"),
    ]
