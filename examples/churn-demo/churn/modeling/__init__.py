"""Training and inference scripts."""
