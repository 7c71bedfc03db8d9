"""The shipped exercise deep-squat, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "deep-squat",
    "name": "Assisted deep squat",
    "kind": "mobility",
    "level": "intermediate",
    "summary": (
        "Practises bending your hips, knees and ankles deeply while you hold a support, "
        "and works your thighs."
    ),
    "target": (
        "Bending at the hips, knees and ankles, and the front of the thighs and buttocks "
        "(hip, knee and ankle flexion; quadriceps, glutes)"
    ),
    "start_position": (
        "Stand facing a kitchen counter or a sturdy chair and hold it with both hands at "
        "about waist height. Place your feet shoulder-width apart or a little wider, toes "
        "forward or turned out slightly. Put a chair behind you, so you can sit down if "
        "you need to."
    ),
    "cues": (
        "Sit your hips back and down to a comfortable depth.\n"
        "Keep your hips, knees and toes pointing the same way.\n"
        "Keep your heels on the floor.\n"
        "Move slowly, and don't bounce at the bottom.\n"
        "Breathe out and squeeze your buttocks to stand back up."
    ),
    "mistakes": (
        "Knees falling inward: keep them pointing over your toes, and go less deep.\n"
        "Heels lifting: don't go quite so low.\n"
        "Bouncing at the bottom: lower slowly and rise slowly."
    ),
    "equipment": ["chair"],
    "sets": 2,
    "reps": 8,
    "hold_seconds": None,
    "rest_seconds": 60,
    "per_side": False,
    "transition_seconds": 5,
    "easier": "chair-sit-to-stand",
    "harder": None,
    "easier_tip": ("Go less deep, or do the sit to stand from a chair instead."),
    "harder_tip": (
        "There is no harder exercise for this one in the library. Pause for a few "
        "seconds at the bottom, hold on more lightly and, if it is comfortable, go deeper."
    ),
    "cautions": (
        "If your knee hurts, squat only as deep as is pain-free; there should be no pain "
        "or swelling later that day or the next.\n"
        "After a hip replacement from the back or side, don't squat or bend the hip past "
        "a right angle for at least 6 weeks, or until your surgeon says you can."
    ),
    "illustration_alt": (
        "A person holds a counter with both hands and sits the hips back and down to a "
        "comfortable depth, heels on the floor, with a chair behind."
    ),
}
