"""Initial schema: documents, facts, issues, linked tables, decisions.

Revision ID: 0001
"""
from alembic import op

from liaison.store.schema import metadata

revision = "0001"
down_revision = None


def upgrade() -> None:
    # The first revision is the schema module itself; later revisions alter it step by step.
    metadata.create_all(op.get_bind())


def downgrade() -> None:
    metadata.drop_all(op.get_bind())
