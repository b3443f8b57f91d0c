import os
import os.path
import xml.etree.ElementTree  # expect: MLH201


def here():
    return os.path.dirname(os.getcwd())


print(here())
