"""Investors (投资方): found by 统一社会信用代码 or by name, else created."""

from __future__ import annotations

from db.store.models import Investor


def find_or_create_investor(name: str, credit_code: str | None = None) -> Investor:
    """The investor with this credit code, else with this exact name, else a new one.

    A name found without a code takes the code given."""
    name = name.strip()
    query = Investor.live()
    found: Investor | None
    if credit_code:
        found = query.where(Investor.credit_code == credit_code).first()
        if found is not None:
            return found
    found = query.where(Investor.name == name).first()
    if found is not None:
        if credit_code and not found.credit_code:
            found.credit_code = credit_code
            found.save()
        return found
    return Investor.create(name=name, credit_code=credit_code or None)
