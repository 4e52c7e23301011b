"""The machinery every stage may use: the build cache, worker processes, the output folder,
progress reports. Knows nothing of what is built.
"""
