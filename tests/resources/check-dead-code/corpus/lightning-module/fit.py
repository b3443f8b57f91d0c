import lightning.pytorch as pl

from module import Classifier

pl.Trainer(max_epochs=1).fit(Classifier())
