"""After signature: reporting periods, outturns over time, trajectory, forecast, claims and
pump-priming spend. Pure rules, no I/O."""
