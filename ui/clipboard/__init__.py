"""Copy and paste of table cells, the way Excel and LibreOffice exchange them.

``cell_block``: a block of cells as text (tab-separated, HTML) and back, with no Qt.
``view_cells``: which cells of a view are selected, and which cells a block covers.
``paste_plan``: a block checked against the cells it covers, all or nothing.
``clipboard_actions``: Edit ▸ Cut, Copy and Paste for the agreement's tables.
"""
