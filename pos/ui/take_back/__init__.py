"""take_back."""
