"""Shared HTML machinery on lxml, used by every format that carries HTML."""
