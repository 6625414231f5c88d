"""Shared input and output: YAML/JSON documents, validated models, atomic writes, conversions."""
