"""ICE 287(g) importer: ICE's participating and pending agency workbooks -> agreement records.

Beside the core, not part of it: it reads workbooks (``workbook``), cleans each row and notes
every oddity (``clean``), matches rows to existing records across renames (``matching``),
applies one import to the records (``apply``) and reports what changed (``report``). The
records it writes are checked by the same validator as every other record.
"""
