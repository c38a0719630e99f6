#!/usr/bin/python3
"""PyTorch eager anchor of `radpath-bench train`.

Trains RadPath's SimpleCNN (the reference article's two convolution blocks, with batch norm
and global max pooling as RadPath builds it: conv 3x3 16 + BN + ReLU + max-pool 2, conv 3x3
32 + BN + ReLU, amax over the plane, dropout 0.25, linear to 2) on IMAGES random in-memory
3 x 224 x 224 tensors with random labels, batch BATCH, Adam 1e-4, cross-entropy: the
article's loop (zero_grad, forward, loss, backward, step). WARMUP untimed steps, then one
timed pass over the images. Prints JSON {"torch", "threads", "batch", "images", "seconds"}:
the timed pass's wall time.
"""

import argparse
import json
import time

import torch
import torch.nn as nn


class SimpleCNN(nn.Module):
    def __init__(self, channels=3, classes=2, filters=16):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(channels, filters, 3, padding=1),
            nn.BatchNorm2d(filters),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(filters, 2 * filters, 3, padding=1),
            nn.BatchNorm2d(2 * filters),
            nn.ReLU(),
        )
        self.dropout = nn.Dropout(0.25)
        self.fc = nn.Linear(2 * filters, classes)

    def forward(self, x):
        x = torch.amax(self.features(x), dim=(2, 3))
        return self.fc(self.dropout(x))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--images", type=int, default=64)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = SimpleCNN().train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    loss_fn = nn.CrossEntropyLoss()
    images = torch.rand(args.images, 3, 224, 224)
    labels = torch.randint(0, 2, (args.images,))

    def step(first):
        x, y = images[first:first + args.batch], labels[first:first + args.batch]
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    for _ in range(args.warmup):
        step(0)
    start = time.perf_counter()
    for first in range(0, args.images, args.batch):
        step(first)
    seconds = time.perf_counter() - start
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "batch": args.batch,
                      "images": args.images, "seconds": seconds}))


if __name__ == "__main__":
    main()
