import tensorflow as tf


@tf.keras.utils.register_keras_serializable()
class Scale(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(1,))

    def call(self, inputs):
        return inputs * self.w

    def get_config(self):
        return super().get_config()


@tf.function
def unused_step(x):  # expect: MLH206
    return x
