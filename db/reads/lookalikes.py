"""Look-alikes (查重): existing investors or projects that resemble the one being entered."""

from __future__ import annotations

from dataclasses import dataclass

from db.rules import credit_code
from db.rules.names import name_key
from db.store.models import Investor, Project


@dataclass(frozen=True)
class SimilarRecord:
    kind: str  # "investor" or "project"
    uuid: str
    name: str
    why: str


def similar_records(
    name: str,
    investor_name: str,
    code: str | None = None,
    except_uuid: str | None = None,
    limit: int = 5,
) -> list[SimilarRecord]:
    """Existing investors or projects that look like the project being entered (查重):
    ``name`` by ``investor_name`` (统一社会信用代码 ``code``); ``except_uuid`` is the
    project itself when it is being edited."""
    found: list[SimilarRecord] = []
    if code:
        normal = credit_code.normalise(code)
        for investor in Investor.live().where(Investor.credit_code == normal).limit(limit):
            if investor.name.strip() != investor_name.strip():
                found.append(
                    SimilarRecord("investor", investor.uuid, investor.name, "统一社会信用代码相同")
                )
    investor_key = name_key(investor_name)
    if investor_key:
        for investor in Investor.live().where(Investor.name.contains(investor_key)).limit(50):
            if name_key(investor.name) == investor_key and investor.name != investor_name:
                found.append(SimilarRecord("investor", investor.uuid, investor.name, "名称相近"))
    project_key = name_key(name)
    if project_key:
        query = Project.live().where(Project.name.contains(project_key[:8])).limit(50)
        for project in query:
            if project.uuid != except_uuid and name_key(project.name) == project_key:
                found.append(SimilarRecord("project", project.uuid, project.name, "项目名称相同"))
    return found[:limit]
