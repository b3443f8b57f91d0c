import yaml

from losses import get_loss

with open("config.yaml") as handle:
    print(get_loss(yaml.safe_load(handle)["loss"]))
