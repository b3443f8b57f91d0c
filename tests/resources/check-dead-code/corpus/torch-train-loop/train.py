import torch


def train(model, loader, epochs: int = 3) -> float:
    optimizer = torch.optim.Adam(model.parameters())
    best = None  # expect: MLH202
    total = 0.0
    for epoch in range(epochs):
        for x, y in loader:
            loss = torch.nn.functional.mse_loss(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()
    return total


if __name__ == "__main__":
    train(None, [])
