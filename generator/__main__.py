import sys

try:
    from generator.cli import run
except KeyboardInterrupt:   # Ctrl-C while sitegen was still starting: nothing had begun
    sys.exit(130)

run()
