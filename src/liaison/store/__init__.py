"""The store: SQLAlchemy Core schema, migrations and repository functions."""
from liaison.store.db import Store, connect

__all__ = ["Store", "connect"]
