"""The programme's impact: figures from what Voices already holds, equality monitoring
people may answer, and themes staff tag on reflections; reported only in aggregate."""
