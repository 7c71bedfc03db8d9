"""The shipped exercise glute-bridge, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "glute-bridge",
    "name": "Glute bridge",
    "kind": "strength",
    "level": "beginner",
    "summary": "Builds strength in your buttocks and the muscles around your trunk.",
    "target": "Buttock muscles and the muscles around your trunk (gluteus maximus, core)",
    "start_position": (
        "Lie on your back with your knees bent and your feet flat on the floor, "
        "hip-width apart. Rest your arms by your sides."
    ),
    "cues": (
        "Gently tighten your stomach muscles.\n"
        "Press through your heels and squeeze your buttocks to lift your hips.\n"
        "Stop when your shoulders, hips and knees make a straight line.\n"
        "Hold still at the top for the time shown, and keep breathing.\n"
        "Lower your hips slowly back to the floor."
    ),
    "mistakes": (
        "Lifting too high and arching your back: stop at the straight line from shoulders "
        "to knees.\n"
        "Cramp in the back of the thigh (hamstrings): move your feet a little closer to "
        "your bottom, or let your knees drift slightly apart."
    ),
    "equipment": ["mat"],
    "sets": 2,
    "reps": 10,
    "hold_seconds": 3,
    "rest_seconds": 60,
    "per_side": False,
    "easier": "partial-bridge",
    "harder": None,
    "easier_tip": (
        "Lift your hips only a little way: the partial bridge. Or keep your hips on the "
        "floor and just tilt your pelvis, flattening your lower back into the floor."
    ),
    "harder_tip": (
        "There is no harder exercise for this one in the library yet. At the top, lift one "
        "foot a little off the floor and put it down again, then the other, like marching; "
        "later your clinician may show you a bridge on one leg."
    ),
    "cautions": (
        "Stop if pain, tingling or numbness in your leg increases.\n"
        "Stop if your symptoms get worse or a new pain appears."
    ),
    "illustration_alt": (
        "A person lies on their back with knees bent and lifts the hips until shoulders, "
        "hips and knees form a straight line."
    ),
}
