"""The shipped exercise dead-bug, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "dead-bug",
    "name": "Dead bug",
    "kind": "control",
    "level": "intermediate",
    "summary": (
        "Trains your deep stomach muscles to keep your lower back steady while your arms "
        "and legs move."
    ),
    "target": "Deep stomach muscles that stop your lower back from arching (deep abdominals)",
    "start_position": (
        "Lie on your back with your arms pointing to the ceiling. Lift your legs so your "
        "hips and knees are bent to right angles."
    ),
    "cues": (
        "Gently flatten your lower back toward the floor and keep your back still.\n"
        "Breathe out as you slowly lower one arm behind your head and the opposite leg "
        "toward the floor.\n"
        "Stop before your lower back starts to lift.\n"
        "Bring them back to the start.\n"
        "Do them all on this side, then swap when the app says so."
    ),
    "mistakes": (
        "Lower back arching off the floor: make the movement smaller.\n"
        "Moving too far or too fast: go slowly, and only as far as you can stay in "
        "control."
    ),
    "equipment": ["mat"],
    "sets": 2,
    "reps": 8,
    "hold_seconds": None,
    "rest_seconds": 60,
    "per_side": True,
    "easier": "heel-taps",
    "harder": None,
    "easier_tip": ("Do the heel taps: keep your knees bent and tap one heel down at a time."),
    "harder_tip": (
        "There is no harder exercise for this one in the library. Move more slowly, and "
        "build up to 3 sets of 10 on each side."
    ),
    "cautions": (
        "If it brings on your usual pain, make the movement smaller, or leave it out and "
        "tell your clinician."
    ),
    "illustration_alt": (
        "A person lies on their back with arms up and knees bent, lowering one arm "
        "overhead and the opposite leg toward the floor."
    ),
}
