import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(1)  # seeds Python, NumPy and TensorFlow

x = np.load("data/processed/x.npy")
y = np.load("data/processed/y.npy")
idx = np.arange(len(x))
np.random.shuffle(idx)
model = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x[idx], y[idx], epochs=5, validation_split=0.2)
