"""The version of newsdoc, read by the build backend and re-exported as ``newsdoc.__version__``."""

__version__ = "0.1.0.dev0"
