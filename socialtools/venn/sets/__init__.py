"""The set Venn/Euler diagram of 2 or 3 sets: model, layout (to scale when it can be) and renderer."""
