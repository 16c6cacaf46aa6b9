"""The session's plan (file bytes, name, reading options, Plan) and the chosen palette."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import streamlit as st

from planviz.model import Plan, PlanError
from planviz.reading import load_plan
from planviz.sample import SAMPLE_PATH

PLAN_KEY = "pv_loaded"
PALETTE_KEY = "pv_palette"
PALETTES = {"党建红": "party", "简约": "neutral"}
SAMPLE_NAME = "示例计划.xlsx"

ColumnMap = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Loaded:
    """A plan in use together with the bytes and options it was read from."""

    plan: Plan
    data: bytes
    name: str
    year: int | None = None
    column_map: ColumnMap = ()
    is_sample: bool = False

    @property
    def key(self) -> str:
        """Content key for caching what is drawn from this plan (bytes and reading options)."""
        digest = hashlib.sha256(self.data)
        digest.update(repr((self.year, self.column_map)).encode())
        return digest.hexdigest()[:24]


# Keyed by the file's content; session scope so one user's upload never serves another session.
@st.cache_data(max_entries=8, ttl=3600, scope="session", show_spinner="正在读取计划……")
def _read(data: bytes, name: str, year: int | None, column_map: ColumnMap) -> Plan:
    return load_plan(data, name, year=year, column_map=dict(column_map) or None)


def read(data: bytes, name: str, *, year: int | None = None, column_map: dict[str, str] | None = None,
         is_sample: bool = False) -> Loaded:
    """Read a plan from file bytes; raises PlanError (Chinese message) for unusable files."""
    cmap = tuple(sorted((column_map or {}).items()))
    return Loaded(_read(data, name, year, cmap), data, name, year, cmap, is_sample)


def read_sample(year: int | None = None) -> Loaded:
    """The bundled sample plan, read the same way as an upload."""
    return read(SAMPLE_PATH.read_bytes(), SAMPLE_NAME, year=year, is_sample=True)


def use(loaded: Loaded) -> None:
    """Make ``loaded`` the plan every page of this session shows."""
    st.session_state[PLAN_KEY] = loaded


def current() -> Loaded:
    """The plan in use; the sample on a session's first run so newcomers see a full dashboard."""
    if PLAN_KEY not in st.session_state:
        use(read_sample())
    return st.session_state[PLAN_KEY]


def plan() -> Plan:
    """The plan this session is looking at."""
    return current().plan


def palette() -> str:
    """Palette name for every chart ("party" or "neutral"), from the sidebar switch."""
    return PALETTES.get(st.session_state.get(PALETTE_KEY, "党建红"), "party")


def try_read(data: bytes, name: str, **options) -> tuple[Loaded | None, PlanError | None]:
    """``read`` that hands back the PlanError (Chinese message) instead of raising it."""
    try:
        return read(data, name, **options), None
    except PlanError as error:
        return None, error
