import os
import sys

sys.path.insert(0, os.path.abspath(".."))
html_extra_path = ["/Users/hanako/build/extra"]
