"""The shipped exercise heel-taps, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "heel-taps",
    "name": "Heel taps",
    "kind": "control",
    "level": "beginner",
    "summary": ("Trains your deep stomach muscles to keep your back still while one leg moves."),
    "target": "Deep stomach muscles that stop your lower back from arching (deep abdominals)",
    "start_position": (
        "Lie on your back with your arms by your sides. Lift your legs one at a time so "
        "your hips and knees are bent to right angles."
    ),
    "cues": (
        "Gently flatten your lower back toward the floor and keep your back still.\n"
        "Breathe out as you slowly lower one heel to tap the floor, knee still bent.\n"
        "Bring that leg back up.\n"
        "Do all the taps with this leg, then swap when the app says so."
    ),
    "mistakes": (
        "Lower back arching off the floor: lower the heel less far.\n"
        "Rushing: move slowly and keep breathing."
    ),
    "equipment": ["mat"],
    "sets": 2,
    "reps": 6,
    "hold_seconds": None,
    "rest_seconds": 60,
    "per_side": True,
    "transition_seconds": 10,
    "easier": None,
    "harder": "dead-bug",
    "easier_tip": "Keep one foot resting on the floor while the other leg moves.",
    "harder_tip": "When this feels easy, try the dead bug.",
    "cautions": (
        "If it brings on your usual pain, make the movement smaller, or leave it out and "
        "tell your clinician."
    ),
    "illustration_alt": (
        "A person lies on their back with hips and knees bent at right angles and lowers "
        "one heel to tap the floor."
    ),
}
