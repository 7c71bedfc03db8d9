"""The shipped exercise partial-bridge, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "partial-bridge",
    "name": "Partial bridge",
    "kind": "strength",
    "level": "beginner",
    "summary": "A smaller bridge that wakes up your buttock muscles without a big lift.",
    "target": "Buttock muscles and the muscles around your trunk (gluteus maximus, core)",
    "start_position": (
        "Lie on your back with your knees bent and your feet flat on the floor, "
        "hip-width apart. Rest your arms by your sides."
    ),
    "cues": (
        "Gently tighten your stomach muscles.\n"
        "Squeeze your buttocks and lift your hips just a little, about a hand's width.\n"
        "Hold still for the time shown, and keep breathing.\n"
        "Lower your hips slowly back to the floor."
    ),
    "mistakes": (
        "Pushing up high: a small lift is all this one needs.\n"
        "Holding your breath: breathe out as you lift."
    ),
    "equipment": ["mat"],
    "sets": 2,
    "reps": 8,
    "hold_seconds": 3,
    "rest_seconds": 60,
    "per_side": False,
    "transition_seconds": 10,
    "easier": None,
    "harder": "glute-bridge",
    "easier_tip": (
        "Keep your hips on the floor and just tilt your pelvis, flattening your lower back "
        "into the floor, then let it relax."
    ),
    "harder_tip": "When this feels easy, lift higher: the full glute bridge.",
    "cautions": (
        "Stop if pain, tingling or numbness in your leg increases.\n"
        "Stop if your symptoms get worse or a new pain appears."
    ),
    "illustration_alt": (
        "A person lies on their back with knees bent and lifts the hips a little way off the floor."
    ),
}
