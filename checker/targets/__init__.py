"""The targets stage: the project's declaration, or the evidence of where it ships, -> typed targets."""
