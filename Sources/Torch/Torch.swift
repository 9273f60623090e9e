internal import CTorch
