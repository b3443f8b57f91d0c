import lightning.pytorch as pl

from callbacks import PrintLoss

pl.Trainer(callbacks=[PrintLoss()])
