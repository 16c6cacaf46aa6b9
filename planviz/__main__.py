"""Entry point for ``python -m planviz``."""
import sys

from .cli import main

sys.exit(main())
