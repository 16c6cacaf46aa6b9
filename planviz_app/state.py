"""The session's plan (file bytes, name, reading options, identity edits, Plan) and the chosen palette."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import streamlit as st

from planviz.model import Plan, PlanError
from planviz.reading import load_plan
from planviz.sample import SAMPLE_PATH

from . import session

PLAN_KEY = "pv_loaded"
PALETTE_KEY = "pv_palette"
UPLOAD_ROUND_KEY = "pv_upload_round"
PALETTES = {"党建红": "party", "简约": "neutral"}
SAMPLE_NAME = "示例计划.xlsx"

ColumnMap = tuple[tuple[str, str], ...]
Identity = tuple[tuple[str, str], ...]  # (Plan field, text) the user set on the upload page
IDENTITY_FIELDS = {"organization": "组织名称", "title": "计划标题", "theme": "主题", "slogan": "口号/品牌"}


@dataclass(frozen=True)
class Loaded:
    """A plan in use together with the bytes and options it was read from."""

    plan: Plan
    data: bytes
    name: str
    year: int | None = None
    column_map: ColumnMap = ()
    is_sample: bool = False
    identity: Identity = ()

    @property
    def key(self) -> str:
        """Content key for the session-scoped caches of what is drawn (bytes, reading options, identity)."""
        digest = hashlib.sha256(self.data)
        digest.update(repr((self.year, self.column_map, self.identity)).encode())
        return digest.hexdigest()[:24]

    def renamed(self, identity: dict[str, str]) -> "Loaded":
        """The same file with the user's organization, title, theme and slogan (empty: as read)."""
        kept = tuple((f, v.strip()) for f, v in identity.items() if f in IDENTITY_FIELDS and v and v.strip())
        return read(self.data, self.name, year=self.year, column_map=dict(self.column_map),
                    is_sample=self.is_sample, identity=dict(kept))


# Keyed by the file's content; session scope so one user's upload never serves another session.
@st.cache_data(max_entries=8, ttl=3600, scope="session", show_spinner="正在读取计划……")
def _read(data: bytes, name: str, year: int | None, column_map: ColumnMap) -> Plan:
    return load_plan(data, name, year=year, column_map=dict(column_map) or None)


def read(data: bytes, name: str, *, year: int | None = None, column_map: dict[str, str] | None = None,
         is_sample: bool = False, identity: dict[str, str] | None = None) -> Loaded:
    """Read a plan from file bytes; raises PlanError (Chinese message) for unusable files."""
    cmap = tuple(sorted((column_map or {}).items()))
    ident = tuple(sorted((identity or {}).items()))
    plan = _read(data, name, year, cmap)
    return Loaded(plan.replace(**dict(ident)) if ident else plan, data, name, year, cmap, is_sample, ident)


def read_sample(year: int | None = None) -> Loaded:
    """The bundled sample plan, read the same way as an upload."""
    return read(SAMPLE_PATH.read_bytes(), SAMPLE_NAME, year=year, is_sample=True)


def use(loaded: Loaded) -> None:
    """Make ``loaded`` the plan every page of this session shows, and of this browser after a refresh."""
    st.session_state[PLAN_KEY] = loaded
    if loaded.is_sample:
        session.store().drop(session.token())
    else:
        session.store().put(session.token(), loaded)


def back_to_sample() -> None:
    """Show the sample instead of the user's plan (after they confirmed), with the upload box emptied."""
    use(read_sample())
    clear_uploader()


def upload_key() -> str:
    """Widget key of the plan uploader; a new key empties it (Streamlit cannot clear an uploader otherwise)."""
    return f"up_file_{st.session_state.get(UPLOAD_ROUND_KEY, 0)}"


def clear_uploader() -> None:
    st.session_state[UPLOAD_ROUND_KEY] = st.session_state.get(UPLOAD_ROUND_KEY, 0) + 1


def current() -> Loaded:
    """The plan in use: this browser's own (kept across a refresh and tabs), else the sample."""
    if PLAN_KEY not in st.session_state:
        kept = session.store().get(session.token())
        st.session_state[PLAN_KEY] = kept if isinstance(kept, Loaded) else read_sample()
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
