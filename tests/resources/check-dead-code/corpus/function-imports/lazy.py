def load_yaml(path):
    import yaml

    with open(path) as handle:
        return yaml.safe_load(handle)


def load_json(path):
    import json  # expect: MLH201
    import csv

    with open(path) as handle:
        return list(csv.reader(handle))


print(load_yaml, load_json)
