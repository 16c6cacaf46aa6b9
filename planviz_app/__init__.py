"""App-only helpers for the Streamlit dashboard: session plan, cached loading, shared page widgets."""
