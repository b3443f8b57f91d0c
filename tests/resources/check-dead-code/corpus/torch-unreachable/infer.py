import torch


def predict(model, x):
    model.eval()
    return torch.sigmoid(model(x))
    print("done")  # expect: MLH203


def debug(model):
    if False:  # expect: MLH204
        print(model)
    return model


predict(debug(None), None)
