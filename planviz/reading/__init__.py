"""Reading plan files (xlsx/xlsm/xls/csv, Word docx) into the one plan model: ``load_plan``."""
from .headers import FIELDS
from .readers import RawSheet, load_plan, plan_from_sheets

__all__ = ["FIELDS", "RawSheet", "load_plan", "plan_from_sheets"]
