"""The built-in formats, one module each; each module exports one ``FORMAT`` spec."""
