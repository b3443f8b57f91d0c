"""パッケージの公開 API."""
from pkg.core import Model, fit
from pkg.utils import seed_everything
