"""Shared XML machinery: bytes to a tree, a root for sniffing, a tree read by local name.

Every XML format (feeds, NITF, NewsML) reads its bytes with :func:`.read.read_xml`, through the
one safe parser factory (:func:`newsdoc.html.safe.xml_parser`: no entity expanded, no DTD
loaded, no network); sniff functions find the root element with :func:`.root.root_name`; and
parsers walk the tree with :mod:`.tree`, by local name, whatever namespace (or none) and
whatever capitals a producer gave its elements.
"""
