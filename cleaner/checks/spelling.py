"""Placeholder until this family lands: finds nothing."""


def run(doc, ctx):
    return []
