import torch


class Trainer:
    """A minimal training loop; the entry script seeds torch before building it."""

    def __init__(self, model, optimizer, data, batch_size=32):
        self.model, self.optimizer = model, optimizer
        self.data, self.batch_size = data, batch_size

    def epoch(self):
        order = torch.randperm(len(self.data))
        for start in range(0, len(order), self.batch_size):
            batch = [self.data[i] for i in order[start : start + self.batch_size]]
            loss = self.model.loss(batch)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
