"""Regulators' accounts: created, listed, disabled from the console (python -m bot.accounts), and the password
sign-in, slowed after repeated failures and then locked for a while.

Each attempt is counted as a failure before the password is checked (a conditional UPDATE), and the count is reset
when it was right: attempts sent all at once cannot slip between a check of the count and its increment."""
from __future__ import annotations

import secrets
from contextlib import suppress
from datetime import datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.agenda.models import Account
from bot.auth.conversations import LOGIN
from bot.auth.tokens import REGULATOR, ROLES

# Argon2id with OWASP's profile (19 MiB, 2 passes, 1 lane): a sign-in answers in a fraction of a second on a small
# server of two cores, where argon2-cffi's defaults (64 MiB, 3 passes, 4 lanes) take a second.
PASSWORDS = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_PASSWORD_CHARS = 12
SLOW_AFTER = 3  # failures in a row; then each attempt waits SLOW_STEP, doubled at each further failure
SLOW_STEP = timedelta(seconds=5)
LOCK_AFTER = 5  # failures in a row lock the account for LOCK_FOR (and again at each failure after it)
LOCK_FOR = timedelta(minutes=15)
DEMO_LOGIN = "demo"


class AccountInvalid(ValueError):
    """What is wrong with an account being created, in French."""


class SignInRefused(Exception):
    pass


class BadCredentials(SignInRefused):
    """Unknown login, wrong password, disabled account, or one without a password: never said which.
    `login` is the account's when it exists and may act (for the audit trail), None otherwise."""

    def __init__(self, login: str | None = None):
        super().__init__(login)
        self.login = login


class TooManyAttempts(SignInRefused):
    def __init__(self, retry_after: timedelta):
        super().__init__(retry_after)
        self.retry_after = retry_after


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountInvalid(f"Mot de passe trop court : {MIN_PASSWORD_CHARS} caractères au moins.")


def create_account(factory: sessionmaker, login: str, now: datetime, *, name: str | None = None,
                   password: str | None = None, role: str = REGULATOR, oidc_subject: str | None = None) -> Account:
    if not LOGIN.fullmatch(login):
        raise AccountInvalid("Identifiant invalide : minuscules, chiffres, « . », « _ », « @ », « - » (64 au plus).")
    if role not in ROLES:
        raise AccountInvalid(f"Rôle inconnu : « {role} » ({', '.join(ROLES)}).")
    if password is None and oidc_subject is None:
        raise AccountInvalid("Il faut un mot de passe, un identifiant OIDC, ou les deux.")
    if password is not None:
        check_password(password)
    account = Account(login=login, name=name, role=role, oidc_subject=oidc_subject, created_at=now,
                      password_hash=PASSWORDS.hash(password) if password is not None else None,
                      disabled=False, failed_attempts=0)
    with factory() as session:
        session.add(account)
        try:
            session.commit()
        except IntegrityError:
            raise AccountInvalid(f"Le compte « {login} » (ou cet identifiant OIDC) existe déjà.") from None
    return account


def list_accounts(factory: sessionmaker) -> list[Account]:
    with factory() as session:
        return list(session.execute(select(Account).order_by(Account.login)).scalars())


def set_disabled(factory: sessionmaker, login: str, disabled: bool) -> None:
    """Disabling takes effect at once on the agenda (every request reads the account) and when the regulator's
    current access token expires on Rasa's channel. Enabling also lifts a lock."""
    values = {"disabled": disabled} if disabled else {"disabled": False, "failed_attempts": 0, "locked_until": None}
    with factory() as session:
        changed = session.execute(update(Account).where(Account.login == login).values(**values))
        session.commit()
    if changed.rowcount != 1:
        raise AccountInvalid(f"Compte inconnu : « {login} ».")


def active_account(session: Session, login: str) -> Account | None:
    """The account of `login` if it may act now."""
    account = session.execute(select(Account).where(Account.login == login)).scalar_one_or_none()
    return account if account is not None and not account.disabled else None


def by_oidc_subject(session: Session, subject: str) -> Account | None:
    return session.execute(select(Account).where(Account.oidc_subject == subject)).scalar_one_or_none()


def has_accounts(factory: sessionmaker) -> bool:
    with factory() as session:
        return session.execute(select(func.count()).select_from(Account)).scalar() > 0


def ensure_demo_account(factory: sessionmaker, now: datetime) -> str | None:
    """On a database without any account, a regulator "demo" with a new random password, returned to be shown
    once; None when there are accounts already."""
    if has_accounts(factory):
        return None
    password = secrets.token_urlsafe(12)
    create_account(factory, DEMO_LOGIN, now, name="Régulateur de démonstration", password=password)
    return password


def wait_before_attempt(account: Account, now: datetime) -> timedelta | None:
    """How long this account's next password attempt must wait, None when it may be tried now."""
    if account.locked_until and now < account.locked_until:
        return account.locked_until - now
    if account.failed_attempts >= SLOW_AFTER and account.last_failure_at:
        ready = account.last_failure_at + SLOW_STEP * 2 ** (account.failed_attempts - SLOW_AFTER)
        if now < ready:
            return ready - now
    return None


def sign_in(factory: sessionmaker, login: str, password: str, now: datetime) -> Account:
    """The account, signed in; BadCredentials or TooManyAttempts otherwise."""
    with factory() as session:
        account = active_account(session, login)
        if account is None or not account.password_hash:
            _spend_a_check(password)  # as long as a real check: timing does not tell which logins exist
            raise BadCredentials()
        wait = wait_before_attempt(account, now)
        if wait:
            raise TooManyAttempts(wait)
        failures = account.failed_attempts + 1
        counted = session.execute(
            update(Account)
            .where(Account.id == account.id, Account.failed_attempts == account.failed_attempts)
            .values(failed_attempts=failures, last_failure_at=now,
                    locked_until=now + LOCK_FOR if failures >= LOCK_AFTER else account.locked_until)
        )
        session.commit()
        if counted.rowcount != 1:  # another attempt on this account is being checked right now
            raise TooManyAttempts(SLOW_STEP)
        try:
            PASSWORDS.verify(account.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise BadCredentials(account.login) from None
        values = {"failed_attempts": 0, "last_failure_at": None, "locked_until": None, "last_sign_in_at": now}
        if PASSWORDS.check_needs_rehash(account.password_hash):
            values["password_hash"] = PASSWORDS.hash(password)
        session.execute(update(Account).where(Account.id == account.id).values(**values))
        session.commit()
        return account


@lru_cache(maxsize=1)
def _unused_hash() -> str:
    return PASSWORDS.hash(secrets.token_urlsafe(16))


def _spend_a_check(password: str) -> None:
    with suppress(VerificationError):
        PASSWORDS.verify(_unused_hash(), password)
