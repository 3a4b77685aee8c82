import pytest
from sqlalchemy import select

from pos.core.models import Operator
from tests.conftest import uow_of


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
    """The hot read path: the scan's SELECT and nothing else (no ORM session, and on
    SQLite no BEGIN: one SELECT is its own snapshot); a write still gets its
    transaction."""
    from sqlalchemy import event

    from pos.core.basket import CancellationBasket
    from pos.core.services.scanning import take_ticket

    seen: list[str] = []

    def note(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement.split()[0].upper())

    event.listen(demo.engine, "before_cursor_execute", note)
    try:
        with uow_of(demo) as uow:
            take_ticket(uow, CancellationBasket(), "01010002748", clock)
            assert uow._session is None  # no ORM session was opened for it
        scan = list(seen)
        seen.clear()
        with uow_of(demo) as uow:
            uow.begin_write()
            uow.session.add(Operator(login="AFTER"))
            uow.commit()
    finally:
        event.remove(demo.engine, "before_cursor_execute", note)
    assert scan == ["SELECT"]
    if demo.dialect == "sqlite":
        assert seen[0] == "BEGIN"  # BEGIN IMMEDIATE, emitted by db._sqlite_begin
