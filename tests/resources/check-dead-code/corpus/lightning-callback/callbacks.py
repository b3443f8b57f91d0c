from lightning.pytorch.callbacks import Callback


class PrintLoss(Callback):
    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
        print(outputs)

    def on_validation_end(self, trainer, pl_module):
        print("validated")


class Unused(Callback):  # expect: MLH206
    """Replaced by PrintLoss."""
