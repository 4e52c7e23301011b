"""sitegen: a static site generator for the samordningsförbund's shared website."""

__version__ = "0.2.0"
