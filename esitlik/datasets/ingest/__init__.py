"""The import engine: from an uploaded CSV or XLSX file to the Parquet file of an import run.

The steps, one module each:

- ``reading`` finds the encoding, the separator and the heading row from the first bytes,
  then reads every column as text into *distinct values* plus, per row, the index of its
  value (a dictionary encoding). Even ten million service records hold a few hundred
  distinct dates, sexes or service names, so everything after works on those.
- ``headers`` proposes which field each heading is (a remembered mapping first, then the
  aliases of ``kinds.SPECS``) and checks a mapping before anything is read in full.
- ``parsing`` reads each distinct value with the product's own cell readers
  (``core.tabular.cell_*``, ``core.sex``, ``datasets.vocab``, the service catalogue, the
  neighbourhood list), so a file imported here means what it would mean anywhere else.
- ``rules`` applies what ties cells of a row together (ages, bands, totals, the run's
  year and directorate) row by row with numpy, and builds the stored table of the kind.
- ``privacy`` refuses columns that hold direct identifiers; ``problems`` collects what is
  wrong with row numbers as a spreadsheet shows them; ``writing`` writes the Parquet file.

For an ``ImportRun``: ``files`` keeps the upload, ``columns`` resolves and checks the user's
mapping, ``landing`` runs the steps above and lands or refuses the run, ``workbook`` writes
the problems workbook. ``esitlik.datasets.imports`` is the API the pages, the command line
and the demo call.
"""
