#!/usr/bin/python3
"""PyTorch eager anchor of `radpath-bench ai`.

Builds the SimpleCNN of the reference article ("From Pixels to Prognosis", step 3) with a
fixed seed, saves it as TorchScript to MODEL (the file the C++ side loads, so both run the
same weights), then times PASSES eager forward passes of a BATCH x 3 x 224 x 224 input under
torch.no_grad() after WARMUP untimed ones, on THREADS intra-op threads. Prints JSON:
{"torch": version, "threads": n, "batch": b, "seconds": [one per pass]}.
"""

import argparse
import json
import time

import torch
import torch.nn as nn


class SimpleCNN(nn.Module):
    """The article's model, layer for layer."""

    def __init__(self):
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.Conv2d(3, 16, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2, 2),
            nn.Conv2d(16, 32, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2, 2),
        )
        self.fc_block = nn.Sequential(nn.Linear(32 * 56 * 56, 128), nn.ReLU(), nn.Linear(128, 2))

    def forward(self, x):
        x = self.conv_block(x)
        x = x.view(x.size(0), -1)
        return self.fc_block(x)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("model", help="where to save the TorchScript model")
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = SimpleCNN().eval()
    torch.jit.script(model).save(args.model)
    x = torch.randn(args.batch, 3, 224, 224)

    seconds = []
    with torch.no_grad():
        for _ in range(args.warmup):
            model(x)
        for _ in range(args.passes):
            start = time.perf_counter()
            model(x)
            seconds.append(time.perf_counter() - start)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "batch": args.batch,
                      "seconds": seconds}))


if __name__ == "__main__":
    main()
