"""The published charter: what the public pages and the A4 PDF show, in the visitor's language."""
