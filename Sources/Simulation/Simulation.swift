// Shower Monte Carlo.
