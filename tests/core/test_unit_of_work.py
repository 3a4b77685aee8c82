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
