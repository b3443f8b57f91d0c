import glob
import random

import torch
import torch.distributed as dist


def main():
    dist.init_process_group("nccl")
    torch.manual_seed(1234)
    files = sorted(glob.glob("data/shards/*.pt"))
    random.shuffle(files)  # torch.manual_seed does not seed Python's random
    for path in files[dist.get_rank() :: dist.get_world_size()]:
        batch = torch.load(path)
        perm = torch.randperm(batch.size(0))
        print(batch[perm].shape)


if __name__ == "__main__":
    main()
