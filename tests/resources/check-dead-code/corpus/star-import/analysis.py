from common import *

frame = pd.DataFrame({"x": np.arange(3)})
print(frame, data_dir())
