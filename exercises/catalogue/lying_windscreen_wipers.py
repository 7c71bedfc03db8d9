"""The shipped exercise lying-windscreen-wipers, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "lying-windscreen-wipers",
    "name": "Lying knee rolls",
    "kind": "mobility",
    "level": "beginner",
    "summary": (
        "Gently turns your hips and lower back as your knees roll from side to side, "
        "with the floor supporting you."
    ),
    "target": "Muscles that turn your hips in and out, and your lower back (hip rotation)",
    "start_position": (
        "Lie on your back with your knees bent and your feet flat on the floor, wider "
        "apart than your hips. Rest your arms out to the sides."
    ),
    "cues": (
        "Keep your shoulders resting on the floor.\n"
        "Let both knees drop slowly to one side, like a windscreen wiper.\n"
        "Go only as far as is comfortable.\n"
        "Bring them back to the middle, then let them drop to the other side."
    ),
    "mistakes": (
        "Letting the knees flop: move slowly, with control.\n"
        "Forcing the range: a small, easy movement is enough."
    ),
    "equipment": ["mat"],
    "sets": 1,
    "reps": 10,
    "hold_seconds": None,
    "rest_seconds": 30,
    "per_side": False,
    "transition_seconds": 10,
    "easier": None,
    "harder": "ninety-ninety-switch",
    "easier_tip": "Make the movement smaller, and keep your feet closer together.",
    "harder_tip": "When this feels easy, try the 90/90 hip switch.",
    "cautions": (
        "If you have had a hip replacement, check with your surgeon or physio first: "
        "turning the leg far in or out is restricted early on.\n"
        "Stop if it causes pain in your hip or back."
    ),
    "illustration_alt": (
        "Seen from above: a person lies on their back with knees bent and feet wide, and "
        "lets both knees drop gently to one side."
    ),
}
