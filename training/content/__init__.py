"""Training content shipped with the product: one package of plain data per module.

`loading` installs a package as a shared module from a data migration.
"""
