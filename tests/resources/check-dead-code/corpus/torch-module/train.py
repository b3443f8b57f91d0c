from model import Net

net = Net(4)
