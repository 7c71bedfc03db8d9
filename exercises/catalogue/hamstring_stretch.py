"""The shipped exercise hamstring-stretch, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "hamstring-stretch",
    "name": "Lying hamstring stretch",
    "kind": "stretch",
    "level": "beginner",
    "summary": "Gently stretches the back of your thigh while the floor supports your back.",
    "target": "Back of the thigh (hamstrings)",
    "start_position": (
        "Lie on your back with both knees bent and your feet flat on the floor. Loop a "
        "towel or strap behind one thigh or around that foot."
    ),
    "cues": (
        "Gently tighten your stomach muscles.\n"
        "Use the towel to lift that leg up toward the ceiling.\n"
        "Straighten the knee only as far as feels comfortable.\n"
        "Hold still and breathe slowly.\n"
        "Lower the leg slowly, then swap sides."
    ),
    "mistakes": (
        "Pulling on the knee itself: hold the towel or the back of your thigh instead.\n"
        "Pulling hard: ease off until you feel mild tightness, never pain."
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
        "Keep the knee of the stretching leg slightly bent, and keep your other knee bent "
        "with that foot on the floor."
    ),
    "harder_tip": (
        "There is no harder version in the library, and you don't need one. You can lay "
        "your other leg straight along the floor, or hold each stretch a little longer, up "
        "to 60 seconds."
    ),
    "cautions": (
        "Feel only mild tightness, never pain.\n"
        "Stop if you feel tingling, or pain that travels down your leg.\n"
        "Stop if your symptoms get worse or a new pain appears."
    ),
    "illustration_alt": (
        "A person lies on their back and uses a towel around one foot to raise that leg "
        "toward the ceiling, gently straightening the knee."
    ),
}
