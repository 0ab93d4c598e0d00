"""Shared machinery of the IPTC formats: the article they all describe, and NITF.

NITF is a format of its own and the body inside the others: a NewsML-G2 item's
``inlineXML``, a NewsML 1 component's ``DataContent``, a ninjs body of type
``application/nitf+xml``. So reading it lives here, where every format can use it:
:mod:`.article` holds what an IPTC document says before it is a Document (:class:`Article`),
:mod:`.nitf` reads a NITF document's head into one, and :mod:`.body` turns NITF (or XHTML)
body markup into blocks, links and images.
"""
