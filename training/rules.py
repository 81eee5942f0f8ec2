"""Training rules that hold for one person and for a whole organisation alike.

`tlearn` writes the per-person rules here (is a completion valid on a day, the status of an assignment);
`training/compliance.py` computes the same definitions for many people at once. Constants live here once.
"""

# A valid completion that expires within this many days is "expiring soon".
EXPIRING_SOON_DAYS = 60
