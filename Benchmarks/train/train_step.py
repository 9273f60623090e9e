#!/usr/bin/python3
"""One 3DGAN training step in PyTorch (Debian python3-torch 1.13), the same recipe as Swift's GANTrainer:
G in inference mode for the fake batch, D update on real (labels 1, 5 % flipped), D update on fake (labels 0,
5 % flipped), two G updates through a frozen D (Keras `trainable = False`: no gradients for D's weights;
`--no-freeze` computes them anyway, as a naive PyTorch loop would); RMSprop lr 1e-3, alpha 0.9, eps 1e-7; Keras-semantics loss.
Model and loss come from Scripts/fixtures/make_3dgan_fixtures.py. Prints one JSON line.

Usage: /usr/bin/python3 Benchmarks/train/train_step.py [--batch 16] [--threads 2] [--steps 2] [--warmup 1]
"""
import argparse
import importlib.util
import json
import os
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "ref", os.path.join(HERE, "..", "..", "Scripts", "fixtures", "make_3dgan_fixtures.py"))
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)

p = argparse.ArgumentParser()
p.add_argument("--batch", type=int, default=16)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--steps", type=int, default=2)
p.add_argument("--warmup", type=int, default=1)
p.add_argument("--preset", default="faithful")
p.add_argument("--no-freeze", action="store_true", help="let D's weights collect gradients in G updates")
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(1)
c = ref.faithful() if a.preset == "faithful" else ref.reduced()
g, d = ref.Generator(c), ref.Discriminator(c, dropout=c["dropout"])
opt_d = torch.optim.RMSprop(d.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
opt_g = torch.optim.RMSprop(g.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
B, L = a.batch, c["latent"]
real = torch.rand(B, 1, *c["image"]) ** 4  # sparse-ish positive cells
energy = torch.rand(B, 1) * 0.9 + 0.1
theta = torch.rand(B, 1) * 0.7 + 1.2
ecal = ref.ecal_sum(real, c["power"])


def latent():
    return torch.cat([energy, theta, torch.randn(B, L - 2)], dim=1)


def flipped(v):
    y = torch.full((B, 1), float(v))
    idx = torch.randperm(B)[: int(0.05 * B)]
    y[idx] = 1 - v
    return y


def step():
    angle = ref.ecal_angle(real, c["power"]).detach()  # measured-angle label
    g.eval()
    with torch.no_grad():
        fake = g(latent())
    g.train()
    for images, target in ((real, flipped(1)), (fake, flipped(0))):
        opt_d.zero_grad()
        terms = ref.loss_terms(d(images), target, energy, angle, ecal)
        sum(w * t for w, t in zip(ref.WEIGHTS, terms)).backward()
        opt_d.step()
    ones = torch.ones(B, 1)
    for p_ in d.parameters():
        p_.requires_grad_(a.no_freeze)
    for _ in range(2):
        opt_g.zero_grad()
        terms = ref.loss_terms(d(g(latent())), ones, energy, angle, ecal)
        sum(w * t for w, t in zip(ref.WEIGHTS, terms)).backward()
        opt_g.step()
    for p_ in d.parameters():
        p_.requires_grad_(True)
    opt_d.zero_grad()


times = []
for i in range(a.warmup + a.steps):
    t0 = time.perf_counter()
    step()
    if i >= a.warmup:
        times.append(time.perf_counter() - t0)
s = sorted(times)
print(json.dumps(dict(impl="pytorch" if not a.no_freeze else "pytorch-nofreeze", preset=a.preset, batch=B, threads=torch.get_num_threads(),
                      median_s=s[len(s) // 2], times_s=times)))
