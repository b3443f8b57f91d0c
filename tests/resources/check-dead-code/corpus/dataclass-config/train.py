from config import TrainConfig

print(TrainConfig().lr)
