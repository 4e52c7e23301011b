"""What calendar programs and feed readers subscribe to: occurrences, iCal, the VTIMEZONE,
calendar.lock (the feeds' memory between builds) and Atom.
"""
