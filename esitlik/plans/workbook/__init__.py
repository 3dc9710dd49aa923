"""The Excel round trip of an action plan: export a plan to a workbook, import it back.

``columns`` defines the sheets and columns once; ``export`` writes them with openpyxl; ``read``
reads an uploaded file with python-calamine and recognises the template; ``cells`` turns cell
values into Python values; ``rows`` turns a sheet's rows into checked changes; ``load`` applies
them through the plan's services, all or nothing.
"""
