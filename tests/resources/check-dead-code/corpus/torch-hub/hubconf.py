dependencies = ["torch"]


def resnet_tiny(pretrained: bool = False):
    """torch.hub.load(repo, "resnet_tiny") で呼ばれる."""
    from torch import nn

    return nn.Sequential(nn.Linear(8, 8))
