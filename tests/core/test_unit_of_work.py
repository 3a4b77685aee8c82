import pytest
from sqlalchemy import select

from pos.core.models import Operator
from tests.conftest import uow_of
from tests.support.statements import driver_statements


def _logins(database):
    with uow_of(database) as uow:
        return uow.session.scalars(select(Operator.login)).all()


def test_rolls_back_uncommitted_work_by_default(database):
    with uow_of(database) as uow:
        uow.session.add(Operator(login="GHOST"))
        uow.session.flush()
    assert "GHOST" not in _logins(database)


def test_rolls_back_on_error(database):
    with pytest.raises(RuntimeError), uow_of(database) as uow:
        uow.session.add(Operator(login="GHOST"))
        uow.session.flush()
        raise RuntimeError("crash in mid-settlement")
    assert "GHOST" not in _logins(database)


def test_commit_keeps_work(database):
    with uow_of(database) as uow:
        uow.session.add(Operator(login="REAL"))
        uow.commit()
    assert "REAL" in _logins(database)


def test_a_statement_outside_the_orm_is_rolled_back_too(database):
    from sqlalchemy import update

    with uow_of(database) as uow:
        uow.session.add(Operator(login="BEFORE"))
        uow.commit()
    with uow_of(database) as uow:
        uow.session.execute(update(Operator).values(name="CHANGED"))
    with uow_of(database) as uow:
        names = uow.session.scalars(select(Operator.name)).all()
    assert "CHANGED" not in names


def test_work_after_a_commit_is_rolled_back(database):
    with uow_of(database) as uow:
        uow.session.add(Operator(login="FIRST"))
        uow.commit()
        uow.session.add(Operator(login="SECOND"))
        uow.session.flush()
    assert "FIRST" in _logins(database) and "SECOND" not in _logins(database)


def test_a_scan_reads_with_one_statement_and_no_session(demo, clock):
    """The hot read path: the scan's SELECT and nothing else reaches the database (no ORM
    session, no BEGIN on SQLite: one SELECT is its own snapshot), and it leaves no
    transaction open; a write still gets its transaction."""
    from sqlalchemy import event

    from pos.core.basket import CancellationBasket
    from pos.core.services.scanning import take_ticket

    used: list[object] = []

    def checkout(dbapi, *_args) -> None:
        used.append(dbapi)

    event.listen(demo.engine, "checkout", checkout)
    with driver_statements(demo, transactions=True) as seen:
        with uow_of(demo) as uow:
            basket = CancellationBasket()
            take_ticket(uow, basket, "01010002748", clock)
            assert uow._session is None  # no ORM session was opened for it
        scan = [s.split()[0].upper() for s in seen]
        left = None if demo.dialect == "sqlite" else used[0].info.transaction_status
        seen.clear()
        with uow_of(demo) as uow:
            uow.begin_write()
            uow.session.add(Operator(login="AFTER"))
            uow.commit()
    event.remove(demo.engine, "checkout", checkout)
    assert [t.number for t in basket.tickets] == ["01010002748"]
    assert basket.tickets[0].starts_at.tzinfo is not None  # the column types applied
    assert scan == ["SELECT"] if demo.dialect == "sqlite" else scan[:1] == ["SELECT"]
    if demo.dialect == "sqlite":
        assert seen[0].split()[:2] == ["BEGIN", "IMMEDIATE"]  # db._sqlite_begin
    else:
        from psycopg.pq import TransactionStatus

        assert left is TransactionStatus.IDLE  # committed: psycopg keeps its plans


def test_a_core_write_on_the_connection_is_rolled_back_without_commit(database):
    """UnitOfWork.execute writes out of the ORM's sight: leaving without commit() must
    still roll it back (a read-only unit of work ends with COMMIT)."""
    from sqlalchemy import insert

    statement = insert(Operator.__table__)
    with uow_of(database) as uow:
        uow.begin_write()
        uow.execute(statement, {"login": "CORE", "name": "Core"})
    assert "CORE" not in _logins(database)
    with uow_of(database) as uow:
        uow.begin_write()
        uow.execute(statement, {"login": "CORE", "name": "Core"})
        uow.commit()
    assert "CORE" in _logins(database)
