"""The built-in formats' parsers, one module each; each exports one ``FORMAT`` spec.

The package is not called ``formats`` because ``newsdoc.formats`` is the function that lists
registered formats, and a subpackage of that name would shadow it once imported.
"""
