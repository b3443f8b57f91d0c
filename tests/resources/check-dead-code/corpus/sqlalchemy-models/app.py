from db import init

init(None)
