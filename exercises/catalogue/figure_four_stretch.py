"""The shipped exercise figure-four-stretch, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "figure-four-stretch",
    "name": "Figure-4 stretch",
    "kind": "stretch",
    "level": "beginner",
    "summary": "Gently stretches the deep muscles of your buttock on the crossed-leg side.",
    "target": (
        "Deep muscles of the buttock and the back of the hip "
        "(hip external rotators such as piriformis, glutes)"
    ),
    "start_position": (
        "Lie on your back with both knees bent and your feet flat on the floor. Rest one "
        "ankle just above the other knee, so your legs make the shape of a number 4."
    ),
    "cues": (
        "Put your hands behind the thigh of the leg that is not crossed.\n"
        "Gently draw that thigh toward your chest.\n"
        "Feel the stretch in the buttock of the crossed leg.\n"
        "Hold still and breathe slowly, then swap sides."
    ),
    "mistakes": (
        "Forcing past comfort: ease back until you feel only mild tightness.\n"
        "Carrying on when you feel a pinch: stop and lower the leg."
    ),
    "equipment": ["mat", "towel"],
    "sets": 2,
    "reps": None,
    "hold_seconds": 30,
    "rest_seconds": 30,
    "per_side": True,
    "easier": None,
    "harder": None,
    "easier_tip": (
        "Leave the bottom foot on the floor instead of lifting it. If you can't reach "
        "your thigh, loop a towel or strap around it."
    ),
    "harder_tip": (
        "There is no harder version in the library, and you don't need one. You can hold "
        "the stretch a little longer, as long as it stays comfortable."
    ),
    "cautions": (
        "Stop if you feel pain or a pinch.\n"
        "If the knee of the crossed leg hurts, rest that ankle lower down the thigh, or "
        "leave this one out and tell your clinician.\n"
        "If you have had a hip replacement, check with your surgeon or physio first: "
        "crossing your legs and bending the hip past a right angle are restricted in the "
        "early weeks."
    ),
    "illustration_alt": (
        "A person lies on their back with one ankle crossed over the other knee and, with "
        "hands behind the uncrossed thigh, draws it gently toward the chest."
    ),
}
