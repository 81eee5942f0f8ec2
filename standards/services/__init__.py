"""Services of the standards app: changes that coordinate several models, each atomic and audited.

definitions: standards and their target history; returns (with return_flow and values): the metric-return
life cycle; feeds: values computed by other apps.
"""
