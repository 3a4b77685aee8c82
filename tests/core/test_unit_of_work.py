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
