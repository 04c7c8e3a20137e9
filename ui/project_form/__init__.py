"""The project form (项目信息), one module per page or group of pages, the binder between
its widgets and the project's data, and the dialog that holds them (form.py)."""

from ui.project_form.content import (
    CAPACITY_PHASE,
    CAPACITY_PRODUCT,
    CAPACITY_QUALIFIER,
    CAPACITY_QUANTITY,
    CAPACITY_UNIT,
    FULL_CAPACITY,
)
from ui.project_form.fields import UUID_ROLE
from ui.project_form.form import ERROR_COLOUR, ProjectForm
from ui.project_form.money import (
    PHASE_AREA,
    PHASE_AREA_QUALIFIER,
    PHASE_CONTENT,
    PHASE_INVESTMENT,
    PHASE_NAME,
    PHASE_SALES,
    PHASE_SALES_QUALIFIER,
)
from ui.project_form.progress import KIND_ROLE

__all__ = [
    "CAPACITY_PHASE",
    "CAPACITY_PRODUCT",
    "CAPACITY_QUALIFIER",
    "CAPACITY_QUANTITY",
    "CAPACITY_UNIT",
    "ERROR_COLOUR",
    "FULL_CAPACITY",
    "KIND_ROLE",
    "PHASE_AREA",
    "PHASE_AREA_QUALIFIER",
    "PHASE_CONTENT",
    "PHASE_INVESTMENT",
    "PHASE_NAME",
    "PHASE_SALES",
    "PHASE_SALES_QUALIFIER",
    "UUID_ROLE",
    "ProjectForm",
]
